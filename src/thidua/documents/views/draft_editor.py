"""The document editor (static/thidua/draft_editor.js): the page, its saves (JSON,
with the version read), its preview (the PDF's own pages) and its paste."""

import base64
import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.views import require_perm

from ..drafting.paste import paste_nodes
from ..drafting.preview import PreviewError, pdf_pages
from ..drafting.validation import issue_problems
from ..rendering import ConversionError, SpecError, render_pdf
from ..selectors import access_draft, draft_agencies, signer_choices
from ..services.draft_issue import spec_for_draft_id
from ..services.drafts import save_content

__all__ = ["DraftEditView", "DraftPasteView", "DraftPreviewView", "DraftSaveView"]

# A pasted or saved body larger than this is not a document typed by a person.
_MAX_BODY = 5 * 1024 * 1024


class DraftEditView(TemplateView):
    template_name = "documents/drafts/edit.html"

    def get(self, request, *args, **kwargs):
        draft = access_draft(request.user, kwargs["pk"])
        require_perm(request.user, "documents.change_draft", draft)
        if not draft.is_editable:
            return redirect(draft.get_absolute_url())
        self.draft = draft
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            draft=self.draft,
            people=signer_choices(self.request.user, self.draft.agency),
            **kwargs,
        )


def _json_body(request) -> dict:
    if request.content_type != "application/json":
        # A form post (the CSRF check has read its stream already) is not the editor's.
        raise ValidationError(_("Nội dung gửi lên không phải JSON hợp lệ."))
    if len(request.body) > _MAX_BODY:
        raise ValidationError(_("Nội dung gửi lên quá lớn."))
    try:
        data = json.loads(request.body or b"{}")
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(_("Nội dung gửi lên không phải JSON hợp lệ.")) from None
    if not isinstance(data, dict):
        raise ValidationError(_("Nội dung gửi lên không phải JSON hợp lệ."))
    return data


def _refused(message: str, problems=(), status: int = 400) -> JsonResponse:
    return JsonResponse(
        {"message": message, "problems": list(problems)},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


class DraftSaveView(View):
    """POST ``{"content": {...}, "version": n}``: the content saved, or every
    problem named; 409 when someone saved a newer version meanwhile."""

    def post(self, request, pk):
        draft = access_draft(request.user, pk)
        require_perm(request.user, "documents.change_draft", draft)
        try:
            data = _json_body(request)
            version = data.get("version")
            if isinstance(version, bool) or not isinstance(version, int):
                raise ValidationError(_("Thiếu phiên bản văn bản đang sửa."))
            draft = save_content(
                draft, data.get("content"), actor=request.user, expected_version=version
            )
        except ValidationError as exc:
            if any(e.code == "stale" for e in exc.error_list):
                return _refused(exc.messages[0], status=409)
            return _refused(_("Chưa lưu được, văn bản có chỗ sai:"), exc.messages)
        saved = date_format(timezone.localtime(draft.updated_at), "H:i:s")
        return JsonResponse(
            {
                "version": draft.version,
                "saved": _("Đã lưu lúc %(time)s") % {"time": saved},
                "issue_problems": issue_problems(draft.content),
            },
            json_dumps_params={"ensure_ascii": False},
        )


class DraftPreviewView(View):
    """The pages of the PDF the draft's text makes now (HTML fragment of images)."""

    def post(self, request, pk):
        draft = access_draft(request.user, pk)
        pages, problems = [], []
        try:
            pdf = render_pdf(spec_for_draft_id(draft.pk))
            pages = [base64.b64encode(page).decode() for page in pdf_pages(pdf, dpi=72)]
        except SpecError as exc:
            problems = exc.problems
        except (ConversionError, PreviewError) as exc:
            problems = getattr(exc, "problems", None) or [str(exc)]
        return render(
            request,
            "documents/drafts/_preview.html",
            {"pages": pages, "problems": problems},
        )

    def get(self, request, pk):
        access_draft(request.user, pk)
        return HttpResponseNotAllowed(["POST"])


class DraftPasteView(View):
    """POST ``{"html": "...", "text": "..."}`` → ``{"nodes": [...]}``."""

    def post(self, request):
        if not draft_agencies(request.user).exists():
            raise PermissionDenied
        try:
            data = _json_body(request)
        except ValidationError as exc:
            return _refused(exc.messages[0])
        html, text = data.get("html"), data.get("text")
        nodes = paste_nodes(
            html=html if isinstance(html, str) else "",
            text=text if isinstance(text, str) else "",
        )
        return JsonResponse({"nodes": nodes}, json_dumps_params={"ensure_ascii": False})
