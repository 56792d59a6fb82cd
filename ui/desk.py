"""What the desk's widgets work with: every service, built once by ``compose_desk`` in
``ui.app`` (the composition root) and handed in through constructors. No widget builds a
service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from caseworker.services.applicant_screen import ApplicantConfirmations
from caseworker.services.applications import ApplicationService
from caseworker.services.audit import AuditService
from caseworker.services.collectives import CollectiveService
from caseworker.services.context import OfficeView
from caseworker.services.evaluation import EvaluationService
from caseworker.services.id_reader import IdCardReader
from caseworker.services.printing import PrintingService
from caseworker.services.queue_watch import QueueWatch
from caseworker.services.statistics import StatisticsService
from caseworker.services.sync import SyncService
from caseworker.services.users import LoginSession, UserService
from ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class Desk:
    evaluation: EvaluationService
    apps: ApplicationService
    users: UserService
    login: LoginSession
    runner: TaskRunner
    collectives: CollectiveService
    statistics: StatisticsService
    audit: AuditService
    #: built on first use, on the database worker: it reads (and the first time on a
    #: device writes) the device's signing key in the store
    printing: Callable[[], PrintingService]
    #: read once when the desk is composed, never from the window on the GUI thread
    office: OfficeView
    idle_minutes: int
    #: the store's folder (the language preference and the diagnostics bundle read it)
    #: and its key file when the key is kept in one (a standing warning), read once here
    data_folder: Path
    key_file: str | None = None
    reader: IdCardReader | None = None
    read_only: bool = False
    sync: SyncService | None = None
    #: the applicant's confirmations of their screen (双屏核对)
    confirmations: ApplicantConfirmations | None = None
    #: changes made behind the desk's back (the command line, another desk, a sync)
    queue_watch: QueueWatch | None = None
