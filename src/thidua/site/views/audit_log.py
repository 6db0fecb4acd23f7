"""The audit log (``/nhat-ky/``): every entry the user may see, filtered by person,
days, object and action label, 50 a page; ``?excel`` downloads the filtered entries as
a workbook, their content as the history pages word it."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from thidua.common.history import history_rows, row_text
from thidua.common.list_export import Column, xlsx_response
from thidua.common.views import require_perm

from ..forms import AuditLogFilterForm
from ..selectors.activity import activity_for_user, filter_activity

__all__ = ["AuditLogView"]

# A workbook is for the entries of a search, not a copy of the trail (the backups are).
EXPORT_LIMIT = 20_000
CHUNK = 500


class AuditLogView(TemplateView):
    template_name = "common/audit_log.html"

    def get(self, request, *args, **kwargs):
        require_perm(request.user, "common.view_activitylog")
        form = AuditLogFilterForm(request.GET or None)
        if form.is_bound:
            form.is_valid()  # the valid filters apply, the others are told
        entries = filter_activity(activity_for_user(request.user), form.criteria())
        if "excel" in request.GET:
            return xlsx_response(
                "nhat-ky-thao-tac.xlsx",
                _("Nhật ký thao tác"),
                _COLUMNS,
                _history(entries),
            )
        page = Paginator(entries.select_related("content_type"), 50).get_page(
            request.GET.get("page")
        )
        filters = request.GET.copy()
        filters.pop("page", None)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                page=page,
                history={r.entry.pk: r for r in history_rows(page.object_list)},
                filters=filters.urlencode(),
                actors=activity_for_user(request.user)
                .order_by("actor_display")
                .values_list("actor_display", flat=True)
                .distinct()[:500],
            )
        )


# The moment as a date the spreadsheet sorts, shown as the pages show it.
_COLUMNS = [
    Column(gettext_lazy("Số thứ tự"), lambda h: h.entry.seq),
    Column(
        gettext_lazy("Thời điểm"),
        lambda h: timezone.localtime(h.entry.timestamp),
        "dd/mm/yyyy hh:mm:ss",
    ),
    Column(gettext_lazy("Người thực hiện"), lambda h: h.entry.actor_display),
    Column(gettext_lazy("Thao tác"), lambda h: h.action),
    Column(gettext_lazy("Đối tượng"), lambda h: h.entry.object_repr),
    Column(gettext_lazy("Nội dung"), row_text),
]


def _history(entries):
    """The filtered entries, newest first, up to EXPORT_LIMIT, read and worded a chunk
    at a time (history_rows resolves a chunk's names in one query per model)."""
    chosen = list(entries.values_list("pk", flat=True)[:EXPORT_LIMIT])
    for start in range(0, len(chosen), CHUNK):
        part = entries.model.objects.select_related("content_type").filter(
            pk__in=chosen[start : start + CHUNK]
        )
        yield from history_rows(part.order_by("-seq"))
