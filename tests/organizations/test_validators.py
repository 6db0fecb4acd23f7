import datetime

import pytest
from django.core.exceptions import ValidationError

from thidua.organizations.validators import validate_cccd, validate_cccd_for


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("02018500001", "cccd_format"),  # 11 digits
        ("0201850000123", "cccd_format"),
        ("02018500001a", "cccd_format"),
        ("", "cccd_format"),
        ("003185000012", "cccd_province"),  # 003 is no province code
        ("099185000012", "cccd_province"),
    ],
)
def test_malformed_cccd_is_refused(value, code):
    with pytest.raises(ValidationError) as exc:
        validate_cccd(value)
    assert exc.value.code == code


def test_cccd_must_match_gender_and_birth_year():
    born = datetime.date(1985, 5, 17)
    validate_cccd_for("020085123456", gender="nam", birth_date=born)
    validate_cccd_for("020185123456", gender="nu", birth_date=born)
    validate_cccd_for(
        "020201123456", gender="nam", birth_date=datetime.date(2001, 1, 1)
    )
    with pytest.raises(ValidationError, match="giới tính"):
        validate_cccd_for("020185123456", gender="nam", birth_date=born)
    with pytest.raises(ValidationError, match="năm sinh"):
        validate_cccd_for("020086123456", gender="nam", birth_date=born)


def test_consistency_check_can_be_turned_off(settings):
    settings.THIDUA_CCCD_CHECK_CONSISTENCY = False
    validate_cccd_for(
        "020186123456", gender="nam", birth_date=datetime.date(1985, 1, 1)
    )
