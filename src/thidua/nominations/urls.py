from django.urls import path

from .views import notices, pages, submissions

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
    ),  # fmt: skip
    path(
        "khen-thuong/ho-so/<int:pk>/chuyen/",
        pages.NominationMoveView.as_view(),
        name="nomination-move",
    ),  # fmt: skip
    path(
        "khen-thuong/ho-so/<int:pk>/tai-lieu/",
        pages.AttachmentView.as_view(),
        name="nomination-attach",
    ),  # fmt: skip
    path(
        "khen-thuong/dot-xet/<int:pk>/trinh-cap-tren/",
        submissions.SubmissionCreateView.as_view(),
        name="submission-create",
    ),
    path(
        "khen-thuong/to-trinh/",
        submissions.SubmissionListView.as_view(),
        name="submission-list",
    ),
    path(
        "khen-thuong/to-trinh/nhap-goi/",
        submissions.PackageImportView.as_view(),
        name="submission-import",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/",
        submissions.SubmissionDetailView.as_view(),
        name="submission-detail",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/trinh-tiep/",
        submissions.SubmissionForwardView.as_view(),
        name="submission-forward",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/goi-ho-so.zip",
        submissions.PackageView.as_view(),
        name="submission-package",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/tep.<str:fmt>",
        submissions.SubmissionDocumentView.as_view(),
        name="submission-document",
    ),
    path(
        "khen-thuong/to-trinh/doi-tuong/<int:pk>/<str:action>/",
        submissions.ItemActionView.as_view(),
        name="submission-item-action",
    ),
    path(
        "khen-thuong/to-trinh/doi-tuong/<int:pk>/tep/<int:index>/",
        submissions.SubmissionFileView.as_view(),
        name="submission-file",
    ),
]
