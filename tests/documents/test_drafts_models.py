"""Drafts held in the database (documents/models/drafts.py): the invariants the
database itself keeps, who sees and moves a draft (documents/rules.py), and the reads
scoped to the organisation tree (documents/selectors.py, hidden = 404)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from thidua.documents.models import (
    DocumentTemplate,
    DraftAttachment,
    DraftDocument,
    DraftState,
    IssuedDocument,
    NumberSeries,
)
from thidua.documents.rules import approves_draft, issues_draft, writes_drafts
from thidua.documents.selectors import (
    access_draft,
    agency_templates,
    draft_agencies,
    drafts_for_user,
)

from ..workflow_matrix import ROLES

pytestmark = pytest.mark.django_db


def bare_draft(agency, **extra) -> DraftDocument:
    """A row as the database sees it (the services are tested in test_drafts.py)."""
    return DraftDocument.objects.create(
        agency=agency,
        kind="ke_hoach",
        title="Kế hoạch tổ chức phong trào thi đua năm 2026",
        content={"version": 1, "kind": "ke_hoach"},
        **extra,
    )


def issued_row(agency) -> IssuedDocument:
    series = NumberSeries.objects.create(agency=agency, year=2026, last_number=1)
    return IssuedDocument.objects.create(
        series=series,
        number=1,
        year=2026,
        type_code="KH",
        type_name="Kế hoạch",
        symbol="01/KH-SKHĐT",
        issued_on=datetime.date(2026, 2, 5),
        summary="Kế hoạch",
        signer_title="Giám đốc",
        signer_name="Vũ Hoàng Quý",
    )


def _refused(rows, **change) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        rows.update(**change)


def test_the_database_holds_the_drafts_invariants(org, users):
    draft = bare_draft(org.skhdt)
    rows = DraftDocument.objects.filter(pk=draft.pk)
    _refused(rows, state="da_xoa")  # unknown state
    _refused(rows, state=DraftState.RETURNED, return_reason="")  # unexplained return
    _refused(rows, state=DraftState.APPROVED)  # approved without an approver
    _refused(rows, version=0)
    # Issued exactly when numbered, both ways.
    approved = {
        "approved_by": users["head"],
        "approved_at": timezone.now(),
    }
    _refused(rows, state=DraftState.ISSUED, **approved)
    document = issued_row(org.skhdt)
    _refused(rows, issued_document=document)
    template = DocumentTemplate.objects.create(
        agency=org.skhdt, kind="ke_hoach", name="Kế hoạch năm"
    )
    _refused(rows, template=template, template_code="ke_hoach_phat_dong")
    rows.update(state=DraftState.RETURNED, return_reason="Thiếu nơi nhận.")
    rows.update(state=DraftState.APPROVED, **approved)
    rows.update(state=DraftState.ISSUED, issued_document=document)


def test_an_issued_draft_is_frozen(org, users):
    draft = bare_draft(
        org.skhdt,
        state=DraftState.ISSUED,
        approved_by=users["head"],
        approved_at=timezone.now(),
        issued_document=issued_row(org.skhdt),
    )
    rows = DraftDocument.objects.filter(pk=draft.pk)
    for change in (lambda: rows.update(title="Sửa sau khi ban hành"), rows.delete):
        with pytest.raises(IntegrityError), transaction.atomic():
            change()
    assert DraftDocument.objects.get(pk=draft.pk).title == draft.title
    # A draft not issued is the office's to change or delete.
    other = bare_draft(org.skhdt)
    DraftDocument.objects.filter(pk=other.pk).update(title="Đổi tên")
    other.delete()


def test_templates_and_attachments_are_named_once(org):
    DocumentTemplate.objects.create(agency=org.skhdt, kind="ke_hoach", name="Mẫu A")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentTemplate.objects.create(agency=org.skhdt, kind="to_trinh", name="Mẫu A")
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentTemplate.objects.create(agency=org.skhdt, kind="to_trinh", name="")
    DocumentTemplate.objects.create(agency=org.other, kind="ke_hoach", name="Mẫu A")
    draft = bare_draft(org.skhdt)
    row = {"draft": draft, "file": "drafts/a.pdf", "size": 3, "sha256": "a" * 64}
    DraftAttachment.objects.create(original_name="a.pdf", **row)
    with pytest.raises(IntegrityError), transaction.atomic():
        DraftAttachment.objects.create(original_name="a.pdf", **row)
    with pytest.raises(IntegrityError), transaction.atomic():
        DraftAttachment.objects.create(original_name="b.pdf", **(row | {"sha256": ""}))


def test_a_draft_reads_as_its_title_or_kind(org):
    draft = bare_draft(org.skhdt)
    assert str(draft) == draft.title
    assert draft.is_editable and not draft.is_issued
    draft.title = ""
    assert str(draft) == "Kế hoạch"
    template = DocumentTemplate(agency=org.skhdt, kind="ke_hoach", name="Mẫu B")
    assert str(template) == "Mẫu B"
    assert str(DraftAttachment(original_name="x.pdf")) == "x.pdf"
    assert DraftState.ISSUED.color == "success"


# Who may do what with a draft of Sở KH&ĐT (officer: its TĐKT office; head, deputy:
# who approve; clerk: who numbers). No one else knows it exists.
PERMISSIONS = {
    "documents.view_draft": {"admin", "officer", "head", "deputy", "clerk"},
    "documents.change_draft": {"admin", "officer"},
    "documents.add_draft": {"admin", "officer"},
    "documents.approve_draft": {"head", "deputy"},
    "documents.issue_draft": {"admin", "clerk"},
}


@pytest.mark.parametrize("role", ROLES)
def test_permissions_by_role(org, users, role):
    draft = bare_draft(org.skhdt)
    user = users[role]
    for permission, holders in PERMISSIONS.items():
        target = org.skhdt if permission == "documents.add_draft" else draft
        assert user.has_perm(permission, target) == (role in holders), permission
    seen = role in PERMISSIONS["documents.view_draft"]
    assert list(drafts_for_user(user)) == ([draft] if seen else [])
    if seen:
        assert access_draft(user, draft.pk) == draft
    else:
        with pytest.raises(Http404):
            access_draft(user, draft.pk)


def test_another_agencys_draft_does_not_exist_for_the_officer(org, users):
    theirs = bare_draft(org.other)
    ours = bare_draft(org.dkkd)  # a unit under Sở KH&ĐT: the officer's subtree
    officer = users["officer"]
    assert list(drafts_for_user(officer)) == [ours]
    for ref in (theirs.pk, "abc", None, 10**9):
        with pytest.raises(Http404):
            access_draft(officer, ref)
    assert access_draft(users["other_officer"], theirs.pk) == theirs
    assert not officer.has_perm("documents.change_draft", theirs)
    assert not users["head"].has_perm("documents.view_draft", ours)  # not his agency
    assert users["admin"].has_perm("documents.issue_draft", theirs)


def test_the_predicates_refuse_without_an_object(users):
    for predicate in (writes_drafts, approves_draft, issues_draft):
        assert not predicate(users["officer"], None)


def test_agencies_and_templates_for_a_writer(org, users):
    assert set(draft_agencies(users["officer"])) == {org.skhdt, org.vp, org.dkkd}
    assert draft_agencies(users["admin"]).count() == 8
    assert not draft_agencies(users["clerk"]).exists()
    plan = DocumentTemplate.objects.create(agency=org.skhdt, kind="ke_hoach", name="A")
    report = DocumentTemplate.objects.create(agency=org.skhdt, kind="bao_cao", name="B")
    DocumentTemplate.objects.create(agency=org.other, kind="ke_hoach", name="C")
    assert list(agency_templates(org.skhdt)) == [report, plan]
    assert list(agency_templates(org.skhdt, "ke_hoach")) == [plan]
