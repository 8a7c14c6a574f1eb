"""Folding North and South Korean spellings, and romanisations, into one comparable form.

South Korean spelling drops or softens ㄹ and ㄴ at the start of a word (the initial-sound
rule, 두음법칙); North Korean spelling keeps them: 량강도/양강도, 로동/노동, 녀성/여성, 리/이.
Folding applies the South Korean rule to the first syllable of every word, so both spellings
fold to the same string. Latin text is lower-cased and stripped of hyphens, apostrophes and
spaces, so "Yanggang-do", "Yanggang Do" and "yanggangdo" are one spelling.
"""

import re
import unicodedata

_SYLLABLE_FIRST = 0xAC00
_SYLLABLE_LAST = 0xD7A3
_VOWELS = 21
_FINALS = 28
_NIEUN, _RIEUL, _IEUNG = 2, 5, 11
# Medial vowel indices: ㅑ2 ㅒ3 ㅕ6 ㅖ7 ㅛ12 ㅠ17 ㅣ20 take ㅇ; the others make ㄹ into ㄴ.
_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}

_LATIN_NOISE = re.compile(r"[\s\-‐–'’`.]+")


def initial_sound_rule(syllable: str) -> str:
    """One Hangul syllable as South Korean spelling writes it at the start of a word."""
    code = ord(syllable) - _SYLLABLE_FIRST
    if not 0 <= code <= _SYLLABLE_LAST - _SYLLABLE_FIRST:
        return syllable
    initial, rest = divmod(code, _VOWELS * _FINALS)
    vowel = rest // _FINALS
    if initial == _RIEUL:
        initial = _IEUNG if vowel in _Y_VOWELS else _NIEUN
    elif initial == _NIEUN and vowel in _Y_VOWELS:
        initial = _IEUNG
    else:
        return syllable
    return chr(_SYLLABLE_FIRST + initial * _VOWELS * _FINALS + rest)


def has_final(syllable: str) -> bool:
    """Whether a Hangul syllable ends in a consonant (받침), as 람 in 보람 does and 희 in
    영희 does not."""
    code = ord(syllable) - _SYLLABLE_FIRST
    return 0 <= code <= _SYLLABLE_LAST - _SYLLABLE_FIRST and code % _FINALS != 0


def fold_word(word: str) -> str:
    return initial_sound_rule(word[0]) + word[1:] if word else word


def fold(text: str) -> str:
    """The comparable form of a name: both Korean spellings and any romanisation style agree."""
    text = unicodedata.normalize("NFC", text).casefold().strip()
    words = [fold_word(word) for word in text.split()]
    return _LATIN_NOISE.sub("", " ".join(words))
