"""Sealing ballot papers to a per-box key that the database never holds in the clear.

When a ballot box opens, an X25519 key pair is made. The public half is stored; the
private half is stored only wrapped (ChaCha20-Poly1305) under a key derived from a
random 128-bit *tally code* (mã kiểm phiếu) that is shown once to the officer who
opened the box and never stored. Each paper is sealed to the public key with an
ephemeral X25519 key (an ECIES "sealed box"): whoever holds the database sees who
handed in a paper and an opaque ciphertext, never what is in it. At close the officer
types the code, the papers are opened, shuffled and counted in one batch, and the
wrapped key is erased: from then on the ciphertexts left in free pages, the WAL or a
backup open to nobody.

Plaintexts have a fixed length per number of rows (one byte per choice), so the size
of a sealed paper says how many items the member voted on, never how.
"""

import base64
import hashlib
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

__all__ = [
    "BadTallyCode",
    "BoxKeys",
    "fingerprint",
    "new_box_keys",
    "new_code",
    "normalise_code",
    "open_paper",
    "seal_paper",
    "unwrap_private_key",
]

_NONCE = bytes(12)  # every AEAD key below is used exactly once
_RAW = {"encoding": Encoding.Raw, "format": PublicFormat.Raw}


class BadTallyCode(Exception):
    """The tally code does not open this box's key (mistyped, or another box's)."""


def new_code(nbytes: int) -> str:
    """Random bytes as base32 in groups of four characters, easy to read out."""
    raw = base64.b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=")
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(code: str) -> str:
    """As the person types it: case, spaces and dashes do not matter."""
    return "".join(str(code).split()).replace("-", "").upper()


def _hkdf(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
        material
    )


def _code_key(code: str, public_key: bytes) -> bytes:
    # 128 random bits need no slow KDF; the public key binds the code to its box.
    return _hkdf(normalise_code(code).encode() + public_key, b"thidua tally code")


class BoxKeys:
    """A new box's keys: what the database stores, and the code shown once."""

    def __init__(self) -> None:
        private = X25519PrivateKey.generate()
        self.public_key = private.public_key().public_bytes(**_RAW)
        self.code = new_code(16)
        raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        self.wrapped_private_key = ChaCha20Poly1305(
            _code_key(self.code, self.public_key)
        ).encrypt(_NONCE, raw, self.public_key)


def new_box_keys() -> BoxKeys:
    return BoxKeys()


def unwrap_private_key(
    wrapped: bytes, public_key: bytes, code: str
) -> X25519PrivateKey:
    try:
        raw = ChaCha20Poly1305(_code_key(code, public_key)).decrypt(
            _NONCE, bytes(wrapped), bytes(public_key)
        )
    except InvalidTag:
        raise BadTallyCode from None
    return X25519PrivateKey.from_private_bytes(raw)


def _paper_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return _hkdf(shared + ephemeral + recipient, b"thidua ballot paper")


def seal_paper(public_key: bytes, plaintext: bytes) -> bytes:
    """ephemeral public key (32 bytes) ‖ ChaCha20-Poly1305 ciphertext."""
    recipient = X25519PublicKey.from_public_bytes(bytes(public_key))
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(**_RAW)
    key = _paper_key(ephemeral.exchange(recipient), ephemeral_public, public_key)
    return ephemeral_public + ChaCha20Poly1305(key).encrypt(_NONCE, plaintext, None)


def open_paper(private_key: X25519PrivateKey, sealed: bytes) -> bytes:
    sealed = bytes(sealed)
    ephemeral_public, body = sealed[:32], sealed[32:]
    recipient = private_key.public_key().public_bytes(**_RAW)
    shared = private_key.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    key = _paper_key(shared, ephemeral_public, recipient)
    return ChaCha20Poly1305(key).decrypt(_NONCE, body, None)


def fingerprint(public_key: bytes) -> str:
    """Short, printable identity of a box key (shown next to the code)."""
    return hashlib.sha256(bytes(public_key)).hexdigest()[:16].upper()
