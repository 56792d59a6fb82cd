"""What an application must make sense as before the office keeps it: a date that is not
in the future, relatives who can be who they are said to be, names as the 户口簿 prints
them. Pure checks over a parsed case (the service passes today's date from its clock);
each refusal is an ``ImpossibleInputError`` with its code, the field it concerns and the
relative as the clerk sees it (position from 1, relation, name).

The rules (README, "Impossible input"):

- the application date (申请日期) may not be after today; before the first policy this
  desk holds it is refused (nothing here can decide it); more than ``BACKDATED_DAYS``
  before the day it is entered it is kept, flagged and recorded (a paper application
  entered late is legitimate, but should be looked at);
- a relative is never the applicant (same ID number), nor listed twice;
- a child is born at least ``GENERATION_YEARS`` after the applicant, a grandchild twice
  that; a parent at least ``GENERATION_YEARS`` before, a grandparent twice that (a
  parent-in-law is not checked: a spouse's parent may be younger than the applicant);
- a spouse only for a married applicant (marital status married or not given), one
  spouse, whose own marital status, if given, is married;
- a permit (准予迁入证明) only once every material (材料) of the route it is issued under
  is recorded as seen: case-format.md, "documents lists the materials the clerk must see
  for an eligible route".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from caseworker.models.enums import RELATION_ZH, MaritalStatus, Relation
from caseworker.models.facts import Case
from caseworker.models.records import Records
from caseworker.rules.decision import ELIGIBLE
from caseworker.services.base import InvalidInputError
from caseworker.storage.repositories import ApplicationView

#: the least gap, in years, between a parent's and a child's births that the desk takes
#: (a younger gap is a typing error in a birth date or the wrong relation)
GENERATION_YEARS = 14
#: an application date this many days before the day it is entered is flagged as late
BACKDATED_DAYS = 365

_YOUNGER = {Relation.CHILD: GENERATION_YEARS, Relation.GRANDCHILD: 2 * GENERATION_YEARS}
#: a parent-in-law is not checked: a spouse's parent may be younger than the applicant
_OLDER = {Relation.PARENT: GENERATION_YEARS, Relation.GRANDPARENT: 2 * GENERATION_YEARS}
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_SPACES = re.compile(r"[\s\u3000\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")
#: the name fields of the records part of an application
_CARD_NAMES = ("name", "former_name")


class ImpossibleInputError(InvalidInputError):
    """Input that parses but cannot be true (a date after today, an applicant who is their
    own spouse); each is raised with its own ``code`` saying which."""


def normalise_name(name: str) -> str:
    """A name as the 户口簿 prints it: no spaces around it; none inside a Chinese name
    (half-width, full-width, non-breaking: pasted from elsewhere), one between the words
    of a name in Latin letters. The middle dot (·) of a minority or foreign name stays."""
    name = _SPACES.sub(" ", name).strip()
    if _CJK.search(name):
        return name.replace(" ", "")
    return name


def normalise_record_names(records: Any) -> Any:
    """The raw ``records`` part of an application with every name normalised (what is not
    a dict is left for the parser to refuse)."""
    if not isinstance(records, dict):
        return records
    out = dict(records)
    cards = [("applicant", out.get("applicant"))]
    household = out.get("household")
    if isinstance(household, dict) and isinstance(household.get("head_name"), str):
        out["household"] = household | {"head_name": normalise_name(household["head_name"])}
    for key, card in cards:
        if isinstance(card, dict):
            out[key] = _card(card)
    family = out.get("family")
    if isinstance(family, list):
        out["family"] = [_card(c) if isinstance(c, dict) else c for c in family]
    return out


def _card(card: dict[str, Any]) -> dict[str, Any]:
    return card | {k: normalise_name(card[k]) for k in _CARD_NAMES if isinstance(card.get(k), str)}


def check_date(case: Case, *, today: date, first_policy: date | None) -> None:
    """Refuse an application date after today, or before the first policy."""
    if case.on > today:
        raise ImpossibleInputError(
            code="application.date_in_future",
            field="on",
            on=case.on.isoformat(),
            today=today.isoformat(),
        )
    if first_policy is not None and case.on < first_policy:
        raise ImpossibleInputError(
            code="application.date_before_policies",
            field="on",
            on=case.on.isoformat(),
            first=first_policy.isoformat(),
        )


def days_late(case: Case, *, today: date) -> int | None:
    """How many days before ``today`` the application is dated, when that is more than
    ``BACKDATED_DAYS`` (a paper application entered late); None otherwise."""
    late = (today - case.on).days
    return late if late > BACKDATED_DAYS else None


def late_detail(case: Case, *, now: datetime) -> dict[str, Any]:
    """What the audit event of a back-dated application (a paper one entered late) says:
    ``days_late`` from its date to the day it was entered; nothing for any other."""
    late = days_late(case, today=now.date())
    return {} if late is None else {"days_late": late, "on": case.on.isoformat()}


def _who(i: int, case: Case, records: Records) -> dict[str, Any]:
    relative = case.family[i]
    name = records.family[i].name if i < len(records.family) else ""
    relation = relative.relation.value
    return {
        "position": i + 1,
        "relation": relation,
        "relation_zh": RELATION_ZH[relative.relation],
        "name": name,
        "who": f"family member {i + 1} ({relation.replace('_', ' ')}) {name}".rstrip(),
    }


def _years_between(earlier: date, later: date) -> int:
    """Whole years from ``earlier`` to ``later`` (negative when ``later`` is earlier)."""
    if later < earlier:
        return -_years_between(later, earlier)
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


def check_relatives(case: Case, records: Records) -> None:
    """Refuse relatives who cannot be who they are said to be (the module's rules)."""
    applicant = case.applicant.resident_id
    born = applicant.birth_date
    seen: dict[tuple[str, ...], int] = {}
    spouses = 0
    for i, relative in enumerate(case.family):
        who = _who(i, case, records)
        field = f"family[{i}]"
        if relative.id_number is not None and relative.id_number == applicant.number:
            raise ImpossibleInputError(
                code="relative.is_applicant", field=f"{field}.id_number", **who
            )
        name = who["name"]
        keys: list[tuple[str, ...]] = []
        if relative.id_number is not None:
            keys.append(("id", relative.id_number))
        elif name:
            keys.append(("born", relative.resolved_birth_date.isoformat(), name))
        for key in keys:
            if key in seen:
                raise ImpossibleInputError(
                    code="relative.listed_twice",
                    field=f"{field}.id_number",
                    first=seen[key] + 1,
                    **who,
                )
            seen[key] = i
        rel_born = relative.resolved_birth_date
        gap = _years_between(rel_born, born)  # > 0: the relative is older
        if relative.relation in _YOUNGER and -gap < _YOUNGER[relative.relation]:
            raise ImpossibleInputError(
                code="relative.not_younger",
                field=f"{field}.birth_date",
                born=rel_born.isoformat(),
                applicant_born=born.isoformat(),
                years=_YOUNGER[relative.relation],
                **who,
            )
        if relative.relation in _OLDER and gap < _OLDER[relative.relation]:
            raise ImpossibleInputError(
                code="relative.not_older",
                field=f"{field}.birth_date",
                born=rel_born.isoformat(),
                applicant_born=born.isoformat(),
                years=_OLDER[relative.relation],
                **who,
            )
        if relative.relation == Relation.SPOUSE:
            spouses += 1
            status = case.applicant.marital_status
            if status is not None and status != MaritalStatus.MARRIED:
                raise ImpossibleInputError(
                    code="relative.spouse_of_unmarried",
                    field="applicant.marital_status",
                    status=status.value,
                    **who,
                )
            own = relative.marital_status
            if own is not None and own != MaritalStatus.MARRIED:
                raise ImpossibleInputError(
                    code="relative.spouse_not_married",
                    field=f"{field}.marital_status",
                    status=own.value,
                    **who,
                )
            if spouses > 1:
                raise ImpossibleInputError(
                    code="relative.second_spouse", field=f"{field}.relation", **who
                )


def materials_missing(
    view: ApplicationView, seen: Sequence[tuple[str, str, datetime]]
) -> list[str]:
    """The materials of the route a permit is issued under (the most favourable eligible
    route, as the permit cites it) that no one has recorded as seen, in checklist order."""
    if view.decision is None:
        return []
    routes = [r for r in view.decision.result.get("routes", []) if r.get("status") == ELIGIBLE]
    if not routes:
        return []
    names = {name for name, _, _ in seen}
    return [str(d) for d in routes[0].get("documents", []) if d not in names]
