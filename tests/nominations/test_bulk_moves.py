"""Moving many dossiers of a round at once (issue #17, point 2): the moves offered are
the kernel's, each dossier moves through the single move's service (audited one by
one), all or nothing, and the confirmation says how many of each title."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.common.models import ActivityLog
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination, NominationEvent
from thidua.nominations.selectors.bulk_moves import (
    APPRAISE_TO_COUNCIL,
    bulk_actions,
    bulk_plan,
    steps_of,
)
from thidua.nominations.services.bulk_moves import bulk_move
from thidua.nominations.services.nomination import create_nomination

from .test_nominations import round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def _sent(round_, org, people=("dkkd_staff", "head"), code="LDTT"):  # noqa: F811
    made = []
    for name in people:
        nomination = create_nomination(
            round_, proposing_unit=org.dkkd, person=org.people[name], code=code
        )
        Nomination.objects.filter(pk=nomination.pk).update(
            state=NominationState.SUBMITTED
        )
        nomination.refresh_from_db()
        made.append(nomination)
    return made


def test_steps_and_actions_come_from_the_kernel(round_, org, users):  # noqa: F811
    assert steps_of(APPRAISE_TO_COUNCIL) == ("da_tham_dinh", "trinh_hoi_dong")
    assert steps_of("tra_lai") == ("tra_lai",)
    assert steps_of("bogus") == ()
    first, second = _sent(round_, org)
    officer = [a.key for a in bulk_actions(users["officer"], [first, second])]
    assert officer == ["tra_lai", "da_tham_dinh", APPRAISE_TO_COUNCIL]
    assert first.bulk_moves == "tra_lai da_tham_dinh " + APPRAISE_TO_COUNCIL
    # The unit head sees them and moves none of them.
    assert bulk_actions(users["unit_head"], [first, second]) == []
    assert bulk_plan(users["officer"], [first], "bogus") is None
    assert bulk_plan(users["officer"], [first], "nhap") is None
    plan = bulk_plan(users["officer"], [first, second], "tra_lai")
    assert (plan.label, plan.needs_reason, plan.blocked) == ("Trả lại", True, [])
    assert plan.counts == [("Lao động tiên tiến", 2)]
    chain = bulk_plan(users["officer"], [first], APPRAISE_TO_COUNCIL)
    assert (chain.asks_for, chain.needs_reason) == ("appraisal", False)
    refused = bulk_plan(users["unit_head"], [first], "da_tham_dinh")
    assert "không có quyền" in refused.blocked[0][1]
    Nomination.objects.filter(pk=second.pk).update(state=NominationState.DRAFT)
    second.refresh_from_db()
    plan = bulk_plan(users["officer"], [first, second], "da_tham_dinh")
    assert plan.blocked == [(second, plan.blocked[0][1])]
    assert "Nháp" in plan.blocked[0][1]


def test_appraise_and_send_to_council_in_one_step(round_, org, users):  # noqa: F811
    dossiers = _sent(round_, org)
    moved = bulk_move(
        dossiers,
        APPRAISE_TO_COUNCIL,
        actor=users["officer"],
        appraisal="Đủ điều kiện.",
        versions={dossiers[0].pk: dossiers[0].version},
    )
    assert moved == 2
    for nomination in dossiers:
        nomination.refresh_from_db()
        assert (nomination.state, nomination.appraisal) == (
            "trinh_hoi_dong",
            "Đủ điều kiện.",
        )
        assert nomination.appraised_by == users["officer"]
    # Two moves per dossier, each on the timeline and in the audit log.
    assert NominationEvent.objects.count() == 4
    assert ActivityLog.objects.filter(action="nominations.transition").count() == 4


def test_one_that_cannot_move_and_none_moves(round_, org, users):  # noqa: F811
    first, second = _sent(round_, org)
    stale = {second.pk: second.version + 1}
    with pytest.raises(ValidationError) as exc:
        bulk_move(
            [first, second], "da_tham_dinh", actor=users["officer"], versions=stale
        )
    assert exc.value.messages[0] == "Không hồ sơ nào được chuyển, vì:"
    assert str(second) in exc.value.messages[1]
    assert set(Nomination.objects.values_list("state", flat=True)) == {"da_gui"}
    with pytest.raises(ValidationError) as exc:
        bulk_move([first], "da_tham_dinh", actor=users["unit_head"])
    assert "không có quyền" in exc.value.messages[1]
    with pytest.raises(ValidationError, match="Thao tác không hợp lệ"):
        bulk_move([first], "bogus", actor=users["officer"])
    with pytest.raises(ValidationError, match="Chưa chọn"):
        bulk_move([], "tra_lai", actor=users["officer"])
    assert not NominationEvent.objects.exists()


def test_bulk_return_through_the_pages(client_for, round_, org):  # noqa: F811
    first, second = _sent(round_, org)
    officer = client_for("officer")
    page = officer.get(round_.get_absolute_url())
    assert [a.key for a in page.context["bulk_actions"]][:2] == [
        "tra_lai",
        "da_tham_dinh",
    ]
    url = reverse("nominations:round-bulk-move", args=[round_.pk])
    ids = [first.pk, second.pk, 999999, "x"]
    confirm = officer.post(url, {"ho_so": ids, "action": "tra_lai"})
    assert confirm.context["plan"].counts == [("Lao động tiên tiến", 2)]
    assert 'name="xac_nhan"' in confirm.content.decode()
    # A return needs its reason: asked again, nothing moved.
    again = officer.post(url, {"ho_so": ids, "action": "tra_lai", "xac_nhan": "1"})
    assert again.status_code == 200
    done = officer.post(
        url,
        {
            "ho_so": ids,
            "action": "tra_lai",
            "xac_nhan": "1",
            "reason": "Thiếu biên bản.",
            f"v{first.pk}": str(first.version),
            f"v{second.pk}": "x",
        },
        follow=True,
    )
    assert "Đã chuyển 2 hồ sơ: Trả lại." in done.content.decode()
    assert set(Nomination.objects.values_list("state", "reason")) == {
        ("tra_lai", "Thiếu biên bản.")
    }
    failed = officer.post(
        url, {"ho_so": ids, "action": "tra_lai", "xac_nhan": "1", "reason": "x"}
    )
    assert failed.status_code == 200 and failed.context["plan"].blocked
    # The unit head sends them back in one step, warned of what the engine misses.
    head = client_for("unit_head")
    warned = head.post(url, {"ho_so": ids, "action": "da_gui"})
    assert warned.context["warnings"]
    for data in ({"action": "bogus", "ho_so": ids}, {"action": "tra_lai"}):
        response = officer.post(url, data, follow=True)
        assert response.redirect_chain[-1][0] == round_.get_absolute_url()


def test_a_refusal_while_moving_is_reported(client_for, round_, org):  # noqa: F811
    nomination = create_nomination(
        round_, proposing_unit=org.dkkd, person=org.people["dkkd_staff"], code="LDTT"
    )
    url = reverse("nominations:round-bulk-move", args=[round_.pk])
    # The dossier lacks its files: the kernel's own refusal, named per dossier.
    response = client_for("unit_head").post(
        url,
        {"ho_so": [nomination.pk], "action": "da_gui", "xac_nhan": "1"},
        follow=True,
    )
    content = response.content.decode()
    assert "Không hồ sơ nào được chuyển" in content
    assert "Hồ sơ còn thiếu" in content
    nomination.refresh_from_db()
    assert nomination.state == "nhap"
