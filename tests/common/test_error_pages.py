"""The error pages (issue #17, point 10): Vietnamese, in the site's layout, with a
way back; JSON under /api/; the 500 page needs neither the request nor the database."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from thidua.common.errors import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_in_vietnamese_with_a_way_back(users, client_for):
    response = client_for("staff").get("/khong-co-trang-nay/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'lang="vi"' in page and 'data-testid="error-404"' in page
    assert "Không tìm thấy trang" in page
    assert 'href="/"' in page
    assert "Not Found" not in page


def test_a_hidden_page_reads_as_a_missing_one(users, client_for):
    """No token, nonce or menu in a 404: two of them are the same bytes."""
    client = client_for("staff")
    first = client.get("/khong-co-trang-nay/").content
    assert client.get("/phong-trao/999999/").content == first


def test_an_action_of_another_role(users, client_for):
    # Launching needs an officer role; a staff member sees the list, not the form.
    response = client_for("staff").get(reverse("movements:movement-create"))
    page = response.content.decode()
    assert response.status_code == 403
    assert 'data-testid="error-403"' in page
    assert "Bạn không có quyền thực hiện thao tác này" in page


def test_a_stale_form_is_explained(users):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["officer"])
    response = client.post(reverse("movements:movement-create"), {"name": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in page and "CSRF verification" not in page


def test_a_missing_api_path_is_the_same_404(users):
    assert Client().get("/api/khong-co/").content == (
        Client().get("/khong-co-trang-nay/").content
    )


def test_the_server_error_page_needs_no_request_context():
    request = RequestFactory().get("/phong-trao/1/")
    response = server_error(request)
    page = response.content.decode()
    assert response.status_code == 500
    assert 'lang="vi"' in page and "Hệ thống gặp sự cố" in page
    api = server_error(RequestFactory().get("/api/v1/people/"))
    assert api.status_code == 500 and b'"detail"' in api.content


def test_a_refusal_under_the_api_is_json():
    from thidua.common.errors import permission_denied  # noqa: PLC0415

    response = permission_denied(RequestFactory().get("/api/v1/people/"))
    assert response.status_code == 403 and b'"detail"' in response.content
