"""A movement's rounds (đợt), awards with tiers and gifts, and funding sources are
data (issue #15): they fill the launch document and the plan written in the editor,
bad rows are refused naming the row, and the plan is written again from them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from thidua.documents.drafting.validation import validate_content
from thidua.documents.services.drafts import create_draft, save_content
from thidua.movements.document import movement_document
from thidua.movements.drafting import launch_content
from thidua.movements.models import MovementAward, MovementFunding, MovementRound
from thidua.movements.services.launch_plan import refresh_launch_plan, write_launch_plan
from thidua.movements.services.movement import replace_section, update_movement

from .factories import make_movement

pytestmark = pytest.mark.django_db

D = datetime.date

ROUNDS = [
    {
        "name": "Đợt 1",
        "starts_on": D(2026, 9, 5),
        "ends_on": D(2026, 11, 20),
        "weeks_from": 1,
        "weeks_to": 11,
    },
    {
        "name": "Đợt 2",
        "starts_on": D(2026, 11, 21),
        "ends_with": "Lễ tổng kết năm học",
        "note": "các lớp đăng ký tiết học tốt",
    },
]
AWARDS = [
    {
        "form": "Giấy khen của Hiệu trưởng",
        "tier": "Giải Nhất",
        "unit": "giai",
        "quota": 1,
        "cash": 500_000,
        "gift": "01 bộ sách tham khảo",
    },
    {
        "form": "Giấy khen của Hiệu trưởng",
        "tier": "Giải Nhì",
        "unit": "giai",
        "quota": 2,
        "cash": 300_000,
    },
    {"form": "Tuyên dương trước cờ", "unit": "lop", "gift": "01 lá cờ luân lưu"},
]
FUNDING = [
    {"source": "Quỹ thi đua, khen thưởng của nhà trường", "amount": 1_100_000},
    {
        "source": "Ban đại diện cha mẹ học sinh",
        "amount": 2_000_000,
        "note": "hiện vật",
    },
]


def _filled(org):
    movement = make_movement(
        org,
        starts_on=D(2026, 9, 5),
        ends_on=D(2027, 5, 25),
        audience="Cán bộ, giáo viên, nhân viên và học sinh toàn trường.",
    )
    replace_section(movement, "rounds", ROUNDS)
    replace_section(movement, "awards", AWARDS)
    replace_section(movement, "funding", FUNDING)
    movement.refresh_from_db()
    return movement


TIME = [
    "Thời gian thực hiện: từ ngày 05/09/2026 đến ngày 25/05/2027, chia thành 02 đợt:",
    "Đợt 1: từ ngày 05/09/2026 đến ngày 20/11/2026 (từ tuần 1 đến tuần 11).",
    "Đợt 2: từ ngày 21/11/2026 đến Lễ tổng kết năm học; các lớp đăng ký tiết học tốt.",
]
AWARD_LINES = [
    "Giấy khen của Hiệu trưởng – Giải Nhất: 01 giải, mỗi giải được thưởng 500.000 đồng "
    "(Năm trăm nghìn đồng) và 01 bộ sách tham khảo.",
    "Giấy khen của Hiệu trưởng – Giải Nhì: 02 giải, mỗi giải được thưởng 300.000 đồng "
    "(Ba trăm nghìn đồng).",
    "Tuyên dương trước cờ: mỗi lớp được tặng 01 lá cờ luân lưu.",
]
FUNDING_LINES = [
    "Quỹ thi đua, khen thưởng của nhà trường: 1.100.000 đồng (Một triệu một trăm nghìn "
    "đồng).",
    "Ban đại diện cha mẹ học sinh: 2.000.000 đồng (Hai triệu đồng) (hiện vật).",
    "Tổng kinh phí: 3.100.000 đồng (Ba triệu một trăm nghìn đồng).",
]


def test_the_launch_document_says_rounds_awards_and_money(org, users):
    movement = _filled(org)
    sections = {s.title: s for s in movement_document(movement).sections}
    assert list(sections) == [
        "Mục đích",
        "Chủ đề thi đua",
        "Đối tượng thi đua",
        "Nội dung thi đua",
        "Thời gian thực hiện",
        "Khen thưởng",
        "Kinh phí",
        "Tổ chức thực hiện",
    ]
    assert sections["Thời gian thực hiện"].paragraphs == TIME
    assert sections["Khen thưởng"].paragraphs == AWARD_LINES
    assert sections["Kinh phí"].paragraphs == FUNDING_LINES
    assert sections["Đối tượng thi đua"].paragraphs == [movement.audience]
    # Empty counts and amounts leave their clause out: never "00", never "0 đồng".
    text = " ".join(p for s in sections.values() for p in s.paragraphs)
    assert " 00 " not in text and " 0 đồng" not in text


def test_a_movement_without_rounds_keeps_its_document(org, users):
    """The window alone is not printed in the fixed document (the seed's original
    does not print it); an end bound to an event is."""
    movement = make_movement(org, starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31))
    titles = [s.title for s in movement_document(movement).sections]
    assert "Thời gian thực hiện" not in titles
    movement = update_movement(
        movement, {"ends_on": None, "ends_with": "Lễ tổng kết năm 2026"}
    )
    sections = {s.title: s for s in movement_document(movement).sections}
    assert sections["Thời gian thực hiện"].paragraphs == [
        "Thời gian thực hiện: từ ngày 01/01/2026 đến Lễ tổng kết năm 2026."
    ]


def test_the_editor_plan_nests_tiers_and_lists_rounds(org, users):
    movement = _filled(org)
    content = launch_content(movement)
    assert validate_content(content) == []
    body = {s["title"]: s["children"] for s in content["body"]}
    time = body["Thời gian thực hiện"]
    assert time[0]["type"] == "paragraph" and time[0]["text"] == TIME[0]
    assert [(n["numbering"], n["text"]) for n in time[1:]] == [
        ("dash", TIME[1]),
        ("dash", TIME[2]),
    ]
    first, second = body["Khen thưởng"]
    assert first["text"] == "Giấy khen của Hiệu trưởng:"
    assert [c["text"] for c in first["children"]] == [
        "Giải Nhất: 01 giải, mỗi giải được thưởng 500.000 đồng (Năm trăm nghìn đồng) "
        "và 01 bộ sách tham khảo.",
        "Giải Nhì: 02 giải, mỗi giải được thưởng 300.000 đồng (Ba trăm nghìn đồng).",
    ]
    assert second["text"] == AWARD_LINES[2] and second["numbering"] == "arabic"
    assert [n["text"] for n in body["Kinh phí"]] == FUNDING_LINES
    assert [n["text"] for n in body["Đối tượng thi đua"]] == [movement.audience]


def test_targets_are_written_with_vietnamese_figures(org, users):
    movement = make_movement(org)
    movement.indicators.create(
        name="Tỷ lệ hồ sơ giải quyết đúng hạn",
        unit_of_measure="%",
        baseline=80,
        target="93.50",
        owner=org.skhdt,
        due_on=D(2026, 12, 31),
    )
    body = {s["title"]: s["children"] for s in launch_content(movement)["body"]}
    assert [n["text"] for n in body["Chỉ tiêu thi đua"]] == [
        "Tỷ lệ hồ sơ giải quyết đúng hạn: 93,5 % (thời hạn 31/12/2026)."
    ]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [{"name": "Đợt 1", "starts_on": D(2026, 8, 1)}],
            "Đợt 1 bắt đầu trước ngày bắt đầu của phong trào (05/09/2026).",
        ),
        (
            [{"name": "Đợt 3", "ends_on": D(2027, 6, 1)}],
            "Đợt 3 kết thúc sau ngày kết thúc của phong trào (25/05/2027).",
        ),
        (
            [
                {
                    "name": "Đợt 1",
                    "starts_on": D(2026, 9, 5),
                    "ends_on": D(2026, 11, 1),
                },
                {"name": "Đợt 2", "starts_on": D(2026, 10, 1)},
            ],
            "Đợt 2 bắt đầu trước khi Đợt 1 kết thúc (01/11/2026).",
        ),
        (
            [
                {"name": "Học kỳ I", "weeks_from": 1, "weeks_to": 18},
                {"name": "Học kỳ II", "weeks_from": 18, "weeks_to": 35},
            ],
            "Học kỳ II bắt đầu từ tuần 18, trước khi Học kỳ I kết thúc.",
        ),
        ([{"name": "Đợt 1"}], "Mục 1: Hãy ghi thời gian của đợt"),
        (
            [{"name": "Đợt 1", "weeks_from": 5, "weeks_to": 2}],
            "Mục 1: Tuần học bắt đầu từ 1",
        ),
    ],
)
def test_bad_rounds_are_refused_naming_the_round(org, users, rows, message):
    movement = _filled(org)
    with pytest.raises(ValidationError) as caught:
        replace_section(movement, "rounds", rows)
    assert any(m.startswith(message) for m in caught.value.messages), (
        caught.value.messages
    )
    assert list(movement.rounds.values_list("name", flat=True)) == ["Đợt 1", "Đợt 2"]


def test_moving_the_window_past_a_round_is_refused(org, users):
    movement = _filled(org)
    with pytest.raises(ValidationError, match="Đợt 1 bắt đầu trước"):
        update_movement(movement, {"starts_on": D(2026, 10, 1)})
    movement.refresh_from_db()
    assert movement.starts_on == D(2026, 9, 5)


@pytest.mark.parametrize(
    ("model", "values"),
    [
        (MovementRound, {"name": "Đợt 1"}),
        (MovementRound, {"name": "Đợt 1", "weeks_from": 0}),
        (
            MovementRound,
            {"name": "Đợt 1", "starts_on": D(2026, 2, 1), "ends_on": D(2026, 1, 1)},
        ),
        (MovementAward, {"form": "Giấy khen", "quota": 0}),
        (MovementAward, {"form": "Giấy khen", "cash": 0}),
        (MovementFunding, {"source": "Quỹ", "amount": 0}),
    ],
)
def test_the_database_refuses_rows_that_say_nothing_or_zero(org, users, model, values):
    movement = make_movement(org)
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(movement=movement, **values)


def test_the_plan_is_written_again_from_the_data(org, users):
    officer = users["officer"]
    movement = _filled(org)
    draft = write_launch_plan(movement, actor=officer)
    content = dict(draft.content)
    body = [dict(s) for s in content["body"]]
    # The officer renames a data section, writes his own "Hồ sơ" section and drops
    # "Kinh phí"; then the movement's rounds and awards change.
    titles = [s["title"] for s in body]
    body[titles.index("Khen thưởng")]["title"] = "KHEN THƯỞNG"
    body.insert(
        titles.index("Tổ chức thực hiện"),
        {
            "type": "section",
            "numbering": "roman",
            "title": "Hồ sơ và thời hạn",
            "text": "Nộp trước ngày 15/5/2027.",
            "children": [],
        },
    )
    body = [s for s in body if s["title"] != "Kinh phí"]
    unchanged = refresh_launch_plan(draft, actor=officer)
    assert unchanged.version == draft.version  # nothing changed, nothing saved
    draft = save_content(draft, {**content, "body": body}, actor=officer)
    replace_section(movement, "rounds", ROUNDS[:1])
    replace_section(movement, "awards", AWARDS[2:])
    version = draft.version
    draft = refresh_launch_plan(draft, actor=officer, expected_version=version)
    assert draft.version == version + 1
    titles = [s["title"] for s in draft.content["body"]]
    assert titles[-3:] == ["Kinh phí", "Hồ sơ và thời hạn", "Tổ chức thực hiện"]
    after = {s["title"]: s["children"] for s in draft.content["body"]}
    assert [n["text"] for n in after["KHEN THƯỞNG"]] == [AWARD_LINES[2]]
    assert [n.get("text") for n in after["Thời gian thực hiện"]] == [
        "Thời gian thực hiện: từ ngày 05/09/2026 đến ngày 25/05/2027.",
        TIME[1],
    ]
    assert after["Hồ sơ và thời hạn"] == []
    with pytest.raises(ValidationError, match="người khác cập nhật"):
        refresh_launch_plan(draft, expected_version=version)


def test_refresh_from_the_movement_page(org, users, client_for):
    movement = _filled(org)
    draft = write_launch_plan(movement, actor=users["officer"])
    client = client_for("officer")
    page = client.get(movement.get_absolute_url()).content.decode()
    assert 'data-testid="plan-refresh"' in page
    url = reverse("movements:movement-refresh-plan", args=[movement.pk, draft.pk])
    replace_section(movement, "funding", FUNDING[:1])
    response = client.post(url)
    assert response.status_code == 302
    draft.refresh_from_db()
    money = next(s for s in draft.content["body"] if s["title"] == "Kinh phí")
    assert [n["text"] for n in money["children"]] == FUNDING_LINES[:1]
    other = make_movement(org, name="Phong trào khác")
    wrong = reverse("movements:movement-refresh-plan", args=[other.pk, draft.pk])
    assert client.post(wrong).status_code == 404


def test_the_section_pages_take_vietnamese_money(org, users, client_for):
    movement = make_movement(org)
    client = client_for("officer")
    url = reverse("movements:movement-section", args=[movement.pk, "awards"])
    assert client.get(url).status_code == 200
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-form": "Giấy khen của Giám đốc Sở",
        "form-0-tier": "",
        "form-0-unit": "tap_the",
        "form-0-quota": "5",
        "form-0-cash": "1.500.000",
        "form-0-gift": "",
        "form-0-ORDER": "1",
    }
    assert client.post(url, data).status_code == 302
    award = movement.awards.get()
    assert award.cash == 1_500_000 and award.quota == 5
    data["form-0-cash"] = "1,5"
    page = client.post(url, data).content.decode()
    assert "Ghi số tiền bằng số nguyên đồng" in page
    rounds = reverse("movements:movement-section", args=[movement.pk, "rounds"])
    page = client.post(
        rounds,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-name": "Đợt 1",
            "form-0-starts_on": "10/03/2026",
            "form-0-ends_on": "01/03/2026",
            "form-0-ORDER": "1",
        },
    ).content.decode()
    assert "Ngày kết thúc trước ngày bắt đầu." in page
    assert not movement.rounds.exists()


def test_the_section_preview_says_the_rounds_while_typing(org, users, client_for):
    movement = make_movement(org)
    url = reverse("movements:movement-section", args=[movement.pk, "rounds"])
    response = client_for("officer").post(
        url,
        {
            "preview": "1",
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-name": "Học kỳ I",
            "form-0-weeks_from": "1",
            "form-0-weeks_to": "18",
            "form-0-ORDER": "1",
            "form-1-name": "Học kỳ II",
            "form-1-weeks_from": "19",
            "form-1-ends_with": "Lễ tổng kết năm học",
            "form-1-ORDER": "2",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Học kỳ I: từ tuần 1 đến tuần 18." in page
    assert "Học kỳ II: từ tuần 19 đến Lễ tổng kết năm học." in page
    assert not movement.rounds.exists()  # a preview saves nothing


@pytest.mark.parametrize(
    ("values", "line"),
    [
        ({"ends_with": "Lễ kỷ niệm 20/11"}, "Đợt 1: đến Lễ kỷ niệm 20/11."),
        ({"weeks_from": 3, "weeks_to": 3}, "Đợt 1: tuần 3."),
        ({"weeks_to": 9}, "Đợt 1: đến tuần 9."),
        (
            {"weeks_from": 1, "weeks_to": 9, "ends_with": "Lễ sơ kết"},
            "Đợt 1: từ tuần 1 đến tuần 9 (Lễ sơ kết).",
        ),
        ({"ends_on": D(2027, 1, 15)}, "Đợt 1: đến ngày 15/01/2027."),
    ],
)
def test_a_round_said_every_way(values, line):
    from thidua.movements.plan_text import round_line  # noqa: PLC0415

    item = MovementRound(name="Đợt 1", **values)
    assert round_line(item) == line


def test_refresh_puts_missing_sections_back_and_keeps_emptied_ones(org, users):
    officer = users["officer"]
    movement = _filled(org)
    draft = write_launch_plan(movement, actor=officer)
    data = {"Đối tượng thi đua", "Thời gian thực hiện", "Khen thưởng", "Kinh phí"}
    body = [s for s in draft.content["body"] if s["title"] not in data]
    draft = save_content(draft, {**draft.content, "body": body}, actor=officer)
    draft = refresh_launch_plan(draft, actor=officer)
    titles = [s["title"] for s in draft.content["body"]]
    # Put back in the plan's order, before "Tổ chức thực hiện".
    assert titles[-5:] == [
        "Đối tượng thi đua",
        "Thời gian thực hiện",
        "Khen thưởng",
        "Kinh phí",
        "Tổ chức thực hiện",
    ]
    # The funding taken off the movement: the officer's section stays as written.
    replace_section(movement, "funding", [])
    before = next(s for s in draft.content["body"] if s["title"] == "Kinh phí")
    draft = refresh_launch_plan(draft, actor=officer)
    after = next(s for s in draft.content["body"] if s["title"] == "Kinh phí")
    assert after == before
    # Without "Tổ chức thực hiện" a missing section goes at the end.
    body = [
        s
        for s in draft.content["body"]
        if s["title"] not in {*data, "Tổ chức thực hiện"}
    ]
    draft = save_content(draft, {**draft.content, "body": body}, actor=officer)
    draft = refresh_launch_plan(draft, actor=officer)
    assert [s["title"] for s in draft.content["body"]][-3:] == [
        "Đối tượng thi đua",
        "Thời gian thực hiện",
        "Khen thưởng",
    ]


def test_refresh_needs_a_plan_of_a_movement(org, users):
    draft = create_draft(agency=org.skhdt, kind="ke_hoach", actor=users["officer"])
    with pytest.raises(ValidationError, match="không gắn với phong trào"):
        refresh_launch_plan(draft)


def test_a_section_is_edited_in_place_on_the_movement_page(org, users, client_for):
    """Opened from the movement's page, a section's form comes into the page; saved
    through htmx it comes back saved, with its items, and nothing reloads."""
    movement = make_movement(org, starts_on=D(2026, 3, 1), ends_on=D(2026, 12, 31))
    client = client_for("officer")
    detail = client.get(movement.get_absolute_url()).content.decode()
    url = reverse("movements:movement-section", args=[movement.pk, "rounds"])
    assert f'hx-get="{url}"' in detail and 'id="section-slot"' in detail
    assert '<div id="live-preview">' in detail
    htmx = {"HTTP_HX_REQUEST": "true"}
    fragment = client.get(url, **htmx).content.decode()
    assert 'id="section-in-place"' in fragment and "<html" not in fragment
    assert 'data-testid="section-save"' in fragment
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-name": "Đợt 1",
        "form-0-starts_on": "01/04/2026",
        "form-0-ends_on": "30/06/2026",
        "form-0-ORDER": "1",
    }
    saved = client.post(url, data, **htmx).content.decode()
    assert 'data-testid="section-saved"' in saved and "<html" not in saved
    assert 'value="Đợt 1"' in saved  # the saved item, ready for the next one
    assert movement.rounds.get().name == "Đợt 1"
    data["form-0-ends_on"] = "01/03/2026"  # before its start: the form's refusal
    refused = client.post(url, data, **htmx).content.decode()
    assert "Ngày kết thúc trước ngày bắt đầu." in refused and "<html" not in refused
    data |= {"form-0-starts_on": "01/01/2026", "form-0-ends_on": "30/01/2026"}
    refused = client.post(url, data, **htmx).content.decode()  # the service's
    assert 'role="alert"' in refused and "Đợt 1" in refused
    assert movement.rounds.get().ends_on == D(2026, 6, 30)
