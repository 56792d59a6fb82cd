"""Applications as data: the columns that follow from the answers, the answers as their
history keeps them, the snapshot the central system receives, and the search filter a
typed text stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from caseworker.models.facts import Case
from caseworker.models.names import looks_like_pinyin, normalise_pinyin_query
from caseworker.models.records import Records
from caseworker.models.resident_id import ResidentIdError, check_digit, parse_resident_id
from caseworker.models.workflow import (
    FINAL_STATES,
    State,
)
from caseworker.services.base import (
    InvalidInputError,
    invalid_id_number,
    mask_id,
)
from caseworker.storage import repositories as repo
from caseworker.storage.repositories import ApplicationView as ApplicationView  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.search import ApplicationSummary as ApplicationSummary  # noqa: PLC0414 - re-exported for the desk
from caseworker.storage.search import SearchFilter

ID_NUMBER = re.compile(r"^\d{17}[\dXx]$")
CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")


@dataclass(frozen=True, slots=True)
class SearchPage:
    items: tuple[ApplicationSummary, ...]
    page: int
    page_size: int
    has_more: bool


_MISSING = object()


def _filter_for(text: str) -> SearchFilter:
    text = text.strip()
    if not text:
        return SearchFilter()
    if ID_NUMBER.match(text):
        number = text.upper()
        if check_digit(number[:17]) != number[17]:  # the full parse is for intake, not search
            try:
                parse_resident_id(number)
            except ResidentIdError as exc:
                raise invalid_id_number(exc, field="search", typed=text) from None
        return SearchFilter(id_number=number)
    if CJK.search(text):
        return SearchFilter(name_prefix=text.replace(" ", ""))
    if looks_like_pinyin(text):
        return SearchFilter(pinyin_prefix=normalise_pinyin_query(text))
    if re.match(r"^[A-Z]{0,2}-?[\d-]+[A-Z0-9-]*$", text.upper()):
        return SearchFilter(number=text.upper())
    raise InvalidInputError(code="search.not_understood", field="search", text=text)


def _answer_fields(case: Case, records: Records, applicant_id: int) -> dict[str, Any]:
    """The columns that follow from the answers; a changed answer clears the decision."""
    return {
        "applicant_id": applicant_id,
        "on_date": case.on,
        "destination_county": case.destination.county,
        "destination_street": case.destination.street or "",
        "destination_address": records.destination_address,
        "case_json": _case_json(case),
        "decision": "",
    }


def _case_json(case: Case) -> dict[str, Any]:
    return case.model_dump(mode="json", exclude={"case", "expect"})


def _answers(case: Case) -> dict[str, Any]:
    """Every answered fact, flat, as the history of answers records it."""
    data = _case_json(case)
    out: dict[str, Any] = {"on": data["on"]}
    for part in ("destination", "applicant"):
        for name, value in data[part].items():
            out[f"{part}.{name}"] = value
    for i, member in enumerate(data["family"]):
        for name, value in member.items():
            out[f"family[{i}].{name}"] = mask_id(value) if name == "id_number" else value
    out["applicant.id_number"] = mask_id(out.get("applicant.id_number"))
    return out


def _plain(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in detail.items() if v is not None}


def _packs_used(view: ApplicationView) -> dict[str, Any]:
    """The versions of the packs whose routes the latest decision cites: the centre
    flags the application if one changed before it synced."""
    if view.decision is None:
        return {}
    used = {str(r.get("policy")) for r in view.decision.result.get("routes", [])}
    return {k: v for k, v in view.decision.pack_versions.items() if k in used}


def snapshot(view: ApplicationView) -> dict[str, Any]:
    """The application as the central system receives it."""

    def person(p: repo.PersonView) -> dict[str, Any]:
        return {
            "id_number": p.id_number,
            "name": p.name,
            "sex": p.sex,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None,
            "card": p.card,
            "household": p.household,
        }

    return {
        "number": view.number,
        "state": view.state,
        "on": view.on.isoformat(),
        "case": view.case,
        "applicant": person(view.applicant),
        "relatives": [
            {"relation": r.relation, "verdict": r.verdict, "person": person(r.person)}
            for r in view.relatives
        ],
        "receipt_number": view.receipt_number,
        "permit_number": view.permit_number,
        "rule_packs": _packs_used(view),
        "decision": view.decision.result if view.decision else None,
        "reason": view.reason,
        "final": State(view.state) in FINAL_STATES,
    }
