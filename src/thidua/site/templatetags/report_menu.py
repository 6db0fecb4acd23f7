"""The menu's "Báo cáo": the statistical forms of TT 02/2023, the dashboards and the
files that can be downloaded from them, and each agency's data-exchange file — every
entry shown only to an account its page would answer, the menu hidden when none would
(site.views.dashboards, reports.views, exchange.views ask the same questions)."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from thidua.organizations.access import scopes_for
from thidua.organizations.enums import AgencyLevel
from thidua.organizations.models import Agency

register = template.Library()

# An administrator reaches every agency's exchange page from the agency's own page; the
# menu lists the few agencies an officer keeps.
MAX_EXCHANGE_ENTRIES = 3


@register.simple_tag
def report_menu(user) -> list[dict]:
    """``[{"label", "url", "testid"}]`` (a ``divider`` entry between groups), empty for
    an account that reaches none of the reports."""
    if not user.is_authenticated:
        return []
    scopes = scopes_for(user)
    entries = []
    # reports.views and site.views.dashboards open for office_agencies(user).
    if scopes.is_admin or scopes.officer_agencies or scopes.higher_officer_agencies:
        charts = reverse("dashboard-charts")
        entries += [
            {
                "label": _("Biểu mẫu thống kê (Thông tư 02/2023/TT-BNV)"),
                "url": reverse("reports:index"),
                "testid": "menu-report-forms",
            },
            {
                "label": _("Thống kê thi đua, khen thưởng"),
                "url": charts,
                "testid": "menu-report-charts",
            },
            {
                "label": _("Tải số liệu thống kê (Excel)"),
                "url": f"{charts}?excel=tat-ca",
                "testid": "menu-report-excel",
            },
        ]
    if not scopes.is_admin and scopes.officer_agencies:
        # The agencies it keeps the office of; a phòng's data travel with its Sở's.
        own = (
            Agency.objects.filter(pk__in=scopes.officer_agencies)
            .exclude(level=AgencyLevel.UNIT)
            .order_by("name")
        )
        exchange = [
            {
                "label": _("Trao đổi dữ liệu – %(agency)s") % {"agency": agency.name},
                "url": reverse("exchange:agency-exchange", args=[agency.pk]),
                "testid": "menu-report-exchange",
            }
            for agency in own[:MAX_EXCHANGE_ENTRIES]
            if user.has_perm("organizations.change_agency", agency)
        ]
        if exchange:
            entries += [{"divider": True}, *exchange]
    return entries
