"""A decision explained in plain text for a clerk: Chinese first, English beside it.

Shared by ``caseworker evaluate`` and the desk's decision view.
"""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from caseworker.rules.decision import INELIGIBLE, STATUS_ZH, Decision


def render_text(decision: Decision, file: Path | None, out: TextIO) -> None:
    """The decision explained for a clerk: Chinese first, English beside it."""
    w = out.write
    if file is not None:
        w(f"案例 Case: {file}\n")
    w(f"决定 Decision: {STATUS_ZH[decision.decision]} {decision.decision}\n")
    if decision.zone:
        w(f"片区 Zone: {decision.zone}\n")
    if decision.policies:
        w("适用政策 Policies: " + ", ".join(f"{p.policy} v{p.version}" for p in decision.policies))
        w("\n")
    shown = [r for r in decision.routes if r.status != INELIGIBLE]
    if shown:
        w("\n途径 Routes, most favourable first:\n")
    for r in shown:
        mark = "✔" if r.status == "eligible" else "?"
        w(f"  {mark} {r.key}  {STATUS_ZH[r.status]} {r.status}  {r.route.name}\n")
        if r.unknown:
            w(f"      待了解 still unknown: {', '.join(r.unknown)}\n")
        if r.documents:
            w(f"      材料 documents: {'、'.join(r.documents)}\n")
    ineligible = [r for r in decision.routes if r.status == INELIGIBLE and r.applies_here]
    elsewhere = [r.key for r in decision.routes if not r.applies_here]
    if ineligible:
        w("\n不符合的途径 Ineligible routes:\n")
    for r in ineligible:
        w(f"  ✘ {r.key}  {'; '.join(r.unmet)}\n")
        for hint in r.hints:
            w(f"      提示 hint: {hint.zh} / {hint.en}\n")
    if elsewhere:
        w(f"  （其他片区的途径 routes of other zones: {', '.join(elsewhere)}）\n")
    if decision.family:
        w("\n随迁人员 Accompanying relatives:\n")
        for v in decision.family:
            w(f"  [{v.index}] {v.reason_zh} / {v.reason_en}\n")
    if decision.questions:
        w("\n仍需询问 Questions still worth asking:\n")
        for n, q in enumerate(decision.questions, 1):
            w(f"  {n}. {q.label_zh} / {q.label_en} ({q.fact}) — {', '.join(q.clauses)}\n")
    if decision.manual_checks:
        w("\n人工核查 Checks to make by hand:\n")
        for q in decision.manual_checks:
            w(f"  - {q.label_zh} / {q.label_en} — {', '.join(q.clauses)}\n")
    for notice in decision.notices:
        w(f"\n提示 Notice ({notice.policy}:{notice.clause}): {notice.zh}\n  {notice.en}\n")
    for warning in decision.warnings:
        w(f"注意 Warning: {warning}\n")
