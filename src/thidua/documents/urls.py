from django.urls import path

from .views import register, signing

app_name = "documents"

urlpatterns = [
    path("van-ban-di/", register.RegisterView.as_view(), name="register"),
    path(
        "van-ban-di/thiet-lap/",
        register.RegisterSettingsView.as_view(),
        name="register-settings",
    ),
    path(
        "van-ban-di/<int:pk>/tep.<str:fmt>",
        register.DocumentFileView.as_view(),
        name="file",
    ),
    path(
        "van-ban-di/<int:pk>/tao-lai-tep/",
        register.DocumentRerenderView.as_view(),
        name="rerender",
    ),
    path("van-ban-di/bo-cuc/", register.LayoutView.as_view(), name="layouts"),
    path(
        "van-ban-di/chung-thu-so/",
        signing.CredentialsView.as_view(),
        name="credentials",
    ),
    path(
        "van-ban-di/chung-thu-so/ca-nhan/",
        signing.PersonalCredentialsView.as_view(),
        name="personal-credentials",
    ),
    path(
        "tai-khoan/chung-thu-so/",
        signing.MyCredentialsView.as_view(),
        name="my-credentials",
    ),
    path(
        "van-ban-di/chung-thu-so/<int:pk>/ngung-dung/",
        signing.CredentialDeactivateView.as_view(),
        name="credential-deactivate",
    ),
    # Before decisions' "xac-minh/<code>/" (documents' URLs are included first).
    path(
        "xac-minh/van-ban/",
        signing.PublicVerifyView.as_view(),
        name="verify-pdf",
    ),
]
