"""One award subject (issue #13): the register entry, the dossier and the line of a
tờ trình share ``awards.AwardSubject`` — a person XOR a collective, the award code,
its type and the year — and the database refuses a row naming both or neither."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from thidua.awards.models import Award, AwardSubject
from thidua.awards.services.register import record_award
from thidua.nominations.models import Nomination
from thidua.submissions.models import SubmissionItem

pytestmark = pytest.mark.django_db

SUBJECT_MODELS = [Award, Nomination, SubmissionItem]
SHARED = ["person", "agency", "code", "award_type", "year"]


@pytest.mark.parametrize("model", SUBJECT_MODELS, ids=lambda m: m.__name__)
def test_the_three_share_the_abstract_subject(model):
    assert issubclass(model, AwardSubject) and AwardSubject._meta.abstract
    for name in SHARED:
        field = model._meta.get_field(name)
        base = AwardSubject._meta.get_field(name)
        assert field.verbose_name == base.verbose_name, name
        assert field.deconstruct()[1:] == base.deconstruct()[1:], name
    checks = {c.name for c in model._meta.constraints}
    # Kept names: no migration renamed the existing checks.
    assert {
        Award: "award_one_subject",
        Nomination: "nomination_one_subject",
        SubmissionItem: "submission_item_one_subject",
    }[model] in checks


def test_related_names_are_the_old_ones(org):
    person = org.people["dkkd_staff"]
    assert person.awards.model is Award and person.nominations.model is Nomination
    assert org.dkkd.awards.model is Award and org.dkkd.nominations.model is Nomination
    assert person.submissionitems.model is SubmissionItem


@pytest.fixture
def rows(sent, org):
    """One row of each model, each naming a person."""
    submission, nomination = sent
    award = record_award(
        person=org.people["vp_staff"],
        code="LDTT",
        year=2024,
        decision_number="12/QĐ-SKHĐT",
        decision_date=datetime.date(2025, 1, 6),
        decided_by="Giám đốc Sở Kế hoạch và Đầu tư",
    )
    return {
        Award: award,
        Nomination: nomination,
        SubmissionItem: submission.items.get(),
    }


def _refused(row, **change):
    with pytest.raises(IntegrityError), transaction.atomic():
        type(row).objects.filter(pk=row.pk).update(**change)


@pytest.mark.parametrize("model", SUBJECT_MODELS, ids=lambda m: m.__name__)
def test_the_database_refuses_both_and_neither(model, rows, org):
    row = rows[model]
    assert row.person_id and not row.agency_id and not row.is_collective
    assert row.subject == row.person and row.subject_name == str(row.person)
    _refused(row, agency=org.dkkd)  # a person and a collective
    _refused(row, person=None)  # neither
    # A collective alone is a subject too (the item's printed flag follows it).
    extra = {"is_collective": True} if model is SubmissionItem else {}
    model.objects.filter(pk=row.pk).update(person=None, agency=org.dkkd, **extra)
    row.refresh_from_db()
    assert row.is_collective and row.subject == org.dkkd
    # The item prints the name it was sent with; the others name their subject.
    printed = "Nguyễn Văn Ánh" if model is SubmissionItem else org.dkkd.name
    assert row.subject_name == printed


def test_an_item_names_its_nominations_subject(sent):
    submission, nomination = sent
    item = submission.items.get()
    assert (item.person_id, item.agency_id) == (nomination.person_id, None)
    assert item.subject_name == nomination.subject_name == "Nguyễn Văn Ánh"


def test_only_an_imported_item_names_no_local_subject(sent, org):
    submission, _nomination = sent
    item = submission.items.get()
    _refused(item, person=None)  # a local item (with its nomination) must name one
    # The printed flag agrees with the linked subject.
    _refused(item, is_collective=True)
    # An item of a package from another installation has no nomination and no local
    # subject: only the printed name, detail and flag.
    SubmissionItem.objects.filter(pk=item.pk).update(nomination=None, person=None)
    item.refresh_from_db()
    assert item.subject is None and item.subject_name == "Nguyễn Văn Ánh"
