from django.urls import path

from . import signing_views, views

app_name = "documents"

urlpatterns = [
    path("van-ban-di/", views.RegisterView.as_view(), name="register"),
    path(
        "van-ban-di/thiet-lap/",
        views.RegisterSettingsView.as_view(),
        name="register-settings",
    ),
    path(
        "van-ban-di/<int:pk>/tep.<str:fmt>",
        views.DocumentFileView.as_view(),
        name="file",
    ),
    path(
        "van-ban-di/<int:pk>/tao-lai-tep/",
        views.DocumentRerenderView.as_view(),
        name="rerender",
    ),
    path("van-ban-di/bo-cuc/", views.LayoutView.as_view(), name="layouts"),
    path(
        "van-ban-di/chung-thu-so/",
        signing_views.CredentialsView.as_view(),
        name="credentials",
    ),
    path(
        "van-ban-di/chung-thu-so/<int:pk>/ngung-dung/",
        signing_views.CredentialDeactivateView.as_view(),
        name="credential-deactivate",
    ),
    # Before decisions' "xac-minh/<code>/" (documents' URLs are included first).
    path(
        "xac-minh/van-ban/",
        signing_views.PublicVerifyView.as_view(),
        name="verify-pdf",
    ),
]
