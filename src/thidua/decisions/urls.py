from django.urls import path

from . import certificate_views, views

app_name = "decisions"

urlpatterns = [
    path(
        "khen-thuong/so/<int:pk>/giay-chung-nhan.<str:fmt>",
        certificate_views.AwardCertificateView.as_view(),
        name="award-certificate",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/giay-chung-nhan.<str:fmt>",
        certificate_views.DecisionCertificatesView.as_view(),
        name="decision-certificates",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/huy-bo/",
        views.DecisionAnnulView.as_view(),
        name="decision-annul",
    ),
    path(
        "khen-thuong/dot-xet/<int:pk>/quyet-dinh/",
        views.DecisionCreateView.as_view(),
        name="decision-create",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/",
        views.DecisionDetailView.as_view(),
        name="decision-detail",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/tep.<str:fmt>",
        views.DecisionFileView.as_view(),
        name="decision-file",
    ),
]
