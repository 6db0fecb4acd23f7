"""Encryption at rest of the agencies' PKCS#12 files and passphrases (Fernet).

The key is derived with HKDF from ``THIDUA_SIGNING_KEY`` when set, otherwise from
``SECRET_KEY``, so a database dump alone does not give away a private key.
"""

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

__all__ = ["InvalidToken", "decrypt", "encrypt"]

_INFO = b"thidua.documents.signing-credentials.v1"


def _fernet() -> Fernet:
    secret = settings.THIDUA_SIGNING_KEY or settings.SECRET_KEY
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(
        secret.encode("utf-8")
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(data: bytes) -> bytes:
    return _fernet().encrypt(data)


def decrypt(token: bytes) -> bytes:
    """Raises ``InvalidToken`` when the key changed since the data was stored."""
    return _fernet().decrypt(bytes(token))
