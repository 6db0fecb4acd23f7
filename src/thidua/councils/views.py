"""Council meeting pages: schedule, attendance, agenda from nominations, ballots, voting.

Permissions: the secretary or chair runs the meeting (the services check their seat);
members vote for themselves; the agency's TĐKT office may schedule and prepare.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
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
from thidua.organizations.selectors import access_council, councils_for_user

from .enums import BallotState, MeetingState, VoteChoice
from .forms import MeetingForm, PaperResultForm
from .models import AgendaItem, Meeting
from .selectors import quorum, seated_members
from .services.ballot import cast_vote, open_ballot
from .services.meeting import (
    add_agenda_item,
    clear_conflict,
    close_meeting,
    declare_conflict,
    open_meeting,
    record_attendance,
    recuse,
    schedule_meeting,
)
from .services.minutes import issue_minutes
from .services.outcome import close_ballot_and_record
from .services.paper import record_paper_result
from .workflows import MEETING

__all__ = [
    "MeetingActionView",
    "MeetingCreateView",
    "MeetingDetailView",
    "PaperResultView",
    "VoteView",
]


def access_meeting(user, pk) -> Meeting:
    meeting = (
        Meeting.objects.select_related(
            "council__agency", "minutes_document", "tally_document"
        )
        .filter(pk=pk)
        .first()
    )
    if (
        meeting is None
        or not councils_for_user(user).filter(pk=meeting.council_id).exists()
    ):
        raise Http404
    return meeting


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


class MeetingActionView(View):
    """One POST endpoint for the secretary's actions; each calls one service."""

    def post(self, request, pk):
        meeting = access_meeting(request.user, pk)
        require_perm(request.user, "councils.prepare_meeting", meeting)
        action = request.POST.get("action", "")
        try:
            self._run(request, meeting, action)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã thực hiện."))
        return redirect("councils:meeting-detail", pk=meeting.pk)

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

    def _run(self, request, meeting, action) -> None:
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
        elif action == "open_ballot":
            open_ballot(self._item(request, meeting), actor=user)
        elif action == "close_ballot":
            close_ballot_and_record(self._item(request, meeting), actor=user)
        elif action == "minutes":
            issue_minutes(meeting, actor=user)
        elif action == "written_vote":
            cast_vote(
                self._item(request, meeting).ballot,
                self._member(request, meeting),
                request.POST.get("choice", ""),
                written=True,
                actor=user,
            )
        else:
            raise Http404


def _regime(year: int) -> str:
    return select_regime(year)


class VoteView(TemplateView):
    """A member's own ballots: open ones they may still vote in, the receipt once."""

    template_name = "councils/vote.html"

    def _seats(self):
        person_id = self.request.user.person_id
        if not person_id:
            return []
        today = timezone.localdate()
        return [
            seat
            for council in councils_for_user(self.request.user)
            for seat in seated_members(council, on=today).filter(person_id=person_id)
        ]

    def get_context_data(self, **kwargs):
        open_items = []
        for seat in self._seats():
            items = AgendaItem.objects.filter(
                meeting__council=seat.council_id,
                meeting__state=MeetingState.OPEN,
                ballot__state=BallotState.OPEN,
                ballot__roster__member=seat,
            ).exclude(ballot__participations__member=seat)
            open_items.extend((seat, item) for item in items.select_related("ballot"))
        return super().get_context_data(
            open_items=open_items, choices=VoteChoice.choices, **kwargs
        )

    def post(self, request):
        seat = next(
            (s for s in self._seats() if str(s.pk) == request.POST.get("seat")), None
        )
        item = (
            AgendaItem.objects.filter(pk=id_param(request.POST, "item"))
            .select_related("ballot")
            .first()
        )
        if seat is None or item is None or item.meeting.council_id != seat.council_id:
            raise PermissionDenied
        try:
            receipt = cast_vote(
                getattr(item, "ballot", None),
                seat,
                request.POST.get("choice", ""),
                actor=request.user,
            )
        except ValidationError as exc:
            response = self.render_to_response(
                self.get_context_data(errors=exc.messages), status=409
            )
            return response
        messages.success(
            request,
            _("Đã ghi nhận phiếu của bạn. Mã biên nhận (chỉ hiển thị một lần): %(r)s")
            % {"r": receipt},
        )
        return redirect("councils:vote")


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
