import pytest

from ..decisions.test_decisions import decided
from ..decisions.test_decisions import round_ as round_  # noqa: F401 (fixture)
from .factories import submit_nominations
from .test_submissions import SIGN


@pytest.fixture(autouse=True)
def _unit_issues_documents(org):
    org.dkkd.abbreviation = "ĐKKD"
    org.dkkd.place_name = "Lạng Sơn"
    org.dkkd.save()


@pytest.fixture
def sent(round_, org, users):
    nomination = decided(round_, org, "dkkd_staff", "CSTD_BO_TINH", users)
    submission = submit_nominations(
        round_, [nomination], actor=users["officer"], **SIGN
    )
    return submission, nomination
