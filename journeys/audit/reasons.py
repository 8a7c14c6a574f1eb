"""Reasons given for revealing an identity, sealed in the trail under the woman's data key.

A reason may say more than it should ("her brother in Hyesan called"), and the trail is read
by administrators and copied into every backup. So the entry holds the reason sealed under
the data key of the woman whose identity was revealed, the id of that key, and a random id
for the reveal (the associated data, so a sealed reason copied into another entry does not
open). The chain seals the ciphertext like any other detail, so it verifies without any data
key; erasing her record (destroying her data key) erases the reasons with it, and the entry
then says only that a reveal happened.

Who reads them: administrators, on the audit page (docs/audit.md, "Reveal reasons").
"""

import base64
import uuid

from journeys.audit.models import AuditEntry
from journeys.keys import crypto
from journeys.keys.models import DataKey
from journeys.keys.sealing import open_text, record_key, seal_text

SEALED = "reason_sealed"
KEY = "reason_key"
REVEAL = "reveal"
LABEL = "reveal reason"
# The sealed reason must fit the detail's 2,000 characters as base64 (4 characters for every
# 3 bytes, and 28 bytes of nonce and tag): 1,200 bytes is 400 Korean or 1,200 Latin letters.
MAX_REASON_BYTES = 1200


def reason_sealed(data_key: DataKey, reason: str) -> dict:
    """The detail of a reveal: the reason sealed, the key that opens it, the reveal's id."""
    reveal = uuid.uuid4()
    sealed = seal_text(record_key(data_key), reason, label=LABEL, rid=reveal, field="reason")
    return {SEALED: base64.b64encode(sealed).decode("ascii"), KEY: data_key.pk, REVEAL: str(reveal)}


def reasons_opened(entries: list[AuditEntry]) -> dict[int, str | None]:
    """{entry seq: its reason} for the entries that hold a sealed reason; None where it no
    longer opens (her data key was destroyed, or the entry was tampered with: verification
    names which)."""
    sealed = [e for e in entries if isinstance(e.detail, dict) and SEALED in e.detail]
    ids = {e.detail.get(KEY) for e in sealed}
    keys = {k.pk: k for k in DataKey.objects.filter(pk__in=[i for i in ids if isinstance(i, int)])}
    return {entry.seq: _opened(entry.detail, keys) for entry in sealed}


def _opened(detail: dict, keys: dict[int, DataKey]) -> str | None:
    data_key = keys.get(detail.get(KEY))
    if data_key is None:
        return None
    try:
        return open_text(
            record_key(data_key),
            base64.b64decode(detail[SEALED], validate=True),
            label=LABEL,
            rid=uuid.UUID(detail[REVEAL]),
            field="reason",
        )
    except (crypto.DecryptionFailed, ValueError, KeyError, TypeError):
        return None
