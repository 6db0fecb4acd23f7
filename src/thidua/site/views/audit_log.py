"""The audit log (``/nhat-ky/``): every entry the user may see, filtered by person,
days, object and action label, 50 a page; ``?excel`` downloads the filtered entries as
a workbook, their content as the history pages word it."""

import io

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from thidua.common.downloads import set_download_name
from thidua.common.excel import row
from thidua.common.history import history_rows, row_text
from thidua.common.views import require_perm

from ..forms import AuditLogFilterForm
from ..selectors.activity import activity_for_user, filter_activity

__all__ = ["AuditLogView"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
            response = HttpResponse(_workbook(entries), content_type=XLSX)
            set_download_name(response, "nhat-ky-thao-tac.xlsx")
            return response
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


def _workbook(entries) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Nhật ký thao tác"))
    sheet.append(
        row(
            [
                _("Số thứ tự"),
                _("Thời điểm"),
                _("Người thực hiện"),
                _("Thao tác"),
                _("Đối tượng"),
                _("Nội dung"),
            ]
        )
    )
    chosen = list(
        entries.select_related("content_type").values_list("pk", flat=True)[
            :EXPORT_LIMIT
        ]
    )
    for start in range(0, len(chosen), CHUNK):
        part = entries.model.objects.select_related("content_type").filter(
            pk__in=chosen[start : start + CHUNK]
        )
        for history in history_rows(part.order_by("-seq")):
            entry = history.entry
            values = row(
                [
                    entry.seq,
                    timezone.localtime(entry.timestamp),
                    entry.actor_display,
                    history.action,
                    entry.object_repr,
                    row_text(history),
                ]
            )
            # The moment as a date the spreadsheet sorts, shown as the pages show it.
            moment = WriteOnlyCell(sheet, value=values[1])
            moment.number_format = "dd/mm/yyyy hh:mm:ss"
            sheet.append([values[0], moment, *values[2:]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
