from django import forms

__all__ = ["DateInput"]


class DateInput(forms.DateInput):
    """A text box for dd/mm/yyyy (no browser date picker: its format follows the OS)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={
                "placeholder": "dd/mm/yyyy",
                "inputmode": "numeric",
                **(attrs or {}),
            },
            format="%d/%m/%Y",
        )
