"""Cutting a long text into pieces at the boundaries a reader would choose.

Used to split a pasted testimony into passages the editor accepts, and to detect details in a
long passage piece by piece (so the work grows with the length, not with its square).
"""

import re

# Where a piece may end, best first: a blank line, a line break, the end of a sentence (., ?,
# !, 。 or a Korean sentence ending -다./-요. followed by a space), a space.
_BOUNDARIES = (
    re.compile(r"\n\s*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"(?<=[.?!。…])[\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of `text`, none longer than `limit`, that cover it
    whole: each ends at the best boundary found in its last stretch (a paragraph, else a
    line, a sentence, a space), so a piece is cut inside a word only when no boundary exists.
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    spans, start, size = [], 0, len(text)
    while size - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    if start < size or not spans:
        spans.append((start, size))
    return spans


def _cut(text: str, start: int, hard: int) -> int:
    """The end of the piece from `start`: after the last boundary before `hard`, of the best
    kind found in the piece's second half (a piece cut in half is better than a sliver)."""
    window = text[start:hard]
    for boundary in _BOUNDARIES:
        ends = [m.end() for m in boundary.finditer(window) if m.end() > len(window) // 2]
        ends = [e for e in ends if e < len(window)] or [e for e in ends if e == len(window)]
        if ends:
            return start + ends[-1]
    return hard


def split(text: str, limit: int) -> list[str]:
    """The text in pieces of at most `limit` characters, each stripped, none empty."""
    return [part for a, b in pieces(text, limit) if (part := text[a:b].strip())]
