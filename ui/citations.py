"""How the desk names what the rules name by id: a policy by its title, a zone (片区 zone)
by its name, a clause by its number beside its policy, and a relative's verdict in plain
words. The rule book keeps the ids; nothing here shows one to a clerk.

``Citations`` reads the book at each call (the evaluation service may reload it); every
text is in the desk's language, the pack's English names in the English interface."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from caseworker.models.enum_labels import LABELS
from caseworker.models.enums import Relation, Sex
from caseworker.rules.decision import Decision, RelativeVerdict
from caseworker.services.evaluation import EvaluationService
from caseworker.services.policy_names import policy_title, zone_name
from ui.i18n import english, term, tr

# a relative's verdict in plain words, by the engine's verdict
VERDICT_WORDS = {
    "yes": QT_TRANSLATE_NOOP("", "可随迁"),
    "no": QT_TRANSLATE_NOOP("", "不可随迁"),
    "unknown": QT_TRANSLATE_NOOP("", "尚待确认"),
}


class Citations:
    """Names for the ids of the rule book the evaluation service holds now."""

    def __init__(self, evaluation: EvaluationService) -> None:
        self._evaluation = evaluation  # its book is read at each call: it may be reloaded

    def policy(self, policy: str) -> str:
        """The policy's title (its English title in the English interface)."""
        names = policy_title(self._evaluation.book, policy=policy)
        if names is None:
            return tr("未知政策")
        return _pick(*names)

    def quoted(self, policy: str) -> str:
        title = self.policy(policy)
        return f"“{title}”" if english() else f"《{title}》"

    def zone(self, decision: Decision) -> str:
        """The zone the destination lies in, by the name its policy gives it."""
        for use in decision.policies:
            if use.zone is None:
                continue
            names = zone_name(self._evaluation.book, policy=use.policy, zone=use.zone)
            if names is not None:
                return _pick(*names)
        return "—"

    def policies(self, decision: Decision) -> str:
        titles = [self.quoted(use.policy) for use in decision.policies]
        return (", " if english() else "、").join(titles) or tr("无")

    def clauses(self, keys: Iterable[str], *, titled: bool = True) -> str:
        """Route keys (policy:clause) cited as the documents number them, grouped by
        policy: 《济南市…实施意见》2.1.1.2、2.1.2 (without the title when ``titled`` is
        False: the one policy in force, named in the heading above)."""
        grouped: dict[str, list[str]] = {}
        for key in keys:
            policy, _, clause = key.partition(":")
            grouped.setdefault(policy, [])
            if clause_number(clause) not in grouped[policy]:
                grouped[policy].append(clause_number(clause))
        joint, space = (", ", " ") if english() else ("、", "")
        return "; ".join(
            f"{self.quoted(policy)}{space}{joint.join(clauses)}" if titled else joint.join(clauses)
            for policy, clauses in grouped.items()
        )

    def verdict(self, verdict: RelativeVerdict | None, *, titled: bool = True) -> str:
        """A relative's verdict in plain words, with the clauses that admit them or why
        not; "" while there is none (no decision yet)."""
        if verdict is None:
            return ""
        word = tr(VERDICT_WORDS.get(verdict.verdict, VERDICT_WORDS["unknown"]))
        if verdict.verdict == "yes":
            return tr("{verdict}（依据{clauses}）").format(
                verdict=word, clauses=self.clauses(verdict.via, titled=titled)
            )
        if verdict.verdict == "no":
            reason = verdict.reason_en if english() else verdict.reason_zh
            for colon in ("：", ": "):
                if colon in reason:
                    reason = reason.split(colon, 1)[1]
            return tr("{verdict}：{reason}").format(verdict=word, reason=reason)
        return tr("{verdict}：请先回答“需要了解的情况”").format(verdict=word)


def clause_number(clause: str) -> str:
    """A clause as its document numbers it (2.1.1.2); the one clause the packs name by a
    word (the transitional provision) by its name."""
    return tr("过渡条款") if clause == "transition" else clause


def _pick(zh: str, en: str) -> str:
    """The English name in the English interface when there is one, else the Chinese."""
    return en if english() and en else zh


def relation_name(relation: str) -> str:
    labels = LABELS[Relation].get(relation)
    return term(*labels) if labels else tr("关系未填")


def sex_name(sex: str) -> str:
    labels = LABELS[Sex].get(sex)
    return term(*labels) if labels else ""


def relative_lines(
    relatives: Sequence[dict[str, Any]], decision: Decision | None, citations: Citations
) -> list[str]:
    """One line per relative, numbered from 1, each with its verdict from ``decision``:
    what the relatives list and the decision panel both show."""
    verdicts = {v.index: v for v in (decision.family if decision is not None else ())}
    lines = []
    for i, relative in enumerate(relatives):
        who = relative.get("id_number") or " ".join(
            p for p in (relative.get("birth_date") or "", sex_name(relative.get("sex") or "")) if p
        )
        parts = [f"{i + 1}.", relation_name(str(relative.get("relation") or ""))]
        parts += [p for p in (str(relative.get("name") or ""), str(who)) if p]
        said = (
            citations.verdict(verdicts.get(i), titled=len(decision.policies) > 1)
            if decision is not None
            else ""
        )
        lines.append(" ".join(parts) + (f" — {said}" if said else ""))
    return lines
