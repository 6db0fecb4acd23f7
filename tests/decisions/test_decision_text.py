"""The decision's text (issue #15): the bases of the law in force, counts without a
zero part, no cash article when nothing is paid."""

import datetime

import pytest

from thidua.common.money import amount_clause
from thidua.decisions.rendering import decision_spec
from thidua.eligibility.legal_basis import basis_lines

from .factories import issued_decision
from .test_decisions import decided
from .test_decisions import round_ as round_  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


DAY = datetime.date(2026, 1, 15)


@pytest.fixture
def decision(round_, org, users):
    return issued_decision(
        round_, [decided(round_, org, "dkkd_staff", "LDTT", users)], issued_on=DAY
    )


def _text(paragraph) -> str:
    return "".join(run.text for run in paragraph.text)


def test_bases_counts_and_cash(decision):
    spec = decision_spec(decision)
    bases = ["".join(run.text for run in line).rstrip(";") for line in spec.bases]
    assert bases[:2] == list(basis_lines(DAY))
    assert "Nghị định số 152/2025/NĐ-CP" in bases[1]
    first, cash, effect = spec.body
    assert "cho 01 cá nhân có thành tích năm 2025" in _text(first.blocks[0])
    assert "tập thể" not in _text(first.blocks[0])
    assert cash.title == "Tiền thưởng"
    # In figures and in words (common.money), as a decision on awards writes it.
    total = sum(decision.items.values_list("cash_amount", flat=True))
    assert _text(cash.blocks[0]).startswith(
        f"Tổng số tiền thưởng: {amount_clause(total)}, tính theo mức"
    )
    assert amount_clause(total).endswith("đồng)") and total > 0
    assert spec.recipients[0] == "Như Điều 3"


def test_no_cash_article_when_nothing_is_paid(decision):
    decision.items.update(cash_amount=0)
    spec = decision_spec(decision)
    assert [article.title for article in spec.body] == [None, None]
    assert "0 đồng" not in " ".join(_text(a.blocks[0]) for a in spec.body)
    assert spec.recipients[0] == "Như Điều 2"


def test_an_issuer_named_by_its_head_s_title_is_named_once():
    from thidua.decisions.rendering import _authority_line

    assert _authority_line("THỦ TƯỚNG", "Thủ tướng Chính phủ") == "Thủ tướng Chính phủ"
    assert _authority_line("", "Sở Nội vụ") == "Sở Nội vụ"
    assert _authority_line("GIÁM ĐỐC", "Sở Nội vụ") == "GIÁM ĐỐC Sở Nội vụ"
