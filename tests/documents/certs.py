"""Test certificates and PDFs made on the spot with ``cryptography`` and pypdf."""

import datetime
import functools
import io

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from pypdf import PdfWriter

PASSPHRASE = "mật-khẩu-thử-nghiệm"
SIGNING = ("digital_signature", "content_commitment")


@functools.lru_cache(maxsize=8)
def _key(slot: int):
    # EC keys are instant; slot 0 is RSA 2048 like a real agency certificate.
    if slot == 0:
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def make_cert(
    cn="Sở Kế hoạch và Đầu tư (thử nghiệm)",
    *,
    slot=0,
    days=365,
    starts_in_days=-1,
    usage=SIGNING,
    issuer=None,
):
    """(key, certificate); self-signed unless ``issuer`` is a (key, cert) pair."""
    key = _key(slot)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    now = datetime.datetime.now(datetime.UTC)
    flags = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    flags.update(dict.fromkeys(usage, True))
    issuer_key, issuer_name = (issuer[0], issuer[1].subject) if issuer else (key, name)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now + datetime.timedelta(days=starts_in_days))
        .not_valid_after(now + datetime.timedelta(days=starts_in_days + days))
    )
    if usage is not None:
        builder = builder.add_extension(x509.KeyUsage(**flags), critical=True)
    return key, builder.sign(issuer_key, hashes.SHA256())


def make_p12(key, cert, passphrase=PASSPHRASE, extra=()) -> bytes:
    return pkcs12.serialize_key_and_certificates(
        b"thidua",
        key,
        cert,
        list(extra) or None,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )


def blank_pdf(pages=1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595.3, 841.9)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
