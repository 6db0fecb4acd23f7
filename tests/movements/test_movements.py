import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.documents.models import IssuedDocument
from thidua.movements.enums import MovementState
from thidua.movements.models import Movement
from thidua.movements.services.movement import (
    replace_section,
    transition_movement,
    update_movement,
)

from ..decisions.factories import give_person
from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db


def issue(movement, **kwargs):
    return issue_movement(movement, issued_on=ISSUED_ON, **kwargs)


def test_issuing_takes_a_number_and_freezes_the_text(org):
    movement = issue(make_movement(org))
    assert movement.state == "da_ban_hanh"
    assert movement.issued_document.symbol == "01/KH-SKHĐT"
    assert movement.issued_document.summary == movement.name
    with pytest.raises(ValidationError) as exc:
        update_movement(movement, {"name": "Sửa sau khi ban hành"})
    assert "không được sửa" in exc.value.messages[0]
    with pytest.raises(ValidationError):
        replace_section(movement, "purposes", [{"text": "x"}])


def test_submitting_lists_everything_missing(org):
    """The head sees a complete launch document: what lacks is named before it goes to
    him (the signer is no longer typed: it is the approver)."""
    movement = make_movement(org)
    replace_section(movement, "purposes", [])
    replace_section(movement, "recipients", [])
    with pytest.raises(ValidationError) as exc:
        issue(movement)
    messages = exc.value.messages
    assert messages[0] == "Chưa đủ thành phần để trình duyệt:"
    assert "– Mục đích (ít nhất một)." in messages
    assert "– Nơi nhận." in messages
    assert not any("người ký" in m for m in messages)
    assert not IssuedDocument.objects.exists()
    assert Movement.objects.get().state == "nhap"


def test_transitions_follow_the_table(org):
    movement = issue(make_movement(org))
    with pytest.raises(ValidationError):
        transition_movement(movement, MovementState.FINAL)  # must be running first
    for state in ("dang_thuc_hien", "da_so_ket", "da_tong_ket", "ket_thuc"):
        movement = transition_movement(movement, state)
    assert movement.state == "ket_thuc"
    states = [
        e.data["changes"]["state"]
        for e in ActivityLog.objects.filter(action="movements.transition").order_by(
            "seq"
        )
    ]
    assert states[0] == ["da_ban_hanh", "dang_thuc_hien"]
    assert states[-1] == ["da_tong_ket", "ket_thuc"]
    # The launch document's own steps, each audited under its own action.
    steps = [
        (e.action, e.data["changes"]["state"])
        for e in ActivityLog.objects.filter(
            action__in=["movements.submit", "movements.approve", "movements.issue"]
        ).order_by("seq")
    ]
    assert steps == [
        ("movements.submit", ["nhap", "cho_duyet"]),
        ("movements.approve", ["cho_duyet", "da_duyet"]),
        ("movements.issue", ["da_duyet", "da_ban_hanh"]),
    ]


def test_stale_edit_is_refused(org):
    movement = make_movement(org)
    stale = movement.version
    update_movement(movement, {"theme": "Mới"}, expected_version=stale)
    with pytest.raises(ValidationError) as exc:
        update_movement(movement, {"theme": "Khác"}, expected_version=stale)
    assert "người khác cập nhật" in exc.value.messages[0]


def test_officer_builds_and_issues_a_movement_in_the_ui(client_for, org, users):
    """The officer builds the text and puts it before the head; the head approves it
    (his staff record becomes the signer block); the clerk numbers and issues it."""
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc")
    client = client_for("officer")
    org.skhdt.place_name = "Lạng Sơn"
    org.skhdt.save()
    response = client.post(
        reverse("movements:movement-create"),
        {
            "name": "Phong trào thi đua chuyển đổi số năm 2026",
            "kind": "chuyen_de",
            "year": 2026,
            "scope_agency": org.skhdt.pk,
            "type_code": "KH",
            "document_title": "Kế hoạch",
            "opening": "Thực hiện Kế hoạch số 51/KH-SKHĐT;",
            "signer_title": "Giám đốc",
            "signer_name": "Vũ Hoàng Quý",
            "archive_units": "VT, VP.",
        },
    )
    movement = Movement.objects.get()
    assert response.url == movement.get_absolute_url()
    detail = client.get(movement.get_absolute_url()).content.decode()
    assert "Chưa đủ thành phần để trình duyệt:" in detail
    url = reverse("movements:movement-section", args=[movement.pk, "purposes"])
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "0",
        "form-0-text": "Nâng cao **chất lượng** dịch vụ công.[^Theo Nghị quyết 49.]",
        "form-0-ORDER": "2",
        "form-1-text": "Động viên công chức.",
        "form-1-ORDER": "1",
    }
    preview = client.post(url, {**data, "preview": "1"}, headers={"HX-Request": "true"})
    body = preview.content.decode()
    assert "<strong>chất lượng</strong>" in body and "<sup>1</sup>" in body
    assert not movement.purposes.exists()  # a preview saves nothing
    client.post(url, data)
    assert list(movement.purposes.values_list("text", flat=True)) == [
        "Động viên công chức.",
        "Nâng cao **chất lượng** dịch vụ công.[^Theo Nghị quyết 49.]",
    ]
    for section, row in [
        ("contents", {"form-0-text": "Cải cách hành chính."}),
        ("duties", {"form-0-actor": "don_vi", "form-0-text": "Các phòng quán triệt."}),
        ("recipients", {"form-0-kind": "khac", "form-0-label": "Lãnh đạo Sở"}),
    ]:
        client.post(
            reverse("movements:movement-section", args=[movement.pk, section]),
            {
                "form-TOTAL_FORMS": "1",
                "form-INITIAL_FORMS": "0",
                "form-0-ORDER": "1",
                **row,
            },
        )
    move = reverse("movements:movement-transition", args=[movement.pk])
    # Not approved: the issue step is no button of the officer's, and refused.
    assert client.post(move, {"to": "da_ban_hanh"}).status_code == 403
    client.post(move, {"to": "cho_duyet"})
    movement.refresh_from_db()
    assert movement.state == "cho_duyet" and not movement.is_editable
    head = client_for("head")
    assert movement.name in head.get(reverse("approvals")).content.decode()
    body = head.post(move, {"to": "da_duyet"}, follow=True).content.decode()
    assert "Đã cập nhật trạng thái phong trào." in body
    assert "Giám đốc Vũ Hoàng Quý" in body  # the signer block, from his record
    clerk = client_for("clerk")
    assert movement.name in clerk.get(reverse("issue-queue")).content.decode()
    response = clerk.post(
        move, {"to": "da_ban_hanh", "issued_on": "05/02/2026"}, follow=True
    )
    body = response.content.decode()
    assert "01/KH-SKHĐT" in body
    movement.refresh_from_db()
    assert movement.state == "da_ban_hanh"
    assert movement.issued_document.issued_on.isoformat() == "2026-02-05"


def test_edit_of_an_issued_movement_is_refused_in_the_ui(client_for, org):
    movement = issue(make_movement(org))
    response = client_for("officer").post(
        reverse("movements:movement-edit", args=[movement.pk]),
        {
            "name": "Sửa",
            "kind": "thuong_xuyen",
            "year": 2026,
            "type_code": "KH",
            "document_title": "Kế hoạch",
            "signer_title": "GĐ",
            "signer_name": "A",
            "archive_units": "VT",
        },
    )
    assert "Văn bản đã ban hành không được sửa" in response.content.decode()


def test_units_see_issued_movements_of_their_agency_but_not_drafts(client_for, org):
    draft = make_movement(org, name="Bản nháp chưa ban hành")
    issued = issue(make_movement(org))
    staff = client_for("staff")  # works in Văn phòng Sở KH&ĐT
    listing = staff.get(reverse("movements:movement-list")).context["movements"]
    assert [m.pk for m in listing] == [issued.pk]
    assert staff.get(draft.get_absolute_url()).status_code == 404
    other = client_for("other_officer")
    assert other.get(issued.get_absolute_url()).status_code == 404


def test_public_page_lists_issued_movements_with_their_pdf(client, org):
    movement = issue(make_movement(org))
    document = movement.issued_document
    assert (
        client.get(reverse("movements:public-list")).context["movements"].count() == 0
    )
    IssuedDocument.objects.filter(pk=document.pk).update(status="ready")
    response = client.get(reverse("movements:public-list"))
    assert [m.pk for m in response.context["movements"]] == [movement.pk]
    detail = client.get(reverse("movements:public-detail", args=[movement.pk]))
    assert "01/KH-SKHĐT" in detail.content.decode()


def test_sections_files_and_transitions_are_scoped(client_for, org):
    draft = make_movement(org)
    issued = issue(make_movement(org))
    section = reverse("movements:movement-section", args=[draft.pk, "purposes"])
    move = reverse("movements:movement-transition", args=[issued.pk])
    for role, section_status, move_status in [
        ("other_officer", 404, 404),  # another Sở: hidden
        ("staff", 404, 403),  # sees the issued movement, may not change it
        ("officer", 200, 302),
    ]:
        client = client_for(role)
        assert client.get(section).status_code == section_status, role
        response = client.post(move, {"to": "dang_thuc_hien"})
        assert response.status_code == move_status, role
    issued.refresh_from_db()
    assert issued.state == "dang_thuc_hien"
    assert (
        client_for("officer")
        .get(reverse("movements:movement-section", args=[draft.pk, "nope"]))
        .status_code
        == 404
    )
    pdf = reverse("movements:movement-file", args=[issued.pk, "pdf"])
    assert client_for("officer").get(pdf).status_code == 404  # not rendered yet
    public = reverse("movements:public-file", args=[draft.pk])
    assert client_for("staff").get(public).status_code == 404


def test_preview_while_an_item_is_still_invalid_returns_only_the_document(
    client_for, org
):
    movement = make_movement(org)
    url = reverse("movements:movement-section", args=[movement.pk, "recipients"])
    response = client_for("officer").post(
        url,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-ORDER": "1",
            "form-0-kind": "don_vi_truc_thuoc",
            "form-0-label": "Các phòng",
            "preview": "1",
        },
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert 'data-testid="document-preview"' in body
    assert "<form" not in body  # never the whole page inside the preview


def test_a_section_builds_at_most_max_items_forms(client_for, org):
    """A posted TOTAL_FORMS was believed up to Django's default (2,000 forms, built,
    validated and rendered: twelve seconds for one request)."""
    from thidua.movements.forms.movement import MAX_ITEMS

    movement = make_movement(org)
    before = list(movement.purposes.values_list("text", flat=True))
    url = reverse("movements:movement-section", args=[movement.pk, "purposes"])
    data = {"form-TOTAL_FORMS": "99999999999999999999", "form-INITIAL_FORMS": "0"}
    response = client_for("officer").post(url, data)
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == MAX_ITEMS
    assert list(movement.purposes.values_list("text", flat=True)) == before


def test_a_person_no_longer_in_any_unit_sees_no_movement_of_it(org, users):
    """A staff record without a unit (retired, moved out of the tree): the account's
    person is known, its unit is not, so no unit's movement is shown."""
    from thidua.movements.selectors import movements_for_user

    issued = issue(make_movement(org))
    staff = users["staff"]
    assert list(movements_for_user(staff)) == [issued]
    staff.person.unit = None
    staff.person.save(update_fields=["unit"])
    assert list(movements_for_user(staff)) == []


def test_the_text_before_the_head_is_the_one_he_signs(org, users):
    """Before the head or approved, the launch document is frozen; returned with the
    reason, the office edits it and puts it before him again."""
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", "Giám đốc Sở")
    awaiting = transition_movement(
        make_movement(org), MovementState.AWAITING, actor=users["officer"]
    )
    with pytest.raises(ValidationError, match="đề nghị thủ trưởng trả lại"):
        update_movement(awaiting, {"theme": "Sửa khi đang trình"})
    with pytest.raises(ValidationError, match="Phải ghi lý do trả lại"):
        transition_movement(awaiting, MovementState.RETURNED, actor=users["head"])
    returned = transition_movement(
        awaiting,
        MovementState.RETURNED,
        actor=users["head"],
        reason="Bổ sung nơi nhận.",
    )
    assert returned.return_reason == "Bổ sung nơi nhận." and returned.is_editable
    update_movement(returned, {"theme": "Đã bổ sung"})
    # Not the clerk's to number before the head approves it, whoever asks.
    for actor in (users["clerk"], None):
        with pytest.raises(ValidationError, match="chưa được thủ trưởng duyệt"):
            transition_movement(
                returned, MovementState.ISSUED, issued_on=ISSUED_ON, actor=actor
            )
    with pytest.raises(PermissionDenied):
        transition_movement(returned, MovementState.AWAITING, actor=users["clerk"])
    again = transition_movement(
        returned, MovementState.AWAITING, actor=users["officer"]
    )
    # Another Sở's officer, the office, the clerk: none approves.
    for role in ("officer", "clerk", "other_officer", "admin"):
        with pytest.raises(PermissionDenied):
            transition_movement(again, MovementState.APPROVED, actor=users[role])
    approved = transition_movement(again, MovementState.APPROVED, actor=users["head"])
    assert approved.return_reason == "" and approved.signer_title == "Giám đốc Sở"
    with pytest.raises(ValidationError, match="đã được duyệt"):
        update_movement(approved, {"theme": "Sửa sau khi duyệt"})
    with pytest.raises(ValidationError, match="Chỉ văn bản phát động đang chờ"):
        transition_movement(approved, MovementState.RETURNED, actor=users["head"])
