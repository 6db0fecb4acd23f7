from django.urls import path

from .views import dissemination, files, movements, registration

app_name = "movements"

urlpatterns = [
    path("phong-trao/", movements.MovementListView.as_view(), name="movement-list"),
    path(
        "phong-trao/them/",
        movements.MovementCreateView.as_view(),
        name="movement-create",
    ),
    path(
        "phong-trao/<int:pk>/",
        movements.MovementDetailView.as_view(),
        name="movement-detail",
    ),
    path(
        "phong-trao/<int:pk>/sua/",
        movements.MovementEditView.as_view(),
        name="movement-edit",
    ),
    path(
        "phong-trao/<int:pk>/phan/<slug:section>/",
        movements.MovementSectionView.as_view(),
        name="movement-section",
    ),
    path(
        "phong-trao/<int:pk>/trang-thai/",
        movements.MovementTransitionView.as_view(),
        name="movement-transition",
    ),
    path(
        "phong-trao/<int:pk>/tep/",
        files.MovementFilesStatusView.as_view(),
        name="movement-files",
    ),
    path(
        "phong-trao/<int:pk>/tep.<str:fmt>",
        files.MovementFileView.as_view(),
        name="movement-file",
    ),
    path(
        "phong-trao/<int:pk>/nhac/",
        dissemination.RemindView.as_view(),
        name="movement-remind",
    ),
    path(
        "phong-trao/<int:pk>/dang-ky/",
        registration.RegistrationListView.as_view(),
        name="registration-list",
    ),
    path(
        "phong-trao/<int:pk>/dang-ky.xlsx",
        registration.RegistrationExportView.as_view(),
        name="registration-export",
    ),
    path(
        "phong-trao/<int:pk>/dang-ky/don-vi/<int:agency>/",
        registration.RegistrationEditView.as_view(),
        name="registration-edit",
    ),
    path(
        "phong-trao/<int:pk>/dang-ky/<int:registration>/duyet/",
        registration.RegistrationDecideView.as_view(),
        name="registration-decide",
    ),
    path("van-ban-den/", dissemination.InboxView.as_view(), name="inbox"),
    path(
        "van-ban-den/<int:pk>/xac-nhan/",
        dissemination.DeliveryConfirmView.as_view(),
        name="delivery-confirm",
    ),
    path(
        "cong-khai/phong-trao/",
        files.PublicMovementListView.as_view(),
        name="public-list",
    ),
    path(
        "cong-khai/phong-trao/<int:pk>/",
        files.PublicMovementDetailView.as_view(),
        name="public-detail",
    ),
    path(
        "cong-khai/phong-trao/<int:pk>/van-ban.pdf",
        files.PublicMovementFileView.as_view(),
        name="public-file",
    ),
]
