"""Sơ kết / tổng kết reports: draft from the movement's data, edit, download, issue."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import set_download_name
from thidua.common.forms import StyledFormMixin
from thidua.common.views import apply_errors, require_perm
from thidua.documents.services.render import render_source

from ..models import Review
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


class ReviewForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=gettext_lazy("Trích yếu"), max_length=500)
    signer_title = forms.CharField(
        label=gettext_lazy("Chức vụ người ký"), max_length=160
    )
    signer_name = forms.CharField(
        label=gettext_lazy("Họ tên người ký"), max_length=120, required=False
    )

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        self.count = len(sections)
        for index, section in enumerate(sections):
            self.fields[f"section_{index}_title"] = forms.CharField(
                label=gettext_lazy("Mục %(n)s") % {"n": index + 1},
                initial=section["title"],
                max_length=200,
            )
            self.fields[f"section_{index}_text"] = forms.CharField(
                label=gettext_lazy("Nội dung"),
                initial=section["text"],
                required=False,
                widget=forms.Textarea(attrs={"rows": 5, "class": "form-control"}),
            )
            self.fields[f"section_{index}_title"].widget.attrs["class"] = "form-control"

    def sections(self) -> list[dict]:
        return [
            {
                "title": self.cleaned_data[f"section_{i}_title"],
                "text": self.cleaned_data[f"section_{i}_text"],
            }
            for i in range(self.count)
        ]


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
        if kind not in Review.Kind.values:
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
        messages.success(request, _("Đã ban hành báo cáo."))
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
