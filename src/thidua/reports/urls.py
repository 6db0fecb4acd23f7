from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("bao-cao-thong-ke/", views.ReportIndexView.as_view(), name="index"),
    path("bao-cao-thong-ke/<int:pk>/", views.ReportView.as_view(), name="report"),
    path(
        "bao-cao-thong-ke/<int:pk>/bao-cao.<str:fmt>",
        views.ReportFileView.as_view(),
        name="report-file",
    ),
]
