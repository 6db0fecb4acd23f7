from django.urls import path

from . import views

app_name = "exchange"

urlpatterns = [
    path(
        "co-quan/<int:pk>/trao-doi-du-lieu/",
        views.ExchangeView.as_view(),
        name="agency-exchange",
    ),
    path(
        "co-quan/<int:pk>/trao-doi-du-lieu.json",
        views.ExchangeExportView.as_view(),
        name="agency-exchange-export",
    ),
]
