"""The pages that read across every domain (no namespace: their names are the site's
own) and the accounts pages under ``/tai-khoan/`` (namespace ``accounts``)."""

from django.urls import include, path

from .views import audit_log, calendar, dashboards, law, legal_texts, pages, queues

urlpatterns = [
    path("", pages.DashboardView.as_view(), name="dashboard"),
    path("nhat-ky/", audit_log.AuditLogView.as_view(), name="audit-log"),
    path(
        "thong-ke/",
        dashboards.DashboardChartsView.as_view(),
        name="dashboard-charts",
    ),
    path("tim-kiem/", pages.SearchView.as_view(), name="search"),
    path(
        "phap-luat/van-ban/",
        legal_texts.LegalTextsView.as_view(),
        name="legal-texts",
    ),
    path("phap-luat/che-do/", law.LawView.as_view(), name="law"),
    path("quan-tri/ngay-nghi/", calendar.WorkdaysView.as_view(), name="workdays"),
    path(
        "quan-tri/ngay-nghi/xoa/",
        calendar.WorkdaysRemoveView.as_view(),
        name="workdays-remove",
    ),
    path("van-ban/cho-duyet/", queues.ApprovalQueueView.as_view(), name="approvals"),
    path("van-ban/cho-ban-hanh/", queues.IssueQueueView.as_view(), name="issue-queue"),
    path("tai-khoan/", include("thidua.site.account_urls")),
]
