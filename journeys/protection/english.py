"""Names, places and organisations in English text, without a model.

A run of capitalised words is a name unless it is a sentence's ordinary first word, a month
or another word listed as no name. A title before it (Ms., Comrade, Sister) makes it a
person; a place word after it (City, Province, -ri, -dong) or a preposition of place before
it (in, from, near) makes it a place; an organisation word (Church, Restaurant) an
organisation; a Korean or Chinese surname in it a person. The rest are kept as persons:
recall first. A sentence's first word is a name when the sentence shows it (Hi X, X said,
X and Y); streets and address blocks of many countries are places (`addresses`).
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
from journeys.protection.world import world_places

PERSON, PLACE, ORG = "PERSON", "PLACE", "ORG"
DATA = Path(__file__).resolve().parent / "data"
GIVEN_NAMES_FILES = (DATA / "en_given_names.txt", DATA / "en_world_given_names.txt")


@cache
def given_names() -> frozenset:
    """Common given names, English-language and of the world in Latin letters (general lists,
    not from any evaluation set)."""
    lines = [
        line for path in GIVEN_NAMES_FILES for line in path.read_text(encoding="utf-8").splitlines()
    ]
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


# a word starts after no letter (not the Chat of WeChat) and may have capitals inside
# (WeChat, KakaoTalk, McDonald)
# Capitals and small letters of the Latin alphabets of Europe (Šušulić, Árpád, ÖSTERSKÄR);
# Latin Extended-A mixes both cases, so it counts as small letters inside a word.
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿĀ-ž"
_WORD = (
    rf"(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ž])(?:[{_UP}Ā-ž][{_LOW}'’]*(?:[{_UP}][{_LOW}]+)*"
    rf"(?:[-‐][A-Za-zÀ-ÖØ-öø-ÿĀ-ž][{_LOW}]*)*"
    rf"|[{_UP}]{{2,}}(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ž]))"
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
    + r")(?![A-Za-z]|(?-i:[-‐][a-z]))",  # Hui-son, Han-na: a people's name begins a given name
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


# A greeting or a question for a name says that the next capitalised word is a person:
# "Hi Victor", "Dear Aloisia", "What's your last name? Boyle", "a man called Zhang Wei".
_NAME_CUE = re.compile(
    r"(?:\b(?:hi|hello|hey|dear|thanks|thank you)[,]?|\bname(?: is|:|\?| was)?|"
    r"\b(?:called|named|nicknamed)|\bspeak to|\bthis is)\s*$",
    re.IGNORECASE,
)
# What people do: a sentence's first capitalised word before one of these is someone's name
# (Irenka is very reliable, Tomas had given..., Jarvilehto began writing), and a word listed
# with a name (X and Y were..., X, Y and Z) is one of the same kind. Only words not listed
# as ordinary (It, This, There) reach this test.
_PERSON_VERB = re.compile(
    r"\s+(?:said|says|told|tells|asked|asks|shouted|replied|answered|began|begins|had given|"
    r"has given|is very|was very|is from|was from|lives|lived|works|worked|wrote|writes|"
    r"smiled|laughed|cried|called|came|went|left|married|met|is a|was a|is my|was my)\b"
)
_VOCATIVE = re.compile(
    r",\s+(?:can|could|would|will|please|thank|do|did|are|have|I'm|I am|you|don't)\b"
)
_LISTED = re.compile(r"\s*(?:,|\band\b|&)\s*[A-Z]")
# a place word in lower case after a name: Amha workers' district, Taolong village, the Yalu river
_PLACE_AFTER = re.compile(
    r"\s+(?:workers['’]?\s+)?(?:district|village|county|town|city|province|region|township|"
    r"prefecture|neighbourhood|neighborhood|street|road|avenue|river|mountain|island|lake|"
    r"valley|port|harbour|harbor|station|square)\b"
)
# a speaker's name before a colon at the start of a line ("Nicole: Remember...")
_SPEAKER = re.compile(r"[:：]\s")
_NOT_SPEAKERS = frozenset(
    [
        "phone",
        "mobile",
        "fax",
        "desk",
        "email",
        "e-mail",
        "address",
        "website",
        "name",
        "note",
        "date",
        "time",
        "q",
        "a",
        "subject",
        "re",
        "to",
        "from",
        "cc",
        "tel",
        "office",
        "home",
        "work",
        "interviewer",
        "interviewee",
        "translator",
        "answer",
        "question",
        "summary",
        "warning",
        "update",
        "source",
        "title",
    ]
)


# Street shapes of many countries (general knowledge): a street word before the name (Via,
# Rue, Avenida, ul.) or glued after it (Hersnapvej, Snellmaninkatu, Pachergasse, Dalbraut),
# with a house number before or after: "Via Roma 131", "ul. Narewska 94", "Hersnapvej 75",
# "808 Kalman Imre u. 12.", "159 Eleftheriou Venizelou str".
_L = r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ]"
_STREET_BEFORE = (
    r"(?:Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|Strada|Rue|Avenue|Av\.|Boulevard|Bd\.?|"
    r"Chemin|Place|Quai|Allée|Avenida|Avda\.?|Calle|C/|Carrer|Camino|Paseo|Plaza|Praça|Rua|Rúa|"
    r"Travessa|Estrada|Largo|ul\.|ulica|al\.|aleja|pl\.|Odos|Leoforos|Straße|Strasse)"
)
_STREET_AFTER = (
    r"(?:straat|straße|strasse|str\.?|gasse|weg|allee|platz|ring|damm|laan|plein|gracht|kade|"
    r"vej|vegur|veien|vegen|gate|gata|gatan|vägen|väg|katu|tie|kuja|polku|braut|stígur|gata|"
    r"utca|útja|út|u\.|tér|körút|ulica|ulice|cesta|ut|sokak|caddesi|bulvarı)"
)
_STREET_NAME = (
    rf"(?:{_STREET_BEFORE}\s+(?:(?:de|del|della|di|da|do|dos|das|la|le|des|du)\s+)?"
    rf"[A-ZÀ-ÞĀ-Ž]{_L}*(?:[ -][A-ZÀ-ÞĀ-Ž]{_L}*){{0,3}}"
    rf"|(?:[A-ZÀ-ÞĀ-Ž]{_L}*[ -]){{0,3}}[A-ZÀ-ÞĀ-Ž]{_L}{{2,}}{_STREET_AFTER}(?!{_L})"
    # or written apart after the name: Kalman Imre u., Trenerys gate, Eleftheriou Venizelou str
    rf"|(?:[A-ZÀ-ÞĀ-Ž]{_L}*[ -]){{1,3}}(?:u\.|utca|útja|út|tér|str\.?|gate|gata|gatan|vej|"
    rf"veien|straat|strasse|straße|weg)(?!{_L}))"
)
# a street needs its house number, before or after it (a street word alone may be a word)
_STREET = re.compile(
    rf"(?<!{_L})(?:(?:\d{{1,6}}[A-Za-z]?,?\s+){{1,2}}{_STREET_NAME}(?:\s+\d{{1,5}}[A-Za-z]?\b\.?)?"
    rf"|{_STREET_NAME}\s+\d{{1,5}}[A-Za-z]?\b\.?)"
)
# English street types the address patterns do not list, after a house number (and sometimes
# a second one: "5521 119 Countess Close", "3536 1659 Hoog St")
_ENGLISH_STREET = re.compile(
    rf"(?<!{_L})(?:\d{{1,6}}[A-Za-z]?\s+){{1,2}}(?:[A-ZÀ-ÞĀ-Ž]{_L}*\s+){{1,3}}(?:Street|St|Road|"
    r"Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Courts|Ct|Way|Place|Pl|Close|Crescent|Cres|Cove|"
    r"Coves|Harbor|Harbour|Gardens|Grove|Mews|Hill|Hills|Park|View|Walk|Green|Heights|Ridge|"
    r"Point|Loop|Path|Pike|Run|Crossing|Junction|Manor|Meadow|Meadows|Villas|Estate|Terrace|"
    r"Parade|Wharf|Quay|Row|Square|Boulevard|Blvd|Highway|Hwy|Circle|Trail|Alley|Causeway)"
    rf"\b\.?"
)
# An address block's lines (the Presidio and mail shapes): a line of a house number, words and a
# number ("20789 Allika 46", "2224 Trenerys gate 232"), and the town on the line after a flat
# or suite line or before a line of a country and a postcode.
_LINE_PREFIX = r"[^\w\n]*"  # quoting marks or a mail client's replacement characters
_NUMBERED_STREET = re.compile(
    rf"(?m)^{_LINE_PREFIX}(?:\d{{5}}\s+)?(\d{{1,6}}\s+[A-ZÀ-ÞĀ-Ž]{_L}*(?:\s+{_L}+\.?){{0,4}}\s+\d{{1,5}}[A-Za-z]?\.?)[ \t]*$"
)
_UNIT_LINE = re.compile(
    rf"(?mi)(?<!{_L})(?:apt\.?|apartment|suite|unit|flat|box|room|floor)\s*#?\s*\d+\w*[ \t]*\n"
    rf"{_LINE_PREFIX}({_L}[{_L[1:-1]}' .-]*{_L})[ \t]*$"
)
_TOWN_BEFORE_COUNTRY = re.compile(
    rf"(?m)^{_LINE_PREFIX}({_L}[{_L[1:-1]}' .-]*{_L})[ \t]*\n"
    rf"{_LINE_PREFIX}[A-ZÀ-Þ]{_L}*(?:\s+{_L}+){{0,3}}\s+[A-Z0-9]{{0,3}}\d{{3,6}}(?:[ -]\d{{1,4}})?[ \t]*$"
)


def addresses(text: str):
    """Streets and towns of an address written in Latin letters, in any country's shape."""
    for pattern in (_STREET, _ENGLISH_STREET):
        for match in pattern.finditer(text):
            yield _after_postcode(text, match.start(), match.end())
    for pattern in (_NUMBERED_STREET, _UNIT_LINE, _TOWN_BEFORE_COUNTRY):
        for match in pattern.finditer(text):
            if len(match.group(1).split()) <= 4:
                yield _after_postcode(text, match.start(1), match.end(1))


_FIVE_DIGITS = re.compile(r"\d{5}\s+")


def _after_postcode(text: str, start: int, end: int) -> tuple[int, int, str]:
    """A street without the five-digit number before its house number, which the postcode
    pattern already finds (a sure match drops a guess it overlaps): 79063 | 63 Rue de ..."""
    five = _FIVE_DIGITS.match(text, start, end)
    return (five.end() if five else start), end, PLACE


# In a text written all in small letters (a chat, a form), a title still makes a person
# ("mr. elliott flew") and a letter or form opens with a name on its first line ("emidio p
# lombardo", "aksel kristensen").
_LOWER_TITLED = re.compile(
    rf"(?<![a-z])(?:mr|mrs|ms|miss|dr|prof|sir|madam)\.?\s+([{_LOW}]+(?:-[{_LOW}]+)?)"
)
_LOWER_FIRST_LINE = re.compile(
    rf"\A[^\w\n]*([{_LOW}]{{2,}}(?: [{_LOW}]\.?)? [{_LOW}]{{2,}}(?:-[{_LOW}]+)?)[ \t]*\n"
)


def _lower_case_names(text: str):
    if re.search(f"[{_UP}]", text):
        return
    for match in _LOWER_TITLED.finditer(text):
        yield match.start(), match.end(1), PERSON
    first = _LOWER_FIRST_LINE.match(text)
    if first and first.group(1).split()[0] not in EN_NOT_NAMES:
        yield first.start(1), first.end(1), PERSON


def find(text: str):
    text = _masked(text)
    places = list(addresses(text))
    yield from places
    yield from _lower_case_names(text)
    for match in _RUN.finditer(text):
        if any(s <= match.start() and match.end() <= e for s, e, _label in places):
            continue  # the town line of an address block (Mazée), not a person
        words = match.group().split(" ")
        start = match.start()
        # drop listed words at the front (The, In, Mr) and remember what they said
        # after a title, a listed word is a surname (Mr. An, Ms. Do, Sister Song)
        titled = bool(_TITLE.search(text[: match.start()]))
        while words and (words[0].casefold().strip("'’") in EN_NOT_NAMES):
            if titled and words[0].rstrip(".") not in EN_PERSON_TITLES:
                break
            if _surname_then_given(words):
                break  # He Yongzhi, An Myong-ok: a surname that is also an English word
            if words[0].rstrip(".") in EN_PERSON_TITLES:
                titled = True
            start += len(words[0]) + 1
            words = words[1:]
        while words and words[-1].casefold().rstrip("'’s") in EN_NOT_NAMES - EN_ORG_WORDS:
            if words[-1].casefold() in EN_PLACE_WORDS or (titled and len(words) == 1):
                break
            words = words[:-1]
        if not words:
            continue
        end = start + len(" ".join(words))
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        before = text[: match.start()]
        label = _classify(words, before, titled)
        if label is None and (
            _NAME_CUE.search(text[:start]) or _names_someone(text, words, start, end)
        ):
            label = PERSON
        if label in (PERSON, None) and not titled and _PLACE_AFTER.match(text, end):
            label = PLACE  # Amha workers' district; Taolong village, even opening a sentence
        if label is None:
            continue
        if titled:
            title = _TITLE.search(text[:start])
            if title:
                start = title.start()
        yield start, end, label


# A Chinese given name written in pinyin as one word (Yongzhi, Jianhong, Xiaoyan), and a
# Korean one written with its hyphen (Myong-ok, Yong-hui).
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|"
    r"ua|uo|ui|ve|a|o|e|i|u|v)"
)
_GIVEN_AFTER_SURNAME = re.compile(
    rf"[A-Z](?i:{_PINYIN_SYLLABLE}){{2,3}}(?<=[a-z])|[A-Z][a-z]+-[a-z]+"
)


def _surname_then_given(words: list[str]) -> bool:
    """The run opens with a surname English also uses as a word (He, An, Do, So) and goes on
    with a given name: He Yongzhi. A preposition is never taken for a surname (In Shenyang),
    nor is a place (So Yanji)."""
    if len(words) < 2:
        return False
    surname, given = words[0].casefold(), words[1].rstrip(".,")
    return (
        surname in ROMAN_SURNAMES
        and surname not in EN_PLACE_PREPOSITIONS
        and bool(_GIVEN_AFTER_SURNAME.fullmatch(given))
        and not _PLACE_SUFFIX.search(given)
        and not world_places().english.fullmatch(given)
    )


def _names_someone(text: str, words: list[str], start: int, end: int) -> bool:
    """A sentence's first capitalised word that the sentence shows to be a name: written with
    letters English does not use (Jarvilehto, Susulic with their accents), followed by
    what people do, listed with other capitalised words, or a speaker before a colon at the
    start of a line."""
    if len(words) != 1 or words[0].casefold() in EN_NOT_NAMES:
        return False
    word = words[0]
    if _PLACE_SUFFIX.search(word) or (word.endswith("ing") and len(word) >= 6):
        return False  # a place's word (Dokbong-dong) or a gerund (Having said all this)
    if re.search(r"[^\x00-\x7f]", word) and not word.isupper():
        return True
    after = text[end:]
    if _PERSON_VERB.match(after) or _LISTED.match(after) or _VOCATIVE.match(after):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return (
        bool(_SPEAKER.match(after))
        and not text[line_start:start].strip(" \t>*-")
        and word.casefold() not in _NOT_SPEAKERS
    )


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
    if (
        previous in EN_PLACE_PREPOSITIONS
        and not any(w in ROMAN_SURNAMES for w in lower)
        and words[0] not in given_names()  # said Maslin to Antonio, shouted at Gary
    ):
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
