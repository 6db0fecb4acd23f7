from django.urls import path

from . import views

app_name = "councils"

urlpatterns = [
    path(
        "hoi-dong/<int:pk>/hop/moi/",
        views.MeetingCreateView.as_view(),
        name="meeting-create",
    ),
    path(
        "hoi-dong/hop/<int:pk>/",
        views.MeetingDetailView.as_view(),
        name="meeting-detail",
    ),
    path(
        "hoi-dong/hop/<int:pk>/thao-tac/",
        views.MeetingActionView.as_view(),
        name="meeting-action",
    ),
    path(
        "hoi-dong/ket-qua-giay/<int:pk>/",
        views.PaperResultView.as_view(),
        name="paper-result",
    ),
    path("hoi-dong/bo-phieu/", views.VoteView.as_view(), name="vote"),
    path(
        "hoi-dong/luot-bo-phieu/<int:pk>/so-phieu/",
        views.BoxProgressView.as_view(),
        name="box-progress",
    ),
    path(
        "kiem-tra-bien-nhan-phieu/",
        views.ReceiptCheckView.as_view(),
        name="receipt-check",
    ),
    path(
        "hoi-dong/hop/<int:pk>/bien-ban.<str:fmt>",
        views.MinutesFileView.as_view(),
        name="minutes-file",
    ),
    path(
        "hoi-dong/hop/<int:pk>/bien-ban-kiem-phieu.<str:fmt>",
        views.MinutesFileView.as_view(tally=True),
        name="tally-file",
    ),
]
