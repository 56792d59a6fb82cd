"""Loading rule packs: validate one YAML file per policy document and compile it once.

A broken pack is refused whole with ``PackError`` naming the file, the line and the
problem; nothing of it is used. See README "Reading and checking a rule pack".
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from caseworker.models.divisions import Divisions
from caseworker.models.enums import AwardKind, MaritalStatus, Relation, Sex
from caseworker.rules import conditions
from caseworker.rules.facts import FACT_BY_NAME, MANUAL_CHECKS, FactSpec
from caseworker.rules.pack_yaml import LineList, LineLoader, LineMap, NodeChecker, kind_of
from caseworker.rules.packs import (
    FOLLOW_SHORTHANDS,
    DocumentItem,
    FollowRule,
    Notice,
    PackError,
    Route,
    RuleBook,
    RulePack,
    Zone,
    ZoneIn,
    ZonePlace,
)

CLAUSE_ID = re.compile(r"^(\d+(\.\d+)*|transition)$")
POLICY_ID = re.compile(r"^[a-z]+-\d{4}(-[a-z]+)?$")
_SIC = re.compile(r"\[sic[^\]]*\]")


class _Compiler(NodeChecker):
    def __init__(self, file: str, policy_text: str | None, divisions: Divisions | None) -> None:
        super().__init__(file)
        self.policy_text = policy_text
        self.divisions = divisions
        self.next_uid = 1
        self.zone_ids: set[str] = set()
        self.interned: dict[tuple[Any, ...], conditions.Leaf] = {}

    # conditions ---------------------------------------------------------------

    def condition(self, node: Any, where: str) -> conditions.Condition:
        if not isinstance(node, LineMap) or not node:
            raise self.fail(node, where, f"expected a condition mapping, got {kind_of(node)}")
        if "all" in node or "any" in node:
            key = "all" if "all" in node else "any"
            self.keys(node, where, [key])
            items = node[key]
            if not isinstance(items, LineList) or not items:
                raise self.fail(node, f"{where}.{key}", "expected a non-empty list", key)
            parts = tuple(
                self.condition(item, f"{where}.{key}[{i}]") for i, item in enumerate(items)
            )
            if len(parts) == 1:
                return parts[0]
            return conditions.All(parts) if key == "all" else conditions.Any_(parts)
        if "not" in node:
            self.keys(node, where, ["not"])
            return self.condition(node["not"], f"{where}.not").negate()
        if "manual" in node:
            self.keys(node, where, ["manual"])
            name = node["manual"]
            if not isinstance(name, str) or not re.match(r"^[a-z_]+$", name):
                raise self.fail(
                    node, where, "manual needs a snake_case name of the check", "manual"
                )
            if name not in MANUAL_CHECKS:
                known = ", ".join(sorted(MANUAL_CHECKS))
                raise self.fail(
                    node,
                    where,
                    f"unknown manual check {name!r}; known: {known} "
                    "(a new one needs its Chinese and English label in rules/facts.py)",
                    "manual",
                )
            return self._uid(conditions.Manual(name))
        return self._uid(self.leaf(node, where))

    def _uid(self, leaf: conditions.Leaf) -> conditions.Leaf:
        """Number a new predicate; an identical one already compiled is reused."""
        key = leaf.identity()
        if key in self.interned:
            return self.interned[key]
        leaf.freeze(self.next_uid)
        self.next_uid += 1
        self.interned[key] = leaf
        return leaf

    def leaf(self, node: LineMap, where: str) -> conditions.Leaf:
        ops = {
            "is",
            "in",
            "at_least",
            "at_most",
            "below",
            "rank_at_least",
            "at_least_by_sex",
            "is_date",
            "answered",
            "years_before_on_at_least",
            "on_or_after",
            "due_within_months",
            "prefix_in",
            "award",
        }
        self.keys(node, where, ["fact"], ops)
        present = [key for key in node if key != "fact"]
        if len(present) != 1:
            raise self.fail(node, where, f"a predicate needs exactly one operator of {sorted(ops)}")
        op = present[0]
        name = node["fact"]
        spec = FACT_BY_NAME.get(name) if isinstance(name, str) else None
        if spec is None:
            near = difflib.get_close_matches(str(name), sorted(FACT_BY_NAME), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise self.fail(node, f"{where}.fact", f"unknown fact {name!r}{hint}", "fact")
        arg = node[op]
        here = f"{where}.{op}"

        def bad(expected: str) -> PackError:
            return self.fail(
                node, here, f"{op} on {spec.name} ({spec.kind}) needs {expected}, got {arg!r}", op
            )

        if op == "is":
            return conditions.Is(spec.name, self.value(spec, arg, bad))
        if op == "in":
            if not isinstance(arg, LineList) or not arg:
                raise bad("a non-empty list")
            return conditions.In(spec.name, [self.value(spec, v, bad) for v in arg])
        if op in {"at_least", "at_most", "below"}:
            if spec.kind == "int" and isinstance(arg, int) and not isinstance(arg, bool):
                return conditions.Compare(spec.name, op, arg)
            if spec.kind == "date" and isinstance(arg, date):
                return conditions.Compare(spec.name, op, arg)
            raise bad("a whole number" if spec.kind == "int" else "a date")
        if op == "rank_at_least":
            if spec.enum is None or not spec.ordered:
                raise bad("an ordered enumeration fact")
            return conditions.RankAtLeast(spec.name, self.value(spec, arg, bad), list(spec.enum))
        if op == "at_least_by_sex":
            if (
                spec.name != "applicant.age"
                or not isinstance(arg, LineMap)
                or set(arg) != {"M", "F"}
            ):
                raise bad("applicant.age and a mapping {M: years, F: years}")
            if not all(isinstance(v, int) and not isinstance(v, bool) for v in arg.values()):
                raise bad("whole numbers of years")
            return conditions.AtLeastBySex(spec.name, {Sex.M: arg["M"], Sex.F: arg["F"]})
        if op == "is_date":
            if spec.kind != "date_or_false" or arg is not True:
                raise bad("a date-or-false fact and the value true")
            return conditions.IsDate(spec.name)
        if op == "answered":
            if arg is not True:
                raise bad("the value true")
            return conditions.Answered(spec.name)
        if op == "years_before_on_at_least":
            if spec.kind not in {"date", "date_or_false"} or not _whole(arg):
                raise bad("a date fact and a whole number of years")
            return conditions.YearsBefore(spec.name, arg)
        if op == "on_or_after":
            if spec.kind not in {"date", "date_or_false"} or not isinstance(arg, date):
                raise bad("a date fact and a date")
            return conditions.OnOrAfter(spec.name, arg)
        if op == "due_within_months":
            if spec.kind not in {"date", "date_or_false"} or not _whole(arg):
                raise bad("a date fact and a whole number of months")
            return conditions.DueWithinMonths(spec.name, arg)
        if op == "prefix_in":
            if (
                spec.kind != "county"
                or not isinstance(arg, LineList)
                or not all(isinstance(p, str) and p.isdigit() and 2 <= len(p) <= 6 for p in arg)
            ):
                raise bad('a county fact and a list of quoted code prefixes such as "3715"')
            return conditions.PrefixIn(spec.name, list(arg))
        # award
        if spec.kind != "awards":
            raise bad("the awards fact")
        award = self.keys(arg, here, ["kinds"], ["max_rank", "within_years"])
        kinds = award["kinds"]
        if not isinstance(kinds, LineList) or not kinds:
            raise bad("a non-empty list of award kinds")
        for kind in kinds:
            if kind not in set(AwardKind):
                raise self.fail(award, here, f"unknown award kind {kind!r}", "kinds")
        max_rank = award.get("max_rank")
        within = award.get("within_years")
        if max_rank is not None and not _whole(max_rank):
            raise bad("max_rank as a whole number")
        if within is not None and not _whole(within):
            raise bad("within_years as a whole number")
        return conditions.AwardMatch(spec.name, [AwardKind(k) for k in kinds], max_rank, within)

    def value(self, spec: FactSpec, raw: Any, bad: Any) -> Any:
        if spec.kind == "bool":
            if not isinstance(raw, bool):
                raise bad("true or false")
            return raw
        if spec.enum is not None:
            if raw not in {m.value for m in spec.enum}:
                allowed = ", ".join(m.value for m in spec.enum)
                raise bad(f"one of {allowed}")
            return spec.enum(raw)
        if spec.kind == "county":
            if not (isinstance(raw, str) and raw.isdigit() and len(raw) == 6):
                raise bad("a quoted 6-digit county code")
            if self.divisions is not None and self.divisions.canonical_county(raw) != raw:
                raise bad("a county code of today's division list")
            return raw
        if spec.kind == "zone":
            if raw not in self.zone_ids:
                raise bad(f"one of this pack's zones ({', '.join(sorted(self.zone_ids))})")
            return raw
        if spec.kind == "int" and _whole(raw):
            return raw
        raise bad(f"a {spec.kind} value")

    # pack parts -----------------------------------------------------------------

    def check_text(self, node: LineMap, key: str, where: str) -> str:
        text = self.string(node, key, where)
        if self.policy_text is None:
            return text
        haystack = _normalise(self.policy_text)
        pos = 0
        for piece in re.split(r"……|\.\.\.", _SIC.sub("", text)):
            needle = _normalise(piece)
            if not needle:
                continue
            found = haystack.find(needle, pos)
            if found < 0:
                raise self.fail(
                    node,
                    f"{where}.{key}",
                    f"this text is not in the policy document: {piece.strip()[:40]!r}…; "
                    "quote the document exactly (mark elisions with ……, notes with [sic: …])",
                    key,
                )
            pos = found + len(needle)
        return text

    def follow(self, node: Any, where: str, line: int) -> FollowRule:
        if isinstance(node, str):
            if node not in FOLLOW_SHORTHANDS:
                raise PackError(
                    self.file,
                    line,
                    where,
                    f"unknown relative group {node!r}; use one of {sorted(FOLLOW_SHORTHANDS)}",
                )
            return FOLLOW_SHORTHANDS[node]
        rule = self.keys(node, where, ["relation"], ["marital_status", "minor", "co_residing"])
        if rule["relation"] not in {r.value for r in Relation}:
            raise self.fail(rule, where, f"unknown relation {rule['relation']!r}", "relation")
        statuses = rule.get("marital_status")
        if statuses is not None and (
            not isinstance(statuses, LineList)
            or not all(s in {m.value for m in MaritalStatus} for s in statuses)
        ):
            raise self.fail(
                rule, where, "marital_status needs a list of statuses", "marital_status"
            )
        for key in ("minor", "co_residing"):
            if key in rule and not isinstance(rule[key], bool):
                raise self.fail(rule, where, f"{key} needs true or false", key)
        return FollowRule(
            relation=Relation(rule["relation"]),
            marital_status=frozenset(MaritalStatus(s) for s in statuses) if statuses else None,
            minor=rule.get("minor"),
            co_residing=rule.get("co_residing"),
        )

    def documents(self, node: LineList, where: str) -> tuple[DocumentItem, ...]:
        out: list[DocumentItem] = []
        for i, item in enumerate(node):
            if isinstance(item, LineList):  # a shared list pulled in with a YAML alias
                out.extend(self.documents(item, f"{where}[{i}]"))
                continue
            if isinstance(item, str) and item.strip():
                out.append(DocumentItem(item))
                continue
            doc = self.keys(item, f"{where}[{i}]", ["doc", "when"])
            out.append(
                DocumentItem(
                    self.string(doc, "doc", f"{where}[{i}]"),
                    self.condition(doc["when"], f"{where}[{i}].when"),
                )
            )
        return tuple(out)

    def zone(self, node: Any, where: str, city: str) -> tuple[Zone, Any]:
        zone = self.keys(
            node, where, ["id", "name", "clause", "places"], ["gate", "gate_text", "name_en"]
        )
        zid = self.string(zone, "id", where)
        if not re.match(r"^[a-z_]+$", zid):
            raise self.fail(zone, f"{where}.id", "a zone id is snake_case", "id")
        clause = self.clause(zone, where)
        places: list[ZonePlace] = []
        for i, raw in enumerate(self.a_list(zone, "places", where)):
            here = f"{where}.places[{i}]"
            place = self.keys(raw, here, ["county"], ["streets", "except_streets"])
            county = place["county"]
            if not (isinstance(county, str) and county.isdigit() and len(county) == 6):
                raise self.fail(place, here, "county needs a quoted 6-digit code", "county")
            if not county.startswith(city):
                raise self.fail(place, here, f"county {county} is not in city {city}", "county")
            if self.divisions is not None and self.divisions.canonical_county(county) != county:
                raise self.fail(
                    place, here, f"county {county} is not in today's division list", "county"
                )
            lists: dict[str, frozenset[str]] = {}
            for key in ("streets", "except_streets"):
                if key not in place:
                    continue
                names = place[key]
                if not isinstance(names, LineList) or not all(isinstance(n, str) for n in names):
                    raise self.fail(place, here, f"{key} needs a list of street names", key)
                if self.divisions is not None:
                    for name in names:
                        street = self.divisions.find_street(county, name)
                        if street is None:
                            raise self.fail(
                                place, here, f"{name!r} is not a street or town of {county}", key
                            )
                        if street.name != name:
                            raise self.fail(
                                place,
                                here,
                                f"write {street.name!r}, today's name, not {name!r}",
                                key,
                            )
                lists[key] = frozenset(names)
            places.append(ZonePlace(county, lists.get("streets"), lists.get("except_streets")))
        gate_raw = zone.get("gate")
        gate = self.condition(gate_raw, f"{where}.gate") if gate_raw is not None else None
        gate_text = zone.get("gate_text", "")
        name_en = self.string(zone, "name_en", where) if "name_en" in zone else ""
        return Zone(
            zid,
            self.string(zone, "name", where),
            clause,
            tuple(places),
            gate,
            gate_text,
            name_en=name_en,
        ), gate_raw

    def clause(self, node: LineMap, where: str) -> str:
        clause = node["clause"]
        if not isinstance(clause, str):
            raise self.fail(
                node,
                f"{where}.clause",
                f'clause ids are quoted text such as "2.1", got {kind_of(clause)} {clause!r}',
                "clause",
            )
        if not CLAUSE_ID.match(clause):
            raise self.fail(
                node, f"{where}.clause", f"{clause!r} is not a dotted clause id", "clause"
            )
        return clause


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


def _iter_routes(
    compiler: _Compiler, doc: LineMap, policy: str, zones: list[Zone]
) -> Iterator[Route]:
    zone_ids = [z.id for z in zones]
    seen: set[str] = set()
    for i, raw in enumerate(compiler.a_list(doc, "routes", "")):
        where = f"routes[{i}]"
        node = compiler.keys(
            raw,
            where,
            ["clause", "name", "text", "when", "follow", "documents"],
            ["zones", "notes", "follow_when", "name_en"],
        )
        clause = compiler.clause(node, where)
        if clause in seen:
            raise compiler.fail(node, f"{where}.clause", f"clause {clause} appears twice", "clause")
        seen.add(clause)
        zone_condition: conditions.Condition | None = None
        if "zones" in node:
            wanted = compiler.a_list(node, "zones", where)
            for zid in wanted:
                if zid not in zone_ids:
                    raise compiler.fail(node, f"{where}.zones", f"unknown zone {zid!r}", "zones")
            if set(wanted) != set(zone_ids):
                zone_condition = compiler._uid(ZoneIn(list(wanted)))
        follow_raw = node["follow"]
        if follow_raw == "nobody":
            follow: tuple[FollowRule, ...] = ()
        else:
            if not isinstance(follow_raw, LineList):
                raise compiler.fail(
                    node, f"{where}.follow", "follow needs a list or nobody", "follow"
                )
            follow = tuple(
                compiler.follow(f, f"{where}.follow[{j}]", follow_raw.line)
                for j, f in enumerate(follow_raw)
            )
        when = compiler.condition(node["when"], f"{where}.when")
        yield Route(
            policy=policy,
            clause=clause,
            name=compiler.string(node, "name", where),
            name_en=compiler.string(node, "name_en", where) if "name_en" in node else "",
            text=compiler.check_text(node, "text", where),
            zone_condition=zone_condition,
            when=when,
            follow=follow,
            follow_when=compiler.condition(node["follow_when"], f"{where}.follow_when")
            if "follow_when" in node
            else None,
            documents=compiler.documents(
                compiler.a_list(node, "documents", where), f"{where}.documents"
            ),
            notes=str(node.get("notes", "")),
            order=i,
            line=node.line,
            hint_leaves=tuple(
                {
                    leaf.uid: leaf for leaf in when.leaves() if leaf.changeable or leaf.time_bound
                }.values()
            ),
        )


def load_pack(
    path: Path, *, policies_dir: Path | None = None, divisions: Divisions | None = None
) -> RulePack:
    """Load, validate and compile one pack; raise PackError on the first problem."""
    file = str(path)
    raw_bytes = path.read_bytes()
    try:
        doc = yaml.load(raw_bytes.decode("utf-8"), Loader=LineLoader)
    except PackError as exc:
        raise PackError(file, exc.line, exc.where, exc.problem) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise PackError(file, line, "", f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError:
        raise PackError(file, None, "", "not UTF-8 text") from None
    compiler = _Compiler(file, None, divisions)
    top = compiler.keys(
        doc,
        "",
        ["policy", "title", "document", "source", "version", "in_force", "city", "zones", "routes"],
        ["definitions", "notices", "notes", "title_en"],
    )
    policy = compiler.string(top, "policy", "")
    if not POLICY_ID.match(policy):
        raise compiler.fail(
            top, "policy", f"{policy!r} is not a policy id such as jinan-2017", "policy"
        )
    if path.stem != policy:
        raise compiler.fail(top, "policy", f"the file must be named {policy}.yaml", "policy")
    source = compiler.string(top, "source", "")
    if policies_dir is not None:
        source_path = policies_dir / source
        if not source_path.is_file():
            raise compiler.fail(
                top, "source", f"policy text {source} not found in {policies_dir}", "source"
            )
        compiler.policy_text = source_path.read_text(encoding="utf-8")
    in_force = compiler.keys(top["in_force"], "in_force", ["from"], ["until"])
    valid_from, valid_until = in_force["from"], in_force.get("until")
    if not isinstance(valid_from, date):
        raise compiler.fail(in_force, "in_force.from", "needs a date YYYY-MM-DD", "from")
    if valid_until is not None and (not isinstance(valid_until, date) or valid_until < valid_from):
        raise compiler.fail(in_force, "in_force.until", "needs a date after in_force.from", "until")
    city = str(top["city"])
    if not re.match(r"^\d{4}$", city):
        raise compiler.fail(top, "city", 'needs a quoted 4-digit city code such as "3701"', "city")
    zones: list[Zone] = []
    gates_by_county: dict[str, list[tuple[str, Any]]] = {}
    for i, raw_zone in enumerate(compiler.a_list(top, "zones", "")):
        zone, gate_raw = compiler.zone(raw_zone, f"zones[{i}]", city)
        if zone.id in compiler.zone_ids:
            raise compiler.fail(raw_zone, f"zones[{i}].id", f"zone {zone.id} appears twice", "id")
        compiler.zone_ids.add(zone.id)
        zones.append(zone)
        for place in zone.places:
            gates_by_county.setdefault(place.county, []).append((zone.id, gate_raw))
    for county, gates in gates_by_county.items():
        if len({repr(g) for _, g in gates}) > 1:
            names = ", ".join(z for z, _ in gates)
            raise PackError(
                file,
                None,
                "zones",
                f"zones {names} share county {county} but have different gates; "
                "a clerk who has not yet named the street could not be told which applies",
            )
    routes = tuple(_iter_routes(compiler, top, policy, zones))
    notices: list[Notice] = []
    for i, raw in enumerate(top.get("notices") or []):
        where = f"notices[{i}]"
        node = compiler.keys(raw, where, ["clause", "text", "when", "info_zh", "info_en"])
        notices.append(
            Notice(
                clause=compiler.clause(node, where),
                text=compiler.check_text(node, "text", where),
                when=compiler.condition(node["when"], f"{where}.when"),
                info_zh=compiler.string(node, "info_zh", where),
                info_en=compiler.string(node, "info_en", where),
            )
        )
    zone_names = {zone.id: zone.name for zone in zones}
    for leaf in compiler.interned.values():  # the zones' names, for reasons in Chinese
        if leaf.fact == "zone":
            leaf.zone_names = zone_names
    version = top["version"]
    return RulePack(
        policy=policy,
        title=compiler.string(top, "title", ""),
        document=compiler.string(top, "document", ""),
        source=source,
        version=str(version),
        valid_from=valid_from,
        valid_until=valid_until,
        city=city,
        zones=tuple(zones),
        routes=routes,
        notices=tuple(notices),
        path=file,
        sha256=hashlib.sha256(raw_bytes).hexdigest(),
        title_en=compiler.string(top, "title_en", "") if "title_en" in top else "",
    )


def load_rulebook(
    rules_dir: Path,
    *,
    policies_dir: Path | None = None,
    divisions: Divisions | None = None,
    newer: Path | None = None,
) -> RuleBook:
    """Every ``*.yaml`` pack in a folder; any broken pack refuses the whole book. A pack
    in ``newer`` (the packs a device pulled from the centre) replaces the shipped pack of
    the same file name."""
    files = {path.name: path for path in rules_dir.glob("*.yaml")}
    if newer is not None and newer.is_dir():
        files.update({path.name: path for path in newer.glob("*.yaml")})
    packs = [
        load_pack(path, policies_dir=policies_dir, divisions=divisions)
        for _, path in sorted(files.items())
    ]
    if not packs:
        raise PackError(str(rules_dir), None, "", "no rule packs (*.yaml) in this folder")
    return RuleBook(tuple(sorted(packs, key=lambda p: (p.valid_from, p.policy))))
