from django.urls import path

from . import views, views_admin, views_tokens

app_name = "accounts"

urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password-change"),
    path("khoa-api/", views_tokens.TokenListView.as_view(), name="token-list"),
    path(
        "khoa-api/<int:pk>/thu-hoi/",
        views_tokens.TokenRevokeView.as_view(),
        name="token-revoke",
    ),
    path("quan-ly/", views_admin.AccountListView.as_view(), name="account-list"),
    path(
        "quan-ly/them/", views_admin.AccountCreateView.as_view(), name="account-create"
    ),
    path(
        "quan-ly/<int:pk>/",
        views_admin.AccountDetailView.as_view(),
        name="account-detail",
    ),
    path(
        "quan-ly/<int:pk>/khoa/",
        views_admin.AccountLockView.as_view(),
        name="account-lock",
    ),
    path(
        "quan-ly/<int:pk>/mat-khau/",
        views_admin.AccountPasswordView.as_view(),
        name="account-password",
    ),
    path(
        "quan-ly/<int:pk>/quyen/<int:role_id>/thu-hoi/",
        views_admin.RoleRevokeView.as_view(),
        name="role-revoke",
    ),
]
