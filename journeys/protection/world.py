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


def is_korean_place(word: str) -> bool:
    return word in world_places().korean


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


# What a place name is joined to in one word: 미국식, 중국산, 한국형, 평택시장, 마포대교,
# 북한군, 서울시민. The place inside the word is still a place.
PLACE_AFFIXES = frozenset(
    "식 판 형 산 인 계 제 행 발 측 내 외 군 팀 어 말 풍 권 전 선 호 시민 시장 도민 군민 "  # noqa: SIM905
    "주민 지사 도지사 군수 구청장 대교 역 항 공항 터미널 점 지점 지역 시내 사람 출신 "
    "대사관 영사관 정부 당국 대표팀 국경 쪽 방면 행정부 총영사관 스타일 요리 음식".split()
)
_PARTICLE_TAIL = re.compile(r"(?:에서|에게|으로|이|가|은|는|을|를|의|에|로|과|와|도|만)$")


def find_inside_words(text: str, words):
    """(start, end) of a world place that begins a longer word (미국식, 평택시장); words are
    the (start, end) of the text's space-separated words."""
    world = world_places()
    for start, end in words:
        word = text[start:end]
        if len(word) < 3 or not _HANGUL.match(word):
            continue
        compass = _compass_place(word)
        if compass:
            yield start, start + compass
            continue
        for length in range(min(len(word) - 1, 8), 1, -1):
            head = word[:length]
            if head not in world.korean:
                continue
            stripped = _PARTICLE_TAIL.sub("", word[length:])
            if not stripped and len(head) >= 3 and head not in world.korean_nnp_only:
                yield start, start + length  # 우즈베키스탄와: a particle Kiwi did not split off
                break
            rest = stripped or word[length:]
            if rest in PLACE_AFFIXES and (head not in world.korean_nnp_only or len(rest) >= 2):
                yield start, start + length
            break


def _compass_place(word: str) -> int:
    """The length of a compass point joined to a world place, with at most a particle
    after it: 동시베리아를, 서시베리아에서 (0 if the word is no such thing)."""
    world = world_places()
    if word[0] not in "동서남북" or word[:2] in world.korean:
        return 0
    for length in range(min(len(word), 9), 2, -1):
        head = word[1:length]
        if head in world.korean and head not in world.korean_nnp_only:
            return length if not _PARTICLE_TAIL.sub("", word[length:]) else 0
    return 0


def find_english(text: str):
    """(start, end) of every world place in an English (or Latin-letter) text."""
    for match in world_places().english.finditer(text):
        yield match.span()
