"""The facts of one case (case-format.md): what the clerk asked and was told.

``None`` always means "not asked yet"; an answered "no" is ``False``, ``"none"``,
``0`` or ``[]``. Validation is strict: an unknown field, a wrong type or a value
outside an enumeration is refused with a one-line message naming the field.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import ErrorDetails

from caseworker.models.calendar import age_on
from caseworker.models.enums import (
    Area,
    AwardKind,
    Degree,
    Education,
    FamilyReunionRelative,
    FunctionalZone,
    HouseholdKind,
    Housing,
    MaritalStatus,
    PolicyCategory,
    Relation,
    Sex,
    Skill,
    TalentClass,
    Title,
)
from caseworker.models.problems import Problem, refusal
from caseworker.models.resident_id import ResidentId, ResidentIdError, parse_resident_id

_COUNTY = re.compile(r"^\d{6}$")


class CaseError(ValueError):
    """A case that is not valid input. ``str()`` is one line: where, what, how to fix.

    ``problems`` holds the same as (field, what is wrong) pairs, the field a stable
    dotted name such as ``applicant.id_number`` ("" when the case as a whole is meant), so
    a front end can name the field as its own screen labels it; ``details`` holds each
    as a ``Problem`` (field, code, params), so a front end can also word it in its own
    language. A problem without a code of its own has the code ""."""

    def __init__(
        self,
        message: str,
        problems: tuple[tuple[str, str], ...] = (),
        details: tuple[Problem, ...] = (),
    ) -> None:
        super().__init__(message)
        self.problems = problems or _split_field(message)
        self.details = details or tuple(
            Problem(field=where, code="", text=what) for where, what in self.problems
        )


def _iso_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    got = json.dumps(value, ensure_ascii=False, default=str)
    raise refusal("date.format", f"expected a date as YYYY-MM-DD, got {got}")


def _date_or_false(value: object) -> date | Literal[False] | None:
    if value is None or value is False:
        return value
    if value is True:
        raise refusal(
            "date.true", "expected a date as YYYY-MM-DD, or false for none (true says nothing)"
        )
    return _iso_date(value)


def _county_code(value: object) -> str:
    if isinstance(value, str) and _COUNTY.match(value):
        return value
    raise refusal(
        "county.format",
        f'expected a 6-digit county code as a string such as "370105", '
        f"got {json.dumps(value, ensure_ascii=False, default=str)}",
        empty=value in ("", None),
    )


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
DateOrFalse = Annotated[date | Literal[False] | None, BeforeValidator(_date_or_false)]
CountyCode = Annotated[str, BeforeValidator(_county_code)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Destination(_Strict):
    county: CountyCode
    street: str | None = None
    community: str | None = None
    zone: FunctionalZone | None = None
    area: Area | None = None
    household: HouseholdKind | None = None


class Award(_Strict):
    kind: AwardKind
    rank: int | None = Field(default=None, ge=1)
    date: IsoDate


class FamilyReunion(_Strict):
    """投靠 (family_reunion): the relative already registered at the destination whom the
    applicant joins; the case format keeps it under ``applicant.joins``."""

    relative: FamilyReunionRelative
    relative_sex: Sex | None = None
    married_on: IsoDate | None = None
    previous_spouse_reunion: bool | None = None
    parents_deceased: bool | None = None
    relative_settled_by_parent_reunion: bool | None = None


class Applicant(_Strict):
    id_number: str
    hukou_county: CountyCode | None = None
    rural_hukou: bool | None = None
    marital_status: MaritalStatus | None = None
    education: Education | None = None
    degree: Degree | None = None
    full_time: bool | None = None
    title: Title | None = None
    skill: Skill | None = None
    talent_class: TalentClass | None = None
    awards: list[Award] | None = None
    employed_in_city: bool | None = None
    labor_contract: bool | None = None
    flexible_worker: bool | None = None
    business_license_since: DateOrFalse = None
    pension_months: int | None = Field(default=None, ge=0, le=1200)
    social_insurance_in_city: bool | None = None
    residence_permit: bool | None = None
    housing: Housing | None = None
    housing_certificate: bool | None = None
    purchase_delivery_date: DateOrFalse = None
    rental_registered: bool | None = None
    owner_consents: bool | None = None
    policy_category: PolicyCategory | None = None
    non_local_student: bool | None = None
    local_student: bool | None = None
    graduate: bool | None = None
    veteran: bool | None = None
    has_homestead: bool | None = None
    returned_rural_work_months: int | None = Field(default=None, ge=0, le=1200)
    settled_in_town_since: DateOrFalse = None
    hukou_since: DateOrFalse = None
    laiwu_hukou_since: DateOrFalse = None
    purchased_under_old_policy: bool | None = None
    business_premises: bool | None = None
    collective_accepts: bool | None = None
    recognized_talent: bool | None = None
    rural_construction_talent: bool | None = None
    joins: FamilyReunion | None = None

    @field_validator("id_number")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        try:
            return parse_resident_id(value).number
        except ResidentIdError as exc:
            raise refusal(exc.code, str(exc), **exc.params) from None

    @cached_property
    def resident_id(self) -> ResidentId:
        return parse_resident_id(self.id_number)


class Relative(_Strict):
    """An accompanying relative (随迁 accompanying)."""

    relation: Relation
    id_number: str | None = None
    birth_date: IsoDate | None = None
    sex: Sex | None = None
    marital_status: MaritalStatus | None = None
    co_residing: bool | None = None

    @field_validator("id_number")
    @classmethod
    def _valid_id(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_resident_id(value).number
        except ResidentIdError as exc:
            raise refusal(exc.code, str(exc), **exc.params) from None

    @model_validator(mode="after")
    def _identity(self) -> Relative:
        if self.id_number is None:
            if self.birth_date is None or self.sex is None:
                raise refusal(
                    "relative.identity_missing",
                    "give either id_number, or birth_date and sex (a child without an ID yet)",
                )
            return self
        rid = parse_resident_id(self.id_number)
        if self.birth_date is not None and self.birth_date != rid.birth_date:
            raise refusal(
                "relative.birth_date_differs",
                f"birth_date {self.birth_date} differs from {rid.birth_date} in id_number",
                typed=self.birth_date.isoformat(),
                born=rid.birth_date.isoformat(),
            )
        if self.sex is not None and self.sex != rid.sex:
            raise refusal(
                "relative.sex_differs",
                f"sex {self.sex} differs from {rid.sex} in id_number",
                typed=self.sex.value,
                sex=rid.sex.value,
            )
        return self

    @cached_property
    def resolved_birth_date(self) -> date:
        if self.id_number is not None:
            return parse_resident_id(self.id_number).birth_date
        assert self.birth_date is not None  # guaranteed by _identity
        return self.birth_date

    @property
    def resolved_sex(self) -> Sex:
        if self.id_number is not None:
            return parse_resident_id(self.id_number).sex
        assert self.sex is not None  # guaranteed by _identity
        return self.sex


class Case(_Strict):
    """One application's facts: the input of the rules engine."""

    on: IsoDate
    destination: Destination
    applicant: Applicant
    family: list[Relative] = Field(default_factory=list)
    case: str | None = None
    expect: Any = None

    @model_validator(mode="after")
    def _dates_not_after_on(self) -> Case:
        born = self.applicant.resident_id.birth_date
        if born > self.on:
            raise refusal(
                "case.born_after_on",
                f"applicant.id_number: birth date {born} is after the application date "
                f"{self.on}; check the ID number and the date",
                field="applicant.id_number",
                born=born.isoformat(),
                on=self.on.isoformat(),
            )
        for i, relative in enumerate(self.family):
            if relative.resolved_birth_date > self.on:
                raise refusal(
                    "case.relative_born_after_on",
                    f"family[{i}]: birth date {relative.resolved_birth_date} is after the "
                    f"application date {self.on}; a child must be born before applying",
                    field=f"family[{i}]",
                    born=relative.resolved_birth_date.isoformat(),
                    on=self.on.isoformat(),
                )
        return self

    @property
    def applicant_age(self) -> int:
        return age_on(self.applicant.resident_id.birth_date, self.on)


def _where(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in {"function-after", "function-plain"} or part.startswith(
            ("function-", "lax-", "strict-")
        ):
            continue
        else:
            out += ("." if out else "") + part
    return out


def _describe(err: ErrorDetails, prefix: str = "") -> str:
    where = _where(err["loc"])
    where = f"{prefix}{where}" if where else prefix.rstrip(".")
    msg = str(err["msg"]).removeprefix("Value error, ")
    kind = err["type"]
    got = json.dumps(err.get("input"), ensure_ascii=False, default=str)
    if kind == "extra_forbidden":
        msg = "unknown field; case-format.md lists the fields a case may have"
    elif kind == "missing":
        msg = "required field is missing"
    elif kind in {"enum", "literal_error"}:
        msg = f"{got} is not allowed; {msg[0].lower()}{msg[1:]}"
    elif kind.endswith("_type") or kind.endswith("_parsing"):
        msg = f"{msg[0].lower()}{msg[1:]}, got {got}"
    elif kind == "json_invalid":
        ctx = err.get("ctx") or {}
        return f"not valid JSON: {ctx.get('error', msg)}"
    return f"{where}: {msg}" if where else msg


def one_line(exc: ValidationError, prefix: str = "") -> str:
    """All problems of one input in one line, so the clerk can mend them in one go."""
    parts = [_describe(err, prefix) for err in exc.errors(include_url=False)]
    shown = "; ".join(parts[:5]) + (f"; and {len(parts) - 5} more" if len(parts) > 5 else "")
    # a field name or value from the input may hold a line break or other control
    # character: shown escaped, so the message stays one readable line
    return "".join(
        c if unicodedata.category(c) != "Cc" else c.encode("unicode_escape").decode() for c in shown
    )


_LEADING_FIELD = re.compile(
    r"^((?:records\.)?[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.*)$"
)


def _split_field(message: str) -> tuple[tuple[str, str], ...]:
    """(field, problem) out of one problem's sentence ("applicant.id_number: ...")."""
    found = _LEADING_FIELD.match(message)
    return ((found.group(1), found.group(2)) if found else ("", message),)


def problems_of(exc: ValidationError, prefix: str = "") -> tuple[tuple[str, str], ...]:
    """Each problem of one input as (field, what is wrong)."""
    errors = exc.errors(include_url=False)
    return tuple(pair for err in errors for pair in _split_field(_describe(err, prefix)))


def details_of(exc: ValidationError, prefix: str = "") -> tuple[Problem, ...]:
    """Each problem of one input as data: field, code, params and the English."""
    out = []
    for err in exc.errors(include_url=False):
        ctx = dict(err.get("ctx") or {})
        ctx.pop("detail", None)
        ((where, what),) = _split_field(_describe(err, prefix))
        named = ctx.pop("field", None)
        if isinstance(named, str):
            where = f"{prefix}{named}"
        params = {k: v for k, v in ctx.items() if isinstance(v, (str, int, float, bool))}
        out.append(Problem(field=where, code=err["type"], text=what, params=params))
    return tuple(out)


def parse_case(text: str | bytes) -> Case:
    """Parse and validate one case from JSON text; raise CaseError with a one-line message."""
    try:
        return Case.model_validate_json(text)
    except ValidationError as exc:
        raise CaseError(one_line(exc), problems_of(exc), details_of(exc)) from None


def case_from_dict(data: dict[str, Any]) -> Case:
    """Validate a case given as a decoded JSON object; dates may be ISO strings or dates."""
    return parse_case(json.dumps(data, ensure_ascii=False, default=_json_default))


def _json_default(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot appear in a case")
