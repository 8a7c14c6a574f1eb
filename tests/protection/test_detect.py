"""Detection of identifying details in Korean and English testimony text."""

import pytest

from journeys.protection import kiwi
from journeys.protection.detect import detect, detect_pair, detect_texts, rules_ko


def found(text: str, lang: str) -> set[tuple[str, str]]:
    return {(span.text, span.label) for span in detect(text, lang)}


def assert_offsets_exact(text: str, lang: str) -> None:
    for span in detect(text, lang):
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("김씨가 먼저 왔어요.", "김씨"),
        ("순옥 동무랑 같이 떠났어요.", "순옥 동무"),
        ("영희 언니가 도와줬어요.", "영희 언니"),
        ("최 아바이가 기랬어.", "최 아바이"),
        ("왕건국이라는 사람한테 팔려 갔어요.", "왕건국"),
        ("남편은 리광철이었어요.", "리광철"),
    ],
)
def test_korean_names_with_titles_kinship_words_and_chinese_names_are_persons(text, name):
    assert (name, "PERSON") in found(text, "ko")


@pytest.mark.parametrize(
    "name", ["Kim Young-hee", "Young Hee Kim", "Ms. Park", "Wang Jianguo", "Comrade Sun-ok"]
)
def test_romanised_korean_and_chinese_names_in_all_their_forms_are_persons(name):
    assert (name, "PERSON") in found(f"Yesterday {name} came to see us.", "en")


@pytest.mark.parametrize("spelling", ["량강도", "양강도", "혜산", "惠山"])
def test_codebook_places_are_found_in_north_and_south_korean_and_chinese_spellings(spelling):
    assert (spelling, "PLACE") in found(f"{spelling}에서 왔어요.", "ko")


@pytest.mark.parametrize("spelling", ["Yanggang-do", "Ryanggang", "Hyesan", "Yanji"])
def test_codebook_places_are_found_in_romanised_spellings(spelling):
    assert (spelling, "PLACE") in found(f"She came from {spelling} in winter.", "en")


def test_a_village_unknown_to_the_codebook_is_a_place_by_its_suffix():
    assert ("Sambong-ri", "PLACE") in found("We lived in Sambong-ri then.", "en")
    assert any(
        label == "PLACE" and "삼봉리" in text
        for text, label in found("양강도 삼봉리에서 살았어요.", "ko")
    )


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("1998년 3월 15일에 떠났어요.", "1998년 3월 15일", "DATE"),
        ("음력 설 다음날 새벽이었어요.", "음력 설 다음날", "DATE"),
        ("2003년에 건넜어요.", "2003년", "YEAR"),
        ("열일곱 살 때였어요.", "열일곱 살", "AGE"),
        ("17살에 시집갔어요.", "17살", "AGE"),
    ],
)
def test_korean_dates_years_and_ages(text, value, label):
    assert (value, label) in found(text, "ko")


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("We left in the spring of 2003.", "the spring of 2003", "DATE"),
        ("It was March 15, 1998.", "March 15, 1998", "DATE"),
        ("She was 17 years old.", "17", "AGE"),
        ("That was in 1997, I think.", "1997", "YEAR"),
    ],
)
def test_english_dates_years_and_ages(text, value, label):
    assert (value, label) in found(text, "en")


@pytest.mark.parametrize(
    "contact",
    [
        "+86 138 1234 5678",
        "13812345678",
        "010-1234-5678",
        "195-123-4567",
        "191-234-5678",
        "wxid_sunok88",
        "demo_kim12",
        "sunok.kim@example.org",
        "850312-2123456",
        "222401198503121234",
    ],
)
@pytest.mark.parametrize(
    ("lang", "template"), [("ko", "연락처는 {}이었어요."), ("en", "Her contact was {}.")]
)
def test_phone_numbers_messenger_ids_emails_and_id_numbers_are_contacts(contact, lang, template):
    assert (contact, "CONTACT") in found(template.format(contact), lang)


def test_a_qq_number_is_a_contact_in_both_languages():
    assert ("28817733", "CONTACT") in found("큐큐 번호는 28817733였어요.", "ko")
    assert ("28817733", "CONTACT") in found("Her QQ number was 28817733.", "en")


def test_a_named_church_is_an_organisation():
    assert ("Hope Church", "ORG") in found("We prayed at Hope Church.", "en")


def test_a_name_found_once_is_found_in_every_line_of_the_testimony():
    lines = ["순옥 동무가 먼저 갔어요.", "나중에 순옥이를 다시 만났어요.", "순옥은 울었어요."]
    spans = detect_texts(lines, "ko")
    assert all(any(s.text.startswith("순옥") for s in line) for line in spans)
    alone = detect_texts(lines, "ko", consistent=False)
    assert not any(s.text.startswith("순옥") for s in alone[2]), "the test would prove nothing"


def test_a_codebook_place_is_one_entity_across_the_two_languages():
    spans_ko, spans_en = detect_pair("혜산에서 살았어요.", "We lived in Hyesan.")
    assert ("혜산", "PLACE") in {(s.text, s.label) for s in spans_ko}
    assert ("Hyesan", "PLACE") in {(s.text, s.label) for s in spans_en}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("우리 오마니는 량강도 혜산서 장사했슴다. 김씨 아바이 번호는 195-123-4567이고요.", "ko"),
        ("Kim Young-hee (17) met Ms. Park in Hyesan on 3/15/1998; call +86 138 1234 5678.", "en"),
    ],
)
def test_offsets_index_exactly_the_reported_text(text, lang):
    assert_offsets_exact(text, lang)


def test_kiwi_is_loaded_once_for_many_calls():
    detect("김씨가 왔어요.", "ko")
    loads = kiwi.loads
    for _ in range(20):
        detect("순옥 동무가 왔어요.", "ko")
    assert kiwi.loads == loads == 1


def test_the_rules_tell_their_guesses_from_what_the_patterns_and_the_codebook_found():
    text = "브로커 김철수가 혜산에서 010-1234-5678로 전화했어요."
    spans, sure = rules_ko(text, kiwi.tokenize([text])[0])
    assert spans == detect_texts([text], "ko", consistent=False)[0]
    labelled = {(s.text, s.label): (s.start, s.end, s.label) for s in spans}
    assert labelled[("010-1234-5678", "CONTACT")] in sure
    assert labelled[("혜산", "PLACE")] in sure  # the codebook
    assert labelled[("김철수", "PERSON")] not in sure  # a guess
