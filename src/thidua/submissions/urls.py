from django.urls import path

from .views import pages

app_name = "submissions"

urlpatterns = [
    path(
        "khen-thuong/dot-xet/<int:pk>/trinh-cap-tren/",
        pages.SubmissionCreateView.as_view(),
        name="create",
    ),
    path(
        "khen-thuong/to-trinh/",
        pages.SubmissionListView.as_view(),
        name="list",
    ),
    path(
        "khen-thuong/to-trinh/nhap-goi/",
        pages.PackageImportView.as_view(),
        name="import",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/",
        pages.SubmissionDetailView.as_view(),
        name="detail",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/trinh-tiep/",
        pages.SubmissionForwardView.as_view(),
        name="forward",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/chuyen-buoc/",
        pages.SubmissionMoveView.as_view(),
        name="move",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/goi-ho-so.zip",
        pages.PackageView.as_view(),
        name="package",
    ),
    path(
        "khen-thuong/to-trinh/<int:pk>/tep.<str:fmt>",
        pages.SubmissionDocumentView.as_view(),
        name="document",
    ),
    path(
        "khen-thuong/to-trinh/doi-tuong/<int:pk>/<str:action>/",
        pages.ItemActionView.as_view(),
        name="item-action",
    ),
    path(
        "khen-thuong/to-trinh/doi-tuong/<int:pk>/tep/<int:index>/",
        pages.SubmissionFileView.as_view(),
        name="file",
    ),
]
