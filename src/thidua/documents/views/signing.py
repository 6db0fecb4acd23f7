"""Signing credentials (agency administrators: the seals and their signers' own; a
person: his own) and the public document checker."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.common.throttle import client_ip, hit
from thidua.common.views import apply_errors

from ..forms import CredentialForm, PersonalCredentialForm, VerifyForm
from ..models import IssuedDocument, SigningCredential
from ..selectors import (
    manageable_credentials,
    signing_admin_agencies,
    signing_admin_people,
)
from ..services.credentials import generate_test_personal_credential
from ..services.signing import (
    deactivate_credential,
    personal_signing_status,
    sha256,
    upload_credential,
    upload_personal_credential,
    verify_pdf,
)

__all__ = [
    "CredentialDeactivateView",
    "CredentialsView",
    "MyCredentialsView",
    "PersonalCredentialsView",
    "PublicVerifyView",
]


class CredentialsView(TemplateView):
    """The credentials of the agencies the administrator manages, and the upload form.
    The key and the passphrase are never shown back."""

    template_name = "documents/credentials.html"

    def dispatch(self, request, *args, **kwargs):
        self.agencies = signing_admin_agencies(request.user)
        if not self.agencies.exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _form(self, data=None, files=None):
        form = CredentialForm(data, files)
        form.fields["agency"].queryset = self.agencies
        return form

    def get_context_data(self, **kwargs):
        credentials = SigningCredential.objects.filter(
            agency__in=self.agencies
        ).select_related("agency", "uploaded_by")
        return super().get_context_data(
            form=kwargs.pop("form", None) or self._form(),
            credentials=credentials,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        form = self._form(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                upload_credential(
                    data["agency"],
                    data["p12"].read(),
                    data["passphrase"],
                    data["label"],
                    data["visible_stamp"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu chứng thư số."))
                return redirect("documents:credentials")
        return self.render_to_response(self.get_context_data(form=form))


class PersonalCredentialsView(TemplateView):
    """The own certificates of the heads and deputies of the administrator's agencies,
    and the form to load one for them. Also the person's own page (``mine``)."""

    template_name = "documents/personal_credentials.html"
    mine = False

    def dispatch(self, request, *args, **kwargs):
        if self.mine:
            self.person = request.user.person
            if self.person is None:
                raise Http404
            self.people = None
        else:
            self.people = signing_admin_people(request.user)
            if not signing_admin_agencies(request.user).exists():
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def _credentials(self):
        query = SigningCredential.objects.select_related("person", "uploaded_by")
        if self.mine:
            return query.filter(person=self.person)
        return query.filter(person__in=self.people)

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or PersonalCredentialForm(people=self.people)
        if self.mine:  # what his signature would be made with, or why it would not
            kwargs["status"] = personal_signing_status(self.person)
        return super().get_context_data(
            form=form,
            credentials=self._credentials(),
            mine=self.mine,
            people=self.people,
            test_certificates=settings.THIDUA_TEST_CERTIFICATES,
            **kwargs,
        )

    def _generate(self, request):
        """A demo install only (else hidden): a test certificate for the person."""
        if not settings.THIDUA_TEST_CERTIFICATES:
            raise Http404
        if self.mine:
            person = self.person
        else:
            chosen = request.POST.get("person", "")
            person = self.people.filter(pk=chosen).first() if chosen.isdigit() else None
            if person is None:  # not one of the signers of his agencies
                raise Http404
        generate_test_personal_credential(person, actor=request.user)
        messages.success(
            request,
            _("Đã tạo chứng thư thử nghiệm cho %(name)s.") % {"name": person.full_name},
        )
        return redirect(request.path)

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "generate":
            return self._generate(request)
        form = PersonalCredentialForm(request.POST, request.FILES, people=self.people)
        if form.is_valid():
            data = form.cleaned_data
            try:
                upload_personal_credential(
                    self.person if self.mine else data["person"],
                    data["p12"].read(),
                    data["passphrase"],
                    data["label"],
                    data["visible_stamp"],
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã lưu chứng thư số cá nhân."))
                return redirect(request.path)
        return self.render_to_response(self.get_context_data(form=form))


class MyCredentialsView(PersonalCredentialsView):
    mine = True


class CredentialDeactivateView(View):
    def post(self, request, pk):
        credential = manageable_credentials(request.user).filter(pk=pk).first()
        if credential is None:
            raise Http404
        deactivate_credential(credential, actor=request.user)
        messages.success(request, _("Đã ngừng dùng chứng thư số."))
        if not credential.person_id:
            return redirect("documents:credentials")
        if credential.person_id == request.user.person_id:
            return redirect("documents:my-credentials")
        return redirect("documents:personal-credentials")


@method_decorator(login_not_required, name="dispatch")
class PublicVerifyView(TemplateView):
    """Anyone holding a PDF may check its signature and whether it is in the register."""

    template_name = "documents/verify_pdf.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", VerifyForm())
        return super().get_context_data(
            max_size=settings.THIDUA_MAX_UPLOAD_BYTES, **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = VerifyForm(request.POST, request.FILES)
        limit = settings.THIDUA_PUBLIC_VERIFY_PER_HOUR
        if not hit("documents.verify_pdf", client_ip(request), limit, 3600):
            return self.render_to_response(
                self.get_context_data(throttled=True), status=429
            )
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        data = form.cleaned_data["file"]
        digest = sha256(data)
        document = (
            IssuedDocument.objects.filter(pdf_sha256=digest, status="ready")
            .select_related("series__agency", "series__council")
            .first()
        )
        issuer = ""
        if document is not None:
            series = document.series
            issuer = series.agency.name if series.agency_id else series.council.name
        return self.render_to_response(
            self.get_context_data(
                form=VerifyForm(),
                report=verify_pdf(data, document=document),
                sha256=digest,
                document=document,
                issuer=issuer,
            )
        )
