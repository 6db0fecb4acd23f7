"""The law page and the links to it from a verdict (issue #16 point 6)."""

import pytest
from django.urls import reverse

from tests.common.marks import developer_marks
from thidua.eligibility.wording import PASSAGES
from thidua.organizations.services.records import record_assessment

pytestmark = pytest.mark.django_db


def test_law_page_quotes_every_passage_under_its_anchor(client_for):
    response = client_for("staff").get(reverse("legal-texts"))
    assert response.status_code == 200
    body = response.content.decode()
    for passage in PASSAGES:
        assert f'id="{passage.anchor}"' in body
    assert "Luật Thi đua, khen thưởng số 06/2022/QH15" in body
    assert "từ 90% trở lên tính trên tổng số thành viên" in body
    assert developer_marks(body) == []


def test_a_verdict_links_its_citation_to_the_wording(client_for, org):
    person = org.people["dkkd_staff"]
    record_assessment(person, year=2024, rating="HTXS")
    response = client_for("officer").get(
        person.get_absolute_url(), {"tab": "eligibility", "nam": 2024}
    )
    body = response.content.decode()
    link = f"{reverse('legal-texts')}#luat-tdkt-2022-d23-k2"
    assert f'href="{link}"' in body
    # The wording is the tooltip.
    assert 'title="2. Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến' in body
