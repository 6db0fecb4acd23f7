"""SearchTextMixin (redesign P3): the one ``save()`` that writes a model's folded
``search_text`` column (docs/search.md), for agencies, issued documents and movements."""

from unittest import mock

import pytest
from django.db import models

from thidua.common.models import SearchTextMixin
from thidua.documents.models import IssuedDocument
from thidua.movements.models import Movement
from thidua.organizations.models import Agency

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Agency, IssuedDocument, Movement])
def test_the_search_columns_share_the_mixin(model):
    assert issubclass(model, SearchTextMixin)
    field = model._meta.get_field("search_text")
    assert not field.editable and field.db_index and field.default == ""
    # No save() of their own: the mixin's writes the column.
    assert "save" not in model.__dict__ and "search_parts" in model.__dict__
    assert model.SEARCH_SOURCES


def test_saving_writes_the_folded_words(org):
    agency = Agency.objects.get(pk=org.dkkd.pk)
    assert agency.search_text == "phong dang ky kinh doanh skhdt dkkd"
    agency.short_name = "Phòng ĐKKD"
    agency.save(update_fields=["short_name"])  # search_text goes along
    agency.refresh_from_db()
    assert agency.search_text == "phong dang ky kinh doanh phong dkkd skhdt dkkd"


def test_a_save_of_other_fields_leaves_the_column_alone():
    agency = Agency(code="X", name="Đơn vị", level="don_vi", position=1)
    with mock.patch.object(models.Model, "save") as save:
        agency.save(update_fields=["eligibility_policy"])
        assert save.call_args.kwargs["update_fields"] == ["eligibility_policy"]
        agency.save(update_fields=["name"])
        assert save.call_args.kwargs["update_fields"] == {"name", "search_text"}


def test_the_column_is_cut_to_the_models_length():
    assert Agency._meta.get_field("search_text").max_length == 500
    assert Movement._meta.get_field("search_text").max_length == 600
    agency = Agency(code="X", name="Đơn vị " * 60, short_name="Tên " * 30, position=1)
    with mock.patch.object(models.Model, "save"):
        agency.save()
    assert len(agency.search_text) == 500
