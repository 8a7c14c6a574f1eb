"""Sealing values of one record under its own data key.

The associated data of every sealed value names the model, the row's random id and the field,
so a value copied into another row or field fails to open (and the failure is audited by the
caller), instead of showing one woman's words on another's page.
"""

import uuid

from journeys.keys import crypto, keyring
from journeys.keys.models import DataKey


def data_key_new() -> DataKey:
    """A fresh data key, wrapped and saved."""
    wrapped, kek_id = keyring.wrap(crypto.new_key())
    return DataKey.objects.create(wrapped=wrapped, kek_id=kek_id)


def data_keys_new(count: int) -> list[DataKey]:
    """Many fresh data keys in one insert (demo data, imports)."""
    keys = []
    for _ in range(count):
        wrapped, kek_id = keyring.wrap(crypto.new_key())
        keys.append(DataKey(wrapped=wrapped, kek_id=kek_id))
    return DataKey.objects.bulk_create(keys)


def record_key(data_key: DataKey) -> bytes:
    return keyring.unwrap(bytes(data_key.wrapped), data_key.kek_id)


def _aad(label: str, rid: uuid.UUID, field: str) -> bytes:
    return f"journeys:{label}:{rid}:{field}".encode()


def seal_text(key: bytes, text: str, *, label: str, rid: uuid.UUID, field: str) -> bytes:
    return crypto.seal(key, text.encode("utf-8"), _aad(label, rid, field))


def open_text(key: bytes, sealed: bytes | None, *, label: str, rid: uuid.UUID, field: str) -> str:
    """The plaintext, or DecryptionFailed. An empty column (None) is an empty text."""
    if sealed is None:
        return ""
    return crypto.open_sealed(key, bytes(sealed), _aad(label, rid, field)).decode("utf-8")


class Sealer:
    """Seals and opens the fields of one record's rows with the record's key."""

    def __init__(self, data_key: DataKey):
        self.key = record_key(data_key)

    def seal(self, obj, field: str, text: str) -> bytes:
        return seal_text(self.key, text, label=obj._meta.label_lower, rid=obj.rid, field=field)

    def open(self, obj, field: str) -> str:
        sealed = getattr(obj, f"{field}_sealed")
        return open_text(self.key, sealed, label=obj._meta.label_lower, rid=obj.rid, field=field)
