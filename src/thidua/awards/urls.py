from django.urls import path

from .views import annul, history, record, verify

app_name = "awards"

# The paths are those the register had inside the decisions app: printed QR codes and
# bookmarks keep working.
urlpatterns = [
    path(
        "co-quan/<int:pk>/khen-thuong/",
        record.AgencyAwardCreateView.as_view(),
        name="agency-record",
    ),
    path(
        "ca-nhan/<int:pk>/khen-thuong/",
        record.PersonAwardCreateView.as_view(),
        name="person-record",
    ),
    path("xac-minh/<str:code>/", verify.VerifyView.as_view(), name="verify"),
    path(
        "khen-thuong/so/<int:pk>/huy-bo/",
        annul.AwardAnnulView.as_view(),
        name="annul",
    ),
    path(
        "khen-thuong/ly-lich/ca-nhan/<int:pk>.<str:fmt>",
        history.PersonAwardHistoryView.as_view(),
        name="person-history",
    ),
    path(
        "khen-thuong/ly-lich/tap-the/<int:pk>.<str:fmt>",
        history.AgencyAwardHistoryView.as_view(),
        name="agency-history",
    ),
]
