"""Removable media: a township's bundle applied as an online round would be."""

from __future__ import annotations

from typing import Any

from caseworker.central import schema
from caseworker.central.base import MAX_BATCH, Answer, CentralError
from caseworker.central.pull import Pull
from caseworker.central.push import Push
from caseworker.sync import bundle, protocol


class Bundles(Push, Pull):
    def import_bundle(self, data: bytes) -> bytes:
        """Apply a township's bundle exactly as an online round would (the original
        idempotency keys, so a bundle imported twice, or after its operations arrived
        online, changes nothing) and answer with the return bundle: the receipts and
        everything the device would have pulled, encrypted to the device."""
        header = bundle.read_header(data)
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
        except (KeyError, TypeError):
            raise CentralError(422, "the bundle's content is incomplete") from None
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
                key = f"{header.device_id}:{scan['id']}"
                if session.get(schema.BundleScan, key) is None:
                    session.add(
                        schema.BundleScan(
                            key=key,
                            device_id=header.device_id,
                            number=str(scan["number"]),
                            filename=str(scan["filename"]),
                            sha256=str(scan["sha256"]),
                            content=blobs[int(scan["blob"])],
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
