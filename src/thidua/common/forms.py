"""Bootstrap classes on every form field, so templates stay generic; every text a form
hands on is NFC."""

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from .money import amount_figures

__all__ = ["MoneyField", "StyledFormMixin"]

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
