"""The structured content of any document (docs/document-model.md): its normal form,
its validation naming the place, and its rendering through the one spec path."""

import copy
import datetime
import io
import unicodedata

import docx
import pytest

from thidua.documents.drafting.content import KINDS, ContentError, normalise_content
from thidua.documents.drafting.to_spec import content_spec
from thidua.documents.drafting.validation import (
    issue_problems,
    table_grid,
    validate_content,
)
from thidua.documents.rendering import Signer, SpecError, render_docx
from thidua.documents.rendering.numbering import Counters, label

PLAN = {
    "kind": "ke_hoach",
    "issuers": [
        {"parent": "", "name": "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK", "abbreviation": "UBND"}
    ],
    "number": "0125",
    "symbol": "KH-THPTTX.PL",
    "place": "Đắk Lắk",
    "date": "2024-03-05",
    "trich_yeu": "Tổ chức phong trào thi đua\nnăm học 2024 – 2025",
    "opening": ["Thực hiện Quyết định số 1/QĐ-TTg.\nỦy ban nhân dân tỉnh ban hành:"],
    "body": [
        {
            "numbering": "roman",
            "title": "Mục đích, yêu cầu",
            "children": [
                {
                    "numbering": "arabic",
                    "title": "Mục đích",
                    "children": [
                        {"numbering": "dash", "text": "Động viên toàn dân;"},
                        {"numbering": "dash", "text": "Phát huy sức mạnh."},
                    ],
                },
                {
                    "numbering": "arabic",
                    "title": "Yêu cầu",
                    "children": [
                        {
                            "numbering": "decimal",
                            "title": "Đối với cơ quan",
                            "children": [
                                {
                                    "numbering": "letter",
                                    "title": "Cấp tỉnh:",
                                    "text": "chủ trì.\nPhối hợp các sở.",
                                    "children": [
                                        {"numbering": "plus", "text": "Sở Nội vụ"}
                                    ],
                                }
                            ],
                        }
                    ],
                },
            ],
        },
        {
            "numbering": "roman",
            "title": "Thời gian",
            "children": [
                {"type": "paragraph", "text": "Đợt 1: từ 01/4/2024 đến 30/9/2024."},
                {
                    "type": "table",
                    "widths": [1, 5, 2],
                    "rows": [
                        ["STT", "Tiêu chí", "Điểm"],
                        ["1", {"text": "Công tác chỉ đạo", "colspan": 2}],
                        [
                            {"text": "2", "rowspan": 2},
                            "Kết quả",
                            {"text": "50", "bold": True},
                        ],
                        ["Thưởng", "10"],
                    ],
                },
            ],
        },
    ],
    "closing": ["Đề nghị các đơn vị thực hiện.", "Trên đây là Kế hoạch."],
    "recipients": ["Bộ Nội vụ (b/c)", "Các sở, ban, ngành"],
    "filing": ["VT", "NC"],
    "signers": [
        {
            "authority": "TM.",
            "principal": "ỦY BAN NHÂN DÂN",
            "second_authority": "KT.",
            "second_principal": "CHỦ TỊCH",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Nguyễn Tuấn Hà",
        }
    ],
    "appendices": [
        {
            "title": "Bảng điểm",
            "landscape": True,
            "body": [{"type": "table", "rows": [["A", "B"], ["1", "2"]]}],
        }
    ],
    "attachments": [{"name": "Mẫu đăng ký.xlsx", "id": 3}],
}


def _texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_a_provincial_plan_renders_its_tree_as_written():
    assert validate_content(PLAN) == []
    assert issue_problems(PLAN) == []
    data = render_docx(content_spec(PLAN))
    texts = _texts(data)
    for expected in (
        "KẾ HOẠCH",
        "Tổ chức phong trào thi đua",
        "năm học 2024 – 2025",
        "Thực hiện Quyết định số 1/QĐ-TTg.",
        "Ủy ban nhân dân tỉnh ban hành:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Động viên toàn dân;",
        "2. Yêu cầu",
        "2.1. Đối với cơ quan",
        "a) Cấp tỉnh: chủ trì.",
        "Phối hợp các sở.",
        "+ Sở Nội vụ",
        "II. THỜI GIAN",
        "Đề nghị các đơn vị thực hiện.",
        "Trên đây là Kế hoạch.",
        "Tài liệu kèm theo:",
        "- Mẫu đăng ký.xlsx.",
        "BẢNG ĐIỂM",
    ):
        assert expected in texts, expected
    document = docx.Document(io.BytesIO(data))
    header = document.tables[0]
    assert header.cell(0, 0).text.split("\n")[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]
    assert header.cell(1, 0).text == "Số: 0125/KH-THPTTX.PL"
    scoring = document.tables[1]
    assert [c.text for c in scoring.rows[1].cells] == [
        "1",
        "Công tác chỉ đạo",
        "Công tác chỉ đạo",
    ]
    assert scoring.cell(2, 0).text == scoring.cell(3, 0).text == "2"
    signature = document.tables[2].cell(0, 1).text.split("\n")
    assert signature[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert document.sections[-1].page_width > document.sections[-1].page_height
    assert "(Kèm theo Kế hoạch số 0125/KH-THPTTX.PL ngày 05 tháng 3 năm 2024" in (
        " ".join(texts)
    )


def test_co_issuers_side_by_side_and_two_signers():
    content = copy.deepcopy(PLAN)
    content["issuers"].append({"name": "Công đoàn Công ty", "abbreviation": "CĐ"})
    content["signers"].append(
        {
            "authority": "TM.",
            "principal": "BAN CHẤP HÀNH",
            "title": "CHỦ TỊCH",
            "name": "B",
        }
    )
    spec = content_spec(content)
    assert [i.name for i in spec.co_issuers] == ["Công đoàn Công ty"]
    assert spec.co_signer.title_lines == ("TM. BAN CHẤP HÀNH", "CHỦ TỊCH")
    document = docx.Document(io.BytesIO(render_docx(spec)))
    header = document.tables[0]
    assert len(header.columns) == 3
    assert header.cell(0, 1).text.startswith("CÔNG ĐOÀN\nCÔNG TY")
    assert header.cell(1, 0).text == header.cell(1, 1).text == "Số: 0125/KH-THPTTX.PL"


def test_register_number_and_date_override_and_defaults():
    content = {
        "kind": "quyet_dinh",
        "issuers": [{"name": "Trường THCS A"}],
        "place": "Hà Nội",
        "trich_yeu": "Khen thưởng học sinh",
        "bases": ["Căn cứ Luật Thi đua, khen thưởng"],
        "operative_word": "QUYẾT ĐỊNH:",
        "authority_line": "HIỆU TRƯỞNG TRƯỜNG THCS A",
        "body": [{"numbering": "article", "text": "Khen thưởng 05 học sinh."}],
        "signers": [{"authority": "Q.", "title": "Hiệu trưởng", "name": "C"}],
    }
    spec = content_spec(content, number=7, issue_date=datetime.date(2024, 5, 2))
    assert spec.number_text == "07/QĐ-"  # no abbreviation yet: issue_problems says so
    assert spec.type_title == "QUYẾT ĐỊNH"
    assert spec.signer.title_lines == ("Q. HIỆU TRƯỞNG",)
    assert spec.filing == ("VT",)
    assert spec.closing == ()
    assert issue_problems(content) == [
        "Thiếu chữ viết tắt tên cơ quan ban hành hoặc ký hiệu văn bản"
    ]
    named = {**content, "issuers": [{"name": "Trường THCS A", "abbreviation": "THCSA"}]}
    texts = _texts(render_docx(content_spec(named)))
    assert "Điều 1. Khen thưởng 05 học sinh." in texts
    # The symbol's last group stands in for a missing abbreviation.
    assert content_spec({**content, "symbol": "QĐ-THCS.A"}).issuer.abbreviation == "A"


def test_a_cong_van_keeps_its_symbol_and_has_no_type_title():
    content = {
        "kind": "cong_van",
        "issuers": [{"name": "Sở Nội vụ", "abbreviation": "SNV"}],
        "symbol": "SNV-TĐKT",
        "place": "Huế",
        "trich_yeu": "Hướng dẫn\nkhen thưởng",
        "kinh_gui": ["Các sở, ban, ngành"],
        "body": [{"type": "paragraph", "text": "Nội dung.", "align": "center"}],
        "signers": [
            {
                "authority": "KT.",
                "principal": "Giám đốc",
                "title": "Phó Giám đốc",
                "name": "D",
            }
        ],
    }
    assert issue_problems(content) == []
    spec = content_spec(content)
    assert spec.is_cong_van and spec.attached_to == "Công văn"
    document = docx.Document(io.BytesIO(render_docx(spec)))
    assert "V/v Hướng dẫn khen thưởng" in document.tables[0].cell(1, 0).text
    assert issue_problems({**content, "symbol": ""}) == [
        "Công văn cần ký hiệu (ví dụ UBND-VX)"
    ]


def test_every_kind_has_a_label_and_its_type_code():
    assert KINDS["to_trinh"].type_code == "TTr"
    assert KINDS["cong_van"].type_title == ""
    assert len({k.label for k in KINDS.values()}) == len(KINDS)


def test_normal_form_fills_every_key_and_normalises_text():
    out = normalise_content(
        {
            "trich_yeu": "  " + unicodedata.normalize("NFD", "Khen thưởng") + " ",
            "number": 5,
        }
    )
    assert out["trich_yeu"] == "Khen thưởng"
    assert out["number"] == "5"
    assert out["body"] == [] and out["signers"] == [] and out["date"] is None
    assert out["version"] == 1
    node = normalise_content({"body": [{"title": "A"}]})["body"][0]
    assert node == {
        "type": "section",
        "numbering": "none",
        "title": "A",
        "text": "",
        "emphasis": "",
        "start": None,
        "children": [],
    }


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ([], "Nội dung văn bản phải là một đối tượng JSON"),
        ({"trich_yeu": ["x"]}, "trich_yeu: phải là chữ"),
        ({"issuers": "Sở"}, "issuers: phải là một danh sách"),
        ({"issuers": ["Sở"]}, "Cơ quan ban hành 1: phải là một đối tượng"),
        (
            {"body": [{"type": "image"}]},
            "Nội dung › 1: loại thành phần không hợp lệ (image)",
        ),
        ({"body": [{"start": "hai"}]}, "Nội dung › 1: phải là số"),
        ({"body": [{"start": 1.5}]}, "Nội dung › 1: phải là số"),
        (
            {"body": [{"type": "table", "widths": [0]}]},
            "Nội dung › 1: độ rộng cột phải là số dương",
        ),
        (
            {"body": [{"type": "table", "rows": ["x"]}]},
            "Nội dung › 1 › dòng 1: phải là một danh sách",
        ),
        ({"signers": [{"person_id": True}]}, "Người ký 1: phải là số"),
        ({"appendices": [{"title": 3, "body": None}]}, None),
        ({"attachments": [{"name": "a.pdf", "id": "x"}]}, "a.pdf: phải là số"),
    ],
)
def test_a_shape_that_cannot_be_read_is_named(content, problem):
    if problem is None:
        assert validate_content(content) == []
        return
    with pytest.raises(ContentError) as caught:
        normalise_content(content)
    assert problem in caught.value.problems
    assert problem in validate_content(content)
    assert issue_problems(content) == validate_content(content)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"kind": "sach"}, "Loại văn bản không hợp lệ: sach"),
        ({"number": "0"}, "Số văn bản chỉ gồm chữ số, lớn hơn 0 (ví dụ 05 hoặc 0125)"),
        (
            {"number": "12a"},
            "Số văn bản chỉ gồm chữ số, lớn hơn 0 (ví dụ 05 hoặc 0125)",
        ),
        ({"symbol": "KH UBND"}, "Ký hiệu văn bản chỉ gồm chữ"),
        ({"date": "05/03/2024"}, "Ngày ban hành không hợp lệ: 05/03/2024"),
        (
            {"issuers": [{"name": "Sở", "abbreviation": "S NV"}]},
            "Cơ quan ban hành 1: chữ viết tắt",
        ),
        (
            {"signers": [{"authority": "T/M", "title": "X", "name": "Y"}]},
            "Người ký 1: quyền hạn ký “T/M”",
        ),
        (
            {"signers": [{"title": "a", "name": "b"}] * 3},
            "Văn bản có nhiều nhất hai người ký",
        ),
        (
            {"body": [{"numbering": "greek", "title": "x"}]},
            "Nội dung › 1: kiểu đánh số không hợp lệ (greek)",
        ),
        ({"body": [{"numbering": "roman"}]}, "Nội dung › I.: thiếu tiêu đề"),
        ({"body": [{"numbering": "arabic"}]}, "Nội dung › 1.: chưa có nội dung"),
        (
            {"body": [{"numbering": "dash", "text": "x", "emphasis": "loud"}]},
            "Nội dung › -: kiểu chữ tiêu đề không hợp lệ (loud)",
        ),
        (
            {"body": [{"numbering": "arabic", "title": "x", "start": -1}]},
            "số bắt đầu phải từ 1",
        ),
        (
            {
                "body": [
                    {
                        "numbering": "none",
                        "children": [{"type": "paragraph", "text": ""}],
                    }
                ]
            },
            "Nội dung › 1 › đoạn 1: đoạn văn trống",
        ),
        (
            {"body": [{"type": "paragraph", "text": "x", "align": "middle"}]},
            "Nội dung › đoạn 1: căn lề không hợp lệ (middle)",
        ),
        ({"body": [{"type": "table"}]}, "Nội dung › bảng 1: bảng chưa có dòng nào"),
        (
            {"body": [{"type": "table", "header_rows": 3, "rows": [["a"]]}]},
            "Nội dung › bảng 1: số dòng tiêu đề không hợp lệ",
        ),
        (
            {"body": [{"type": "table", "rows": [["a", "b"], ["c", "d", "e"]]}]},
            "dòng 2 có nhiều ô hơn số cột (2)",
        ),
        (
            {"body": [{"type": "table", "rows": [["a", "b"], ["c"]]}]},
            "dòng 2 thiếu ô (cần 2 cột)",
        ),
        (
            {"body": [{"type": "table", "rows": [["a", {"text": "b", "rowspan": 2}]]}]},
            "Nội dung › bảng 1 › dòng 1, ô 2: ô gộp dọc vượt quá dòng cuối của bảng",
        ),
        (
            {"body": [{"type": "table", "rows": [[{"text": "b", "colspan": 0}]]}]},
            "Nội dung › bảng 1 › dòng 1, ô 1: số ô gộp phải từ 1 trở lên",
        ),
        (
            {"body": [{"type": "table", "widths": [1, 2, 3], "rows": [["a", "b"]]}]},
            "dòng 1 thiếu ô (cần 3 cột)",
        ),
        (
            {"appendices": [{"title": "x", "body": [{"numbering": "roman"}]}]},
            "Phụ lục 1 › I.: thiếu tiêu đề",
        ),
    ],
)
def test_what_is_wrong_is_named_where_it_is(change, problem):
    content = {**copy.deepcopy(PLAN), **change}
    problems = validate_content(content)
    assert any(problem in p for p in problems), problems
    assert any(problem in p for p in issue_problems(content))


# A 3 × 3 grid: "a" spans two rows in column 1; the other rows name their cells.
def _grid(*rows) -> dict:
    table = {"type": "table", "rows": list(rows)}
    return {"body": [{"type": "paragraph", "text": "x"}, table]}


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        # Row 2 starts at column 1 (column 0 is under "a"): two columns cover "c".
        (
            (["x", {"text": "a", "rowspan": 2}, "c"], [{"text": "b", "colspan": 2}]),
            "Nội dung › bảng 2 › dòng 2, ô 1: ô gộp chồng lên ô gộp ở dòng 1, ô 2",
        ),
        (
            (["x", "y", "z"], ["p", {"text": "q", "colspan": 3}]),
            "Nội dung › bảng 2 › dòng 2, ô 2: ô gộp ngang vượt quá cột cuối của bảng "
            "(3 cột)",
        ),
        (
            (["x", "y", "z"], ["p", "q", {"text": "r", "rowspan": 3}]),
            "Nội dung › bảng 2 › dòng 2, ô 3: ô gộp dọc vượt quá dòng cuối của bảng",
        ),
        (
            (["x", "y", "z"], ["p", {"text": "q", "rowspan": -1}, "r"]),
            "Nội dung › bảng 2 › dòng 2, ô 2: số ô gộp phải từ 1 trở lên",
        ),
    ],
)
def test_a_merge_that_overlaps_or_leaves_the_table_is_named_by_its_cell(rows, problem):
    assert validate_content(_grid(*rows)) == [problem]


def test_merged_cells_sit_on_the_grid_where_the_editor_shows_them():
    content = _grid(
        ["STT", {"text": "Tiêu chí", "colspan": 2}],
        [{"text": "1", "rowspan": 2}, "a", "b"],
        ["c", "d"],
    )
    assert validate_content(content) == []
    node = normalise_content(content)["body"][1]
    grid, merges, _bold = table_grid(node, "Bảng", [])
    assert grid == [["STT", "Tiêu chí", ""], ["1", "a", "b"], ["", "c", "d"]]
    assert merges == [(0, 1, 1, 2), (1, 0, 2, 1)]
    spec = content_spec(content).body[1]
    assert spec.merges == ((0, 1, 1, 2), (1, 0, 2, 1)) and spec.problems() == []


def test_widths_that_disagree_with_the_cells_are_named():
    node = normalise_content(
        {
            "body": [
                {
                    "type": "table",
                    "widths": [1],
                    "rows": [[{"text": "a", "colspan": 2}]],
                }
            ]
        }
    )["body"][0]
    problems: list[str] = []
    assert table_grid(node, "Bảng", problems) is None
    content = {"body": [{"type": "table", "widths": [1, 2], "rows": [["a", "b"]]}]}
    assert validate_content(content) == []
    content["body"][0]["widths"] = [1, 2]
    content["body"][0]["rows"] = [[{"text": "a", "colspan": 2}]]
    assert validate_content(content) == []


def test_what_stops_issuing_is_named():
    problems = issue_problems(
        {
            "kind": "ke_hoach",
            "signers": [
                {"authority": "TM.", "second_authority": "KT."},
            ],
            "appendices": [{"title": ""}],
        },
        numbered_by_register=False,
    )
    assert problems == [
        "Thiếu tên cơ quan ban hành",
        "Thiếu số văn bản",
        "Thiếu ngày ban hành",
        "Thiếu địa danh",
        "Thiếu trích yếu nội dung văn bản",
        "Người ký 1: thiếu chức vụ",
        "Người ký 1: thiếu họ tên",
        "Người ký 1: thiếu tên tập thể hoặc chức vụ sau TM.",
        "Người ký 1: thiếu tên tập thể hoặc chức vụ sau KT.",
        "Văn bản chưa có nội dung",
        "Phụ lục 1: thiếu tiêu đề",
    ]
    assert "Thiếu người ký" in issue_problems({"kind": "ke_hoach"})
    brought_in = {**copy.deepcopy(PLAN), "attachments": [{"name": ""}, {"name": "a"}]}
    assert issue_problems(brought_in, numbered_by_register=False) == []
    assert normalise_content(brought_in)["attachments"] == [{"name": "a"}]
    assert "Nội dung › 1: phải là một đối tượng" in validate_content({"body": ["x"]})
    assert "Nội dung › 1: chưa có nội dung" in validate_content({"body": [{}]})


def test_a_table_that_does_not_fit_its_columns_refuses_to_render():
    content = copy.deepcopy(PLAN)
    content["body"] = [{"type": "table", "rows": [["a", "b"], ["c", "d", "e"]]}]
    with pytest.raises(ContentError):
        content_spec(content)


def test_labels_and_counters():
    assert [label(n, 3) for n in ("part", "chapter", "roman", "arabic")] == [
        "Phần III",
        "Chương III",
        "III.",
        "3.",
    ]
    assert label("decimal", 2, (1, 4)) == "1.4.2."
    assert [label(n, 5) for n in ("letter", "letter_dot", "upper_letter")] == [
        "đ)",
        "đ.",
        "Đ.",
    ]
    assert [label(n, 2) for n in ("arabic_paren", "dash", "plus", "star", "none")] == [
        "2)",
        "-",
        "+",
        "*",
        "",
    ]
    root = Counters()
    first, child = root.next("article")
    assert (first, child.next("article")[0]) == ("Điều 1.", "Điều 2.")
    assert root.next("article", start=7)[0] == "Điều 7."
    assert root.next("arabic", start=4)[0] == "4."
    assert root.next("arabic")[0] == "5."


def test_the_signer_block_lines():
    assert Signer("Chủ tịch", "A", "Q.").title_lines == ("Q. CHỦ TỊCH",)
    assert Signer("", "A", "Q.").title_lines == ("Q.",)
    assert Signer("Phó Chủ tịch", "A", "TM.", "UBND", "Q.").title_lines == (
        "TM. UBND",
        "Q. PHÓ CHỦ TỊCH",
    )
    assert (
        Signer("X", "A", "TM.", "UBND", "KX.", "Y")
        .problems("người ký")[0]
        .startswith("Quyền hạn ký 'KX.'")
    )
    assert Signer("X", "A", "TM.", "UBND", "KT.").problems("người ký") == [
        "Thiếu chức vụ người đứng đầu sau KT."
    ]
    assert Signer("X", "A", None, None, "KT.", "CT").problems("người ký") == [
        "Dòng KT. người ký cần một dòng trên nó"
    ]
    assert Signer("X", "A", "TM.", "UBND", None, "CT").problems("người ký") == [
        "Thiếu quyền hạn ký (TM., KT., …) trước CT"
    ]


def test_the_spec_refuses_a_malformed_number_and_an_empty_co_issuer():
    spec = content_spec(PLAN)
    bad = spec.__class__(
        **{
            **spec.__dict__,
            "number": "01a",
            "co_issuers": (spec.issuer.__class__("", "X"),),
        }
    )
    with pytest.raises(SpecError) as caught:
        bad.validate()
    assert "Số văn bản chỉ gồm chữ số, lớn hơn 0" in caught.value.problems
    assert "Thiếu tên cơ quan cùng ban hành" in caught.value.problems


def test_a_document_dated_by_month_leaves_the_day_blank():
    content = {**copy.deepcopy(PLAN), "date": "2021-05"}
    assert validate_content(content) == []
    assert content_spec(content).date_text == (
        "Đắk Lắk, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng 5 năm 2021"
    )
    assert "Thiếu ngày ban hành" in issue_problems(content, numbered_by_register=False)
    assert validate_content({"date": "2021-13"}) == [
        "Ngày ban hành không hợp lệ: 2021-13"
    ]


def test_a_long_trich_yeu_still_renders():
    content = {**copy.deepcopy(PLAN), "trich_yeu": "Phát động thi đua " * 30}
    document = docx.Document(io.BytesIO(render_docx(content_spec(content))))
    assert len(document.core_properties.title) == 255


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"]),
        ("ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK", ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LẮK"]),
        (
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN VIỆT YÊN",
            ["PHÒNG GIÁO DỤC", "VÀ ĐÀO TẠO", "HUYỆN VIỆT YÊN"],
        ),
        (
            "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH",
            ["HỘI ĐỒNG", "THI ĐUA - KHEN THƯỞNG", "TỈNH"],
        ),
        (
            "CHUYÊNNGÀNHRẤTDÀIKHÔNGCÓDẤUCÁCHNÀOCẢ",
            ["CHUYÊNNGÀNHRẤTDÀIKHÔNGCÓDẤUCÁCHNÀOCẢ"],
        ),
        (
            "ABCDEFGHIK LMNOPQRSTUVXYZ ABCDEFGH",
            ["ABCDEFGHIK", "LMNOPQRSTUVXYZ", "ABCDEFGH"],
        ),
    ],
)
def test_a_long_agency_name_breaks_where_an_officer_would(name, lines):
    from thidua.documents.rendering.metrics import name_lines

    assert name_lines(name, 13, (6.8 - 0.38) * 72 / 2.54, bold=True) == lines


def test_another_kind_takes_the_code_of_its_typed_title():
    """A "văn bản khác" titled QUY CHẾ is numbered …/QC-…; a title outside Phụ lục
    III needs a typed symbol, and issuing says so."""
    from thidua.documents.doc_types import code_for_title  # noqa: PLC0415

    assert code_for_title("QUY CHẾ") == "QC"
    assert code_for_title("Kế hoạch liên tịch") == "KH"
    assert code_for_title("QUY ĐỊNH") == "QyĐ"
    assert code_for_title("QUYẾT ĐỊNH") == "QĐ"
    assert code_for_title("LỜI KÊU GỌI") == ""
    content = copy.deepcopy(PLAN)
    content.update(kind="khac", type_title="QUY CHẾ", symbol="")
    spec = content_spec(content)
    assert spec.type_code == "QC"
    assert render_docx(spec)[:2] == b"PK"
    assert not any("Phụ lục III" in p for p in issue_problems(content))
    content["type_title"] = "LỜI KÊU GỌI"
    assert (
        "Tên loại “LỜI KÊU GỌI” không có trong Phụ lục III Nghị định 30/2020: hãy ghi "
        "ký hiệu văn bản"
    ) in issue_problems(content)
    content["symbol"] = "LKG-UBND"
    assert not any("Phụ lục III" in p for p in issue_problems(content))
