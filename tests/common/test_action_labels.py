"""Every audit action the code writes has a Vietnamese label registered by its app
(system check thidua.E101), and no label is left for an action nothing writes."""

import pytest

from thidua.common import actions
from thidua.common.checks import actions_in_source, check_action_labels


def test_every_written_action_has_a_label_and_every_label_an_action():
    written = set(actions_in_source())
    assert written - set(actions.ACTION_LABELS) == set()
    assert set(actions.ACTION_LABELS) - actions.RETIRED_ACTIONS - written == set()
    assert actions.RETIRED_ACTIONS.isdisjoint(written)  # retired means not written
    assert check_action_labels() == []


def test_a_missing_label_fails_the_system_check(monkeypatch):
    labels = dict(actions.ACTION_LABELS)
    labels.pop("documents.rerender")
    monkeypatch.setattr(actions, "ACTION_LABELS", labels)
    monkeypatch.setattr("thidua.common.checks.ACTION_LABELS", labels)
    (error,) = check_action_labels()
    assert error.id == "thidua.E101"
    assert "documents.rerender" in error.msg and "documents/workflows.py" in error.msg


def test_conditional_codes_are_found():
    """``"accounts.lock" if … else "accounts.unlock"`` writes both."""
    assert {"accounts.lock", "accounts.unlock"} <= set(actions_in_source())


def test_one_code_cannot_carry_two_labels():
    with pytest.raises(ValueError, match="labelled twice"):
        actions.register_actions({"documents.rerender": "Một nhãn khác"})


@pytest.mark.django_db
def test_the_audit_log_shows_labels(client_for, users):
    from django.urls import reverse

    from thidua.common.models import ActivityLog

    assert ActivityLog.objects.filter(action="agencies.create").exists()
    page = client_for("admin").get(reverse("audit-log")).content.decode()
    # The code only as the value of the action filter, never shown.
    assert "Thêm cơ quan, đơn vị" in page and ">agencies.create<" not in page
