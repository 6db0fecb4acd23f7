import datetime
import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from thidua.movements.models import Registration
from thidua.movements.services.movement import update_movement

from ..factories import make_person
from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 10)


@pytest.fixture
def movement(org):
    draft = make_movement(org)
    update_movement(draft, {"registration_deadline": datetime.date(2026, 2, 28)})
    return issue_movement(draft, issued_on=ISSUED_ON)


def edit_url(movement, agency):
    return reverse("movements:registration-edit", args=[movement.pk, agency.pk])


@time_machine.travel(TODAY)
def test_unit_registers_members_submits_and_office_approves(client_for, movement, org):
    head, staff = org.people["head"], org.people["dkkd_staff"]
    client = client_for("unit_head")
    form = client.get(edit_url(movement, org.dkkd)).context["form"]
    assert [p.full_name for p in form.people] == ["Nguyễn Văn Ánh", "Lê Minh Đức"]
    data = {
        "collective_title": "TTLDXS",
        "pledges": "Hoàn thành 100% hồ sơ đúng hạn.",
        f"title_{head.pk}": "CSTDCS",
        f"pledge_{head.pk}": "Có sáng kiến cấp cơ sở",
        f"title_{staff.pk}": "LDTT",
    }
    client.post(edit_url(movement, org.dkkd), {**data, "action": "save"})
    registration = Registration.objects.get()
    assert registration.state == "nhap"
    assert sorted(registration.entries.values_list("title", flat=True)) == [
        "CSTDCS",
        "LDTT",
    ]
    client.post(edit_url(movement, org.dkkd), {**data, "action": "submit"})
    registration.refresh_from_db()
    assert registration.state == "da_gui"

    officer = client_for("officer")
    decide = reverse(
        "movements:registration-decide", args=[movement.pk, registration.pk]
    )
    response = officer.post(decide, {"to": "tra_lai"}, follow=True)
    assert "Phải ghi lý do trả lại." in response.content.decode()
    officer.post(decide, {"to": "tra_lai", "reason": "Bổ sung cam kết cá nhân"})
    registration.refresh_from_db()
    assert (registration.state, registration.return_reason) == (
        "tra_lai",
        "Bổ sung cam kết cá nhân",
    )
    client = client_for("unit_head")
    data[f"pledge_{staff.pk}"] = '=HYPERLINK("http://x")'
    client.post(edit_url(movement, org.dkkd), {**data, "action": "submit"})
    officer = client_for(
        "officer"
    )  # the test client is shared: log the officer back in
    officer.post(decide, {"to": "da_duyet"})
    registration.refresh_from_db()
    assert registration.state == "da_duyet"

    export = officer.get(reverse("movements:registration-export", args=[movement.pk]))
    workbook = load_workbook(io.BytesIO(export.content))
    units = [[c.value for c in row] for row in workbook["Tập thể"].iter_rows(min_row=3)]
    people = [
        [c.value for c in row] for row in workbook["Cá nhân"].iter_rows(min_row=2)
    ]
    assert units == [
        [
            1,
            "Phòng Đăng ký kinh doanh",
            "Tập thể lao động xuất sắc",
            2,
            "Đã duyệt",
            "Hoàn thành 100% hồ sơ đúng hạn.",
        ]
    ]
    assert people[0][1:6] == [
        "Nguyễn Văn Ánh",
        "Phòng Đăng ký kinh doanh",
        "Chuyên viên",
        "Lao động tiên tiến",
        '\'=HYPERLINK("http://x")',
    ]
    assert people[1][1] == "Lê Minh Đức" and people[1][4] == "Chiến sĩ thi đua cơ sở"
    listing = officer.get(reverse("movements:registration-list", args=[movement.pk]))
    states = {r["agency"].code: r["registration"] for r in listing.context["rows"]}
    assert states["SKHĐT-VP"] is None and states["SKHĐT-ĐKKD"].state == "da_duyet"


def test_late_registration_is_refused_with_the_deadline(client_for, movement, org):
    with time_machine.travel(datetime.date(2026, 3, 1)):
        response = client_for("unit_head").post(
            edit_url(movement, org.dkkd),
            {"collective_title": "TTLDTT", "action": "submit"},
        )
    assert "Đã hết hạn đăng ký thi đua (hạn: 28/02/2026)." in response.content.decode()
    assert not Registration.objects.exists()


@time_machine.travel(TODAY)
def test_only_the_unit_registers_and_only_its_members(client_for, movement, org):
    assert client_for("staff").get(edit_url(movement, org.dkkd)).status_code == 404
    assert (
        client_for("other_officer").get(edit_url(movement, org.dkkd)).status_code == 404
    )
    outsider = make_person(org.vp, "Đồng Văn Ngoài")
    from thidua.movements.services.registration import save_registration

    with pytest.raises(Exception) as exc:
        save_registration(
            movement,
            org.dkkd,
            collective_title="",
            pledges="",
            entries=[{"person": outsider, "title": "LDTT"}],
        )
    assert "không thuộc đơn vị" in str(exc.value)
    officer = client_for("unit_head")
    registration_list = reverse("movements:registration-list", args=[movement.pk])
    assert officer.get(registration_list).status_code == 403


@time_machine.travel(TODAY)
def test_registrations_are_stored_in_nfc(movement, org):
    import unicodedata

    from thidua.movements.services.registration import save_registration

    def nfd(text):
        return unicodedata.normalize("NFD", text)

    member = org.people["dkkd_staff"]
    registration = save_registration(
        movement,
        org.dkkd,
        collective_title="TTLDTT",
        pledges=nfd("Hoàn thành 100% hồ sơ.\r\nKhông để trễ hạn."),
        entries=[{"person": member, "title": "LDTT", "pledge": nfd("Số hóa hồ sơ")}],
    )
    registration.refresh_from_db()
    assert registration.pledges == "Hoàn thành 100% hồ sơ.\nKhông để trễ hạn."
    assert registration.entries.get().pledge == "Số hóa hồ sơ"
