"""Sync by removable media (同步包) for an office without a network: the outbox sealed
into a bundle for the centre, and the centre's return bundle opened and applied."""

from __future__ import annotations

from caseworker.services.base import (
    Actor,
    InvalidInputError,
    ServiceError,
    StepNotAllowedError,
)
from caseworker.services.permissions import require_role
from caseworker.services.sync_base import DESK_ROLES, RoundSummary, _audit, _succeeded
from caseworker.services.sync_round import SyncRound
from caseworker.storage import audit
from caseworker.storage import sync as repo
from caseworker.storage.database import transaction
from caseworker.storage.sync import ConflictView as ConflictView  # noqa: PLC0414 - for the desk
from caseworker.sync import bundle, protocol
from caseworker.sync.client import Outcome, SyncError


class SyncMedia(SyncRound):
    # --- removable media ------------------------------------------------------------

    def export_bundle(self, actor: Actor) -> tuple[bytes, int]:
        """Everything the outbox holds (and the scans of those applications, and the
        audit chain's head), encrypted to the centre and signed by this device. The
        entries stay in the outbox until the centre's receipts come back. Returns the
        bundle's bytes and how many operations it carries."""
        require_role(actor, DESK_ROLES, "export a sync bundle")
        with self.store.sessions() as session:
            link = self._enrolled(session)
            if not link.central_box_key:
                raise StepNotAllowedError(code="bundle.no_central_key")
            items = repo.pending(session, limit=1_000_000)
            numbers = {
                str(i.payload.get("application", {}).get("number"))
                for i in items
                if i.kind.startswith("application.")
            }
            scans = repo.attachments_of(session, numbers)
            head = audit.head(session)
            known = link.centre_audit_seq
            at_known = repo.audit_hash_at(session, known) if known is not None else None
        signer = self._signer()
        now = self.clock()
        seq = link.bundles_sent + 1
        body = {
            "operations": [self._wire(i) for i in items],
            "scans": [
                {**{k: v for k, v in scan.items() if k != "content"}, "blob": i}
                for i, scan in enumerate(scans)
            ],
            "audit": {"seq": head.seq, "hash": head.hash, "at_known": at_known} if head else None,
            "cursors": link.cursors,
            "box_key": bundle.box_public(signer.private_key),
        }
        data = bundle.seal(
            body,
            blobs=[scan["content"] for scan in scans],
            kind=bundle.OUTBOUND,
            device_id=link.device_id,
            centre_key=link.central_key,
            seq=seq,
            recipient_box=link.central_box_key,
            signer=signer.private_key,
            now=now,
        )
        with transaction(self.store.sessions) as session:
            repo.update_link(session, bundles_sent=seq, last_bundle_at=now)
            repo.count_attempt(session, [i.id for i in items], now)
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.bundle_export",
                detail={"seq": seq, "operations": len(items), "scans": len(scans)},
            )
        return data, len(items)

    def import_bundle(self, actor: Actor, data: bytes) -> tuple[str, bytes | None, RoundSummary]:
        """A bundle brought on removable media. An outbound bundle from a township is
        carried in to the centre (this device must be enrolled and connected) and the
        return bundle comes back; a return bundle for this device is applied as an
        online round would be. Returns (what was done, the return bundle or None, the
        summary)."""
        require_role(actor, DESK_ROLES, "import a sync bundle")
        try:
            header = bundle.read_header(data)
        except bundle.BundleError as exc:
            raise InvalidInputError(code="bundle.unreadable", problem=str(exc)) from None
        with self.store.sessions() as session:
            link = self._enrolled(session)
        summary = RoundSummary()
        if header.kind == bundle.OUTBOUND:
            if header.centre_key != link.central_key:
                raise InvalidInputError(code="bundle.other_centre")
            signer = self._signer()
            try:
                with self._client(link.central_url) as client:
                    answer = client.relay_bundle(link.device_id, signer.sign, data)
            except SyncError as exc:
                raise ServiceError(code="bundle.relay_failed", problem=str(exc)) from None
            self.store.record(
                at=self.clock(),
                actor=actor.username,
                action="sync.bundle_relay",
                detail={"device_id": header.device_id, "seq": header.seq},
            )
            return "relayed", answer, summary
        if header.kind != bundle.RETURN:
            raise InvalidInputError(code="bundle.kind_unknown", kind=header.kind)
        self._apply_return(actor, link, header, data, summary)
        return "applied", None, summary

    def _apply_return(
        self,
        actor: Actor,
        link: repo.LinkView,
        header: bundle.Header,
        data: bytes,
        summary: RoundSummary,
    ) -> None:
        if header.device_id != link.device_id:
            raise InvalidInputError(code="bundle.other_desk")
        if header.centre_key != link.central_key:
            raise InvalidInputError(code="bundle.return_other_centre")
        if header.seq < link.returns_applied:
            raise StepNotAllowedError(
                code="bundle.older", seq=header.seq, applied=link.returns_applied
            )
        signer = self._signer()
        try:
            _, body, _ = bundle.open_sealed(
                data, sender_key=link.central_key, recipient=bundle.box_key(signer.private_key)
            )
        except bundle.BundleError as exc:
            raise InvalidInputError(code="bundle.unreadable", problem=str(exc)) from None
        receipts = {str(r["key"]): r for r in body.get("receipts", [])}
        with self.store.sessions() as session:
            waiting = [
                i
                for status in (repo.PENDING, repo.SET_ASIDE)
                for i in repo.outbox_items(session, status)
                if i.key in receipts
            ]
        outcomes = [
            (
                item,
                Outcome(
                    item.key,
                    str(receipts[item.key]["status"]),
                    dict(receipts[item.key].get("result") or {}),
                    str(receipts[item.key].get("error") or ""),
                ),
            )
            for item in waiting
        ]
        self._record(outcomes, str(body.get("audit_warning") or ""), summary)
        for stream in protocol.STREAMS:
            pulled = (body.get("pulls") or {}).get(stream)
            if not pulled:
                continue
            with self.store.sessions() as session:
                current = str(((repo.link(session) or link).cursors).get(stream, protocol.START))
            if current != str(pulled["from"]):
                continue  # an online round has gone further since the bundle left
            self._store_page(stream, list(pulled["items"]), str(pulled["cursor"]), link, summary)
        if summary.packs and self.evaluation is not None:
            self.evaluation.reload()
        now = self.clock()
        with transaction(self.store.sessions) as session:
            repo.update_link(
                session,
                returns_applied=max(header.seq, link.returns_applied),
                last_return_at=now,
                centre_audit_seq=body.get("audit_seq"),
                **_succeeded(now),
            )
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.bundle_return",
                detail={"seq": header.seq, "receipts": len(outcomes)},
            )
