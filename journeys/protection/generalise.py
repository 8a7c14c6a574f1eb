"""What each kind of detail becomes (a place its province, a date its year, an age its
range...), and how the text around a replacement is made to read: chains of places said
once, Korean particles fitted, English articles and capitals. Used by `pseudonymise`."""

import json
import re
from dataclasses import dataclass
from functools import cache

from journeys.codebook.cache import per_codebook_revision
from journeys.protection.detect import Span
from journeys.protection.gazetteer import DATA_FILE, fold_text, gazetteer
from journeys.protection.lexicon import EN_KNOWN_ORGS, KO_KNOWN_ORGS, KO_STATE_BODIES
from journeys.protection.pseudonymise_words import (
    EN_AGE_WORDS,
    EN_ORG_TYPES,
    EN_PUBLIC_BODIES,
    HOLIDAY_SEASONS,
    KO_ORG_TYPES,
    KO_PUBLIC_BODIES,
    korean_number,
)


@dataclass
class Draft:
    start: int
    end: int
    label: str
    entity: str
    replacement: str
    # a Korean replacement whose particle may need fixing, an English one capitalised
    fix: bool = True

    place: object = None  # the codebook place of a PLACE, for chains of places
    absorbed_into: "Draft | None" = None  # the place of a chain that says this one


# --- places, organisations, dates, ages, contacts -----------------------------------------


@dataclass(frozen=True)
class _Place:
    code: str
    kind: str
    level: str
    parent: str
    located_in: str
    ko: str
    en: str


@per_codebook_revision
def _codebook() -> dict[str, _Place]:
    """The codebook's places, facilities, agencies and facility types by code (database when
    reachable, like the gazetteer, else the data file)."""
    found = _codebook_from_database()
    if found:
        return found
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return {
        e["code"]: _Place(
            e["code"],
            e["kind"],
            e.get("level", ""),
            e.get("parent", ""),
            e.get("located_in", ""),
            e["ko"],
            e["en"],
        )
        for e in data["terms"]
        if e["kind"] in ("place", "facility", "agency", "facility_type")
    }


def _codebook_from_database() -> dict[str, _Place] | None:
    try:
        from django.apps import apps

        if not apps.ready:
            return None
        from journeys.codebook.models import Term

        rows = Term.objects.filter(
            kind__in=["place", "facility", "agency", "facility_type"]
        ).values_list(
            "code", "kind", "level", "parent__code", "located_in__code", "label_ko", "label_en"
        )
        found = {}
        for code, kind, level, parent, located_in, ko, en in rows:
            # a code may serve two kinds (a facility type and a facility); places win
            if code not in found or kind == "place":
                found[code] = _Place(code, kind, level, parent or "", located_in or "", ko, en)
        return found or None
    except Exception:  # noqa: BLE001 - no database yet: the data file is the fallback
        return None


_LEVEL_DEPTH = {"country": 0, "province": 1, "city": 2, "town": 3}


def _depth(place: _Place) -> int:
    return _LEVEL_DEPTH.get(place.level, 2)


def _ancestors(code: str) -> list[_Place]:
    book = _codebook()
    chain = []
    place = book.get(code)
    while place is not None and place.parent in book and len(chain) < 8:
        place = book[place.parent]
        if place.kind == "place":
            chain.append(place)
    return chain


def _codebook_place(text: str) -> _Place | None:
    """The most specific codebook place or facility spelled inside a span."""
    book = _codebook()
    best = None
    for _s, _e, _label, code in gazetteer().find(text):
        place = book.get(code)
        if place is not None and (best is None or _depth(place) > _depth(best)):
            best = place
    return best


def _province(place: _Place) -> _Place | None:
    for p in [place, *_ancestors(place.code)]:
        if p.level == "province":
            return p
    return None


def _country(place: _Place) -> _Place | None:
    for p in [place, *_ancestors(place.code)]:
        if p.level == "country":
            return p
    return None


def _unit(place: _Place) -> tuple[str, str]:
    """What a place below a province is called: 시/city, 군/county, 마을/village."""
    country = _country(place)
    if country is None or country.code not in ("kp", "kr"):
        return "도시", "city"
    if place.level == "town":
        return "마을", "village"
    if place.ko.endswith("군"):
        return "군", "county"
    if place.ko.endswith("구역") or place.ko.endswith("구"):
        return "구역", "district"
    return "시", "city"


def _en_label(place: _Place) -> str:
    return re.sub(r"\s*\(.*?\)", "", place.en).strip()


def _place_words(place: _Place, policy) -> tuple[str, str] | None:
    """(Korean, English) words for a codebook place; None where it stays as written."""
    if policy.place == "remove":
        return "한 곳", "a place"
    country = _country(place)
    if place.level == "country" or _NATURAL.search(place.en):
        # a country, or a border river (두만강, the Tumen River): public geography, kept
        return None
    if policy.place == "country" and country is not None:
        if place.level == "province":
            return country.ko, _en_label(country)
        return (
            f"{country.ko}의 한 {_unit(place)[0]}",
            f"a {_unit(place)[1]} in {_en_label(country)}",
        )
    if place.level == "province":
        return None
    province = _province(place)
    ko_unit, en_unit = _unit(place)
    if province is None:
        if country is None:
            return "한 마을", "a place"
        return f"{country.ko}의 한 {ko_unit}", f"a {en_unit} in {_en_label(country)}"
    if country is not None and country.code not in ("kp", "kr"):
        return (
            f"{country.ko} {province.ko}의 한 {ko_unit}",
            f"a {en_unit} in {_en_label(province)}, {_en_label(country)}",
        )
    return f"{province.ko}의 한 {ko_unit}", f"a {en_unit} in {_en_label(province)}"


_NATURAL = re.compile(
    r"(?:강|산|해|호|섬|반도|고원|River|Mountains?|Mount|Sea|Lake|Island|Plateau)$"
)
_KO_VILLAGE = re.compile(r"(?:촌|리|마을|동|로동자구|노동자구|구|인민반|읍|면)$")


@cache
def _world_sections() -> dict[str, str]:
    """World place spellings by the section of the world list they are in (read only)."""
    from journeys.protection.world import DATA_FILE as WORLD_FILE

    section, found = "", {}
    for line in WORLD_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            section = line.lstrip("# ").strip().casefold()
            continue
        columns = line.split("\t")
        for column in columns[:2]:
            for word in column.split("|"):
                if word:
                    found.setdefault(word, section)
    return found


_WORLD_COUNTRY = {
    "china": ("중국", "China"),
    "japan": ("일본", "Japan"),
    "korea": ("한국", "South Korea"),
    "north korea": ("북한", "North Korea"),
}


def _unknown_place_words(text: str, lang: str, policy) -> tuple[str, str] | None:
    """A place the codebook does not know: countries, regions and great rivers and
    mountains stay (None); a town of a known country becomes a city of that country; the
    rest a village or a place."""
    if policy.place == "remove":
        return "한 곳", "a place"
    core = text.strip()
    section = _world_sections().get(core)
    if section is not None:
        if section in ("countries", "continents and regions") or _NATURAL.search(core):
            return None
        if section in _WORLD_COUNTRY:
            first_line_countries = {"중국", "China", "일본", "Japan", "한국", "South Korea"}
            if core in first_line_countries:
                return None
            ko, en = _WORLD_COUNTRY[section]
            return f"{ko}의 한 도시", f"a city in {en}"
        return "한 도시", "a city"
    if _NATURAL.search(core) and len(core) > 3:
        return None
    if lang == "en":
        lowered = core.casefold()
        if "village" in lowered or re.search(r"-(?:ri|dong)\b", lowered):
            return "한 마을", "a village"
        if "county" in lowered or lowered.endswith("-gun"):
            return "한 군", "a county"
        if "city" in lowered or lowered.endswith("-si"):
            return "한 도시", "a city"
        if "district" in lowered:
            return "한 마을", "a district"
        return "한 마을", "a place"
    if _KO_VILLAGE.search(core):
        return "한 마을", "a village"
    if core.endswith(("군", "현")):
        return "한 군", "a county"
    if core.endswith("시"):
        return "한 도시", "a city"
    return "한 마을", "a place"


_FEATURE_AFTER = re.compile(r"\s?(?:River|Mountains?|Sea|Lake|강|산)\b")
_UNIT_AFTER = re.compile(r"\s+(village|town|county|city|district)\b", re.IGNORECASE)


def _draft_place(span: Span, lang: str, policy, text: str) -> Draft:
    after = text[span.end :]
    if _FEATURE_AFTER.match(after) and policy.place != "remove":
        # the Tumen River, not the town of Tumen: rivers and mountains stay
        return Draft(
            span.start, span.end, "PLACE", "PLACE:~" + span.text.casefold(), span.text, fix=False
        )
    place = _codebook_place(span.text)
    if place is not None and place.kind == "place":
        words = _place_words(place, policy)
        replacement = span.text if words is None else words[0 if lang == "ko" else 1]
        draft = Draft(
            span.start, span.end, "PLACE", f"PLACE:{place.code}", replacement, fix=bool(words)
        )
        draft.place = place
        return draft
    entity = "PLACE:~" + (fold_text(span.text) if lang == "ko" else span.text.casefold())
    unit = _UNIT_AFTER.match(after) if lang == "en" else None
    core = span.text + (unit.group() if unit else "")
    words = _unknown_place_words(core, lang, policy)
    if lang == "ko" and len(span.text.strip()) < 2 and policy.place != "remove":
        words = None  # 북, 남: the North, the South
    replacement = span.text if words is None else (words[0] if lang == "ko" else words[1])
    draft = Draft(span.start, span.end, "PLACE", entity, replacement, fix=words is not None)
    if unit and words is not None:
        draft.end = span.end + unit.end()  # Shancheng village -> a village
    draft.place = None
    return draft


def _draft_org(span: Span, lang: str, policy) -> Draft:
    place = _codebook_place(span.text)
    keep = Draft(span.start, span.end, "ORG", "", span.text, fix=False)
    if place is not None and place.kind == "agency":
        keep.entity = f"ORG:{place.code}"
        return keep
    if place is not None and place.kind == "facility":
        keep.entity = f"ORG:{place.code}"
        kind = _codebook().get(place.parent)
        located = _codebook().get(place.located_in)
        province = _province(located) if located else None
        if kind is None or province is None or policy.org == "keep":
            return keep
        if lang == "ko":
            keep.replacement = f"{province.ko}의 한 {kind.ko}"
        else:
            keep.replacement = f"a {_en_label(kind).lower()} in {_en_label(province)}"
        keep.fix = True
        return keep
    core = re.sub(r"^(?:the|The)\s+", "", span.text.strip())
    keep.entity = "ORG:" + (fold_text(core) if lang == "ko" else core.casefold())
    if lang == "ko" and place is not None and place.level == "country" and _state_body(core):
        return keep  # 한국 정부, 한국 대사관: a country's own body identifies no one
    if place is not None and place.kind == "place" and policy.org != "keep":
        # 혜산 보위부, 온성군 집결소: the kind of body, in the province
        region = _province(place) or _country(place) or place
        kind = _org_type(core[-6:] if lang == "ko" else core, lang)
        if lang == "ko":
            keep.replacement = f"{region.ko}의 {kind}"
        else:
            keep.replacement = f"{kind} in {_en_label(region)}"
        keep.fix = True
        return keep
    known = core in KO_KNOWN_ORGS or core in EN_KNOWN_ORGS
    public = core in KO_PUBLIC_BODIES or core.casefold() in EN_PUBLIC_BODIES
    if known or public or policy.org == "keep":
        return keep
    keep.replacement = _org_type(core, lang)
    keep.fix = True
    return keep


def _state_body(core: str) -> bool:
    """A body of a state after the place's name: 한국 정부, 한국 대사관, 일본대사관."""
    return any(core.endswith(body) and len(core) > len(body) for body in KO_STATE_BODIES)


def _org_type(core: str, lang: str) -> str:
    """What kind of organisation it is, with an article: 한 식당, a restaurant."""
    if lang == "ko":
        noun = next((noun for suffix, noun in KO_ORG_TYPES if core.endswith(suffix)), "기관")
        return f"한 {noun}"
    lowered = re.findall(r"[a-z]+", core.casefold())
    noun = next((noun for word, noun in EN_ORG_TYPES if word in lowered), "organisation")
    return ("an " if noun[0] in "aeiou" else "a ") + noun


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_KO_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s?월")
_KO_DAY = re.compile(r"(?<!\d)(\d{1,2})\s?일")
_NUMERIC_DATE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{1,2})")
_US_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(1[89]\d\d|20\d\d)")
_EN_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
_EN_MONTH = re.compile(
    r"\b(" + "|".join(sorted(_EN_MONTHS, key=len, reverse=True)) + r")\b\.?", re.IGNORECASE
)
_EN_DAY = re.compile(r"(?<![\d,])\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d|,\s?\d{3}\b(?!\d))")
_SEASONS_KO = {"봄": "spring", "여름": "summer", "가을": "autumn", "겨울": "winter"}
_SEASONS_EN = {"spring": "봄", "summer": "여름", "autumn": "가을", "fall": "가을", "winter": "겨울"}


def _season_of_month(month: int) -> str:
    return ("winter", "spring", "summer", "autumn")[(month % 12) // 3]


@dataclass
class _Date:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None  # English season name
    holiday: bool = False


def _parse_date(text: str, lang: str) -> _Date:
    found = _Date()
    numeric = _NUMERIC_DATE.search(text)
    us = _US_DATE.search(text)
    if numeric:
        found.year, found.month, found.day = (int(g) for g in numeric.groups())
    elif us:
        found.month, found.day, found.year = (int(g) for g in us.groups())
    else:
        year = _YEAR.search(text)
        found.year = int(year.group(1)) if year else None
        if lang == "ko":
            month, day = _KO_MONTH.search(text), _KO_DAY.search(text)
            found.month = int(month.group(1)) if month else None
            found.day = int(day.group(1)) if day and month else None
        else:
            month = _EN_MONTH.search(text)
            if month and month.group(1) != "may":  # the verb "may" is no month
                found.month = _EN_MONTHS[month.group(1).casefold()]
                rest = _YEAR.sub("", text)
                day = _EN_DAY.search(rest)
                found.day = int(day.group(1)) if day else None
    lowered = text.casefold()
    for word, season in (_SEASONS_KO if lang == "ko" else _SEASONS_EN).items():
        if word in lowered:
            found.season = season if lang == "ko" else word.replace("fall", "autumn")
            break
    for word, season in HOLIDAY_SEASONS:
        if word in lowered:
            found.holiday = True
            found.season = found.season or season
            break
    if found.season is None and found.month:
        found.season = _season_of_month(found.month)
    if found.season in _SEASONS_KO:
        found.season = _SEASONS_KO[found.season]
    return found


def _year_words(year: int, lang: str, policy) -> str:
    if policy.year == "decade":
        decade = year // 10 * 10
        return f"{decade}년대" if lang == "ko" else f"the {decade}s"
    return f"{year}년" if lang == "ko" else str(year)


def _draft_date(span: Span, lang: str, policy) -> Draft:
    date = _parse_date(span.text, lang)
    keep = Draft(span.start, span.end, "DATE", "", span.text, fix=False)
    if date.year and date.month and date.day:
        keep.entity = f"DATE:{date.year:04d}-{date.month:02d}-{date.day:02d}"
    else:
        keep.entity = "DATE:" + span.text.casefold()
    # a month or season alone (3월에, in spring) or a relative date (그때, 이틀간) names no day
    if date.year is None and date.day is None and not date.holiday:
        return keep
    keep.fix = True
    one_day = "어느 날" if lang == "ko" else "one day"
    if policy.date == "remove":
        keep.replacement = one_day
    elif policy.date == "season" and date.season:
        season = date.season if lang == "en" else _SEASONS_EN[date.season]
        if date.year is None:
            keep.replacement = f"어느 {season}날" if lang == "ko" else f"one {season} day"
        elif lang == "ko":
            keep.replacement = f"{_year_words(date.year, lang, policy)} {season}"
        else:
            keep.replacement = f"{season} {_year_words(date.year, lang, policy)}"
    elif date.year:
        keep.replacement = _year_words(date.year, lang, policy)
    else:
        keep.replacement = one_day
    return keep


def _draft_year(span: Span, lang: str, policy) -> Draft:
    year = _YEAR.search(span.text)
    draft = Draft(
        span.start,
        span.end,
        "YEAR",
        f"YEAR:{year.group(1) if year else span.text}",
        span.text,
        fix=False,
    )
    if year and policy.year == "decade":
        draft.replacement = _year_words(int(year.group(1)), lang, policy)
        draft.fix = True
    return draft


_EN_AGE_NUMBER = re.compile(r"\d+")


def _age_of(text: str, lang: str) -> int | None:
    digits = _EN_AGE_NUMBER.search(text)
    if digits:
        return int(digits.group())
    if lang == "ko":
        return korean_number(re.sub(r"\s*(?:살|세).*$", "", text.strip()))
    words = re.findall(r"[a-z]+", text.casefold())
    total = 0
    for word in words:
        total += EN_AGE_WORDS.get(word, 0)
    return total or None


_DECADES_EN = {
    10: "teens",
    20: "twenties",
    30: "thirties",
    40: "forties",
    50: "fifties",
    60: "sixties",
    70: "seventies",
    80: "eighties",
    90: "nineties",
}


def _age_words(age: int | None, lang: str, policy, pronoun: str) -> str:
    if policy.age == "remove" or age is None:
        return "[나이 삭제]" if lang == "ko" else "[age removed]"
    if age < 10:
        return "10살 미만" if lang == "ko" else "under ten"
    if age >= 100:
        return "100세 이상" if lang == "ko" else "over a hundred"
    decade = age // 10 * 10
    if policy.age == "decade":
        return f"{decade}대" if lang == "ko" else f"in {pronoun} {_DECADES_EN[decade]}"
    third = ("초반", "중반", "후반")[min(2, (age % 10) * 3 // 10)]
    if lang == "ko":
        return f"{decade}대 {third}"
    part = {"초반": "early", "중반": "mid-", "후반": "late"}[third]
    sep = "" if part.endswith("-") else " "
    return f"in {pronoun} {part}{sep}{_DECADES_EN[decade]}"


_PRONOUNS = [
    (re.compile(r"\b(?:I|me|my)\b"), "my"),
    (re.compile(r"\b(?:he|him|his|son|husband|brother|father|man|boy)\b", re.IGNORECASE), "his"),
    (re.compile(r"\b(?:she|her|daughter|mother|sister|woman|girl)\b", re.IGNORECASE), "her"),
    (re.compile(r"\b(?:we|us|our)\b", re.IGNORECASE), "our"),
    (re.compile(r"\b(?:they|them|their)\b", re.IGNORECASE), "their"),
]


def _pronoun(text: str, start: int, end: int) -> str:
    """Whose age it is, from the nearest pronoun or person word (I was 35 -> my)."""
    best, distance = "her", 10**6
    window_start = max(0, start - 50)
    for pattern, pronoun in _PRONOUNS:
        for match in pattern.finditer(text, window_start, min(len(text), end + 20)):
            gap = start - match.end() if match.end() <= start else match.start() - end + 15
            if 0 <= gap < distance:
                best, distance = pronoun, gap
    return best


def _draft_age(span: Span, lang: str, policy) -> Draft:
    """The pronoun of an English range (in her forties) is set when the text is finished."""
    age = _age_of(span.text, lang)
    words = _age_words(age, lang, policy, "her")
    return Draft(span.start, span.end, "AGE", f"AGE:{age if age is not None else span.text}", words)


def _draft_contact(span: Span, lang: str, policy) -> Draft:
    entity = "CONTACT:" + re.sub(r"[\W_]", "", span.text).casefold()
    words = "[연락처 삭제]" if lang == "ko" else "[contact removed]"
    return Draft(span.start, span.end, "CONTACT", entity, words)


def draft_other(span: Span, lang: str, policy, text: str) -> Draft:
    if span.label == "PLACE":
        return _draft_place(span, lang, policy, text)
    if span.label == "ORG":
        return _draft_org(span, lang, policy)
    if span.label == "DATE":
        return _draft_date(span, lang, policy)
    if span.label == "YEAR":
        return _draft_year(span, lang, policy)
    if span.label == "AGE":
        return _draft_age(span, lang, policy)
    if span.label == "CONTACT":
        return _draft_contact(span, lang, policy)
    return Draft(
        span.start, span.end, span.label, f"{span.label}:{span.text}", span.text, fix=False
    )


# --- finishing a text: chains of places, particles, English grammar ---------------------


def finish(text: str, lang: str, drafts: list[Draft]) -> list[Draft]:
    drafts = sorted(drafts, key=lambda d: d.start)
    if lang == "en":
        for d in drafts:
            if d.label == "AGE":
                _english_age(text, d)
    _chain_places(text, lang, drafts)
    if lang == "ko":
        _korean_particles(text, drafts)
    else:
        _english_grammar(text, drafts)
    return drafts


def _english_age(text: str, draft: Draft) -> None:
    """17 -> "in her late teens" needs the words around it: whose age it is, and "17 years
    old", "aged 17", "at the age of 17" are replaced whole."""
    if draft.replacement.startswith("["):
        return
    pronoun = _pronoun(text, draft.start, draft.end)
    draft.replacement = re.sub(r"^in \w+ ", f"in {pronoun} ", draft.replacement)
    after = re.match(r"\s*-?\s*years?[-\s]old\b|\s*years? of age\b", text[draft.end :])
    if after:
        draft.end += after.end()
    before = re.search(r"\b(?:[Aa]t\s+)?the age of\s+$|\b[Aa]ged\s+$", text[: draft.start])
    if before and draft.replacement.startswith("in "):
        draft.start = before.start()
    elif before and before.group().lower().startswith("at "):
        draft.start = before.start()
        draft.replacement = "as a child" if draft.replacement == "under ten" else "later in life"


def _chain_places(text: str, lang: str, drafts: list[Draft]) -> None:
    """Places written one inside the other (량강도 삼수군, Sambong-ri, Samsu County,
    Ryanggang, 청진시 암하로동자구) are said once, by the most specific one the codebook knows;
    the others disappear with their separator."""
    separator = re.compile(r"\s+" if lang == "ko" else r",?\s+")
    i = 0
    while i < len(drafts):
        j = i
        while (
            j + 1 < len(drafts)
            and drafts[j].label == drafts[j + 1].label == "PLACE"
            and separator.fullmatch(text[drafts[j].end : drafts[j + 1].start])
        ):
            j += 1
        chain = drafts[i : j + 1]
        if len(chain) > 1 and _nested(chain):
            known = [d for d in chain if d.place is not None]
            keeper = max(known, key=lambda d: _depth(d.place))
            for k, d in enumerate(chain):
                if d is keeper:
                    continue
                if k < len(chain) - 1:
                    d.end = chain[k + 1].start
                else:
                    d.start = chain[k - 1].end
                d.replacement = ""
                d.fix = False
                d.absorbed_into = keeper
        i = j + 1


def _nested(chain: list[Draft]) -> bool:
    """Every known place of the chain contains or lies in the others; unknown places are
    taken to lie in the known ones (a village of a county)."""
    known = [d.place for d in chain if d.place is not None]
    if not known:
        return False
    if len(known) < len(chain) and all(p.level == "country" for p in known):
        return False  # 중국 산동 마을: nothing known to say it by
    for a in known:
        for b in known:
            if a.code == b.code:
                continue
            if b.code not in {p.code for p in _ancestors(a.code)} and a.code not in {
                p.code for p in _ancestors(b.code)
            }:
                return False
    return True


# The Korean particles that change with the sound before them: (after a consonant, after a
# vowel). Longest first.
_PARTICLES = [
    ("이었", "였"),
    ("이였", "였"),
    ("이에요", "예요"),
    ("이예요", "예요"),
    ("이라는", "라는"),
    ("이라고", "라고"),
    ("이라서", "라서"),
    ("이라", "라"),
    ("이랑", "랑"),
    ("이나", "나"),
    ("이야", "야"),
    ("이고", "고"),
    ("이지", "지"),
    ("이면", "면"),
    ("이며", "며"),
    ("이든", "든"),
    ("이던", "던"),
    ("이다", "다"),
    ("은", "는"),
    ("을", "를"),
    ("과", "와"),
]
# What may follow the name-ending 이 of 순옥이 (순옥이는, 순옥이하고): the 이 goes.
_AFTER_NAME_I = (
    "하고",
    "한테",
    "에게",
    "까지",
    "가",
    "는",
    "를",
    "도",
    "의",
    "와",
    "만",
    "네",
    "랑",
)
_LATIN_CONSONANT = {"L": "ㄹ", "M": "c", "N": "c", "R": "ㄹ"}
_DIGIT_SOUND = {"0": "c", "1": "ㄹ", "3": "c", "6": "c", "7": "ㄹ", "8": "ㄹ"}


def _final_sound(word: str) -> str | None:
    """ "v" after a vowel, "c" after a consonant, "ㄹ" after ㄹ (which takes 로, not 으로)."""
    for char in reversed(word):
        if "가" <= char <= "힣":
            final = (ord(char) - 0xAC00) % 28
            return "v" if final == 0 else ("ㄹ" if final == 8 else "c")
        if char.isascii() and char.isalpha():
            return _LATIN_CONSONANT.get(char.upper(), "v")
        if char.isdigit():
            return _DIGIT_SOUND.get(char, "v")
    return None


def _korean_particles(text: str, drafts: list[Draft]) -> None:
    """The particle after a replacement is made to fit it (윤애심이 -> 언니 B가, 혜산은 ->
    량강도의 한 시는); the replacement then covers the particle."""
    for k, d in enumerate(drafts):
        keeper = d.absorbed_into
        if keeper is not None and d.start >= keeper.end:
            words = keeper.replacement  # 청진시 암하로동자구에서: what is said is 한 시
        elif d.fix:
            words = d.replacement
        else:
            continue
        sound = _final_sound(words)
        if sound is None:
            continue
        limit = drafts[k + 1].start if k + 1 < len(drafts) else len(text)
        tail = re.match(r"[가-힣]*", text[d.end : limit]).group()
        fitted = _fit_particle(tail, sound)
        if fitted is not None:
            written, wanted = fitted
            d.end += len(written)
            d.replacement += wanted


def _fit_particle(tail: str, sound: str) -> tuple[str, str] | None:
    """(the particle written, the particle that fits), or None when it already fits."""
    if not tail:
        return None
    vowel = sound == "v"
    if tail in ("이", "가"):
        wanted = "가" if vowel else "이"
        return None if tail == wanted else (tail, wanted)
    if tail in ("아", "야"):
        wanted = "야" if vowel else "아"
        return None if tail == wanted else (tail, wanted)
    if tail.startswith("이"):
        for particle in _AFTER_NAME_I:
            if tail[1:].startswith(particle):
                fitted = _fit_particle(particle if particle != "가" else "가", sound)
                return "이" + particle, (fitted[1] if fitted else particle)
    if tail.startswith(("으로", "로")):
        written = "으로" if tail.startswith("으로") else "로"
        wanted = "로" if vowel or sound == "ㄹ" else "으로"
        return None if written == wanted else (written, wanted)
    for consonant_form, vowel_form in _PARTICLES:
        for written in (consonant_form, vowel_form):
            if tail.startswith(written):
                wanted = vowel_form if vowel else consonant_form
                return None if written == wanted else (written, wanted)
    return None


_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[.!?]?[\"“'‘(\[]\s*)$")


def _english_grammar(text: str, drafts: list[Draft]) -> None:
    """ "on March 15, 1998" becomes "in 1998", "on Lunar New Year" "one day"; a replacement
    at the start of a sentence starts with a capital."""
    for d in drafts:
        if d.label == "DATE" and d.fix:
            on = re.search(r"\b([Oo])n\s+$", text[: d.start])
            if on:
                if d.replacement.startswith("one "):
                    d.start = on.start()
                elif re.match(r"[\dst]|spring|summer|autumn|winter", d.replacement):
                    d.start = on.start()
                    d.replacement = ("I" if on.group(1) == "O" else "i") + "n " + d.replacement
        the = re.search(r"\b([Tt])he\s+$", text[: d.start])
        if the and d.fix and re.match(r"an? ", d.replacement):
            # the Onsong Holding Centre -> a holding centre in North Hamgyong
            d.start = the.start()
            if the.group(1) == "T":
                d.replacement = d.replacement[0].upper() + d.replacement[1:]
        if d.replacement and d.replacement[0].islower() and _SENTENCE_START.search(text[: d.start]):
            d.replacement = d.replacement[0].upper() + d.replacement[1:]
