"""The person picker: a search box over a list of people (common/pickers.py)."""

import pytest
from django import forms
from django.db import connection
from django.test.utils import CaptureQueriesContext

from thidua.common.pickers import PersonChoiceField
from thidua.organizations.models import Person

from ..factories import make_person

pytestmark = pytest.mark.django_db


class _Form(forms.Form):
    person = PersonChoiceField(label="Cá nhân", queryset=Person.objects.none())

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


def test_entries_name_the_unit_and_carry_folded_search_text(org):
    anh = org.people["dkkd_staff"]
    html = str(_Form(people=Person.objects.filter(pk=anh.pk))["person"])
    unit = anh.unit.short_name or anh.unit.name
    assert f"{anh.full_name} – {unit}" in html
    assert 'class="form-control form-control-sm mb-1 person-picker-search"' in html
    assert 'data-picker-for="id_person"' in html
    assert 'data-search="nguyen van anh' in html and anh.cccd in html
    assert 'aria-label="Tìm cá nhân theo tên, đơn vị hoặc số CCCD"' in html


def test_one_query_whatever_the_number_of_people(org):
    for i in range(5):
        make_person(org.vp, f"Trần Văn {i}")
    with CaptureQueriesContext(connection) as few:
        str(_Form(people=Person.objects.all())["person"])
    for i in range(5, 30):
        make_person(org.dkkd, f"Trần Văn {i}")
    with CaptureQueriesContext(connection) as many:
        str(_Form(people=Person.objects.all())["person"])
    assert len(few) == len(many) == 1


def test_choice_is_validated_against_the_list(org):
    anh, other = org.people["dkkd_staff"], org.people["other_staff"]
    people = Person.objects.filter(pk=anh.pk)
    assert _Form({"person": anh.pk}, people=people).is_valid()
    refused = _Form({"person": other.pk}, people=people)
    assert not refused.is_valid() and "person" in refused.errors


def test_a_person_without_unit_is_listed_by_name(org):
    anh = org.people["dkkd_staff"]
    anh.unit = None
    html = str(
        PersonChoiceField(queryset=Person.objects.none()).widget.render(
            "person", None, {"id": "id_x"}
        )
    )
    assert 'data-picker-for="id_x"' in html
    option = PersonChoiceField(queryset=Person.objects.none()).widget.create_option(
        "person", type("V", (), {"instance": anh})(), "x", False, 0
    )
    assert option["label"] == anh.full_name
