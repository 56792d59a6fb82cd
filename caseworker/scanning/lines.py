"""Mending the recogniser's lines before fields are looked for by their labels (the ID
card, which has no ruled cells): a label spaced out (姓　名) and read as two lines is joined
again, and a line that runs from one field into the next label (性别男民族汉) is cut at that
label, each part keeping the boxes of its own characters.

Pure: lines in, lines out."""

from __future__ import annotations

import re

from caseworker.scanning.ocr import OcrLine

Char = tuple[str, float, tuple[int, int, int, int]]


def characters(line: OcrLine) -> list[Char]:
    """One entry per non-space character, each with its own box (a run of digits the
    engine boxed together is shared out evenly; a line without boxes likewise)."""
    runs: list[Char] = list(line.chars) or [(line.text, line.score, line.box)]
    out: list[Char] = []
    for text, score, (left, top, right, bottom) in runs:
        chars = re.sub(r"\s+", "", text)
        if not chars:
            continue
        step = (right - left) / len(chars)
        for n, char in enumerate(chars):
            box = (round(left + n * step), top, round(left + (n + 1) * step), bottom)
            out.append((char, score, box))
    return out


def from_characters(chars: list[Char]) -> OcrLine:
    return OcrLine(
        "".join(c[0] for c in chars),
        min(c[1] for c in chars),
        (
            min(c[2][0] for c in chars),
            min(c[2][1] for c in chars),
            max(c[2][2] for c in chars),
            max(c[2][3] for c in chars),
        ),
        tuple(chars),
    )


def _tail(line: OcrLine, skip: int) -> OcrLine:
    """The line without its first ``skip`` characters (its label), boxed by what is left."""
    chars = characters(line)[skip:]
    return from_characters(chars) if chars else OcrLine("", line.score, line.box)


def same_row(a: OcrLine, b: OcrLine) -> bool:
    """Two lines on one row of the document: their middles less than 0.6 of a line apart."""
    return abs(a.middle - b.middle) < max(a.height, b.height) * 0.6


def join_split_labels(lines: list[OcrLine], labels: list[str]) -> list[OcrLine]:
    """A line that is the start of a label, and the nearest line right of it on its row
    that goes on with the label's rest, become one line."""
    lines = list(lines)
    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            text = re.sub(r"\s+", "", line.text)
            heads = [lab for lab in labels if lab.startswith(text) and lab != text]
            if not text or not heads:
                continue
            right = [
                (other.box[0], j)
                for j, other in enumerate(lines)
                if j != i and other.box[0] > line.box[0] and same_row(line, other)
            ]
            if not right:
                continue
            j = min(right)[1]
            after = re.sub(r"\s+", "", lines[j].text)
            if not any(
                (text + after).startswith(lab) or lab.startswith(text + after) for lab in heads
            ):
                continue
            merged = from_characters(characters(line) + characters(lines[j]))
            lines = [x for n, x in enumerate(lines) if n not in (i, j)] + [merged]
            changed = True
            break
    return sorted(lines, key=lambda x: (x.middle, x.box[0]))


def split_at_labels(lines: list[OcrLine], labels: list[str]) -> list[OcrLine]:
    """A line holding a label after its start is cut there: 性别男民族汉 becomes 性别男 and
    民族汉."""
    out: list[OcrLine] = []
    for line in lines:
        chars = characters(line)
        text = "".join(c[0] for c in chars)
        cuts = sorted(
            {
                match.start()
                for label in labels
                if len(label) >= 2
                for match in re.finditer(re.escape(label), text)
                if match.start() > 0
            }
        )
        # a shorter label inside a longer one (出生 in 出生日期) is no cut
        cuts = [
            cut
            for cut in cuts
            if not any(
                text.startswith(longer, start)
                for longer in labels
                for start in range(max(0, cut - len(longer) + 1), cut)
                if start + len(longer) > cut
            )
        ]
        if not cuts:
            out.append(line)
            continue
        for start, end in zip([0, *cuts], [*cuts, len(chars)], strict=True):
            if end > start:
                out.append(from_characters(chars[start:end]))
    return sorted(out, key=lambda x: (x.middle, x.box[0]))
