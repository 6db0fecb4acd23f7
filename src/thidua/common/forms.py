"""Bootstrap classes on every form field, so templates stay generic; every text a form
hands on is NFC. Numbers as Vietnamese type them (CountField, MoneyField,
VietDecimalField)."""

import decimal
import re
import unicodedata

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .money import amount_figures, decimal_figures

__all__ = [
    "CountField",
    "DateInput",
    "MoneyField",
    "StyledFormMixin",
    "VietDecimalField",
]

_MONEY_UNIT = re.compile(r"\s*(đồng|đ|vnđ|vnd)\.?\s*$", re.IGNORECASE)
_MONEY = re.compile(r"\d{1,3}(?:[. ]\d{3})+|\d+")


class MoneyField(forms.IntegerField):
    """Whole đồng as Vietnamese write them: "1.500.000", "1 500 000", "1500000 đ".
    A comma is refused rather than guessed at ("1,5" is one and a half in
    Vietnamese, "1,500" a thousand and a half in English)."""

    default_error_messages = {
        "invalid": _("Ghi số tiền bằng số nguyên đồng, ví dụ 1.500.000."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 10**15)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "numeric"})

    def to_python(self, value):
        if isinstance(value, str):
            text = _MONEY_UNIT.sub("", unicodedata.normalize("NFC", value).strip())
            if text in self.empty_values:
                return None
            if not _MONEY.fullmatch(text):
                raise forms.ValidationError(self.error_messages["invalid"], "invalid")
            value = re.sub(r"[. ]", "", text)
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, int):
            return amount_figures(value)
        return value


class DateInput(forms.DateInput):
    """A text box for dd/mm/yyyy with a calendar button (static/thidua/datepicker.js).

    Not the browser's ``type="date"``: its display follows the operating system's
    locale, so an office PC set to English shows mm/dd/yyyy. The text box reads what
    people type (dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd: formats/vi) and works without the
    script; the picker only fills it in."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "placeholder": "dd/mm/yyyy",
                "inputmode": "numeric",
                "autocomplete": "off",
                "data-datepicker": "",
                **(attrs or {}),
            },
            format="%d/%m/%Y",
        )


# Spaces people and word processors put between groups of three digits.
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_DIGITS = re.compile(r"[0-9]+")
_GROUPED = re.compile(r"[0-9]{1,3}(?:([. ])[0-9]{3})(?:\1[0-9]{3})*")


def _whole_digits(text: str) -> str | None:
    """The digits of a whole part written "1234", "1.234" or "1 234" (groups of three
    after the first, one kind of separator); None when it is neither."""
    if _DIGITS.fullmatch(text):
        return text
    if _GROUPED.fullmatch(text):
        return re.sub(r"[. ]", "", text)
    return None


class VietDecimalField(forms.DecimalField):
    """A decimal number as Vietnamese type it, shown back the same way ("93,5").

    The rule (a value no typing convention can read twice is refused, never guessed):

    * the comma is the decimal comma, always and at most once: "93,5", "1.234,5",
      "1 234,5"; a comma is never a thousands separator, so "1,234,567" is refused;
    * dots (or spaces) before a comma, or several of them, separate thousands and
      must stand between groups of three: "1.234.567";
    * a single dot with no comma is a decimal point ("93.5", typed from a number
      pad) — unless exactly three digits follow it in a field with fewer than three
      decimals: then it can only be a thousands dot, "1.234" = 1234 as Vietnamese
      write it;
    * one comma followed by exactly three digits and no dot ("1,234") in such a field
      is refused as ambiguous (an English thousands separator or a typo);
    * a trailing "%" and spaces around are dropped, so "93,5 %" is 93.5.

    Messages name the field, since a page may hold several numbers."""

    widget = forms.TextInput

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("inputmode", "decimal")
        name = str(self.label or pgettext_lazy("number field", "Giá trị"))
        name = name.replace("%", "%%")
        self.error_messages = {
            **self.error_messages,
            "invalid": gettext("%s: ghi một số, ví dụ 93,5 hoặc 1.234,5.") % name,
            "ambiguous": gettext(
                "%s: “%%(value)s” không rõ — dấu phẩy là dấu thập phân (93,5); "
                "số nghìn ghi 1.234 hoặc 1234."
            )
            % name,
            "max_decimal_places": gettext("%s: tối đa %%(max)s chữ số sau dấu phẩy.")
            % name,
            "max_digits": gettext("%s: tối đa %%(max)s chữ số.") % name,
            "max_whole_digits": gettext("%s: tối đa %%(max)s chữ số trước dấu phẩy.")
            % name,
            "min_value": gettext("%s: không được nhỏ hơn %%(limit_value)s.") % name,
            "max_value": gettext("%s: không được lớn hơn %%(limit_value)s.") % name,
        }

    def _few_decimals(self) -> bool:
        return self.decimal_places is not None and self.decimal_places < 3

    def _plain(self, text: str) -> str:
        """``text`` as Python's Decimal reads it ("1234.5"), or ValidationError."""
        sign = ""
        if text[:1] in ("-", "\u2212"):
            sign, text = "-", text[1:].lstrip()
        if "," in text:
            whole, fraction = text.split(",", 1)
            digits = _whole_digits(whole) if whole else "0"
            if digits is None or not _DIGITS.fullmatch(fraction):
                raise self._invalid()
            if len(fraction) == 3 and whole == digits and self._few_decimals():
                raise forms.ValidationError(
                    self.error_messages["ambiguous"],
                    code="ambiguous",
                    params={"value": text},
                )
            return f"{sign}{digits}.{fraction}"
        if text.count(".") == 1 and " " not in text:
            whole, fraction = text.split(".")
            if len(fraction) == 3 and self._few_decimals() and _GROUPED.fullmatch(text):
                return f"{sign}{whole}{fraction}"  # "1.234": a thousands dot
            if _DIGITS.fullmatch(fraction) and (not whole or _DIGITS.fullmatch(whole)):
                return f"{sign}{whole or '0'}.{fraction}"
            raise self._invalid()
        digits = _whole_digits(text)
        if digits is None:
            raise self._invalid()
        return f"{sign}{digits}"

    def _invalid(self):
        return forms.ValidationError(self.error_messages["invalid"], code="invalid")

    def to_python(self, value):
        if isinstance(value, str):
            text = unicodedata.normalize("NFC", value).strip().removesuffix("%")
            text = _SPACES.sub(" ", text).strip()
            if text in self.empty_values:
                return None
            value = decimal.Decimal(self._plain(text))
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, decimal.Decimal | int | float) and not isinstance(
            value, bool
        ):
            return decimal_figures(value)
        return value


class CountField(forms.IntegerField):
    """A whole number as Vietnamese type it: "1.200", "1 200" or "1200". A comma is
    refused (in Vietnamese it starts decimals), with a message naming the field."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "numeric"})
        name = str(self.label or pgettext_lazy("number field", "Giá trị"))
        self.error_messages = {
            **self.error_messages,
            "invalid": gettext("%s: ghi một số nguyên, ví dụ 1.200.")
            % name.replace("%", "%%"),
        }

    def to_python(self, value):
        if isinstance(value, str):
            text = _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()
            if text in self.empty_values:
                return None
            digits = _whole_digits(text.removeprefix("-"))
            if digits is None:
                raise forms.ValidationError(self.error_messages["invalid"], "invalid")
            value = ("-" if text.startswith("-") else "") + digits
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return decimal_figures(value)
        return value


class StyledFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.HiddenInput):
                continue
            css = "form-select" if isinstance(widget, forms.Select) else "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def _clean_fields(self):
        # Text typed or pasted in NFD (macOS, some Vietnamese keyboards) reaches clean()
        # and the services in NFC; passwords stay exactly as typed.
        super()._clean_fields()
        for name, value in list(self.cleaned_data.items()):
            field = self.fields.get(name)
            if isinstance(value, str) and not isinstance(
                getattr(field, "widget", None), forms.PasswordInput
            ):
                self.cleaned_data[name] = unicodedata.normalize("NFC", value)

    def full_clean(self):
        super().full_clean()
        for name in getattr(self, "_errors", None) or {}:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = (
                    f"{widget.attrs.get('class', '')} is-invalid".strip()
                )
