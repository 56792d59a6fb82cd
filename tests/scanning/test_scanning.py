"""Scanning: fields found by their labels among OCR lines (canned lines, so each rule is
tested alone), the cross-checks, and the whole way from a generated, damaged image through
the on-device OCR to the fields and ``caseworker scan``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseworker.cli import main
from caseworker.scanning.checks import Status
from caseworker.scanning.fields import Field, ScanResult, check_one, cross_check, extract
from caseworker.scanning.ocr import OcrLine, ScanError, read_lines
from tests.scanning.images import sample


def line(text: str, x: int, y: int, score: float = 0.99, width: int = 0) -> OcrLine:
    return OcrLine(text, score, (x, y, x + (width or 30 * len(text)), y + 32))


CARD = [
    line("姓名", 50, 50),
    line("张三丰", 170, 48),
    line("性别", 50, 120),
    line("男", 170, 120),
    line("民族", 300, 120),
    line("汉", 420, 120),
    line("出生", 50, 190),
    line("1972年5月20日", 170, 190),
    line("住址", 50, 260),
    line("山东省聊城市东昌府区古", 170, 260),
    line("楼街道1号", 170, 308),
    line("公民身份号码371502197205200038", 50, 470),
]


def test_fields_are_found_by_their_labels() -> None:
    result = extract("id-card", CARD)
    assert result.values() == {
        "name": "张三丰",
        "sex": "男",
        "ethnicity": "汉",
        "birth_date": "1972-05-20",
        "address": "山东省聊城市东昌府区古楼街道1号",  # the second line joined on
        "id_number": "371502197205200038",  # read together with its label
    }
    assert result.problems == () and not any(f.doubtful for f in result.fields.values())


def test_a_doubtful_or_missing_field_is_marked() -> None:
    lines = [*CARD[:1], line("张三丰", 170, 48, score=0.62), *CARD[2:]]
    result = extract("id-card", lines)
    assert result.fields["name"].doubtful and not result.fields["sex"].doubtful
    # neither the label nor the value read (a lone 汉 beside 性别 would be the ethnicity:
    # test_checks.test_the_ethnicity_beside_the_sex_is_found_with_its_label_misread)
    missing = extract("id-card", [x for x in CARD if x.text not in ("民族", "汉")])
    assert missing.fields["ethnicity"].value == ""
    assert missing.fields["ethnicity"].status is Status.MISSING
    assert missing.fields["ethnicity"].doubtful


def test_the_number_is_checked_against_itself_and_the_card() -> None:
    wrong_digit = [*CARD[:-1], line("公民身份号码371502197205200039", 50, 470)]
    assert "check digit" in extract("id-card", wrong_digit).problems[0]
    other_birth = [*CARD[:7], line("1972年5月21日", 170, 190), *CARD[8:]]
    assert "differs from the birth date" in extract("id-card", other_birth).problems[0]
    female = [*CARD[:3], line("女", 170, 120), *CARD[4:]]
    assert "differs from the sex" in extract("id-card", female).problems[0]
    smudged = [*CARD[:3], line("一男", 170, 120), *CARD[4:5], line("一回", 420, 120)]
    read = extract("id-card", [*smudged, *CARD[6:]]).fields
    assert read["sex"].value == "男" and read["ethnicity"].value == "回"  # strokes dropped
    assert check_one("household-page", {}) == []  # no ID number on the 户主页


def test_the_card_and_the_book_page_name_the_same_person() -> None:
    card = extract("id-card", CARD)
    page = ScanResult(
        "registration-card",
        {
            "name": Field("张三峰", 0.99, None),
            "id_number": Field("371502197205200038", 0.99, None),
        },
    )
    assert cross_check(card, page) == [
        "姓名: card 张三丰, book 张三峰; check both against the originals"
    ]
    assert cross_check(card, None) == []


def test_bad_images_are_refused_plainly() -> None:
    with pytest.raises(ScanError, match="empty"):
        read_lines(b"")
    with pytest.raises(ScanError, match="not an image"):
        read_lines(b"%PDF-1.7 not a picture")
    with pytest.raises(ValueError, match="one of id-card"):
        extract("passport", [])


@pytest.mark.parametrize(
    ("kind", "seed"), [("id-card", 3), ("registration-card", 5), ("household-page", 7)]
)
def test_a_generated_damaged_image_reads_back(kind: str, seed: int) -> None:
    """Rotated, blurred, lit unevenly and stamped: the OCR on this machine reads it."""
    made = sample(kind, seed)
    result = extract(kind, read_lines(made.png))
    assert result.values() == made.fields
    assert result.problems == ()


def test_the_scan_command_prints_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = sample("id-card", 11)
    image = tmp_path / "card.png"
    image.write_bytes(made.png)
    code = main(["scan", str(image), "--kind", "id-card"])
    printed = json.loads(capsys.readouterr().out)
    assert {k: v["value"] for k, v in printed["fields"].items()} == made.fields
    doubtful = [k for k, v in printed["fields"].items() if v["doubtful"]]
    assert code == (1 if doubtful or printed["problems"] else 0)  # 1: the clerk must look
    (tmp_path / "note.txt").write_text("not an image")
    assert main(["scan", str(tmp_path / "note.txt"), "--kind", "id-card"]) == 2
    assert "not an image" in capsys.readouterr().err


def test_without_the_scan_extra_it_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PyInstaller bundle leaves the OCR out: the clerk is told, not shown a traceback."""
    import builtins  # noqa: PLC0415

    real_import = builtins.__import__

    def no_cv2(name: str, *args: object, **kwargs: object) -> object:
        if name == "cv2":
            raise ImportError("No module named 'cv2'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_cv2)
    with pytest.raises(ScanError, match="scanning is not installed"):
        read_lines(b"anything")
