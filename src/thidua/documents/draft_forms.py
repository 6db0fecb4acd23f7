"""Forms of the documents written in thidua (drafts): where a new one starts, a DOCX
brought in, a file attached, the text kept as the agency's template."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin

from .drafting.content import KINDS
from .drafting.templates import builtin_templates

__all__ = ["AttachForm", "DraftImportForm", "DraftStartForm", "TemplateNameForm"]


class _AgencyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


def start_choices(agency_templates) -> list:
    """Where a new document starts, grouped: the built-in templates by kind, the
    agency's own templates, an empty document of a kind."""
    groups = []
    for code, kind in KINDS.items():
        options = [(f"mau:{t.code}", t.name) for t in builtin_templates(code)]
        if options:
            groups.append((_("Mẫu có sẵn – %(kind)s") % {"kind": kind.label}, options))
    own = [(f"rieng:{t.pk}", t.name) for t in agency_templates]
    if own:
        groups.append((_("Mẫu của cơ quan"), own))
    groups.append(
        (
            _("Văn bản trống"),
            [(f"trong:{code}", kind.label) for code, kind in KINDS.items()],
        )
    )
    return groups


class DraftStartForm(StyledFormMixin, forms.Form):
    agency = _AgencyChoice(
        label=gettext_lazy("Cơ quan ban hành"), queryset=None, empty_label=None
    )
    start = forms.ChoiceField(label=gettext_lazy("Bắt đầu từ"))

    def __init__(self, *args, agencies, templates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["start"].choices = start_choices(templates)


class DraftImportForm(StyledFormMixin, forms.Form):
    agency = _AgencyChoice(
        label=gettext_lazy("Cơ quan ban hành"), queryset=None, empty_label=None
    )
    file = forms.FileField(
        label=gettext_lazy("Tệp Word (.docx)"),
        help_text=gettext_lazy(
            "Văn bản năm trước hoặc của cơ quan khác: phần đầu, số, căn cứ, các mục, "
            "bảng, nơi nhận, người ký và phụ lục được đọc vào để sửa tiếp."
        ),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class AttachForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=gettext_lazy("Tệp kèm theo"))


class TemplateNameForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=gettext_lazy("Tên mẫu"), max_length=200)
