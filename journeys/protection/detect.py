"""Detection of identifying details: the one entry point the rest of Journeys uses.

    detect_texts(["...", "..."], "ko")   -> one list of Span per text, details found once
                                            marked everywhere in the texts (one testimony)
    detect_pair(text_ko, text_en)        -> both languages, each told what the other found

Labels: PERSON, PLACE, DATE, YEAR, AGE, CONTACT, ORG. Offsets are character offsets.
"""

import bisect
import re
from dataclasses import dataclass

from journeys.lib.text import pieces
from journeys.protection import english, korean, mecab_names, patterns, romanise, world
from journeys.protection import kiwi as kiwi_module
from journeys.protection.gazetteer import fold_text, gazetteer
from journeys.protection.lexicon import (
    EN_GENERAL_ORGS,
    EN_KNOWN_ORGS,
    KO_ATTACHED_TITLES,
    KO_ETHNIC_GROUPS,
    KO_GENERAL_ORGS,
    KO_JOURNEY_WORDS,
    KO_KNOWN_ORGS,
    KO_MESSENGER_APPS,
    KO_STATE_BODIES,
    KO_TITLES,
)

LABELS = ("PERSON", "PLACE", "DATE", "YEAR", "AGE", "CONTACT", "ORG")
# Where two candidates overlap, the longer wins; at equal length, the earlier label here.
_PRIORITY = {"CONTACT": 0, "PERSON": 1, "PLACE": 2, "ORG": 3, "DATE": 4, "AGE": 5, "YEAR": 6}
_GLUED = re.compile(r"\S+")
_WORD = re.compile(r"[가-힣]+")
_OFFICE_AFTER = re.compile(r"\s(?:" + "|".join(sorted(korean.OFFICE_TITLES)) + r")$")
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


_GENERAL_ORGS_KO = frozenset(KO_GENERAL_ORGS)
_ORG_LENGTHS = sorted({len(o) for o in KO_GENERAL_ORGS}, reverse=True)
_CAPITAL = re.compile(r"[A-Z]")
_GENERAL_ORGS_EN = re.compile(
    r"(?<![\w])(?:" + "|".join(sorted(EN_GENERAL_ORGS, key=len, reverse=True)) + r")(?![\w])"
)


def _general_orgs(text: str, words):
    """(start, end) of a known organisation at the start of a Hangul word (삼성이, 국회에서)."""
    for start, end in words:
        for length in _ORG_LENGTHS:
            if length <= end - start and text[start : start + length] in _GENERAL_ORGS_KO:
                yield start, start + length
                break


def _state_bodies(text: str, tokens, places):
    """A world place followed by a body of its state is that body, an organisation: 한국
    정부, 프랑스 검찰, 일본대사관 (not 한국 정부청사, a building, nor 미국 군사, an adjective)."""
    if not tokens:
        return
    by_start = {t.start: t for t in tokens}
    for start, end, label in places:
        if label != "PLACE":
            continue
        body = by_start.get(end) or (by_start.get(end + 1) if text[end : end + 1] == " " else None)
        if body is None or body.form not in KO_STATE_BODIES or not body.tag.startswith("NN"):
            continue
        if body.start == end and len(body.form) < 2:
            continue  # 북한군: the place with an affix (world.find_inside_words), still a place
        after = by_start.get(body.end)
        if after is not None and after.tag.startswith("NN"):
            continue  # a longer word: 정부 + 청사
        yield start, body.end, "ORG"


def _whole_words(tokens, start: int, end: int) -> bool:
    """The organisation is whole Kiwi words, followed by nothing or a particle: 삼성이, not
    삼성동; 국회에서, not 국회의원."""
    if tokens is None:
        return True
    index = bisect.bisect_left(_starts(tokens), start)
    if index >= len(tokens) or tokens[index].start != start:
        return False
    for offset, token in enumerate(tokens[index:], index + 1):
        if token.end == end:
            after = tokens[offset] if offset < len(tokens) else None
            return after is None or after.start > end or not after.tag.startswith("NN")
        if token.end > end or not token.tag.startswith(("NN", "SL")):
            return False
    return False


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
        if not (korean_text and label == "PLACE" and _not_address(text, tokens, s, e))
        and not (korean_text and label in ("DATE", "AGE") and _cuts_word(text[s:e], tokens, s, e))
    ]
    found += [(s, e, label, 0) for s, e, label, _code in gazetteer().find(text)]
    guesses = []
    if korean_text:
        places = [(s, e, "PLACE") for s, e in world.find_korean(text, tokens)]
        words = [m.span() for m in _WORD.finditer(text)]
        places += [(s, e, "PLACE") for s, e in world.find_inside_words(text, words)]
        eojeols = korean.words_of(text, tokens)
        guesses += korean.find(text, tokens, eojeols)
        # Latin names inside Korean text (a pinyin name, an English place)
        if re.search(r"[A-Z][a-z]", text):
            guesses += [c for c in english.find(text) if c[2] != "ORG"]
    else:
        places = [(s, e, "PLACE") for s, e in world.find_english(text)]
        guesses += list(english.find(text))
    places += [(m.start(), m.end(), "ORG") for m in _KNOWN_ORGS.finditer(text)]
    if _CAPITAL.search(text):
        places += [(m.start(), m.end(), "ORG") for m in _GENERAL_ORGS_EN.finditer(text)]
    if korean_text:
        places += [
            (s, e, "ORG") for s, e in _general_orgs(text, words) if _whole_words(tokens, s, e)
        ]
        places += list(_state_bodies(text, tokens, places))
    # a world place or known organisation says what the same span is (Paris, 미국, 하나원),
    # whatever a rule guessed
    where = {(s, e) for s, e, _label in places}
    if korean_text:
        # a name after a kinship word is a person even where it spells a place (동생 영동에게)
        kin = list(korean.kin_names(text, tokens, eojeols))
        kin_spans = {(s, e) for s, e, _label in kin}
        places = [p for p in places if (p[0], p[1]) not in kin_spans]
        where -= kin_spans
        guesses += kin
    guesses = [
        g for g in guesses if (g[0], g[1]) not in where and not _leads(text, tokens, g, places)
    ]
    if korean_text:
        guesses = [_headed_by_place(text, g) for g in guesses]
        guesses = [_dictionary_organisation(text, g) for g in guesses]
    guesses += places
    guesses = [g for g in guesses if text[g[0] : g[1]] not in _NO_DETAIL_KO]
    found = [f for f in found if not _outranked(text, f, guesses)]
    found += [(s, e, label, 1) for s, e, label in guesses]
    return [
        (s, e, "YEAR" if label == "DATE" and _YEAR_ONLY.match(text[s:e]) else label, sure)
        for s, e, label, sure in found
    ]


# Titles that end a name written with them (not 군 or 양, which also end 공군, 남양).
_NAME_TITLE_END = re.compile(
    "(?:"
    + "|".join(sorted((t for t in KO_TITLES if len(t) >= 2), key=len, reverse=True))
    + "|님|씨)$"
)
# Words Kiwi may take for proper nouns that identify no one: messenger apps (위챗), peoples
# (한족, 조선족), the common nouns of the journeys (북송, 장마당, 구류장).
_NO_DETAIL_KO = KO_MESSENGER_APPS | KO_ETHNIC_GROUPS | KO_JOURNEY_WORDS


def _outranked(text: str, candidate, guesses) -> bool:
    """A pattern or codebook match that a guess shows to be part of something else: a date
    word inside a titled name (오월혜 언니, 설은 동무: not May, not the New Year) or at the end
    of a full name (현련설이), a place
    inside the name of a business (the Tumen River Restaurant, 두만강 식당), or the March
    of the Arduous March (the famine, no date)."""
    start, end, label, _sure = candidate
    if label == "DATE" and not re.search(r"\d", text[start:end]):
        if any(s <= start and end <= e for s, e in english.unnamed(text)):
            return True
        for s, e, guess_label in guesses:
            if (
                guess_label == "PERSON"
                and s <= start
                and end <= e
                and e - s > end - start
                and (_TITLE_TAIL.search(text, end, e) or not re.search(r"\s", text[s:e]))
            ):
                return True  # 오월혜 언니, 오월혜는: a name that begins like a month
    if label == "PLACE":
        for s, e, guess_label in guesses:
            if s <= start and end <= e and (e - s) > (end - start):
                if guess_label == "ORG" and not _ADMINISTRATIVE.search(text[start:end]):
                    return True
                if guess_label == "PERSON" and _FAMILIAR_TAIL.match(text, end, e):
                    return True  # 선봉 언니: a given name that is also a town's
    return False


# A place with the word of its administrative unit says where a facility is (온성군 집결소,
# Hyesan City Hospital); a bare place name before a business word names the business
# (두만강 식당, the Tumen River Restaurant).
_ADMINISTRATIVE = re.compile(
    r"(?:시|군|구|구역|도|리|동|읍|면|성|현|주|로동자구|노동자구|(?i:\s(?:city|county|province|"
    r"district|prefecture)))$"
)
_FAMILIAR_TAIL = re.compile(
    r"\s(?:" + "|".join(sorted(korean.FAMILIAR_TITLES, key=len, reverse=True)) + r")$"
)


def _leads(text: str, tokens, guess, places) -> bool:
    """A world place at the head of a word guessed a name is the place it names: 평택시장,
    강남스타일, 마포대교. One syllable more is still a name (김해 + 진: 김해진), and a place
    name written apart from a title or an organisation word is a given name or the name of
    the business (호남 동무, 두만강 반점)."""
    start, end, label = guess
    if label != "PERSON":
        return False
    if not _GLUED.fullmatch(text, start, end) and not _OFFICE_AFTER.search(text, start, end):
        return False  # 영국 기자 (a British journalist) is a place, 호남 동무 a name
    for s, e, place_label in places:
        if place_label == "PLACE" and s == start and e < end and _affixed(text[e:end]):
            return True  # 미국형, 중국산; 우즈베키스탄 + 와, a particle Kiwi did not split off
        if place_label == "PLACE" and s == start and e < end and end - e >= 2:
            # what follows the place is a word Kiwi knows (시장, 대교), not more of a name
            # (미야자키 + 하야오)
            rest = [t for t in tokens or () if e <= t.start < end]
            return not any(t.tag == "NNP" or korean.unknown_to_kiwi(t) for t in rest)
    return False


def _dictionary_organisation(text: str, guess):
    """A word guessed a name that NK-HanDic lists as an organisation, and as no person or
    place, is that organisation: 현대건설, 질병관리본부, 우리투자증권 (and the North's
    farms and factories, 녕원군건재공장)."""
    start, end, label = guess
    if label == "PERSON" and text[start:end] in mecab_names.names().organisations:
        return start, end, "ORG"
    return guess


def _headed_by_place(text: str, guess):
    """A word guessed a name that begins with a place and goes on for two syllables or more
    is named after the place: 수원지법, 부산외대, 청주레인저스 are a court, a university and a
    club of the town, not people (김해숙님 and 타이슨박사 are names with their titles;
    미야자키하야오 begins with a town of Japan by chance)."""
    start, end, label = guess
    word = text[start:end]
    if label != "PERSON" or not _WORD.fullmatch(word) or len(word) < 4:
        return guess
    bare = word[:-1] if word[-1] in KO_ATTACHED_TITLES else word
    if (len(bare) <= 3 and korean.name_shaped(bare)) or _NAME_TITLE_END.search(word):
        return guess  # 김해숙님, 타이슨박사: a name with its title
    korean_places = world.world_places().korean
    for length in range(len(word) - 2, 1, -1):
        if word[:length] in korean_places:
            # a foreign spelling may begin a foreign name by chance: 델리 + 카트슨
            return (start, end, "ORG") if korean.sino_korean(word[:length]) else guess
    return guess


_PARTICLES = frozenset("이 가 은 는 을 를 의 에 와 과 도 만 로".split())  # noqa: SIM905


def _affixed(rest: str) -> bool:
    """What follows a place inside a word guessed a name is an affix of places (형, 산, 식)
    or a particle, not more of a name (김해 + 진)."""
    return rest in world.PLACE_AFFIXES or rest in _PARTICLES


def _cuts_word(text: str, tokens, start: int, end: int) -> bool:
    """A date or an age begins where a word begins and is not a piece of a proper noun:
    이주영, 오달수, 이세돌 and 설경구 are names that begin like 이주 (two weeks), 오 달, 이 세
    and 설; 앞서 세르게이 and 카이 세훈 hold no age (서 세, 이 세)."""
    if tokens is None:
        return False
    index = bisect.bisect_right(_starts(tokens), start) - 1
    if index < 0:
        return False
    token = tokens[index]
    if token.start < start < token.end and token.tag not in ("SN", "NR", "MM"):
        return True
    if token.start == start and token.tag.startswith("J"):
        return True  # 김영남이 월급: no date begins with a particle (이 월)
    if token.tag != "NNP" or token.len < 2:
        return False
    # inside a proper noun, or all of one without a digit (네일 is no "four days")
    counted = text[:1] in _NUMBER_SYLLABLES and not re.search(r"\d", text)
    return end < token.end or (token.start == start and counted)


# The first syllables of Korean number words (이 주, 네 일, 오 달): a date counted in words.
_NUMBER_SYLLABLES = frozenset("일이삼사오육칠팔구십백한두세네다여아열스서마쉰예일")


def _starts(tokens) -> list[int]:
    return [t.start for t in tokens]


def _not_address(text: str, tokens, start: int, end: int) -> bool:
    """What looks like an address to a pattern but has a verb in it, or a unit that is no
    Korean or Chinese place name (오쿠니시 씨가, 해리포터시리즈: transliterations)."""
    if _has_verb(tokens, start, end) or _particle_do(text, tokens, start, end):
        return True
    units = re.findall(r"[가-힣]+", text[start:end])
    return any(not korean.sino_korean(u) and not world.is_korean_place(u) for u in units)


def _particle_do(text: str, tokens, start: int, end: int) -> bool:
    """The -도 that opens an address is a province (함경북도), not the particle "too" that
    Kiwi reads in 지금도 허리가 (now too, the waist) or 스토리도; and the -가 that ends one is
    a street (종로3가), not the subject particle of 친구 은혜가 (the friend Eun-hye)."""
    if tokens is None:
        return False
    first = re.match(r"[가-힣]+도(?=\s)", text[start:end])
    ends = [start + first.end() - 1] if first else []
    if text[end - 1] == "가":
        ends.append(end - 1)
    return any(t.start in ends and t.tag.startswith("J") for t in tokens)


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


# Detection of one text costs more than its length (some rules look at every word of it for
# each candidate): a longer text is detected in pieces cut at paragraph or sentence ends, so
# a 20,000-character passage costs ten 2,000-character ones. Texts up to this length (every
# evaluated corpus) are detected whole, as before.
CHUNK_CHARS = 2000
# Bumped whenever a change to detection can change what it finds: cached results
# (journeys/protection/cache.py) made by an older version are not used.
DETECTION_VERSION = "2026.12.1"


def spans_each(texts: list[str], lang: str) -> list[list[Span]]:
    """The spans of each text on its own, before a detail found in one is looked for in the
    others (`detect_texts` does that); long texts in pieces of CHUNK_CHARS at most."""
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be ko or en, not {lang!r}")
    parts = [
        (i, a, text[a:b]) for i, text in enumerate(texts) for a, b in pieces(text, CHUNK_CHARS)
    ]
    analyses = (
        kiwi_module.tokenize([part for _i, _a, part in parts])
        if lang == "ko"
        else [None] * len(parts)
    )
    spans: list[list[Span]] = [[] for _ in texts]
    for (i, offset, part), tokens in zip(parts, analyses, strict=True):
        found = _resolve(part, _candidates(part, lang, tokens))
        spans[i] += [Span(s.start + offset, s.end + offset, s.label, s.text) for s in found]
    return spans


def detect_texts(
    texts: list[str],
    lang: str,
    *,
    consistent: bool = True,
    each: list[list[Span]] | None = None,
) -> list[list[Span]]:
    """The spans of every text; with `consistent`, the texts are one testimony.

    `each`: the spans_each() of these texts when the caller has them already (cached)."""
    spans = spans_each(list(texts), lang) if each is None else each
    return _propagate(list(texts), spans) if consistent else spans


def rules_ko(text: str, tokens) -> tuple[list[Span], set]:
    """The spans of a Korean text, and those of them that patterns, the codebook or the
    lists found (the sure ones, as opposed to the rules' guesses): bench/train_tagger.py
    reads both, since a learned tagger may only reconsider guesses."""
    found = _candidates(text, "ko", tokens)
    return _resolve(text, found), {(s, e, label) for s, e, label, flag in found if not flag}


def detect(text: str, lang: str) -> list[Span]:
    return detect_texts([text], lang)[0]


def names_in_korean(latin_names, text_ko: str):
    """(start, end) of the Hangul spellings of names written in Latin letters, also written
    together with a kinship word before them (친구은혜가 for Eun-hye)."""
    return romanise.find_korean(latin_names, text_ko, prefixes=korean.KIN_PREFIXES)


def detect_pair(text_ko: str, text_en: str) -> tuple[list[Span], list[Span]]:
    """A testimony and its translation: a place found in one language is looked for, in
    every codebook spelling, in the other (혜산 and Hyesan are one entity), a Korean name in
    its romanised spellings in the English, and an English name in its Hangul spellings in
    the Korean."""
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
    # and an English name in its Hangul spellings in the Korean, where Korean detection took
    # it for a word (은혜, grace, for Eun-hye)
    latin = {_EN_TITLE_HEAD.sub("", s.text) for s in spans_en if s.label == "PERSON"}
    extra_ko += [(s, e, "PERSON", 0) for s, e in names_in_korean(latin, text_ko)]
    spans_ko = _resolve(text_ko, [(s.start, s.end, s.label, 0) for s in spans_ko] + extra_ko)
    spans_en = _resolve(text_en, [(s.start, s.end, s.label, 0) for s in spans_en] + extra_en)
    return spans_ko, spans_en
