"""The desk's way to the OCR (扫描): a photo or scan read once, then its fields taken out for
the kind of document the clerk says it is, as often as the clerk changes it. The OCR
engine (``caseworker.scanning.ocr``) stays behind this module; the desk sees the
document's squared-up image and the fields with their statuses."""

from __future__ import annotations

from dataclasses import dataclass

from caseworker.scanning.fields import ScanResult, extract
from caseworker.scanning.ocr import Reading, ScanError, read_document

__all__ = ["ScanError", "ScannedDocument", "read_scan"]


@dataclass(frozen=True, slots=True)
class ScannedDocument:
    """One image read: ``image`` is what to show (the document squared up when its outline
    was found, turned level when its lines slanted, else the image as it came), in whose
    pixels the fields' boxes are."""

    reading: Reading

    @property
    def image(self) -> bytes:
        return self.reading.image

    def fields(self, kind: str, *, known: dict[str, str] | None = None) -> ScanResult:
        """The fields of ``kind`` (``scanning.fields.KINDS``), checked; ``known``: what
        the other document or the form says (name, ID number)."""
        reading = self.reading
        return extract(
            kind,
            reading.lines,
            cells=reading.cells,
            known=known,
            recognise=reading.recognise,
            choices=reading.first_choices,
        )


def read_scan(image: bytes) -> ScannedDocument:
    """Find the document in the image, square it up and read it (seconds: run it off the
    GUI thread); a ScanError says what to do when the image cannot be read."""
    return ScannedDocument(read_document(image))
