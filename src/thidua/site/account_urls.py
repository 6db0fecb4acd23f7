"""The accounts pages (namespace ``accounts``): sign-in and one's password from the
accounts app, account administration and API tokens from here (they read the tree)."""

from django.urls import path

from thidua.accounts import views

from .views import accounts, notifications, tokens

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password-change"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "quen-mat-khau/da-gui/",
        views.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path(
        "thong-bao/",
        notifications.NotificationListView.as_view(),
        name="notifications",
    ),
    path(
        "thong-bao/<int:pk>/",
        notifications.NotificationOpenView.as_view(),
        name="notification-open",
    ),
    path(
        "thong-bao/da-doc/",
        notifications.NotificationReadAllView.as_view(),
        name="notifications-read-all",
    ),
    path(
        "thong-bao/cai-dat/",
        notifications.NotificationSettingsView.as_view(),
        name="notification-settings",
    ),
    path("khoa-api/", tokens.TokenListView.as_view(), name="token-list"),
    path(
        "khoa-api/<int:pk>/thu-hoi/",
        tokens.TokenRevokeView.as_view(),
        name="token-revoke",
    ),
    path("quan-ly/", accounts.AccountListView.as_view(), name="account-list"),
    path(
        "quan-ly/them/",
        accounts.AccountCreateView.as_view(),
        name="account-create",
    ),
    path(
        "quan-ly/<int:pk>/",
        accounts.AccountDetailView.as_view(),
        name="account-detail",
    ),
    path(
        "quan-ly/<int:pk>/khoa/",
        accounts.AccountLockView.as_view(),
        name="account-lock",
    ),
    path(
        "quan-ly/<int:pk>/mat-khau/",
        accounts.AccountPasswordView.as_view(),
        name="account-password",
    ),
    path(
        "quan-ly/<int:pk>/quyen/<int:role_id>/thu-hoi/",
        accounts.RoleRevokeView.as_view(),
        name="role-revoke",
    ),
]
