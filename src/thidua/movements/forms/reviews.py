"""The form of a sơ kết / tổng kết report."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import StyledFormMixin

__all__ = ["ReviewForm"]


class ReviewForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Trích yếu"), max_length=500)
    signer_title = forms.CharField(
        label=gettext_lazy("Chức vụ người ký"), max_length=160
    )
    signer_name = forms.CharField(
        label=gettext_lazy("Họ tên người ký"), max_length=120, required=False
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = len(sections)
        for index, section in enumerate(sections):
            self.fields[f"section_{index}_title"] = forms.CharField(
                label=gettext_lazy("Mục %(n)s") % {"n": index + 1},
                initial=section["title"],
                max_length=200,
            )
            self.fields[f"section_{index}_text"] = forms.CharField(
                label=gettext_lazy("Nội dung"),
                initial=section["text"],
                required=False,
                widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
            )
            self.fields[f"section_{index}_title"].widget.attrs["class"] = "form-control"

    def sections(self) -> list[dict]:
        return [
            {
                "title": self.cleaned_data[f"section_{i}_title"],
                "text": self.cleaned_data[f"section_{i}_text"],
            }
            for i in range(self.count)
        ]
