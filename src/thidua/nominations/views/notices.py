"""Public notice pages: the office publishes and answers; anyone reads and comments."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from thidua.common.params import id_param
from thidua.common.throttle import client_ip, hit
from thidua.common.views import apply_errors, require_perm

from ..enums import NominationState
from ..forms import CommentForm, NoticeForm
from ..models import NoticeComment, PublicNotice
from ..selectors import access_notice, access_round, nominations_for_user
from ..services.notice import acknowledge_comment, add_comment, open_notice

__all__ = [
    "NoticeCreateView",
    "NoticeDetailView",
    "PublicNoticeListView",
    "PublicNoticeView",
]


class NoticeCreateView(TemplateView):
    template_name = "nominations/notice_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.round = access_round(request.user, kwargs["pk"])
        require_perm(request.user, "organizations.change_agency", self.round.agency)
        return super().dispatch(request, *args, **kwargs)

    def _candidates(self):
        return list(
            nominations_for_user(self.request.user).filter(
                round=self.round, state=NominationState.COUNCIL_DONE
            )
        )

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", NoticeForm(initial={"starts_on": timezone.localdate()})
        )
        return super().get_context_data(
            round=self.round, rows=self._candidates(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        form = NoticeForm(request.POST)
        if form.is_valid():
            chosen = set(request.POST.getlist("nomination"))
            rows = [n for n in self._candidates() if str(n.pk) in chosen]
            try:
                notice = open_notice(
                    self.round, rows, actor=request.user, **form.cleaned_data
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request,
                    _("Đã công khai danh sách đến hết ngày %(d)s.")
                    % {"d": notice.ends_on.strftime("%d/%m/%Y")},
                )
                return redirect(notice.get_absolute_url())
        return self.render_to_response(self.get_context_data(form=form))


class NoticeDetailView(TemplateView):
    """The office's view: the list, every comment, and the answer to each."""

    template_name = "nominations/notice_detail.html"

    def _notice(self):
        notice = access_notice(self.request.user, self.kwargs["pk"])
        require_perm(
            self.request.user, "organizations.change_agency", notice.round.agency
        )
        return notice

    def get_context_data(self, **kwargs):
        notice = self._notice()
        return super().get_context_data(
            notice=notice,
            nominations=notice.nominations.select_related("person__unit", "agency"),
            comments=notice.comments.select_related(
                "nomination__person", "nomination__agency"
            ),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        notice = self._notice()
        comment = NoticeComment.objects.filter(
            notice=notice, pk=id_param(request.POST, "comment")
        ).first()
        if comment is None:
            raise Http404
        try:
            acknowledge_comment(
                comment, response=request.POST.get("response", ""), actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã ghi kết quả xem xét góp ý."))
        return redirect(notice.get_absolute_url())


@method_decorator(login_not_required, name="dispatch")
class PublicNoticeListView(TemplateView):
    template_name = "nominations/public_notice_list.html"

    def get_context_data(self, **kwargs):
        notices = PublicNotice.objects.select_related("round__agency").filter(
            starts_on__lte=timezone.localdate()
        )
        return super().get_context_data(
            notices=notices, today=timezone.localdate(), **kwargs
        )


@method_decorator(login_not_required, name="dispatch")
class PublicNoticeView(TemplateView):
    """Anyone reads the list (name, unit, title — nothing else) and comments while open."""

    template_name = "nominations/public_notice.html"

    def _notice(self):
        notice = (
            PublicNotice.objects.select_related("round__agency")
            .filter(pk=self.kwargs["pk"], starts_on__lte=timezone.localdate())
            .first()
        )
        if notice is None:
            raise Http404
        return notice

    def get_context_data(self, **kwargs):
        notice = kwargs.pop("notice", None) or self._notice()
        nominations = list(notice.nominations.select_related("person__unit", "agency"))
        kwargs.setdefault("form", CommentForm(nominations=nominations))
        today = timezone.localdate()
        return super().get_context_data(
            notice=notice,
            nominations=nominations,
            is_open=notice.starts_on <= today <= notice.ends_on,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        notice = self._notice()
        form = CommentForm(request.POST, nominations=notice.nominations.all())
        limit = settings.THIDUA_PUBLIC_COMMENTS_PER_HOUR
        if form.is_valid() and not hit(
            "nominations.comment", client_ip(request), limit, 3600
        ):
            form.add_error(
                None,
                _(
                    "Địa chỉ của ông/bà đã gửi quá nhiều góp ý trong một giờ; "
                    "vui lòng thử lại sau."
                ),
            )
            response = self.render_to_response(
                self.get_context_data(notice=notice, form=form)
            )
            response.status_code = 429
            return response
        if form.is_valid():
            data = form.cleaned_data
            try:
                add_comment(
                    notice,
                    data["nomination"],
                    name=data["name"],
                    contact=data["contact"],
                    content=data["content"],
                )
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(
                    request, _("Cảm ơn ông/bà. Góp ý đã được gửi tới cơ quan.")
                )
                return redirect(notice.get_public_url())
        return self.render_to_response(self.get_context_data(notice=notice, form=form))
