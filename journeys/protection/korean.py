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

Recall rules (docs/detection.md lists them): place suffixes count only on Sino-Korean stems
(메시, 캐리 are names); full names however Kiwi cut them (surname + given-name syllables);
titles written together (도지원씨, 코엔감독); given names before kinship words however Kiwi
read them (실순 언니); -이 before a particle (칠복이가); X라고 불렀다; professions before a
name; ages in parentheses; lists of names; places from what the sentence says of them (수도
X, X 인근, X로 떠났다) and landmark words (해오름백화점, 브루클린 타워); one-syllable foreign
names before a particle (존이, 톰의).
"""

import itertools
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from journeys.lib.hangul import fold_word, has_final
from journeys.protection import kiwi, mecab_names
from journeys.protection.lexicon import (
    KO_ATTACHED_TITLES,
    KO_GIVEN_FIRST,
    KO_GIVEN_LAST,
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
SINO_FILE = Path(__file__).resolve().parent / "data" / "sino_korean_syllables.txt"
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
    "동맹",
    "연맹",
    "총동맹",
    "조합",
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


def _full_name_shaped(word: str) -> bool:
    """A surname and two syllables that open and close given names: 안일성, 박지빈."""
    return (
        len(word) == 3
        and word[0] in KO_SURNAMES
        and word[1] in KO_GIVEN_FIRST
        and word[2] in KO_GIVEN_LAST
    )


def _name_shaped(word: str) -> bool:
    """Surname + one to three syllables, all Hangul: 김영희, 왕건국, 남궁민수, 리순옥."""
    if not _HANGUL_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    return word[:1] in KO_SURNAMES or (len(word) >= 3 and word[:2] in KO_SURNAMES)


@cache
def _sino_syllables() -> frozenset:
    lines = SINO_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


def sino_korean(word: str) -> bool:
    """Every syllable is the reading of a Chinese character, as in Korean and Chinese place
    names (삼봉, 혜산, 연길); 메시, 캐리, 후나코시 are transliterations, not townships."""
    syllables = _sino_syllables()
    return all(c in syllables for c in word)


def _is_place_word(word: str) -> bool:
    if word in KO_WORLD_PLACES or word in world_places().korean:
        return True
    if len(word) >= 2 and mecab_names.names().person_only(word):
        return False  # 살리에리, 도로시: a name the dictionary knows, though it ends in 리, 시
    if word.endswith(_FOREIGN_PLACE_SUFFIXES) and (
        (len(word) >= 3 and not word.endswith(_NAME_ENDINGS)) or not sino_korean(word)
    ):
        return True  # 카모테스섬, 바마야오족자치현, 발루치스탄주, 메콩강 (not 서생강, a name)
    if not sino_korean(word):
        return False  # a one-syllable place suffix on a transliteration: 메시, 캐리, 프라도
    if _name_shaped(word) and len(word) == 3 and word.endswith(_NAME_ENDINGS):
        # 이효리, 남지현, 하연주, 박지성: a name, unless the stem is a known place (신의주)
        return word[:-1] in KO_WORLD_PLACES or word[:-1] in world_places().korean
    if _name_shaped(word) and len(word) == 3 and word.endswith(("도", "군")):
        # 림산도, 오화군: a Chinese name read in Korean, unless a list knows the island or
        # county (연평도; the codebook's counties are found before any rule guesses)
        return mecab_names.names().place_only(word) or word[:-1] in world_places().korean
    if len(word) >= 3 and word.endswith(_STRONG_SUFFIXES):
        return True  # a one-syllable stem (개리, 설리, 설현) is a name, not a township
    return len(word) >= 3 and word.endswith(tuple(KO_WEAK_PLACE_SUFFIXES))


# Suffixes that make a place of any stem, a transliterated one too.
_FOREIGN_PLACE_SUFFIXES = (
    "강",
    "산맥",
    "호수",
    "사막",
    "해협",
    "평원",
    "고원",
    "특별시",
    "광역시",
    "자치주",
    "자치구",
    "자치현",
    "스탄",
    "스탄주",
    "섬",
    "제도",
    "반도",
)


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


unknown_to_kiwi = _unknown_to_kiwi
name_shaped = _name_shaped


@lru_cache(maxsize=4096)
def northern_spelling(word: str) -> bool:
    """A word Kiwi does not know that is the North Korean spelling of one it knows: 녀성
    (여성), 로동 (노동), 래일 (내일) keep the ㄴ or ㄹ that Southern spelling drops (the
    initial-sound rule), and are common words, not names. 리광철 folds to 이광철, which
    Kiwi does not know either: still a name."""
    folded = fold_word(word)
    if folded == word:
        return False
    analysis = kiwi.analyser().tokenize(folded)
    return len(analysis) == 1 and analysis[0].tag == "NNG" and not _unknown_to_kiwi(analysis[0])


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


def words_of(text: str, tokens) -> list[tuple[int, int, list]]:
    return _words(text, tokens)


def find(text: str, tokens, words=None):
    """(start, end, label) candidates in one Korean text, from its Kiwi tokens (and its
    words, from `words_of`, when the caller has them)."""
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
            if _has_jamo(word) or word in KO_TITLE_SET or word in _PROFESSIONS:
                i = j  # 아바지, 오마니, 래퍼 tagged as proper nouns: kinship words, trades
                continue
            if tag == "SH" and start and text[start - 1] == "(" and _glosses_place(text, start - 1):
                spans.append((start, end, PLACE))  # 광저우(廣州): the gloss of a place
                i = j
                continue
            after = tokens[j] if j < count else None
            glued = after is not None and after.start == end
            label = _classify(word, after, glued, tag, text)
            if label == PLACE and glued and after.form in KO_PLACE_SUFFIXES and after.tag[0] != "J":
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
    words = words if words is not None else _words(text, tokens)  # the rules below read them
    spans += _titled_names(text, tokens, words)
    spans += _organisations(text, tokens, words)
    spans += _unknown_names(text, tokens, words)
    spans += _full_names(text, tokens, words)
    spans += _glued_titles(text, tokens, words)
    spans += _names_with_i(text, tokens, words)
    spans += _named(text, tokens)
    spans += _unknown_places(text, tokens, words)
    spans += _landmarks(text, tokens, words)
    spans += _spaced_landmarks(text, words)
    spans += _villages(text, words)
    spans += [(m.start(), m.end(), PERSON) for m in _LETTER_NAME.finditer(text)]
    # last resort, only where no other rule found anything
    spans += [
        (s, e, label)
        for s, e, label in _unknown_words(text, tokens)
        if not any(s < e2 and s2 < e for s2, e2, _l in spans)
    ]
    spans += [
        (s, e, label)
        for s, e, label in _dictionary_full_names(text, words)
        if not any(s < e2 and s2 < e for s2, e2, _l in spans)
    ]
    spans += [
        (m.start(1), m.end(1), PERSON)
        for m in _AGED.finditer(text)
        if not _role_noun(m.group(1))  # 딸(32): the daughter, aged 32, is named elsewhere
    ]
    spans += _after_profession(text, words)
    spans = [_placed(text, span) for span in spans]
    for _round in range(3):  # a list is followed from place to place
        listed = _listed_places(text, spans)
        if listed == spans:
            break
        spans = listed
    return spans + _listed_with(text, words, spans)


_OPENING_MARKS = "'\"‘“「『(<《〈["


# A name ending in a consonant takes -이 before a particle (칠득이가, 기정이가, 순옥이를);
# a common noun does not (사람이가 is not Korean), so the -이 marks a name.
_NAME_I = re.compile(
    r"([가-힣]{1,3})이(?:가|는|를|의|도|랑|와|하고|한테|에게|만|야|여|네)(?![가-힣])"
)


def _names_with_i(text: str, tokens, words):
    for start, end, toks in words:
        match = _NAME_I.match(text, start, end)
        if not match or match.end() != end or not has_final(match.group(1)[-1]):
            continue
        stem = match.group(1)
        i_end = start + len(stem) + 1
        if stem in KO_NOT_NAMES or stem in KO_TITLE_SET or _has_jamo(stem):
            continue
        whole = [t for t in toks if t.start == start and t.end == i_end]
        if whole:
            continue  # 고양이, 길이, 먹이: a word Kiwi knows ends in 이
        inside = [t for t in toks if t.start < i_end - 1]
        if any(t.tag.startswith(("V", "E", "XSV", "XSA", "MAG", "NP")) for t in inside):
            continue  # 같이, 많이, 없이: an adverb
        yield start, start + len(stem), PERSON


# A name followed by an age in parentheses, as the press and case files write people:
# 진구(33), 원(정제원·21), 김씨(45·여).
_AGED = re.compile(
    r"(?<![가-힣])([가-힣]{1,4})\((?:[가-힣]{2,4}·)?\d{1,3}(?:세)?(?:·[^()\n]{1,6})?\)"
)

# Professions before a stage name or a name written apart: 가수 거미, 래퍼 치타, 배우 진구.
_PROFESSIONS = frozenset(
    "가수 배우 래퍼 개그맨 개그우먼 코미디언 방송인 아나운서 앵커 모델 작곡가 작사가 "  # noqa: SIM905
    "프로듀서 디제이 성우 탤런트 연기자 감독 투수 타자 포수 골키퍼 공격수 수비수 미드필더 "
    "주장 기수".split()
)
# Words after a profession that tell of the work, not the worker's name.
_CAREER_WORDS = frozenset(
    "활동 생활 시절 데뷔 출신 지망생 겸 인생 경력 생명 은퇴 데뷔작 협회 노조 학과 오디션 "  # noqa: SIM905
    "지망 꿈 연습생 부문 상 들".split()
)


def _after_profession(text: str, words):
    """The noun written after a profession word is the name of the one who practises it."""
    for index in range(1, len(words)):
        p_start, p_end, _p = words[index - 1]
        if text[p_start:p_end] not in _PROFESSIONS:
            continue
        start, _end, toks = words[index]
        if not toks or toks[0].start != start or not toks[0].tag.startswith(("NN", "SL")):
            continue
        head = toks[0]
        if head.form in _CAREER_WORDS or head.form in KO_NOT_NAMES or head.tag == "NNB":
            continue
        after = toks[1] if len(toks) > 1 else None
        if after is not None and not after.tag.startswith(("J", "S", "VCP")):
            continue
        yield head.start, head.start + head.len, PERSON


def _given_name_shaped(word: str) -> bool:
    """Two syllables that open and close given names: 옥란, 명순, 춘매, 광철."""
    return len(word) == 2 and word[0] in KO_GIVEN_FIRST and word[1] in KO_GIVEN_LAST


def _listed_with(text: str, words, spans):
    """A noun listed with names is a name: 길과 개리가; 명순, 옥란, 춘매 언니 (a list is
    followed from name to name)."""
    persons = {s for s, _e, label in spans if label == PERSON}
    if not persons:
        return []
    candidates = []
    marks = [text[end - 1] in ",·" or any(t.tag == "JC" for t in toks) for _s, end, toks in words]
    for index, (start, end, toks) in enumerate(words):
        if not marks[index] and not (index and marks[index - 1]):
            continue  # in no list
        head = _listed_noun(text, start, end, toks)
        if head is None or any(s < end and start < e for s, e, _l in spans):
            continue
        after = index + 1 if marks[index] else None  # 옥란, / 길 + 과
        before = index - 1 if index and marks[index - 1] else None
        neighbours = [words[n][0] for n in (after, before) if n is not None and n < len(words)]
        candidates.append((start, head, neighbours))
    found = []
    for _round in range(len(candidates)):
        new = [
            (start, head)
            for start, head, neighbours in candidates
            if start not in persons and any(n in persons for n in neighbours)
        ]
        if not new:
            break
        for start, head in new:
            persons.add(start)
            found.append((start, head, PERSON))
    return found


def _listed_noun(text: str, start: int, end: int, toks) -> int | None:
    """The end of the noun that opens a listed word (옥란 in 옥란,), if it may be a name: a
    proper noun, a word Kiwi does not know or broke into syllables (옥 + 란), a
    transliteration or two given-name syllables; not a word Kiwi knows (학교와, 사건과)."""
    nouns = []
    for t in toks:
        if not t.tag.startswith(("NNG", "NNP", "NNB")) or (nouns and t.start != nouns[-1].end):
            break
        nouns.append(t)
    if not nouns or nouns[0].start != start or (len(nouns) == 1 and nouns[0].tag == "NNB"):
        return None
    rest = toks[len(nouns) :]
    if rest and not rest[0].tag.startswith(("J", "S")):
        return None
    head = text[start : nouns[-1].end]
    if head in KO_NOT_NAMES or _role_noun(head) or not _HANGUL_WORD.match(head):
        return None  # 김철과 가수 구름: the trade is listed with its name, not as one
    known = len(nouns) == 1 and nouns[0].tag != "NNP" and not _unknown_to_kiwi(nouns[0])
    if known and not _given_name_shaped(head):
        return None  # 아버지, 학교, 사건: a word Kiwi knows, listed with a name
    return nouns[-1].end


# What is said of a place and not of a person: 라바트에 있는, 킹스턴 근처, 서귀포 남남동쪽,
# 가자시티 동부에서, 수도 라바트.
# what may stand before the word for a village: 작은 동네, 산골 마을
_SMALL = r"(?:작은\s|조그만\s|시골\s|산골\s)?"
_PLACE_AFTER = re.compile(
    r"(?:의\s?|\s)?(?:인근|근처|부근|일대|주변|시내|외곽|교외|현지|앞바다|연안|해상|상공|"
    r"[동서남북]{1,3}(?:부|쪽|방|단)|지역|지방|출신|소재|항(?![가-힣])|거주)"
    r"|(?:에|에서)\s(?:있는|있던|위치한|자리한|소재한|열린|살던|사는|살고|사는|머물)"
    # where one goes: 쿤밍으로 향했다, 라오스로 건너갔다 (not 김순희로 바꿨다, 리더로 뽑혔다)
    r"|(?:으로|로)\s(?:향하|향해|향했|향한|향하는|건너|넘어가|넘어갔|떠나|떠났|이동|출발|도망|탈출)"
    # what the sentence says it is: 양동리라는 작은 동네, 금생촌은 산골 마을이라
    rf"|(?:이)?라는\s{_SMALL}(?:동네|마을|고장|도시|시골|곳)"
    rf"|(?:은|는)\s{_SMALL}(?:동네|마을|고장|도시)(?:이|였|라)"
)
_PLACE_BEFORE = re.compile(r"(?:수도|도시|항구|마을|고향|지역|지방)\s$")


def _placed(text: str, span):
    """A guessed person that the sentence puts on a map is a place."""
    start, end, label = span
    if label != PERSON or " " in text[start:end] or text[end - 1] in KO_ATTACHED_TITLES:
        return span
    if _PLACE_AFTER.match(text, end) or _PLACE_BEFORE.search(text, max(0, start - 4), start):
        return start, end, PLACE
    return span


# 산대리라는 작은 동네, 금풍촌은 산골 마을이라: the sentence says what the word is
_CALLED_VILLAGE = re.compile(
    r"(?<![가-힣])([가-힣]{1,5}(?:리|동|촌|읍|면))"
    rf"(?:(?:이)?라는|은|는)\s{_SMALL}(?:동네|마을|고장|시골)"
)


def _villages(text: str, words):
    """A word of nouns ending in 촌 (village) that Kiwi does not know whole: 금생촌에서,
    생강촌은 (생강 + 촌). 농촌, 지구촌 and 선수촌 are one word to Kiwi. And a village the
    sentence calls one: 산대리라는 작은 동네."""
    for start, _end, toks in words if "촌" in text else ():
        nouns = [t for t in toks if t.tag.startswith(("NN", "NR", "XR"))]
        if len(nouns) < 2 or nouns[0].start != start or nouns[-1].form != "촌":
            continue
        if any(b.start != a.end for a, b in itertools.pairwise(nouns)):
            continue
        rest = toks[len(nouns) :]
        if toks[: len(nouns)] != nouns or (rest and not rest[0].tag.startswith("J")):
            continue
        if nouns[-1].end - start >= 3:
            yield start, nouns[-1].end, PLACE
    for match in _CALLED_VILLAGE.finditer(text):
        yield match.start(1), match.end(1), PLACE


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
            and token.form not in KO_TITLE_SET  # 아바지, 오마니: the kinship word itself
            and not northern_spelling(token.form)
        ):
            landmark = token.form.endswith(_LONG_LANDMARKS) and not token.form.startswith(
                _LONG_LANDMARKS
            )  # 해오름힐즈, 가람스타디움: one unknown word ending in a landmark word
            label = PLACE if _is_place_word(token.form) or landmark else PERSON
            if len(token.form) >= 4 and token.form.endswith(_ORG_WORD_SUFFIXES):
                label = ORG  # 녀성동맹: an organisation word ends it
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
    "미술관",
    "박물관",
    "기념관",
    "체육관",
    "도서관",
    "전시장",
    "썰매장",
    "스키장",
    "골프장",
    "야구장",
    "구장",
    "기지",
    "비행장",
    "청사",
    "의사당",
    "별관",
    "본관",
    "호텔",
    "빌딩",
    "플라자",
    "힐즈",
)
_LANDMARK_END = tuple(sorted(_LANDMARK_WORDS, key=len, reverse=True))
_LONG_LANDMARKS = tuple(w for w in _LANDMARK_END if len(w) >= 2 and w not in ("시장", "거리"))


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
            len(compound) >= (3 if last in ("섬", "산", "강") else 4)
            and all(t.len == 1 for t in head)
            and len(head) >= 2
        ):
            yield start, nouns[-1].end, PLACE


def _spaced_landmarks(text: str, words):
    """A proper or unknown noun, or a transliteration, written apart before a landmark word
    is a place with it: 하산 타워, 훗타라케 섬, 선라이프 스타디움."""
    for index in range(1, len(words)):
        start, _end, toks = words[index]
        if not toks or toks[0].start != start or toks[0].form not in _LANDMARK_WORDS:
            continue
        if len(toks[0].form) < 2 and toks[0].form not in ("섬", "산", "강", "궁"):
            continue
        if toks[0].form in ("시장", "거리", "정", "전", "역"):
            continue  # 박 시장 (the mayor), 도널드 역 (the part of Donald)
        p_start, p_end, p_toks = words[index - 1]
        if not p_toks or not all(t.tag in ("NNP", "NNG", "SL") for t in p_toks):
            continue
        name = text[p_start:p_end]
        if p_toks[0].start != p_start or name in KO_NOT_NAMES:
            continue
        if any(t.tag in ("NNP", "SL") or _unknown_to_kiwi(t) for t in p_toks) or (
            len(name) >= 3 and _HANGUL_WORD.match(name) and not sino_korean(name)
        ):
            yield p_start, toks[0].end, PLACE  # not 때 강을 건넜어요, 바다 섬


# A capital letter standing for a name before a title: A씨, B양, A(17)군, C 기자.
_LETTER_NAME = re.compile(
    r"(?<![A-Za-z0-9])[A-Z](?=\s?(?:\([^()\n]{1,12}\)\s?)?(?:씨|양|군|모|기자|교수|감독|선수|의원|"
    r"사장|대표|회장|원장|검사|판사|변호사|목사|교사|학생|여성|남성|할머니|할아버지|어린이|"
    r"원사|상사|중사|하사|병장|상병|일병|이병|대위|중위|소위|소령|중령|대령|경위|경사|경장|순경|"
    r"팀장|과장|부장|차장|실장|대리|직원|씨))"
)


_PLACE_WORD = re.compile(
    r"^([가-힣]{1,4}?(?:로동자구|노동자구|리|동|촌|군|읍|면))"
    r"(?:이라는|라는|이라고|라고|에서|에서도|에서는|에|의|으로|로|은|는|이|가|을|를|도|까지|부터)?$"
)


def _unknown_places(text: str, tokens, words=None):
    """A word Kiwi does not know, ending in a place suffix, is a place: 덕봉동라는, 금풍리에서."""
    for start, end, toks in words if words is not None else _words(text, tokens):
        match = _PLACE_WORD.match(text[start:end])
        if not match or len(match.group(1)) < 3 or match.group(1).endswith(_GLUED_END):
            continue  # 박철장군: a general, not a county (-군)
        stem = [t for t in toks if t.start < start + len(match.group(1))]
        if any(t.tag.startswith(("V", "E", "XSV", "XSA")) for t in stem):
            continue  # 영화하면, 보고나면: a verb ending in -면, no township
        fragments = len(stem) >= 3 and all(t.len == 1 for t in stem)  # 덕 + 봉 + 동
        if not sino_korean(match.group(1)):
            continue  # 살리에리가: a transliterated name, not a village
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
        # a verb stem glued to a noun with no ending between is a misread surname: 서 + 생강
        misread = len(inside) == 2 and inside[0].tag == "VV" and inside[1].tag == "NNG"
        tags_ok = misread or all(t.tag in _NOUN_TAGS for t in inside)
        if len(inside) > 3 or (not after_role and not tags_ok):
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


_STEM_NOT_NAME = ("J", "XS", "V", "E", "S", "NR", "NP", "NNB", "MAG", "IC")


def _full_names(text: str, tokens, words):
    """A surname and two given-name syllables standing alone or before a particle, copula or
    title is a full name, however Kiwi cut it: 박지빈 (박 + 지 + 빌-), 임재철을 (임재 + 철),
    최연승을 (최 + 연승), 이상윤 짱. A word Kiwi knows whole (어머니, 정치인) is not."""
    for start, end, toks in words:
        if end - start < 3:
            continue
        stem = text[start : start + 3]
        if not _full_name_shaped(stem) or not _HANGUL_WORD.match(stem):
            continue
        inside = [t for t in toks if t.start < start + 3]
        rest = [t for t in toks if t.start >= start + 3]
        if not inside or inside[0].start != start or inside[-1].end > start + 3:
            continue  # 이상은 (이상 + 은), 지금은: the third syllable is a particle
        if len(inside) == 1 and not _unknown_to_kiwi(inside[0]):
            continue  # a word Kiwi knows whole: a name it knows is handled as an NNP
        # an interjection glued to nouns is a surname misread (양 + 문대 in northern speech)
        body = inside[1:] if inside[0].tag == "IC" and inside[0].len == 1 else inside
        if any(t.tag.startswith(_STEM_NOT_NAME) for t in body):
            continue  # 안정 + 성, 차갑 + 은, 이송 + 중: a derived word, a verb, a bound noun
        if inside[0].tag == "MM" and len(inside) == 2 and not _unknown_to_kiwi(inside[1]):
            continue  # 이 + 영화: "this film"
        if rest and not (
            rest[0].tag.startswith(("J", "VCP", "S"))
            or rest[0].form in KO_TITLE_SET
            or (rest[0].tag == "XSN" and rest[0].form == "들")
        ):
            continue
        if _is_place_word(stem):
            continue
        yield start, start + 3, PERSON


def _dictionary_full_names(text: str, words):
    """Three syllables opening a word, led by a surname, that mecab-ko-dic lists only as a
    person's name (민병천이란, 한진우가), when Kiwi read them as nouns and a particle, copula
    or title follows: not a word Kiwi knows whole, nor a verb or an ending inside (유일한,
    이유로, 하지만 are in the list as names too)."""
    names = mecab_names.names()
    for start, _end, toks in words:
        stem = text[start : start + 3]
        if len(stem) < 3 or not _HANGUL_WORD.match(stem) or stem[0] not in KO_SURNAMES:
            continue
        if not names.person_only(stem) or stem in names.common_names:
            continue
        inside = [t for t in toks if t.start < start + 3]
        rest = [t for t in toks if t.start >= start + 3]
        if not inside or inside[0].start != start or inside[-1].end != start + 3:
            continue  # a token runs past the three syllables
        if any(not t.tag.startswith(("NNG", "NNP", "NR", "NNB")) for t in inside):
            continue
        if len(inside) == 1 and inside[0].tag == "NNG" and not _unknown_to_kiwi(inside[0]):
            continue  # a common noun Kiwi knows whole
        if rest and not (rest[0].tag.startswith(("J", "VCP", "S")) or rest[0].form in KO_TITLE_SET):
            continue
        yield start, start + 3, PERSON


# Titles written together with the name before them (도지원씨, 코엔감독, 쌍칼형님, 지빈오빠).
_GLUED_TITLES = frozenset(
    "감독 선수 오빠 언니 누나 형님 선배 장군 회장 사장 대표 의원 교수 박사 동무 동지 "  # noqa: SIM905
    "아바이 오마니 아저씨 아주머니 할머니 할아버지 선생 선생님 목사 목사님 작가 기자 "
    "총각".split()
)


def _glued_titles(text: str, tokens, words):
    """A word written together with a title is a name: 도지원씨, 이성미씨 whatever Kiwi made
    of the name (도 + 지원, 이 + 성미); before a longer title (코엔감독, 왕정감독, 쌍칼형님)
    only a word shaped like a name, one Kiwi does not know, or a transliteration, since
    영화감독, 친구오빠 and 동네언니 name no one."""
    for start, _end, toks in words:
        for index, token in enumerate(toks):
            offset = token.start - start
            if not 1 <= offset <= 4 or index == 0:
                continue
            head = text[start : token.start]
            if not _HANGUL_WORD.match(head) or head in KO_NOT_NAMES or _has_jamo(head):
                continue
            form = token.form
            if form == "형" and index + 1 < len(toks) and toks[index + 1].form == "님":
                form = "형님"
            if form != "씨" and form not in _GLUED_TITLES:
                continue
            if form == "씨" and token.tag in ("NNB", "NNG", "XSN"):
                if len(head) >= 2 or head in KO_SURNAMES:
                    yield start, token.start + token.len, PERSON
            elif form in _GLUED_TITLES and len(head) >= 2:
                known = len(toks[:index]) == 1 and not _unknown_to_kiwi(toks[0])
                # 국회의원, 영화감독: a two-syllable word Kiwi knows names no one
                shaped = (len(head) >= 3 and _name_shaped(head)) or not sino_korean(head)
                if shaped or not known or toks[0].tag == "NNP":
                    yield start, start + len(head), PERSON
            break


_GLUED_END = tuple(t for t in _GLUED_TITLES if len(t) >= 2)


# Titles of office, which also follow words that describe the office (전 대통령, 방송 기자).
OFFICE_TITLES = frozenset(
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
    word = text[start:end]
    if word in _ROLE_WORDS or word in KO_TITLE_SET:
        return True
    return _ROLE_PARTICLE.sub("", word) in _NAME_WORDS  # 본명은 로영실, 이름은 순희


_ROLE_PARTICLE = re.compile(r"(?<=[가-힣])(?:은|는|이|가)$")
_NAME_WORDS = frozenset(["이름", "본명", "가명", "성함", "별명", "중국 이름"])


def _named(text: str, tokens):
    """A word followed by (이)라는/(이)라고 and a word for a person is a name:
    하지량이라는 한족 남자, 순희라고 하는 여자."""
    for match in _NAMED.finditer(text):
        yield match.start(1), match.end(1), PERSON
    for match in _CALLED.finditer(text):
        start, end = match.span(1)
        known = [t for t in tokens if t.start == start and t.end == end]
        if known and not _unknown_to_kiwi(known[0]) and known[0].tag != "NNP":
            continue  # 며느리라고, 엄마라고 불렀어요: what she was to them, not a name
        yield start, end, PERSON


# X(이)라고 불렀다: what someone was called is a name or a nickname (깜순이라고 불렀슴메).
_CALLED = re.compile(r"(?<![가-힣])([가-힣]{1,4}?)(?:이)?라고\s?(?:불렀|부르|불러|불리|불렸|부릅)")


_NAMED = re.compile(
    r"(?<![가-힣])([가-힣]{2,4}?)(?:이)?(?:라는|라고\s?하는|란)\s"
    r"(?:[가-힣]{1,3}\s)?(?:남자|여자|사람|분|친구|아이|애|놈|년|할머니|할아버지|아저씨|아주머니|"
    r"이름|브로커|주인|사장|언니|동무|청년|처녀|총각|남편|아내)"
)


# What follows 에 when it means "about, by, according to", said of people as often as of
# places: 스미스에 대한 판결, 그에 의해, 검찰에 따르면.
_ABOUT = re.compile(
    r"\s?(?:대한|대해|대하여|관한|관해|관하여|의한|의해|의하면|따르면|비해|못지않|감사)"
)


def _dictionary_place(word: str) -> bool:
    """A proper noun that mecab-ko-dic names as a place and never as a person (공평동, 막탄,
    노량진), unless it pairs two countries (남북, 한중: the two states, an actor) or is shaped
    like a full Korean name (surname + two given-name syllables: 남지현)."""
    if not mecab_names.names().place_only(word):
        return False
    if len(word) == 2 and all(c in _COUNTRY_SHORT or c in "한남" for c in word):
        return False
    return not (len(word) == 3 and word[0] in KO_SURNAMES and _given_name_shaped(word[1:]))


def _classify(word: str, after, glued: bool, tag: str, text: str = "") -> str | None:
    if tag == "SH":
        return PERSON if 2 <= len(word) <= 4 else PLACE
    next_form = after.form if after is not None else ""
    if after is not None and next_form in KO_TITLE_SET and after.tag.startswith(("NN", "XSN")):
        return PERSON
    if _is_place_word(word) or (
        word.endswith(_LONG_LANDMARKS) and not word.startswith(_LONG_LANDMARKS)
    ):
        return PLACE  # 삼풍백화점, 대림미술관: one proper noun ending in a landmark word
    if _dictionary_place(word):
        return PLACE  # 공평동, 노량진, 막탄: a place to the dictionary, though shaped like a name
    if glued and next_form in KO_PLACE_SUFFIXES and after.tag in ("NNG", "NNB", "XSN", "NNP"):
        if not _is_place_word(word + next_form) and _name_shaped(word + next_form):
            return PERSON  # 남지 + 현: a name ending like a place (남지현), not a county
        return PLACE
    if len(word) >= 4 and word.endswith(_ORG_WORD_SUFFIXES):
        return ORG  # 녀성동맹, 여성동맹, 청년동맹: a body, though 여 and 청 are surnames
    if _name_shaped(word) and not (
        len(word) == 2  # a surname and one syllable: 안산, 정읍, 양재 as often as a name
        and glued
        and next_form in _LOCATIVES
        and after.tag == "JKB"
        and not (next_form == "에" and _ABOUT.match(text, after.end))
    ):
        return PERSON  # but 안산에서, 정읍에: a person is not where something happens
    if (
        glued
        and next_form in KO_PLACE_PARTICLES
        and after.tag.startswith("JK")
        and not (next_form == "에" and _ABOUT.match(text, after.end))
    ):
        return PLACE  # but X에 대한, X에 의해, X에 따르면 speak of a person as well
    if word.endswith(_ORG_WORD_SUFFIXES) or (
        after is not None and next_form in _ORG_SUFFIXES and after.tag.startswith("NN")
    ):
        return ORG
    if len(word) == 1 and word not in KO_SURNAMES:
        # 맷이, 존의, 벨도: a one-syllable proper noun taking a particle is a short foreign
        # name, unless it stands for a country (미의, 일과, 러는)
        if word in _COUNTRY_SHORT or not glued:
            return None
        return PERSON if after.tag.startswith("J") else None
    return PERSON


# One syllable standing for a country: 미 (America), 일 (Japan), 러, 영, 독, 불 (France)...
_COUNTRY_SHORT = frozenset("북 미 중 일 러 영 독 불 프 호 캐 인 베 태 몽 대 아 덕".split())  # noqa: SIM905


# Particles that say where something happens or comes from; a person takes 에게 instead,
# and 으로 also says what one is named or becomes (김순희로 바꿨다).
_LOCATIVES = frozenset(["에서", "에서는", "에서도", "에서의", "에서부터", "에"])


_FAMILIAR_TITLES = frozenset(
    "언니 누나 오빠 형 형님 동무 동지 아바이 아바지 오마니 어마이 아매 아마이 할머니 "  # noqa: SIM905
    "할머이 할매 할아버지 할아바이 아저씨 아주머니 아줌마 아지미 아즈마이 아재 삼촌 이모 "
    "고모 외삼촌 선생 선생님 총각 처녀 새댁 할미 영감 동생 서방".split()
)


def _adjective(toks) -> bool:
    """착한, 어린, 좋은, 친한: a verb or adjective stem (or a root and 하-) and a modifier
    ending, as Kiwi reads a real adjective."""
    tags = [t.tag for t in toks]
    if not tags or tags[-1] != "ETM" or toks[-1].form in ("란", "라는"):
        return False  # 주란 언니 (주 + 란, "told to give"): a name Kiwi took for a verb
    body = tags[:-1]
    return body in (["VA"], ["VV"], ["VA-I"], ["VV-I"], ["VA-R"], ["VV-R"], ["VX"]) or (
        len(body) == 2 and body[0] in ("XR", "NNG") and body[1] == "XSA"
    )


def _placed_noun(toks) -> bool:
    """위로, 집에, 밖에서: a word Kiwi knows and an adverbial case particle (to, in, at) say
    where, and name no one (위로 언니가 is "the sister above")."""
    return (
        len(toks) == 2
        and toks[0].tag == "NNG"
        and not _unknown_to_kiwi(toks[0])
        and toks[1].tag == "JKB"
    )


# Titles said after a bare surname (최 아바이, 한 아주머니), unlike 언니 or 동무, which follow
# a given name; and the lone surnames that are also everyday words (one; I, as a topic).
_SURNAME_TITLES = frozenset(
    "아바이 아매 아저씨 아주머니 아줌마 아지미 할머니 할아버지 선생 선생님 목사 목사님".split()  # noqa: SIM905
)
_SURNAME_READINGS = frozenset(["한", "전"])


def _not_a_name(toks) -> bool:
    """우린, 제가, 저희: the word is one that names no one, with at most its particle or
    ending. A part of an unknown word that happens to be such a word (애 in 애녀 동무, the
    copula 이 Kiwi reads in 녀란 언니) does not count."""
    head, rest = toks[:1], toks[1:]
    return (
        bool(head)
        and head[0].form in KO_NOT_NAMES
        and all(t.tag.startswith(("J", "E")) for t in rest)
    )


def _title_first(toks) -> list:
    """The word's tokens with a familiar title Kiwi cut in two put back together: 동무와
    read as 동 + 무 + 와 after an unknown name (주봉 동무와) is 동무 + 와."""
    if len(toks) < 2 or toks[0].len != 1 or toks[0].form in KO_TITLE_SET:
        return toks  # most words: nothing to join
    for size in (2, 3):
        head, rest = toks[:size], toks[size:]
        if len(head) < size or any(b.start != a.end for a, b in itertools.pairwise(head)):
            return toks
        form = "".join(t.form for t in head)
        if form in _FAMILIAR_TITLES and all(t.tag.startswith(("NN", "J")) for t in toks):
            return [_Joined(form, "NNG", head[0].start, len(form)), *rest]
    return toks


@dataclass(frozen=True)
class _Joined:
    """A token made of two Kiwi tokens, with the fields the rules read."""

    form: str
    tag: str
    start: int
    len: int

    @property
    def end(self) -> int:
        return self.start + self.len


def _titled_names(text: str, tokens, words=None):
    """A word written before a title or kinship word is a name: 순옥 동무, 최 아바이, 영희 언니."""
    words = words if words is not None else _words(text, tokens)
    for index in range(1, len(words)):
        start, _end, toks = words[index]
        toks = _title_first(toks)
        if not toks or toks[0].form not in KO_TITLE_SET or toks[0].start != start:
            continue
        if toks[0].form in KO_ATTACHED_TITLES and toks[0].form != "씨":
            continue
        p_start, p_end, p_toks = words[index - 1]
        while p_start < p_end and text[p_start] in _OPENING_MARKS:
            p_start += 1  # '크레마 씨: the quotation mark opens the name
        p_toks = [t for t in p_toks if t.start >= p_start]
        name = text[p_start:p_end]
        # 한 아주머니, 전 아저씨: "one" and "as for me" are also the surnames Han and Jeon,
        # and these titles are how a woman speaks of someone by surname; recall first
        by_surname = name in _SURNAME_READINGS and toks[0].form in _SURNAME_TITLES
        if not _HANGUL_WORD.match(name) or not 1 <= len(name) <= 4:
            continue
        if name in KO_NOT_NAMES and not by_surname:
            continue
        if len(name) == 1 and name not in KO_SURNAMES:
            continue
        surname = len(name) == 1  # 정 아바이: Kiwi may take a lone surname for an adverb
        # before 씨 any analysis without a verb will do: '크레마 씨 (크 + 레 + 마)
        mister = toks[0].form == "씨" and not any(t.tag.startswith(("V", "E")) for t in p_toks)
        # before a word of kinship or comradeship, two syllables are a given name however
        # Kiwi read them (실순 언니: 실수 + ㄴ; 혜단 동무: 히 + 어 + 달 + ㄴ; 순은 동무),
        # unless they are an adjective (착한 언니, 어린 동무: a verb stem and its ending)
        familiar = (
            toks[0].form in _FAMILIAR_TITLES
            and len(name) == 2
            and not _adjective(p_toks)
            and not _not_a_name(p_toks)
            and not _placed_noun(p_toks)
        )
        if not p_toks or (
            not surname
            and not mister
            and not familiar
            and any(t.tag not in _NOUN_TAGS for t in p_toks)
        ):
            continue
        if (name in KO_WORLD_PLACES or name in world_places().korean) and (
            toks[0].form not in _FAMILIAR_TITLES
        ):
            continue  # 미국 대표, 중국 총리: a country's, not a name (선봉 언니 is a name)
        if not by_surname and _not_a_name(p_toks):
            continue
        if toks[0].form in OFFICE_TITLES and (
            # 전 대통령: "former", not the surname 전 (but 한 목사님 may be Pastor Han)
            (surname and p_toks[0].tag == "MM" and not (by_surname and name == "한"))
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


FAMILIAR_TITLES = _FAMILIAR_TITLES
# The places of detention (docs/detection.md, /work/shared/domain.md) are named by the town
# they are in: 청진 집결소 is the holding centre in Chongjin.
_DETENTION = ("집결소", "구류장", "교화소", "관리소", "단련대", "노동단련대", "로동단련대")


# Common nouns that describe a business rather than name it (동네 식당, 중국 식당).
_GENERIC_MODIFIERS = frozenset(
    "시골 도시 시내 중국 한국 조선 북한 남한 한족 조선족 개인 국영 사설 작은 큰 "  # noqa: SIM905
    "근처 옆 앞 뒤 건너편 맞은편 동네 마을 지역 현지 읍내 시장 유명 인근 일반 보통 "
    "대형 소형 가족 가정 교포 탈북민 탈북자 지하 비밀 정식 개척 한인 외국인 국제".split()
)


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
        p_start, p_end, p_toks = words[index - 1]
        if not p_toks or any(not t.tag.startswith(("NNP", "NNG")) for t in p_toks):
            continue
        place = text[p_start:p_end]
        if _is_place_word(place) and (
            text[p_end - 1] in "시군도리동읍면" or head.startswith(_DETENTION)
        ):
            continue  # 온성군 집결소, 청진 집결소: a facility in a town, not its name
        if text[p_start:p_end] in _GENERIC_MODIFIERS or (
            not any(t.tag == "NNP" for t in p_toks) and text[p_start:p_end] in KO_NOT_NAMES
        ):
            continue  # 동네 식당, 중국 식당: no name; 은혜 교회, 샘물 교회: a name
        last = next(t for t in toks if t.tag.startswith("NN"))
        yield p_start, last.start + last.len, ORG


# Words of kinship written before the name of the one they are (동생 철수, 남편 리강건, 오마니
# 김주림): the word after them is a name, even where it also spells a place (영동) or a
# common word (강산).
_KIN_WORDS = frozenset(
    "동생 남동생 여동생 언니 오빠 형 누나 아들 딸 남편 아내 안해 어머니 아버지 엄마 아빠 "  # noqa: SIM905
    "오마니 아바지 어마이 할머니 할아버지 손자 손녀 조카 사촌 사위 며느리 큰딸 작은딸 "
    "맏딸 막내딸 큰아들 작은아들 맏아들 막내아들 막내 외삼촌 삼촌 이모 고모 형부 올케 "
    "시누이 시어머니 시아버지 친구 동무 남자친구 애인 약혼자 전남편".split()
)
# Kinship words a name may be written together with (친구은혜, 언니순옥), longest first.
KIN_PREFIXES = tuple(sorted((w for w in _KIN_WORDS if len(w) >= 2), key=len, reverse=True))
# Particles a person takes; 에게, 한테 and 께 only a living being.
_PERSON_PARTICLE = re.compile(
    r"(?:에게서?|한테서?|께서?|이가|이는|이를|이랑|이하고|이도|이의|이와|가|는|은|를|을|의|랑|"
    r"하고|와|과|도|만|이)?(?=[\s,.!?·)\"'”’]|$)"
)
_ANIMATE = ("에게", "한테", "께")


# A name is written after a word of kinship or of what someone is to the teller (브로커
# 주학명이, 담당 한석성은, 하나원 동기 주란 언니).
_NAMING_WORDS = _KIN_WORDS | frozenset(
    "브로커 중개인 주인 사장 사장님 남자 여자 애인 동거인 담당 담당자 동기 관리자 "  # noqa: SIM905
    "보위원 안전원 조사관 감독관 안내인 아이 아기".split()
)


def kin_names(text: str, tokens, words=None):
    """The name written after a kinship word, or a word for what someone is to the teller:
    동생 철수에게, 남편 영동은, 오마니 김주림이랑, 브로커 주학명이.
    A word Kiwi knows is a name only when it is shaped like a given name and taken by a
    particle only a living being takes (동생 강산에게), never a word a kinship word
    describes (동생 집에, 남편 가족에게, 딸 둘을)."""
    words = words if words is not None else _words(text, tokens)
    for index in range(1, len(words)):
        p_start, p_end, _p = words[index - 1]
        if text[p_start:p_end] not in _NAMING_WORDS:
            continue
        start, end, toks = words[index]
        match = re.match(r"[가-힣]{2,4}", text[start:end])
        if not match or not toks or toks[0].start != start:
            continue
        ends = {t.end for t in toks}
        for stem_end in range(start + 2, start + match.end() + 1):
            rest = _PERSON_PARTICLE.match(text, stem_end, end)
            if stem_end in ends and rest and rest.end() == end:
                break  # the shortest stem a person's particle follows: 철수 + 에게
        else:
            continue
        stem = text[start:stem_end]
        inside = [t for t in toks if t.start < stem_end]
        if stem in KO_NOT_NAMES or stem in KO_TITLE_SET:
            continue
        # 아버지 안일성은 (안일 + 성 + 은), 브로커 주학명이 (주 + 학명 + 이): a surname and
        # two syllables are a full name however Kiwi cut them into nouns, unless into one
        # word it knows (동생 대학교에)
        full = (
            len(stem) == 3
            and stem[0] in KO_SURNAMES
            and not (len(inside) == 1 and not _unknown_to_kiwi(inside[0]))
            and all(t.tag.startswith(("NN", "XR", "XSN", "NR")) for t in inside[1:])
            and inside[0].tag.startswith(("NN", "MM", "XR"))
        )
        if stem in _NAMING_WORDS or (
            any(not t.tag.startswith(("NN", "XR")) for t in inside) and not full
        ):
            continue  # 동생 언니, 딸 둘을; a verb: 남편 보러
        guessed = any(t.tag == "NNP" or _unknown_to_kiwi(t) for t in inside)
        animate = text[stem_end:end].startswith(_ANIMATE)
        shaped = _name_shaped(stem) or _given_name_shaped(stem)
        if (guessed and len(stem) <= 3) or (shaped and animate) or full:
            yield start, stem_end, PERSON


def _role_noun(word: str) -> bool:
    """A word of kinship, a title or a trade: what someone is, not what she is called."""
    return word in KO_TITLE_SET or word in _KIN_WORDS or word in _PROFESSIONS


_LIST_MARK = re.compile(r"\s?[·,]\s?")


def _listed_places(text: str, spans):
    """A list is of one kind: a bare guessed name listed with places (by a comma or a
    middle dot) is a place too: 덕산·가람·송림지구, 명천, 길주, 화대에서. A name shaped like
    a full Korean name (surname + given name) keeps its label."""
    places = {(s, e) for s, e, label in spans if label == PLACE}
    if not places:
        return spans
    ends = {e for _s, e in places}
    starts = {s for s, _e in places}
    result = []
    for start, end, label in spans:
        if (
            label == PERSON
            and not _name_shaped(text[start:end])
            and _HANGUL_WORD.match(text[start:end])
        ):
            before = re.search(r"\s?[·,]\s?$", text[max(0, start - 3) : start])
            after = _LIST_MARK.match(text, end)
            if (before and start - len(before.group()) in ends) or (
                after and after.end() in starts
            ):
                label = PLACE
        result.append((start, end, label))
    return result
