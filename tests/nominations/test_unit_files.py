"""The unit's biên bản bình xét, uploaded once per round for all its dossiers (issue
#17, point 2): counted in each checklist, carried with each dossier."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.nominations.models import UnitAttachment
from thidua.nominations.selectors import checklist
from thidua.nominations.selectors.unit_files import dossier_file, dossier_files
from thidua.nominations.services.nomination import create_nomination
from thidua.nominations.services.unit_files import upload_unit_file
from thidua.submissions.services.package import package_file
from thidua.submissions.services.submission import submit_nominations

from ..api.data import COUNCIL_DONE
from ..api.data import propose as propose_through
from .test_bulk import make_round

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%%EOF"


def pdf(name="bien-ban.pdf", extra=b""):
    return SimpleUploadedFile(name, PDF + extra)


@pytest.fixture
def round_(org):
    return make_round(org)


def propose(round_, org, person="dkkd_staff", code="LDTT"):
    return create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people[person], code=code
    )


def test_one_minutes_file_serves_every_dossier_of_the_unit(client_for, round_, org):
    first, second = propose(round_, org), propose(round_, org, "head")
    assert ("Biên bản bình xét", False) in checklist(first)
    client = client_for("unit_head")
    url = reverse("nominations:unit-files", args=[round_.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"kind": "bien_ban_binh_xet", "file": pdf()})
    assert response.status_code == 302
    stored = UnitAttachment.objects.get()
    assert stored.uploaded_by.username == "unit_head"
    assert ActivityLog.objects.filter(action="nominations.unit_file").exists()
    for nomination in (first, second):
        assert ("Biên bản bình xét", True) in checklist(nomination)
        assert stored in dossier_files(nomination)
        assert dossier_file(nomination, stored.sha256) == stored
    assert dossier_file(first, "0" * 64) is None
    detail = client.get(first.get_absolute_url()).content.decode()
    assert 'data-testid="unit-files"' in detail and "bien-ban.pdf" in detail
    # Another unit's dossiers do not count it.
    other = create_nomination(
        round_, proposing_unit=org.vp, person=org.people["vp_staff"], code="LDTT"
    )
    assert ("Biên bản bình xét", False) in checklist(other)
    # A bad file: the form says why, nothing stored.
    response = client.post(
        url, {"kind": "bien_ban_binh_xet", "file": SimpleUploadedFile("a.pdf", b"x")}
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert client.post(url, {}).context["form"].errors


def test_who_opens_the_unit_file(client_for, round_, org):
    propose(round_, org)
    mine = upload_unit_file(round_, org.dkkd, kind="bien_ban_binh_xet", upload=pdf())
    theirs = upload_unit_file(round_, org.vp, kind="bien_ban_binh_xet", upload=pdf())

    def status(role, found):
        url = reverse("nominations:unit-file", args=[round_.pk, found.pk])
        response = client_for(role).get(url)
        if response.status_code == 200:  # a streamed file: read to the end
            assert b"".join(response.streaming_content) == PDF
        return response.status_code

    assert status("unit_head", mine) == 200
    assert status("officer", theirs) == 200
    assert status("head", mine) == 200  # reads the unit's dossier
    # The head of Phòng ĐKKD sees the round, not the Văn phòng's dossiers: as missing.
    assert status("unit_head", theirs) == 404
    assert status("other_officer", mine) == 404
    missing = reverse("nominations:unit-file", args=[round_.pk, 999999])
    assert client_for("unit_head").get(missing).status_code == 404


def test_replaced_while_drafts_kept_once_sent(round_, org, users):
    nomination = propose(round_, org)
    upload_unit_file(round_, org.dkkd, kind="bien_ban_binh_xet", upload=pdf())
    second = upload_unit_file(
        round_, org.dkkd, kind="bien_ban_binh_xet", upload=pdf("moi.pdf", b"2")
    )
    assert list(UnitAttachment.objects.all()) == [second]
    entry = ActivityLog.objects.filter(action="nominations.unit_file").latest("seq")
    assert entry.data["replaced"]["name"] == "bien-ban.pdf"
    nomination.state = "da_gui"
    nomination.save(update_fields=["state"])
    with pytest.raises(ValidationError) as exc:
        upload_unit_file(round_, org.dkkd, kind="bien_ban_binh_xet", upload=pdf())
    assert "không thay được nữa" in exc.value.messages[0]
    with pytest.raises(ValidationError) as exc:
        upload_unit_file(round_, org.dkkd, kind="khac", upload=pdf())
    assert exc.value.message_dict == {"kind": ["Loại tài liệu không hợp lệ."]}
    with pytest.raises(ValidationError) as exc:
        upload_unit_file(
            round_,
            org.vp,
            kind="bien_ban_binh_xet",
            upload=pdf(),
            actor=users["unit_head"],
        )
    assert exc.value.messages == ["Chỉ đơn vị đề nghị được tải tài liệu của đơn vị."]


def test_the_to_trinh_lists_and_its_package_carries_the_unit_file(org, users):
    round_ = make_round(org)
    unit_file = upload_unit_file(
        round_, org.dkkd, kind="bien_ban_binh_xet", upload=pdf("chung.pdf", b"u")
    )
    nomination = propose_through(
        round_,
        org.dkkd,
        org.people["dkkd_staff"],
        "BK_TTG",
        through=COUNCIL_DONE,
        actor=users["admin"],
    )
    submission = submit_nominations(
        round_, [nomination], planned_on=round_.submission_deadline
    )
    item = submission.items.get()
    index = next(i for i, f in enumerate(item.files) if f["sha256"] == unit_file.sha256)
    assert item.files[index]["name"] == "chung.pdf"
    assert package_file(item, index) == ("chung.pdf", PDF + b"u")
