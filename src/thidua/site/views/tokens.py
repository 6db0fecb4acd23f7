"""API tokens: each user lists, creates and revokes their own; a system administrator
sees and revokes everyone's. The plaintext is shown once, in the answer to the creation,
never stored and never put in a redirect or a message."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.accounts.forms import ApiTokenForm
from thidua.accounts.services import issue_token, revoke_token
from thidua.common.views import apply_errors
from thidua.organizations.access import scopes_for
from thidua.organizations.account_selectors import access_token, tokens_for_user

__all__ = ["TokenListView", "TokenRevokeView"]


class TokenListView(TemplateView):
    template_name = "accounts/tokens.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        kwargs.setdefault(
            "form",
            ApiTokenForm(
                initial={"expires_on": timezone.localdate() + datetime.timedelta(90)}
            ),
        )
        return super().get_context_data(
            tokens=tokens_for_user(user),
            show_owner=scopes_for(user).is_admin,
            **kwargs,
        )

    def post(self, request):
        form = ApiTokenForm(request.POST)
        plaintext = None
        if form.is_valid():
            data = form.cleaned_data
            expires_at = timezone.make_aware(
                datetime.datetime.combine(data["expires_on"], datetime.time.min)
            )
            try:
                token, plaintext = issue_token(
                    request.user,
                    data["name"],
                    data["scopes"],
                    expires_at,
                    actor=request.user,
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                form = ApiTokenForm(initial={"expires_on": data["expires_on"]})
        response = self.render_to_response(
            self.get_context_data(form=form, plaintext=plaintext)
        )
        response["Cache-Control"] = "no-store"
        return response


class TokenRevokeView(View):
    def post(self, request, pk):
        token = access_token(request.user, pk)
        revoke_token(token, actor=request.user)
        messages.success(request, _("Đã thu hồi khóa %(n)s.") % {"n": token.name})
        return redirect("accounts:token-list")
