"""Amounts in figures and words as decisions and plans write them."""

import decimal

import pytest
from django import forms

from thidua.common.forms import MoneyField
from thidua.common.money import (
    amount_clause,
    amount_figures,
    amount_words,
    decimal_figures,
)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (25, "Hai mươi lăm đồng"),
        (105, "Một trăm linh năm đồng"),
        (115, "Một trăm mười lăm đồng"),
        (1_005, "Một nghìn không trăm linh năm đồng"),
        (205_000, "Hai trăm linh năm nghìn đồng"),
        (500_000, "Năm trăm nghìn đồng"),
        (1_050_000, "Một triệu không trăm năm mươi nghìn đồng"),
        (1_000_500, "Một triệu năm trăm đồng"),
        (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
        (120_000_000, "Một trăm hai mươi triệu đồng"),
        (1_002_000_000, "Một tỷ không trăm linh hai triệu đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
    ],
)
def test_amounts_in_words(amount, words):
    assert amount_words(amount) == words


def test_figures_and_clause():
    assert amount_figures(1_500_000) == "1.500.000"
    assert amount_clause(500_000) == "500.000 đồng (Năm trăm nghìn đồng)"
    assert amount_words(3, unit="") == "Ba"
    assert decimal_figures(decimal.Decimal("93.50")) == "93,5"
    assert decimal_figures(decimal.Decimal("1234567.00")) == "1.234.567"
    assert decimal_figures(decimal.Decimal("-0.25")) == "-0,25"
    with pytest.raises(ValueError):
        amount_words(-1)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.500.000", 1_500_000),
        ("1 500 000", 1_500_000),
        ("1500000 đ", 1_500_000),
        ("500.000 đồng", 500_000),
        ("  ", None),
    ],
)
def test_money_field_reads_vietnamese_figures(typed, value):
    assert MoneyField(required=False).clean(typed) == value


@pytest.mark.parametrize("typed", ["1,5", "1.5", "1,500", "abc", "0", "-5"])
def test_money_field_refuses_what_it_would_guess(typed):
    with pytest.raises(forms.ValidationError):
        MoneyField(required=False).clean(typed)


def test_money_field_shows_dots():
    assert MoneyField().prepare_value(2_340_000) == "2.340.000"
    assert MoneyField().prepare_value("12") == "12"
