"""Pasting into the editor, and the editor's preview (the PDF's pages)."""

import pytest

from thidua.documents.drafting import preview as preview_module
from thidua.documents.drafting.paste import paste_nodes
from thidua.documents.drafting.preview import PreviewError, pdf_pages, preview_pages

from .conftest import require_poppler, require_soffice

WORD_HTML = """<html><body><!--StartFragment-->
<p class=MsoNormal><b>I. MỤC ĐÍCH</b></p>
<p class=MsoListParagraph><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>
<span style='font-weight:bold'>Mục đích:</span> động viên<br>toàn dân</p>
<p>a) Cấp tỉnh;</p>
<div><p>- Một;</p></div>
<p style='font-style:italic'>Ghi chú <script>x</script></p>
<p>   </p><!--EndFragment--></body></html>"""


def test_a_paste_from_word_keeps_its_levels_and_lead_ins():
    nodes = paste_nodes(html=WORD_HTML)
    assert [(n["numbering"], n["title"]) for n in nodes] == [("roman", "MỤC ĐÍCH")]
    first = nodes[0]["children"][0]
    assert (first["numbering"], first["title"], first["text"]) == (
        "arabic",
        "Mục đích:",
        "động viên toàn dân",
    )
    letter = first["children"][0]
    assert (letter["numbering"], letter["text"]) == ("letter", "Cấp tỉnh;")
    dash = letter["children"][0]
    assert (dash["numbering"], dash["text"]) == ("dash", "Một;")
    # A plain paragraph under an item belongs to it (as the DOCX import reads it);
    # a script's text is not the officer's.
    assert dash["children"] == [
        {"type": "paragraph", "text": "*Ghi chú*", "align": "justify", "indent": True}
    ]


def test_a_browser_list_gets_its_labels():
    nodes = paste_nodes(html="<ol><li>Một</li><li>Hai</li></ol><ul><li>Ba</li></ul>")
    assert [(n["numbering"], n["text"]) for n in nodes] == [
        ("arabic", "Một"),
        ("arabic", "Hai"),
    ]
    assert nodes[1]["children"][0]["numbering"] == "dash"


def test_plain_text_is_one_paragraph_a_line_and_bad_html_falls_back():
    nodes = paste_nodes(text="Đoạn một\n\n1. Mục\n  a) điểm")
    assert nodes[0]["type"] == "paragraph"
    assert nodes[1]["children"][0]["numbering"] == "letter"
    assert paste_nodes(html="<!-- -->", text="x") == paste_nodes(text="x")
    assert paste_nodes(html="   ", text="") == []
    # Word's conditional comments sit inside paragraphs; the text after them stays.
    commented = paste_nodes(
        html="<p>Một <!--[if !supportLists]-->hai<![endif]--> ba</p>"
    )
    assert commented[0]["text"] == "Một hai ba"
    assert paste_nodes(html="<p>Cuối<!-- c --></p>")[0]["text"] == "Cuối"


@pytest.mark.needs_system
def test_the_preview_is_the_pdf_s_pages():
    require_soffice()
    require_poppler()
    content = {
        "kind": "thong_bao",
        "issuers": [{"name": "Sở Nội vụ", "abbreviation": "SNV"}],
        "place": "Huế",
        "trich_yeu": "Kết quả",
        "body": [{"type": "paragraph", "text": "Nội dung."}],
        "signers": [{"title": "Giám đốc", "name": "A"}],
    }
    pages = preview_pages(content, dpi=30)
    assert len(pages) == 1 and pages[0].startswith(b"\x89PNG")
    with pytest.raises(PreviewError) as caught:
        preview_pages({**content, "signers": []})
    assert "Thiếu chức vụ người ký" in caught.value.problems
    with pytest.raises(PreviewError):
        preview_pages(
            {**content, "body": [{"type": "table", "rows": [["a"], ["b", "c"]]}]}
        )


@pytest.mark.needs_system
def test_without_pdftoppm_or_with_a_broken_pdf_the_preview_says_so(monkeypatch):
    require_poppler()
    with pytest.raises(PreviewError) as caught:
        pdf_pages(b"%PDF-1.4 broken")
    assert "Không vẽ được trang xem trước" in caught.value.problems[0]
    monkeypatch.setattr(preview_module.shutil, "which", lambda name: None)
    with pytest.raises(PreviewError) as caught:
        pdf_pages(b"%PDF-")
    assert "poppler-utils" in caught.value.problems[0]


def test_a_conversion_failure_is_a_preview_problem(monkeypatch):
    from thidua.documents.rendering import ConversionError

    def fail(spec):
        raise ConversionError("LibreOffice không chạy")

    monkeypatch.setattr(preview_module, "render_pdf", fail)
    content = {
        "issuers": [{"name": "Sở", "abbreviation": "S"}],
        "place": "Huế",
        "trich_yeu": "x",
        "body": [{"type": "paragraph", "text": "y"}],
        "signers": [{"title": "a", "name": "b"}],
    }
    with pytest.raises(PreviewError) as caught:
        preview_pages(content)
    assert caught.value.problems == ["LibreOffice không chạy"]
