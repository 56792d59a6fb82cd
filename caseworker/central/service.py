"""What the central system does, without HTTP: enrol devices, authenticate them, take
their operations exactly once, publish what they pull. The FastAPI app (``app``) and the
administrator's command line (``cli``) both call it.

The centre is put together from one part per job, each in its own module:
``administration`` (codes, packs, revocations), ``accounts``, ``enrolment`` (devices and
tokens), ``push`` with ``applications`` (operations taken exactly once), ``bundles``
(removable media) and ``pull`` (the streams). ``database`` opens and migrates the
database and loads the signing key; ``base`` holds what they share."""

from __future__ import annotations

from caseworker.central.administration import Administration
from caseworker.central.bundles import Bundles
from caseworker.central.enrolment import Enrolment


class Central(Administration, Enrolment, Bundles):
    """The central system: every part over one database, signing key and clock."""
