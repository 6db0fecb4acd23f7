"""The launch document's files, for signed-in users who see the movement and for the
public once it is issued."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import TemplateView

from thidua.common.downloads import uploaded_file_response
from thidua.documents.files import file_response
from thidua.documents.selectors import delivered_attachment

from ..selectors import access_movement, public_movements

__all__ = [
    "MovementAttachmentView",
    "MovementFileView",
    "MovementFilesStatusView",
    "PublicMovementDetailView",
    "PublicMovementFileView",
    "PublicMovementListView",
]


class MovementFileView(View):
    def get(self, request, pk, fmt):
        movement = access_movement(request.user, pk)
        return file_response(
            movement.issued_document, fmt, inline=False, request=request
        )


class MovementAttachmentView(View):
    """A file delivered with the plan that launched the movement, for whoever sees
    the movement (its units included); 404 for any other file."""

    def get(self, request, pk, attachment):
        movement = access_movement(request.user, pk)
        found = delivered_attachment(movement.issued_document_id, attachment)
        return uploaded_file_response(request, found.file, found.original_name)


class MovementFilesStatusView(TemplateView):
    """The download buttons, polled by htmx while the files are being made."""

    template_name = "movements/movement/_files.html"

    def get_context_data(self, **kwargs):
        movement = access_movement(self.request.user, kwargs["pk"])
        if movement.issued_document is None:
            raise Http404
        return super().get_context_data(
            movement=movement, document=movement.issued_document, **kwargs
        )


@method_decorator(login_not_required, name="dispatch")
class PublicMovementListView(TemplateView):
    template_name = "movements/public/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(movements=public_movements()[:200], **kwargs)


@method_decorator(login_not_required, name="dispatch")
class PublicMovementDetailView(TemplateView):
    template_name = "movements/public/detail.html"

    def get_context_data(self, **kwargs):
        movement = public_movements().filter(pk=kwargs["pk"]).first()
        if movement is None:
            raise Http404
        return super().get_context_data(movement=movement, **kwargs)


@method_decorator(login_not_required, name="dispatch")
class PublicMovementFileView(View):
    def get(self, request, pk):
        movement = public_movements().filter(pk=pk).first()
        if movement is None:
            raise Http404
        return file_response(
            movement.issued_document, "pdf", inline=True, request=request
        )
