"""What detection found in each passage, kept in this process's memory between page loads.

Detecting the details of a long transcript takes seconds, and a reviewer reloads the review
page after every decision. The spans of each text on its own (`detect.spans_each`, the costly
part) are kept here; what depends on the whole testimony (a detail found again elsewhere,
names across languages, the replacements) is worked out again on each load, in a fraction of
the time.

An entry is found by a keyed hash (the look-up subkey) of the detection version, the language
and the text: an unchanged passage is not detected again after the transcript is saved, a
changed one is, and the key says nothing of the text to whoever lacks the archive's keys. The
spans hold words of the testimony, so they are kept only in the memory of the process (which
holds the opened texts and the archive's keys while it runs anyway) and never written to disk
or the database. Results found with another codebook (a new `gazetteer()`) are not reused.
"""

import hashlib
import hmac
import json
import threading
from collections import OrderedDict
from collections.abc import Sequence

from journeys.keys import keyring
from journeys.protection.detect import DETECTION_VERSION, spans_each
from journeys.protection.gazetteer import gazetteer
from journeys.protection.pseudonymise import propose

# The most spans and replacements kept (a few hundred bytes each): some thirty transcripts
# of the largest size the editor accepts.
MAX_ITEMS = 200_000


class BoundedCache:
    """A least-recently-used map of keyed hashes to results, bounded by their total size
    (spans or replacements). A result is used only with the codebook it was found with."""

    def __init__(self, max_items: int = MAX_ITEMS) -> None:
        self.max_items = max_items
        self._entries: OrderedDict[bytes, tuple[object, object, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: bytes, book: object):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or entry[0] is not book:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[1]

    def put(self, key: bytes, book: object, value, size: int) -> None:
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= old[2]
            self._entries[key] = (book, value, size)
            self._size += size
            while self._size > self.max_items and len(self._entries) > 1:
                _key, (_book, _value, dropped) = self._entries.popitem(last=False)
                self._size -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0
            self.hits = self.misses = 0


# What each text holds on its own (detect.spans_each), per language and text.
spans_cache = BoundedCache()
# Whole proposals (spans found across the testimony and their replacements), per version of
# a transcript, policy and missed details: a reviewer's decisions do not change them, so
# reloading the page after each decision finds them here.
proposals_cache = BoundedCache()


def _key(lang: str, text: str) -> bytes:
    message = f"detect\0{DETECTION_VERSION}\0{lang}\0{text}".encode()
    return hmac.new(keyring.subkey("lookup"), message, hashlib.sha256).digest()


def spans_of_segments(segments: Sequence[tuple[str, str]]) -> list[tuple[list, list]]:
    """`detect.spans_each` of every (Korean, English) pair, detecting only the texts this
    process has not seen with the current codebook; for `pseudonymise.propose(each=...)`."""
    book = gazetteer()
    result: list[tuple[list, list]] = [([], []) for _ in segments]
    for side, lang in ((0, "ko"), (1, "en")):
        missing: list[tuple[int, bytes]] = []
        for i, pair in enumerate(segments):
            text = pair[side] or ""
            if not text.strip():
                continue
            key = _key(lang, text)
            found = spans_cache.get(key, book)
            if found is None:
                missing.append((i, key))
            else:
                result[i][side].extend(found)  # a tuple: the cached spans stay as they are
        # One passage at a time: the analyses of one passage are in memory at once, not
        # those of the whole transcript.
        for i, key in missing:
            spans = spans_each([segments[i][side]], lang)[0]
            result[i][side].extend(spans)
            spans_cache.put(key, book, tuple(spans), len(spans))
    return result


def proposals_of(segments: Sequence[tuple[str, str]], policy, extra) -> tuple:
    """`pseudonymise.propose` of a testimony, worked out once per process for one version of
    its texts, policy and missed details."""
    book = gazetteer()
    version = json.dumps(
        [
            DETECTION_VERSION,
            policy.as_dict(),
            [list(e) for e in extra],
            [list(p) for p in segments],
        ],
        ensure_ascii=False,
    )
    key = hmac.new(
        keyring.subkey("lookup"), b"propose\0" + version.encode(), hashlib.sha256
    ).digest()
    found = proposals_cache.get(key, book)
    if found is not None:
        return found
    proposals = propose(segments, policy, extra=extra, each=spans_of_segments(segments))
    frozen = tuple((tuple(ko), tuple(en)) for ko, en in proposals)
    proposals_cache.put(key, book, frozen, sum(len(ko) + len(en) for ko, en in frozen))
    return frozen
