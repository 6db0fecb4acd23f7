from django.urls import path

from .views import pages

app_name = "nominations"

urlpatterns = [
    path("khen-thuong/dot-xet/", pages.RoundListView.as_view(), name="round-list"),
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
]
