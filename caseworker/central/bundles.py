"""Removable media: a township's bundle applied as an online round would be."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from caseworker.central import schema
from caseworker.central.applications import check_own
from caseworker.central.base import MAX_BATCH, Answer, CentralError, OperationError
from caseworker.central.fields import DEVICE_ID, plain_text
from caseworker.central.pull import Pull
from caseworker.central.push import Push
from caseworker.sync import bundle, protocol


class Bundles(Push, Pull):
    def import_bundle(self, data: bytes) -> bytes:
        """Apply a township's bundle exactly as an online round would (the original
        idempotency keys, so a bundle imported twice, or after its operations arrived
        online, changes nothing) and answer with the return bundle: the receipts and
        everything the device would have pulled, encrypted to the device."""
        try:
            header = bundle.read_header(data)
        except bundle.BundleError as exc:
            raise CentralError(422, str(exc)) from None
        if not DEVICE.match(header.device_id) or not 0 <= header.seq <= MAX_BUNDLE_SEQ:
            raise CentralError(422, "the bundle's header is damaged; copy the bundle again")
        if header.kind != bundle.OUTBOUND:
            raise CentralError(422, "this is a return bundle: take it back to its township office")
        if header.centre_key != self.public_key:
            raise CentralError(
                422,
                "this bundle was made for another central system (its key "
                f"{header.centre_key[:16]}…, this one's {self.public_key[:16]}…)",
            )
        with self.sessions() as session:
            device = session.get(schema.Device, header.device_id)
            if device is None or not device.active:
                raise CentralError(422, "the bundle's device is not enrolled here")
            sender, applied_seq = device.public_key, device.bundle_seq
        try:
            header, body, blobs = bundle.open_sealed(
                data, sender_key=sender, recipient=bundle.box_key(self._key)
            )
        except bundle.BundleError as exc:
            raise CentralError(422, str(exc)) from None
        if header.seq < applied_seq:
            raise CentralError(
                422,
                f"this bundle (number {header.seq}) is older than bundle {applied_seq} already "
                "applied from that office; nothing was changed",
            )
        try:
            operations = list(body["operations"])
            cursors = dict(body.get("cursors") or {})
            device_box = str(body["box_key"])
            scans = list(body.get("scans") or [])
        except (KeyError, TypeError, ValueError):
            raise CentralError(422, "the bundle's content is incomplete") from None
        if not all(isinstance(op, dict) for op in operations):
            raise CentralError(422, "the bundle's operations are damaged")
        scans = [_scan(scan, device, len(blobs)) for scan in scans]  # before anything applied
        receipts: list[Answer] = []
        audit_seq, warning = None, ""
        chunks = [operations[i : i + MAX_BATCH] for i in range(0, len(operations), MAX_BATCH)] or [
            []
        ]
        for i, chunk in enumerate(chunks):
            audit = body.get("audit") if i == len(chunks) - 1 else None
            answers, audit_seq, said = self.push(header.device_id, chunk, audit)
            receipts += answers
            warning = warning or said
        now = self.clock()
        with self._tx() as session:
            for scan in scans:
                key = f"{header.device_id}:{scan.id}"
                if session.get(schema.BundleScan, key) is None:
                    session.add(
                        schema.BundleScan(
                            key=key,
                            device_id=header.device_id,
                            number=scan.number,
                            filename=scan.filename,
                            sha256=scan.sha256,
                            content=blobs[scan.blob],
                            received_at=now,
                        )
                    )
            device = session.get(schema.Device, header.device_id, with_for_update=True)
            assert device is not None
            device.bundle_seq = max(device.bundle_seq, header.seq)
            office = device.office_code
            session.flush()
            session.expunge(device)  # read below (its office) after the transaction
        pulls: dict[str, Any] = {}
        for stream in protocol.STREAMS:
            start = str(cursors.get(stream, protocol.START))
            items: list[dict[str, Any]] = []
            cursor, more = start, True
            while more:
                page, cursor, more = self.pull(device, stream, cursor, 10_000)
                items += page
            pulls[stream] = {"from": start, "items": items, "cursor": cursor}
        reply = {
            "receipts": [
                {"key": a.key, "status": a.status, "result": a.result, "error": a.error}
                for a in receipts
            ],
            "audit_seq": audit_seq,
            "audit_warning": warning,
            "pulls": pulls,
            "office_code": office,
        }
        return bundle.seal(
            reply,
            kind=bundle.RETURN,
            device_id=header.device_id,
            centre_key=self.public_key,
            seq=header.seq,
            recipient_box=device_box,
            signer=self._key,
            now=now,
        )


DEVICE = re.compile(DEVICE_ID)
MAX_BUNDLE_SEQ = 2**31 - 1  # devices.bundle_seq is an integer column
_SCAN_ID = re.compile(r"^[0-9A-Za-z_.-]{1,40}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True, slots=True)
class _Scan:
    id: str
    number: str
    filename: str
    sha256: str
    blob: int


def _scan(scan: Any, device: schema.Device, blobs: int) -> _Scan:
    """One scan a bundle lists, checked: of the device's own application, with a name
    that can be stored and a blob the bundle holds."""
    try:
        scan_id, number = str(scan["id"]), scan["number"]
        filename, sha256, blob = scan["filename"], scan["sha256"], scan["blob"]
    except (KeyError, TypeError):
        raise CentralError(422, "a scan in the bundle is incomplete") from None
    if (
        not _SCAN_ID.match(scan_id)
        or not isinstance(number, str)
        or not isinstance(sha256, str)
        or not _SHA256.match(sha256)
        or not isinstance(blob, int)
        or not 0 <= blob < blobs
    ):
        raise CentralError(422, f"scan {scan_id[:40]!r} in the bundle is damaged")
    try:
        plain_text(filename, "a scan's file name", longest=200)
        check_own(device, number)
    except (ValueError, OperationError) as exc:
        raise CentralError(422, str(exc)) from None
    return _Scan(scan_id, number, filename, sha256, blob)
