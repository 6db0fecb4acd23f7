from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from tree_queries.models import OrderableTreeNode

from thidua.common.models import SearchTextMixin

from ..enums import AgencyLevel, TdktBody

__all__ = ["Agency"]


class Agency(SearchTextMixin, OrderableTreeNode):
    """A node of the organisation tree: a ministry, province, Sở, or a unit inside one.

    ``code`` identifies the node in imports and on the command line; ``abbreviation``
    is what documents print in their symbol (SKHĐT in 173/PD-SKHĐT) and need not be
    unique (every province has its own UBND).
    """

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên đầy đủ"), max_length=255)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    abbreviation = models.CharField(
        _("chữ viết tắt trên văn bản"), max_length=32, blank=True
    )
    level = models.CharField(_("cấp"), max_length=20, choices=AgencyLevel.choices)
    is_small_collective = models.BooleanField(_("tập thể nhỏ"), default=False)
    place_name = models.CharField(_("địa danh"), max_length=80, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    tdkt_body = models.CharField(
        _("tổ chức làm công tác TĐKT"),
        max_length=20,
        choices=TdktBody.choices,
        blank=True,
        help_text=_(
            "Chỉ chọn khi đơn vị này là tổ chức chuyên trách công tác thi đua, "
            "khen thưởng (biểu 0604.N/BNV-TĐKT)."
        ),
    )
    # Numbers the law leaves to the issuing authority (quotas, vote thresholds, rounding):
    # overrides of the eligibility engine's Policy, inherited down the tree.
    eligibility_policy = models.JSONField(
        _("tham số xét khen thưởng"), default=dict, blank=True
    )
    # Folded words of name, short name, abbreviation and code (SearchTextMixin,
    # docs/search.md), in a shorter column than the mixin's.
    search_text = models.CharField(
        max_length=500, editable=False, db_index=True, default=""
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    SEARCH_SOURCES = frozenset({"name", "short_name", "abbreviation", "code"})

    class Meta:
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def search_parts(self):
        return self.name, self.short_name, self.abbreviation, self.code

    def get_absolute_url(self) -> str:
        return reverse("organizations:agency-detail", args=[self.pk])

    @property
    def display_name(self) -> str:
        return self.short_name or self.name
