"""Pages of the commendation workflow: rounds, proposals, the dossier and its moves."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import uploaded_file_response
from thidua.common.history import history_rows
from thidua.common.list_export import ListExportMixin
from thidua.common.params import int_param
from thidua.common.selectors import history_of
from thidua.common.views import (
    ServiceFormView,
    apply_errors,
    require_perm,
    warn_day_off,
)
from thidua.eligibility.catalog import NAMES
from thidua.organizations.access import scopes_for
from thidua.organizations.models import Agency, Person
from thidua.organizations.selectors import access_agency

from ..enums import NominationState
from ..exports import ROUND_COLUMNS
from ..forms import (
    AttachmentForm,
    NominationForm,
    ReplaceAttachmentForm,
    RoundForm,
)
from ..quotas import round_quotas
from ..selectors import (
    access_attachment,
    access_nomination,
    access_round,
    authority_of,
    authority_table,
    checklist,
    nominations_for_user,
    rounds_for_user,
    upward_trail,
)
from ..selectors.bulk_moves import bulk_actions
from ..selectors.evidence import dossier_verdict, send_warnings, verdict_with_fixes
from ..selectors.reevaluation import latest_change
from ..selectors.unit_files import unit_files
from ..services.nomination import (
    add_attachment,
    can_propose,
    create_nomination,
    open_round,
    replace_attachment,
    transition_nomination,
    withdraw_attachment,
)
from ..workflows import (
    COUNCIL,
    EVIDENCE,
    NOMINATION,
    PROCESS,
    PROPOSE,
    council_not_required,
)
from .report import report_card

__all__ = [
    "AuthorityAnswerView",
    "AttachmentFileView",
    "AttachmentReplaceView",
    "AttachmentView",
    "AttachmentWithdrawView",
    "NominationCreateView",
    "NominationDetailView",
    "NominationMoveView",
    "RoundCreateView",
    "RoundDetailView",
    "RoundListView",
]


class RoundListView(TemplateView):
    template_name = "nominations/round_list.html"

    def get_context_data(self, **kwargs):
        scopes = scopes_for(self.request.user)
        agencies = Agency.objects.filter(pk__in=scopes.officer_agencies).exclude(
            level="phong_don_vi"
        )
        return super().get_context_data(
            rounds=rounds_for_user(self.request.user).select_related("agency"),
            launch_for=agencies.order_by("name"),
            can_report=bool(
                scopes.is_admin
                or scopes.officer_agencies
                or scopes.higher_officer_agencies
            ),
            **kwargs,
        )


class RoundCreateView(ServiceFormView):
    template_name = "nominations/form.html"
    form_class = RoundForm

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["agency"])
        require_perm(request.user, "organizations.change_agency", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Mở đợt xét khen thưởng"), **kwargs)

    def perform(self, form):
        round_ = open_round(
            agency=self.agency, actor=self.request.user, **form.cleaned_data
        )
        warn_day_off(self.request, _("Hạn gửi hồ sơ"), round_.submission_deadline)
        return round_

    def get_success_url(self):
        return self.result.get_absolute_url()


class RoundDetailView(ListExportMixin, TemplateView):
    template_name = "nominations/round_detail.html"
    export_name = "ho-so-de-nghi.xlsx"
    export_title = "Hồ sơ đề nghị"
    export_columns = ROUND_COLUMNS

    def export_rows(self, context):
        return context["nominations"]

    def get_context_data(self, **kwargs):
        round_ = access_round(self.request.user, kwargs["pk"])
        nominations = list(
            nominations_for_user(self.request.user)
            .filter(round=round_)
            .select_related("person__unit", "agency__parent")
            .order_by("proposing_unit__name", "code", "pk")
        )
        quotas = round_quotas(round_, nominations)
        authority = authority_table(round_.agency, {n.code for n in nominations})
        for n in nominations:
            n.over_quota = quotas.exceeding.get(n.pk)
            n.authority = authority[n.code]
        return super().get_context_data(
            round=round_,
            nominations=nominations,
            quotas=quotas,
            can_propose=bool(_proposing_units(self.request.user, round_)),
            can_decide=self.request.user.has_perm(
                "organizations.change_agency", round_.agency
            ),
            notices=round_.notices.all(),
            bulk_actions=bulk_actions(self.request.user, nominations),
            **kwargs,
        )


def _proposing_units(user, round_):
    subtree = Agency.objects.descendants(round_.agency, include_self=True)
    return [unit for unit in subtree if can_propose(user, unit)]


class NominationCreateView(ServiceFormView):
    template_name = "nominations/form.html"
    form_class = NominationForm

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        self.units = _proposing_units(request.user, self.round)
        if not self.units:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        ids = [u.pk for u in self.units]
        return {
            **super().get_form_kwargs(),
            "authority_url": reverse(
                "nominations:nomination-authority", args=[self.round.pk]
            ),
            "units": Agency.objects.filter(pk__in=ids).order_by("name"),
            "people": Person.objects.filter(unit_id__in=ids).order_by("sort_key"),
            "collectives": Agency.objects.filter(pk__in=ids).order_by("name"),
        }

    def get_context_data(self, **kwargs):
        table = authority_table(self.round.agency, NAMES)
        return super().get_context_data(
            title=_("Đề nghị khen thưởng"),
            round=self.round,
            authority=[(NAMES[code], table[code]) for code in NAMES],
            **kwargs,
        )

    def perform(self, form):
        data = form.cleaned_data
        nomination = create_nomination(
            self.round,
            proposing_unit=data["proposing_unit"],
            code=data["code"],
            person=data["person"],
            agency=data["agency"],
            award_type=data["award_type"],
            summary=data["summary"],
            actor=self.request.user,
        )
        authority = authority_of(nomination)
        cited = f" ({authority.citation})" if authority.citation else ""
        (messages.success if authority.decides else messages.warning)(
            self.request,
            _("Thẩm quyền: %(label)s%(cited)s.")
            % {"label": authority.label, "cited": cited},
        )
        return nomination

    def get_success_url(self):
        return self.result.get_absolute_url()


class AuthorityAnswerView(View):
    """The form's live answer when the code changes (HTMX): who decides it."""

    def get(self, request, pk):
        round_ = access_round(request.user, pk)
        if not _proposing_units(request.user, round_):
            raise PermissionDenied
        code = request.GET.get("code", "")
        authority = (
            authority_table(round_.agency, [code])[code] if code in NAMES else None
        )
        return render(
            request, "nominations/_authority_answer.html", {"authority": authority}
        )


class NominationDetailView(TemplateView):
    template_name = "nominations/detail.html"

    def get_context_data(self, **kwargs):
        nomination = access_nomination(self.request.user, kwargs["pk"])
        # The confirmed evidence of the dossier counted (selectors/evidence.py).
        output = dossier_verdict(nomination)
        editable = nomination.state in (NominationState.DRAFT, NominationState.RETURNED)
        return super().get_context_data(
            nomination=nomination,
            checklist=checklist(nomination),
            verdicts=verdict_with_fixes(output, nomination),
            evidence=_evidence_with_moves(self.request.user, nomination),
            regime=output["regime"],
            regime_reason=output["regime_reason"],
            review_year=nomination.year,
            # The law or a setting changed since and its verdict with it (issue #16).
            verdict_change=latest_change(nomination),
            attachments=nomination.attachments.all(),
            unit_files=unit_files(nomination.round_id, nomination.proposing_unit_id),
            authority=authority_of(nomination),
            may_edit_files=editable
            and can_propose(self.request.user, nomination.proposing_unit),
            replace_form=ReplaceAttachmentForm(),
            events=nomination.events.all(),
            moves=NOMINATION.available(self.request.user, nomination),
            # Past the council only through it: a closed ballot, or the signed paper
            # minutes entered on the council's page (councils:paper-result).
            enters_paper_result=nomination.state == NominationState.TO_COUNCIL
            and self.request.user.has_perm(COUNCIL, nomination),
            # A title the agency lists as decided without the council (settings).
            skips_council=nomination.state == NominationState.APPRAISED
            and not council_not_required(nomination)
            and self.request.user.has_perm(PROCESS, nomination),
            upward=upward_trail(nomination),
            attachment_form=AttachmentForm()
            if editable and can_propose(self.request.user, nomination.proposing_unit)
            else None,
            history=history_rows(history_of(nomination)[:50]),
            **report_card(self.request.user, nomination),
            **kwargs,
        )


def _evidence_with_moves(user, nomination) -> list:
    """The dossier's evidence, each with the office's moves on it for ``user``."""
    evidence = list(nomination.evidence.select_related("attachment", "checked_by"))
    for item in evidence:
        item.nomination = nomination  # the kernel's permission reads its round
        item.moves = EVIDENCE.available(user, item)
    return evidence


class NominationMoveView(View):
    def post(self, request, pk):
        nomination = access_nomination(request.user, pk)
        to = request.POST.get("to", "")
        version = int_param(request.POST, "version", min_value=1)
        # Sending a dossier whose subject does not meet the title's conditions: the
        # unit is told which, and sends it anyway only when it confirms (a warning;
        # the office and the council judge).
        if (
            to == NominationState.SUBMITTED
            and nomination.state in (NominationState.DRAFT, NominationState.RETURNED)
            and not request.POST.get("van_gui")
            and request.user.has_perm(PROPOSE, nomination)
            and (warnings := send_warnings(nomination))
        ):
            return render(
                request,
                "nominations/send_confirm.html",
                {"nomination": nomination, "warnings": warnings},
            )
        try:
            transition_nomination(
                nomination,
                to,
                actor=request.user,
                reason=request.POST.get("reason", ""),
                appraisal=request.POST.get("appraisal", ""),
                expected_version=version,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã cập nhật hồ sơ."))
        return redirect(nomination.get_absolute_url())


class AttachmentView(View):
    def post(self, request, pk):
        nomination = access_nomination(request.user, pk)
        if not can_propose(request.user, nomination.proposing_unit):
            raise PermissionDenied
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                add_attachment(
                    nomination,
                    kind=form.cleaned_data["kind"],
                    upload=form.cleaned_data["file"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        if not form.errors:
            messages.success(request, _("Đã thêm tài liệu."))
        return redirect(nomination.get_absolute_url())


class AttachmentFileView(View):
    """A dossier file, for everyone who sees the nomination (hidden: 404): PDF and
    images inline, the rest (or ``?tai-ve=1``) as a download."""

    def get(self, request, pk, attachment):
        _nomination, found = access_attachment(request.user, pk, attachment)
        return uploaded_file_response(request, found.file, found.name)


class _UnitFileView(View):
    """The proposing unit's moves on one file; the others who see it: 403."""

    def post(self, request, pk, attachment):
        nomination = access_nomination(request.user, pk)
        if not can_propose(request.user, nomination.proposing_unit):
            raise PermissionDenied
        try:
            self.perform(request, nomination, attachment)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.done)
        return redirect(nomination.get_absolute_url())


class AttachmentWithdrawView(_UnitFileView):
    done = _("Đã rút tài liệu khỏi hồ sơ.")

    def perform(self, request, nomination, attachment):
        withdraw_attachment(nomination, attachment, actor=request.user)


class AttachmentReplaceView(_UnitFileView):
    done = _("Đã thay tài liệu.")

    def perform(self, request, nomination, attachment):
        form = ReplaceAttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            raise ValidationError([m for ms in form.errors.values() for m in ms])
        replace_attachment(
            nomination, attachment, upload=form.cleaned_data["file"], actor=request.user
        )
