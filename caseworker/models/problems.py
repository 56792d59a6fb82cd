"""What is wrong with an input, as data: a front end words it in its own language.

A ``Problem`` is one refusal of case or records validation: ``field`` the stable dotted
name of the field (``on``, ``destination.county``, ``records.applicant.name``,
``family[0].birth_date``; "" when the input as a whole is meant), ``code`` what kind of
problem (a pydantic error type such as ``missing`` or ``enum``, or one of ours such as
``date.format``, ``id.check_digit``, ``name.character``), ``params`` the values a
wording may name, and ``text`` the English sentence the command line prints
(case-format.md's contract for ``caseworker evaluate``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from pydantic_core import PydanticCustomError


@dataclasses.dataclass(frozen=True, slots=True)
class Problem:
    field: str
    code: str
    text: str
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def refusal(code: str, english: str, **params: Any) -> PydanticCustomError:
    """A validator's refusal that keeps its code and params through pydantic; its message
    is ``english`` exactly as before."""
    return PydanticCustomError(code, "{detail}", {"detail": english, **params})


#: the codes our own validators raise (pydantic's own error types come besides)
CODES = (
    "date.format",
    "date.true",
    "county.format",
    "id.length",
    "id.shape",
    "id.check_digit",
    "id.birth_date",
    "relative.identity_missing",
    "relative.birth_date_differs",
    "relative.sex_differs",
    "case.born_after_on",
    "case.relative_born_after_on",
    "name.no_letter",
    "name.character",
    "text.control_character",
    "records.family_count",
    "application.not_object",
    "place.county_unknown",
    "place.functional_zone",
    "place.street_unknown",
    "place.community_needs_street",
    "place.community_unknown",
)
