"""What the QR code carries: the document's number and copy, a digest of its key fields,
and the device's signature, so a permit altered by hand (or a forged one) shows."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from caseworker.printing.model import DocumentData, DocumentKind

PREFIX = "CW1"
PATTERN = re.compile(r"CW1\|[A-Z0-9]{4,8}\|[A-Z0-9-]+\|\d+\|[A-Z2-7]+\|[A-Za-z0-9_-]+")


def fields(kind: DocumentKind, data: DocumentData) -> dict[str, Any]:
    """The fields a forger would change: who, where, which clause, until when. The register
    keeps them as printed (``facts``) and `verify` answers from them."""
    return {
        "kind": kind.value,
        "number": data.number,
        "application": data.application_number,
        "issued_on": data.issued_on.isoformat(),
        "people": [[p.relation, p.name, p.id_number] for p in (data.applicant, *data.relatives)],
        "destination": data.destination,
        "route": data.route.clause if data.route else "",
        "valid_until": data.valid_until.isoformat() if data.valid_until else "",
    }


def digest_of(values: dict[str, Any]) -> str:
    """SHA-256 over ``fields``' values, canonical JSON."""
    canonical = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def digest(kind: DocumentKind, data: DocumentData) -> str:
    """SHA-256 over the fields a forger would change: who, where, which clause, until when."""
    return digest_of(fields(kind, data))


@dataclass(frozen=True, slots=True)
class Payload:
    device: str
    number: str
    copy: int
    digest: str  # the first 16 bytes of the SHA-256, base32
    signature: bytes

    @property
    def signed_part(self) -> bytes:
        return f"{PREFIX}|{self.device}|{self.number}|{self.copy}|{self.digest}".encode("ascii")

    def encode(self) -> str:
        sig = base64.urlsafe_b64encode(self.signature).decode("ascii").rstrip("=")
        return f"{self.signed_part.decode('ascii')}|{sig}"


def short_digest(full_hex: str) -> str:
    return base64.b32encode(bytes.fromhex(full_hex)[:16]).decode("ascii").rstrip("=")


class PayloadError(ValueError):
    pass


def parse(text: str) -> Payload:
    """A payload read back from a QR code, a PDF or typed in; PayloadError if malformed."""
    match = PATTERN.search(text.strip())
    if match is None:
        raise PayloadError("not a caseworker document code (it should start with CW1|)")
    _, device, number, copy, short, sig = match.group(0).split("|")
    try:
        signature = base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4))
    except ValueError:
        raise PayloadError("the signature part is damaged") from None
    return Payload(device, number, int(copy), short, signature)
