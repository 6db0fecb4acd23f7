"""The public verification page the certificate's QR code points to (no login)."""

from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator
from django.views.generic import TemplateView

from ..selectors import award_by_verification_code

__all__ = ["VerifyView"]


@method_decorator(login_not_required, name="dispatch")
class VerifyView(TemplateView):
    """Shows the award (name, title, decision, issuer), or says it does not exist or was
    annulled. Nothing else about the person is shown."""

    template_name = "awards/verify.html"

    def get_context_data(self, **kwargs):
        award = award_by_verification_code(kwargs["code"])
        return super().get_context_data(award=award, **kwargs)
