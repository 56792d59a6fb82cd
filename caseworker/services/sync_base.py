"""What the parts of the sync service share: its constants, the status and a round's
summary, the device's client and signer, the link to the centre, and the audit event of
a sync step."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx

from caseworker.security.signing import DeviceSigner
from caseworker.services.base import StepNotAllowedError
from caseworker.services.context import OfficeContext, ServiceContext, Session
from caseworker.services.evaluation import PULLED_RULES, EvaluationService
from caseworker.services.permissions import COUNTER, SUPERVISING
from caseworker.storage import repositories as records
from caseworker.storage import sync as repo
from caseworker.storage.sync import ConflictView as ConflictView  # noqa: PLC0414 - for the desk
from caseworker.sync.client import CentralClient

BATCH = 200
PAGE = 1000
SUPERVISORS = SUPERVISING
DESK_ROLES = COUNTER

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


class SyncBase:
    """``transport`` lets tests route the HTTP traffic (a fault-injecting proxy does it
    at the socket level instead); ``evaluation`` is reloaded when new packs arrive."""

    def __init__(
        self,
        context: OfficeContext,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 20.0,
        batch: int = BATCH,
    ) -> None:
        self.context = context
        self.store = context.store
        self.clock = context.clock
        # the rules to reload when new packs arrive (none for a context without rules)
        self.evaluation: EvaluationService | None = (
            context.evaluation if isinstance(context, ServiceContext) else None
        )
        self._transport = transport
        self._timeout = timeout
        self.batch = max(1, min(batch, 500))

    @property
    def pulled_rules(self) -> Path:
        return self.store.folder / PULLED_RULES

    def _signer(self) -> DeviceSigner:
        return DeviceSigner.load_or_create(
            self.store.settings.store_id, self.store.settings.device_key_base
        )

    def _client(self, url: str) -> CentralClient:
        return CentralClient(url, timeout=self._timeout, transport=self._transport)

    def _enrolled(self, session: Session) -> repo.LinkView:
        link = repo.link(session)
        if link is None:
            raise StepNotAllowedError(code="sync.not_enrolled")
        return link


def _audit(
    session: Session, *, at: datetime, actor: str, action: str, detail: dict[str, Any]
) -> None:
    """A sync event in the audit trail (none concerns one application)."""
    records.add_audit(
        session, application_id=None, at=at, actor=actor, action=action, detail=detail
    )


#: a link's fields after a round that reached the centre (online or by a return bundle)
def _succeeded(now: datetime) -> dict[str, Any]:
    return {"last_success_at": now, "last_error": "", "failures": 0, "next_attempt_at": None}
