"""Real published documents, entered as content, rendered and compared element by
element with the original (issue #15, "How it is shown": ≥ 95 % of the structural
elements right overall, no document under 90 % of the elements the model can express).

Each ``*.json`` next to this file holds a document's source, its content as an officer
enters it (docs/document-model.md) and the elements of the original as printed
(``expected``). Elements the model cannot express are marked ``not_expressible`` (with
the reason): they count in the score and are listed in the report.

The harness itself is proven against the renderer as it is (specs built by hand for two
fixtures) and must notice a broken rendering (a mutated heading, a wrong Điều number).
"""

import datetime
import io
import json
import sys
import zipfile
from pathlib import Path

import pytest

from thidua.documents.rendering import render_docx
from thidua.documents.rendering.spec import (
    Article,
    Document,
    Issuer,
    Item,
    Paragraph,
    Section,
    Signer,
)

from .elements import KINDS, compare, extract, format_table

HERE = Path(__file__).parent
FIXTURES = sorted(HERE.glob("*.json"))
OVERALL = 0.95
PER_DOCUMENT = 0.90


def load(name: str) -> dict:
    return json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))


# -- the fixtures themselves -------------------------------------------------------------


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_is_well_formed(path):
    fixture = json.loads(path.read_text(encoding="utf-8"))
    assert fixture["source"]["url"].startswith("http")
    assert fixture["source"]["agency"] and fixture["source"]["title"]
    assert fixture["content"]["version"] == 1
    expected = fixture["expected"]
    assert len(expected) >= 10
    for item in expected:
        assert item["element"] in KINDS, item
        assert item["text"].strip(), item
    if fixture["truncated"]:
        assert "ends at" in fixture["note"]


def test_fixtures_cover_the_agencies():
    kinds = {
        json.loads(p.read_text(encoding="utf-8"))["content"]["kind"] for p in FIXTURES
    }
    assert len(FIXTURES) >= 10
    assert {
        "ke_hoach",
        "quyet_dinh",
        "to_trinh",
        "bao_cao",
        "bien_ban",
        "cong_van",
    } <= kinds


# -- the harness against the renderer as it is ----------------------------------------


def hoa_hong_spec(**changes) -> Document:
    """QĐ 10/QĐ-MN of MN Hoa Hồng built by hand with the current spec classes."""
    content = load("mnhoahong_qd_quy_che")["content"]
    values = {
        "issuer": Issuer("TRƯỜNG MN HOA HỒNG", "MN", "UBND HUYỆN CAN LỘC"),
        "type_title": "QUYẾT ĐỊNH",
        "type_code": "QĐ",
        "trich_yeu": content["trich_yeu"],
        "place": content["place"],
        "signer": Signer(title="HIỆU TRƯỞNG", name="Nguyễn Thị Lan"),
        "issue_date": datetime.date(2018, 9, 6),
        "number": 10,
        "authority_line": content["authority_line"],
        "bases": tuple(content["bases"]),
        "operative_word": "QUYẾT ĐỊNH:",
        "body": tuple(Article(blocks=(Paragraph(n["text"]),)) for n in content["body"]),
        "recipients": ("Như điều 3",),
        "filing": ("VT", "TTTVĐT"),
    }
    values.update(changes)
    return Document(**values).validate()


def bnv_spec(section_title: str = "NHỮNG QUY ĐỊNH CHUNG") -> Document:
    """HD 422/HD-BNV built by hand: Kính gửi, opening, I. / 1. / 1.1. headings."""
    content = load("bnv_422_huong_dan")["content"]
    item = content["body"][0]["children"][0]
    q1, decimal = item["children"]
    points = tuple(Paragraph(p["text"]) for p in decimal["children"])
    return Document(
        issuer=Issuer("BỘ NỘI VỤ", "BNV"),
        type_title="HƯỚNG DẪN",
        type_code="HD",
        trich_yeu=content["trich_yeu"],
        place="Hà Nội",
        signer=Signer(title="BỘ TRƯỞNG", name="(không đọc được)"),
        issue_date=datetime.date(2004, 3, 2),
        number=422,
        kinh_gui=tuple(content["kinh_gui"]),
        opening=tuple(content["opening"]),
        body=(
            Section(
                section_title,
                blocks=(
                    Item(title=item["title"]),
                    Paragraph(q1["text"]),
                    Paragraph("**1.1. Đối với tập thể:**"),
                    *points,
                ),
            ),
        ),
    ).validate()


def test_harness_reads_the_current_renderer():
    """Every element the model can express is found in the current rendering."""
    fixture = load("mnhoahong_qd_quy_che")
    score = compare(
        "mnhoahong", fixture["expected"], extract(render_docx(hoa_hong_spec()))
    )
    assert score.expressible_value == 1.0, format_table([score])
    assert [e["element"] for e in score.wrong] == ["number", "place_date"]
    fixture = load("bnv_422_huong_dan")
    score = compare("bnv_422", fixture["expected"], extract(render_docx(bnv_spec())))
    assert score.value == 1.0, format_table([score])


def test_harness_detects_a_mutated_heading():
    fixture = load("bnv_422_huong_dan")
    found = extract(render_docx(bnv_spec("NHỮNG QUY ĐỊNH RIÊNG")))
    score = compare("bnv_422", fixture["expected"], found)
    assert [e["text"] for e in score.wrong] == ["I. NHỮNG QUY ĐỊNH CHUNG"]


def _replace_in_docx(data: bytes, old: str, new: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                assert old.encode() in content
                content = content.replace(old.encode(), new.encode(), 1)
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("old", "new", "element"),
    [
        (
            "Điều 2.",
            "Điều 4.",
            "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.",
        ),
        ("Nguyễn Thị Lan", "Nguyễn Thị Lâm", "Nguyễn Thị Lan"),
        ("QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "QUYẾT ĐỊNH:"),
        ("UBND HUYỆN CAN LỘC", "UBND HUYỆN CAN LỘ", "UBND HUYỆN CAN LỘC"),
    ],
)
def test_harness_detects_a_broken_rendering(old, new, element):
    fixture = load("mnhoahong_qd_quy_che")
    data = _replace_in_docx(render_docx(hoa_hong_spec()), old, new)
    score = compare("mnhoahong", fixture["expected"], extract(data))
    wrong = [e["text"] for e in score.wrong if not e.get("not_expressible")]
    assert wrong == [element]


def test_harness_detects_a_wrong_signer_authority():
    fixture = load("ttg_984_qd_to_quoc_ghi_cong")
    spec = hoa_hong_spec(
        signer=Signer(
            title="PHÓ THỦ TƯỚNG",
            name="Hoàng Trung Hải",
            authority="TL.",
            principal="THỦ TƯỚNG",
        )
    )
    found = extract(render_docx(spec))
    signer = [e for e in fixture["expected"] if e["element"] == "signer_line"]
    score = compare("984", signer, found)
    assert [e["text"] for e in score.wrong] == ["KT. THỦ TƯỚNG"]


# -- the fixtures through the document model ------------------------------------------

SCORES: dict = {}
# Where the stored copy of a truncated original ends before its signer (or shows no
# place), the content has none; the renderer needs one, so a placeholder stands in for
# the rendering only. It is not among the expected elements and is never scored.
UNREAD = "(không có trong bản đã đọc)"


def renderable(fixture: dict) -> dict:
    content = dict(fixture["content"])
    if not content["signers"]:
        content["signers"] = [{"title": UNREAD, "name": UNREAD}]
    if not content["place"]:
        content["place"] = UNREAD
    return content


def _drafting():
    from thidua.documents.drafting.to_spec import content_spec
    from thidua.documents.drafting.validation import validate_content

    return validate_content, content_spec


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_real_document_renders(path):
    validate_content, content_spec = _drafting()
    fixture = json.loads(path.read_text(encoding="utf-8"))
    assert validate_content(fixture["content"]) == []
    data = render_docx(content_spec(renderable(fixture)))
    SCORES[path.stem] = compare(path.stem, fixture["expected"], extract(data))


def test_real_documents_score():
    """Runs after the renders (same module, file order): ≥ 95 % overall, ≥ 90 % each."""
    validate_content, content_spec = _drafting()
    for path in FIXTURES:
        if path.stem not in SCORES:
            fixture = json.loads(path.read_text(encoding="utf-8"))
            data = render_docx(content_spec(renderable(fixture)))
            SCORES[path.stem] = compare(path.stem, fixture["expected"], extract(data))
    scores = [SCORES[p.stem] for p in FIXTURES]
    table = format_table(scores)
    sys.stdout.write("\n" + table + "\n")
    right = sum(len(s.right) for s in scores)
    total = sum(s.total for s in scores)
    assert right / total >= OVERALL, table
    # Per document, the elements the model cannot express (an original's typo in its
    # number, a half-blank date) are set aside: QĐ of TH Quang Châu has three of 20.
    assert all(s.expressible_value >= PER_DOCUMENT for s in scores), table


# -- the same documents brought in as DOCX files -------------------------------------

ROUND_TRIP = 0.93


def test_real_documents_through_the_docx_import():
    """Each original, written as thidua writes it, imported back (what an agency does
    with last year's file) and rendered again: ≥ 93 % of the original's elements right.
    What is lost on the way is where the import reads a Word file differently from
    what the officer meant: a label typed literally ("1/-") comes back as a numbered
    item. (A name thidua wrapped in its cell comes back whole: its files are marked.)"""
    from thidua.documents.drafting.docx_import import import_docx

    validate_content, content_spec = _drafting()
    scores = []
    for path in FIXTURES:
        fixture = json.loads(path.read_text(encoding="utf-8"))
        written = render_docx(content_spec(renderable(fixture)))
        imported = import_docx(written)
        assert validate_content(imported.content) == [], path.stem
        again = render_docx(content_spec(imported.content))
        scores.append(compare(path.stem, fixture["expected"], extract(again)))
    table = format_table(scores)
    sys.stdout.write("\n" + table + "\n")
    right = sum(len(s.right) for s in scores)
    assert right / sum(s.total for s in scores) >= ROUND_TRIP, table
