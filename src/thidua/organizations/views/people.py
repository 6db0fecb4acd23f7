"""Pages about people: list with search, profile, create, edit, transfer, records."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from thidua.common.history import history_rows
from thidua.common.list_export import DATE, Column, ListExportMixin
from thidua.common.selectors import history_of
from thidua.common.views import ServiceFormView, require_perm
from thidua.organizations.access import scopes_for

from ..eligibility import person_forecast, verdict_for_person
from ..enums import PersonCategory
from ..forms import (
    AssessmentForm,
    DisciplineForm,
    InitiativeForm,
    PendingMatterForm,
    PersonForm,
    ReviewCloseForm,
    TransferForm,
)
from ..models import Agency
from ..selectors import access_agency, access_person, person_list, units_for_filter
from ..services.person import (
    PERSON_FIELDS,
    create_person,
    transfer_person,
    update_person,
)
from ..services.records import (
    close_review_matter,
    record_assessment,
    record_discipline,
    record_initiative,
    record_review_matter,
)
from .eligibility import review_year_from, verdict_rows

__all__ = [
    "PersonRecordView",
    "AssessmentCreateView",
    "DisciplineCreateView",
    "InitiativeCreateView",
    "PersonCreateView",
    "PersonDetailView",
    "PersonEditView",
    "PersonListView",
    "PersonTransferView",
    "PendingMatterCloseView",
    "PendingMatterCreateView",
]

PAGE_SIZE = 50


def _managed_units(user):
    scopes = scopes_for(user)
    if scopes.is_admin:
        return Agency.objects.all()
    return Agency.objects.filter(pk__in=scopes.officer_agencies)


class PersonListView(ListExportMixin, TemplateView):
    template_name = "organizations/person/list.html"
    export_name = "danh-sach-ca-nhan.xlsx"
    export_title = "Cá nhân"
    export_columns = [
        Column("Họ và tên", lambda p: p.full_name),
        Column("Ngày sinh", lambda p: p.birth_date, DATE),
        Column("Giới tính", lambda p: p.get_gender_display()),
        Column("Chức vụ", lambda p: p.position),
        Column("Đơn vị", lambda p: p.unit.display_name if p.unit else ""),
        Column("Đối tượng", lambda p: p.get_category_display()),
        Column(
            "Trực tiếp lao động, công tác", lambda p: "Có" if p.is_direct_worker else ""
        ),
    ]

    def export_rows(self, context):
        # Every person the filters keep, not the page shown.
        return context["page"].paginator.object_list.iterator(chunk_size=500)

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "person-results":
            return ["organizations/person/_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "")[:100]
        unit = None
        if self.request.GET.get("unit"):
            unit = access_agency(self.request.user, self.request.GET["unit"])
        category = self.request.GET.get("category", "")
        if category not in PersonCategory.values:
            category = ""
        direct_only = self.request.GET.get("direct") == "1"
        people = person_list(
            self.request.user,
            query=query,
            unit=unit,
            category=category,
            direct_only=direct_only,
        )
        try:
            size = min(max(int(self.request.GET.get("size", PAGE_SIZE)), 1), 200)
        except ValueError:
            size = PAGE_SIZE
        context.update(
            page=Paginator(people, size).get_page(self.request.GET.get("page")),
            query=query,
            unit=unit,
            size=size,
            category=category,
            direct_only=direct_only,
            categories=PersonCategory.choices,
            units=units_for_filter(self.request.user).with_tree_fields(),
            can_add=bool(scopes_for(self.request.user).officer_agencies)
            or scopes_for(self.request.user).is_admin,
        )
        return context


class PersonDetailView(TemplateView):
    template_name = "organizations/person/detail.html"

    def get_context_data(self, **kwargs):
        person = access_person(self.request.user, kwargs["pk"])
        context = super().get_context_data(**kwargs)
        context.update(
            person=person,
            can_edit=self.request.user.has_perm("organizations.change_person", person),
            memberships=person.memberships.select_related("unit"),
            assessments=person.assessments.all(),
            discipline=person.discipline_records.all(),
            reviews=person.review_matters.all(),
            initiatives=person.initiatives.all(),
            awards=person.awards.all(),
            seats=person.council_seats.select_related("council"),
            history=history_rows(history_of(person)[:100]),
            tab=self.request.GET.get("tab", "info"),
        )
        if context["tab"] == "eligibility":
            latest = person.assessments.order_by("-year").first()
            year = review_year_from(self.request, latest.year if latest else None)
            output = verdict_for_person(person, year)
            context.update(
                review_year=year,
                regime=output["regime"],
                verdicts=verdict_rows(output),
                forecast=person_forecast(person, year),
            )
        return context


class PersonCreateView(ServiceFormView):
    template_name = "organizations/person/form.html"
    form_class = PersonForm
    success_message = ""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        units = _managed_units(self.request.user)
        if not units.exists():
            raise PermissionDenied
        kwargs["units"] = units
        if self.request.GET.get("unit"):
            kwargs.setdefault("initial", {})["unit"] = self.request.GET["unit"]
        return kwargs

    def perform(self, form):
        unit = form.cleaned_data["unit"]
        require_perm(self.request.user, "organizations.add_person", unit)
        data = {k: form.cleaned_data.get(k) for k in PERSON_FIELDS}
        person = create_person(data, unit=unit, actor=self.request.user)
        messages.success(
            self.request, _("Đã thêm %(name)s.") % {"name": person.full_name}
        )
        return person

    def get_success_url(self):
        return self.result.get_absolute_url()


class PersonEditView(ServiceFormView):
    template_name = "organizations/person/form.html"
    form_class = PersonForm

    def dispatch(self, request, *args, **kwargs):
        self.person = access_person(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_person", self.person)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.person}

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, **kwargs)

    def perform(self, form):
        data = {k: form.cleaned_data.get(k) for k in PERSON_FIELDS}
        person = update_person(
            self.person,
            data,
            actor=self.request.user,
            expected_version=form.cleaned_data.get("version") or 0,
        )
        messages.success(self.request, _("Đã lưu thay đổi."))
        return person

    def get_success_url(self):
        return self.person.get_absolute_url()


class PersonRecordView(ServiceFormView):
    """A form that adds one record to a person the user manages."""

    template_name = "organizations/person/record_form.html"
    title = ""
    tab = "info"

    def dispatch(self, request, *args, **kwargs):
        self.person = access_person(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_person", self.person)
        self.find_record(kwargs)
        return super().dispatch(request, *args, **kwargs)

    def find_record(self, kwargs) -> None:
        """Look up the person's record the form works on (none for a new one); a record
        that is not this person's is missing (404), on GET as on POST."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(person=self.person, title=self.title, **kwargs)

    def get_success_url(self):
        return self.person.get_absolute_url() + f"?tab={self.tab}"


class PersonTransferView(PersonRecordView):
    form_class = TransferForm
    title = _("Điều động, chuyển đơn vị")
    tab = "units"
    success_message = _("Đã ghi nhận chuyển đơn vị.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "units": _managed_units(self.request.user)}

    def perform(self, form):
        return transfer_person(
            self.person,
            unit=form.cleaned_data["unit"],
            on=form.cleaned_data["start_date"],
            position=form.cleaned_data["position"],
            actor=self.request.user,
        )


class AssessmentCreateView(PersonRecordView):
    form_class = AssessmentForm
    title = _("Xếp loại chất lượng hằng năm")
    tab = "assessments"
    success_message = _("Đã lưu xếp loại.")

    def perform(self, form):
        return record_assessment(
            self.person, actor=self.request.user, **form.cleaned_data
        )


class DisciplineCreateView(PersonRecordView):
    form_class = DisciplineForm
    title = _("Kỷ luật")
    tab = "discipline"
    success_message = _("Đã ghi nhận kỷ luật.")

    def perform(self, form):
        return record_discipline(
            self.person, actor=self.request.user, **form.cleaned_data
        )


class PendingMatterCreateView(PersonRecordView):
    form_class = PendingMatterForm
    title = _("Đang xem xét kỷ luật, điều tra, khiếu nại")
    tab = "discipline"
    success_message = _("Đã ghi nhận.")

    def perform(self, form):
        return record_review_matter(
            self.person, actor=self.request.user, **form.cleaned_data
        )


class InitiativeCreateView(PersonRecordView):
    form_class = InitiativeForm
    title = _("Sáng kiến, đề tài khoa học")
    tab = "initiatives"
    success_message = _("Đã lưu sáng kiến.")

    def perform(self, form):
        return record_initiative(
            self.person, actor=self.request.user, **form.cleaned_data
        )


class PendingMatterCloseView(PersonRecordView):
    form_class = ReviewCloseForm
    title = _("Kết thúc vụ việc đang xem xét")
    tab = "discipline"
    success_message = _("Đã ghi nhận kết thúc vụ việc.")

    def find_record(self, kwargs) -> None:
        self.matter = self.person.review_matters.filter(pk=kwargs["matter"]).first()
        if self.matter is None:
            raise Http404

    def perform(self, form):
        return close_review_matter(
            self.matter, end_date=form.cleaned_data["end_date"], actor=self.request.user
        )
