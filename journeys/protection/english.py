"""Names, places and organisations in English text, without a model.

A run of capitalised words is a name unless it is a sentence's ordinary first word, a month
or another word listed as no name. A title before it (Ms., Comrade, Sister) makes it a
person; a place word after it (City, Province, -ri, -dong) or a preposition of place before
it (in, from, near) makes it a place; an organisation word (Church, Restaurant) an
organisation; a Korean or Chinese surname in it a person. The rest are kept as persons:
recall first.
"""

import re
from functools import cache
from pathlib import Path

from journeys.protection.lexicon import (
    EN_ETHNIC_WORDS,
    EN_MESSENGER_APPS,
    EN_NAMED_PERIODS,
    EN_NOT_NAMES,
    EN_ORG_WORDS,
    EN_PERSON_TITLES,
    EN_PLACE_PREPOSITIONS,
    EN_PLACE_WORDS,
    ROMAN_SURNAMES,
)

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"
GIVEN_NAMES_FILE = Path(__file__).resolve().parent / "data" / "en_given_names.txt"


@cache
def given_names() -> frozenset:
    """Common English-language given names (a general list, not from any evaluation set)."""
    lines = GIVEN_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# a word starts after no letter (not the Chat of WeChat) and may have capitals inside
# (WeChat, KakaoTalk, McDonald)
_WORD = (
    r"(?<![A-Za-zà-ÿ])(?:[A-Z][a-zà-ÿ'’]*(?:[A-Z][a-zà-ÿ]+)*(?:[-‐][A-Za-zà-ÿ][a-zà-ÿ]*)*"
    r"|[A-Z]{2,}\b)"
)
# words of one name are on one line: a line break ends the run (an address block's lines)
_RUN = re.compile(
    rf"{_WORD}(?:(?:[ \t]|[ \t]?&[ \t]?|[ \t](?:de|del|van|von|da|di|la|le|of)[ \t]){_WORD})*"
)
_TITLE = re.compile(
    r"\b(?:" + "|".join(re.escape(t.rstrip(".")) for t in EN_PERSON_TITLES) + r")\.?\s+$"
)
# a bracket or parenthesis opens a sentence too: [Fictional testimony · demo data]
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”\n\[(（]\s*|^\s*[-*•]\s*)$")
_PLACE_SUFFIX = re.compile(
    r"[-‐](?:ri|dong|gun|si|do|eup|myeon|up|myon|kun|gu|guyok)$", re.IGNORECASE
)


# Capitalised words that name no one: messenger apps (WeChat, KakaoTalk), peoples (a
# Korean-Chinese broker; Han only before Chinese, since Han is a Korean surname too) and the
# famine's name (the Arduous March).
_NO_NAME = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(sorted(EN_MESSENGER_APPS | EN_ETHNIC_WORDS - {"han"}, key=len, reverse=True))
    + r"|han(?=[ -]chinese\b)|"
    + "|".join(p.replace(" ", r"\s+") for p in EN_NAMED_PERIODS)
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)


def unnamed(text: str) -> list[tuple[int, int]]:
    """The spans of capitalised words that are no one's name (WeChat, Han Chinese)."""
    return [m.span() for m in _NO_NAME.finditer(text)]


def _masked(text: str) -> str:
    """The text with the words that name no one in lower case (offsets kept), so that no run
    of capitalised words starts or continues on them."""
    for start, end in unnamed(text):
        text = text[:start] + text[start:end].lower() + text[end:]
    return text


def find(text: str):
    text = _masked(text)
    for match in _RUN.finditer(text):
        words = match.group().split(" ")
        start = match.start()
        # drop listed words at the front (The, In, Mr) and remember what they said
        titled = False
        while words and (words[0].casefold().strip("'’") in EN_NOT_NAMES):
            if words[0].rstrip(".") in EN_PERSON_TITLES:
                titled = True
            start += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].casefold().rstrip("'’s") in EN_NOT_NAMES - EN_ORG_WORDS:
            if words[-1].casefold() in EN_PLACE_WORDS:
                break
            words = words[:-1]
        if not words:
            continue
        end = start + len(" ".join(words))
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        before = text[: match.start()]
        titled = titled or bool(_TITLE.search(before))
        label = _classify(words, before, titled)
        if label is None:
            continue
        if titled:
            title = _TITLE.search(text[:start])
            if title:
                start = title.start()
        yield start, end, label


def _classify(words: list[str], before: str, titled: bool) -> str | None:
    lower = [w.casefold().strip(".,'’") for w in words]
    if titled:
        return PERSON
    if all(w in EN_ORG_WORDS or w in EN_PLACE_WORDS for w in lower):
        return None  # a capitalised common noun alone: Farm work, the Party, Church
    if lower[-1] in EN_ORG_WORDS:
        return ORG
    if lower[-1] in EN_PLACE_WORDS or _PLACE_SUFFIX.search(words[-1]):
        return PLACE
    previous = before.rstrip().rsplit(" ", 1)[-1].casefold() if before.strip() else ""
    if previous in EN_PLACE_PREPOSITIONS and not any(w in ROMAN_SURNAMES for w in lower):
        return PLACE
    surname = any(re.split(r"[-‐]", w)[0] in ROMAN_SURNAMES for w in lower)
    if len(words) == 1 and _SENTENCE_START.search(before) and not surname:
        if words[0] in given_names():
            return PERSON  # Nicole said..., Lukas took...
        return None  # an ordinary capitalised first word
    if all(len(w) <= 1 for w in lower):
        return None
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= 5:
        return ORG  # an acronym: UN, NGO, KBS
    return PERSON
