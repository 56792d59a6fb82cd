"""Building cases for tests: valid ID numbers and fully answered base profiles."""

from __future__ import annotations

import copy
import itertools
from datetime import date
from typing import Any

from caseworker.models.resident_id import check_digit
from caseworker.printing.model import Citation, DocumentData, PersonLine

_SEQ = itertools.count(101)


def make_id(born: date | str, sex: str = "M", birthplace: str = "371502") -> str:
    """A valid 18-character ID number (GB 11643 check digit) for a birth date and sex."""
    born = date.fromisoformat(born) if isinstance(born, str) else born
    seq = next(_SEQ) % 1000
    odd = seq % 2 == 1
    if odd != (sex == "M"):
        seq = (seq + 1) % 1000
    first17 = f"{birthplace}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


#: every applicant fact answered "no", as the shared cases do
NOBODY: dict[str, Any] = {
    "rural_hukou": False,
    "marital_status": "married",
    "education": "none",
    "degree": "none",
    "full_time": False,
    "title": "none",
    "skill": "none",
    "talent_class": "none",
    "awards": [],
    "employed_in_city": False,
    "labor_contract": False,
    "flexible_worker": False,
    "business_license_since": False,
    "pension_months": 0,
    "social_insurance_in_city": False,
    "residence_permit": False,
    "housing": "none",
    "housing_certificate": False,
    "purchase_delivery_date": False,
    "rental_registered": False,
    "owner_consents": False,
    "policy_category": "none",
    "non_local_student": False,
    "local_student": False,
    "graduate": False,
    "veteran": False,
    "has_homestead": False,
    "returned_rural_work_months": 0,
    "settled_in_town_since": False,
    "joins": {"relative": "none"},
    "hukou_since": False,
    "purchased_under_old_policy": False,
    "business_premises": False,
    "collective_accepts": False,
    "recognized_talent": False,
    "rural_construction_talent": False,
}


#: a worker with an own home in Jinan's optimized zone, hukou in 聊城; scenarios add to it
JINAN_OPTIMIZED_WORKER: dict[str, Any] = {
    "on": "2019-03-15",
    "born": "1985-06-15",
    "destination": {
        "county": "370102",
        "street": "泉城路街道",
        "area": "urban",
        "household": "own_home",
    },
    "applicant": {
        "hukou_county": "371502",
        "employed_in_city": True,
        "labor_contract": True,
        "housing": "owned",
        "housing_certificate": True,
    },
}


def build_case(spec: dict[str, Any], defaults: dict[str, Any]) -> dict[str, Any]:
    """A case-format.md case from a scenario: defaults, then the scenario's own answers.

    ``born``/``sex``/``birthplace`` make the applicant's ID number; ``unasked`` lists
    applicant facts to set to null ("not asked yet"); a family member may give
    ``born`` and ``sex`` to get an ID number too.
    """
    merged = copy.deepcopy(defaults)
    for key, value in spec.items():
        if key in {"applicant", "destination"}:
            merged.setdefault(key, {}).update(copy.deepcopy(value))
        else:
            merged[key] = copy.deepcopy(value)
    applicant = {**NOBODY, **merged.get("applicant", {})}
    for name in merged.get("unasked", []):
        applicant[name] = None
    applicant["id_number"] = make_id(
        str(merged["born"]), merged.get("sex", "M"), merged.get("birthplace", "371502")
    )
    family = []
    for given in merged.get("family", []):
        member = dict(given)
        if "born" in member:
            member["id_number"] = make_id(str(member.pop("born")), member.pop("sex", "F"))
        member.setdefault(
            "marital_status", "unmarried" if member["relation"] == "child" else "married"
        )
        member.setdefault("co_residing", True)
        family.append(member)
    return {
        "case": merged.get("name"),
        "on": str(merged["on"]),
        "destination": merged["destination"],
        "applicant": applicant,
        "family": family,
    }


def sample_permit() -> DocumentData:
    """A permit's data with a rare name character and a signed-looking QR code."""
    return DocumentData(
        number="ZQ-370102001-AB3C-2026-000001-F",
        application_number="370102001-AB3C-000001",
        issued_on=date(2026, 11, 24),
        police_station_name="泉城路派出所",
        office_code="370102001",
        applicant=PersonLine("王𠈌", "371502197205200038", "本人"),
        relatives=(
            PersonLine("李秀英", "371502197402110146", "配偶"),
            PersonLine("王小明", "371502199802010151", "子女"),
        ),
        destination="山东省济南市历下区泉城路街道泉城路1号",
        current_address="聊城市东昌府区古楼街道1号",
        route=Citation(
            "jinan-2017:2.1.1.2", "人才落户：博士、硕士学位", "(2) 取得博士、硕士学位……"
        ),
        valid_until=date(2027, 2, 22),
        qr_payload="CW1|AB3C|ZQ-370102001-AB3C-2026-000001-F|0|A5ZR7COQ6VF2MNBX2BPFEMNLM4|"
        "3ikowwCjARJU-iqHMo3JdlthXx4VR3V8azeVEE99HRMJKIsgIWDzRPrOUu30yM2qtQlrBBS4f7-91444qoW3Cw",
    )
