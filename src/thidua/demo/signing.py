"""Self-signed test certificates for the demo: the Sở KH&ĐT's seal, and the Director's
own, so the decisions he approves carry his signature and then the seal.

Never use them for real documents: anyone with the demo has their keys.
"""

import secrets

from thidua.documents.services.signing import (
    upload_credential,
    upload_personal_credential,
)
from thidua.documents.testcert import make_test_p12

__all__ = ["load_demo_personal_signing", "load_demo_signing", "make_test_p12"]

DEMO_CN = "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn (chứng thư thử nghiệm)"


def load_demo_signing(agency) -> None:
    """Upload the test certificate for the agency, with the visible stamp."""
    passphrase = secrets.token_urlsafe(12)
    upload_credential(
        agency,
        make_test_p12(DEMO_CN, passphrase=passphrase),
        passphrase,
        "Chứng thư thử nghiệm (dữ liệu mẫu)",
        True,
        actor=None,
    )


def load_demo_personal_signing(person) -> None:
    """The person's own test certificate (the Director: he approves the demo's
    decisions), with the visible stamp under his signature."""
    passphrase = secrets.token_urlsafe(12)
    upload_personal_credential(
        person,
        make_test_p12(f"{person.full_name} (chứng thư thử nghiệm)", passphrase),
        passphrase,
        "Chứng thư cá nhân thử nghiệm (dữ liệu mẫu)",
        True,
        actor=None,
    )
