"""Pages of the upward submission: send a tờ trình, the higher office's inbox with its
appraisal, return, forwarding and the recording of the final decision; ZIP packages."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.list_export import DATE, Column, ListExportMixin
from thidua.common.params import int_param
from thidua.common.views import apply_errors, require_perm
from thidua.documents.files import file_response
from thidua.documents.views.approval import approval_move
from thidua.nominations.enums import NominationState
from thidua.nominations.selectors import (
    access_round,
    nominations_by_authority,
    notice_blockers,
)
from thidua.organizations.access import scopes_for
from thidua.organizations.selectors import office_agencies

from ..enums import ItemOutcome, SubmissionState
from ..forms import ForwardForm, ItemForm, PackageForm, SignForm
from ..models import SubmissionItem
from ..rules import is_receiving_office
from ..selectors import access_submission, submissions_for_user
from ..services import submission as service
from ..services.package import build_package, import_package, package_file
from ..workflows import ITEM, SUBMISSION

__all__ = [
    "ItemActionView",
    "PackageImportView",
    "PackageView",
    "SubmissionCreateView",
    "SubmissionDetailView",
    "SubmissionDocumentView",
    "SubmissionFileView",
    "SubmissionForwardView",
    "SubmissionListView",
    "SubmissionMoveView",
]


class SubmissionCreateView(TemplateView):
    """The round's office picks what lies beyond the head's authority and sends it up."""

    template_name = "submissions/create.html"

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.round.agency)
        return super().dispatch(request, *args, **kwargs)

    def _rows(self, day):
        rows = nominations_by_authority(
            self.request.user, self.round, service.SENDABLE_STATES, day
        )
        return [
            (n, not within, notice_blockers(n, NominationState.SENT_UP))
            for n, within in rows
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", SignForm(initial={"planned_on": timezone.localdate()})
        )
        return super().get_context_data(
            round=self.round,
            rows=self._rows(timezone.localdate()),
            to_agency=self.round.agency.parent,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = SignForm(request.POST)
        if form.is_valid():
            chosen = set(request.POST.getlist("nomination"))
            picked = [
                n
                for n, _up, _b in self._rows(form.cleaned_data["planned_on"])
                if str(n.pk) in chosen
            ]
            try:
                submission = service.submit_nominations(
                    self.round, picked, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("Đã lưu dự thảo tờ trình, chờ trình thủ trưởng duyệt.")
                )
                return redirect(submission.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class SubmissionListView(ListExportMixin, TemplateView):
    template_name = "submissions/list.html"
    export_name = "to-trinh-khen-thuong.xlsx"
    export_title = "Tờ trình khen thưởng"
    export_columns = [
        Column("Số tờ trình", lambda s: s.symbol or "Dự thảo"),
        Column("Ngày", lambda s: s.dated, DATE),
        Column("Cơ quan trình", lambda s: s.from_name),
        Column("Cơ quan nhận", lambda s: s.to_agency.name),
        Column("Trích yếu", lambda s: s.summary),
        Column("Trạng thái", lambda s: s.get_state_display()),
        Column("Nhận từ cấp dưới", lambda s: "Có" if s.received else ""),
    ]

    def export_rows(self, context):
        # Both lists of the page, received first, each row once.
        inbox = list(context["inbox"])
        for submission in inbox:
            submission.received = True
        seen = {s.pk for s in inbox}
        outbox = [s for s in context["outbox"] if s.pk not in seen]
        for submission in outbox:
            submission.received = False
        return [*inbox, *outbox]

    def get_context_data(self, **kwargs):
        scopes = scopes_for(self.request.user)
        visible = submissions_for_user(self.request.user)
        mine = (
            scopes.officer_agencies | scopes.approver_agencies | scopes.clerk_agencies
        )
        return super().get_context_data(
            inbox=visible.filter(state=SubmissionState.ISSUED).exclude(
                from_agency_id__in=mine
            )
            if not scopes.is_admin
            else visible.filter(state=SubmissionState.ISSUED),
            outbox=visible.filter(from_agency_id__in=mine),
            can_import=office_agencies(self.request.user).exists(),
            **kwargs,
        )


class SubmissionDetailView(TemplateView):
    template_name = "submissions/detail.html"

    def get_context_data(self, **kwargs):
        submission = access_submission(self.request.user, kwargs["pk"])
        receiving = is_receiving_office(self.request.user, submission)
        items = list(
            submission.items.select_related(
                "source__submission", "forwarded_as__submission"
            )
        )
        pending = [i for i in items if i.is_pending]
        decided_by = _("Chủ tịch %(a)s") % {"a": submission.to_agency.name}
        for item in items:
            # The outcomes the user may record on it now, as the workflow offers them.
            item.moves = [
                (*ACTION_OF[t.target], t)
                for t in ITEM.available(self.request.user, item)
                if t.target in ACTION_OF
            ]
            if item.moves:  # one small form per nominee, prefixed: ids stay unique
                item.form = ItemForm(
                    prefix=f"i{item.pk}", initial={"decided_by": decided_by}
                )
        return super().get_context_data(
            submission=submission,
            items=items,
            receiving=receiving,
            can_forward=receiving and pending and submission.to_agency.parent_id,
            forward_form=kwargs.pop("forward_form", None)
            or ForwardForm(initial={"planned_on": timezone.localdate()}),
            moves=SUBMISSION.available(self.request.user, submission),
            **kwargs,
        )


class SubmissionForwardView(View):
    def post(self, request, pk):
        submission = access_submission(request.user, pk)
        if not submission.is_sent or not is_receiving_office(request.user, submission):
            raise Http404
        form = ForwardForm(request.POST)
        if form.is_valid():
            chosen = set(request.POST.getlist("item"))
            items = [i for i in submission.items.all() if str(i.pk) in chosen]
            try:
                upper = service.forward_items(
                    items,
                    agency=submission.to_agency,
                    actor=request.user,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã lưu dự thảo tờ trình trình tiếp, chờ thủ trưởng duyệt."),
                )
                return redirect(upper.get_absolute_url())
        page = SubmissionDetailView()
        page.setup(request, pk=pk)
        return page.render_to_response(page.get_context_data(pk=pk, forward_form=form))


ACTIONS = ("tham-dinh", "tra-lai", "khen-thuong", "khong-khen-thuong")
# The URL word and button style of each outcome the receiving office records.
ACTION_OF = {
    ItemOutcome.RETURNED: ("tra-lai", "btn-outline-danger"),
    ItemOutcome.AWARDED: ("khen-thuong", "btn-success"),
    ItemOutcome.NOT_AWARDED: ("khong-khen-thuong", "btn-outline-dark"),
}


class ItemActionView(View):
    """One action of the receiving office on one nominee; the service checks again."""

    def post(self, request, pk, action):
        try:
            item = SubmissionItem.objects.select_related("submission").get(pk=pk)
        except SubmissionItem.DoesNotExist:
            raise Http404 from None
        submission = access_submission(request.user, item.submission_id)
        if action not in ACTIONS or not is_receiving_office(request.user, submission):
            raise Http404
        form = ItemForm(request.POST, prefix=f"i{item.pk}")
        if not form.is_valid():
            for field, errors in form.errors.items():
                for message in errors:
                    messages.error(request, f"{form.fields[field].label}: {message}")
            return redirect(submission.get_absolute_url())
        data = form.cleaned_data
        version = int_param(request.POST, "version", min_value=1)
        common = {"actor": request.user, "expected_version": version}
        try:
            if action == "tham-dinh":
                service.appraise_item(
                    item, appraisal=data.get("appraisal", ""), **common
                )
            elif action == "tra-lai":
                service.return_item(item, reason=data.get("reason", ""), **common)
            else:
                service.record_outcome(
                    item,
                    awarded=action == "khen-thuong",
                    reason=data.get("reason", ""),
                    decision_number=data.get("decision_number") or "",
                    decision_date=data.get("decision_date"),
                    decision_signer=data.get("decision_signer") or "",
                    decided_by=data.get("decided_by") or "",
                    **common,
                )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, f"{item.subject_name}: {message}")
        except PermissionDenied:
            raise Http404 from None
        else:
            messages.success(
                request, _("Đã cập nhật: %(n)s.") % {"n": item.subject_name}
            )
        return redirect(submission.get_absolute_url())


class SubmissionMoveView(View):
    """One step of the tờ trình, as ``SUBMISSION.available`` offers it: submit (the
    office), approve or return with the reason (the head or whoever signs for him),
    number and send (the clerk)."""

    def post(self, request, pk):
        submission = access_submission(request.user, pk)
        return approval_move(
            request,
            submission,
            SUBMISSION,
            {
                SubmissionState.AWAITING: lambda s, actor, **_kw: (
                    service.submit_submission(s, actor=actor)
                ),
                SubmissionState.APPROVED: lambda s, actor, **_kw: (
                    service.approve_submission(s, actor=actor)
                ),
                SubmissionState.RETURNED: lambda s, actor, reason, **_kw: (
                    service.return_submission(s, actor=actor, reason=reason)
                ),
                SubmissionState.ISSUED: lambda s, actor, issued_on, **_kw: (
                    service.issue_submission(s, actor=actor, issued_on=issued_on)
                ),
            },
            done=_("Đã cập nhật tờ trình."),
        )


class SubmissionDocumentView(View):
    def get(self, request, pk, fmt):
        submission = access_submission(request.user, pk)
        if submission.document_id is None:  # a draft has no files
            raise Http404
        return file_response(submission.document, fmt, inline=False)


class SubmissionFileView(View):
    def get(self, request, pk, index):
        try:
            item = SubmissionItem.objects.select_related("nomination").get(pk=pk)
        except SubmissionItem.DoesNotExist:
            raise Http404 from None
        access_submission(request.user, item.submission_id)
        found = package_file(item, index)
        if found is None:
            raise Http404
        name, data = found
        response = HttpResponse(data, content_type="application/octet-stream")
        set_download_name(response, name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox"
        return response


class PackageView(View):
    def get(self, request, pk):
        submission = access_submission(request.user, pk)
        if not submission.is_sent:  # a draft: no package before the clerk sends it
            raise Http404
        try:
            data = build_package(submission)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(submission.get_absolute_url())
        name = submission.symbol.replace("/", "_") or f"to-trinh-{submission.pk}"
        response = HttpResponse(data, content_type="application/zip")
        set_download_name(response, f"{name}.zip")
        return response


class PackageImportView(TemplateView):
    template_name = "submissions/import.html"

    def dispatch(self, request, *args, **kwargs):
        if not office_agencies(request.user).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", PackageForm(user=self.request.user))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        form = PackageForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            try:
                submission = import_package(
                    form.cleaned_data["package"],
                    to_agency=form.cleaned_data["to_agency"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("Đã nhập gói hồ sơ %(s)s.") % {"s": submission.symbol}
                )
                return redirect(submission.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))
