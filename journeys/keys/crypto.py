"""The cryptographic primitives, all from the `cryptography` and `argon2-cffi` libraries.

- seal/open: AES-256-GCM with a random 96-bit nonce and associated data. A sealed value is
  `b"J1" + nonce + ciphertext_and_tag`; the prefix lets a later format coexist.
- Associated data binds a value to where it belongs (record, field): a value copied to
  another row or field fails its tag check instead of decrypting.
- derive_from_passphrase: Argon2id, so a stolen key file or backup cannot be brute-forced
  cheaply.
"""

import hashlib
import hmac
import os

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
PREFIX = b"J1"

# Argon2id parameters: about 0.3 s and 256 MiB on this project's 2-core machines. Stored with
# the key metadata, so raising them later does not strand existing archives.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 256 * 1024
ARGON2_PARALLELISM = 2


class DecryptionFailed(Exception):
    """A sealed value did not open: wrong key, wrong place, or tampered bytes."""


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return PREFIX + nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    sealed = bytes(sealed)
    if not sealed.startswith(PREFIX) or len(sealed) < len(PREFIX) + NONCE_BYTES + 16:
        raise DecryptionFailed("not a sealed value")
    nonce = sealed[len(PREFIX) : len(PREFIX) + NONCE_BYTES]
    try:
        return AESGCM(key).decrypt(nonce, sealed[len(PREFIX) + NONCE_BYTES :], aad)
    except InvalidTag as e:
        raise DecryptionFailed("authentication tag mismatch") from e


def derive_from_passphrase(
    passphrase: str,
    salt: bytes,
    *,
    time_cost: int = ARGON2_TIME_COST,
    memory_kib: int = ARGON2_MEMORY_KIB,
    parallelism: int = ARGON2_PARALLELISM,
) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def keyed_hash(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256: look-up digests and the audit chain."""
    return hmac.new(key, message, hashlib.sha256).digest()


def fingerprint(key: bytes) -> str:
    """A short public name for a key, to tell keys apart without revealing them."""
    return hashlib.sha256(b"journeys-key-id" + key).hexdigest()[:16]
