"""Creating councils and clusters, ending council seats, cluster members and leaders."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View

from thidua.common.views import ServiceFormView, require_perm

from ..forms import (
    ClusterForm,
    ClusterLeadershipForm,
    ClusterMemberForm,
    CouncilForm,
    CouncilMemberEndForm,
)
from ..models import Agency
from ..selectors import access_agency, access_cluster, access_council
from ..services.structure import (
    add_cluster_member,
    create_cluster,
    create_council,
    end_council_member,
    set_cluster_leadership,
)

__all__ = [
    "ClusterCreateView",
    "ClusterLeadershipView",
    "ClusterMemberAddView",
    "CouncilCreateView",
    "CouncilMemberEndView",
]


class _UnderAgency(ServiceFormView):
    template_name = "organizations/agency/record_form.html"
    title = ""

    def dispatch(self, request, *args, **kwargs):
        self.agency = access_agency(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.agency)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, title=self.title, **kwargs)

    def get_success_url(self):
        return self.result.get_absolute_url()


class CouncilCreateView(_UnderAgency):
    form_class = CouncilForm
    title = _("Thành lập Hội đồng Thi đua – Khen thưởng")
    success_message = _("Đã thêm hội đồng.")

    def perform(self, form):
        return create_council(
            agency=self.agency, actor=self.request.user, **form.cleaned_data
        )


class ClusterCreateView(_UnderAgency):
    form_class = ClusterForm
    title = _("Thành lập cụm, khối thi đua")
    success_message = _("Đã thêm cụm, khối thi đua.")

    def perform(self, form):
        return create_cluster(
            organizer=self.agency, actor=self.request.user, **form.cleaned_data
        )


class CouncilMemberEndView(View):
    def post(self, request, pk, member):
        council = access_council(request.user, pk)
        require_perm(request.user, "organizations.change_council", council)
        seat = council.members.filter(pk=member).first()
        form = CouncilMemberEndForm(request.POST)
        if seat is None:
            messages.error(request, _("Không tìm thấy thành viên."))
        elif not form.is_valid():
            messages.error(
                request, " ".join(e for errs in form.errors.values() for e in errs)
            )
        else:
            try:
                end_council_member(
                    seat, end_date=form.cleaned_data["end_date"], actor=request.user
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("Đã ghi nhận thôi tham gia hội đồng."))
        return redirect(council.get_absolute_url())


class _ClusterForm(ServiceFormView):
    template_name = "organizations/cluster/form.html"
    title = ""

    def dispatch(self, request, *args, **kwargs):
        self.cluster = access_cluster(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_cluster", self.cluster)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cluster=self.cluster, title=self.title, **kwargs
        )

    def get_success_url(self):
        return self.cluster.get_absolute_url()


class ClusterMemberAddView(_ClusterForm):
    form_class = ClusterMemberForm
    title = _("Thêm thành viên cụm, khối")
    success_message = _("Đã thêm thành viên.")

    def get_form_kwargs(self):
        agencies = Agency.objects.exclude(level="phong_don_vi").order_by("name")
        return {**super().get_form_kwargs(), "agencies": agencies}

    def perform(self, form):
        return add_cluster_member(
            self.cluster, actor=self.request.user, **form.cleaned_data
        )


class ClusterLeadershipView(_ClusterForm):
    form_class = ClusterLeadershipForm
    title = _("Phân công cụm trưởng, cụm phó")
    success_message = _("Đã phân công cụm trưởng, cụm phó.")

    def get_form_kwargs(self):
        agencies = Agency.objects.filter(
            cluster_memberships__cluster=self.cluster
        ).distinct()
        return {**super().get_form_kwargs(), "agencies": agencies.order_by("name")}

    def perform(self, form):
        return set_cluster_leadership(
            self.cluster, actor=self.request.user, **form.cleaned_data
        )
