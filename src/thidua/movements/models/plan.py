"""What a launch plan says besides its text: the rounds (đợt) with their time, the
awards with tiers, counts, cash and gifts in kind, and where the money comes from.

Kept as data so the system still knows them after the plan is written: the plan's
"Thời gian", "Khen thưởng" and "Kinh phí" sections are generated from these rows
(movements.plan_text), and a round's dates bound registration and reviews."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from thidua.common.constraints import empty_or_positive

from .movement import OrderedItem

__all__ = ["AwardUnit", "MovementAward", "MovementFunding", "MovementRound"]


class MovementRound(OrderedItem):
    """A đợt thi đua: by dates, by school weeks, or ending with an event ("đến Lễ
    tổng kết năm học") — or a mix, as school plans write them."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="rounds"
    )
    name = models.CharField(_("tên đợt"), max_length=160)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    weeks_from = models.PositiveSmallIntegerField(
        _("từ tuần (tuần học)"), null=True, blank=True
    )
    weeks_to = models.PositiveSmallIntegerField(
        _("đến tuần (tuần học)"), null=True, blank=True
    )
    ends_with = models.CharField(
        _("kết thúc khi (sự kiện)"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Lễ kỷ niệm Ngày Nhà giáo Việt Nam 20/11."),
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta(OrderedItem.Meta):
        verbose_name = _("đợt thi đua")
        verbose_name_plural = _("đợt thi đua")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="movement_round_dates_ordered",
                violation_error_message=_("Ngày kết thúc của đợt trước ngày bắt đầu."),
            ),
            models.CheckConstraint(
                condition=(Q(weeks_from__isnull=True) | Q(weeks_from__gte=1))
                & (Q(weeks_to__isnull=True) | Q(weeks_to__gte=1))
                & (
                    Q(weeks_from__isnull=True)
                    | Q(weeks_to__isnull=True)
                    | Q(weeks_to__gte=F("weeks_from"))
                ),
                name="movement_round_weeks_ordered",
                violation_error_message=_(
                    "Tuần học bắt đầu từ 1 và tuần kết thúc không trước tuần bắt đầu."
                ),
            ),
            # A round says when it runs: a date, a week or an event.
            models.CheckConstraint(
                condition=Q(starts_on__isnull=False)
                | Q(ends_on__isnull=False)
                | Q(weeks_from__isnull=False)
                | Q(weeks_to__isnull=False)
                | ~Q(ends_with=""),
                name="movement_round_has_time",
                violation_error_message=_(
                    "Hãy ghi thời gian của đợt: ngày, tuần học hoặc sự kiện kết thúc."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AwardUnit(models.TextChoices):
    PRIZE = "giai", _("giải")
    COLLECTIVE = "tap_the", _("tập thể")
    INDIVIDUAL = "ca_nhan", _("cá nhân")
    CLASS = "lop", _("lớp")
    HOUSEHOLD = "ho", _("hộ gia đình")
    SHARE = "suat", _("suất")


class MovementAward(OrderedItem):
    """A form of award the plan promises, with its tier ("Giải Nhất", "Loại A"), how
    many, the cash per award and a gift in kind. An empty count or amount leaves its
    clause out of the document (never "00 tập thể", "0 đồng")."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="awards"
    )
    form = models.CharField(
        _("hình thức khen thưởng"),
        max_length=255,
        help_text=_(
            "Ví dụ: Giấy khen của Hiệu trưởng; Bằng khen của Chủ tịch UBND tỉnh."
        ),
    )
    tier = models.CharField(_("hạng, mức"), max_length=120, blank=True)
    unit = models.CharField(
        _("tính theo"),
        max_length=10,
        choices=AwardUnit.choices,
        default=AwardUnit.PRIZE,
    )
    quota = models.PositiveIntegerField(_("số lượng"), null=True, blank=True)
    cash = models.PositiveBigIntegerField(
        _("tiền thưởng mỗi suất (đồng)"), null=True, blank=True
    )
    gift = models.CharField(_("hiện vật"), max_length=255, blank=True)

    class Meta(OrderedItem.Meta):
        verbose_name = _("hình thức khen thưởng của phong trào")
        verbose_name_plural = _("hình thức khen thưởng của phong trào")
        constraints = [
            empty_or_positive(
                "quota",
                "movement_award_quota_positive",
                _("Số lượng phải từ 1 trở lên; để trống nếu không định trước."),
            ),
            empty_or_positive(
                "cash",
                "movement_award_cash_positive",
                _("Tiền thưởng phải lớn hơn 0; để trống nếu không thưởng tiền."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.form} – {self.tier}" if self.tier else self.form


class MovementFunding(OrderedItem):
    """A source of the movement's money (quỹ thi đua, khen thưởng; ngân sách; xã
    hội hóa; Ban đại diện cha mẹ học sinh…) and its amount when known."""

    movement = models.ForeignKey(
        "movements.Movement", on_delete=models.CASCADE, related_name="funding_sources"
    )
    source = models.CharField(_("nguồn kinh phí"), max_length=255)
    amount = models.PositiveBigIntegerField(_("số tiền (đồng)"), null=True, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta(OrderedItem.Meta):
        verbose_name = _("nguồn kinh phí")
        verbose_name_plural = _("nguồn kinh phí")
        constraints = [
            empty_or_positive(
                "amount",
                "movement_funding_amount_positive",
                _("Số tiền phải lớn hơn 0; để trống nếu chưa xác định."),
            )
        ]

    def __str__(self) -> str:
        return self.source
