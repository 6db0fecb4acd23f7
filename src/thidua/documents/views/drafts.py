"""Pages of the documents written in thidua (drafts): the list, a new one from a
template or a Word file, a draft's page with its steps (to the head, approved or
returned, issued by the clerk), its files, the DOCX/PDF of its current text."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import uploaded_file_response
from thidua.common.history import history_rows
from thidua.common.selectors import history_of
from thidua.common.text import fold
from thidua.common.views import ServiceFormView, apply_errors, require_perm

from ..draft_forms import AttachForm, DraftImportForm, DraftStartForm, TemplateNameForm
from ..drafting.content import KINDS
from ..files import generated_file_response
from ..models.drafts import DocumentTemplate, DraftState
from ..rendering import SpecError, render_docx
from ..selectors import access_draft, agency_templates, draft_agencies, drafts_for_user
from ..services.draft_files import attach_file, remove_attachment
from ..services.draft_issue import spec_for_draft_id, transition_draft
from ..services.drafts import create_draft, import_draft, save_as_template
from ..workflows import DRAFT
from .approval import approval_move

__all__ = [
    "DraftAttachView",
    "DraftAttachmentView",
    "DraftCreateView",
    "DraftDetachView",
    "DraftDetailView",
    "DraftFileView",
    "DraftImportView",
    "DraftListView",
    "DraftMoveView",
    "DraftTemplateView",
]


class DraftListView(TemplateView):
    """The documents the user's agencies write, newest first; filtered by state,
    kind and words of the trích yếu (diacritics or not)."""

    template_name = "documents/drafts/list.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        require_perm(user, "documents.view_drafts")
        drafts = drafts_for_user(user).order_by("-updated_at", "-id")
        state = self.request.GET.get("trang-thai", "")
        kind = self.request.GET.get("loai", "")
        query = self.request.GET.get("q", "").strip()[:200]
        if state in DraftState.values:
            drafts = drafts.filter(state=state)
        if kind in KINDS:
            drafts = drafts.filter(kind=kind)
        if query:
            words = fold(query).split()
            ids = [
                pk
                for pk, title in drafts.values_list("pk", "title")
                if all(word in fold(title) for word in words)
            ]
            drafts = drafts.filter(pk__in=ids)
        return super().get_context_data(
            page=Paginator(drafts, 50).get_page(self.request.GET.get("page")),
            states=DraftState.choices,
            kinds=[(code, kind.label) for code, kind in KINDS.items()],
            state=state,
            kind=kind,
            query=query,
            can_write=draft_agencies(user).exists(),
            **kwargs,
        )


def _writable_agencies(user):
    agencies = draft_agencies(user).order_by("name")
    if not agencies.exists():
        raise Http404  # nobody writes documents for an agency he cannot see
    return agencies


class DraftCreateView(ServiceFormView):
    template_name = "documents/drafts/create.html"
    form_class = DraftStartForm

    def dispatch(self, request, *args, **kwargs):
        self.agencies = _writable_agencies(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "agencies": self.agencies,
            "templates": DocumentTemplate.objects.filter(
                agency__in=self.agencies
            ).select_related("agency"),
        }

    def perform(self, form):
        agency = form.cleaned_data["agency"]
        how, _sep, value = form.cleaned_data["start"].partition(":")
        if how == "mau":
            return create_draft(
                agency=agency, template_code=value, actor=self.request.user
            )
        if how == "rieng":
            template = agency_templates(agency).filter(pk=value).first()
            if template is None:
                raise ValidationError(
                    {"start": [_("Mẫu này không phải của cơ quan đã chọn.")]}
                )
            return create_draft(
                agency=agency, template=template, actor=self.request.user
            )
        return create_draft(agency=agency, kind=value, actor=self.request.user)

    def get_success_url(self):
        return reverse("documents:drafts-edit", args=[self.result.pk])


class DraftImportView(ServiceFormView):
    template_name = "documents/drafts/import.html"
    form_class = DraftImportForm

    def dispatch(self, request, *args, **kwargs):
        self.agencies = _writable_agencies(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agencies": self.agencies}

    def perform(self, form):
        upload = form.cleaned_data["file"]
        draft, unplaced = import_draft(
            upload.read(),
            agency=form.cleaned_data["agency"],
            actor=self.request.user,
            file_name=upload.name,
        )
        messages.success(self.request, _("Đã đọc văn bản vào để soạn tiếp."))
        for line in unplaced:
            messages.warning(
                self.request, _("Chưa đặt được: %(line)s") % {"line": line}
            )
        return draft

    def get_success_url(self):
        return reverse("documents:drafts-edit", args=[self.result.pk])


class DraftDetailView(TemplateView):
    template_name = "documents/drafts/detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        draft = access_draft(user, kwargs["pk"])
        can_edit = user.has_perm("documents.change_draft", draft)
        return super().get_context_data(
            draft=draft,
            obj=draft,
            can_edit=can_edit and draft.is_editable,
            can_keep=can_edit,
            moves=DRAFT.available(user, draft),
            attachments=draft.attachments.all(),
            attach_form=AttachForm(),
            template_form=TemplateNameForm(initial={"name": draft.title[:200]}),
            history=history_rows(history_of(draft)[:50]),
            **kwargs,
        )


class DraftMoveView(View):
    """One step of the draft, as ``DRAFT.available`` offers it."""

    def post(self, request, pk):
        draft = access_draft(request.user, pk)

        def step(obj, *, actor, reason, issued_on):
            return transition_draft(
                obj,
                request.POST.get("to", ""),
                actor=actor,
                reason=reason,
                issued_on=issued_on,
            )

        return approval_move(
            request,
            draft,
            DRAFT,
            dict.fromkeys(DraftState.values, step),
            done=_("Đã cập nhật trạng thái văn bản."),
        )


class DraftFileView(View):
    """The DOCX or PDF of the draft's text as it stands (an issued draft: the
    register's stored, signed files)."""

    def get(self, request, pk, fmt):
        draft = access_draft(request.user, pk)
        if draft.issued_document_id:
            return redirect("documents:file", pk=draft.issued_document_id, fmt=fmt)
        try:
            docx = render_docx(spec_for_draft_id(draft.pk))
        except SpecError as exc:
            for problem in exc.problems:
                messages.error(request, problem)
            return redirect(draft.get_absolute_url())
        return generated_file_response(docx, fmt, f"du-thao-{draft.pk}")


def _draft_form_post(request, pk, form_class, action, done: str):
    """The office's form on a draft's page: the service runs on valid data; its
    refusals and the form's errors come back as messages on the page."""
    draft = access_draft(request.user, pk)
    require_perm(request.user, "documents.change_draft", draft)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(draft, form.cleaned_data)
        except ValidationError as exc:
            apply_errors(form, exc)
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    if not form.errors:
        messages.success(request, done)
    return redirect(draft.get_absolute_url())


class DraftAttachView(View):
    def post(self, request, pk):
        return _draft_form_post(
            request,
            pk,
            AttachForm,
            lambda draft, data: attach_file(draft, data["file"], actor=request.user),
            _("Đã đính kèm tệp."),
        )


def _attachment(user, pk, attachment):
    draft = access_draft(user, pk)
    found = draft.attachments.filter(pk=attachment).first()
    if found is None:
        raise Http404
    return draft, found


class DraftAttachmentView(View):
    def get(self, request, pk, attachment):
        _draft, found = _attachment(request.user, pk, attachment)
        return uploaded_file_response(request, found.file, found.original_name)


class DraftDetachView(View):
    def post(self, request, pk, attachment):
        draft, found = _attachment(request.user, pk, attachment)
        require_perm(request.user, "documents.change_draft", draft)
        try:
            remove_attachment(found, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã bỏ tệp kèm theo."))
        return redirect(draft.get_absolute_url())


class DraftTemplateView(View):
    """Keep the draft's text as one of the agency's templates."""

    def post(self, request, pk):
        return _draft_form_post(
            request,
            pk,
            TemplateNameForm,
            lambda draft, data: save_as_template(
                draft, data["name"], actor=request.user
            ),
            _("Đã lưu thành mẫu của cơ quan."),
        )
