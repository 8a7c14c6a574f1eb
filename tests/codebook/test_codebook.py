import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from journeys.codebook import selectors, services
from journeys.codebook.models import Alias, CodebookVersion, Kind, PlaceLevel, Term


def codes(terms):
    return [t.code for t in terms]


class TestAliasLookup:
    @pytest.mark.parametrize(
        "spelling", ["량강도", "양강도", "Yanggang-do", "Ryanggang", "ryanggang do"]
    )
    def test_every_spelling_of_ryanggang_finds_one_place(self, db, spelling):
        assert codes(selectors.terms_matching(spelling, kind=Kind.PLACE)) == ["kp-ryanggang"]

    @pytest.mark.parametrize(
        ("spelling", "code"),
        [
            ("혜산", "kp-ryanggang-hyesan"),
            ("Hyesan", "kp-ryanggang-hyesan"),
            ("회령", "kp-hamgyongbuk-hoeryong"),
        ],
    )
    def test_towns_are_found_by_korean_and_romanised_names(self, db, spelling, code):
        assert code in codes(selectors.terms_matching(spelling, kind=Kind.PLACE))

    def test_a_north_korean_spelling_finds_a_chinese_town_written_the_south_korean_way(self, db):
        north = codes(selectors.terms_matching("룡정", kind=Kind.PLACE))
        south = codes(selectors.terms_matching("용정", kind=Kind.PLACE))
        assert north == south
        assert len(north) == 1

    def test_a_word_in_no_term_finds_nothing(self, db):
        assert selectors.terms_matching("없는곳이름") == []

    def test_search_by_prefix_puts_places_starting_with_the_query_first(self, db):
        found = selectors.terms_search("혜", kind=Kind.PLACE)
        assert found
        assert found[0].code == "kp-ryanggang-hyesan"


class TestTheDataFile:
    def test_every_north_korean_province_has_both_labels_and_a_romanisation(self, db):
        for province in selectors.provinces():
            assert province.label_ko
            assert province.label_en
            assert province.aliases.filter(script=Alias.Script.ROMAN).exists()

    def test_every_event_type_belongs_to_a_stage(self, db):
        for event_type in Term.objects.filter(kind=Kind.EVENT_TYPE):
            assert event_type.parent.kind == Kind.STAGE

    def test_reloading_changes_nothing_and_duplicates_nothing(self, db):
        before = (Term.objects.count(), Alias.objects.count())
        result = services.codebook_load()
        assert result.created == 0
        assert (Term.objects.count(), Alias.objects.count()) == before
        assert CodebookVersion.objects.filter(version=result.version).exists()

    def test_a_broken_file_loads_nothing(self, db, tmp_path):
        path = tmp_path / "codebook.json"
        path.write_text(
            json.dumps(
                {
                    "version": "x",
                    "terms": [
                        {
                            "kind": "place",
                            "code": "zz-new",
                            "level": "country",
                            "ko": "새",
                            "en": "New",
                        },
                        {
                            "kind": "place",
                            "code": "zz-child",
                            "parent": "zz-missing",
                            "level": "province",
                            "ko": "가",
                            "en": "A",
                        },
                    ],
                }
            )
        )
        with pytest.raises(ValidationError, match="zz-missing"):
            services.codebook_load(path)
        assert not Term.objects.filter(code__startswith="zz-").exists()

    def test_an_unreadable_file_is_explained(self, db, tmp_path):
        (tmp_path / "bad.json").write_text("{not json")
        with pytest.raises(ValidationError, match="cannot be read"):
            services.codebook_load(tmp_path / "bad.json")


class TestTermCreate:
    def test_an_administrator_adds_a_town_findable_by_its_aliases(self, users):
        town = services.term_create(
            acting_user=users["administrator"],
            kind=Kind.PLACE,
            code="kp-ryanggang-hyesan-test-village",
            label_ko="시험마을",
            label_en="Test Village",
            parent=Term.objects.get(kind=Kind.PLACE, code="kp-ryanggang-hyesan"),
            level=PlaceLevel.TOWN,
            aliases=["Siheom-maeul"],
        )
        assert codes(selectors.terms_matching("siheom maeul")) == [town.code]

    def test_a_place_without_a_level_is_refused(self, users):
        with pytest.raises(ValidationError) as e:
            services.term_create(
                acting_user=None, kind=Kind.PLACE, code="nowhere", label_ko="어디", label_en="Where"
            )
        assert "level" in e.value.message_dict

    def test_a_duplicate_code_is_refused(self, users):
        with pytest.raises(ValidationError):
            services.term_create(
                acting_user=None, kind=Kind.STAGE, code="china", label_ko="중국", label_en="China"
            )


class TestPages:
    def test_the_picker_finds_a_place_by_its_north_korean_spelling(self, as_role):
        response = as_role("coder").get(
            reverse("codebook:term_pick"), {"kind": "place", "q": "량강"}
        )
        assert b"data-pick-id" in response.content
        assert "Ryanggang" in response.content.decode()

    def test_an_administrator_adds_a_term_in_the_app(self, as_role):
        response = as_role("administrator").post(
            reverse("codebook:term_new"),
            {
                "kind": "violation",
                "code": "test-violation",
                "label_ko": "시험 위반",
                "label_en": "Test violation",
                "aliases": "시험\n",
            },
        )
        assert response.status_code == 302
        assert Term.objects.filter(kind="violation", code="test-violation").exists()

    def test_bad_input_adds_nothing_and_says_why(self, as_role):
        client = as_role("administrator")
        client.cookies["journeys_language"] = "en"
        response = client.post(
            reverse("codebook:term_new"),
            {"kind": "place", "code": "x-y", "label_ko": "가", "label_en": "A"},
        )
        assert response.status_code == 200
        assert "A place needs a level" in response.content.decode()
        assert not Term.objects.filter(code="x-y").exists()

    def test_the_list_shows_both_labels(self, as_role):
        html = (
            as_role("researcher")
            .get(reverse("codebook:term_list"), {"kind": "stage"})
            .content.decode()
        )
        assert "China" in html
        assert "중국" in html
