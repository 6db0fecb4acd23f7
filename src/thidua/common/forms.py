"""Bootstrap classes on every form field, so templates stay generic; every text a form
hands on is NFC."""

import unicodedata

from django import forms

__all__ = ["StyledFormMixin"]


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
