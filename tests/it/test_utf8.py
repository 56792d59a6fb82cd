"""UTF-8 everywhere: a Chinese Windows console redirected to a file writes cp936 (GBK),
which cannot hold Extension-B name characters; the command line writes UTF-8 whatever
the console's encoding."""

from __future__ import annotations

import json
from pathlib import Path

from tests.it.conftest import Office

EXT_B = "𠈌明"  # 𠈌 U+2020C is outside GBK


def test_show_redirected_in_cp936_keeps_an_extension_b_name(office: Office, tmp_path: Path) -> None:
    number = office.apply(tmp_path, [EXT_B, "李四"])
    for extra in ([], ["--json"]):
        done = office.run("show", number, *extra, PYTHONIOENCODING="cp936")
        assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
        text = done.stdout.decode("utf-8")  # fails on GBK bytes for 明 as well
        assert EXT_B in text
        if extra:
            assert json.loads(text)["applicant"]["name"] == EXT_B


def test_errors_in_cp936_are_readable_utf8(office: Office, tmp_path: Path) -> None:
    missing = tmp_path / f"{EXT_B}.json"
    done = office.run("apply", str(missing), PYTHONIOENCODING="cp936")
    assert done.returncode == 2
    assert EXT_B in done.stderr.decode("utf-8")
