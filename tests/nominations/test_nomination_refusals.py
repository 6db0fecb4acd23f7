"""A nomination's remaining refusals: a closed round, a proposing unit outside the
round's agency, an unknown file kind, a report longer than the limit, a report PDF asked
for by someone who cannot propose for the unit; and the place on the report's date line
when no unit above names one."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.nominations.models import NominationRound
from thidua.nominations.selectors import report_place
from thidua.nominations.services.nomination import add_attachment, create_nomination
from thidua.nominations.services.report import generate_report_file, save_report
from thidua.organizations.models import Agency

from .test_report import PDF, PERSON_DATA, make_round, propose

pytestmark = pytest.mark.django_db


def test_a_closed_round_or_a_unit_outside_it_takes_no_nomination(org):
    round_ = make_round(org, 2025)
    with pytest.raises(ValidationError, match="không thuộc cơ quan của đợt xét"):
        create_nomination(
            round_,
            proposing_unit=org.other_unit,
            person=org.people["other_staff"],
            code="LDTT",
        )
    NominationRound.objects.filter(pk=round_.pk).update(is_open=False)
    round_.refresh_from_db()
    with pytest.raises(ValidationError, match="Đợt xét đã đóng"):
        create_nomination(
            round_,
            proposing_unit=org.dkkd,
            person=org.people["dkkd_staff"],
            code="LDTT",
        )


def test_a_file_of_an_unknown_kind_is_refused(org):
    nomination = propose(org)
    with pytest.raises(ValidationError) as exc:
        add_attachment(
            nomination, kind="anh_the", upload=SimpleUploadedFile("a.pdf", PDF)
        )
    assert exc.value.message_dict == {"kind": ["Loại tài liệu không hợp lệ."]}


def test_a_report_longer_than_the_limit_is_refused(org, users):
    nomination = propose(org)
    with pytest.raises(ValidationError) as exc:
        save_report(
            nomination,
            PERSON_DATA | {"achievements": "Hoàn thành. " * 3000},
            actor=users["unit_head"],
        )
    assert exc.value.message_dict == {
        "achievements": ["Thành tích đạt được: tối đa 30.000 ký tự."]
    }


def test_only_who_proposes_for_the_unit_generates_its_report(org, users):
    nomination = propose(org)
    with pytest.raises(PermissionDenied):
        generate_report_file(nomination, actor=users["other_officer"])


def test_the_date_line_falls_back_to_the_round_s_agency(org):
    nomination = propose(org)
    assert report_place(nomination) == "Lạng Sơn"
    Agency.objects.update(place_name="")
    nomination.round.agency.place_name = "Thành phố Lạng Sơn"
    assert report_place(nomination) == "Thành phố Lạng Sơn"


def test_a_nominee_without_a_unit_takes_the_proposing_unit_s_place(org):
    nomination = propose(org)
    nomination.person.unit = None
    nomination.person.save(update_fields=["unit"])
    Agency.objects.update(place_name="")
    org.dkkd.place_name = "Thành phố Lạng Sơn"
    org.dkkd.save(update_fields=["place_name"])
    assert nomination.proposing_unit_id == org.dkkd.pk
    assert report_place(nomination) == "Thành phố Lạng Sơn"
