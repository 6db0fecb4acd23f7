"""The menu's "Báo cáo" (issue #17 point 7): the TT 02/2023 forms, the dashboards and
their Excel, the office's data exchange — each entry for whom its page answers, the
menu hidden from those it would not."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

FORMS = 'data-testid="menu-report-forms"'
CHARTS = 'data-testid="menu-report-charts"'
EXCEL = 'data-testid="menu-report-excel"'
EXCHANGE = 'data-testid="menu-report-exchange"'


def _menu(client) -> str:
    return client.get(reverse("dashboard")).content.decode()


def test_an_officer_finds_the_forms_the_dashboards_and_the_exchange(client_for, org):
    client = client_for("officer")
    page = _menu(client)
    assert 'data-testid="menu-reports"' in page
    for entry in (FORMS, CHARTS, EXCEL, EXCHANGE):
        assert entry in page
    assert f'href="{reverse("reports:index")}"' in page
    assert f'href="{reverse("dashboard-charts")}?excel=tat-ca"' in page
    exchange = reverse("exchange:agency-exchange", args=[org.skhdt.pk])
    assert (
        f'href="{exchange}"' in page and f"Trao đổi dữ liệu – {org.skhdt.name}" in page
    )
    assert 'data-testid="report-forms-link"' in page  # and on the home page
    # Each entry answers.
    for url in (reverse("reports:index"), reverse("dashboard-charts"), exchange):
        assert client.get(url).status_code == 200, url
    excel = client.get(reverse("dashboard-charts"), {"excel": "tat-ca"})
    assert excel.status_code == 200
    assert excel["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_higher_officer_reports_but_exchanges_nothing(client_for):
    page = _menu(client_for("higher_officer"))
    assert FORMS in page and CHARTS in page and EXCHANGE not in page


def test_an_admin_opens_the_exchange_from_the_agency(client_for):
    page = _menu(client_for("admin"))
    assert FORMS in page and CHARTS in page and EXCEL in page
    assert EXCHANGE not in page


@pytest.mark.parametrize("role", ["staff", "head", "council_member"])
def test_no_menu_for_whom_no_report_answers(client_for, role):
    client = client_for(role)
    page = _menu(client)
    assert 'data-testid="menu-reports"' not in page
    assert 'data-testid="report-forms-link"' not in page
    assert client.get(reverse("reports:index")).status_code in (403, 404)


def test_nobody_logged_out_sees_it(client):
    from thidua.site.templatetags.report_menu import report_menu

    assert report_menu(client.get("/").wsgi_request.user) == []
