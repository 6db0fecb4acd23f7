"""One's notifications ("Thông báo"): the list, opening one (read, then on to what it
is about), all read at once, and how they reach one's mailbox. Nobody sees another
account's: someone else's notification is missing, not forbidden."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from thidua.accounts.forms import MailPreferenceForm
from thidua.accounts.models import Notification
from thidua.accounts.notifications import (
    mark_all_read,
    mark_read,
    notifications_for,
    set_mail_preference,
)

__all__ = [
    "NotificationListView",
    "NotificationOpenView",
    "NotificationReadAllView",
    "NotificationSettingsView",
]


class NotificationListView(TemplateView):
    template_name = "accounts/notifications.html"

    def get_context_data(self, **kwargs):
        rows = notifications_for(self.request.user)
        return super().get_context_data(
            page=Paginator(rows, 50).get_page(self.request.GET.get("page")),
            unread=rows.filter(read_at__isnull=True).exists(),
            **kwargs,
        )


class NotificationOpenView(View):
    """Mark it read and go where it points (or back to the list)."""

    def get(self, request, pk):
        try:
            notification = mark_read(request.user, pk)
        except (Notification.DoesNotExist, ValueError, TypeError):
            raise Http404 from None
        target = notification.link
        if not target or not url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}
        ):
            target = reverse("accounts:notifications")
        return redirect(target)


class NotificationReadAllView(View):
    def post(self, request):
        count = mark_all_read(request.user)
        messages.success(
            request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count}
        )
        return redirect("accounts:notifications")


class NotificationSettingsView(TemplateView):
    template_name = "accounts/notification_settings.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form",
            MailPreferenceForm(
                initial={"mail_preference": self.request.user.mail_preference}
            ),
        )
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = MailPreferenceForm(request.POST)
        if form.is_valid():
            # The form's choices are the service's: nothing left for it to refuse.
            set_mail_preference(
                request.user, form.cleaned_data["mail_preference"], actor=request.user
            )
            messages.success(request, _("Đã lưu cách nhận thông báo."))
            return redirect("accounts:notification-settings")
        return self.render_to_response(self.get_context_data(form=form))
