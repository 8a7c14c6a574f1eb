"""Names, places and organisations in Korean text, from Kiwi's analysis.

Rules, in order: a proper noun (NNP) followed by a title or kinship word is a person; a
proper noun with a place suffix, among known places or followed by "in/from/to" particles
is a place; a proper noun shaped like a Korean or Chinese name (surname + one or two
syllables) is a person; any other proper noun is kept as a person too (recall first), except
the organisation-shaped ones. Words before a title written apart (순옥 동무, 최 아바이) are
names even when Kiwi does not know them, and runs of Chinese characters are names.
"""

import re

from journeys.protection.lexicon import (
    KO_ATTACHED_TITLES,
    KO_NOT_NAMES,
    KO_PLACE_PARTICLES,
    KO_PLACE_SUFFIXES,
    KO_SURNAMES,
    KO_TITLE_SET,
    KO_WEAK_PLACE_SUFFIXES,
    KO_WORLD_PLACES,
)

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"
_HANGUL_WORD = re.compile(r"^[가-힣]+$")
_STRONG_SUFFIXES = tuple(s for s in KO_PLACE_SUFFIXES if s not in KO_WEAK_PLACE_SUFFIXES)
_ORG_SUFFIXES = [
    "교회",
    "성당",
    "식당",
    "반점",
    "랭면집",
    "냉면집",
    "봉제",
    "식품",
    "요양원",
    "공장",
    "물류",
    "회사",
    "상점",
    "기업소",
    "기업",
    "농장",
    "병원",
    "학교",
    "대학",
    "대학교",
    "보위부",
    "안전부",
    "보안서",
    "보안부",
    "안전서",
    "집결소",
    "교화소",
    "관리소",
    "단련대",
    "그룹",
    "은행",
    "센터",
    "협회",
    "재단",
    "위원회",
    "연구소",
    "연구원",
    "방송",
    "신문",
    "일보",
    "구단",
    "당",
    "부",
    "청",
    "처",
    "원",
    "국",
]
_ORG_WORD_SUFFIXES = tuple(s for s in _ORG_SUFFIXES if len(s) >= 2)
_NOUN_TAGS = {"NNG", "NNP", "NNB", "MM", "XR", "SH", "NR", "XSN", "XPN"}


def _name_shaped(word: str) -> bool:
    """Surname + one to three syllables, all Hangul: 김영희, 왕건국, 남궁민수, 리순옥."""
    if not _HANGUL_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    return word[:1] in KO_SURNAMES or (len(word) >= 3 and word[:2] in KO_SURNAMES)


def _is_place_word(word: str) -> bool:
    if word in KO_WORLD_PLACES:
        return True
    if len(word) >= 2 and word.endswith(_STRONG_SUFFIXES):
        return True
    return len(word) >= 3 and word.endswith(tuple(KO_WEAK_PLACE_SUFFIXES))


def _words(text: str, tokens) -> list[tuple[int, int, list]]:
    """Tokens grouped by the space-separated word (eojeol) they fall in."""
    words = []
    for match in re.finditer(r"\S+", text):
        words.append((match.start(), match.end(), []))
    index = 0
    for token in tokens:
        while index < len(words) and words[index][1] <= token.start:
            index += 1
        if index < len(words):
            words[index][2].append(token)
    return words


def find(text: str, tokens):
    """(start, end, label) candidates in one Korean text, from its Kiwi tokens."""
    spans = []
    count = len(tokens)
    i = 0
    while i < count:
        token = tokens[i]
        tag = token.tag
        if tag == "NNP" or (tag == "SH"):
            # join proper nouns written together (김영희 -> 김 + 영희) or Chinese characters
            j = i + 1
            end = token.start + token.len
            while j < count and tokens[j].tag == tag and tokens[j].start == end:
                end = tokens[j].start + tokens[j].len
                j += 1
            start = token.start
            word = text[start:end]
            after = tokens[j] if j < count else None
            glued = after is not None and after.start == end
            label = _classify(word, after, glued, tag)
            if label == PLACE and glued and after.form in KO_PLACE_SUFFIXES and after.tag != "JKB":
                end = after.start + after.len  # 삼봉 + 리 -> 삼봉리
                j += 1
            elif label == PERSON and after is not None and after.form in KO_TITLE_SET:
                if glued or (after.start == end + 1 and after.form not in KO_ATTACHED_TITLES):
                    end = after.start + after.len  # 김씨, 최 아바이, 영희 언니
                    j += 1
            elif label == ORG and after is not None and after.form in _ORG_SUFFIXES:
                end = after.start + after.len
                j += 1
            if label:
                spans.append((start, end, label))
            i = j
            continue
        i += 1
    spans += _titled_names(text, tokens)
    spans += _organisations(text, tokens)
    spans += _unknown_names(text, tokens)
    return spans


def _unknown_names(text: str, tokens):
    """A three-syllable word led by a surname and followed by a particle, a copula or a title
    is a name even when Kiwi splits it into other words: 서생강이 (서 + 생강), 리광철이었어요."""
    for start, _end, toks in _words(text, tokens):
        stem = text[start : start + 3]
        if len(stem) < 3 or not _HANGUL_WORD.match(stem) or stem[0] not in KO_SURNAMES:
            continue
        inside = [t for t in toks if t.start < start + 3]
        rest = [t for t in toks if t.start >= start + 3]
        if not inside or inside[-1].start + inside[-1].len != start + 3:
            continue
        if any(t.tag not in _NOUN_TAGS for t in inside) or len(inside) > 2:
            continue
        if not rest or not (
            rest[0].tag == "VCP"
            or rest[0].form in KO_TITLE_SET
            or rest[0].tag in ("JKS", "JX", "JKO", "JKB", "JC")
        ):
            continue
        if stem in KO_WORLD_PLACES or _is_place_word(stem):
            continue
        yield start, start + 3, PERSON


def _classify(word: str, after, glued: bool, tag: str) -> str | None:
    if tag == "SH":
        return PERSON if 2 <= len(word) <= 4 else PLACE
    next_form = after.form if after is not None else ""
    if after is not None and next_form in KO_TITLE_SET and after.tag.startswith(("NN", "XSN")):
        return PERSON
    if _is_place_word(word):
        return PLACE
    if glued and next_form in KO_PLACE_SUFFIXES and after.tag in ("NNG", "NNB", "XSN", "NNP"):
        return PLACE
    if _name_shaped(word):
        return PERSON
    if glued and next_form in KO_PLACE_PARTICLES and after.tag.startswith("JK"):
        return PLACE
    if word.endswith(_ORG_WORD_SUFFIXES) or (
        after is not None and next_form in _ORG_SUFFIXES and after.tag.startswith("NN")
    ):
        return ORG
    if len(word) == 1 and word not in KO_SURNAMES:
        return None
    return PERSON


def _titled_names(text: str, tokens):
    """A word written before a title or kinship word is a name: 순옥 동무, 최 아바이, 영희 언니."""
    words = _words(text, tokens)
    for index in range(1, len(words)):
        start, _end, toks = words[index]
        if not toks or toks[0].form not in KO_TITLE_SET or toks[0].start != start:
            continue
        if toks[0].form in KO_ATTACHED_TITLES and toks[0].form != "씨":
            continue
        p_start, p_end, p_toks = words[index - 1]
        name = text[p_start:p_end]
        if not _HANGUL_WORD.match(name) or not 1 <= len(name) <= 4 or name in KO_NOT_NAMES:
            continue
        if len(name) == 1 and name not in KO_SURNAMES:
            continue
        if not p_toks or any(t.tag not in _NOUN_TAGS for t in p_toks):
            continue
        if any(t.form in KO_NOT_NAMES for t in p_toks):
            continue
        yield p_start, toks[0].start + toks[0].len, PERSON
    # a surname glued to an attached title: 김씨, 박모, 리씨
    for i in range(len(tokens) - 1):
        first, second = tokens[i], tokens[i + 1]
        if (
            first.form in KO_SURNAMES
            and second.form in KO_ATTACHED_TITLES
            and second.start == first.start + first.len
            and (first.start == 0 or not "가" <= text[first.start - 1] <= "힣")
        ):
            yield first.start, second.start + second.len, PERSON


def _organisations(text: str, tokens):
    """A name written before an organisation word: 은혜 교회, 해란강 식당, 한빛 봉제."""
    words = _words(text, tokens)
    for index in range(1, len(words)):
        start, _end, toks = words[index]
        if not toks or toks[0].start != start:
            continue
        head = "".join(t.form for t in toks if t.tag.startswith("NN"))
        if not head.startswith(tuple(_ORG_WORD_SUFFIXES)):
            continue
        p_start, _p_end, p_toks = words[index - 1]
        if not p_toks or any(not t.tag.startswith(("NNP", "NNG")) for t in p_toks):
            continue
        if not any(t.tag == "NNP" for t in p_toks):
            continue
        last = next(t for t in toks if t.tag.startswith("NN"))
        yield p_start, last.start + last.len, ORG
