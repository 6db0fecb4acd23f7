from django.urls import path

from . import certificate_views, history_views, public, record_views, views

app_name = "decisions"

urlpatterns = [
    path(
        "co-quan/<int:pk>/khen-thuong/",
        record_views.AgencyAwardCreateView.as_view(),
        name="agency-award",
    ),
    path(
        "ca-nhan/<int:pk>/khen-thuong/",
        record_views.PersonAwardCreateView.as_view(),
        name="person-award",
    ),
    path("xac-minh/<str:code>/", public.VerifyView.as_view(), name="verify"),
    path(
        "khen-thuong/so/<int:pk>/huy-bo/",
        views.AwardAnnulView.as_view(),
        name="award-annul",
    ),
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
    path(
        "khen-thuong/ly-lich/ca-nhan/<int:pk>.<str:fmt>",
        history_views.PersonAwardHistoryView.as_view(),
        name="person-award-history",
    ),
    path(
        "khen-thuong/ly-lich/tap-the/<int:pk>.<str:fmt>",
        history_views.AgencyAwardHistoryView.as_view(),
        name="agency-award-history",
    ),
]
