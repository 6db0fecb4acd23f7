"""Indicator values the Vietnamese way (#17, point 3): "93,5" typed with a decimal
comma is 93.5 (it was once read as 935 and turned a target green), shown back as
"93,5"; an indicator in % takes only 0–100, the message naming the indicator."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from thidua.movements.enums import IndicatorState
from thidua.movements.models import Indicator, ProgressReport
from thidua.movements.services.movement import update_movement
from thidua.movements.services.progress import (
    is_percent,
    report_progress,
    save_indicator,
)

from .factories import ISSUED_ON, issue_movement, make_movement

pytestmark = pytest.mark.django_db
NAME = "Tỷ lệ hồ sơ đăng ký doanh nghiệp qua mạng"


@pytest.fixture
def movement(org):
    draft = make_movement(org)
    update_movement(draft, {"starts_on": datetime.date(2026, 1, 1)})
    return issue_movement(draft, issued_on=ISSUED_ON)


def _indicator(movement, org, **fields):
    return save_indicator(
        movement,
        **{
            "name": NAME,
            "unit_of_measure": "%",
            "baseline": Decimal("60"),
            "target": Decimal("95"),
            "direction": "tang",
            "owner": org.dkkd,
            "due_on": datetime.date(2026, 12, 31),
            **fields,
        },
    )


@time_machine.travel(datetime.date(2026, 7, 2))
def test_a_decimal_comma_is_stored_as_a_decimal_and_shown_back(
    client_for, movement, org
):
    indicator = _indicator(movement, org)
    url = reverse("movements:progress-report", args=[movement.pk, indicator.pk])
    response = client_for("unit_head").post(
        url, {"reported_on": "30/06/2026", "value": "93,5"}
    )
    assert response.status_code == 302
    assert ProgressReport.objects.get().value == Decimal("93.5")  # not 935
    board = client_for("officer").get(
        reverse("movements:indicator-board", args=[movement.pk])
    )
    body = board.content.decode()
    assert '<strong data-testid="latest-value">93,5 %' in body
    assert "60 → " in body and "95 %" in body  # baseline and target, no "95,00"
    assert 'data-target="95.00"' in body and 'data-values="93.50"' in body  # for JS
    assert board.context["rows"][0]["status"].state != IndicatorState.MET  # < 95


@time_machine.travel(datetime.date(2026, 7, 2))
def test_a_value_a_form_refuses_is_shown_again_with_the_reason(
    client_for, movement, org
):
    indicator = _indicator(movement, org)
    url = reverse("movements:progress-report", args=[movement.pk, indicator.pk])
    client = client_for("unit_head")
    ambiguous = client.post(url, {"reported_on": "30/06/2026", "value": "1,234"})
    body = ambiguous.content.decode()
    assert ambiguous.status_code == 200 and "“1,234” không rõ" in body
    assert 'value="1,234"' in body
    over = client.post(url, {"reported_on": "30/06/2026", "value": "120,5"})
    assert f"Chỉ tiêu “{NAME}” tính bằng %: giá trị đạt được phải từ 0 đến 100." in (
        over.content.decode()
    )
    assert not ProgressReport.objects.exists()


def test_the_indicator_form_reads_and_shows_decimal_commas(client_for, movement, org):
    client = client_for("officer")
    url = reverse("movements:indicator-create", args=[movement.pk])
    data = {
        "name": "Giải ngân vốn đầu tư công",
        "unit_of_measure": "%",
        "baseline": "12,5",
        "target": "95,5",
        "direction": "tang",
        "owner": org.skhdt.pk,
        "due_on": "31/12/2026",
    }
    client.post(url, data)
    indicator = Indicator.objects.get()
    assert (indicator.baseline, indicator.target) == (Decimal("12.5"), Decimal("95.5"))
    refused = client.post(url, {**data, "target": "101"})
    assert (
        "Chỉ tiêu “Giải ngân vốn đầu tư công” tính bằng %: chỉ tiêu phấn đấu phải từ 0 "
        "đến 100." in refused.content.decode()
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"baseline": Decimal("-1")}, "baseline"),
        ({"target": Decimal("100.01")}, "target"),
        ({"unit_of_measure": " Phần trăm ", "target": Decimal("150")}, "target"),
    ],
)
def test_an_indicator_in_percent_stays_within_0_to_100(movement, org, fields, field):
    with pytest.raises(ValidationError) as refused:
        _indicator(movement, org, **fields)
    assert list(refused.value.message_dict) == [field]
    assert NAME in refused.value.message_dict[field][0]


def test_other_units_are_not_capped_at_100(movement, org):
    indicator = _indicator(
        movement, org, unit_of_measure="hồ sơ", baseline=0, target=Decimal("1500")
    )
    assert not is_percent(indicator)
    report = report_progress(
        indicator, reported_on=datetime.date(2026, 1, 2), value=Decimal("1200.5")
    )
    assert report.value == Decimal("1200.5")


def test_a_percent_value_over_100_is_refused_by_the_service(movement, org):
    indicator = _indicator(movement, org, target=Decimal("100"))
    assert is_percent(indicator)
    with pytest.raises(ValidationError) as refused:
        report_progress(
            indicator, reported_on=datetime.date(2026, 1, 2), value=Decimal("935")
        )
    assert (
        "giá trị đạt được phải từ 0 đến 100" in refused.value.message_dict["value"][0]
    )
    assert report_progress(
        indicator, reported_on=datetime.date(2026, 1, 2), value=Decimal("100")
    ).value == Decimal("100")
