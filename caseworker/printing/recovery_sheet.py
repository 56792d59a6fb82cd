"""The key recovery sheet (密钥恢复单): the wrapped keys as a QR code and as text, on one
A4 page the office keeps in its safe. The passphrase is never on it."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Preformatted, SimpleDocTemplate, Spacer

from caseworker.printing.documents import QrCode
from caseworker.printing.fonts import register_font


@dataclass(frozen=True, slots=True)
class RecoverySheet:
    office_code: str
    police_station_name: str
    store_id: str
    created_at: str
    recovery_text: str  # the recovery file, as written
    custodian: str = ""  # "1/2": one custodian's share of two; "" for a whole file


def qr_payload(recovery_text: str) -> str:
    """The recovery file without its indentation: the same JSON, a smaller code."""
    return json.dumps(json.loads(recovery_text), ensure_ascii=False, separators=(",", ":"))


def render(sheet: RecoverySheet) -> bytes:
    font = register_font()
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22)
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15)
    small = ParagraphStyle("small", fontName="Courier", fontSize=6.5, leading=8)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title="存储密钥恢复单 Store key recovery sheet",
    )
    story = [
        Paragraph("存储密钥恢复单 Store key recovery sheet", title),
        *(
            [
                Paragraph(
                    f"保管人份额 custodian's share {sheet.custodian}（需两份合用 both needed）",
                    body,
                )
            ]
            if sheet.custodian
            else []
        ),
        Paragraph(
            f"{sheet.police_station_name}（{sheet.office_code}） 存储 store {sheet.store_id} "
            f"制作于 made {sheet.created_at}",
            body,
        ),
        Spacer(1, 4 * mm),
        Paragraph(
            "本单与口令分开保管：本单放所内保险柜，口令另行密封交第二保管人。"
            "Keep this sheet in the station's safe and the passphrase apart, sealed, with a "
            "second custodian. Without both, a backup cannot be read on a new PC.",
            body,
        ),
        Spacer(1, 4 * mm),
        QrCode(qr_payload(sheet.recovery_text), 90 * mm),
        Spacer(1, 3 * mm),
        Paragraph(
            "恢复 To restore: scan the code into a file (or type the text below), then "
            "<font face='Courier'>caseworker key import FILE</font> (the passphrase is asked), "
            "then <font face='Courier'>caseworker restore BACKUP</font>.",
            body,
        ),
        Spacer(1, 3 * mm),
        Preformatted(sheet.recovery_text, small, maxLineLength=110),
    ]
    document.build(story)
    return buffer.getvalue()
