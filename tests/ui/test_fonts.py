"""Names with Extension B characters are drawn with a glyph in the desk (a tester saw 𠈌
as an empty box in the form and the queue, though the papers print it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from ui.fonts import install_font_stack

NAMES = ("王𠈌", "李𡘙", "亓官", "逄", "禚", "郗", "John Smith")


def _fonts_for(text: str, font: QFont) -> list[tuple[str, bool]]:
    """(family, has a glyph for every character it drew) for each run Qt lays out."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = []
    for run in layout.glyphRuns():
        raw = run.rawFont()
        runs.append((raw.familyName(), all(index != 0 for index in run.glyphIndexes())))
    return runs


@pytest.fixture
def stacked(qapp: QApplication) -> Iterator[list[str]]:
    before = QFont(qapp.font())
    yield install_font_stack(qapp)
    qapp.setFont(before)  # the stack every desk test runs with (tests/ui/conftest.py)


def test_every_character_of_a_name_has_a_glyph(stacked: list[str], qapp: QApplication) -> None:
    assert stacked[-1] == "AR PL UMing CN"  # the papers' font, last
    for name in NAMES:
        runs = _fonts_for(name, qapp.font())
        assert runs and all(has_glyph for _, has_glyph in runs), (name, runs)


def test_the_papers_font_is_only_the_last_resort(stacked: list[str], qapp: QApplication) -> None:
    """Ordinary Han characters keep the Chinese UI face where one is installed; only the
    rare ones come from the Ming face of the papers."""
    if len(stacked) < 3:
        pytest.skip("no Chinese UI face installed on this machine")
    families = {family.lower() for family, _ in _fonts_for("王", qapp.font())}
    assert "ar pl uming cn" not in families


PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QFont
from tests.ui.test_fonts import _fonts_for
from ui.fonts import install_font_stack
app = QApplication(sys.argv)
before = _fonts_for("王𠈌", app.font())
stack = install_font_stack(app)
after = _fonts_for("王𠈌", app.font())
print(json.dumps({"before": before, "stack": stack, "after": after}))
"""


def test_on_a_pc_without_any_extension_b_font_the_shipped_one_draws_it(tmp_path: Path) -> None:
    """A PC whose only fonts are a Latin face and a Chinese face without Extension B
    (as a counter PC with Microsoft YaHei and no SimSun-ExtB): fontconfig is pointed at
    DejaVu and WenQuanYi Zen Hei alone. Without the stack 𠈌 is a box; with it, drawn."""
    folders = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/wqy")]
    if not all(f.is_dir() for f in folders):
        pytest.skip("fonts-dejavu-core and fonts-wqy-zenhei are not installed")
    config = tmp_path / "fonts.conf"
    dirs = "".join(f"<dir>{f}</dir>" for f in folders)
    config.write_text(
        f"<?xml version='1.0'?><fontconfig>{dirs}<cachedir>{tmp_path / 'cache'}</cachedir>"
        "</fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert not all(has_glyph for _, has_glyph in seen["before"])  # the tester's box
    assert seen["stack"][-1] == "AR PL UMing CN"
    assert all(has_glyph for _, has_glyph in seen["after"]), seen
