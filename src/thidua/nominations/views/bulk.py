"""Nominating in bulk: from the unit's approved registrations, and from an Excel list
(template, upload, preview, create). Who may: whoever proposes for the unit (the
single form's rule, ``can_propose``); the unit is chosen among those (``?don_vi=``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.params import id_param, int_param
from thidua.eligibility.catalog import COLLECTIVE_CODES, INDIVIDUAL_CODES, NAMES
from thidua.organizations.models import Agency, Person

from ..forms import ProposalFileForm
from ..proposal_template import proposal_template_bytes
from ..selectors import access_round
from ..selectors.bulk import Candidate, registration_candidates, with_verdicts
from ..services.bulk import Proposal, create_nominations
from ..services.proposal_import import read_proposals
from .pages import _proposing_units

__all__ = ["FromRegistrationView", "ImportView", "ImportTemplateView"]

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _UnitOfRound(View):
    """The round (hidden: 404), the units the user proposes for in it (none: 403) and
    the one chosen (another: 404)."""

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        self.units = _proposing_units(request.user, self.round)
        if not self.units:
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        chosen = id_param(data, "don_vi")
        self.unit = next(
            (u for u in self.units if chosen is None or u.pk == chosen), None
        )
        if self.unit is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def common(self) -> dict:
        return {"round": self.round, "units": self.units, "unit": self.unit}

    def done(self, created: list):
        messages.success(
            self.request,
            _("Đã lập %(n)s hồ sơ đề nghị của %(u)s.")
            % {"n": len(created), "u": self.unit.name},
        )
        return redirect(self.round.get_absolute_url())


def _choices(candidate: Candidate) -> list:
    codes = INDIVIDUAL_CODES if candidate.person else COLLECTIVE_CODES
    return [(code, NAMES[code]) for code in codes]


class FromRegistrationView(_UnitOfRound, TemplateView):
    """ "Đề nghị từ đăng ký thi đua": the unit's registered titles pre-ticked, each with
    its verdict; untick or change the title, create them all at once."""

    template_name = "nominations/bulk_registration.html"

    def get_context_data(self, **kwargs):
        candidates = kwargs.pop("candidates", None) or registration_candidates(
            self.round, self.unit
        )
        posted = self.request.POST
        for c in candidates:
            c.choices = _choices(c)
            if posted:
                c.ticked_now = c.key in posted.getlist("chon")
                c.code = posted.get(f"danh_hieu_{c.key}", c.code)
            else:
                c.ticked_now = c.ticked
        return super().get_context_data(
            candidates=candidates, **self.common(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        candidates = registration_candidates(self.round, self.unit)
        ticked = set(request.POST.getlist("chon"))
        proposals = [
            Proposal(
                label=str(c.subject),
                code=request.POST.get(f"danh_hieu_{c.key}", c.code),
                person=c.person,
                agency=c.agency,
            )
            for c in candidates
            if c.key in ticked
        ]
        try:
            created = create_nominations(
                self.round,
                proposing_unit=self.unit,
                proposals=proposals,
                source="dang_ky",
                actor=request.user,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return self.render_to_response(self.get_context_data(candidates=candidates))
        return self.done(created)


class ImportTemplateView(_UnitOfRound):
    def get(self, request, *args, **kwargs):
        response = HttpResponse(proposal_template_bytes(self.unit), content_type=XLSX)
        set_download_name(response, "danh-sach-de-nghi-khen-thuong.xlsx")
        return response


class ImportView(_UnitOfRound, TemplateView):
    """Upload the filled template: every row's errors, or a preview of the dossiers
    to create; "Lập hồ sơ" posts the previewed rows back and the service checks them
    all again before creating (nothing is kept between the two steps)."""

    template_name = "nominations/bulk_import.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ProposalFileForm())
        return super().get_context_data(**self.common(), **kwargs)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "create":
            return self._create(request)
        form = ProposalFileForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        parsed = read_proposals(form.cleaned_data["file"], self.round, self.unit)
        if not parsed.ok:
            return self.render_to_response(
                self.get_context_data(form=form, errors=parsed.errors)
            )
        preview = with_verdicts(
            self.round.year,
            [
                Candidate(key=str(i), code=p.code, person=p.person, agency=p.agency)
                for i, p in enumerate(parsed.proposals)
            ],
        )
        for candidate, proposal in zip(preview, parsed.proposals, strict=True):
            candidate.proposal = proposal
        return self.render_to_response(
            self.get_context_data(form=form, preview=preview, rows=parsed.rows)
        )

    def _create(self, request):
        proposals = []
        for index in range(
            int_param(request.POST, "so_dong", 0, min_value=0, max_value=2000)
        ):
            field = f"dong_{index}_"
            person = id_param(request.POST, field + "ca_nhan")
            agency = id_param(request.POST, field + "tap_the")
            proposals.append(
                Proposal(
                    label=request.POST.get(field + "nhan", ""),
                    code=request.POST.get(field + "danh_hieu", ""),
                    person=Person.objects.filter(pk=person).first() if person else None,
                    agency=Agency.objects.filter(pk=agency).first() if agency else None,
                    summary=request.POST.get(field + "tom_tat", ""),
                )
            )
        if any(p.person is None and p.agency is None for p in proposals):
            raise Http404
        try:
            created = create_nominations(
                self.round,
                proposing_unit=self.unit,
                proposals=proposals,
                source="excel",
                actor=request.user,
            )
        except ValidationError as exc:
            return self.render_to_response(self.get_context_data(errors=exc.messages))
        return self.done(created)
