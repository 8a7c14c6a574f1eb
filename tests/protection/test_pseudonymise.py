"""Pseudonymisation by generalisation: every identifying detail of a testimony replaced the
same way wherever it recurs, in both languages, and the text still reads naturally."""

from itertools import groupby, pairwise

import pytest

from journeys.protection.pseudonymise import Policy, PolicyError, Replacement, apply, propose


def pseudonymised(segments, policy=None, extra=()):
    """The testimony as it would be published: (Korean, English) per segment."""
    proposed = propose(segments, policy, extra=extra)
    return [
        (apply(ko, found_ko), apply(en, found_en))
        for (ko, en), (found_ko, found_en) in zip(segments, proposed, strict=True)
    ]


def one(ko: str = "", en: str = "", policy=None) -> tuple[str, str]:
    return pseudonymised([(ko, en)], policy)[0]


# --- people ---------------------------------------------------------------------------


def test_a_broker_becomes_broker_a_in_both_languages_and_in_every_segment():
    testimony = [
        (
            "1998년 3월 15일에 브로커 김철수가 혜산에서 나를 데려갔어요.",
            "On 15 March 1998 the broker Kim Chol-su took me from Hyesan.",
        ),
        (
            "김철수는 전화번호 +86 138 1234 5678을 주었어요.",
            "Kim Chol-su gave me the number +86 138 1234 5678.",
        ),
    ]
    assert pseudonymised(testimony) == [
        (
            "1998년에 브로커 A가 량강도의 한 시에서 나를 데려갔어요.",
            "In 1998 the broker A took me from a city in Ryanggang.",
        ),
        (
            "브로커 A는 전화번호 [연락처 삭제]를 주었어요.",
            "Broker A gave me the number [contact removed].",
        ),
    ]


def test_the_same_person_is_one_entity_in_every_segment_and_language():
    proposed = propose(
        [
            ("언니 윤애심이 있었어요.", "I had an older sister, Yun Ae-sim."),
            ("윤애심은 청진에 살아요.", "Yun Ae-sim lives in Chongjin."),
        ]
    )
    entities = {r.entity for ko, en in proposed for r in ko + en if r.label == "PERSON"}
    assert entities == {"PERSON:1"}


def test_letters_follow_the_order_in_which_people_first_appear():
    (ko, en) = one(
        "남편 리광철이 브로커 왕건국한테 돈을 줬어요. 리광철은 울었어요.",
        "My husband, Ri Kwang-chol, paid the broker Wang Jianguo. Ri Kwang-chol wept.",
    )
    assert ko == "남편 A가 브로커 B한테 돈을 줬어요. 남편 A는 울었어요."
    assert en == "My husband, A, paid the broker B. Husband A wept."


def test_a_title_in_the_name_stays_natural():
    assert one("순옥 동무가 왔어요.", "Comrade Sun-ok came.") == (
        "동무 A가 왔어요.",
        "Comrade A came.",
    )
    assert one("김씨가 왔어요.", "Ms. Kim came.") == ("A씨가 왔어요.", "Ms. A came.")


def test_an_english_title_keeps_its_capital_and_a_korean_name_its_own_title():
    assert one("옥순 할머니가 왔어요.", "Sister Ok-sun and Grandpa Choi came.") == (
        "할머니 A가 왔어요.",
        "Sister A and Grandpa B came.",
    )


def test_a_name_with_no_role_around_it_becomes_a_neutral_word():
    assert one("철수가 왔어요.")[0] == "인물 A가 왔어요."
    assert one(en="Yesterday Kim Chol-su came.")[1] == "Yesterday person A came."


def test_a_name_that_is_introduced_keeps_only_its_letter():
    ko, en = one(
        "어머니 이름은 로분희입니다. 서생강이라는 남자와 살았어요.",
        "My mother's name is Ro Pun-hui. I lived with a man called Xu Shengqiang.",
    )
    assert ko == "어머니 이름은 A입니다. B라는 남자와 살았어요."
    assert en == "My mother's name is A. I lived with a man called B."


def test_a_name_found_only_in_the_translation_is_found_in_the_korean_too():
    # 은혜 is also a word (grace), so Korean detection alone passes it over.
    assert one("은혜를 만났어요.", "I met Eun-hye.") == ("인물 A를 만났어요.", "I met person A.")


def test_a_given_name_said_with_its_i_is_found_in_the_translation():
    # 보람이가: 보람 and the 이 said after a given name that ends in a consonant.
    assert one("보람이가 같이 강을 건넜어요.", "Bo-ram crossed the river with me.") == (
        "인물 A가 같이 강을 건넜어요.",
        "Person A crossed the river with me.",
    )


def test_a_name_written_together_with_a_kinship_word_is_found_from_the_translation():
    # 친구은혜가: "friend" and the name in one word; the kinship word stays beside the letter
    assert one("친구은혜가 같이 갔어요.", "My friend Eun-hye went with me.") == (
        "친구A가 같이 갔어요.",
        "My friend A went with me.",
    )


def test_a_kinship_word_written_together_with_a_name_is_not_said_twice():
    assert one("언니순옥이 왔어요.", "My sister Sun-ok came.")[0] == "언니A가 왔어요."


def test_a_latin_name_of_one_word_is_not_looked_for_among_korean_words():
    ko, _en = one("사과 하나를 먹었어요.", "Hana Kim gave me an apple. Hana smiled.")
    assert ko == "사과 하나를 먹었어요."


def test_people_can_be_removed_altogether_by_the_policy():
    assert one("브로커 김철수가 왔어요.", policy=Policy(person="remove"))[0] == (
        "브로커 한 사람이 왔어요."
    )


# --- Korean particles -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("철수가 왔어요.", "인물 A가 왔어요."),
        ("언니 영희는 착해요.", "언니 A는 착해요."),
        ("언니 윤애심이 있었어요.", "언니 A가 있었어요."),
        ("언니 윤애심을 만났어요.", "언니 A를 만났어요."),
        ("언니 윤애심과 갔어요.", "언니 A와 갔어요."),
        ("혜산에서 왔어요.", "량강도의 한 시에서 왔어요."),
        ("혜산은 추워요.", "량강도의 한 시는 추워요."),
        ("무산으로 갔어요.", "함경북도의 한 군으로 갔어요."),
        ("그때 46세였어요.", "그때 40대 중반이었어요."),
        ("아들은 올해 21세예요.", "아들은 올해 20대 초반이에요."),
    ],
)
def test_the_korean_particle_after_a_replacement_is_made_to_fit(text, expected):
    assert one(text)[0] == expected


# --- places ---------------------------------------------------------------------------


def test_a_town_becomes_its_province_by_its_codebook_level_in_both_languages():
    assert one("혜산에서 왔어요.", "I came from Hyesan.") == (
        "량강도의 한 시에서 왔어요.",
        "I came from a city in Ryanggang.",
    )
    assert one("무산에 살았어요.", "I lived in Musan.") == (
        "함경북도의 한 군에 살았어요.",
        "I lived in a county in North Hamgyong.",
    )


def test_the_same_place_is_one_entity_in_both_languages_and_every_spelling():
    (ko, en), (ko2, _en2) = propose([("혜산에서 왔어요.", "From Hyesan."), ("惠山 말이에요.", "")])
    assert {r.entity for r in ko + en + ko2} == {"PLACE:kp-ryanggang-hyesan"}


def test_a_chinese_town_becomes_its_chinese_province():
    assert one("연길에서 살았어요.", "I lived in Yanji.") == (
        "중국 길림성의 한 도시에서 살았어요.",
        "I lived in a city in Jilin, China.",
    )


def test_provinces_and_countries_stay_unless_the_policy_removes_them():
    assert one("량강도에서 중국으로 갔어요.", "From Ryanggang to China.") == (
        "량강도에서 중국으로 갔어요.",
        "From Ryanggang to China.",
    )
    assert one("량강도에서 왔어요.", policy=Policy(place="remove"))[0] == "한 곳에서 왔어요."


def test_the_country_policy_says_only_the_country():
    assert one("혜산에서 왔어요.", "From Hyesan.", Policy(place="country")) == (
        "북한의 한 시에서 왔어요.",
        "From a city in North Korea.",
    )


def test_a_place_written_inside_its_province_is_said_once():
    assert one("량강도 삼수군에서 태어났어요.", "I was born in Samsu County, Ryanggang.") == (
        "량강도의 한 군에서 태어났어요.",
        "I was born in a county in Ryanggang.",
    )


def test_an_unknown_village_beside_its_town_goes_with_it():
    ko, en = one("장춘시 산성촌에서 살았어요.", "I lived in Shancheng village, Changchun.")
    assert ko == "중국 길림성의 한 도시에서 살았어요."
    assert en == "I lived in a city in Jilin, China."


def test_great_rivers_are_not_towns():
    assert one("두만강을 건넜어요.", "I crossed the Tumen River.") == (
        "두만강을 건넜어요.",
        "I crossed the Tumen River.",
    )


# --- dates, years, ages ---------------------------------------------------------------


def test_an_exact_date_becomes_its_year():
    assert one("1951년 12월 5일에 태어났어요.", "I was born on December 5, 1951.") == (
        "1951년에 태어났어요.",
        "I was born in 1951.",
    )


def test_the_season_policy_keeps_the_season_of_the_date():
    assert one(
        "1998년 3월 15일에 떠났어요.", "I left on March 15, 1998.", Policy(date="season")
    ) == (
        "1998년 봄에 떠났어요.",
        "I left in spring 1998.",
    )


def test_a_named_day_without_a_year_becomes_one_day_or_its_season():
    assert one("음력 설 다음날 떠났어요.", "I left on the day after Lunar New Year.") == (
        "어느 날 떠났어요.",
        "I left one day.",
    )
    season = Policy(date="season")
    assert one("음력 설 다음날 떠났어요.", policy=season)[0] == "어느 겨울날 떠났어요."


def test_relative_dates_and_a_season_alone_are_kept():
    assert one("그때는 봄이었어요. 이틀간 걸었어요.")[0] == "그때는 봄이었어요. 이틀간 걸었어요."


def test_years_are_kept_or_told_by_decade():
    assert one("1997년에 건넜어요.", "I crossed in 1997.") == (
        "1997년에 건넜어요.",
        "I crossed in 1997.",
    )
    assert one("1962년생이에요.", "I was born in 1962.", Policy(year="decade")) == (
        "1960년대생이에요.",
        "I was born in the 1960s.",
    )


def test_an_age_becomes_a_range():
    assert one("열일곱 살 때 강을 건넜어요.", "She was 17 years old.") == (
        "10대 후반 때 강을 건넜어요.",
        "She was in her late teens.",
    )
    assert one(en="I was 35 at the time.")[1] == "I was in my mid-thirties at the time."
    assert one(en="At the age of 46, I left.")[1] == "In my mid-forties, I left."


def test_the_decade_policy_gives_the_decade_and_remove_removes_the_age():
    assert one("그때 스물여섯 살이었어요.", "He was 26.", Policy(age="decade")) == (
        "그때 20대였어요.",
        "He was in his twenties.",
    )
    assert one("그때 스물여섯 살이었어요.", policy=Policy(age="remove"))[0] == (
        "그때 [나이 삭제]였어요."
    )


# --- contacts and organisations -------------------------------------------------------


def test_a_contact_disappears():
    assert one("아이디는 kimsunok88이에요.", "Her e-mail was sunok.kim@example.org.") == (
        "아이디는 [연락처 삭제]예요.",
        "Her e-mail was [contact removed].",
    )


def test_an_organisation_becomes_its_kind_and_public_bodies_stay():
    assert one("새빛 교회에서 저를 받아 줬어요.", "Hope Church took me in.") == (
        "한 교회에서 저를 받아 줬어요.",
        "A church took me in.",
    )
    assert one("하나원에서 국정원 조사를 받았어요.", "At Hanawon I was questioned.") == (
        "하나원에서 국정원 조사를 받았어요.",
        "At Hanawon I was questioned.",
    )


def test_a_detention_facility_becomes_its_kind_in_its_province():
    assert one("온성군 집결소에서 한 달 있었어요.", "A month in the Onsong Holding Centre.") == (
        "함경북도의 한 집결소에서 한 달 있었어요.",
        "A month in a holding centre in North Hamgyong.",
    )


def test_the_keep_policy_keeps_organisations():
    assert one("새빛 교회에서 살았어요.", policy=Policy(org="keep"))[0] == "새빛 교회에서 살았어요."


# --- a reviewer's extra forms ---------------------------------------------------------


def test_a_form_the_reviewer_marked_is_replaced_everywhere_in_both_languages():
    testimony = [
        ("옥분이가 도와줬어요.", "Ok-pun helped me."),
        ("나중에 옥분이를 다시 만났어요.", "Later I met Ok-pun again."),
    ]
    plain = pseudonymised(testimony)
    marked = pseudonymised(testimony, extra=[("옥분", "PERSON")])
    assert all("옥분" not in ko and "Ok-pun" not in en for ko, en in marked), (plain, marked)
    assert marked[0][0] == "인물 A가 도와줬어요."
    assert marked[1][1] == "Later I met person A again."


def test_an_extra_form_with_an_unknown_label_is_refused():
    with pytest.raises(ValueError, match="NAME"):
        propose([("옥분이가 왔어요.", "")], extra=[("옥분", "NAME")])


def test_a_place_the_reviewer_marked_is_generalised_wherever_it_recurs():
    testimony = [("덕골에서 왔어요.", ""), ("덕골은 작은 곳이에요.", "")]
    assert pseudonymised(testimony, extra=[("덕골", "PLACE")]) == [
        ("한 마을에서 왔어요.", ""),
        ("한 마을은 작은 곳이에요.", ""),
    ]


# --- apply ----------------------------------------------------------------------------


def test_apply_rebuilds_the_text_from_the_right_so_offsets_hold():
    text = "김씨가 혜산에서 왔어요."
    replacements = [
        Replacement(0, 2, "PERSON", "김씨", "A씨", "PERSON:1"),
        Replacement(4, 6, "PLACE", "혜산", "량강도의 한 시", "PLACE:x"),
    ]
    assert apply(text, replacements) == "A씨가 량강도의 한 시에서 왔어요."


def test_apply_refuses_overlapping_or_stale_replacements():
    with pytest.raises(ValueError, match="overlap"):
        apply(
            "김씨가",
            [
                Replacement(0, 2, "PERSON", "김씨", "A", "p"),
                Replacement(1, 3, "X", "씨가", "", "q"),
            ],
        )
    with pytest.raises(ValueError, match="does not match"):
        apply("박씨가", [Replacement(0, 2, "PERSON", "김씨", "A", "p")])


# --- the policy -----------------------------------------------------------------------


def test_a_policy_reads_back_from_its_stored_form():
    policy = Policy(date="season", year="decade")
    assert Policy.from_dict(policy.as_dict()) == policy
    assert Policy.from_dict({}) == Policy()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"date": "month"}, "date"),
        ({"colour": "red"}, "colour"),
        ({"contact": "keep"}, "contact"),
        (["date"], "JSON object"),
    ],
)
def test_a_bad_policy_is_refused_with_a_clear_message(values, message):
    with pytest.raises(PolicyError, match=message):
        Policy.from_dict(values)


# --- the synthetic testimonies ----------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic():
    from bench.evaluate import synthetic_testimonies

    korean, english = synthetic_testimonies(7, 8)
    testimonies = []
    for _group, items in groupby(zip(korean, english, strict=True), key=lambda p: p[0].group):
        items = list(items)
        testimonies.append((items, propose([(k.text, e.text) for k, e in items])))
    return testimonies


def identifying(example):
    return [
        (start, end, example.text[start:end])
        for start, end, label in example.gold
        if label in ("PERSON", "CONTACT")
    ]


def test_no_detected_name_or_contact_of_the_synthetic_testimonies_survives(synthetic):
    for items, proposed in synthetic:
        for pair, found in zip(items, proposed, strict=True):
            for example, replacements in zip(pair, found, strict=True):
                published = apply(example.text, replacements)
                for start, end, form in identifying(example):
                    detected = any(r.start < end and start < r.end for r in replacements)
                    if detected:
                        assert form not in published, (form, published)


def test_with_the_reviewers_extra_forms_no_name_or_contact_survives_at_all(synthetic):
    """What detection misses a reviewer marks once; it is then gone everywhere."""
    for items, proposed in synthetic:
        missed = set()
        for pair, found in zip(items, proposed, strict=True):
            for example, replacements in zip(pair, found, strict=True):
                for start, end, form in identifying(example):
                    if not any(r.start < end and start < r.end for r in replacements):
                        label = "PERSON" if form not in ("CONTACT",) else "CONTACT"
                        missed.add((form, label))
        segments = [(k.text, e.text) for k, e in items]
        again = propose(segments, extra=sorted(missed))
        for pair, found in zip(items, again, strict=True):
            for example, replacements in zip(pair, found, strict=True):
                published = apply(example.text, replacements)
                for _start, _end, form in identifying(example):
                    assert form not in published, (form, published)


def test_replacements_never_overlap_and_always_match_their_text(synthetic):
    for items, proposed in synthetic:
        for pair, found in zip(items, proposed, strict=True):
            for example, replacements in zip(pair, found, strict=True):
                ordered = sorted(replacements)
                for a, b in pairwise(ordered):
                    assert a.end <= b.start
                for r in replacements:
                    assert example.text[r.start : r.end] == r.text
