"""Every page names its icon; /favicon.ico (asked for by PDFs and JSON views) leads to it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_link_the_icon_and_favicon_ico_redirects(client, client_for):
    page = client_for("officer").get(reverse("dashboard"))
    assert 'rel="icon"' in page.content.decode()
    response = client.get("/favicon.ico")  # anonymous: no login redirect
    assert response.status_code == 301
    assert response["Location"].endswith("thidua/favicon.svg")
