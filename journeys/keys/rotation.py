"""Replacing the key-encryption key: every data key is unwrapped with the old KEK and wrapped
with the new one, batch by batch, each batch in its own transaction. Interrupted, it loses
nothing (a data key is under one KEK or the other, and both open while rotating) and resumes
where it stopped."""

from dataclasses import dataclass

from django.db import transaction

from journeys.keys import crypto, keyring
from journeys.keys.models import DataKey


@dataclass(frozen=True)
class RotationProgress:
    rewrapped: int
    remaining: int
    finished: bool
    recovery_code: str = ""


def rotate(secret: dict, *, batch_size: int = 500, max_batches: int | None = None, progress=None):
    old, new = keyring.rotation_begin(secret)
    old_id = crypto.fingerprint(old)
    done = batches = 0
    while max_batches is None or batches < max_batches:
        count = _rewrap_batch(old, new, old_id, batch_size)
        if not count:
            break
        done += count
        batches += 1
        if progress:
            progress(done)
    remaining = DataKey.objects.filter(kek_id=old_id).count()
    if remaining:
        return RotationProgress(rewrapped=done, remaining=remaining, finished=False)
    code = keyring.rotation_finish(secret)
    return RotationProgress(rewrapped=done, remaining=0, finished=True, recovery_code=code)


def _rewrap_batch(old: bytes, new: bytes, old_id: str, batch_size: int) -> int:
    new_id = crypto.fingerprint(new)
    with transaction.atomic():
        batch = list(DataKey.objects.select_for_update().filter(kek_id=old_id)[:batch_size])
        for data_key in batch:
            plain = crypto.open_sealed(old, bytes(data_key.wrapped), b"datakey")
            data_key.wrapped = crypto.seal(new, plain, b"datakey")
            data_key.kek_id = new_id
        DataKey.objects.bulk_update(batch, ["wrapped", "kek_id"])
    return len(batch)
