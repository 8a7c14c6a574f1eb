"""Keyed hashes of search terms: what the index holds instead of the terms themselves.

A term becomes the first 6 bytes (48 bits) of HMAC-SHA256 under the archive's search subkey,
written as 12 hexadecimal digits in the index. Without the key a copy of the database shows
neither the text nor the terms; with 48 bits, two of a few hundred thousand distinct terms
share a hash with a chance of about one in ten thousand (a stray hit, never a lost one).
"""

import hashlib
import hmac
from collections.abc import Iterable

from journeys.keys import keyring

DIGEST_BYTES = 6
_MAX_CACHED = 500_000

_cache: dict[str, bytes] = {}
_cache_key: bytes | None = None


def _key() -> bytes:
    global _cache_key
    key = keyring.subkey("search")
    if key != _cache_key:  # another archive's keys (tests, restore): forget the old hashes
        _cache.clear()
        _cache_key = key
    return key


def term_hash(term: str) -> bytes:
    digest = _cache.get(term)
    if digest is None:
        digest = hmac.new(_key(), term.encode(), hashlib.sha256).digest()[:DIGEST_BYTES]
        if len(_cache) >= _MAX_CACHED:
            _cache.clear()
        _cache[term] = digest
    return digest


def terms_packed(terms: Iterable[str]) -> bytes:
    """The hashes of many terms, concatenated (6 bytes each), in order."""
    _key()
    cache = _cache
    out = []
    for term in terms:
        digest = cache.get(term)
        if digest is None:
            digest = term_hash(term)
        out.append(digest)
    return b"".join(out)


def unpacked_hex(packed: bytes) -> list[str]:
    hexed = packed.hex()
    step = DIGEST_BYTES * 2
    return [hexed[i : i + step] for i in range(0, len(hexed), step)]


def term_hex(term: str) -> str:
    return term_hash(term).hex()


def query_digest(text: str) -> str:
    """A keyed digest of a whole query, for the audit trail: equal queries can be told apart
    from different ones, but nobody without the key can read or test one."""
    return hmac.new(_key(), b"query:" + text.encode(), hashlib.sha256).hexdigest()[:16]
