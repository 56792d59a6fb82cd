"""Errors as data (issue 20): no refusal in the services is a bare English sentence; each
names a code, and each code has its English sentence for the command line."""

from __future__ import annotations

import textwrap
from pathlib import Path

from caseworker.services.base import ENGLISH, ServiceError, render_english
from tests.services.refusal_scan import GENERIC, codes_in_source, refusals


def test_every_refusal_in_the_services_names_a_code() -> None:
    found = refusals()
    assert len(found) > 100  # the scan sees the services' refusals
    bare = [f"{r.where}: {r.kind}" for r in found if not r.codes or set(r.codes) & GENERIC]
    assert not bare, "refusals without a code of their own:\n" + "\n".join(bare)


def test_the_scan_catches_a_refusal_without_a_code(tmp_path: Path) -> None:
    (tmp_path / "late.py").write_text(
        textwrap.dedent(
            """
            def f(x):
                if x:
                    raise NotFoundError(code="application.not_found", number=x)
                raise ServiceError(f"{x} is not right")
            """
        )
    )
    found = refusals(tmp_path)
    assert sorted(r.codes for r in found) == [("application.not_found",), ("refused",)]


def test_every_code_has_its_english_sentence() -> None:
    codes = codes_in_source()
    assert len(codes) > 100
    assert not codes - set(ENGLISH), sorted(codes - set(ENGLISH))
    for code in codes - GENERIC - {"case.invalid"}:
        assert ENGLISH[code] != "{detail}", code


def test_a_refusal_made_with_a_code_and_params_reads_as_its_english() -> None:
    error = ServiceError(code="collective.has_members", collective="C-1", members=3)
    assert str(error) == render_english("collective.has_members", error.params)
    assert "C-1 still has 3 registered member(s)" in str(error)
    assert error.params == {"collective": "C-1", "members": 3}
