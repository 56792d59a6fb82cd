"""The sync protocol's shared vocabulary: streams, per-operation outcomes, and the exact
bytes each signature covers. The client and the central server both import it."""

from __future__ import annotations

import hashlib

API = "/v1"

#: pull streams, in the order a round pulls them (rule packs first: a pack that changed
#: must be known before anything decided under the old one is sent)
RULE_PACKS = "rule_packs"
REVOCATIONS = "revocations"
ACCOUNTS = "accounts"
PERSONS = "persons"
STREAMS = (RULE_PACKS, REVOCATIONS, ACCOUNTS, PERSONS)

#: what the centre answers for each pushed operation
APPLIED = "applied"
REPLAYED = "replayed"  # the key was seen before: the stored answer, nothing re-run
REJECTED = "rejected"
CONFLICT = "conflict"
OUTCOMES = (APPLIED, REPLAYED, REJECTED, CONFLICT)

#: application states the person index treats as "this person is taken here"
OPEN_STATES = ("accepted", "decided", "approved", "permit_issued")
CLAIMING_STATES = (*OPEN_STATES, "settled")

#: a cursor before every change
START = "0:0"


def auth_message(device_id: str, nonce: str) -> bytes:
    """What a device signs to prove it holds its enrolled key."""
    return f"caseworker-auth\n{device_id}\n{nonce}".encode()


def pack_message(policy: str, version: str, text: str) -> bytes:
    """What the centre signs when it publishes a rule pack."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return f"caseworker-pack\n{policy}\n{version}\n{digest}".encode()


def parse_cursor(cursor: str) -> tuple[int, int]:
    """``txid:seq`` (see ``caseworker.central.changes``); raises ValueError if malformed."""
    txid, _, seq = cursor.partition(":")
    return int(txid), int(seq)
