"""The codebook's places (and named facilities and agencies) in every spelling it knows.

Spellings come from the database (Term and Alias) when it is reachable, else straight from
the codebook data file, so the command line and the benchmark need no database.
North and South Korean spellings are matched on folded text (journeys.lib.hangul): folding
maps one syllable to one syllable, so offsets in the folded text are offsets in the text.
"""

import json
import re
from pathlib import Path

from journeys.codebook.cache import per_codebook_revision
from journeys.lib.hangul import initial_sound_rule

PLACE, ORG = "PLACE", "ORG"
# The same file journeys.codebook.services loads, read without importing Django models.
DATA_FILE = Path(__file__).resolve().parent.parent / "codebook" / "data" / "codebook.json"
_KINDS = {"place": PLACE, "facility": ORG, "agency": ORG}
_HANGUL = re.compile(r"[가-힣]")
_LATIN = re.compile(r"[A-Za-z]")
_WORD_START = re.compile(r"(?<![가-힣])\S")  # a spelling starts no later than its word
# What may follow a Korean place name inside its word: a particle, a place suffix, 사람.
_KO_TAIL = re.compile(
    r"(?:[시군도구읍면리동현성주촌]|특별시|광역시|자치주)?"
    r"(?:에서|에게|에서는|에서도|에는|으로|로|에|의|은|는|이|가|을|를|도|과|와|까지|부터|서|"
    r"이랑|랑|하고|사람|쪽|근처|부근|지역|출신|이었|였|이다|이라|라|이고|고|만|엔|선|서는|으론|론)*"
    r"[\W\d]*$"
)


def _spellings_from_database() -> list[tuple[str, str, str]] | None:
    try:
        from django.apps import apps

        if not apps.ready:
            return None
        from journeys.codebook.models import Alias

        rows = Alias.objects.filter(term__kind__in=list(_KINDS)).values_list(
            "text", "term__kind", "term__code"
        )
        found = [(text, _KINDS[kind], code) for text, kind, code in rows]
        return found or None
    except Exception:  # noqa: BLE001 - no database, no table yet: the data file is the fallback
        return None


def _spellings_from_file() -> list[tuple[str, str, str]]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    found = []
    for entry in data["terms"]:
        label = _KINDS.get(entry["kind"])
        if label is None:
            continue
        texts = [entry["ko"], entry["en"], *(a["text"] for a in entry.get("aliases", []))]
        found += [(text.strip(), label, entry["code"]) for text in texts]
    return found


# A syllable opening a word whose first consonant is ㄴ or ㄹ: the only ones the rule changes.
_FOLDABLE = re.compile(r"(?<![가-힣])[나-닣라-맇]")


def fold_text(text: str) -> str:
    """The text with the first syllable of every word in South Korean spelling; same length."""
    return _FOLDABLE.sub(lambda match: initial_sound_rule(match.group()), text)


class Gazetteer:
    def __init__(self, spellings: list[tuple[str, str, str]]) -> None:
        self.code_of: dict[str, str] = {}
        self.label_of: dict[str, str] = {}
        native, roman = set(), set()
        for text, label, code in spellings:
            if len(text) < 2:
                continue
            if text.isascii():
                if len(text) < 3 or not text[0].isupper():
                    continue
                key = re.sub(r"[\s\-‐'’.]+", "", text).casefold()
                roman.add(text)
            else:
                key = fold_text(text)
                native.add(key)
            self.code_of.setdefault(key, code)
            self.label_of.setdefault(key, label)
        # native spellings are looked up by length at each word start, longest first (a
        # dictionary lookup is many times faster than one regular expression of them all)
        self._native = frozenset(native)
        self._lengths = sorted({len(n) for n in native}, reverse=True)
        self._firsts = frozenset(n[0] for n in native)
        parts = sorted(roman, key=len, reverse=True)
        alternatives = [r"[\s\-‐]?".join(map(re.escape, re.split(r"[\s\-‐]+", p))) for p in parts]
        self._roman = (
            re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
            if alternatives
            else None
        )

    def find(self, text: str):
        """(start, end, label, code) of every codebook spelling in the text."""
        if self._native and not text.isascii():
            yield from self._find_native(text)
        if self._roman is not None and _LATIN.search(text):
            for match in self._roman.finditer(text):
                if not match.group()[0].isupper():
                    continue
                key = re.sub(r"[\s\-‐'’.]+", "", match.group()).casefold()
                yield match.start(), match.end(), self.label_of[key], self.code_of[key]

    def _find_native(self, text: str):
        folded = fold_text(text)
        size = len(text)
        last_end = 0
        for start_match in _WORD_START.finditer(folded):
            position = start_match.start()
            if position < last_end or folded[position] not in self._firsts:
                continue
            for length in self._lengths:
                end = position + length
                if end > size:
                    continue
                key = folded[position:end]
                if key not in self._native:
                    continue
                word_end = text.find(" ", end)
                tail = text[end : word_end if word_end >= 0 else size]
                if not _HANGUL.match(key[-1]) or _KO_TAIL.match(tail):
                    yield position, end, self.label_of[key], self.code_of[key]
                last_end = end  # the longest spelling decides, as it reads
                break


@per_codebook_revision
def gazetteer() -> Gazetteer:
    return Gazetteer(_spellings_from_database() or _spellings_from_file())
