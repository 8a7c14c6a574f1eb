"""Names, places and organisations in Korean text, from Kiwi's analysis.

Rules, in order: a proper noun (NNP) followed by a title or kinship word is a person; a
proper noun with a place suffix, in the world gazetteer or followed by "in/from/to" particles
is a place, unless it is shaped like a name (이효리, 남지현); a proper noun shaped like a
Korean or Chinese name (surname + one or two syllables) is a person; any other proper noun
is kept as a person too (recall first), except the organisation-shaped ones. Words before a
title written apart (순옥 동무, 최 아바이) are names even when Kiwi does not know them; a
surname-led three-syllable word before a particle is a name unless Kiwi knows the word
(연락처, 이야기); unknown words ending in a place suffix or joined to a landmark word are
places; runs of Chinese characters are names, or places when they gloss one (광저우(廣州)).
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
from journeys.protection.world import world_places

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
# Place suffixes that are also common last syllables of given names (효리, 지현, 연주, 지성).
_NAME_ENDINGS = ("리", "현", "주", "성", "진", "동", "산", "강", "구", "가", "로", "길", "향", "섬")
_NOUN_TAGS = {"NNG", "NNP", "NNB", "MM", "XR", "SH", "NR", "XSN", "XPN"}


def _name_shaped(word: str) -> bool:
    """Surname + one to three syllables, all Hangul: 김영희, 왕건국, 남궁민수, 리순옥."""
    if not _HANGUL_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    return word[:1] in KO_SURNAMES or (len(word) >= 3 and word[:2] in KO_SURNAMES)


def _is_place_word(word: str) -> bool:
    if word in KO_WORLD_PLACES or word in world_places().korean:
        return True
    if _name_shaped(word) and len(word) == 3 and word.endswith(_NAME_ENDINGS):
        # 이효리, 남지현, 하연주, 박지성: a name, unless the stem is a known place (신의주)
        return word[:-1] in KO_WORLD_PLACES or word[:-1] in world_places().korean
    if len(word) >= 2 and word.endswith(_STRONG_SUFFIXES):
        return True
    return len(word) >= 3 and word.endswith(tuple(KO_WEAK_PLACE_SUFFIXES))


_HANJA_PLACE_END = tuple("州京都市省縣县鎭镇村山江島岛道郡區区里洞")


def _glosses_place(text: str, paren: int) -> bool:
    """The Hangul word before a parenthesis is a place (or the Hanja end like one)."""
    before = re.search(r"([가-힣]+)\s?$", text[:paren])
    if before is None:
        return False
    word = before.group(1)
    stems = [word] + [word[:-k] for k in (1, 2) if len(word) > k + 1]
    gloss = re.match(r"[\u4e00-\u9fff]+", text[paren + 1 :])
    if gloss and gloss.group().endswith(_HANJA_PLACE_END):
        return True
    return any(w in KO_WORLD_PLACES or w in world_places().korean for w in stems) or (
        _is_place_word(word) and not _name_shaped(word)
    )


def _unknown_to_kiwi(token) -> bool:
    """A word Kiwi guessed rather than found in its dictionary (리광철, not 연락처)."""
    return bool(getattr(token, "oov", False)) or token.id <= 2


def _has_jamo(word: str) -> bool:
    """Bare consonants and vowels (ㅋㅋ, ᄏᄏ, ㅠㅠ) are laughter and tears, not names."""
    return any("\u1100" <= c <= "\u11ff" or "\u3131" <= c <= "\u318e" for c in word)


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
            if _has_jamo(word):
                i = j
                continue
            if tag == "SH" and start and text[start - 1] == "(" and _glosses_place(text, start - 1):
                spans.append((start, end, PLACE))  # 광저우(廣州): the gloss of a place
                i = j
                continue
            after = tokens[j] if j < count else None
            glued = after is not None and after.start == end
            label = _classify(word, after, glued, tag)
            if label == PLACE and glued and after.form in KO_PLACE_SUFFIXES and after.tag != "JKB":
                end = after.start + after.len  # 삼봉 + 리 -> 삼봉리
                j += 1
            elif (
                label == PERSON
                and glued
                and after.form in _NAME_ENDINGS
                and len(word) == 2
                and _name_shaped(word + after.form)
            ):
                end = after.start + after.len  # 남지 + 현 -> 남지현
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
    words = _words(text, tokens)  # once: the rules below all read the words
    spans += _titled_names(text, tokens, words)
    spans += _organisations(text, tokens, words)
    spans += _unknown_names(text, tokens, words)
    spans += _named(text, tokens)
    spans += _unknown_places(text, tokens, words)
    spans += _landmarks(text, tokens, words)
    spans += [(m.start(), m.end(), PERSON) for m in _LETTER_NAME.finditer(text)]
    # last resort, only where no other rule found anything
    spans += [
        (s, e, label)
        for s, e, label in _unknown_words(text, tokens)
        if not any(s < e2 and s2 < e for s2, e2, _l in spans)
    ]
    return spans


def _unknown_words(text: str, tokens):
    """A noun Kiwi does not know, at the start of a word, is most often a name written in
    Hangul (사다코, 치아키, 무르시): a person, since a missed name is a leak."""
    for token in tokens:
        if (
            token.tag in ("NNG", "NNP")
            and token.len >= 2
            and _unknown_to_kiwi(token)
            and (token.start == 0 or not "가" <= text[token.start - 1] <= "힣")
            and _HANGUL_WORD.match(token.form)
            and not _has_jamo(token.form)
        ):
            label = PLACE if _is_place_word(token.form) else PERSON
            yield token.start, token.start + token.len, label


# Words that make the proper noun before them a place: 팔달산, 가빛섬, 마우나리조트, 삼풍백화점.
_LANDMARK_WORDS = (
    "섬",
    "반도",
    "고원",
    "궁",
    "공항",
    "비행장",
    "터미널",
    "리조트",
    "백화점",
    "광장",
    "공원",
    "타워",
    "스타디움",
    "경기장",
    "운동장",
    "면세점",
    "아파트",
    "시티",
    "해안",
    "산",
    "강",
    "호수",
    "폭포",
    "계곡",
    "해변",
    "해수욕장",
    "항구",
    "부두",
    "다리",
    "대교",
    "역",
    "터널",
    "고개",
    "거리",
    "시장",
    "마을",
    "단지",
    "지구",
    "기지",
    "분기점",
    "나들목",
    "톨게이트",
    "성당",
    "사원",
    "사",
    "암",
    "전",
    "각",
    "루",
    "정",
    "문",
    "탑",
    "능",
    "릉",
    "총",
    "만",
    "곶",
    "해협",
    "사막",
    "평야",
)
_LANDMARK_END = tuple(sorted(_LANDMARK_WORDS, key=len, reverse=True))


def _landmarks(text: str, tokens, words=None):
    """A proper noun, or a word Kiwi does not know, joined to a landmark word is a place."""
    for start, _end, toks in words if words is not None else _words(text, tokens):
        nouns = []
        for t in toks:
            if t.tag not in ("NNP", "NNG", "SL", "XSN") or (nouns and t.start != nouns[-1].end):
                break
            nouns.append(t)
        if len(nouns) < 2 or nouns[0].start != start:
            continue
        compound = text[start : nouns[-1].end]
        last = nouns[-1].form
        if last not in _LANDMARK_WORDS and not (
            len(last) >= 2 and last.endswith(_LANDMARK_END) and len(last) > 2
        ):
            continue
        head = nouns[:-1]
        if len(last) == 1 and sum(t.len for t in head) < 2:
            continue
        if any(t.tag in ("NNP", "SL") or _unknown_to_kiwi(t) for t in head) or (
            len(compound) >= 4 and all(t.len == 1 for t in head) and len(head) >= 2
        ):
            yield start, nouns[-1].end, PLACE


# A capital letter standing for a name before a title: A씨, B양, A(17)군, C 기자.
_LETTER_NAME = re.compile(
    r"(?<![A-Za-z0-9])[A-Z](?=\s?(?:\(\d{1,3}\)\s?)?(?:씨|양|군|모|기자|교수|감독|선수|의원|"
    r"사장|대표|회장|원장|검사|판사|변호사|목사|교사|학생|여성|남성|할머니|할아버지|어린이))"
)


_PLACE_WORD = re.compile(
    r"^([가-힣]{1,4}?(?:로동자구|노동자구|리|동|촌|군|읍|면))"
    r"(?:이라는|라는|이라고|라고|에서|에서도|에서는|에|의|으로|로|은|는|이|가|을|를|도|까지|부터)?$"
)


def _unknown_places(text: str, tokens, words=None):
    """A word Kiwi does not know, ending in a place suffix, is a place: 덕봉동라는, 금풍리에서."""
    for start, end, toks in words if words is not None else _words(text, tokens):
        match = _PLACE_WORD.match(text[start:end])
        if not match or len(match.group(1)) < 3:
            continue
        stem = [t for t in toks if t.start < start + len(match.group(1))]
        if any(t.tag.startswith(("V", "E", "XSV", "XSA")) for t in stem):
            continue  # 영화하면, 보고나면: a verb ending in -면, no township
        fragments = len(stem) >= 3 and all(t.len == 1 for t in stem)  # 덕 + 봉 + 동
        if fragments or any(t.tag == "NNP" or _unknown_to_kiwi(t) for t in stem[:2]):
            yield start, start + len(match.group(1)), PLACE


def _unknown_names(text: str, tokens, words=None):
    """A three-syllable word led by a surname and followed by a particle, a copula or a title
    is a name even when Kiwi splits it into other words: 서생강이 (서 + 생강), 리광철이었어요."""
    words = words if words is not None else _words(text, tokens)
    for index, (start, _end, toks) in enumerate(words):
        stem = text[start : start + 3]
        if len(stem) < 3 or not _HANGUL_WORD.match(stem) or stem[0] not in KO_SURNAMES:
            continue
        inside = [t for t in toks if t.start < start + 3]
        rest = [t for t in toks if t.start >= start + 3]
        if not inside or inside[-1].start + inside[-1].len != start + 3:
            continue
        after_role = index > 0 and _is_role_word(words[index - 1], text)
        if len(inside) > 3 or (not after_role and any(t.tag not in _NOUN_TAGS for t in inside)):
            continue  # 사장 고지보는 (고지 + 보-): after a role word, any analysis will do
        if inside[0].tag == "MM" and len(inside) == 2 and not _unknown_to_kiwi(inside[1]):
            continue  # 이 + 영화, 이 + 지경: a determiner and a known noun, not the surname 이
        if len(inside) == 1 and inside[0].tag != "NNP" and not _unknown_to_kiwi(inside[0]):
            continue  # Kiwi knows the word: 이야기, 어머니, 연락처, 진단서 are not names
        if not after_role and len(inside) >= 2 and inside[1].start != start + 1:
            continue  # split after two syllables: 소속+팀, 요금+제, 고의+성 are derived nouns
        fragments = len(inside) == 3  # 공 + 효 + 진: Kiwi broke an unknown word apart
        if not (fragments and (not rest or rest[0].tag.startswith(("J", "S")))) and (
            not rest
            or not (
                after_role
                or rest[0].tag == "VCP"
                or rest[0].form in KO_TITLE_SET
                or rest[0].tag in ("JKS", "JX", "JKO", "JKB", "JC")
            )
        ):
            continue
        if stem in KO_WORLD_PLACES or _is_place_word(stem):
            continue
        yield start, start + 3, PERSON


# Titles of office, which also follow words that describe the office (전 대통령, 방송 기자).
_OFFICE_TITLES = frozenset(
    [
        "대통령",
        "의원",
        "회장",
        "사장",
        "대표",
        "장관",
        "감독",
        "교수",
        "기자",
        "선수",
        "작가",
        "박사",
        "위원장",
        "부장",
        "과장",
        "소장",
        "대장",
    ]
)
_ROLE_WORDS = frozenset(
    [
        "주인",
        "남편",
        "아내",
        "브로커",
        "사장",
        "사장님",
        "친구",
        "중개인",
        "애인",
        "동거인",
        "시어머니",
        "시아버지",
        "남자",
        "여자",
        "이름",
        "성함",
        "본명",
        "가명",
    ]
)


def _is_role_word(word, text: str) -> bool:
    """A word that introduces a name written after it: 주인 리강건은, 사장 고지보는."""
    start, end, _toks = word
    return text[start:end] in _ROLE_WORDS or text[start:end] in KO_TITLE_SET


def _named(text: str, tokens):
    """A word followed by (이)라는/(이)라고 and a word for a person is a name:
    하지량이라는 한족 남자, 순희라고 하는 여자."""
    for match in _NAMED.finditer(text):
        yield match.start(1), match.end(1), PERSON


_NAMED = re.compile(
    r"(?<![가-힣])([가-힣]{2,4}?)(?:이)?(?:라는|라고\s?하는|란)\s"
    r"(?:[가-힣]{1,3}\s)?(?:남자|여자|사람|분|친구|아이|애|놈|년|할머니|할아버지|아저씨|아주머니|"
    r"이름|브로커|주인|사장|언니|동무|청년|처녀|총각|남편|아내)"
)


def _classify(word: str, after, glued: bool, tag: str) -> str | None:
    if tag == "SH":
        return PERSON if 2 <= len(word) <= 4 else PLACE
    next_form = after.form if after is not None else ""
    if after is not None and next_form in KO_TITLE_SET and after.tag.startswith(("NN", "XSN")):
        return PERSON
    if _is_place_word(word):
        return PLACE
    if glued and next_form in KO_PLACE_SUFFIXES and after.tag in ("NNG", "NNB", "XSN", "NNP"):
        if not _is_place_word(word + next_form) and _name_shaped(word + next_form):
            return PERSON  # 남지 + 현: a name ending like a place (남지현), not a county
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


def _titled_names(text: str, tokens, words=None):
    """A word written before a title or kinship word is a name: 순옥 동무, 최 아바이, 영희 언니."""
    words = words if words is not None else _words(text, tokens)
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
        surname = len(name) == 1  # 정 아바이: Kiwi may take a lone surname for an adverb
        if not p_toks or (not surname and any(t.tag not in _NOUN_TAGS for t in p_toks)):
            continue
        if any(t.form in KO_NOT_NAMES for t in p_toks):
            continue
        if toks[0].form in _OFFICE_TITLES and (
            (surname and p_toks[0].tag == "MM")  # 전 대통령: "former", not the surname 전
            or (
                len(p_toks) == 1
                and p_toks[0].tag == "NNG"
                and len(name) >= 2
                and not _unknown_to_kiwi(p_toks[0])
            )  # 방송 기자, 여야 의원: a known word describes the office, it names no one
        ):
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


def _organisations(text: str, tokens, words=None):
    """A name written before an organisation word: 은혜 교회, 해란강 식당, 한빛 봉제."""
    words = words if words is not None else _words(text, tokens)
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
