"""The audit chain's findings in words (审计日志): what a verification found, event by
event, in the desk's language (the storage layer says it in English for the log and
the command line)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.i18n import tr

FINDINGS: dict[str, object] = {
    "edited": QT_TRANSLATE_NOOP("", "第 {seq} 条记录写入后被改动过"),
    "inserted": QT_TRANSLATE_NOOP("", "第 {seq} 条记录是后来插入的"),
    "deleted": QT_TRANSLATE_NOOP("", "第 {seq} 条前后有记录被删除"),
    "reordered": QT_TRANSLATE_NOOP("", "第 {seq} 条记录的顺序被调换过"),
    "truncated": QT_TRANSLATE_NOOP("", "最后的记录被删除（链条在第 {seq} 条之后断开）"),
    "head": QT_TRANSLATE_NOOP("", "链条头与记录不符（第 {seq} 条）"),
}


def finding_text(kind: str, seq: int | None) -> str:
    """One problem the chain verification found, in the desk's language."""
    sentence = FINDINGS.get(kind)
    if sentence is None:
        return tr("审计记录有异常（第 {seq} 条）").format(seq=seq if seq is not None else "—")
    return tr(str(sentence)).format(seq=seq if seq is not None else "—")
