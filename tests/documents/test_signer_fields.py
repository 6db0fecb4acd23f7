"""SignerFields and DelegatedSignerFields (redesign P3): the signature block of every
text thidua issues — the document itself, the movement's launch, a sơ kết/tổng kết
report, a decision and a tờ trình — declared once."""

import pytest

from thidua.decisions.models import Decision
from thidua.documents.models import DelegatedSignerFields, IssuedDocument, SignerFields
from thidua.movements.models import Movement, MovementReport
from thidua.submissions.models import Submission

SIGNED = [IssuedDocument, Movement, MovementReport, Decision, Submission]
# Signed by the head or whoever signs for him (KT., Q., TUQ., TL.): the approver.
DELEGATED = {Movement, Decision, Submission}


@pytest.mark.parametrize("model", SIGNED, ids=lambda m: m.__name__)
def test_every_signer_block_is_the_mixins(model):
    assert issubclass(model, SignerFields)
    assert issubclass(model, DelegatedSignerFields) == (model in DELEGATED)
    names = ["signer_title", "signer_name"]
    if model in DELEGATED:
        names += ["signer_authority", "signer_principal"]
    for name in names:
        field, base = (
            model._meta.get_field(name),
            DelegatedSignerFields._meta.get_field(name),
        )
        assert (field.verbose_name, field.max_length) == (
            base.verbose_name,
            base.max_length,
        ), (model, name)


@pytest.mark.parametrize("model", SIGNED, ids=lambda m: m.__name__)
def test_only_a_draft_movement_may_leave_the_signer_blank(model):
    blank = {model._meta.get_field(n).blank for n in ("signer_title", "signer_name")}
    assert blank == {model is Movement}
    if model in DELEGATED:  # signing in one's own name is the usual case
        assert model._meta.get_field("signer_authority").blank
        assert model._meta.get_field("signer_principal").blank
