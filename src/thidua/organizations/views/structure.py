"""Pages about the structure: agency tree and pages, councils, clusters."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from thidua.common.history import history_rows
from thidua.common.selectors import history_of
from thidua.common.views import ServiceFormView, require_perm
from thidua.organizations.access import scopes_for

from ..eligibility import verdict_for_agency
from ..forms import AgencyForm, CollectiveAssessmentForm, CouncilMemberForm
from ..models import Agency
from ..selectors import (
    access_agency,
    access_cluster,
    access_council,
    agency_tree,
    clusters_for_user,
    councils_for_user,
    people_for_user,
)
from ..services.records import record_collective_assessment
from ..services.structure import (
    AGENCY_FIELDS,
    add_council_member,
    create_agency,
    update_agency,
)
from .eligibility import review_year_from, verdict_rows

__all__ = [
    "AgencyCreateView",
    "AgencyDetailView",
    "AgencyEditView",
    "AgencyTreeView",
    "ClusterDetailView",
    "ClusterListView",
    "CollectiveAssessmentCreateView",
    "CouncilDetailView",
    "CouncilListView",
    "CouncilMemberAddView",
]


class AgencyTreeView(TemplateView):
    template_name = "organizations/agency/tree.html"

    def get_context_data(self, **kwargs):
        scopes = scopes_for(self.request.user)
        return super().get_context_data(
            agencies=agency_tree(self.request.user),
            managed=scopes.officer_agencies,
            is_admin=scopes.is_admin,
            **kwargs,
        )


class AgencyDetailView(TemplateView):
    template_name = "organizations/agency/detail.html"

    def get_context_data(self, **kwargs):
        agency = access_agency(self.request.user, kwargs["pk"])
        user = self.request.user
        can_edit = user.has_perm("organizations.change_agency", agency)
        if can_edit and self.request.GET.get("tab") == "eligibility":
            latest = agency.assessments.order_by("-year").first()
            year = review_year_from(self.request, latest.year if latest else None)
            output = verdict_for_agency(agency, year)
            kwargs.update(
                review_year=year,
                regime=output["regime"],
                verdicts=verdict_rows(output),
                tab="eligibility",
            )
        return super().get_context_data(
            agency=agency,
            ancestors=agency.ancestors(),
            children=agency.children.order_by("position", "name"),
            people=people_for_user(user).filter(unit=agency).order_by("sort_key")[:200],
            councils=councils_for_user(user).filter(agency=agency),
            assessments=agency.assessments.all() if can_edit else [],
            awards=agency.awards.all() if can_edit else [],
            can_edit=can_edit,
            history=history_rows(history_of(agency)[:50]) if can_edit else [],
            **kwargs,
        )


class AgencyCreateView(ServiceFormView):
    template_name = "organizations/agency/form.html"
    form_class = AgencyForm

    def dispatch(self, request, *args, **kwargs):
        self.parent = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.parent)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(parent=self.parent, **kwargs)

    def perform(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k in AGENCY_FIELDS}
        agency = create_agency(parent=self.parent, actor=self.request.user, **fields)
        messages.success(self.request, _("Đã thêm %(name)s.") % {"name": agency.name})
        return agency

    def get_success_url(self):
        return self.result.get_absolute_url()


class AgencyEditView(ServiceFormView):
    template_name = "organizations/agency/form.html"
    form_class = AgencyForm
    success_message = _("Đã lưu thay đổi.")

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": Agency.objects.get(pk=self.agency.pk),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, **kwargs)

    def perform(self, form):
        fields = {k: v for k, v in form.cleaned_data.items() if k in AGENCY_FIELDS}
        return update_agency(
            self.agency,
            actor=self.request.user,
            expected_version=form.cleaned_data.get("version") or 0,
            **fields,
        )

    def get_success_url(self):
        return self.agency.get_absolute_url()


class CollectiveAssessmentCreateView(ServiceFormView):
    template_name = "organizations/agency/record_form.html"
    form_class = CollectiveAssessmentForm
    success_message = _("Đã lưu xếp loại tập thể.")

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            agency=self.agency, title=_("Xếp loại tập thể hằng năm"), **kwargs
        )

    def perform(self, form):
        return record_collective_assessment(
            self.agency, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return self.agency.get_absolute_url()


class CouncilListView(TemplateView):
    template_name = "organizations/council/list.html"

    def get_context_data(self, **kwargs):
        councils = councils_for_user(self.request.user).select_related("agency")
        return super().get_context_data(councils=councils.order_by("name"), **kwargs)


class CouncilDetailView(TemplateView):
    template_name = "organizations/council/detail.html"

    def get_context_data(self, **kwargs):
        council = access_council(self.request.user, kwargs["pk"])
        members = council.members.select_related("person", "person__unit").order_by(
            "end_date", "role", "person__sort_key"
        )
        can_edit = self.request.user.has_perm("organizations.change_council", council)
        return super().get_context_data(
            council=council,
            members=members,
            meetings=council.meetings.order_by("-scheduled_at"),
            can_edit=can_edit,
            history=history_rows(history_of(council)[:50]) if can_edit else [],
            **kwargs,
        )


class CouncilMemberAddView(ServiceFormView):
    template_name = "organizations/council/member_form.html"
    form_class = CouncilMemberForm
    success_message = _("Đã thêm thành viên hội đồng.")

    def dispatch(self, request, *args, **kwargs):
        self.council = access_council(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_council", self.council)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        people = people_for_user(self.request.user).order_by("sort_key")
        if not people.exists():
            raise PermissionDenied
        return {**super().get_form_kwargs(), "people": people}

    def get_context_data(self, **kwargs):
        return super().get_context_data(council=self.council, **kwargs)

    def perform(self, form):
        return add_council_member(
            self.council, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self):
        return self.council.get_absolute_url()


class ClusterListView(TemplateView):
    template_name = "organizations/cluster/list.html"

    def get_context_data(self, **kwargs):
        clusters = clusters_for_user(self.request.user).select_related("organizer")
        return super().get_context_data(clusters=clusters.order_by("name"), **kwargs)


class ClusterDetailView(TemplateView):
    template_name = "organizations/cluster/detail.html"

    def get_context_data(self, **kwargs):
        cluster = access_cluster(self.request.user, kwargs["pk"])
        can_edit = self.request.user.has_perm("organizations.change_cluster", cluster)
        memberships = cluster.memberships.select_related("agency")
        return super().get_context_data(
            cluster=cluster,
            can_edit=can_edit,
            memberships=memberships.order_by("agency__name"),
            leaderships=cluster.leaderships.select_related("leader", "deputy"),
            history=history_rows(history_of(cluster)[:50]) if can_edit else [],
            **kwargs,
        )
