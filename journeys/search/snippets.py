"""Snippets: the passage of each hit that matches best, opened and marked at display time.

The index knows, per transcript field, how many terms it holds (search_doc.bounds), so the
passage with most matching terms is found from the hashes alone; only that passage is opened
(both of its languages), analysed again to find the spans of the matching terms, and marked.
"""

import json
from bisect import bisect_right
from collections import Counter
from functools import reduce
from itertools import accumulate
from operator import or_

from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from journeys.archive.models import Interview, Segment
from journeys.keys.sealing import Sealer
from journeys.search import analysis
from journeys.search.backends import packed_of
from journeys.search.tokens import DIGEST_BYTES, term_hex

CONTEXT_CHARS = 90


def best_passages(hits, wanted: frozenset[str]) -> dict[int, int]:
    """interview id -> position of the passage holding most of the wanted terms."""
    wanted_bytes = {bytes.fromhex(h) for h in wanted}
    chosen = {}
    for hit in hits:
        packed = packed_of(hit.tokens)
        ends = list(accumulate(json.loads(hit.bounds)))
        counts: Counter = Counter()
        for index in range(0, len(packed), DIGEST_BYTES):
            if packed[index : index + DIGEST_BYTES] in wanted_bytes:
                field = bisect_right(ends, index // DIGEST_BYTES)
                counts[field // 2] += 1  # two fields a passage: Korean, then English
        if counts:
            chosen[hit.interview_id] = counts.most_common(1)[0][0]
    return chosen


def attach_snippets(hits, wanted: frozenset[str]) -> None:
    """Set snippet_ko and snippet_en of each hit (HTML, marked) from its best passage."""
    chosen = best_passages(hits, wanted)
    if not chosen:
        return
    interviews = Interview.objects.select_related("interviewee__data_key").in_bulk(list(chosen))
    wanted_passages = reduce(
        or_, (Q(interview_id=pk, position=position) for pk, position in chosen.items())
    )
    segments = {s.interview_id: s for s in Segment.objects.filter(wanted_passages)}
    for hit in hits:
        segment = segments.get(hit.interview_id)
        if segment is None:
            continue
        sealer = Sealer(interviews[hit.interview_id].interviewee.data_key)
        hit.snippet_ko = marked(sealer.open(segment, "text_ko"), "ko", wanted)
        hit.snippet_en = marked(sealer.open(segment, "text_en"), "en", wanted)


def marked(text: str, language: str, wanted: frozenset[str]) -> SafeString:
    """The text around its first matching term, escaped, each matching term in <mark>."""
    spans = [
        (term.start, term.end)
        for term in analysis.analyse(text, language)
        if term_hex(term.text) in wanted
    ]
    if not text:
        return mark_safe("")
    first = spans[0][0] if spans else 0
    start = max(0, first - CONTEXT_CHARS // 3)
    end = min(len(text), start + CONTEXT_CHARS * 2)
    out, at = [], start
    for s, e in spans:
        if s < at or e > end:
            continue
        out += [escape(text[at:s]), "<mark>", escape(text[s:e]), "</mark>"]
        at = e
    out.append(escape(text[at:end]))
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(out) + suffix)  # every piece of text above is escaped
