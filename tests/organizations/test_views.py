import datetime

import pytest
from django.test import Client
from django.urls import reverse

from thidua.organizations.models import Person
from thidua.organizations.services.person import update_person

from ..factories import make_person

pytestmark = pytest.mark.django_db


def names_in(response):
    return [p.full_name for p in response.context["page"]]


def test_search_ignores_diacritics_and_case(client_for, org):
    client = client_for("officer")
    response = client.get(reverse("organizations:person-list"), {"q": "nguyen van anh"})
    assert names_in(response) == ["Nguyễn Văn Ánh"]
    response = client.get(reverse("organizations:person-list"), {"q": "LÊ MINH"})
    assert names_in(response) == ["Lê Minh Đức"]
    cccd = org.people["vp_staff"].cccd
    assert names_in(client.get(reverse("organizations:person-list"), {"q": cccd})) == [
        "Hoàng Thị Lan"
    ]


def test_list_is_in_vietnamese_name_order_and_scoped(client_for, org):
    make_person(org.vp, "Đặng Văn An")
    response = client_for("officer").get(reverse("organizations:person-list"))
    assert names_in(response) == [
        "Đặng Văn An",
        "Nguyễn Văn Ánh",
        "Nông Văn Bình",
        "Lê Minh Đức",
        "Trần Thị Thu Hà",
        "Hoàng Thị Lan",
    ]
    assert "Phạm Quốc Dũng" not in response.content.decode()


def test_htmx_search_returns_the_results_fragment(client_for, org):
    response = client_for("officer").get(
        reverse("organizations:person-list"),
        {"q": "lan"},
        headers={"HX-Request": "true", "HX-Target": "person-results"},
    )
    body = response.content.decode()
    assert "<html" not in body
    assert "Hoàng Thị Lan" in body


@pytest.mark.parametrize("rows", [1, 50])
def test_person_list_uses_a_constant_number_of_queries(
    client_for, org, rows, django_assert_num_queries
):
    for i in range(rows):
        make_person(org.dkkd, f"Bùi Văn Số{i:03d}")
    client = client_for("officer")
    # session, user, roles, officer subtree, unit filter, count, the menu's ballot
    # badge, page, session save, savepoints; the menu's unread notifications and its
    # to-do figure (the domains' lines: deliveries, registrations, rounds, dossiers to
    # appraise, công khai windows, ballots, meetings, the year's day swaps) — fixed,
    # whatever the list holds
    with django_assert_num_queries(21):
        response = client.get(
            reverse("organizations:person-list"), {"q": "bui", "size": rows}
        )
    assert len(response.context["page"]) == rows


def test_profile_shows_records_and_dates_as_dd_mm_yyyy(client_for, org):
    person = org.people["dkkd_staff"]
    body = client_for("officer").get(person.get_absolute_url()).content.decode()
    assert "17/05/1985" in body
    assert person.cccd in body
    body = (
        client_for("staff")
        .get(org.people["vp_staff"].get_absolute_url())
        .content.decode()
    )
    assert org.people["vp_staff"].masked_cccd in body
    assert org.people["vp_staff"].cccd not in body


def test_person_form_shows_vietnamese_field_errors(client_for, org):
    client = client_for("officer")
    response = client.post(
        reverse("organizations:person-create"),
        {
            "full_name": "Đào Văn Tú",
            "gender": "nam",
            "birth_date": "01/01/2099",
            "cccd": "12345",
            "ethnicity": "Kinh",
            "category": "cong_chuc",
            "unit": org.vp.pk,
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["birth_date"] == ["Ngày sinh không được ở tương lai."]
    assert errors["cccd"] == ["Số CCCD phải gồm đúng 12 chữ số."]
    assert not Person.objects.filter(full_name="Đào Văn Tú").exists()


def test_person_create_and_edit_through_the_ui(client_for, org):
    client = client_for("officer")
    response = client.post(
        reverse("organizations:person-create"),
        {
            "full_name": "Đào Văn Tú",
            "gender": "nam",
            "birth_date": "17/05/1985",
            "cccd": "020085999001",
            "ethnicity": "Nùng",
            "category": "cong_chuc",
            "unit": org.vp.pk,
            "recruited_on": "01/02/2012",
        },
    )
    person = Person.objects.get(full_name="Đào Văn Tú")
    assert response.url == person.get_absolute_url()
    assert person.birth_date == datetime.date(1985, 5, 17)
    edit = reverse("organizations:person-edit", args=[person.pk])
    form = client.get(edit).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "id"}
    data |= {
        "birth_date": "17/05/1985",
        "recruited_on": "01/02/2012",
        "position": "Phó phòng",
    }
    update_person(
        person, {"civil_rank": "Chuyên viên chính"}, expected_version=person.version
    )
    response = client.post(edit, data)  # stale version: someone else saved meanwhile
    assert "Hồ sơ đã được người khác cập nhật" in response.content.decode()
    data["version"] = person.version + 1
    response = client.post(edit, data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.position == "Phó phòng"


def test_assessment_for_a_year_before_recruitment_is_refused_in_the_form(
    client_for, org
):
    person = org.people["dkkd_staff"]
    response = client_for("officer").post(
        reverse("organizations:person-assessment", args=[person.pk]),
        {"year": 2008, "rating": "HTT"},
    )
    assert response.context["form"].errors["year"] == [
        "Năm 2008 trước năm tuyển dụng (01/03/2010)."
    ]


def test_transfer_through_the_ui_keeps_history(client_for, org):
    person = org.people["vp_staff"]
    response = client_for("officer").post(
        reverse("organizations:person-transfer", args=[person.pk]),
        {"unit": org.dkkd.pk, "start_date": "01/07/2024", "position": "Chuyên viên"},
    )
    assert response.status_code == 302
    assert person.memberships.count() == 2


def test_forms_enforce_csrf(org, users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["officer"])
    response = client.post(
        reverse("organizations:person-assessment", args=[org.people["vp_staff"].pk]),
        {"year": 2024, "rating": "HTT"},
    )
    assert response.status_code == 403
    assert not org.people["vp_staff"].assessments.exists()


def test_agency_tree_council_and_cluster_pages(client_for, org):
    client = client_for("officer")
    body = client.get(reverse("organizations:agency-list")).content.decode()
    assert "Phòng Đăng ký kinh doanh" in body and "tập thể nhỏ" in body
    body = client.get(org.council.get_absolute_url()).content.decode()
    assert "Lê Minh Đức" in body and "Chủ tịch" in body
    cluster = org.skhdt.cluster_memberships.get().cluster
    body = client.get(cluster.get_absolute_url()).content.decode()
    assert "Sở Tài chính" in body


def test_history_tab_lists_the_audited_changes(client_for, org):
    person = org.people["vp_staff"]
    update_person(
        person, {"position": "Phó Chánh Văn phòng"}, expected_version=person.version
    )
    body = (
        client_for("officer").get(person.get_absolute_url(), {"tab": "history"}).content
    )
    body = body.decode()
    assert "Sửa thông tin cá nhân" in body
    assert "<strong>Chức vụ</strong>: Chuyên viên → Phó Chánh Văn phòng" in body
    # Creation reads as an officer would write it: labels, choice names, dd/mm/yyyy, unit name.
    assert "<strong>Ngày sinh</strong>: – → 17/05/1985" in body
    assert "<strong>Giới tính</strong>: – → Nữ" in body
    assert "<strong>Đơn vị hiện tại</strong>: – → Văn phòng Sở" in body
    assert "020******" in body and person.cccd not in body


def test_web_import_runs_and_reports_errors(client_for, org, tmp_path):
    from .workbooks import row, write_xlsx

    client = client_for("officer")
    url = reverse("organizations:import", args=[org.skhdt.pk])
    bad = write_xlsx(tmp_path / "ds.xlsx", [row("Nguyễn Văn Tú", "1")])
    with bad.open("rb") as handle:
        response = client.post(url, {"file": handle}, follow=True)
    body = response.content.decode()
    assert "Không ghi dữ liệu nào." in body
    assert "Số CCCD phải gồm đúng 12 chữ số." in body
    good = write_xlsx(tmp_path / "ok.xlsx", [row("Nguyễn Văn Tú", "020085999002")])
    with good.open("rb") as handle:
        response = client.post(url, {"file": handle}, follow=True)
    assert "Đã nhập xong." in response.content.decode()
    job = response.context["job"]
    status = client.get(
        reverse("organizations:import-job", args=[org.skhdt.pk, job.pk]),
        headers={"HX-Request": "true"},
    )
    assert 'id="import-status"' in status.content.decode()
    template = client.get(reverse("organizations:import-template", args=[org.skhdt.pk]))
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")


def test_large_import_runs_as_a_background_job(
    client_for, org, tmp_path, settings, django_capture_on_commit_callbacks
):
    from thidua.organizations.models import StaffImport

    from .workbooks import row, write_xlsx

    settings.THIDUA_IMPORT_BACKGROUND_ROWS = 1
    rows = [row("Nguyễn Văn Tú", "020085999003"), row("Nguyễn Văn Tư", "020085999004")]
    path = write_xlsx(tmp_path / "ds.xlsx", rows)
    with path.open("rb") as handle, django_capture_on_commit_callbacks(execute=True):
        client_for("officer").post(
            reverse("organizations:import", args=[org.skhdt.pk]), {"file": handle}
        )
    job = StaffImport.objects.get()
    # huey runs immediately in tests; the job went through the queue on commit.
    assert (job.status, job.created_count, job.processed_rows) == ("done", 2, 2)


def test_list_filters_by_unit_category_and_front_line(client_for, org):
    make_person(
        org.dkkd,
        "Đinh Thị Bé",
        gender="nu",
        category="nguoi_lao_dong",
        is_direct_worker=True,
    )
    client = client_for("officer")
    url = reverse("organizations:person-list")
    assert names_in(client.get(url, {"unit": org.dkkd.pk})) == [
        "Nguyễn Văn Ánh",
        "Đinh Thị Bé",
        "Lê Minh Đức",
    ]
    assert names_in(client.get(url, {"category": "nguoi_lao_dong"})) == ["Đinh Thị Bé"]
    assert names_in(client.get(url, {"direct": "1"})) == ["Đinh Thị Bé"]
    assert client.get(url, {"unit": org.other_unit.pk}).status_code == 200
    assert names_in(client.get(url, {"unit": org.other_unit.pk})) == []


def test_an_unexpected_import_failure_is_reported_not_hidden(
    client_for, org, tmp_path, monkeypatch
):
    from thidua.organizations.services import staff_import

    from .workbooks import row, write_xlsx

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(staff_import, "import_staff", explode)
    path = write_xlsx(tmp_path / "ds.xlsx", [row("Nguyễn Văn Tú", "020085999005")])
    with path.open("rb") as handle:
        response = client_for("officer").post(
            reverse("organizations:import", args=[org.skhdt.pk]),
            {"file": handle},
            follow=True,
        )
    assert (
        "Lỗi hệ thống khi xử lý tệp; không ghi dữ liệu nào."
        in response.content.decode()
    )
