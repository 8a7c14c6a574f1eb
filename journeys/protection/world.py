"""A general gazetteer of the world's places, in Korean and English: countries, regions,
capitals and big cities, Korean, Chinese and Japanese provinces and cities, seas, rivers,
mountains and landmarks (`data/world_places.txt`, written by hand from public knowledge).

The codebook knows the places of the testimonies; this list knows the rest of the world, so
that 미국, 러시아, 블라디보스토크 or Vladivostok are places even when Kiwi tags them as common
nouns or the English rules take them for a person.

Korean spellings count only where they are whole words to Kiwi (위해 "for" is not 威海,
고양이 is not 고양), and a two-syllable spelling, which is often also a common word (예산,
공주, 진주), only where Kiwi tags it as a proper noun, unless it is a country (-국: 미국,
중국, 영국). Spellings flagged "nnp" always need the proper-noun tag (인도, 가나, 수단).
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "world_places.txt"
_HANGUL = re.compile(r"[가-힣]")
_NOUNS = ("NNP", "NNG")
_LONGEST = 4  # tokens a spelling may span (블라디 + 보스 + 토크)


@dataclass(frozen=True)
class World:
    korean: frozenset  # every Korean spelling
    korean_nnp_only: frozenset  # spellings that count only as proper nouns
    english: re.Pattern


@cache
def world_places() -> World:
    korean: set[str] = set()
    nnp_only: set[str] = set()
    english: set[str] = set()
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        ko = [w for w in columns[0].split("|") if w]
        en = [w for w in columns[1].split("|") if w] if len(columns) > 1 else []
        flags = columns[2].split(",") if len(columns) > 2 else []
        korean.update(ko)
        english.update(en)
        for word in ko:
            if "nnp" in flags or (len(word) <= 2 and not word.endswith("국")):
                nnp_only.add(word)
    alternatives = "|".join(map(re.escape, sorted(english, key=len, reverse=True)))
    pattern = re.compile(rf"(?<![\w.'’-])(?:{alternatives})(?![\w'’-]|\.\w)")
    return World(frozenset(korean), frozenset(nnp_only), pattern)


def find_korean(text: str, tokens):
    """(start, end) of every world place in a Korean text, from its Kiwi tokens."""
    world = world_places()
    count = len(tokens)
    i = 0
    while i < count:
        token = tokens[i]
        start = token.start
        if token.tag not in _NOUNS or (start and _HANGUL.match(text[start - 1])):
            i += 1
            continue
        best = None
        end = start
        for j in range(i, min(count, i + _LONGEST)):
            tok = tokens[j]
            if tok.tag not in _NOUNS or tok.start != end:
                break
            end = tok.start + tok.len
            word = text[start:end]
            if word in world.korean:
                proper = all(t.tag == "NNP" for t in tokens[i : j + 1])
                if word not in world.korean_nnp_only or proper:
                    best = (start, end, j)
        if best:
            yield best[0], best[1]
            i = best[2] + 1
        else:
            i += 1


def find_english(text: str):
    """(start, end) of every world place in an English (or Latin-letter) text."""
    for match in world_places().english.finditer(text):
        yield match.span()
