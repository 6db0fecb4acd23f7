"""The wording behind a citation (issue #16 point 6): every passage findable from the
citation the engine prints, the most precise one read."""

import pytest

from thidua.eligibility import Engine
from thidua.eligibility.regimes import REGIMES
from thidua.eligibility.wording import DOCUMENTS, PASSAGES, passage_for


def test_passages_have_unique_anchors_and_known_documents():
    assert len({p.anchor for p in PASSAGES}) == len(PASSAGES)
    assert {p.doc for p in PASSAGES} <= {d.short for d in DOCUMENTS}
    assert all(p.text and p.form and p.source for p in PASSAGES)


@pytest.mark.parametrize(
    "citation, label",
    [
        ("NĐ 152/2025/NĐ-CP, Điều 50, khoản 1, điểm a", "Điều 50, khoản 1, điểm a"),
        ("NĐ 152/2025/NĐ-CP, Điều 51, khoản 1, điểm đ", "Điều 51, khoản 1, điểm đ"),
        # A point not read on its own: its clause.
        ("Luật TĐKT 2022, Điều 27, khoản 1, điểm c", "Điều 27, khoản 1"),
        # Several texts: the first.
        (
            "Luật TĐKT 2022, Điều 73, khoản 1, điểm b; NĐ 98/2023/NĐ-CP, Điều 4, khoản 3",
            "Điều 73, khoản 1, điểm b",
        ),
        ("NĐ 129/2025/NĐ-CP, Điều 59", "Điều 59"),
    ],
)
def test_passage_for_a_citation(citation, label):
    assert passage_for(citation).label == label


@pytest.mark.parametrize(
    "citation",
    ["Luật TĐKT 2022, Điều 24, khoản 1", "Theo quy chế của cơ quan", "Luật TĐKT 2022"],
)
def test_no_passage_where_the_wording_was_not_read(citation):
    assert passage_for(citation) is None


def test_anchor_spells_the_point_dd():
    anchors = {p.anchor for p in PASSAGES}
    assert "nd-152-2025-nd-cp-d51-k1-dd" in anchors
    assert "luat-tdkt-2022-d74-k1-d" in anchors


def test_the_engines_citations_reach_passages():
    """Every passage but the history ones is cited by some rule of some regime."""
    cited = set()
    for name in REGIMES:
        compiled = Engine().compiled(name)
        for rules in compiled.rules.values():
            for rule in rules.values():
                for spec in rule.specs:
                    if (found := passage_for(spec.citation.text)) is not None:
                        cited.add(found.anchor)
    assert "luat-tdkt-2022-d23-k1" in cited
    assert "luat-tdkt-2022-d43-k1-dd" in cited
    assert "nd-98-2023-nd-cp-d30-k7" in cited
