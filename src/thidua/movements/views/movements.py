"""Pages of the movements an officer runs: list, create, edit, sections, transitions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.history import history_rows
from thidua.common.list_export import Column, ListExportMixin
from thidua.common.params import id_param
from thidua.common.selectors import history_of
from thidua.common.views import ServiceFormView, require_perm, warn_day_off
from thidua.documents.doc_types import doc_type
from thidua.documents.selectors import (
    access_draft,
    delivered_attachments,
    local_types_for,
)
from thidua.documents.views.approval import approval_move
from thidua.organizations.access import scopes_for
from thidua.organizations.models import Agency, Cluster
from thidua.organizations.selectors import own_office_agencies

from ..document import movement_document
from ..enums import MovementState
from ..forms import SECTION_FORMSETS, MovementForm
from ..selectors import access_movement, delivery_board, movements_for_user
from ..services.checks import missing_elements
from ..services.launch_plan import refresh_launch_plan, write_launch_plan
from ..services.movement import (
    MOVEMENT_FIELDS,
    SECTION_RELATED,
    SECTIONS,
    create_movement,
    replace_section,
    transition_movement,
    update_movement,
)
from ..services.review import draftable_review_kinds
from ..workflows import MOVEMENT

__all__ = [
    "MovementCreateView",
    "MovementDetailView",
    "MovementEditView",
    "MovementListView",
    "MovementSectionView",
    "MovementTransitionView",
    "MovementWriteView",
]


def _form_choices(user, launcher=None):
    scopes = scopes_for(user)
    agencies = (
        Agency.objects.all()
        if scopes.is_admin
        else Agency.objects.filter(pk__in=scopes.officer_agencies)
    )
    clusters = (
        Cluster.objects.all()
        if scopes.is_admin
        else Cluster.objects.filter(
            Q(organizer_id__in=scopes.officer_agencies)
            | Q(memberships__agency_id__in=scopes.officer_agencies)
        ).distinct()
    )
    return {
        "agencies": agencies.order_by("name"),
        "clusters": clusters.order_by("name"),
    }


class MovementListView(ListExportMixin, TemplateView):
    template_name = "movements/movement/list.html"
    export_name = "phong-trao-thi-dua.xlsx"
    export_title = "Phong trào thi đua"
    export_columns = [
        Column("Phong trào", lambda m: m.name),
        Column("Năm", lambda m: m.year),
        Column("Cơ quan phát động", lambda m: m.launcher.display_name),
        Column(
            "Số, ký hiệu",
            lambda m: m.issued_document.symbol if m.issued_document else "",
        ),
        Column("Trạng thái", lambda m: m.get_state_display()),
    ]

    def export_rows(self, context):
        return context["movements"].select_related("launcher", "issued_document")

    def get_context_data(self, **kwargs):
        movements = movements_for_user(self.request.user).order_by("-year", "-pk")
        return super().get_context_data(
            movements=movements,
            can_launch=own_office_agencies(self.request.user).exists(),
            **kwargs,
        )


def _warn_deadline(request, movement) -> None:
    warn_day_off(request, _("Hạn đăng ký thi đua"), movement.registration_deadline)


class MovementCreateView(ServiceFormView):
    template_name = "movements/movement/form.html"
    form_class = MovementForm

    def dispatch(self, request, *args, **kwargs):
        launchable = own_office_agencies(request.user)
        chosen = id_param(request.GET, "co_quan")
        self.launcher = (chosen and launchable.filter(pk=chosen).first()) or (
            launchable.first()
        )
        if self.launcher is None:
            raise PermissionDenied
        require_perm(request.user, "movements.add_movement", self.launcher)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        from django.utils import timezone  # noqa: PLC0415 (only here)

        year = timezone.localdate().year
        return {
            "year": year,
            "kind": "thuong_xuyen",
            "scope_agency": self.launcher.pk,
            "type_code": "KH",
            "document_title": "KẾ HOẠCH",
            "archive_units": "VT",
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), **_form_choices(self.request.user)}

    def get_context_data(self, **kwargs):
        return super().get_context_data(launcher=self.launcher, **kwargs)

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k in MOVEMENT_FIELDS}
        movement = create_movement(
            data, launcher=self.launcher, actor=self.request.user
        )
        messages.success(self.request, _("Đã tạo bản nháp phong trào."))
        _warn_deadline(self.request, movement)
        return movement

    def get_success_url(self):
        return self.result.get_absolute_url()


class MovementEditView(ServiceFormView):
    template_name = "movements/movement/form.html"
    form_class = MovementForm
    success_message = _("Đã lưu.")

    def dispatch(self, request, *args, **kwargs):
        self.movement = access_movement(request.user, kwargs["pk"])
        require_perm(request.user, "movements.change_movement", self.movement)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.movement,
            **_form_choices(self.request.user),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            movement=self.movement, launcher=self.movement.launcher, **kwargs
        )

    def perform(self, form):
        data = {k: v for k, v in form.cleaned_data.items() if k in MOVEMENT_FIELDS}
        movement = update_movement(
            self.movement,
            data,
            actor=self.request.user,
            expected_version=form.cleaned_data.get("version"),
        )
        _warn_deadline(self.request, movement)
        return movement

    def get_success_url(self):
        return self.movement.get_absolute_url()


class MovementDetailView(TemplateView):
    template_name = "movements/movement/detail.html"

    def get_context_data(self, **kwargs):
        movement = access_movement(self.request.user, kwargs["pk"])
        user = self.request.user
        can_edit = user.has_perm("movements.change_movement", movement)
        # Launched by a plan written in the editor: that plan is its document.
        issued = movement.issued_document
        launch_plan = (
            movement.draft_documents.filter(issued_document=issued).first()
            if issued is not None and issued.source_kind == "draft"
            else None
        )
        return super().get_context_data(
            launch_plan=launch_plan,
            plan_files=delivered_attachments([issued]).get(issued.pk, [])
            if launch_plan is not None
            else [],
            can_open_plan=launch_plan is not None
            and user.has_perm("documents.view_draft", launch_plan),
            movement=movement,
            doc=movement_document(movement),
            can_edit=can_edit,
            missing=missing_elements(movement) if movement.is_editable else [],
            doc_type=doc_type(movement.type_code, local_types_for(movement.launcher)),
            sections=[(key, title) for key, (title, _f) in SECTION_FORMSETS.items()],
            moves=MOVEMENT.available(user, movement),
            history=history_rows(history_of(movement)[:50]) if can_edit else [],
            board=(board := delivery_board(movement) if can_edit else []),
            units_nobody=[row["delivery"].agency for row in board if row["nobody"]],
            reviews=movement.reviews.select_related("issued_document")
            if can_edit
            else [],
            review_kinds=draftable_review_kinds(movement),
            can_write_plan=movement.issued_document_id is None
            and user.has_perm("documents.add_draft", movement.launcher),
            plans=movement.draft_documents.order_by("-updated_at") if can_edit else [],
            parents=movement.parents.all(),
            implemented=movement.implemented_documents.all(),
            **kwargs,
        )


class MovementSectionView(TemplateView):
    """Edit one ordered section with a formset; htmx posts with ``preview`` render the
    document with the unsaved items, so the officer sees the result while typing."""

    template_name = "movements/movement/section.html"

    def dispatch(self, request, *args, **kwargs):
        self.movement = access_movement(request.user, kwargs["pk"])
        require_perm(request.user, "movements.change_movement", self.movement)
        if kwargs["section"] not in SECTION_FORMSETS:
            raise Http404
        self.section = kwargs["section"]
        self.title, self.formset_class = SECTION_FORMSETS[self.section]
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.htmx:  # opened in place on the movement's page
            return self._fragment(
                "movements/movement/_section_in_place.html", in_place=True
            )
        return super().get(request, *args, **kwargs)

    def _initial(self):
        _model, fields = SECTIONS[self.section]
        related = SECTION_RELATED[self.section]
        return [
            {name: getattr(item, name) for name in fields if hasattr(item, name)}
            for item in getattr(self.movement, related).all()
        ]

    def _items(self, formset) -> list[dict]:
        rows = [
            f.cleaned_data
            for f in formset.ordered_forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        return [
            {k: v for k, v in row.items() if k not in ("ORDER", "DELETE")}
            for row in rows
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("formset", self.formset_class(initial=self._initial()))
        kwargs.setdefault("doc", movement_document(self.movement))
        return super().get_context_data(
            **{
                **kwargs,
                "movement": self.movement,
                "section": self.section,
                "title": self.title,
            }
        )

    def post(self, request, *args, **kwargs):
        formset = self.formset_class(request.POST, initial=self._initial())
        preview_only = bool(request.POST.get("preview"))
        if not formset.is_valid() and not preview_only:
            if request.htmx:
                return self._fragment(formset=formset)
            return self.render_to_response(self.get_context_data(formset=formset))
        if preview_only:
            # While typing, an item may not be valid yet: preview the valid ones only.
            model, _fields = SECTIONS[self.section]
            valid = [
                f
                for f in formset.forms
                if f.is_valid() and f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            valid.sort(key=lambda f: f.cleaned_data.get("ORDER") or 0)
            preview = [
                model(
                    **{
                        k: v
                        for k, v in f.cleaned_data.items()
                        if k not in ("ORDER", "DELETE")
                    }
                )
                for f in valid
            ]
            doc = movement_document(self.movement, overrides={self.section: preview})
            return self.response_class(
                request=request,
                template=["movements/movement/_document.html"],
                context={"doc": doc},
            )
        items = self._items(formset)
        try:
            replace_section(self.movement, self.section, items, actor=request.user)
        except ValidationError as exc:
            if request.htmx:
                return self._fragment(formset=formset, error=" ".join(exc.messages))
            messages.error(request, " ".join(exc.messages))
            return self.render_to_response(self.get_context_data(formset=formset))
        if request.htmx:
            # Saved where it is edited: the form comes back with the saved items and
            # one more empty row, and the officer goes on to the next section.
            self.movement.refresh_from_db()
            return self._fragment(saved=True)
        messages.success(request, _("Đã lưu %(section)s.") % {"section": self.title})
        return redirect(self.movement.get_absolute_url())

    def _fragment(self, template="movements/movement/_section_form.html", **context):
        return self.response_class(
            request=self.request,
            template=[template],
            context=self.get_context_data(**context),
        )


class MovementTransitionView(View):
    """One step of the movement, as ``MOVEMENT.available`` offers it: submit the launch
    document (the office), approve or return it (the head or whoever signs for him),
    number and issue it (the clerk), then the stages of the movement."""

    def post(self, request, pk):
        movement = access_movement(request.user, pk)

        def step(obj, *, actor, reason, issued_on):
            return transition_movement(
                obj,
                request.POST.get("to", ""),
                actor=actor,
                reason=reason,
                issued_on=issued_on,
            )

        return approval_move(
            request,
            movement,
            MOVEMENT,
            dict.fromkeys(MovementState.values, step),
            done=_("Đã cập nhật trạng thái phong trào."),
        )


class MovementWriteView(View):
    """Write the launch plan in the document editor, from the movement's data."""

    def post(self, request, pk):
        movement = access_movement(request.user, pk)
        require_perm(request.user, "documents.add_draft", movement.launcher)
        try:
            draft = write_launch_plan(movement, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect(movement.get_absolute_url())
        return redirect("documents:drafts-edit", pk=draft.pk)


class MovementRefreshPlanView(View):
    """Write the data sections of a launch plan drafted in the editor again from the
    movement (rounds, awards, money changed since)."""

    def post(self, request, pk, draft):
        movement = access_movement(request.user, pk)
        plan = access_draft(request.user, draft)
        if plan.movement_id != movement.pk:
            raise Http404
        require_perm(request.user, "documents.change_draft", plan)
        try:
            refresh_launch_plan(plan, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                _("Đã cập nhật các mục của văn bản từ dữ liệu phong trào."),
            )
        return redirect(movement.get_absolute_url())
