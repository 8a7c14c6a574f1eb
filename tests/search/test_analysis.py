"""The analysis shared by the index and the queries."""

from journeys.search.analysis import analyse, analyse_query_text


def terms(text, language="ko"):
    return [term.text for term in analyse(text, language)]


def test_a_verb_is_found_by_its_dictionary_form_and_other_inflections():
    assert "팔리다" in terms("중국으로 팔려갔다")
    assert analyse_query_text("팔리다") == ["팔리다"]
    assert analyse_query_text("팔려") == ["팔리다"]


def test_north_and_south_korean_spellings_give_the_same_terms():
    assert terms("녀성들이 로동단련대에서") == terms("여성들이 노동단련대에서")
    assert terms("량강도") == terms("양강도")
    assert terms("리순희") == terms("이순희")


def test_north_korean_spellings_inside_compounds_fold_where_kiwi_cannot_split_them():
    # Kiwi reads 평양로동자 as one unknown noun and cuts 해외로동자 into 해외 + 로 + 동자.
    assert terms("평양로동자였다") == terms("평양노동자였다") == ["평양", "노동자"]
    assert terms("해외로동자들") == terms("해외노동자들") == ["해외", "노동자"]
    assert terms("북한녀성들이") == terms("북한여성들이") == ["북한", "여성"]
    assert terms("농촌녀성") == ["농촌", "여성"]


def test_folding_inside_a_word_leaves_words_that_kiwi_knows_as_they_are():
    assert terms("관리자") == ["관리자"]  # not 관 + 이자 (interest)
    assert terms("로동단련대") == ["노동", "단련"]  # not 노동 + 연대
    assert terms("서울로도 갔다") == ["서울", "가다"]
    assert terms("바다로배를") == ["바다", "배"]


def test_compounds_give_the_nouns_inside_them():
    assert terms("노동단련대에서 일했다")[:2] == ["노동", "단련"]
    assert analyse_query_text("단련대") == ["단련"]


def test_auxiliary_verbs_make_no_term():
    assert terms("중국으로 팔려갔다") == ["중국", "팔리다"]
    assert terms("혼자 살고 있었다") == terms("혼자 살았다")
    assert analyse_query_text("팔려갔다") == ["팔리다"]


def test_particles_and_endings_are_dropped():
    assert terms("중국으로") == ["중국"]
    assert terms("탈북했어요") == ["탈북"]


def test_english_is_stemmed_and_function_words_dropped():
    assert terms("She was trafficked and sold to farmers", "en") == [
        "traffick",
        "sold",
        "farmer",
    ]
    assert analyse_query_text("farmer") == ["farmer"]


def test_accents_and_apostrophes_in_romanised_names_are_ignored():
    assert terms("Ch'ŏngjin", "en") == terms("Chongjin", "en")


def test_numbers_are_shared_by_both_languages():
    assert "1997" in terms("1997년에 건넜다")
    assert "1997" in terms("I crossed in 1997", "en")


def test_each_term_keeps_the_span_it_came_from():
    text = "저는 혜산에서 팔려갔어요"
    spans = {t.text: text[t.start : t.end] for t in analyse(text, "ko")}
    assert spans["혜산"] == "혜산"
    assert spans["팔리다"] == "팔려"
