"""The registration form of a unit or person joining a movement."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin

from ..enums import COLLECTIVE_TITLES, INDIVIDUAL_TITLES

__all__ = ["FILL_ACTIONS", "RegistrationForm", "filled"]

# "Chọn cho tất cả": the buttons that put one title on many rows of the form (nothing
# saved: the unit reviews the rows, then saves or sends as usual).
FILL_ACTIONS = ("fill_all", "fill_selected", "fill_empty")


class RegistrationForm(StyledFormMixin, forms.Form):
    collective_title = forms.ChoiceField(
        label=gettext_lazy("Danh hiệu tập thể đăng ký"),
        choices=[("", gettext_lazy("— không đăng ký —")), *COLLECTIVE_TITLES],
        required=False,
    )
    pledges = forms.CharField(
        label=gettext_lazy("Nội dung giao ước, cam kết của đơn vị"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = list(people)
        choices = [("", "—"), *INDIVIDUAL_TITLES]
        for person in self.people:
            # The table's cells have no <label>: each control names its person, so a
            # screen reader says whose title or pledge it is.
            self.fields[f"title_{person.pk}"] = forms.ChoiceField(
                label=person.full_name,
                choices=choices,
                required=False,
                widget=forms.Select(
                    attrs={
                        "aria-label": _("Danh hiệu đăng ký của %(name)s")
                        % {"name": person.full_name}
                    }
                ),
            )
            self.fields[f"pledge_{person.pk}"] = forms.CharField(
                label=_("Cam kết"),
                required=False,
                max_length=500,
                widget=forms.TextInput(
                    attrs={
                        "aria-label": _("Cam kết của %(name)s")
                        % {"name": person.full_name}
                    }
                ),
            )
        # The fields above were added after the mixin styled the form.
        for name, field in self.fields.items():
            if name.startswith(("title_", "pledge_")):
                css = (
                    "form-select form-select-sm"
                    if name.startswith("title_")
                    else ("form-control form-control-sm")
                )
                field.widget.attrs["class"] = css

    def member_rows(self):
        return [(p, self[f"title_{p.pk}"], self[f"pledge_{p.pk}"]) for p in self.people]

    @property
    def fill_choices(self):
        return INDIVIDUAL_TITLES

    def entries(self) -> list[dict]:
        return [
            {
                "person": p,
                "title": self.cleaned_data[f"title_{p.pk}"],
                "pledge": self.cleaned_data[f"pledge_{p.pk}"],
            }
            for p in self.people
            if self.cleaned_data.get(f"title_{p.pk}")
        ]


def filled(data, people, action: str) -> tuple[object, int]:
    """The posted form with the chosen title (``fill_title``) on every member
    (``fill_all``), the ticked ones (``fill_selected``, ``chon``) or those without a
    title yet (``fill_empty``: "thêm tất cả cán bộ của đơn vị"), and how many rows
    changed. An unknown title changes nothing."""
    data = data.copy()
    title = data.get("fill_title", "")
    if title not in dict(INDIVIDUAL_TITLES):
        return data, 0
    ticked = set(data.getlist("chon"))
    changed = 0
    for person in people:
        field = f"title_{person.pk}"
        if (
            action == "fill_all"
            or (action == "fill_selected" and str(person.pk) in ticked)
            or (action == "fill_empty" and not data.get(field))
        ):
            changed += data.get(field) != title
            data[field] = title
    return data, changed
