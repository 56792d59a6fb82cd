"""Sync bundles carried on removable media (a USB stick) between a township office with
no network and a connected counter or the centre.

A bundle is::

    CWBUNDLE1\\n
    header: one line of JSON, in the clear but holding no personal data
            (kind, sender device, the centre it is for, sequence number, time, the
            ephemeral X25519 key and nonce, the ciphertext's length)
    ciphertext: AES-256-GCM, keyed by X25519 between an ephemeral key and the
            recipient's key (HKDF-SHA256), with the header as associated data, of: the
            zlib-compressed JSON body's length (8 bytes) and the body, then the binary
            parts (scans, already compressed as JPEG) one after another, their sizes in
            the body's ``blob_sizes``
    signature: 64 bytes, Ed25519 by the sender over everything before it

Outbound bundles (device → centre) are encrypted to the centre's box key and signed by
the device; return bundles (centre → device) are encrypted to the device's box key and
signed by the centre. Each party's box (X25519) key is derived from its Ed25519 signing
key, so no new secret needs keeping. A lost stick reveals nothing without the
recipient's private key; a changed or cut-short file fails its signature."""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"CWBUNDLE1\n"
OUTBOUND = "outbound"
RETURN = "return"
SIGNATURE = 64


class BundleError(Exception):
    """A bundle that cannot be used; ``str()`` says why and what to do."""


@dataclass(frozen=True, slots=True)
class Header:
    kind: str
    device_id: str
    centre_key: str  # the centre's Ed25519 public key (hex): which centre it is for / from
    seq: int
    created_at: str
    ephemeral: str
    nonce: str
    length: int

    def to_bytes(self) -> bytes:
        return (
            json.dumps(
                {
                    "kind": self.kind,
                    "device_id": self.device_id,
                    "centre_key": self.centre_key,
                    "seq": self.seq,
                    "created_at": self.created_at,
                    "ephemeral": self.ephemeral,
                    "nonce": self.nonce,
                    "length": self.length,
                },
                sort_keys=True,
            ).encode()
            + b"\n"
        )


def box_key(signing_key: Ed25519PrivateKey) -> X25519PrivateKey:
    """The X25519 key that goes with an Ed25519 signing key (derived, never stored)."""
    seed = signing_key.private_bytes_raw()
    raw = HKDF(hashes.SHA256(), 32, salt=None, info=b"caseworker-box-v1").derive(seed)
    return X25519PrivateKey.from_private_bytes(raw)


def box_public(signing_key: Ed25519PrivateKey) -> str:
    return box_key(signing_key).public_key().public_bytes_raw().hex()


def _aead_key(shared: bytes, header_context: bytes) -> bytes:
    return HKDF(
        hashes.SHA256(), 32, salt=None, info=b"caseworker-bundle-v1" + header_context
    ).derive(shared)


def seal(
    body: dict[str, Any],
    *,
    blobs: list[bytes] | None = None,
    kind: str,
    device_id: str,
    centre_key: str,
    seq: int,
    recipient_box: str,
    signer: Ed25519PrivateKey,
    now: datetime,
) -> bytes:
    parts = blobs or []
    text = zlib.compress(
        json.dumps({**body, "blob_sizes": [len(b) for b in parts]}, ensure_ascii=False).encode(), 6
    )
    plain = b"".join([len(text).to_bytes(8, "big"), text, *parts])
    ephemeral = X25519PrivateKey.generate()
    try:
        recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(recipient_box))
    except ValueError:
        raise BundleError("the recipient's encryption key is not valid") from None
    nonce = os.urandom(12)
    context = f"{kind}|{device_id}|{centre_key}|{seq}".encode()
    key = _aead_key(ephemeral.exchange(recipient), context)
    length = len(plain) + 16  # AES-GCM adds its 16-byte tag
    header = Header(
        kind,
        device_id,
        centre_key,
        seq,
        now.isoformat(timespec="seconds"),
        ephemeral.public_key().public_bytes_raw().hex(),
        nonce.hex(),
        length,
    ).to_bytes()
    cipher = AESGCM(key).encrypt(nonce, plain, MAGIC + header)
    assert len(cipher) == length
    signed = MAGIC + header + cipher
    return signed + signer.sign(signed)


def read_header(data: bytes) -> Header:
    """The header alone, before anything is verified (to know whose key checks it)."""
    if not data.startswith(MAGIC):
        raise BundleError("this file is not a sync bundle (it does not start as one)")
    end = data.find(b"\n", len(MAGIC))
    if end < 0:
        raise BundleError("the bundle is cut short: its header is incomplete; copy it again")
    try:
        raw = json.loads(data[len(MAGIC) : end])
        return Header(
            str(raw["kind"]),
            str(raw["device_id"]),
            str(raw["centre_key"]),
            int(raw["seq"]),
            str(raw["created_at"]),
            str(raw["ephemeral"]),
            str(raw["nonce"]),
            int(raw["length"]),
        )
    except (ValueError, KeyError, TypeError):
        raise BundleError("the bundle's header is damaged; copy the bundle again") from None


def open_sealed(
    data: bytes, *, sender_key: str, recipient: X25519PrivateKey
) -> tuple[Header, dict[str, Any], list[bytes]]:
    """Verify the sender's signature, then decrypt; returns the header, the body and its
    binary parts. BundleError names what is wrong."""
    header = read_header(data)
    header_end = data.find(b"\n", len(MAGIC)) + 1
    expected = header_end + header.length + SIGNATURE
    if len(data) < expected:
        raise BundleError(
            f"the bundle is cut short ({len(data)} of {expected} bytes): the copy did not "
            "finish; copy it again from the sending office"
        )
    if len(data) > expected:
        raise BundleError("the bundle has bytes after its end: it was altered")
    signed, signature = data[:-SIGNATURE], data[-SIGNATURE:]
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(sender_key)).verify(signature, signed)
    except (InvalidSignature, ValueError):
        raise BundleError(
            "the bundle's signature does not match its sender: it was altered or forged; "
            "do not use it"
        ) from None
    context = f"{header.kind}|{header.device_id}|{header.centre_key}|{header.seq}".encode()
    try:
        ephemeral = X25519PublicKey.from_public_bytes(bytes.fromhex(header.ephemeral))
        key = _aead_key(recipient.exchange(ephemeral), context)
        plain = AESGCM(key).decrypt(
            bytes.fromhex(header.nonce),
            data[header_end:-SIGNATURE],
            MAGIC + data[len(MAGIC) : header_end],
        )
    except (InvalidTag, ValueError):
        raise BundleError(
            "the bundle cannot be decrypted here: it was made for another recipient"
        ) from None
    try:
        size = int.from_bytes(plain[:8], "big")
        body = json.loads(zlib.decompress(plain[8 : 8 + size]))
        blobs, at = [], 8 + size
        for length in body["blob_sizes"]:
            blobs.append(plain[at : at + int(length)])
            at += int(length)
    except (ValueError, KeyError, TypeError, zlib.error):
        raise BundleError("the bundle's content is damaged") from None
    if not isinstance(body, dict) or at != len(plain):
        raise BundleError("the bundle's content is damaged")
    return header, body, blobs
