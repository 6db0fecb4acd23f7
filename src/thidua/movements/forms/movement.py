from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from thidua.common.forms import CountField, MoneyField, StyledFormMixin
from thidua.organizations.forms.widgets import DateInput
from thidua.organizations.models import Agency, Cluster, Council

from ..models import AwardUnit, Duty, Movement, Recipient
from ..services.movement import MOVEMENT_FIELDS

__all__ = [
    "SECTION_FORMSETS",
    "ContentItemForm",
    "AwardForm",
    "DutyForm",
    "FundingForm",
    "ImplementedDocumentForm",
    "MovementForm",
    "ParentMovementForm",
    "PurposeForm",
    "RecipientForm",
    "RoundForm",
]

MARKUP_HELP = _(
    "Định dạng: **đậm**, *nghiêng*, [^nội dung chú thích] để thêm chú thích."
)


class MovementForm(StyledFormMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Movement
        fields = MOVEMENT_FIELDS
        widgets = {
            "name": forms.Textarea(attrs={"rows": 2}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "registration_deadline": DateInput(),
            "theme": forms.Textarea(attrs={"rows": 2}),
            "audience": forms.Textarea(attrs={"rows": 2}),
            "theme_intro": forms.Textarea(attrs={"rows": 3}),
            "opening": forms.Textarea(attrs={"rows": 4}),
            "closing": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"theme_intro": MARKUP_HELP, "opening": MARKUP_HELP}

    def __init__(self, *args, agencies=None, clusters=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agencies is not None:
            self.fields["scope_agency"].queryset = agencies
        if clusters is not None:
            self.fields["scope_cluster"].queryset = clusters
        self.fields["confirm_within_days"].required = False
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def clean_confirm_within_days(self):
        value = self.cleaned_data.get("confirm_within_days")
        return 10 if value is None else value

    def _post_clean(self):
        pass  # the service validates the movement as a whole


class _ItemForm(StyledFormMixin, forms.Form):
    """One item of an ordered section (formset with ordering and deletion)."""


class PurposeForm(_ItemForm):
    text = forms.CharField(
        label=_("Mục đích"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=MARKUP_HELP,
    )


class ContentItemForm(_ItemForm):
    text = forms.CharField(
        label=_("Nội dung thi đua"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MARKUP_HELP,
    )


class DutyForm(_ItemForm):
    actor = forms.ChoiceField(
        label=_("Đối tượng"), choices=Duty._meta.get_field("actor").choices
    )
    text = forms.CharField(
        label=_("Nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RecipientForm(_ItemForm):
    """A Nơi nhận line; naming the agency or cluster makes it an inbox delivery."""

    kind = forms.ChoiceField(
        label=_("Loại"), choices=Recipient._meta.get_field("kind").choices
    )
    label = forms.CharField(label=_("Ghi trên văn bản"), max_length=255)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan, đơn vị (để gửi vào hộp văn bản đến)"),
        queryset=Agency.objects.order_by("name"),
        required=False,
    )
    council = forms.ModelChoiceField(
        label=_("Hội đồng"), queryset=Council.objects.order_by("name"), required=False
    )
    cluster = forms.ModelChoiceField(
        label=_("Cụm, khối thi đua"),
        queryset=Cluster.objects.order_by("name"),
        required=False,
    )

    def clean(self):
        data = super().clean()
        needs = {
            "co_quan": "agency",
            "don_vi_truc_thuoc": "agency",
            "cum_khoi": "cluster",
            "hoi_dong": "council",
        }.get(data.get("kind"))
        if needs and not data.get(needs):
            self.add_error(needs, _("Hãy chọn nơi nhận tương ứng với loại đã chọn."))
        return data


class ParentMovementForm(_ItemForm):
    name = forms.CharField(label=_("Tên phong trào cấp trên"), max_length=500)
    launched_by = forms.CharField(
        label=_("Cấp phát động"), max_length=160, required=False
    )


class ImplementedDocumentForm(_ItemForm):
    doc_type = forms.CharField(label=_("Loại văn bản"), max_length=40)
    number_symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=60)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=DateInput())
    issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=160)
    summary = forms.CharField(
        label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2})
    )


class RoundForm(_ItemForm):
    """A đợt: by dates, by school weeks, or ending with an event."""

    name = forms.CharField(
        label=_("Tên đợt"), max_length=160, help_text=_("Ví dụ: Đợt 1; Học kỳ I.")
    )
    starts_on = forms.DateField(label=_("Từ ngày"), widget=DateInput(), required=False)
    ends_on = forms.DateField(label=_("Đến ngày"), widget=DateInput(), required=False)
    weeks_from = forms.IntegerField(
        label=_("Từ tuần (tuần học)"), min_value=1, max_value=60, required=False
    )
    weeks_to = forms.IntegerField(
        label=_("Đến tuần (tuần học)"), min_value=1, max_value=60, required=False
    )
    ends_with = forms.CharField(
        label=_("Kết thúc khi (sự kiện)"),
        max_length=255,
        required=False,
        help_text=_(
            "Khi đợt kết thúc gắn với một sự kiện, ví dụ: Lễ tổng kết năm học."
        ),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_on"), data.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("Ngày kết thúc trước ngày bắt đầu."))
        first, last = data.get("weeks_from"), data.get("weeks_to")
        if first and last and last < first:
            self.add_error("weeks_to", _("Tuần kết thúc trước tuần bắt đầu."))
        said = (starts, ends, first, last, (data.get("ends_with") or "").strip())
        if data.get("name") and not any(said):
            raise forms.ValidationError(
                _("Hãy ghi thời gian của đợt: ngày, tuần học hoặc sự kiện kết thúc.")
            )
        return data


class AwardForm(_ItemForm):
    """A form of award with its tier, count, cash per award and gift in kind."""

    form = forms.CharField(
        label=_("Hình thức khen thưởng"),
        max_length=255,
        help_text=_(
            "Ví dụ: Giấy khen của Hiệu trưởng; Bằng khen của Chủ tịch UBND tỉnh."
        ),
    )
    tier = forms.CharField(
        label=_("Hạng, mức"),
        max_length=120,
        required=False,
        help_text=_("Ví dụ: Giải Nhất; Loại A. Để trống nếu không chia hạng."),
    )
    unit = forms.ChoiceField(
        label=_("Tính theo"), choices=AwardUnit.choices, initial=AwardUnit.PRIZE
    )
    quota = CountField(
        label=_("Số lượng"),
        min_value=1,
        required=False,
        help_text=_("Để trống nếu không định trước số lượng."),
    )
    cash = MoneyField(label=_("Tiền thưởng mỗi suất (đồng)"), required=False)
    gift = forms.CharField(
        label=_("Hiện vật"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: 01 bộ sách tham khảo."),
    )


class FundingForm(_ItemForm):
    source = forms.CharField(
        label=_("Nguồn kinh phí"),
        max_length=255,
        help_text=_("Ví dụ: Quỹ thi đua, khen thưởng của cơ quan; nguồn xã hội hóa."),
    )
    amount = MoneyField(
        label=_("Số tiền (đồng)"),
        required=False,
        help_text=_("Để trống nếu chưa xác định."),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)


# Items per section: a posted TOTAL_FORMS is believed up to this (Django's default,
# 1,000 more than max_num, made one request build and render 2,000 forms: seconds).
MAX_ITEMS = 100


def _section(form):
    return formset_factory(
        form,
        extra=1,
        can_delete=True,
        can_order=True,
        max_num=MAX_ITEMS,
        absolute_max=MAX_ITEMS,
        validate_max=True,
    )


# section -> (title, formset class)
SECTION_FORMSETS = {
    "purposes": (_("Mục đích"), _section(PurposeForm)),
    "contents": (_("Nội dung thi đua"), _section(ContentItemForm)),
    "duties": (_("Tổ chức thực hiện"), _section(DutyForm)),
    "rounds": (_("Thời gian và các đợt thi đua"), _section(RoundForm)),
    "awards": (_("Khen thưởng: hình thức, mức, hiện vật"), _section(AwardForm)),
    "funding": (_("Kinh phí"), _section(FundingForm)),
    "recipients": (_("Nơi nhận"), _section(RecipientForm)),
    "parents": (_("Phong trào cấp trên được lồng ghép"), _section(ParentMovementForm)),
    "implemented": (_("Văn bản được thực hiện"), _section(ImplementedDocumentForm)),
}
