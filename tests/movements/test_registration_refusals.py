"""What the registration service and the issue check refuse, sentence by sentence."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from thidua.movements.services.checks import missing_elements
from thidua.movements.services.movement import update_movement
from thidua.movements.services.registration import (
    save_registration,
    transition_registration,
)

from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 10)


@pytest.fixture
def movement(org):
    draft = make_movement(org)
    update_movement(draft, {"registration_deadline": datetime.date(2026, 2, 28)})
    return issue_movement(draft, issued_on=ISSUED_ON)


def messages(exc_info) -> dict:
    return exc_info.value.message_dict


def test_a_draft_movement_takes_no_registration(org):
    with pytest.raises(ValidationError, match="không còn nhận đăng ký"):
        save_registration(
            make_movement(org), org.dkkd, collective_title="", pledges="", entries=[]
        )


@time_machine.travel(TODAY)
def test_every_bad_line_is_named(movement, org):
    head, outsider = org.people["head"], org.people["vp_staff"]
    with pytest.raises(ValidationError) as exc:
        save_registration(
            movement,
            org.dkkd,
            collective_title="KHONG_CO",
            pledges="",
            entries=[
                {"person": head, "title": "CSTDCS"},
                {"person": head, "title": "LDTT"},
                {"person": outsider, "title": "KHONG_CO"},
            ],
        )
    assert messages(exc) == {
        "collective_title": ["Danh hiệu tập thể không hợp lệ."],
        "entries": [
            "Dòng 2: Lê Minh Đức đăng ký hai lần.",
            "Dòng 3: Hoàng Thị Lan không thuộc đơn vị.",
            "Dòng 3: danh hiệu không hợp lệ.",
        ],
    }


@time_machine.travel(TODAY)
def test_a_stale_or_sent_registration_is_not_overwritten(movement, org):
    head = org.people["head"]
    entries = [{"person": head, "title": "CSTDCS"}]
    first = save_registration(
        movement, org.dkkd, collective_title="", pledges="Một\nHai", entries=entries
    )
    assert first.pledges == "Một\nHai"
    with pytest.raises(ValidationError) as exc:
        save_registration(
            movement,
            org.dkkd,
            collective_title="",
            pledges="",
            entries=entries,
            expected_version=first.version - 1,
        )
    assert exc.value.error_list[0].code == "stale"
    transition_registration(first, "da_gui")
    with pytest.raises(ValidationError, match="đã gửi, không sửa được"):
        save_registration(
            movement, org.dkkd, collective_title="", pledges="", entries=entries
        )


@time_machine.travel(TODAY)
def test_an_empty_registration_cannot_be_sent(movement, org):
    empty = save_registration(
        movement, org.dkkd, collective_title="", pledges="", entries=[]
    )
    with pytest.raises(ValidationError, match="chưa có danh hiệu nào"):
        transition_registration(empty, "da_gui")


def test_missing_elements_names_each_gap(org):
    movement = make_movement(org)
    assert missing_elements(movement) == []
    org.skhdt.abbreviation = ""
    org.skhdt.place_name = ""
    org.skhdt.save(update_fields=["abbreviation", "place_name"])
    movement.refresh_from_db()
    movement.name = " "
    movement.document_title = ""
    movement.opening = ""
    movement.scope_agency = None
    for section in ("purposes", "contents", "duties", "recipients"):
        getattr(movement, section).all().delete()
    assert missing_elements(movement) == [
        "Tên phong trào (trích yếu).",
        "Chữ viết tắt của cơ quan ban hành (để ghi số, ký hiệu).",
        "Địa danh của cơ quan ban hành.",
        "Loại văn bản và tên loại.",
        "Căn cứ hoặc phần mở đầu (văn bản được thực hiện).",
        "Mục đích (ít nhất một).",
        "Nội dung thi đua (ít nhất một).",
        "Tổ chức thực hiện (ít nhất một nhiệm vụ).",
        "Nơi nhận.",
        "Phạm vi phong trào (cơ quan hoặc cụm, khối).",
    ]
    movement.document_title = "Kế hoạch"
    movement.type_code = "ZZ"
    assert "Mã loại văn bản “ZZ” chưa được khai báo trong sổ văn bản đi." in (
        missing_elements(movement)
    )
