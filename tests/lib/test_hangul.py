import pytest

from journeys.lib.hangul import fold, initial_sound_rule


@pytest.mark.parametrize(
    ("north", "south"),
    [
        ("량강도", "양강도"),
        ("로동", "노동"),
        ("녀성", "여성"),
        ("리순옥", "이순옥"),
        ("류경", "유경"),
        ("라선", "나선"),
        ("례절", "예절"),
        ("룡정", "용정"),
        ("뇨소", "요소"),
    ],
)
def test_north_and_south_spellings_fold_to_the_same_string(north, south):
    assert fold(north) == fold(south) == south


def test_only_the_first_syllable_of_each_word_changes():
    assert fold("조선로동당") == "조선로동당"
    assert fold("함경북도 로동자") == "함경북도노동자"


def test_romanisations_ignore_case_hyphens_spaces_and_apostrophes():
    assert fold("Yanggang-do") == fold("yanggang do") == fold("YANGGANGDO")
    assert fold("Ch'ongjin") == fold("chongjin")


def test_syllables_outside_hangul_are_left_alone():
    assert initial_sound_rule("a") == "a"
    assert initial_sound_rule("가") == "가"


def test_different_places_stay_different():
    assert fold("혜산") != fold("회령")
