"""Account administration for system administrators: create, roles, lock, password."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.accounts.forms import AccountCreateForm, PasswordSetForm, RoleForm
from thidua.accounts.services import (
    change_password,
    create_account,
    grant_role,
    revoke_role,
    set_active,
)
from thidua.common.history import history_rows
from thidua.common.selectors import history_of
from thidua.common.views import ServiceFormView, apply_errors
from thidua.organizations.access import scopes_for
from thidua.organizations.account_selectors import access_account, accounts_for_user
from thidua.organizations.models import Agency, Council
from thidua.organizations.selectors import people_for_user

__all__ = [
    "AccountCreateView",
    "AccountDetailView",
    "AccountListView",
    "AccountLockView",
    "AccountPasswordView",
    "RoleRevokeView",
]


class _AdminOnly:
    def dispatch(self, request, *args, **kwargs):
        if not scopes_for(request.user).is_admin:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class AccountListView(_AdminOnly, TemplateView):
    template_name = "accounts/admin/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            accounts=accounts_for_user(self.request.user), **kwargs
        )


class AccountCreateView(_AdminOnly, ServiceFormView):
    template_name = "accounts/admin/form.html"
    form_class = AccountCreateForm

    def get_form_kwargs(self):
        people = (
            people_for_user(self.request.user)
            .filter(user__isnull=True)
            .order_by("sort_key")
        )
        return {**super().get_form_kwargs(), "people": people}

    def perform(self, form):
        data = form.cleaned_data
        if not data["person"] and not (data["first_name"] and data["last_name"]):
            raise ValidationError({"last_name": [_("Nhập họ tên hoặc chọn cá nhân.")]})
        user = create_account(actor=self.request.user, **data)
        messages.success(
            self.request, _("Đã tạo tài khoản %(u)s.") % {"u": user.username}
        )
        return user

    def get_success_url(self):
        return reverse("accounts:account-detail", args=[self.result.pk])


class AccountDetailView(_AdminOnly, TemplateView):
    template_name = "accounts/admin/detail.html"

    def _role_form(self, data=None):
        return RoleForm(
            data,
            agencies=Agency.objects.order_by("name"),
            councils=Council.objects.order_by("name"),
        )

    def get_context_data(self, **kwargs):
        account = access_account(self.request.user, kwargs["pk"])
        kwargs.setdefault("role_form", self._role_form())
        kwargs.setdefault("password_form", PasswordSetForm())
        return super().get_context_data(
            account=account, history=history_rows(history_of(account)[:50]), **kwargs
        )

    def post(self, request, pk):
        account = access_account(request.user, pk)
        form = self._role_form(request.POST)
        if form.is_valid():
            try:
                grant_role(account, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã phân quyền."))
                return redirect("accounts:account-detail", pk=account.pk)
        return self.render_to_response(self.get_context_data(pk=pk, role_form=form))


class RoleRevokeView(_AdminOnly, View):
    def post(self, request, pk, role_id):
        account = access_account(request.user, pk)
        assignment = account.roles.filter(pk=role_id).first()
        if assignment is not None:
            revoke_role(assignment, actor=request.user)
            messages.success(request, _("Đã thu hồi quyền."))
        return redirect("accounts:account-detail", pk=account.pk)


class AccountLockView(_AdminOnly, View):
    def post(self, request, pk):
        account = access_account(request.user, pk)
        try:
            set_active(account, request.POST.get("active") == "1", actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect("accounts:account-detail", pk=account.pk)


class AccountPasswordView(_AdminOnly, View):
    def post(self, request, pk):
        account = access_account(request.user, pk)
        form = PasswordSetForm(request.POST)
        if form.is_valid():
            try:
                change_password(
                    account, form.cleaned_data["password"], actor=request.user
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, _("Đã đặt mật khẩu mới."))
                return redirect("accounts:account-detail", pk=account.pk)
        view = AccountDetailView(request=request, kwargs={"pk": pk})
        return view.render_to_response(view.get_context_data(pk=pk, password_form=form))
