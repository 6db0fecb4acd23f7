"""The council pages' forms."""

from django import forms
from django.utils.translation import gettext_lazy

from thidua.common.forms import CountField, DateInput, StyledFormMixin

__all__ = ["MeetingForm", "PaperResultForm"]


class MeetingForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên phiên họp"), max_length=255)
    scheduled_at = forms.DateTimeField(
        label=gettext_lazy("Thời gian (dd/mm/yyyy hh:mm)"),
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M"),
    )
    location = forms.CharField(
        label=gettext_lazy("Địa điểm"), max_length=255, required=False
    )


class PaperResultForm(StyledFormMixin, forms.Form):
    """Kết quả họp trên giấy: the tally of the signed minutes, and the file itself."""

    council = forms.ModelChoiceField(
        label=gettext_lazy("Hội đồng"), queryset=None, empty_label=None
    )
    met_on = forms.DateField(
        label=gettext_lazy("Ngày họp (dd/mm/yyyy)"), widget=DateInput()
    )
    roster_size = CountField(label=gettext_lazy("Số thành viên được biểu quyết"))
    yes = CountField(label=gettext_lazy("Số phiếu đồng ý"))
    no = CountField(label=gettext_lazy("Số phiếu không đồng ý"))
    minutes = forms.FileField(label=gettext_lazy("Biên bản họp đã ký (tệp quét)"))
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"), max_length=500, required=False
    )

    def __init__(self, *args, councils, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = councils
