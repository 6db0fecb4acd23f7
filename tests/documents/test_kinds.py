"""Document kinds are registered by the apps that own their sources (documents/kinds.py):
every kind the code issues is known, with a label for the layout page and a builder."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from thidua.documents.kinds import document_kind, document_kinds, register_document_kind

SRC = Path(__file__).resolve().parents[2] / "src" / "thidua"


def test_every_kind_the_code_issues_is_registered_with_a_label_and_a_builder():
    issued = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text()
        issued |= set(re.findall(r'source_kind="([a-z_]+)"', text))
        # Kinds held in a module constant (councils: KIND = "council_minutes").
        issued |= set(re.findall(r'^[A-Z_]*KIND = "([a-z_]+)"', text, re.M))
    registered = {kind.code for kind in document_kinds()}
    assert {"council_minutes", "council_tally", "decision"} <= issued
    assert issued <= registered, issued - registered
    for kind in document_kinds():
        assert str(kind.label) and kind.label != kind.code
        assert callable(kind._resolve(kind.spec))
        if kind.after_render:
            assert callable(kind._resolve(kind.after_render))


def test_a_decision_writes_its_awards_once_its_files_exist():
    assert document_kind("decision").after_render.endswith(":write_awards")
    assert not document_kind("movement").after_render


def test_unknown_and_conflicting_kinds_are_refused():
    with pytest.raises(LookupError):
        document_kind("khong_co")
    with pytest.raises(ValueError, match="registered twice"):
        register_document_kind("decision", label="x", spec="thidua.x:y")


@pytest.mark.django_db
def test_the_layout_page_names_every_kind_in_vietnamese(client_for):
    page = client_for("admin").get(reverse("documents:layouts")).content.decode()
    for kind in document_kinds():
        assert str(kind.label) in page
