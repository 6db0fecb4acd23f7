"""The authority table (eligibility/authority.py): the row that lets a level confer a
code on a day, and the state-level deciders above every agency."""

import datetime

from thidua.eligibility.authority import (
    STATE_AUTHORITY,
    authority_row,
    can_decide,
    state_row,
)

REFORM = datetime.date(2025, 7, 1)


def test_the_row_of_a_level_is_dated():
    assert authority_row("so_ban_nganh", "CSTDCS", REFORM).citation.endswith("khoản 1")
    assert authority_row("xa", "CSTDCS", REFORM - datetime.timedelta(days=1)) is None
    assert "NĐ 129/2025" in authority_row("xa", "CSTDCS", REFORM).citation
    assert authority_row("huyen", "LDTT", REFORM) is None
    assert authority_row("so_ban_nganh", "BK_TTG", REFORM) is None


def test_state_level_codes_name_their_decider_and_no_agency_decides_them():
    assert state_row("BK_TTG").decider == "Thủ tướng Chính phủ"
    assert state_row("HCLD_3").decider == "Chủ tịch nước"
    assert state_row("LDTT") is None
    for row in STATE_AUTHORITY:
        for code in row.codes:
            assert not can_decide("tinh", code, REFORM)
