"""Sync with the central system: enrolment, one round (pull rule packs, push the outbox,
pull the rest), its state for the status bar, and the supervisor's queue of conflicts.

A round's guarantees, each in the code below:
- the outbox is written in the change's own transaction (the services do that); an entry
  leaves the queue only when the centre has answered for it, and is never deleted;
- a retry sends the same idempotency key, so an answer lost on the way (the connection
  dropped after the centre committed) costs a ``replayed`` answer, not a second change;
- one entry the centre rejects is set aside with its error; the rest go on;
- a page of a stream and its cursor are stored in one transaction;
- a pulled account never overwrites a local change the centre has not confirmed yet."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from caseworker import logs
from caseworker.rules.packs import PackError
from caseworker.security.signing import DeviceSigner, verify_signature
from caseworker.services.base import Actor, NotFoundError, ServiceError
from caseworker.services.evaluation import PULLED_RULES, EvaluationService
from caseworker.services.permissions import require_role
from caseworker.services.store import Store
from caseworker.storage import audit
from caseworker.storage import repositories as records
from caseworker.storage import sync as repo
from caseworker.storage.database import transaction
from caseworker.storage.sync import ConflictView as ConflictView  # noqa: PLC0414 - for the desk
from caseworker.sync import backoff, bundle
from caseworker.sync import protocol as p
from caseworker.sync.client import CentralClient, Outcome, RefusedError, SyncError

BATCH = 200
PAGE = 1000
SUPERVISORS = frozenset({"supervisor", "admin"})
DESK_ROLES = frozenset({"clerk", "supervisor", "admin"})

CONFLICT_ZH = {
    "person_elsewhere": "他处有同一人的申请",
    "settlement_taken": "此人已在他处落户",
    "pack_changed": "规则包已更新，需重新审查",
    "rejected": "中心拒收",
    "pull_skipped": "本地有未同步的修改",
    "pack_refused": "规则包未通过校验",
    "audit_trail": "审计链断裂",
}


@dataclass(frozen=True, slots=True)
class SyncStatus:
    enrolled: bool
    central_url: str = ""
    last_success_at: datetime | None = None
    last_attempt_at: datetime | None = None
    last_error: str = ""
    next_attempt_at: datetime | None = None
    waiting: int = 0
    set_aside: int = 0
    conflicts: int = 0
    stale_days: int = 3
    days_without_sync: float | None = None
    last_bundle_at: datetime | None = None
    last_return_at: datetime | None = None

    @property
    def stale(self) -> bool:
        return self.days_without_sync is not None and self.days_without_sync >= self.stale_days


@dataclass(slots=True)
class RoundSummary:
    ok: bool = True
    error: str = ""
    sent: int = 0
    applied: int = 0
    replayed: int = 0
    conflicts: int = 0
    set_aside: int = 0
    pulled: dict[str, int] = field(default_factory=dict)
    packs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"sent {self.sent}: applied {self.applied}, replayed {self.replayed}, "
            f"conflicts {self.conflicts}, set aside {self.set_aside}",
            "pulled " + ", ".join(f"{k} {v}" for k, v in self.pulled.items()),
        ]
        out += [f"rule pack now in use: {name}" for name in self.packs]
        out += [f"warning: {w}" for w in self.warnings]
        if not self.ok:
            out.append(f"the round stopped: {self.error}")
        return out


def days_without_sync(link: repo.LinkView, now: datetime) -> float:
    since = link.last_success_at or link.enrolled_at
    return (now - since) / timedelta(days=1)


class SyncService:
    """``transport`` lets tests route the HTTP traffic (a fault-injecting proxy does it
    at the socket level instead); ``evaluation`` is reloaded when new packs arrive."""

    def __init__(
        self,
        store: Store,
        *,
        evaluation: EvaluationService | None = None,
        clock: Callable[[], datetime] = datetime.now,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        batch: int = BATCH,
    ) -> None:
        self.store = store
        self.evaluation = evaluation
        self.clock = clock
        self._transport = transport
        self._timeout = timeout
        self.batch = max(1, min(batch, 500))

    @property
    def pulled_rules(self) -> Path:
        return self.store.folder / PULLED_RULES

    def _signer(self) -> DeviceSigner:
        return DeviceSigner.load_or_create(
            self.store.settings.store_id, self.store.settings.key_path
        )

    def _client(self, url: str) -> CentralClient:
        return CentralClient(url, timeout=self._timeout, transport=self._transport)

    # --- enrolment and state --------------------------------------------------------

    def enrol(self, actor: Actor, central_url: str, code: str) -> str:
        """Enrol this device with a one-time code from the central administrator."""
        require_role(actor, frozenset({"admin"}), "enrol this device with the central system")
        if not central_url.startswith(("http://", "https://")):
            raise ServiceError(
                f"{central_url!r} is not an address such as https://central.example:8470"
            )
        office = self.store.office()
        signer = self._signer()
        try:
            with self._client(central_url) as client:
                device_id, central_key, box = client.enrol(
                    code=code,
                    office_code=office.office_code,
                    device_code=office.device_code,
                    public_key=signer.public_hex,
                )
        except SyncError as exc:
            raise ServiceError(f"enrolment failed: {exc}") from None
        now = self.clock()
        with transaction(self.store.sessions) as session:
            repo.save_link(
                session,
                central_url=central_url,
                device_id=device_id,
                central_key=central_key,
                central_box_key=box,
                at=now,
            )
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.enrol",
                detail={"central": central_url, "device_id": device_id},
            )
        return device_id

    def status(self) -> SyncStatus:
        with self.store.sessions() as session:
            link = repo.link(session)
            counts = repo.counts(session)
        if link is None:
            return SyncStatus(
                False,
                waiting=counts.waiting,
                set_aside=counts.set_aside,
                conflicts=counts.conflicts,
            )
        return SyncStatus(
            True,
            link.central_url,
            link.last_success_at,
            link.last_attempt_at,
            link.last_error,
            link.next_attempt_at,
            counts.waiting,
            counts.set_aside,
            counts.conflicts,
            link.stale_days,
            days_without_sync(link, self.clock()),
            link.last_bundle_at,
            link.last_return_at,
        )

    def due(self) -> bool:
        """Whether a timer-driven round should run now (enrolled, and past the backoff)."""
        with self.store.sessions() as session:
            link = repo.link(session)
        return link is not None and (
            link.next_attempt_at is None or self.clock() >= link.next_attempt_at
        )

    def set_stale_days(self, actor: Actor, days: int) -> None:
        require_role(actor, frozenset({"admin"}), "change the days without sync allowed")
        if not 1 <= days <= 60:
            raise ServiceError("the days without sync allowed must be between 1 and 60")
        with transaction(self.store.sessions) as session:
            if repo.link(session) is None:
                raise ServiceError("this device is not enrolled: run `caseworker enroll` first")
            repo.update_link(session, stale_days=days)
            _audit(
                session,
                at=self.clock(),
                actor=actor.username,
                action="sync.settings",
                detail={"stale_days": days},
            )

    # --- one round ------------------------------------------------------------------

    def sync(self) -> RoundSummary:
        """One round. Never raises for a network fault: the summary says what happened,
        and the next timer-driven round waits longer after each failure."""
        with self.store.sessions() as session:
            link = repo.link(session)
        if link is None:
            raise ServiceError(
                "this device is not enrolled with the central system: run `caseworker "
                "enroll --central URL --code CODE` (the code comes from the central administrator)"
            )
        summary = RoundSummary()
        signer = self._signer()
        started = self.clock()
        learned: dict[str, Any] = {}
        try:
            with self._client(link.central_url) as client:
                client.authenticate(link.device_id, signer.sign)
                self._pull(client, link, signer, summary, (p.RULE_PACKS,))
                self._push(client, link, signer, summary)
                self._pull(client, link, signer, summary, p.STREAMS[1:])
                learned["centre_audit_seq"] = client.audit_seq
                if client.central_box_key:
                    learned["central_box_key"] = client.central_box_key
        except SyncError as exc:
            summary.ok, summary.error = False, str(exc)
        now = self.clock()
        with transaction(self.store.sessions) as session:
            if summary.ok:
                repo.update_link(session, last_attempt_at=started, **_succeeded(now), **learned)
            else:
                failures = link.failures + 1
                repo.update_link(
                    session,
                    last_attempt_at=started,
                    last_error=summary.error,
                    failures=failures,
                    next_attempt_at=backoff.next_attempt(now, failures),
                )
        logs.sync_round(ok=summary.ok, lines=summary.lines())
        return summary

    def _push(
        self,
        client: CentralClient,
        link: repo.LinkView,
        signer: DeviceSigner,
        summary: RoundSummary,
    ) -> None:
        after, sent_any = 0, False
        while True:
            with self.store.sessions() as session:
                batch = repo.pending(session, after=after, limit=self.batch)
                head = audit.head(session)
                known = client.audit_seq
                at_known = repo.audit_hash_at(session, known) if known is not None else None
            if not batch and sent_any:
                return
            sent_any = True  # an empty outbox still shows the centre its audit head
            if batch:
                with transaction(self.store.sessions) as session:
                    repo.count_attempt(session, [item.id for item in batch], self.clock())
            head_json = {"seq": head.seq, "hash": head.hash, "at_known": at_known} if head else None
            try:
                reply = client.push(
                    link.device_id, signer.sign, [self._wire(i) for i in batch], head_json
                )
                outcomes = list(zip(batch, reply.outcomes, strict=True))
                warning = reply.audit_warning
            except RefusedError as exc:
                # the batch as a whole was refused (too big, malformed): find the culprit
                outcomes, warning = self._one_by_one(client, link, signer, batch, exc), ""
            self._record(outcomes, warning, summary)
            if not batch:
                return
            after = batch[-1].id

    @staticmethod
    def _wire(item: repo.OutboxItem) -> dict[str, Any]:
        return {"key": item.key, "kind": item.kind, "payload": item.payload}

    def _one_by_one(
        self,
        client: CentralClient,
        link: repo.LinkView,
        signer: DeviceSigner,
        batch: list[repo.OutboxItem],
        refusal: RefusedError,
    ) -> list[tuple[repo.OutboxItem, Outcome]]:
        if not batch:
            raise refusal
        if len(batch) == 1:
            return [(batch[0], Outcome(batch[0].key, p.REJECTED, {"kept": False}, str(refusal)))]
        out = []
        for item in batch:
            try:
                out.append(
                    (
                        item,
                        client.push(link.device_id, signer.sign, [self._wire(item)], None).outcomes[
                            0
                        ],
                    )
                )
            except RefusedError as exc:
                out.append((item, Outcome(item.key, p.REJECTED, {"kept": False}, str(exc))))
        return out

    def _record(
        self, outcomes: list[tuple[repo.OutboxItem, Outcome]], warning: str, summary: RoundSummary
    ) -> None:
        now = self.clock()
        with transaction(self.store.sessions) as session:
            for item, outcome in outcomes:
                summary.sent += 1
                original = str(outcome.result.get("original", outcome.status))
                if outcome.status == p.REPLAYED:
                    summary.replayed += 1
                subject = str(
                    item.payload.get("application", {}).get("number")
                    or item.payload.get("username")
                    or item.kind
                )
                if original == p.REJECTED:
                    summary.set_aside += 1
                    repo.set_aside(session, item.id, outcome.error, outcome.result)
                    repo.add_conflict(
                        session,
                        at=now,
                        kind="rejected",
                        subject=subject,
                        message=f"the centre rejected {item.kind}: {outcome.error}",
                        detail={"key": item.key, "kind": item.kind},
                        outbox_id=item.id,
                    )
                    continue
                repo.confirm(session, item.id, outcome.result, now)
                if outcome.status == p.APPLIED:
                    summary.applied += 1
                for found in outcome.result.get("conflicts") or []:
                    summary.conflicts += 1
                    repo.add_conflict(
                        session,
                        at=now,
                        kind=str(found.get("kind", "conflict")),
                        subject=subject,
                        message=str(found.get("message", "")),
                        detail=found,
                        outbox_id=item.id,
                    )
                for review in outcome.result.get("review") or []:
                    repo.add_conflict(
                        session,
                        at=now,
                        kind="pack_changed",
                        subject=subject,
                        message=str(review.get("message", "")),
                        detail=review,
                        outbox_id=item.id,
                    )
            if warning:
                summary.warnings.append(warning)
                repo.add_conflict(
                    session, at=now, kind="audit_trail", subject="audit", message=warning, detail={}
                )

    def _pull(
        self,
        client: CentralClient,
        link: repo.LinkView,
        signer: DeviceSigner,
        summary: RoundSummary,
        streams: tuple[str, ...],
    ) -> None:
        with self.store.sessions() as session:
            cursors = (repo.link(session) or link).cursors
        for stream in streams:
            cursor = str(cursors.get(stream, p.START))
            while True:
                page = client.pull(link.device_id, signer.sign, stream, cursor, PAGE)
                self._store_page(stream, list(page.items), page.cursor, link, summary)
                cursor = page.cursor
                if not page.more:
                    break
        if summary.packs and self.evaluation is not None:
            self.evaluation.reload()

    def _store_page(
        self,
        stream: str,
        items: list[dict[str, Any]],
        cursor: str,
        link: repo.LinkView,
        summary: RoundSummary,
    ) -> None:
        """A page of a stream and its cursor, in one transaction."""
        with transaction(self.store.sessions) as session:
            for item in items:
                self._apply(session, stream, item, link, summary)
            repo.set_cursor(session, stream, cursor)
        summary.pulled[stream] = summary.pulled.get(stream, 0) + len(items)

    def _apply(
        self,
        session: Any,
        stream: str,
        item: dict[str, Any],
        link: repo.LinkView,
        summary: RoundSummary,
    ) -> None:
        now = self.clock()
        if stream == p.PERSONS:
            repo.put_person(
                session,
                office_code=str(item["office_code"]),
                number=str(item["number"]),
                id_number=str(item["id_number"]),
                state=str(item["state"]),
                at=now,
            )
        elif stream == p.REVOCATIONS:
            repo.put_revocation(
                session, str(item["permit_number"]), str(item.get("reason", "")), now
            )
        elif stream == p.ACCOUNTS:
            username = str(item["username"])
            if username in repo.pending_accounts(session):
                repo.add_conflict(
                    session,
                    at=now,
                    kind="pull_skipped",
                    subject=username,
                    message=f"the centre changed account {username}, but this desk has an unsent "
                    "change to it; the local one is kept until it reaches the centre",
                    detail={k: v for k, v in item.items() if k != "password_hash"},
                )
                return
            repo.put_account(
                session,
                username=username,
                display_name=str(item["display_name"]),
                role=str(item["role"]),
                active=bool(item["active"]),
                password_hash=str(item["password_hash"]),
                at=now,
            )
        elif stream == p.RULE_PACKS:
            self._pack(session, item, link, summary, now)

    def _pack(
        self,
        session: Any,
        item: dict[str, Any],
        link: repo.LinkView,
        summary: RoundSummary,
        now: datetime,
    ) -> None:
        """A pulled pack is used only if the centre signed it and it validates here
        exactly as a shipped pack would; otherwise it is refused whole."""
        policy, version, text = str(item["policy"]), str(item["version"]), str(item["text"])
        problem = ""
        if not verify_signature(
            link.central_key,
            p.pack_message(policy, version, text),
            bytes.fromhex(str(item["signature"])),
        ):
            problem = "its signature is not the central system's"
        elif self.evaluation is not None:
            with tempfile.TemporaryDirectory() as folder:
                candidate = Path(folder) / f"{policy}.yaml"
                candidate.write_text(text, encoding="utf-8")
                try:
                    self.evaluation.check_pack(candidate)
                except PackError as exc:
                    problem = f"it does not validate: {exc}"
        if problem:
            repo.add_conflict(
                session,
                at=now,
                kind="pack_refused",
                subject=policy,
                message=f"rule pack {policy} {version} from the centre was refused: {problem}",
                detail={"policy": policy, "version": version},
            )
            summary.warnings.append(f"rule pack {policy} {version} refused: {problem}")
            return
        self.pulled_rules.mkdir(exist_ok=True)
        target = self.pulled_rules / f"{policy}.yaml"
        temporary = target.with_suffix(".tmp")
        temporary.write_text(text, encoding="utf-8")
        with open(temporary, "rb") as fh:
            os.fsync(fh.fileno())
        temporary.replace(target)
        summary.packs.append(f"{policy} {version}")
        _audit(
            session,
            at=now,
            actor="system",
            action="sync.rule_pack",
            detail={"policy": policy, "version": version},
        )

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
                raise ServiceError(
                    "this desk does not know the central system's encryption key yet: sync "
                    "online once (or enrol again) before exporting bundles"
                )
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
            raise ServiceError(str(exc)) from None
        with self.store.sessions() as session:
            link = self._enrolled(session)
        summary = RoundSummary()
        if header.kind == bundle.OUTBOUND:
            if header.centre_key != link.central_key:
                raise ServiceError(
                    "this bundle was made for another central system than the one this desk "
                    "is enrolled with; nothing was done"
                )
            signer = self._signer()
            try:
                with self._client(link.central_url) as client:
                    answer = client.relay_bundle(link.device_id, signer.sign, data)
            except SyncError as exc:
                raise ServiceError(f"the bundle could not be carried in: {exc}") from None
            self.store.record(
                at=self.clock(),
                actor=actor.username,
                action="sync.bundle_relay",
                detail={"device_id": header.device_id, "seq": header.seq},
            )
            return "relayed", answer, summary
        if header.kind != bundle.RETURN:
            raise ServiceError(f"unknown bundle kind {header.kind!r}")
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
            raise ServiceError("this return bundle is for another office's desk; take it there")
        if header.centre_key != link.central_key:
            raise ServiceError("this return bundle comes from another central system")
        if header.seq < link.returns_applied:
            raise ServiceError(
                f"this return bundle (for bundle {header.seq}) is older than the one already "
                f"applied (for bundle {link.returns_applied}); nothing was changed"
            )
        signer = self._signer()
        try:
            _, body, _ = bundle.open_sealed(
                data, sender_key=link.central_key, recipient=bundle.box_key(signer.private_key)
            )
        except bundle.BundleError as exc:
            raise ServiceError(str(exc)) from None
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
        for stream in p.STREAMS:
            pulled = (body.get("pulls") or {}).get(stream)
            if not pulled:
                continue
            with self.store.sessions() as session:
                current = str(((repo.link(session) or link).cursors).get(stream, p.START))
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

    def _enrolled(self, session: Any) -> repo.LinkView:
        link = repo.link(session)
        if link is None:
            raise ServiceError(
                "this device is not enrolled with the central system: run `caseworker "
                "enroll --central URL --code CODE` (while connected, once)"
            )
        return link

    # --- the supervisor's queue -------------------------------------------------------

    def conflicts(self, actor: Actor, *, include_resolved: bool = False) -> list[ConflictView]:
        require_role(actor, SUPERVISORS, "see the sync conflicts")
        with self.store.sessions() as session:
            return repo.conflicts(session, include_resolved=include_resolved)

    def resolve(
        self, actor: Actor, conflict_id: int, resolution: str, *, resend: bool = False
    ) -> None:
        """Close a conflict with what was done about it; ``resend`` puts a rejected
        operation back in the queue (after its cause was mended)."""
        require_role(actor, SUPERVISORS, "resolve sync conflicts")
        if not resolution.strip():
            raise ServiceError(
                "say what was done about it (the resolution is kept in the audit trail)"
            )
        now = self.clock()
        with transaction(self.store.sessions) as session:
            found = repo.conflict(session, conflict_id)
            if found is None or found.resolved_at is not None:
                raise NotFoundError(f"no open sync conflict {conflict_id}")
            if resend and (found.outbox_id is None or not repo.put_back(session, found.outbox_id)):
                raise ServiceError("this conflict has no set-aside operation to send again")
            repo.resolve(
                session, conflict_id, by=actor.username, resolution=resolution.strip(), at=now
            )
            _audit(
                session,
                at=now,
                actor=actor.username,
                action="sync.resolve",
                detail={
                    "conflict": conflict_id,
                    "kind": found.kind,
                    "subject": found.subject,
                    "resend": resend,
                },
            )


def _audit(session: Any, *, at: datetime, actor: str, action: str, detail: dict[str, Any]) -> None:
    """A sync event in the audit trail (none concerns one application)."""
    records.add_audit(
        session, application_id=None, at=at, actor=actor, action=action, detail=detail
    )


#: a link's fields after a round that reached the centre (online or by a return bundle)
def _succeeded(now: datetime) -> dict[str, Any]:
    return {"last_success_at": now, "last_error": "", "failures": 0, "next_attempt_at": None}


def stale_permit_check(session: Any, actor: Actor, now: datetime) -> None:
    """Past the days without sync allowed, permits are issued only by a supervisor: the
    person index this desk holds may be out of date."""
    link = repo.link(session)
    if link is None or actor.role in SUPERVISORS:
        return
    days = days_without_sync(link, now)
    if days >= link.stale_days:
        raise ServiceError(
            f"this desk has not synced with the central system for {days:.0f} days (allowed: "
            f"{link.stale_days}); a supervisor must issue permits until it syncs again"
        )
