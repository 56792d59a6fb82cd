"""One sync round (同步): pull the rule packs, push the outbox in batches (one rejected
entry set aside, the rest going on), pull the other streams page by page with their
cursors, and keep what the centre sends (accounts, revocations, the person index)."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from caseworker import logs
from caseworker.rules.packs import PackError
from caseworker.security.signing import DeviceSigner, verify_signature
from caseworker.services.base import StepNotAllowedError
from caseworker.services.context import Session
from caseworker.services.sync_base import (
    PAGE,
    RoundSummary,
    SyncBase,
    _audit,
    _succeeded,
)
from caseworker.storage import audit
from caseworker.storage import sync as repo
from caseworker.storage.database import transaction
from caseworker.storage.sync import ConflictView as ConflictView  # noqa: PLC0414 - for the desk
from caseworker.sync import backoff, protocol
from caseworker.sync.client import CentralClient, Outcome, RefusedError, SyncError


class SyncRound(SyncBase):
    # --- one round ------------------------------------------------------------------

    def sync(self) -> RoundSummary:
        """One round. Never raises for a network fault: the summary says what happened,
        and the next timer-driven round waits longer after each failure."""
        with self.store.sessions() as session:
            link = repo.link(session)
        if link is None:
            raise StepNotAllowedError(code="sync.not_enrolled")
        summary = RoundSummary()
        signer = self._signer()
        started = self.clock()
        learned: dict[str, Any] = {}
        try:
            with self._client(link.central_url) as client:
                client.authenticate(link.device_id, signer.sign)
                self._pull(client, link, signer, summary, (protocol.RULE_PACKS,))
                self._push(client, link, signer, summary)
                self._pull(client, link, signer, summary, protocol.STREAMS[1:])
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
            return [
                (batch[0], Outcome(batch[0].key, protocol.REJECTED, {"kept": False}, str(refusal)))
            ]
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
                out.append((item, Outcome(item.key, protocol.REJECTED, {"kept": False}, str(exc))))
        return out

    def _record(
        self, outcomes: list[tuple[repo.OutboxItem, Outcome]], warning: str, summary: RoundSummary
    ) -> None:
        now = self.clock()
        with transaction(self.store.sessions) as session:
            for item, outcome in outcomes:
                summary.sent += 1
                original = str(outcome.result.get("original", outcome.status))
                if outcome.status == protocol.REPLAYED:
                    summary.replayed += 1
                subject = str(
                    item.payload.get("application", {}).get("number")
                    or item.payload.get("username")
                    or item.kind
                )
                if original == protocol.REJECTED:
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
                if outcome.status == protocol.APPLIED:
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
            cursor = str(cursors.get(stream, protocol.START))
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
        session: Session,
        stream: str,
        item: dict[str, Any],
        link: repo.LinkView,
        summary: RoundSummary,
    ) -> None:
        now = self.clock()
        if stream == protocol.PERSONS:
            repo.put_person(
                session,
                office_code=str(item["office_code"]),
                number=str(item["number"]),
                id_number=str(item["id_number"]),
                state=str(item["state"]),
                at=now,
            )
        elif stream == protocol.REVOCATIONS:
            repo.put_revocation(
                session, str(item["permit_number"]), str(item.get("reason", "")), now
            )
        elif stream == protocol.ACCOUNTS:
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
        elif stream == protocol.RULE_PACKS:
            self._pack(session, item, link, summary, now)

    def _pack(
        self,
        session: Session,
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
            protocol.pack_message(policy, version, text),
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
