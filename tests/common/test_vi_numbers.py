"""Numbers and dates the Vietnamese way (#17, point 3): what the number fields read,
how every page shows a number, a share and an amount, and the date box."""

import datetime
from decimal import Decimal

import pytest
from django import forms
from django.template import Context, Template

from thidua.common.forms import CountField, DateInput, VietDecimalField
from thidua.common.money import decimal_figures, money_figures, percent_figures


def _field(**kwargs):
    return VietDecimalField(
        label="Giá trị đạt được", max_digits=16, decimal_places=2, **kwargs
    )


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("93,5", Decimal("93.5")),  # the decimal comma (the bug: it became 935)
        ("93.5", Decimal("93.5")),  # a number pad's point
        ("1.234,5", Decimal("1234.5")),
        ("1 234,5", Decimal("1234.5")),
        ("1\u00a0234,5", Decimal("1234.5")),  # a no-break space from a word processor
        ("1.234", Decimal("1234")),  # a dot before three digits: thousands
        ("1.234.567", Decimal("1234567")),
        ("1 234 567", Decimal("1234567")),
        ("93,5 %", Decimal("93.5")),
        ("  70 ", Decimal("70")),
        ("-2,5", Decimal("-2.5")),
        ("\u22122,5", Decimal("-2.5")),  # the minus sign of a word processor
        (",5", Decimal("0.5")),
        (".5", Decimal("0.5")),
        ("0,25", Decimal("0.25")),
    ],
)
def test_the_decimal_field_reads_vietnamese_numbers(typed, number):
    assert _field().clean(typed) == number


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1,234", "“1,234” không rõ"),  # English thousands or three decimals
        ("1,234,567", "ghi một số"),  # a comma never separates thousands
        ("1,234.5", "ghi một số"),  # English order
        ("abc", "ghi một số"),
        ("1.2.3", "ghi một số"),
        ("1.23.456", "ghi một số"),
        ("12.34.567", "ghi một số"),
        ("1 234.5", "ghi một số"),  # spaces and a dot: two conventions at once
        ("1,2a", "ghi một số"),
        ("a.5", "ghi một số"),
        ("1,2345", "tối đa 2 chữ số sau dấu phẩy"),
        ("1234.567", "tối đa 2 chữ số sau dấu phẩy"),
        ("12345678901234567", "tối đa 16 chữ số"),
        ("123456789012345,5", "tối đa 14 chữ số trước dấu phẩy"),
    ],
)
def test_the_decimal_field_refuses_what_it_cannot_read_once(typed, message):
    with pytest.raises(forms.ValidationError) as refused:
        _field().clean(typed)
    text = refused.value.messages[0]
    assert text.startswith("Giá trị đạt được: ") and message in text


def test_the_decimal_field_names_its_limits_and_stays_optional():
    field = _field(min_value=0, max_value=100, required=False)
    assert field.clean("") is None
    for typed, message in (("-1", "không được nhỏ hơn 0"), ("101", "lớn hơn 100")):
        with pytest.raises(forms.ValidationError, match=message):
            field.clean(typed)
    assert field.clean(Decimal("5")) == Decimal("5")  # a value, not text


def test_a_field_with_three_decimals_reads_a_dot_as_a_decimal_point():
    field = VietDecimalField(max_digits=10, decimal_places=3)
    assert field.clean("1.234") == Decimal("1.234")
    assert field.clean("1,234") == Decimal("1.234")
    with pytest.raises(forms.ValidationError, match="Giá trị: ghi một số"):
        field.clean("x")


def test_the_decimal_field_shows_its_value_the_vietnamese_way():
    field = _field()
    assert field.prepare_value(Decimal("93.50")) == "93,5"
    assert field.prepare_value(Decimal("1234567.25")) == "1.234.567,25"
    assert field.prepare_value(1234) == "1.234"
    assert field.prepare_value("93,5") == "93,5"  # what was typed, shown again as is
    html = field.widget.render("value", field.prepare_value(Decimal("93.5")))
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert 'value="93,5"' in html and "step" not in html


class _ProgressLike(forms.Form):
    value = _field()


def test_a_form_shown_again_keeps_the_comma():
    bound = _ProgressLike(data={"value": "93,5"})
    assert bound.is_valid() and bound.cleaned_data["value"] == Decimal("93.5")
    assert 'value="93,5"' in str(bound["value"])
    assert 'value="93,5"' in str(_ProgressLike(initial={"value": Decimal("93.5")}))


@pytest.mark.parametrize(
    ("typed", "number"),
    [("1.200", 1200), ("1 200", 1200), ("1200", 1200), ("-3", -3), ("", None)],
)
def test_the_count_field_reads_thousands(typed, number):
    assert CountField(label="Số người", required=False).clean(typed) == number


@pytest.mark.parametrize("typed", ["1,2", "1,200", "12.00", "x"])
def test_the_count_field_refuses_decimals_and_commas(typed):
    with pytest.raises(forms.ValidationError, match="Số người: ghi một số nguyên"):
        CountField(label="Số người").clean(typed)


def test_the_count_field_shows_thousands_with_dots():
    field = CountField(label="Số người")
    assert field.prepare_value(1200) == "1.200"
    assert field.prepare_value("1.200") == "1.200"
    assert field.prepare_value(True) is True
    assert field.clean(7) == 7


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("1234.50"), None, "1.234,5"),
        (Decimal("66.666"), 1, "66,7"),
        (Decimal("-0.04"), 1, "0"),  # no "-0" after rounding
        (2.5, None, "2,5"),  # a float as it reads, not 2.50000000000000001
        (1234567, None, "1.234.567"),
    ],
)
def test_decimal_figures(value, places, text):
    assert decimal_figures(value, places) == text


def test_percent_and_money_figures():
    assert percent_figures(Decimal("93.5")) == "93,5 %"
    assert percent_figures(100) == "100 %"  # the minutes' "100.0 %"
    assert percent_figures(Decimal(200) / 3) == "66,7 %"
    assert percent_figures(Decimal("12.345"), 2) == "12,35 %"
    assert money_figures(2530000) == "2.530.000 đ"  # beside "760.000", one format


def _render(text: str, **context) -> str:
    return Template("{% load thidua %}" + text).render(Context(context))


@pytest.mark.parametrize(
    ("template", "value", "shown"),
    [
        ("{{ v|vi_number }}", Decimal("93.50"), "93,5"),
        ("{{ v|vi_number }}", 1234567, "1.234.567"),
        ("{{ v|vi_number:1 }}", Decimal("66.666"), "66,7"),
        ("{{ v|vi_number }}", None, ""),
        ("{{ v|vi_number }}", "", ""),
        ("{{ v|vi_number }}", "không rõ", "không rõ"),
        ("{{ v|vi_number }}", True, "True"),
        ("{{ v|vi_percent }}", Decimal("93.5"), "93,5 %"),
        ("{{ v|vi_percent }}", 100, "100 %"),
        ("{{ v|vi_percent:0 }}", 66, "66 %"),
        ("{{ v|vi_percent }}", None, ""),
        ("{{ v|vi_percent }}", "–", "–"),
        ("{{ v|vi_money }}", 2530000, "2.530.000 đ"),
        ("{{ v|vi_money }}", None, ""),
        ("{{ v|vi_money }}", "x", "x"),
    ],
)
def test_the_number_filters(template, value, shown):
    assert _render(template, v=value) == shown


class _DateForm(forms.Form):
    day = forms.DateField(widget=DateInput())


@pytest.mark.parametrize(
    "typed", ["05/03/2026", "5/3/2026", "05-03-2026", "05.03.2026", "2026-03-05"]
)
def test_date_boxes_read_the_vietnamese_order(typed):
    form = _DateForm(data={"day": typed})
    assert form.is_valid() and form.cleaned_data["day"] == datetime.date(2026, 3, 5)


def test_date_boxes_show_dd_mm_yyyy_and_carry_the_picker():
    html = str(_DateForm(initial={"day": datetime.date(2026, 3, 5)})["day"])
    assert 'value="05/03/2026"' in html and 'type="text"' in html
    assert "data-datepicker" in html and 'placeholder="dd/mm/yyyy"' in html
    assert not _DateForm(data={"day": "03/25/2026"}).is_valid()  # no month 25
