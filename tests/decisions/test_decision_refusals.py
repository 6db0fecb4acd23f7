"""A decision's remaining refusals: nothing chosen, a nomination the council has not
decided (or already decided on), awards written twice, a decision annulled when each
of its awards already was."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.awards.models import Award
from thidua.awards.services.annulment import annul_award
from thidua.decisions.enums import DecisionState
from thidua.decisions.services.annulment import annul_decision
from thidua.decisions.services.decision import draft_decision, write_awards
from thidua.documents.services.render import render_issued_document

from .factories import issued_decision
from .test_decisions import decided
from .test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 1, 15)
ANNUL = {
    "reason": "Kê khai không trung thực thành tích",
    "annulment_decision": "45/QĐ-SKHĐT",
    "annulled_on": datetime.date(2026, 3, 10),
}


def test_nothing_chosen_or_not_decidable_is_refused(round_, org, users):
    with pytest.raises(ValidationError, match="Chọn ít nhất một hồ sơ"):
        draft_decision(round_, [], planned_on=ON)
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    issued_decision(round_, [nomination], issued_on=ON)
    nomination.refresh_from_db()
    with pytest.raises(ValidationError) as exc:
        draft_decision(round_, [nomination], planned_on=ON)
    assert any(
        m.endswith("chưa được Hội đồng xét hoặc không thuộc đợt xét.")
        for m in exc.value.messages
    )


def test_awards_are_written_once_and_a_decision_with_none_left_is_not_annulled(
    round_, org, users
):
    nomination = decided(round_, org, "dkkd_staff", "LDTT", users)
    decision = issued_decision(round_, [nomination], issued_on=ON)
    render_issued_document(decision.issued_document.pk)
    decision.refresh_from_db()
    assert decision.state == DecisionState.REGISTERED
    assert write_awards(decision.pk) == 0
    assert Award.objects.count() == 1
    annul_award(Award.objects.get(), actor=users["officer"], **ANNUL)
    with pytest.raises(ValidationError, match="không còn khen thưởng nào để hủy bỏ"):
        annul_decision(decision, actor=users["officer"], **ANNUL)
    decision.refresh_from_db()
    assert decision.state == DecisionState.REGISTERED
