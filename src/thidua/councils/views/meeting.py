"""Council meeting pages: schedule, attendance, agenda from nominations, ballots, voting.

Permissions: the secretary or chair runs the meeting (the services check their seat);
members vote for themselves; the agency's TĐKT office may schedule and prepare.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from thidua.common.params import id_list, id_param
from thidua.common.views import ServiceFormView, require_perm
from thidua.documents.files import file_response
from thidua.eligibility.regimes import select_regime
from thidua.nominations.enums import NominationState
from thidua.nominations.models import Nomination
from thidua.nominations.selectors import nominations_for_user
from thidua.nominations.workflows import COUNCIL
from thidua.organizations.models import Council
from thidua.organizations.selectors import access_council

from ..enums import MeetingState, VoteChoice
from ..forms import MeetingForm, PaperResultForm
from ..models import AgendaItem, BallotBox
from ..selectors import access_meeting, box_progress, quorum, seated_members
from ..services.ballot import cast_paper, open_ballots
from ..services.meeting import (
    add_agenda_item,
    clear_conflict,
    close_meeting,
    declare_conflict,
    open_meeting,
    record_attendance,
    recuse,
    schedule_meeting,
)
from ..services.minutes import issue_minutes
from ..services.outcome import close_box_and_record
from ..services.paper import record_paper_result
from ..services.void import void_box
from ..workflows import MEETING

__all__ = [
    "MeetingActionView",
    "MeetingCreateView",
    "MeetingDetailView",
    "PaperResultView",
]


class MeetingCreateView(ServiceFormView):
    template_name = "councils/form.html"
    form_class = MeetingForm

    def dispatch(self, request, *args, **kwargs):
        self.council = access_council(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_council", self.council)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)

    def perform(self, form):
        return schedule_meeting(
            self.council, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return reverse("councils:meeting-detail", args=[self.result.pk])


# The meeting's moves (workflows.MEETING) as MeetingActionView's actions, and the look
# of their buttons.
MOVE_BUTTONS = {
    MeetingState.OPEN: ("open", "btn-primary"),
    MeetingState.CLOSED: ("close", "btn-outline-secondary"),
}


class MeetingDetailView(TemplateView):
    template_name = "councils/meeting.html"

    def get_context_data(self, **kwargs):
        meeting = access_meeting(self.request.user, kwargs["pk"])
        day = timezone.localdate(meeting.scheduled_at)
        attendance = {a.member_id: a for a in meeting.attendances.all()}
        members = [
            (member, attendance.get(member.pk))
            for member in seated_members(meeting.council, on=day).select_related(
                "person"
            )
        ]
        items = list(
            meeting.agenda_items.select_related("ballot__result")
            .prefetch_related("recusals", "conflicts__member__person")
            .order_by("position")
        )
        for item in items:  # who is in conflict, and who has stood aside already
            recused = {r.member_id for r in item.recusals.all()}
            item.conflict_rows = [
                (c.member, c.member_id in recused, c) for c in item.conflicts.all()
            ]
        boxes = list(
            meeting.ballot_boxes.prefetch_related("ballots__agenda_item").order_by(
                "number"
            )
        )
        for box in boxes:
            box.progress = box_progress(box)
            box.rows = sorted(
                box.ballots.all(), key=lambda b: (b.agenda_item.position, b.pk)
            )
        candidates = Nomination.objects.filter(
            state=NominationState.TO_COUNCIL, round__agency=meeting.council.agency
        ).exclude(pk__in=[i.nomination_id for i in items if i.nomination_id])
        return super().get_context_data(
            meeting=meeting,
            members=members,
            # Absent members allowed to send a sealed paper ballot, entered by the secretary.
            written_voters=[
                m
                for m, att in members
                if att and not att.present and att.written_vote_allowed
            ],
            items=items,
            unopened=[item for item in items if not hasattr(item, "ballot")],
            boxes=boxes,
            choices=VoteChoice.choices,
            candidates=candidates.select_related("person", "agency"),
            quorum=quorum(meeting),
            minutes=meeting.minutes_document,
            tally=meeting.tally_document,
            can_run=self.request.user.has_perm("councils.prepare_meeting", meeting),
            # Khai mạc, bế mạc: offered to the secretary or chair (councils.run_meeting).
            moves=[
                (move, *MOVE_BUTTONS[move.target])
                for move in MEETING.available(self.request.user, meeting)
            ],
            **kwargs,
        )


@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class MeetingActionView(View):
    """One POST endpoint for the secretary's actions; each calls one service.

    Opening a ballot answers with the page that shows the tally code, once; the tally
    code typed at close is kept out of error reports (``sensitive_post_parameters``)."""

    def post(self, request, pk):
        meeting = access_meeting(request.user, pk)
        require_perm(request.user, "councils.prepare_meeting", meeting)
        action = request.POST.get("action", "")
        try:
            if action == "open_box":
                opened = self._open_box(request, meeting)
                return render(
                    request,
                    "councils/box_opened.html",
                    {"meeting": meeting, "box": opened.box, "code": opened.code},
                )
            if action == "written_vote":
                return self._written_vote(request, meeting)
            done = self._run(request, meeting, action)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, done or _("Đã thực hiện."))
        return redirect("councils:meeting-detail", pk=meeting.pk)

    def _open_box(self, request, meeting):
        items = list(meeting.agenda_items.filter(pk__in=id_list(request.POST, "item")))
        return open_ballots(meeting, items, actor=request.user)

    def _written_vote(self, request, meeting):
        """The sealed paper of an absent member allowed one, entered by the secretary;
        the receipt is shown on the page to pass on, never kept in a message."""
        box = self._box(request, meeting)
        member = self._member(request, meeting)
        receipt = cast_paper(
            box,
            member,
            {
                ballot.pk: request.POST.get(f"choice-{ballot.pk}")
                for ballot in box.ballots.all()
                # "—": the member is not on that row's roster (recused).
                if request.POST.get(f"choice-{ballot.pk}")
            },
            written=True,
            actor=request.user,
        )
        return render(
            request,
            "councils/receipt.html",
            {"meeting": meeting, "box": box, "receipt": receipt, "written": True},
        )

    def _box(self, request, meeting) -> BallotBox:
        box = meeting.ballot_boxes.filter(pk=id_param(request.POST, "box")).first()
        if box is None:
            raise Http404
        return box

    def _item(self, request, meeting) -> AgendaItem:
        item = meeting.agenda_items.filter(pk=id_param(request.POST, "item")).first()
        if item is None:
            raise Http404
        return item

    def _member(self, request, meeting):
        member = meeting.council.members.filter(
            pk=id_param(request.POST, "member")
        ).first()
        if member is None:
            raise Http404
        return member

    def _run(self, request, meeting, action) -> str:
        user = request.user
        if action == "open":
            open_meeting(meeting, actor=user)
        elif action == "close":
            close_meeting(meeting, actor=user)
        elif action == "attendance":
            record_attendance(
                meeting,
                self._member(request, meeting),
                present=request.POST.get("present") == "1",
                written_vote_allowed=request.POST.get("written") == "1",
                actor=user,
            )
        elif action == "add":
            nominations = Nomination.objects.filter(
                pk__in=id_list(request.POST, "nomination"),
                state=NominationState.TO_COUNCIL,
                round__agency=meeting.council.agency,
            ).select_related("person__unit", "agency")
            for nomination in nominations:
                add_agenda_item(
                    meeting,
                    label=f"{nomination.subject} – {nomination.get_code_display()}",
                    title_code=nomination.code,
                    regime=_regime(nomination.year),
                    nomination=nomination,
                    actor=user,
                )
        elif action == "recuse":
            recuse(
                self._item(request, meeting),
                self._member(request, meeting),
                reason=request.POST.get("reason", "") or _("Xung đột lợi ích"),
                actor=user,
            )
        elif action == "clear_conflict":
            clear_conflict(
                self._item(request, meeting),
                self._member(request, meeting),
                reason=request.POST.get("reason", ""),
                actor=user,
            )
        elif action == "declare_conflict":
            declare_conflict(
                self._item(request, meeting),
                self._member(request, meeting),
                reason=request.POST.get("reason", ""),
                actor=user,
            )
        elif action == "close_box":
            close_box_and_record(
                self._box(request, meeting), request.POST.get("code", ""), actor=user
            )
        elif action == "void_box":
            void_box(
                self._box(request, meeting),
                reason=request.POST.get("reason", ""),
                actor=user,
            )
        elif action == "minutes":
            minutes = issue_minutes(meeting, actor=user)
            # The numbers taken, told at once.
            return _(
                "Đã lập biên bản họp số %(minutes)s và biên bản kiểm phiếu số "
                "%(tally)s ngày %(date)s."
            ) % {
                "minutes": minutes.symbol,
                "tally": meeting.tally_document.symbol,
                "date": minutes.issued_on.strftime("%d/%m/%Y"),
            }
        else:
            raise Http404
        return ""


def _regime(year: int) -> str:
    return select_regime(year)


class MinutesFileView(View):
    """The meeting's biên bản (or, for ``tally=True``, its biên bản kiểm phiếu), for
    whoever may open the meeting."""

    tally = False

    def get(self, request, pk, fmt):
        meeting = access_meeting(request.user, pk)
        document = meeting.tally_document if self.tally else meeting.minutes_document
        return file_response(document, fmt, inline=False, request=request)


class PaperResultView(ServiceFormView):
    """“Nhập kết quả họp trên giấy”: the secretary or the chair of the round agency's
    council, or its TĐKT office (``nominations.record_council_result``), enters the
    tally of the signed minutes of a dossier in “trình Hội đồng”."""

    template_name = "councils/paper_result.html"
    form_class = PaperResultForm

    def dispatch(self, request, *args, **kwargs):
        self.nomination = (
            Nomination.objects.select_related("round__agency", "person", "agency")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if self.nomination is None:
            raise Http404
        if not request.user.has_perm(COUNCIL, self.nomination):
            if nominations_for_user(request.user).filter(pk=kwargs["pk"]).exists():
                raise PermissionDenied
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "councils": Council.objects.filter(agency=self.nomination.round.agency),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            nomination=self.nomination,
            open_for_entry=self.nomination.state == NominationState.TO_COUNCIL,
            **kwargs,
        )

    def perform(self, form):
        data = form.cleaned_data
        return record_paper_result(
            self.nomination,
            council=data["council"],
            met_on=data["met_on"],
            roster_size=data["roster_size"],
            yes=data["yes"],
            no=data["no"],
            minutes=data["minutes"],
            note=data["note"],
            actor=self.request.user,
        )

    def get_success_url(self):
        messages.success(self.request, _("Đã ghi nhận kết quả họp từ biên bản giấy."))
        if (
            nominations_for_user(self.request.user)
            .filter(pk=self.nomination.pk)
            .exists()
        ):
            return self.nomination.get_absolute_url()
        return reverse("councils:paper-result", args=[self.nomination.pk])
