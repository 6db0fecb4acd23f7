"""Golden test: the rendered 173/PD-SKHĐT holds every element of the seed, in order.

The expected elements come from ``seed_173.txt`` (a verbatim copy of the seed), not
from the spec builder, so a slip in the builder shows up here. The PDF's text is
extracted per page, the page number at the top of pages 2+ and the footnote block at
the foot of its page are checked and taken out (they interrupt paragraphs that run
across pages), whitespace is collapsed, and each element must be found after the
previous one.
"""

import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from .conftest import pdftotext_pages, require_poppler

SEED = Path(__file__).with_name("seed_173.txt")
# The two columns of the header table: each is in order, and both come before "Số:".
HEADER_LEFT = ("UBND TỈNH LẠNG SƠN", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
HEADER_RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
# Where the rendering deliberately differs from the seed's typing:
# - the number was stamped into a blank ("173 /"); NĐ 30 writes no space around "/";
# - the seed's last Nơi nhận line lacks the colon NĐ 30 (Phụ lục I, II.9) requires.
SUBSTITUTIONS = {
    "Số: 173 /PD-SKHĐT": "Số: 173/PD-SKHĐT",
    "- Lưu VT, VP.": "- Lưu: VT, VP.",
}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def seed_elements() -> dict:
    """The seed split into its elements: body paragraphs in order, the footnote,
    the Nơi nhận lines and the signer block."""
    paragraphs = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n")]
    paragraphs = [SUBSTITUTIONS.get(p, p) for p in paragraphs if p]
    receive = paragraphs.index("Nơi nhận:")
    footnote = next(p for p in paragraphs if p.startswith("¹"))
    body = [norm(p.replace("**", "").replace("*", "")) for p in paragraphs[:receive]]
    body.remove(norm(footnote))
    recipients = [
        SUBSTITUTIONS.get(line, line) for line in paragraphs[receive + 1].split("\n")
    ]
    return {
        "body": body,
        "footnote": norm("1" + footnote.removeprefix("¹")),
        "recipients": [norm(line) for line in recipients],
        "signer": [norm(p) for p in paragraphs[receive + 2 :]],
    }


def test_seed_elements_are_complete():
    elements = seed_elements()
    assert len(elements["body"]) == 24  # number … closing, footnote set aside
    assert elements["body"][0] == "Số: 173/PD-SKHĐT"
    assert elements["body"][-1].endswith("an ninh năm 2023./.")
    assert len(elements["recipients"]) == 8
    assert elements["signer"] == ["GIÁM ĐỐC", "Vũ Hoàng Quý"]


def pypdf_pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def assert_in_order(text: str, elements, start: int = 0) -> int:
    """Each element (split at a footnote marker ¹) occurs after the previous one;
    returns the position after the last."""
    position = start
    for element in elements:
        for fragment in element.split("¹"):
            fragment = norm(fragment)
            found = text.find(fragment, position)
            assert found >= 0, f"missing or out of order: {fragment[:90]!r}"
            position = found + len(fragment)
    return position


@pytest.mark.needs_system
@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_seed_pdf_reproduces_every_element_in_order(seed_pdf_path, extractor):
    if extractor == "pdftotext":
        require_poppler()
        pages = pdftotext_pages(seed_pdf_path)
    else:
        pages = pypdf_pages(seed_pdf_path)
    elements = seed_elements()
    assert len(pages) >= 2
    cleaned, footnote_pages = [], []
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if number == 1:
            assert not lines[0].isdigit(), "page 1 must not show its number"
        else:
            assert lines[0] == str(number), f"page {number} starts with {lines[0]!r}"
            lines = lines[1:]
        text = norm(" ".join(lines))
        if elements["footnote"] in text:
            footnote_pages.append(number)
            text = text.replace(elements["footnote"], " ")
        cleaned.append(text)
    assert len(footnote_pages) == 1, "the footnote text appears once"
    reference_page = next(i for i, t in enumerate(cleaned, 1) if "chuyển đổi số" in t)
    assert footnote_pages == [reference_page], "footnote at the foot of its own page"

    text = norm(" ".join(cleaned))
    position = max(
        assert_in_order(text, HEADER_LEFT), assert_in_order(text, HEADER_RIGHT)
    )
    end_of_body = assert_in_order(text, elements["body"], position)
    assert re.search(r"chuyển đổi số ?1 ?, cải cách", text), (
        "footnote reference after số"
    )
    # Nơi nhận and the signer sit side by side after the closing paragraph: each
    # column is in order, whatever the extractor's interleaving.
    assert_in_order(text, ["Nơi nhận:", *elements["recipients"]], end_of_body)
    assert_in_order(text, elements["signer"], end_of_body)
    assert text.count("Vũ Hoàng Quý") == 1
