"""Templates never compare raw state strings (issue #13): which buttons move a state
machine comes from the workflow kernel's ``available(user, obj)``, a badge's colour from
its enum (``StateChoices.colors``, rendered by ``{% state_badge %}``), and any other
condition on a state from a property of the model (``meeting.is_closed``)."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.template import Context, Template
from django.template.base import Lexer, TokenType
from django.utils.text import smart_split

from thidua.common.choices import BADGE_COLORS, StateChoices, state_of

TEMPLATES = Path(__file__).resolve().parent.parent / "src" / "thidua" / "templates"

# An operand naming a state: ``x.state``, ``status``, ``item.outcome|lower``,
# ``x.get_state_display``.
STATE = re.compile(r"(?:^|\.)(?:get_)?(?:state|status|outcome)(?:_display)?$")
# A string literal, translated or not: "da_gui", 'nhap', _("Nháp").
LITERAL = re.compile(r"""^(?:_\()?["']""")
COMPARISONS = {"==", "!=", "in", "<", ">", "<=", ">="}
# The whole table of a machine, where only what the user may do now belongs.
ALL_TRANSITIONS = re.compile(r"^for\s.+\sin\s+(?:\S+\.)?transitions\b")


def _operand(bit: str) -> str:
    return bit.split("|", 1)[0]


def raw_state_comparisons(source: str) -> list[str]:
    """The ``{% if %}``/``{% elif %}`` tags of ``source`` that compare a state with a
    string literal, and the loops over a workflow's whole table."""
    found = []
    for token in Lexer(source).tokenize():
        if token.token_type != TokenType.BLOCK:
            continue
        if ALL_TRANSITIONS.match(token.contents):
            found.append(f"{token.lineno}: {{% {token.contents} %}}")
            continue
        bits = list(smart_split(token.contents))
        if not bits or bits[0] not in ("if", "elif"):
            continue
        for i, bit in enumerate(bits):
            if bit not in COMPARISONS or i == 0 or i + 1 == len(bits):
                continue
            left = bits[i - 2] if bit == "in" and bits[i - 1] == "not" else bits[i - 1]
            pair = (_operand(left), _operand(bits[i + 1]))
            if any(STATE.search(a) and LITERAL.match(b) for a, b in (pair, pair[::-1])):
                found.append(f"{token.lineno}: {{% {token.contents} %}}")
                break
    return found


def test_no_template_compares_a_state_with_a_string():
    offending = {
        str(path.relative_to(TEMPLATES)): found
        for path in sorted(TEMPLATES.rglob("*.html"))
        if (found := raw_state_comparisons(path.read_text(encoding="utf-8")))
    }
    assert offending == {}, (
        "Compare no state with a string in a template: take the buttons from the "
        "workflow's available(), the badge from {% state_badge %}, a condition from a "
        f"model property. Found: {offending}"
    )


@pytest.mark.parametrize(
    "source",
    [
        '{% if r and r.state == "da_gui" %}',
        "{% if x %}{% elif meeting.state != 'closed' %}{% endif %}",
        "{% if 'open' == item.ballot.state %}",
        "{% if job.status|lower == 'done' %}",
        '{% if s.state in "cham,khong_dat" %}',
        '{% if s.state not in "dat" %}',
        "{% if item.outcome == 'cho_xu_ly' %}",
        '{% if m.get_state_display == _("Nháp") %}',
        "{% for t in workflow.transitions %}{% endfor %}",
    ],
)
def test_the_scan_finds_raw_comparisons(source):
    assert raw_state_comparisons(source)


@pytest.mark.parametrize(
    "source",
    [
        "{% if meeting.is_closed and not minutes %}",
        "{% if tab == 'eligibility' %}",
        "{% if s.state %}{{ s.state }}{% endif %}",
        "{% if value == 'dong_y' %}",
        "{% for move in moves %}{% endfor %}",
        '{% state_badge item field="outcome" testid="outcome" %}',
    ],
)
def test_the_scan_lets_the_rest_be(source):
    assert raw_state_comparisons(source) == []


def _state_enums() -> list[type[StateChoices]]:
    found, todo = [], [StateChoices]
    while todo:
        for sub in todo.pop().__subclasses__():
            found.append(sub)
            todo.append(sub)
    return found


def test_every_state_has_a_badge_colour():
    enums = _state_enums()
    assert enums
    for enum in enums:
        assert set(enum.colors()) == set(enum), enum
        assert {member.color for member in enum} <= BADGE_COLORS, enum


def test_a_model_field_has_at_most_one_state_enum():
    """``state_of`` finds a stored state's enum by its values: never two candidates."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            choices = getattr(field, "flatchoices", None)
            if not choices:
                continue
            values = {value for value, _label in choices}
            matches = [e for e in _state_enums() if set(e.values) == values]
            assert len(matches) <= 1, (model, field.name, matches)


def test_the_badge_of_a_stored_state_and_of_a_member():
    from thidua.accounts.enums import TokenStatus
    from thidua.movements.models import Movement
    from thidua.submissions.models import SubmissionItem

    movement = Movement(state="nhap")
    assert state_of(movement).color == "secondary"
    template = Template(
        "{% load thidua %}"
        '{% state_badge movement testid="movement-state" %}'
        '{% state_badge item field="outcome" css="me-2" %}'
        "{% state_badge status %}"
    )
    html = template.render(
        Context(
            {
                "movement": movement,
                "item": SubmissionItem(outcome="trinh_tiep"),
                "status": TokenStatus.REVOKED,
            }
        )
    )
    assert html == (
        '<span class="badge text-bg-secondary" data-testid="movement-state">Nháp</span>'
        '<span class="badge me-2 text-bg-info">Đã trình cấp trên</span>'
        '<span class="badge text-bg-danger">đã thu hồi</span>'
    )
