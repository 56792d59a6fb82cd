"""Evaluate one case against every policy in force: routes, relatives, hints, questions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from caseworker.models.calendar import age_on
from caseworker.models.divisions import DivisionError, Divisions, Place
from caseworker.models.facts import Applicant, Case, CaseError, FamilyReunion
from caseworker.models.problems import Problem
from caseworker.rules import conditions, plain
from caseworker.rules.decision import (
    ELIGIBLE,
    INCOMPLETE,
    INELIGIBLE,
    NOT_APPLICABLE,
    Decision,
    Hint,
    NoticeResult,
    PolicyUse,
    Question,
    RelativeVerdict,
    RouteResult,
)
from caseworker.rules.facts import ASKING_ORDER, FACT_BY_NAME, MANUAL_CHECKS
from caseworker.rules.packs import FollowRule, Route, RuleBook, RulePack, Zone

_STATUS_RANK = {ELIGIBLE: 0, INCOMPLETE: 1, INELIGIBLE: 2}
_APPLICANT_FIELDS = tuple(
    name for name in Applicant.model_fields if name not in {"id_number", "joins"}
)
_FAMILY_REUNION_FIELDS = tuple(FamilyReunion.model_fields)
_APPLICANT_KEYS = {name: f"applicant.{name}" for name in _APPLICANT_FIELDS}
_FAMILY_REUNION_KEYS = {name: f"applicant.joins.{name}" for name in _FAMILY_REUNION_FIELDS}
#: how far ahead a "wait" hint looks; beyond it the advice is no longer practical
_WAIT_HORIZON_YEARS = 10


@dataclass(frozen=True, slots=True)
class _Covering:
    pack: RulePack
    zone: Zone
    zone_id: str | None
    gate: conditions.Outcome
    ctx: conditions.Context


def build_facts(case: Case, place: Place, hukou_county: str | None) -> dict[str, Any]:
    """Flatten a case into the fact names of ``caseworker.rules.facts``."""
    applicant = case.applicant
    rid = applicant.resident_id
    facts: dict[str, Any] = {
        _APPLICANT_KEYS[name]: getattr(applicant, name) for name in _APPLICANT_FIELDS
    }
    facts["applicant.hukou_county"] = hukou_county
    reunion = applicant.joins  # the case format's name (applicant.joins) for 投靠
    for name in _FAMILY_REUNION_FIELDS:
        facts[_FAMILY_REUNION_KEYS[name]] = getattr(reunion, name) if reunion is not None else None
    facts.update(
        {
            "on": case.on,
            "zone": None,
            "applicant.birth_date": rid.birth_date,
            "applicant.age": age_on(rid.birth_date, case.on),
            "applicant.sex": rid.sex,
            "applicant.birthplace_code": rid.birthplace_code,
            "destination.county": place.county,
            "destination.street": place.street.name if place.street else None,
            "destination.zone": place.functional_zone,
            "destination.area": place.area,
            "destination.household": case.destination.household,
        }
    )
    return facts


def resolve_place(case: Case, divisions: Divisions) -> Place:
    dest = case.destination
    try:
        return divisions.resolve(
            county=dest.county,
            street=dest.street,
            community=dest.community,
            area=dest.area,
            zone=dest.zone,
        )
    except DivisionError as exc:
        message = str(exc)
        ((where, what),) = CaseError(message).problems
        problem = Problem(field=where, code=exc.code, text=what, params=exc.params)
        raise CaseError(message, details=(problem,)) from None


def evaluate(case: Case, book: RuleBook, divisions: Divisions) -> Decision:
    """Decide a case. Raises CaseError for a place or county the division data does not know."""
    place = resolve_place(case, divisions)
    hukou_raw = case.applicant.hukou_county
    hukou = hukou_raw
    unknown_hukou = False
    if hukou_raw is not None:
        canonical = divisions.canonical_county(hukou_raw)
        unknown_hukou = canonical is None
        hukou = canonical or hukou_raw
    facts = build_facts(case, place, hukou)
    warnings = _warnings(case, divisions, place)
    if unknown_hukou:
        warnings.append(
            f"applicant.hukou_county {hukou_raw} is not in today's division list (an old code?); "
            "it was used as given. Check it against the 户口簿"
        )
    on = case.on

    covering: list[_Covering] = []
    for pack in book.packs:
        if not pack.in_force(on):
            continue
        zones = pack.candidate_zones(place.county, facts["destination.street"])
        if not zones:
            continue
        zone_id = zones[0].id if len(zones) == 1 else None
        gate = zones[0].gate
        # one context per policy: the lazy explanations keep it, so it is never reused
        ctx = conditions.Context({**facts, "zone": zone_id}, on)
        gate_out = gate.evaluate(ctx) if gate is not None else conditions.MET
        if gate_out.value is False:
            warnings.append(
                f"{pack.policy} does not cover this applicant: {'; '.join(gate_out.unmet)}"
            )
            continue
        covering.append(_Covering(pack, zones[0], zone_id, gate_out, ctx))

    results = [
        _route_result(route, cov, cov.ctx, case, index)
        for index, cov in enumerate(covering)
        for route in cov.pack.routes
    ]
    # 政策从优 most favourable first: eligible before incomplete, then the widest family
    # coverage, then the fewest documents; routes of other zones last
    results.sort(key=attrgetter("rank"))
    statuses = {r.status for r in results}
    if ELIGIBLE in statuses:
        decision = ELIGIBLE
    elif INCOMPLETE in statuses:
        decision = INCOMPLETE
    elif covering:
        decision = INELIGIBLE
    else:
        decision = NOT_APPLICABLE

    family = _relatives(case, results)
    questions, manual = _questions(case, results, family)
    return Decision(
        on=on,
        decision=decision,
        policies=tuple(
            PolicyUse(cov.pack.policy, cov.zone_id, cov.pack.version) for cov in covering
        ),
        routes=tuple(results),
        family=family,
        questions=questions,
        manual_checks=manual,
        notices=_notices(book, facts, on, place),
        warnings=tuple(warnings),
    )


def _merge(*outs: conditions.Outcome) -> conditions.Outcome:
    """All-of, in Kleene logic, over outcomes already computed."""
    unmet = [u for o in outs if o.value is False for u in o.unmet]
    if unmet:
        return conditions.Outcome(False, unmet=tuple(dict.fromkeys(unmet)))
    unknown = [u for o in outs if o.value is None for u in o.unknown]
    if unknown:
        return conditions.Outcome(None, unknown=tuple(dict.fromkeys(unknown)))
    return conditions.MET


def _route_outcome(route: Route, cov: _Covering, ctx: conditions.Context) -> conditions.Outcome:
    zone_out = route.zone_condition.evaluate(ctx) if route.zone_condition else conditions.MET
    if zone_out.value is False:
        return zone_out
    return _merge(zone_out, cov.gate, route.when.evaluate(ctx))


def _route_truth(route: Route, cov: _Covering, ctx: conditions.Context) -> conditions.Truth:
    """The route's value alone, without explanations: for the status, and for the hint
    search (which forces leaves true in ``ctx``). ``_route_outcome`` explains the same."""
    zone = route.zone_condition.truth(ctx) if route.zone_condition is not None else True
    if zone is False or cov.gate.value is False:
        return False
    value = route.when.truth(ctx)
    if value is True and (zone is None or cov.gate.value is None):
        return None
    return value


def _route_result(
    route: Route, cov: _Covering, ctx: conditions.Context, case: Case, pack_index: int
) -> RouteResult:
    value = _route_truth(route, cov, ctx)
    status = ELIGIBLE if value is True else INELIGIBLE if value is False else INCOMPLETE
    applies_here = route.zone_condition is None or route.zone_condition.truth(ctx) is not False
    documents: tuple[str, ...] = ()
    admits: tuple[bool | None, ...] = ()
    if status != INELIGIBLE:  # who follows and what to see matter only while it can apply
        documents = _documents(route, ctx)
        gate = route.follow_when.truth(ctx) if route.follow_when is not None else True
        admits = tuple(_admits(route, relative, case.on, gate) for relative in case.family)
    return RouteResult(
        route=route,
        status=status,
        documents=documents,
        admits=admits,
        applies_here=applies_here,
        explain=lambda: _route_outcome(route, cov, ctx),
        find_hints=lambda: _hints(route, cov, ctx),
        rank=(
            _STATUS_RANK[status],
            not applies_here,
            -admits.count(True),
            -len(route.follow),
            len(documents),
            pack_index,
            route.order,
        ),
    )


def _documents(route: Route, ctx: conditions.Context) -> tuple[str, ...]:
    """The materials to see; a conditional one is listed unless its condition is false."""
    return tuple(
        item.name
        for item in route.documents
        if item.when is None or item.when.truth(ctx) is not False
    )


def _admits(route: Route, relative: Any, on: date, gate: conditions.Truth) -> bool | None:
    """Kleene and of the route's follow_when and any of its follow rules."""
    if gate is False:
        return False
    verdict: bool | None = False
    for rule in route.follow:
        one = rule.admits(relative, on)
        if one is True:
            return gate
        if one is None:
            verdict = None
    return verdict


def _hints(route: Route, cov: _Covering, ctx: conditions.Context) -> tuple[Hint, ...]:
    """The smallest changes that would make an ineligible route eligible."""
    if not route.hint_leaves:
        return ()
    if route.zone_condition and route.zone_condition.truth(ctx) is False:
        return ()
    if cov.gate.value is False:
        return ()
    failing = [leaf for leaf in route.hint_leaves if leaf.truth(ctx) is False]
    if not failing:
        return ()
    hints: list[Hint] = []
    flips = sorted(
        {
            flip.on: flip for leaf in failing for flip in leaf.flips(ctx) if flip.on > ctx.on
        }.values(),
        key=lambda f: f.on,
    )
    horizon = date(min(ctx.on.year + _WAIT_HORIZON_YEARS, date.max.year), 1, 1)
    valid_until = cov.pack.valid_until
    for flip in flips:
        if flip.on > horizon or (valid_until is not None and flip.on > valid_until):
            break
        later = dict(ctx.facts)
        later["on"] = flip.on
        later["applicant.age"] = age_on(ctx.facts["applicant.birth_date"], flip.on)
        if _route_truth(route, cov, conditions.Context(later, flip.on)) is True:
            hints.append(
                Hint(
                    "wait",
                    f"eligible from {flip.on}, {flip.why_en}",
                    f"自{flip.on}起符合（{flip.why_zh}）",
                    flip.on,
                )
            )
            break
    for leaf in failing:
        if not leaf.changeable or leaf.flips(ctx):
            continue
        forced = conditions.Context(ctx.facts, ctx.on, frozenset({leaf.uid}))
        if _route_truth(route, cov, forced) is not True:
            continue
        short = leaf.shortfall(ctx)
        if short is not None:
            n, name = short
            unit = "month" if n == 1 else "months"
            label = FACT_BY_NAME[leaf.fact].label_zh
            hints.append(Hint("more", f"{n} more {unit} of {name}", f"还差{n}个月（{label}）"))
        else:
            hints.append(
                Hint(
                    "change",
                    f"eligible if {leaf.describe(leaf.negated)}",
                    f"若满足：{plain.describe(leaf, leaf.negated)}",
                )
            )
    return tuple(hints[:3])


def _relatives(case: Case, results: list[RouteResult]) -> tuple[RelativeVerdict, ...]:
    eligible = [r for r in results if r.status == ELIGIBLE]
    incomplete = [r for r in results if r.status == INCOMPLETE]
    out: list[RelativeVerdict] = []
    for i, relative in enumerate(case.family):
        relation = relative.relation.value
        rel_zh = FollowRule(relative.relation).describe_zh()
        via = tuple(r.key for r in eligible if r.admits[i] is True)
        if via:
            out.append(
                RelativeVerdict(
                    i,
                    relation,
                    True,
                    "yes",
                    via,
                    f"{relation} may accompany under {', '.join(via)}",
                    f"{rel_zh}可随迁（{'、'.join(via)}）",
                )
            )
            continue
        pending = [r.key for r in eligible if r.admits[i] is None] + [
            r.key for r in incomplete if r.admits[i] is not False
        ]
        if pending:
            out.append(
                RelativeVerdict(
                    i,
                    relation,
                    False,
                    "unknown",
                    (),
                    f"{relation}: not yet decided; depends on {', '.join(pending)}",
                    f"{rel_zh}：尚待确认（{'、'.join(pending)}）",
                )
            )
            continue
        if not eligible:
            en, zh = "no route is eligible for the applicant", "申请人无符合的落户途径"
        else:
            rules = {rule for r in eligible for rule in r.route.follow}
            who = ", ".join(sorted(rule.describe() for rule in rules)) or "nobody"
            who_zh = "、".join(sorted(rule.describe_zh() for rule in rules)) or "无人"
            en = f"{relation} may not accompany: the eligible routes admit {who}"
            zh = f"{rel_zh}不可随迁：符合的途径仅允许{who_zh}随迁"
        out.append(RelativeVerdict(i, relation, False, "no", (), en, zh))
    return tuple(out)


def _questions(
    case: Case, results: list[RouteResult], family: tuple[RelativeVerdict, ...]
) -> tuple[tuple[Question, ...], tuple[Question, ...]]:
    """Facts whose answers can still change the outcome, in the order the desk asks them."""
    admitted = {v.index for v in family if v.may_accompany}
    any_eligible = any(r.status == ELIGIBLE for r in results)
    wanted: dict[str, list[str]] = {}
    for r in results:
        if r.status != INCOMPLETE:
            continue
        could_admit = {i for i, a in enumerate(r.admits) if a is not False}
        if any_eligible and could_admit <= admitted:
            continue  # answering cannot beat what is already eligible
        for fact in r.unknown:
            wanted.setdefault(fact, []).append(r.key)
    for r in results:
        if r.status != ELIGIBLE:
            continue
        for i, a in enumerate(r.admits):
            if a is None and i not in admitted:
                relative = case.family[i]
                for name in ("marital_status", "co_residing"):
                    if getattr(relative, name) is None:
                        wanted.setdefault(f"family[{i}].{name}", []).append(r.key)

    def order(fact: str) -> tuple[int, str]:
        return (ASKING_ORDER.get(fact, ASKING_ORDER.get(f"applicant.{fact}", 10_000)), fact)

    questions: list[Question] = []
    manual: list[Question] = []
    for fact in sorted(wanted, key=order):
        clauses = tuple(dict.fromkeys(wanted[fact]))
        if fact.startswith("manual:"):
            name = fact.removeprefix("manual:")
            zh, en = MANUAL_CHECKS[name]  # the loader refuses a pack naming another
            manual.append(Question(fact, zh, en, clauses))
            continue
        spec = FACT_BY_NAME.get(fact) or FACT_BY_NAME.get(f"applicant.{fact}")
        if spec is not None:
            questions.append(Question(fact, spec.label_zh, spec.label_en, clauses))
        elif fact.startswith("family["):
            zh = "随迁人婚姻状况" if fact.endswith("marital_status") else "随迁人是否共同居住"
            questions.append(Question(fact, zh, fact, clauses))
        else:
            questions.append(Question(fact, fact, fact, clauses))
    return tuple(questions), tuple(manual)


def _notices(
    book: RuleBook, facts: dict[str, Any], on: date, place: Place
) -> tuple[NoticeResult, ...]:
    out: list[NoticeResult] = []
    for pack in book.packs:
        if not pack.notices or not pack.in_force(on) or not place.county.startswith(pack.city):
            continue
        ctx = conditions.Context(facts, on)
        for notice in pack.notices:
            if notice.when.truth(ctx) is True:
                out.append(NoticeResult(pack.policy, notice.clause, notice.info_zh, notice.info_en))
    return tuple(out)


def _warnings(case: Case, divisions: Divisions, place: Place) -> list[str]:
    warnings: list[str] = []
    rid = case.applicant.resident_id
    if not divisions.birthplace_known(rid.birthplace_code):
        warnings.append(
            f"birthplace code {rid.birthplace_code} of the ID number is not in today's division "
            "list; it may have changed since birth. Check the card by eye (warning only)"
        )
    if place.area is None and case.destination.area is None:
        warnings.append(
            "destination.area could not be derived from the division data; ask whether the "
            "address is in a 城区, 镇区 or village"
        )
    return warnings
