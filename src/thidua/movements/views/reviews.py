"""Sơ kết / tổng kết reports: draft from the movement's data, edit, download, issue."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.views import apply_errors, require_perm
from thidua.documents.services.render import render_source

from ..forms.reviews import ReviewForm
from ..models import MovementReport
from ..selectors import access_movement
from ..services.review import draft_review, issue_review, update_review
from .files import file_response

__all__ = [
    "ReviewCreateView",
    "ReviewDraftView",
    "ReviewEditView",
    "ReviewFileView",
    "ReviewIssueView",
]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class _ReviewMixin:
    def load(self, request, pk, review):
        self.movement = access_movement(request.user, pk)
        require_perm(request.user, "movements.change_movement", self.movement)
        self.review = self.movement.reviews.filter(pk=review).first()
        if self.review is None:
            raise Http404


class ReviewCreateView(View):
    def post(self, request, pk):
        movement = access_movement(request.user, pk)
        require_perm(request.user, "movements.change_movement", movement)
        kind = request.POST.get("kind")
        if kind not in MovementReport.Kind.values:
            raise Http404
        try:
            review = draft_review(movement, kind, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(movement.get_absolute_url())
        return redirect("movements:review-edit", pk=movement.pk, review=review.pk)


class ReviewEditView(_ReviewMixin, TemplateView):
    template_name = "movements/review/edit.html"

    def dispatch(self, request, *args, **kwargs):
        self.load(request, kwargs["pk"], kwargs["review"])
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None):
        initial = {
            "title": self.review.title,
            "signer_title": self.review.signer_title,
            "signer_name": self.review.signer_name,
        }
        return ReviewForm(data, initial=initial, sections=self.review.sections)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self._form())
        form = kwargs["form"]
        rows = [
            (form[f"section_{i}_title"], form[f"section_{i}_text"])
            for i in range(form.count)
        ]
        return super().get_context_data(
            **{**kwargs, "movement": self.movement, "review": self.review, "rows": rows}
        )

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                update_review(
                    self.review,
                    title=form.cleaned_data["title"],
                    sections=form.sections(),
                    signer_title=form.cleaned_data["signer_title"],
                    signer_name=form.cleaned_data["signer_name"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu báo cáo."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class ReviewDraftView(_ReviewMixin, View):
    """The draft as DOCX, to read or finish in Word (python-docx only: no LibreOffice)."""

    def get(self, request, pk, review):
        self.load(request, pk, review)
        data = render_source("review", self.review.pk, "docx")
        response = HttpResponse(data, content_type=DOCX)
        set_download_name(response, "bao-cao-du-thao.docx")
        return response


class ReviewIssueView(_ReviewMixin, View):
    def post(self, request, pk, review):
        self.load(request, pk, review)
        try:
            issue_review(self.review, actor=request.user)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("movements:review-edit", pk=pk, review=review)
        self.review.refresh_from_db()
        document = self.review.issued_document
        messages.success(
            request,
            _("Đã ban hành báo cáo số %(symbol)s ngày %(date)s.")
            % {
                "symbol": document.symbol,
                "date": document.issued_on.strftime("%d/%m/%Y"),
            },
        )
        return redirect(self.movement.get_absolute_url())


class ReviewFileView(View):
    def get(self, request, pk, review, fmt):
        movement = access_movement(request.user, pk)
        found = (
            movement.reviews.filter(pk=review).select_related("issued_document").first()
        )
        if found is None:
            raise Http404
        return file_response(found.issued_document, fmt, inline=False, request=request)
