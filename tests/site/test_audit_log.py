"""The audit log: filters by person, days, object and action label; pages of 50 in a
constant number of queries; the filtered entries as a workbook."""

import datetime
import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from thidua.common.models import ActivityLog
from thidua.common.services.audit import log_action
from thidua.organizations.models import Agency, Person
from thidua.site.forms import AuditLogFilterForm
from thidua.site.selectors.activity import ActivityFilter, filter_activity

URL = reverse("audit-log")


def _seqs(response) -> list[int]:
    return [entry.seq for entry in response.context["page"]]


@pytest.mark.django_db
def test_the_filters_narrow_the_log(client_for, users, org):
    admin = client_for("admin")
    page = admin.get(URL)
    html = page.content.decode()
    # The actions as labels grouped by domain, never their codes.
    assert '<optgroup label="Tổ chức và cán bộ">' in html
    assert ">Thêm cơ quan, đơn vị</option>" in html
    assert "agencies.create</option>" not in html
    assert "Họ và tên" in html or "Tên" in html  # readable content of the entries
    everything = set(_seqs(page))

    person = org.people["officer"]
    log_action(person, "people.update", actor=users["officer"], data={"year": 2024})
    mine = ActivityLog.objects.get(action="people.update", object_id=str(person.pk))
    by_actor = admin.get(URL, {"actor": users["officer"].get_full_name()[:4] or "off"})
    assert mine.seq in _seqs(by_actor)
    assert set(_seqs(by_actor)) < everything | {mine.seq}

    by_action = admin.get(URL, {"action": "people.update"})
    assert _seqs(by_action) == [mine.seq]
    person_type = ContentType.objects.get_for_model(Person)
    by_object = admin.get(
        URL, {"object_type": person_type.pk, "object_text": person.full_name[-6:]}
    )
    assert mine.seq in _seqs(by_object)
    assert {e.content_type_id for e in by_object.context["page"]} == {person_type.pk}

    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    assert _seqs(admin.get(URL, {"date_from": tomorrow})) == []
    day = today.strftime("%d/%m/%Y")
    assert mine.seq in _seqs(admin.get(URL, {"date_from": day, "date_to": day}))

    # Bad days are told by the field; the other filters still apply.
    bad = admin.get(URL, {"date_from": "31/02/2026", "action": "people.update"})
    assert bad.status_code == 200
    assert "Nhập một ngày hợp lệ." in bad.content.decode()
    assert _seqs(bad) == [mine.seq]
    reversed_ = admin.get(URL, {"date_from": day, "date_to": "01/01/2020"})
    assert "“Đến ngày” phải sau “Từ ngày”." in reversed_.content.decode()
    unknown = admin.get(URL, {"action": "no.such", "object_type": "x"})
    assert unknown.status_code == 200 and "Hãy chọn" in unknown.content.decode()


@pytest.mark.django_db
def test_pages_are_read_in_a_constant_number_of_queries(client_for, users, org):
    admin = client_for("admin")
    agency = org.skhdt
    for i in range(5):
        log_action(agency, "agencies.update", actor=users["admin"], data={"year": i})
    with CaptureQueriesContext(connection) as few:
        admin.get(URL, {"action": "agencies.update"})
    for i in range(60):
        log_action(agency, "agencies.update", actor=users["admin"], data={"year": i})
    with CaptureQueriesContext(connection) as many:
        response = admin.get(URL, {"action": "agencies.update"})
    assert len(response.context["page"]) == 50
    assert len(many.captured_queries) == len(few.captured_queries)
    second = admin.get(URL, {"action": "agencies.update", "page": 2})
    assert len(second.context["page"]) == 15
    assert "action=agencies.update&amp;page=1" in second.content.decode()


@pytest.mark.django_db
def test_the_filtered_log_downloads_as_a_workbook(client_for, users, org):
    log_action(org.skhdt, "agencies.update", actor=users["admin"], data={"year": 2025})
    response = client_for("admin").get(URL, {"action": "agencies.update", "excel": 1})
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "nhat-ky-thao-tac.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Số thứ tự",
        "Thời điểm",
        "Người thực hiện",
        "Thao tác",
        "Đối tượng",
        "Nội dung",
    )
    assert len(rows) == 2
    seq, moment, _actor, action, thing, content = rows[1]
    assert isinstance(moment, datetime.datetime)
    assert action == "Sửa cơ quan, đơn vị" or "agencies" not in action
    assert thing == str(org.skhdt) and content == "Năm: 2025"
    assert sheet.cell(row=2, column=2).number_format == "dd/mm/yyyy hh:mm:ss"


@pytest.mark.django_db
def test_an_officer_filters_only_his_own_subtree(client_for, users, org):
    log_action(
        org.other, "agencies.update", actor=users["admin"], agency_id=org.other.pk
    )
    officer = client_for("officer")
    shown = officer.get(URL, {"action": "agencies.update"}).context["page"]
    assert all(e.agency_id != org.other.pk for e in shown)
    assert client_for("staff").get(URL).status_code == 403


@pytest.mark.django_db
def test_the_selector_without_filters_narrows_nothing(org):
    entries = ActivityLog.objects.all()
    assert filter_activity(entries, ActivityFilter()).count() == entries.count()
    agency_type = ContentType.objects.get_for_model(Agency)
    form = AuditLogFilterForm()
    assert form.criteria() == ActivityFilter()
    assert str(agency_type.pk) in {
        str(pk) for pk, _l in form.fields["object_type"].choices
    }
