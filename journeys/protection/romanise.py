"""Korean names in Latin letters, to find a name of the Korean text in its translation.

A name is romanised syllable by syllable, each syllable in every common spelling: Revised
Romanisation (철 cheol), McCune-Reischauer without its marks (chol), the customary forms
(chul, soo, young, hee, ock) and the North Korean ones (리 ri, 량 ryang). Surnames add
their customary forms (박 Park Pak Bak, 이 Lee Yi Rhee Ri), also at the head of a
two-syllable name (박철 Park Chul). The result is one regular expression that accepts the
syllables written together, apart or hyphenated, in either name order: 김철수 -> Kim
Cheol-su, Kim Chol Su, Chulsoo Kim.
"""

import re
from functools import lru_cache

_INITIALS = [
    ("g", "k"),
    ("kk", "gg"),
    ("n",),
    ("d", "t"),
    ("tt", "dd"),
    ("r", "l", "n", ""),
    ("m",),
    ("b", "p"),
    ("pp", "bb"),
    ("s", "sh"),
    ("ss", "s"),
    ("",),
    ("j", "ch"),
    ("jj", "tch"),
    ("ch",),
    ("k",),
    ("t",),
    ("p",),
    ("h",),
]
_VOWELS = [
    ("a",),
    ("ae", "ai"),
    ("ya",),
    ("yae",),
    ("eo", "o", "u"),
    ("e",),
    ("yeo", "yo", "yu"),
    ("ye",),
    ("o", "oh"),
    ("wa",),
    ("wae",),
    ("oe", "oi", "we"),
    ("yo",),
    ("u", "oo", "woo"),
    ("wo",),
    ("we",),
    ("wi",),
    ("yu", "yoo"),
    ("eu", "u"),
    ("ui", "i", "eui"),
    ("i", "ee", "y"),
]
_FINALS = [
    ("",),
    ("k", "g"),
    ("k", "kk"),
    ("k",),
    ("n",),
    ("n",),
    ("n",),
    ("t", "d"),
    ("l", "r"),
    ("k", "l"),
    ("m", "lm"),
    ("l", "p"),
    ("l",),
    ("l",),
    ("p", "l"),
    ("l",),
    ("m",),
    ("p", "b"),
    ("p",),
    ("t", "s"),
    ("t", "ss"),
    ("ng",),
    ("t",),
    ("t",),
    ("k",),
    ("t",),
    ("p",),
    ("t",),
]
# Customary spellings of surnames that syllable rules do not give.
_SURNAMES = {
    "김": ["kim", "gim"],
    "이": ["lee", "yi", "rhee", "ri", "li", "i"],
    "리": ["ri", "lee", "li", "rhee", "yi"],
    "박": ["park", "pak", "bak"],
    "최": ["choi", "choe", "chwe"],
    "정": ["jung", "jeong", "chung", "chong", "jong"],
    "강": ["kang", "gang"],
    "조": ["cho", "jo", "joe"],
    "윤": ["yoon", "yun"],
    "장": ["jang", "chang"],
    "임": ["lim", "im", "rim"],
    "림": ["rim", "lim", "im"],
    "한": ["han"],
    "오": ["oh", "o"],
    "서": ["seo", "suh", "so"],
    "신": ["shin", "sin"],
    "권": ["kwon", "gwon"],
    "황": ["hwang"],
    "안": ["ahn", "an"],
    "송": ["song"],
    "전": ["jeon", "jun", "chon", "chun"],
    "홍": ["hong"],
    "유": ["yoo", "yu", "ryu"],
    "류": ["ryu", "yoo", "yu", "ryoo"],
    "고": ["ko", "go", "koh"],
    "문": ["moon", "mun"],
    "양": ["yang", "ryang"],
    "량": ["ryang", "yang"],
    "손": ["son", "sohn"],
    "배": ["bae", "pae"],
    "백": ["baek", "paek", "paik", "baik"],
    "허": ["heo", "hur", "ho", "huh"],
    "노": ["noh", "no", "roh", "ro"],
    "로": ["ro", "roh", "noh"],
    "하": ["ha"],
    "곽": ["kwak", "gwak"],
    "성": ["sung", "seong", "song"],
    "차": ["cha"],
    "주": ["joo", "ju", "chu"],
    "우": ["woo", "u"],
    "구": ["koo", "gu", "ku"],
    "민": ["min"],
    "진": ["jin", "chin"],
    "지": ["ji", "chi"],
    "엄": ["eom", "um", "om"],
    "채": ["chae"],
    "원": ["won"],
    "천": ["cheon", "chun", "chon"],
    "방": ["bang", "pang"],
    "공": ["kong", "gong"],
    "현": ["hyun", "hyeon", "hyon"],
    "함": ["ham"],
    "변": ["byun", "byeon", "pyon"],
    "염": ["yeom", "yum", "yom"],
    "여": ["yeo", "yo", "ryo"],
    "려": ["ryo", "yeo", "yo"],
    "추": ["choo", "chu"],
    "도": ["do", "to"],
    "석": ["seok", "suk", "sok"],
    "선": ["sun", "seon", "son"],
    "설": ["seol", "sol", "sul"],
    "마": ["ma"],
    "길": ["gil", "kil"],
    "연": ["yeon", "yon", "youn"],
    "위": ["wi", "wee"],
    "표": ["pyo"],
    "명": ["myung", "myeong", "myong"],
    "기": ["ki", "gi"],
    "반": ["ban", "pan"],
    "왕": ["wang"],
    "금": ["keum", "kum", "geum"],
    "옥": ["ok"],
    "육": ["yook", "yuk"],
    "남궁": ["namgung", "namkung"],
    "황보": ["hwangbo"],
    "제갈": ["jegal"],
    "선우": ["sunwoo", "seonu"],
}
# Customary spellings of syllables of given names that the letter rules do not give: 영희
# is Young-hee as often as Yeong-hui, 옥순 Ock-soon, 경호 Kyoung-ho, 연아 Youn-a.
_CUSTOMARY = {
    "영": ["young", "yeoung"],
    "희": ["hee"],
    "옥": ["ock"],
    "연": ["youn"],
    "경": ["kyoung", "gyoung"],
    "형": ["hyoung"],
    "명": ["myoung"],
    "이": ["yi", "lee"],
}


@lru_cache(maxsize=12_000)  # every Hangul syllable
def syllable_spellings(syllable: str) -> list[str]:
    """Every common Latin spelling of one Hangul syllable."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return [syllable.casefold()]
    initial, rest = divmod(code, 588)
    vowel, final = divmod(rest, 28)
    forms = {
        i + v + f
        for i in _INITIALS[initial]
        for v in _VOWELS[vowel]
        for f in _FINALS[final]
        if i + v + f
    }
    forms.update(_CUSTOMARY.get(syllable, ()))
    return sorted(forms, key=len, reverse=True)


def _alternatives(forms) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(set(forms), key=len, reverse=True))) + ")"


@lru_cache(maxsize=4096)
def name_pattern(name: str) -> re.Pattern | None:
    """A regular expression for a Korean name (김철수) or given name (순옥) in Latin letters."""
    if not re.fullmatch(r"[가-힣]{2,4}", name):
        return None
    surname = name[:2] if name[:2] in _SURNAMES and len(name) >= 3 else name[:1]
    given = name[len(surname) :]
    sep = r"[\s\-‐]?"
    given_re = sep.join(_alternatives(syllable_spellings(s)) for s in given)
    if surname in _SURNAMES and given and len(name) >= 3:
        surname_re = _alternatives(_SURNAMES[surname] + syllable_spellings(surname[0]))
        body = rf"(?:{surname_re}\s{given_re}|{given_re}\s{surname_re}|{surname_re}\s?{given_re})"
    else:
        # 박철, 김탄: a two-syllable name may be a surname and a one-syllable given name
        first = syllable_spellings(name[0]) + _SURNAMES.get(name[0], [])
        rest = [_alternatives(syllable_spellings(s)) for s in name[1:]]
        body = sep.join([_alternatives(first), *rest])
    return re.compile(rf"(?<![A-Za-z]){body}(?![a-z])", re.IGNORECASE)


def find(name: str, text: str):
    """(start, end) of every Latin spelling of a Korean name in an English text."""
    pattern = name_pattern(name)
    if pattern is None:
        return
    for match in pattern.finditer(text):
        if match.group()[:1].isupper():  # a name, not a syllable inside an ordinary word
            yield match.span()


_HANGUL_WORD = re.compile(r"[가-힣]+")


def find_korean(names, text: str, prefixes=()):
    """(start, end) of every Korean spelling, in a Korean text, of Korean names written in
    Latin letters (Kim Young-hee, Eun-hye): the start of a Hangul word, two to four syllables
    long, whose Latin spellings include the name. A full name (surname and given name) is
    looked for in three or four syllables; a given name alone in two, and only when its
    syllables are written apart (Eun-hye, not Hana: 하나 is also "one"). A word may also
    begin with one of the prefixes, a kinship word written together with the name
    (친구은혜가)."""
    full, given = set(), set()
    for name in names:
        words = name.replace("‐", "-").split()
        if len(words) >= 2:
            full.add(name)
        elif name.count("-") == 1:
            given.add(name)
    if not full and not given:
        return
    # A name's first or last word starts with a spelling of the word's first syllable; most
    # words of the text are passed over by that alone, before any pattern is made.
    heads = {w.casefold() for n in full | given for w in (n.split()[0], n.split()[-1])}
    for match in _HANGUL_WORD.finditer(text):
        offsets = [0] + [len(p) for p in prefixes if match.group().startswith(p)]
        for offset in offsets:
            found = _name_at(match.group()[offset:], full, given, heads)
            if found:
                yield match.start() + offset, match.start() + offset + found
                break


def _name_at(word: str, full: set, given: set, heads: set) -> int:
    """How many syllables at the start of the word spell one of the names (0 for none)."""
    if not word:
        return 0
    firsts = syllable_spellings(word[0]) + _SURNAMES.get(word[0], [])
    if not any(h.startswith(f.casefold()) for f in firsts for h in heads):
        return 0
    for size, wanted in ((4, full), (3, full), (2, given)):
        if len(word) < size or not wanted:
            continue
        pattern = name_pattern(word[:size])
        if pattern and any(pattern.fullmatch(name) for name in wanted):
            return size
    return 0
