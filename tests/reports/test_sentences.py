"""The introduction's sentences: made from published figures only, with Korean particles
that agree with the word before them."""

from journeys.reports.disclosure import Published
from journeys.reports.sentences import has_final_consonant, origins, particle, share, way_out
from journeys.reports.statistics import TOTAL, Category, Table

HAMGYONG = Category("kp-hamgyongbuk", "North Hamgyong", "함경북도")
RYANGGANG = Category("kp-ryanggang", "Ryanggang", "량강도")
RASON = Category("kp-rason", "Rason", "라선시")


def published(name, rows, cells, total) -> Published:
    table = Table(name, name, rows, [], {}, total)
    values = {(c.code, ""): v for c, v in zip(rows, cells, strict=True)}
    return Published(table, 10, {**values, (TOTAL, ""): total})


def test_a_particle_agrees_with_the_final_sound_of_the_word():
    assert particle("함경북도", "과", "와") == "함경북도와"
    assert particle("태국", "과", "와") == "태국과"
    assert particle("몽골", "과", "와") == "몽골과"
    assert particle("2016", "과", "와") == "2016과"  # 육: ends in a consonant
    assert not has_final_consonant("라오스")


def test_the_origins_sentence_names_the_largest_published_provinces_in_both_languages():
    provinces = published("origin_provinces", [HAMGYONG, RYANGGANG], [58, 21], 100)
    en, ko = origins({"origin_provinces": provinces})
    assert en == "Most of the women came from North Hamgyong (58%) and Ryanggang (21%)."
    assert ko == "대부분 함경북도(58%)와 량강도(21%) 출신이었다."


def test_a_suppressed_province_is_never_named_even_where_it_would_lead():
    provinces = published("origin_provinces", [RASON, HAMGYONG], [None, 30], 100)
    en, ko = origins({"origin_provinces": provinces})
    assert "Rason" not in en
    assert "라선" not in ko
    assert en == "Many of the women came from North Hamgyong (30%)."


def test_no_sentence_is_made_when_the_total_is_suppressed():
    provinces = published("origin_provinces", [HAMGYONG], [None], None)
    assert origins({"origin_provinces": provinces}) is None


def test_the_copula_follows_the_country_name():
    thailand = Category("th", "Thailand", "태국")
    transits = published("first_transit", [thailand], [7], 10)
    _en, ko = way_out({"first_transit": transits})
    assert ko.endswith("태국(70%)이었다.")


def test_shares_round_half_up():
    assert share(1, 8) == 13
    assert share(2, 3) == 67
