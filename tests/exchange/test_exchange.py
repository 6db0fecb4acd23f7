"""The data-exchange format: export, schema, idempotent all-or-nothing import, scope."""

import copy
import datetime
import json
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from tests.factories import cccd_for
from tests.transactions import app_transactions_only
from thidua.awards.models import Award
from thidua.awards.services.register import record_award
from thidua.exchange.export import export_agency
from thidua.exchange.importer import import_exchange, schema_errors
from thidua.exchange.schema import SCHEMA
from thidua.organizations.models import Agency, Person

pytestmark = pytest.mark.django_db
DOCS = Path(__file__).resolve().parents[2] / "docs" / "exchange-v1.schema.json"


def _award(**subject):
    return record_award(
        code=subject.pop("code", "LDTT"),
        year=2024,
        decision_number="12/QĐ-SKHĐT",
        decision_date=datetime.date(2025, 1, 10),
        decided_by="Giám đốc Sở KH&ĐT",
        cash_amount=702_000,
        **subject,
    )


def _stc_file(org):
    """What another installation would send for Sở Tài chính: a new unit, a person in
    it, their award and the unit's."""
    cccd = cccd_for("nu", datetime.date(1990, 3, 2))
    return {
        "format": "thidua.exchange",
        "version": 1,
        "exported_at": "2026-11-25T10:00:00+07:00",
        "root": "STC",
        "agencies": [
            {
                "code": "STC",
                "name": "Sở Tài chính",
                "level": "so_ban_nganh",
                "parent": None,
            },
            {
                "code": "STC-NS",
                "name": "Phòng Ngân sách",
                "level": "phong_don_vi",
                "parent": "STC",
                "is_small_collective": True,
            },
        ],
        "people": [
            {
                "cccd": cccd,
                "full_name": "Hà Thị Mai",
                "gender": "nu",
                "birth_date": "1990-03-02",
                "ethnicity": "Tày",
                "category": "cong_chuc",
                "unit": "STC-NS",
                "position": "Chuyên viên",
            }
        ],
        "awards": [
            {
                "person": cccd,
                "code": "LDTT",
                "year": 2024,
                "decision_number": "7/QĐ-STC",
                "decision_date": "2025-01-12",
                "decided_by": "Giám đốc Sở Tài chính",
                "cash_amount": 702000,
            },
            {
                "agency": "STC-NS",
                "code": "TTLDTT",
                "year": 2024,
                "decision_number": "7/QĐ-STC",
                "decision_date": "2025-01-12",
                "decided_by": "Giám đốc Sở Tài chính",
            },
        ],
        "decisions": [
            {
                "symbol": "7/QĐ-STC",
                "issued_on": "2025-01-12",
                "issuer": "STC",
                "awardees": 2,
            }
        ],
    }


def test_the_docs_copy_of_the_schema_is_the_code_s():
    assert json.loads(DOCS.read_text(encoding="utf-8")) == SCHEMA


def test_export_holds_the_subtree_and_validates(org):
    _award(person=org.people["dkkd_staff"])
    _award(agency=org.dkkd, code="TTLDTT")
    _award(person=org.people["other_staff"])  # another agency: not in the file
    data = export_agency(org.skhdt)
    assert schema_errors(data) == []
    assert data["root"] == "SKHĐT" and data["agencies"][0]["parent"] is None
    assert {a["code"] for a in data["agencies"]} == {"SKHĐT", "SKHĐT-VP", "SKHĐT-ĐKKD"}
    assert org.people["other_staff"].cccd not in {p["cccd"] for p in data["people"]}
    assert len(data["awards"]) == 2
    assert {a["agency"] for a in data["awards"]} == {None, "SKHĐT-ĐKKD"}


def test_import_is_idempotent(org, users):
    sent = _stc_file(org)
    first = import_exchange(json.dumps(sent), into=org.other, actor=users["admin"])
    assert first.created == {"agencies": 1, "people": 1, "awards": 2}
    assert first.unchanged["agencies"] == 1 and first.informative_decisions == 1
    unit = Agency.objects.get(code="STC-NS")
    assert unit.parent == org.other and unit.is_small_collective
    mai = Person.objects.get(full_name="Hà Thị Mai")
    assert mai.unit == unit and Award.objects.filter(person=mai, code="LDTT").exists()
    again = import_exchange(copy.deepcopy(sent), into=org.other, actor=users["admin"])
    assert again.created == {"agencies": 0, "people": 0, "awards": 0}
    assert again.updated == {"agencies": 0, "people": 0, "awards": 0}
    changed = copy.deepcopy(sent)
    changed["people"][0]["position"] = "Phó Trưởng phòng"
    changed["awards"][0]["decision_number"] = "8/QĐ-STC"
    third = import_exchange(changed, into=org.other, actor=users["admin"])
    assert third.updated["people"] == 1 and third.updated["awards"] == 1
    mai.refresh_from_db()
    assert mai.position == "Phó Trưởng phòng"


def test_round_trip_of_an_export_changes_nothing(org, users):
    _award(person=org.people["dkkd_staff"])
    result = import_exchange(
        export_agency(org.skhdt), into=org.skhdt, actor=users["officer"]
    )
    assert sum(result.created.values()) == 0 and sum(result.updated.values()) == 0
    people = Person.objects.filter(
        unit__in=Agency.objects.descendants(org.skhdt, include_self=True)
    )
    assert result.unchanged == {"agencies": 3, "people": people.count(), "awards": 1}


def test_schema_problems_name_the_field_and_nothing_is_written(org, users):
    bad = _stc_file(org)
    bad["people"][0]["cccd"] = "12345"
    bad["people"][0]["nickname"] = "Mai"
    bad["awards"][1]["person"] = bad["people"][0]["cccd"]  # two subjects
    del bad["awards"][0]["decision_date"]
    with pytest.raises(ValidationError) as exc:
        import_exchange(bad, into=org.other, actor=users["admin"])
    messages = exc.value.messages
    assert "people[0].cccd: không đúng định dạng" in messages
    assert "people[0]: có trường không được hỗ trợ: nickname" in messages
    assert "awards[0]: thiếu trường bắt buộc: decision_date" in messages
    assert any(m.startswith("awards[1]: phải ghi đúng một đối tượng") for m in messages)
    with pytest.raises(ValidationError, match="JSON"):
        import_exchange(b"{not json", into=org.other, actor=users["admin"])
    assert not Agency.objects.filter(code="STC-NS").exists()


def test_records_outside_the_scope_roll_everything_back(org, users):
    bad = _stc_file(org)
    bad["people"].append(
        {
            "cccd": org.people["dkkd_staff"].cccd,
            "full_name": "Nguyễn Văn Ánh",
            "gender": "nam",
            "birth_date": "1985-05-17",
            "ethnicity": "Kinh",
            "category": "cong_chuc",
            "unit": "STC-NS",
        }
    )
    bad["awards"].append(
        {
            "agency": "SKHĐT-VP",
            "code": "TTLDTT",
            "year": 2024,
            "decision_number": "1/QĐ",
            "decision_date": "2025-01-01",
            "decided_by": "X",
        }
    )
    with pytest.raises(ValidationError) as exc:
        import_exchange(bad, into=org.other, actor=users["admin"])
    text = " | ".join(exc.value.messages)
    assert "people[1]: cccd: Người này đang thuộc cơ quan ngoài phạm vi nhập." in text
    assert "awards[2]: agency: Tập thể không thuộc phạm vi nhập." in text
    assert not Agency.objects.filter(code="STC-NS").exists()  # the good rows too
    assert not Person.objects.filter(full_name="Hà Thị Mai").exists()


def test_only_the_agency_s_office_imports_and_exports(org, users, client_for):
    with pytest.raises(PermissionDenied):
        import_exchange(_stc_file(org), into=org.other, actor=users["officer"])
    page = reverse("exchange:agency-exchange", args=[org.skhdt.pk])
    download = reverse("exchange:agency-exchange-export", args=[org.skhdt.pk])
    assert client_for("other_officer").get(download).status_code in (403, 404)
    assert client_for("staff").get(page).status_code in (403, 404)
    officer = client_for("officer")
    response = officer.get(download)
    assert response.status_code == 200
    assert json.loads(response.content)["root"] == "SKHĐT"
    assert page in officer.get(org.skhdt.get_absolute_url()).content.decode()


def test_the_download_opens_the_transaction_its_audit_entry_needs(org, client_for):
    """In production no test transaction surrounds a request: the export's audit entry
    found none (log_action refuses), and every download answered 500."""
    download = reverse("exchange:agency-exchange-export", args=[org.skhdt.pk])
    with app_transactions_only():
        response = client_for("officer").get(download)
    assert response.status_code == 200
    assert json.loads(response.content)["root"] == "SKHĐT"


def test_a_nul_byte_anywhere_in_the_file_is_named_and_nothing_written(org, users):
    """PostgreSQL refuses NUL in text: the import was a 500 there."""
    data = _stc_file(org)
    data["people"][0]["full_name"] = "Hà Thị\u0000 Mai"
    with pytest.raises(ValidationError) as exc:
        import_exchange(data, into=org.other, actor=users["admin"])
    assert "people[0].full_name: không được chứa ký tự NUL" in exc.value.messages
    assert not Person.objects.filter(full_name__startswith="Hà Thị").exists()


def test_page_import_reports_counts_or_the_errors(org, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for("admin")
    url = reverse("exchange:agency-exchange", args=[org.other.pk])
    upload = SimpleUploadedFile(
        "stc.json", json.dumps(_stc_file(org)).encode(), content_type="application/json"
    )
    response = client.post(url, {"file": upload}, follow=True)
    assert "tạo mới 4" in response.content.decode()
    broken = SimpleUploadedFile(
        "x.json", b'{"format": "khac"}', content_type="application/json"
    )
    response = client.post(url, {"file": broken})
    assert (
        response.status_code == 200
        and "format: giá trị không đúng" in response.content.decode()
    )


def test_cli_export_and_import(org, tmp_path):
    out = tmp_path / "skhdt.json"
    call_command("exchange", "export", "SKHĐT", "-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["root"] == "SKHĐT"
    stc = tmp_path / "stc.json"
    stc.write_text(json.dumps(_stc_file(org)), encoding="utf-8")
    call_command("exchange", "import", str(stc), "--into", "STC")
    assert Agency.objects.filter(code="STC-NS").exists()


def test_tdkt_fields_travel_and_older_files_keep_them(org, users):
    """The fields of forms 0604/0605 are exported and imported; a file without them
    (written before they existed) leaves the receiving values alone."""
    from thidua.organizations.services.structure import update_agency  # noqa: PLC0415

    staff = org.people["vp_staff"]
    staff.education_level, staff.tdkt_since = "dai_hoc", datetime.date(2016, 4, 1)
    staff.save(update_fields=["education_level", "tdkt_since"])
    update_agency(org.vp, expected_version=org.vp.version, tdkt_body="phong_thuoc_snv")
    data = export_agency(org.skhdt)
    row = next(p for p in data["people"] if p["cccd"] == staff.cccd)
    assert (row["education_level"], row["tdkt_since"]) == ("dai_hoc", "2016-04-01")
    assert next(a for a in data["agencies"] if a["code"] == "SKHĐT-VP")["tdkt_body"]
    row["education_level"], row["tdkt_since"] = "tren_dai_hoc", "2015-04-01"
    result = import_exchange(
        copy.deepcopy(data), into=org.skhdt, actor=users["officer"]
    )
    assert result.updated["people"] == 1
    staff.refresh_from_db()
    assert (staff.education_level, staff.tdkt_since) == (
        "tren_dai_hoc",
        datetime.date(2015, 4, 1),
    )
    for person in data["people"]:
        del person["education_level"], person["tdkt_since"]
    for agency in data["agencies"]:
        del agency["tdkt_body"]
    old = import_exchange(data, into=org.skhdt, actor=users["officer"])
    assert sum(old.updated.values()) == 0
    staff.refresh_from_db()
    org.vp.refresh_from_db()
    assert staff.tdkt_since == datetime.date(2015, 4, 1)
    assert org.vp.tdkt_body == "phong_thuoc_snv"
