"""How an entry is sealed: the one definition that appending and verifying share.

seal = HMAC-SHA256(audit key, prev_hmac || canonical JSON of the entry's fields)

The canonical JSON sorts keys, has no spaces, keeps non-ASCII text as UTF-8 and writes the
time in UTC with microseconds, so the same entry always gives the same bytes, whichever
database stored it (PostgreSQL's jsonb reorders keys; SQLite keeps the text as written).
"""

import datetime as dt
import hmac
import json
from typing import Any

from journeys.keys import crypto, keyring

KEY_NAME = "audit"


def audit_key() -> bytes:
    """The audit chain's own key, separate from every other key of the archive."""
    return keyring.subkey(KEY_NAME)


def canonical_json(value: Any) -> str:
    # allow_nan=False: NaN is not JSON, and jsonb would refuse it after the seal was made.
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def normal_detail(detail: dict | None) -> dict:
    """The detail as the database will give it back (tuples become lists, keys strings)."""
    # Not sorted here: sorting fails on mixed key types (1 and "1") before they become strings.
    return json.loads(json.dumps(detail or {}, ensure_ascii=False, allow_nan=False))


def utc_iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def entry_message(
    *,
    prev_hmac: str,
    seq: int,
    at: dt.datetime,
    actor_id: int | None,
    actor_name: str,
    action: str,
    target_type: str,
    target_id: str,
    detail: Any,
    address: str,
) -> bytes:
    fields = {
        "seq": seq,
        "at": utc_iso(at),
        "actor_id": actor_id,
        "actor_name": actor_name,
        "action": action,
        "target_type": target_type,
        "target_id": target_id,
        "detail": detail,
        "address": address,
    }
    # prev_hmac is fixed-length hex, so the concatenation cannot be read two ways.
    return prev_hmac.encode("utf-8") + canonical_json(fields).encode("utf-8")


def seal(key: bytes, message: bytes) -> str:
    return crypto.keyed_hash(key, message).hex()


def seals_match(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))
