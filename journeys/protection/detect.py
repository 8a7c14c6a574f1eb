"""Detection of identifying details: the one entry point the rest of Journeys uses.

    detect_texts(["...", "..."], "ko")   -> one list of Span per text, details found once
                                            marked everywhere in the texts (one testimony)
    detect_pair(text_ko, text_en)        -> both languages, each told what the other found

Labels: PERSON, PLACE, DATE, YEAR, AGE, CONTACT, ORG. Offsets are character offsets.
"""

import re
from dataclasses import dataclass

from journeys.protection import english, korean, patterns, romanise, world
from journeys.protection import kiwi as kiwi_module
from journeys.protection.gazetteer import fold_text, gazetteer
from journeys.protection.lexicon import (
    EN_KNOWN_ORGS,
    KO_ATTACHED_TITLES,
    KO_KNOWN_ORGS,
    KO_TITLES,
)

LABELS = ("PERSON", "PLACE", "DATE", "YEAR", "AGE", "CONTACT", "ORG")
# Where two candidates overlap, the longer wins; at equal length, the earlier label here.
_PRIORITY = {"CONTACT": 0, "PERSON": 1, "PLACE": 2, "ORG": 3, "DATE": 4, "AGE": 5, "YEAR": 6}
_YEAR_ONLY = re.compile(r"^(?:19|20)\d\d년?$")
_TITLE_TAIL = re.compile(
    r"\s?(?:" + "|".join(sorted(map(re.escape, KO_TITLES), key=len, reverse=True)) + r")$"
)
_EN_TITLE_HEAD = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Comrade|Sister|Brother|Auntie|Aunt|Uncle|Grandpa|Grandma|Pastor)"
    r"\.?\s+"
)


_KNOWN_ORGS = re.compile(
    r"(?<![\w])(?:"
    + "|".join(map(re.escape, sorted(KO_KNOWN_ORGS + EN_KNOWN_ORGS, key=len, reverse=True)))
    + r")(?![A-Za-z])"
)


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int
    label: str
    text: str

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


def _candidates(text: str, lang: str, tokens=None) -> list[tuple[int, int, str]]:
    korean_text = lang == "ko"
    # Patterns and the codebook are sure of what they find; the rules below guess.
    found = [
        (s, e, label, 0)
        for s, e, label in patterns.find_common(text, korean_text)
        if not (korean_text and label == "PLACE" and _has_verb(tokens, s, e))
    ]
    found += [(s, e, label, 0) for s, e, label, _code in gazetteer().find(text)]
    guesses = []
    if korean_text:
        places = [(s, e, "PLACE") for s, e in world.find_korean(text, tokens)]
        guesses += korean.find(text, tokens)
        # Latin names inside Korean text (a pinyin name, an English place)
        if re.search(r"[A-Z][a-z]", text):
            guesses += [c for c in english.find(text) if c[2] != "ORG"]
    else:
        places = [(s, e, "PLACE") for s, e in world.find_english(text)]
        guesses += list(english.find(text))
    places += [(m.start(), m.end(), "ORG") for m in _KNOWN_ORGS.finditer(text)]
    # a world place or known organisation says what the same span is (Paris, 미국, 하나원),
    # whatever a rule guessed
    where = {(s, e) for s, e, _label in places}
    guesses = [g for g in guesses if (g[0], g[1]) not in where] + places
    found += [(s, e, label, 1) for s, e, label in guesses]
    return [
        (s, e, "YEAR" if label == "DATE" and _YEAR_ONLY.match(text[s:e]) else label, sure)
        for s, e, label, sure in found
    ]


def _has_verb(tokens, start: int, end: int) -> bool:
    """An address has no verb, ending or adverb in it: 다시 하길, 역시 이쁘구, 지루하군 are
    Korean sentences that look like addresses (-시, -구, -군, -길) to a pattern."""
    return tokens is not None and any(
        start <= t.start < end and t.tag.startswith(("V", "E", "MAG")) for t in tokens
    )


def _resolve(text: str, found: list[tuple[int, int, str, int]]) -> list[Span]:
    """Overlapping candidates: a pattern or codebook match before a guess, then the longest,
    so a date is not also a year and Jilin stays a place."""
    order = sorted(set(found), key=lambda c: (c[3], -(c[1] - c[0]), _PRIORITY[c[2]], c[0]))
    taken = bytearray(len(text) + 1)
    kept = []
    for start, end, label, _sure in order:
        if end <= start or any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append(Span(start, end, label, text[start:end]))
    return sorted(kept)


def _cores(span: Span) -> set[str]:
    """The forms of a detail worth finding again: 순옥 동무 -> 순옥 동무, 순옥."""
    forms = {span.text}
    if span.label == "PERSON":
        core = _TITLE_TAIL.sub("", span.text)
        core = _EN_TITLE_HEAD.sub("", core)
        forms.add(core)
        if " " in core and not core.isascii():
            forms.add(core.replace(" ", ""))
    return {f for f in forms if len(f.strip()) >= 2 and f.strip() not in KO_ATTACHED_TITLES}


def _propagate(texts: list[str], spans: list[list[Span]]) -> list[list[Span]]:
    """A detail found once is found wherever it recurs in the texts."""
    known: dict[str, str] = {}
    for text_spans in spans:
        for span in text_spans:
            if span.label in ("PERSON", "PLACE", "ORG", "CONTACT"):
                for form in _cores(span):
                    known.setdefault(fold_text(form), span.label)
    if not known:
        return spans
    alternatives = sorted(known, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, alternatives)))
    result = []
    for text, text_spans in zip(texts, spans, strict=True):
        extra = []
        folded = fold_text(text)
        for match in pattern.finditer(folded):
            start, end = match.span()
            if start and (text[start - 1].isalnum()):
                continue
            if end < len(text) and text[end].isascii() and text[end].isalnum():
                continue
            extra.append((start, end, known[match.group()], 1))
        if extra:
            mine = [(s.start, s.end, s.label, 0) for s in text_spans]
            text_spans = _resolve(text, mine + extra)
        result.append(text_spans)
    return result


def detect_texts(texts: list[str], lang: str, *, consistent: bool = True) -> list[list[Span]]:
    """The spans of every text; with `consistent`, the texts are one testimony."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be ko or en, not {lang!r}")
    if lang == "ko":
        analyses = kiwi_module.tokenize(list(texts))
        spans = [
            _resolve(text, _candidates(text, lang, tokens))
            for text, tokens in zip(texts, analyses, strict=True)
        ]
    else:
        spans = [_resolve(text, _candidates(text, lang)) for text in texts]
    return _propagate(list(texts), spans) if consistent else spans


def detect(text: str, lang: str) -> list[Span]:
    return detect_texts([text], lang)[0]


def detect_pair(text_ko: str, text_en: str) -> tuple[list[Span], list[Span]]:
    """A testimony and its translation: a place found in one language is looked for, in
    every codebook spelling, in the other (혜산 and Hyesan are one entity), and a Korean
    name in its romanised spellings in the English."""
    spans_ko = detect(text_ko, "ko")
    spans_en = detect(text_en, "en")
    codes = {code for *_rest, code in gazetteer().find(text_ko)}
    codes |= {code for *_rest, code in gazetteer().find(text_en)}
    extra_ko = [(s, e, lab, 0) for s, e, lab, code in gazetteer().find(text_ko) if code in codes]
    extra_en = [(s, e, lab, 0) for s, e, lab, code in gazetteer().find(text_en) if code in codes]
    # a Korean name is looked for in the translation in its Latin spellings (김철수 -> Kim
    # Chol-su, Cheolsu Kim; 순옥 동무 -> Sun-ok)
    names = {
        core.replace(" ", "")
        for span in spans_ko
        if span.label == "PERSON"
        for core in _cores(span)
    }
    for name in sorted(names):
        extra_en += [(s, e, "PERSON", 0) for s, e in romanise.find(name, text_en)]
    spans_ko = _resolve(text_ko, [(s.start, s.end, s.label, 0) for s in spans_ko] + extra_ko)
    spans_en = _resolve(text_en, [(s.start, s.end, s.label, 0) for s in spans_en] + extra_en)
    return spans_ko, spans_en
