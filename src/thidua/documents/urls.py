from django.urls import path

from . import views

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
    path("van-ban-di/bo-cuc/", views.LayoutView.as_view(), name="layouts"),
]
