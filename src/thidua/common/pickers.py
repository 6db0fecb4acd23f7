"""A choice of person with a search box (issue #17: the account page's plain list of 95
names). In common because accounts, below organizations, picks people too: it reads a
person's ``full_name``, ``unit`` and ``cccd`` and imports no model."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext as _

from .text import search_words

__all__ = ["PersonChoiceField", "PersonSelect"]


class PersonSelect(forms.Select):
    """A list of people with a search box above it: typing part of a name (without
    diacritics too), of the unit or of the CCCD keeps the matching people only
    (static/thidua/person_picker.js). Without script it is the plain list, whose
    entries say the person's unit so that two namesakes can be told apart."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        person = getattr(value, "instance", None)
        if person is not None:
            unit = person.unit
            unit_name = (unit.short_name or unit.name) if unit else ""
            option["label"] = (
                f"{person.full_name} – {unit_name}" if unit_name else person.full_name
            )
            names = {unit_name, unit.name} if unit else set()
            # The CCCD as typed (search_words would drop its leading zero).
            option["attrs"]["data-search"] = " ".join(
                [search_words(person.full_name, *sorted(names)), person.cccd or ""]
            ).strip()
        return option

    def render(self, name, value, attrs=None, renderer=None):
        select = super().render(name, value, attrs, renderer)
        target = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        search = format_html(
            '<input type="search" class="form-control form-control-sm mb-1 '
            'person-picker-search" data-picker-for="{}" placeholder="{}" '
            'aria-label="{}" aria-describedby="{}-found" autocomplete="off">'
            '<span class="visually-hidden" id="{}-found" aria-live="polite"></span>',
            target,
            _("Tìm theo tên, đơn vị hoặc số CCCD…"),
            _("Tìm cá nhân theo tên, đơn vị hoặc số CCCD"),
            target,
            target,
        )
        return search + select


class PersonChoiceField(forms.ModelChoiceField):
    """A person chosen from ``queryset`` through :class:`PersonSelect`; the people's
    units are read with them (one query for the list, whatever its length)."""

    widget = PersonSelect

    def _set_queryset(self, queryset):
        if queryset is not None:
            queryset = queryset.select_related("unit")
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)
