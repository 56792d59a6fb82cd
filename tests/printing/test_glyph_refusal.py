"""A document the font cannot draw is a refusal with its own code at the service boundary
(issue 20: a printing error that escaped the services showed the printing layer's English
under a Chinese title); it is still a ``MissingGlyphError`` for those who catch that."""

from __future__ import annotations

import pytest

from caseworker.printing.fonts import MissingGlyphError, missing_glyphs
from caseworker.printing.model import DocumentKind
from caseworker.services.applications import ApplicationService
from caseworker.services.base import ServiceError
from caseworker.services.printing import PrintingService
from tests.printing.test_printing import _permit_ready
from tests.stores import CLERK


def test_a_character_the_font_lacks_is_a_coded_refusal(apps: ApplicationService) -> None:
    printer = PrintingService(apps.context)
    absent = next(chr(code) for code in range(0x20000, 0x2A6E0) if missing_glyphs([chr(code)]))
    number = _permit_ready(apps, names=[f"王{absent}", "李四"])
    with pytest.raises(ServiceError) as refused:
        printer.print_document(CLERK, number, DocumentKind.PERMIT)
    assert isinstance(refused.value, MissingGlyphError)
    assert refused.value.code == "print.missing_glyph"
    assert f"U+{ord(absent):04X}" in refused.value.params["characters"]
    assert refused.value.params["document"] == "准予迁入证明"
    assert "nothing was printed" in str(refused.value)
