"""Self-signed test certificates (PKCS#12) for the demo: the demo agency's seal and its
head's own certificate, or one made on the personal-certificate page of a demo install
(``THIDUA_TEST_CERTIFICATES``).

Never for real documents: the server made the key, so whoever has the server has it.
"""

import datetime
import warnings

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

__all__ = ["make_test_p12"]


def make_test_p12(cn: str, passphrase: str = "") -> bytes:
    """RSA 2048, KeyUsage digitalSignature + contentCommitment, valid 3 years."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with warnings.catch_warnings():
        # RFC 5280 caps a CN at 64 characters; Vietnamese agency names in UTF-8
        # exceed it, as real certificates issued to agencies do.
        warnings.simplefilter("ignore", UserWarning)
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, cn, _validate=False),
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            ]
        )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=3 * 365))
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    return pkcs12.serialize_key_and_certificates(
        b"thidua-demo", key, cert, None, encryption
    )
