"""Editing a movement's draft with what it already says (or with keys it does not have)
is not a new version and writes nothing to the audit trail."""

import pytest

from thidua.common.models import ActivityLog
from thidua.movements.services.movement import replace_section, update_movement

from .factories import make_movement

pytestmark = pytest.mark.django_db


def test_an_unchanged_draft_is_not_a_new_version(org):
    draft = make_movement(org)
    entries = ActivityLog.objects.count()
    same = update_movement(draft, {"name": draft.name, "khong_co": "x"})
    assert same.version == draft.version
    same = replace_section(draft, "purposes", [{"text": "Động viên công chức."}])
    assert same.version == draft.version
    assert ActivityLog.objects.count() == entries
