"""“Chọn cho tất cả” on the unit's registration form (issue #17, point 2): one title
put on every member, the ticked ones or those without one; nothing saved until the
unit saves."""

import pytest
import time_machine

from thidua.movements.models import Registration
from thidua.movements.services.registration import transition_registration

from .test_registration import TODAY, edit_url
from .test_registration import movement as movement  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def titles(response, org):
    form = response.context["form"]
    return {
        name: form[f"title_{org.people[name].pk}"].value()
        for name in ("head", "dkkd_staff")
    }


@time_machine.travel(TODAY)
def test_fill_all_selected_and_empty_then_save(client_for, movement, org):  # noqa: F811
    client = client_for("unit_head")
    url = edit_url(movement, org.dkkd)
    head, staff = org.people["head"], org.people["dkkd_staff"]
    page = client.get(url)
    assert 'data-testid="fill-titles"' in page.content.decode()
    response = client.post(url, {"action": "fill_all", "fill_title": "LDTT"})
    assert titles(response, org) == {"head": "LDTT", "dkkd_staff": "LDTT"}
    assert "Đã điền danh hiệu cho 2 người." in response.content.decode()
    assert not Registration.objects.exists()
    response = client.post(
        url,
        {
            "action": "fill_selected",
            "fill_title": "CSTDCS",
            "chon": [head.pk],
            f"title_{staff.pk}": "LDTT",
        },
    )
    assert titles(response, org) == {"head": "CSTDCS", "dkkd_staff": "LDTT"}
    response = client.post(
        url,
        {"action": "fill_empty", "fill_title": "LDTT", f"title_{head.pk}": "CSTDCS"},
    )
    assert titles(response, org) == {"head": "CSTDCS", "dkkd_staff": "LDTT"}
    assert "Đã điền danh hiệu cho 1 người." in response.content.decode()
    response = client.post(url, {"action": "fill_all", "fill_title": ""})
    assert "Hãy chọn danh hiệu để điền cho nhiều người." in response.content.decode()
    client.post(
        url,
        {"action": "save", f"title_{head.pk}": "CSTDCS", f"title_{staff.pk}": "LDTT"},
    )
    registration = Registration.objects.get()
    assert registration.entries.count() == 2
    # Sent: no more filling.
    transition_registration(registration, "da_gui", actor=None)
    response = client.post(
        url, {"action": "fill_all", "fill_title": "LDTT"}, follow=True
    )
    assert "Bản đăng ký đã gửi, không sửa được nữa." in response.content.decode()
