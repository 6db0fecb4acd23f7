"""Download names per RFC 6266: an ASCII fallback and the real name in filename*, set
by one helper that every file response uses."""

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from thidua.common.downloads import content_disposition

SRC = Path(__file__).resolve().parents[2] / "src" / "thidua"


def parsed(header: str) -> tuple[str, str, str]:
    """(disposition, filename, filename*) as a client reads them."""
    kind = header.split(";", 1)[0]
    plain = re.search(r'; filename="([^"]*)"', header).group(1)
    encoded = re.search(r"; filename\*=UTF-8''([^;\s]+)$", header).group(1)
    return kind, plain, unquote(encoded, errors="strict")


@pytest.mark.parametrize(
    ("name", "fallback", "real"),
    [
        (
            "Quyết định 05/QĐ-UBND.pdf",
            "Quyet dinh 05_QD-UBND.pdf",
            "Quyết định 05_QĐ-UBND.pdf",
        ),
        (
            'Báo cáo "quý 2"; bản cuối.docx',
            "Bao cao _quy 2_ ban cuoi.docx",
            'Báo cáo "quý 2"; bản cuối.docx',
        ),
        (
            "Đơn\r\nSet-Cookie: x=1.pdf",
            "DonSet-Cookie_ x_1.pdf",
            "ĐơnSet-Cookie: x=1.pdf",
        ),
        ("漢字.pdf", "tep.pdf", "漢字.pdf"),
        ("../../etc/passwd", "etc_passwd", "_.._etc_passwd"),
        ("bao-cao.xlsx", "bao-cao.xlsx", "bao-cao.xlsx"),
        # NFD in, NFC out
        ("Ba\u0301o ca\u0301o.pdf", "Bao cao.pdf", "Báo cáo.pdf"),
    ],
)
def test_names_survive_and_cannot_break_the_header(name, fallback, real):
    header = content_disposition(name)
    assert header.isascii() and "\r" not in header and "\n" not in header
    assert parsed(header) == ("attachment", fallback, real)


def test_inline():
    assert content_disposition("Văn bản.pdf", inline=True).startswith(
        "inline; filename=\"Van ban.pdf\"; filename*=UTF-8''V%C4%83n%20b%E1%BA%A3n.pdf"
    )


def test_every_file_response_uses_the_helper():
    """Nothing sets Content-Disposition (or hands FileResponse a filename) by hand."""
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "downloads.py":
            continue
        text = path.read_text()
        if re.search(r"Content-Disposition|filename=|content_disposition_header", text):
            offenders.append(str(path.relative_to(SRC)))
    assert offenders == []
