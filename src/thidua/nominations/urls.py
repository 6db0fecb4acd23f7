from django.urls import path

from .views import notices, pages, report

app_name = "nominations"

urlpatterns = [
    path("khen-thuong/dot-xet/", pages.RoundListView.as_view(), name="round-list"),
    path(
        "khen-thuong/dot-xet/<int:pk>/cong-khai/",
        notices.NoticeCreateView.as_view(),
        name="notice-create",
    ),
    path(
        "khen-thuong/cong-khai/<int:pk>/",
        notices.NoticeDetailView.as_view(),
        name="notice-detail",
    ),
    path(
        "cong-khai/khen-thuong/",
        notices.PublicNoticeListView.as_view(),
        name="public-notice-list",
    ),
    path(
        "cong-khai/khen-thuong/<int:pk>/",
        notices.PublicNoticeView.as_view(),
        name="public-notice",
    ),
    path(
        "khen-thuong/dot-xet/mo/<int:agency>/",
        pages.RoundCreateView.as_view(),
        name="round-create",
    ),
    path(
        "khen-thuong/dot-xet/<int:pk>/",
        pages.RoundDetailView.as_view(),
        name="round-detail",
    ),
    path(
        "khen-thuong/dot-xet/<int:pk>/de-nghi/",
        pages.NominationCreateView.as_view(),
        name="nomination-create",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/",
        pages.NominationDetailView.as_view(),
        name="nomination-detail",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/chuyen/",
        pages.NominationMoveView.as_view(),
        name="nomination-move",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/tai-lieu/",
        pages.AttachmentView.as_view(),
        name="nomination-attach",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/bao-cao/",
        report.ReportFormView.as_view(),
        name="nomination-report",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/bao-cao/tao-tep/",
        report.ReportGenerateView.as_view(),
        name="nomination-report-generate",
    ),
    path(
        "khen-thuong/ho-so/<int:pk>/bao-cao/du-thao.docx",
        report.ReportDocxView.as_view(),
        name="nomination-report-docx",
    ),
]
