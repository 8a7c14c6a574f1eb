"""Detection and pseudonymisation read the codebook the administrator keeps: a term added on
the web counts at once, in every process, without a restart."""

import pytest

from journeys.codebook import services
from journeys.codebook.models import Kind, PlaceLevel, Term
from journeys.protection.detect import detect
from journeys.protection.gazetteer import gazetteer
from journeys.protection.pseudonymise import apply, propose

pytestmark = pytest.mark.django_db

# A fictional town: no list, no dictionary and no earlier codebook knows it.
TOWN_KO, TOWN_EN = "가상진포", "Gasangjinpo"


def published(ko: str, en: str) -> tuple[str, str]:
    (found_ko, found_en) = propose([(ko, en)])[0]
    return apply(ko, found_ko), apply(en, found_en)


def town_add(users) -> Term:
    return services.term_create(
        acting_user=users["administrator"],
        kind=Kind.PLACE,
        code="kp-ryanggang-gasangjinpo-test",
        label_ko=TOWN_KO,
        label_en=TOWN_EN,
        parent=Term.objects.get(kind=Kind.PLACE, code="kp-ryanggang"),
        level=PlaceLevel.CITY,
    )


def test_a_place_added_through_the_codebook_service_is_detected_at_once(users):
    """Detection knows a codebook place by its code (the gazetteer), not by a guess."""
    text = f"{TOWN_KO}에서 왔어요. I came from {TOWN_EN}."
    assert list(gazetteer().find(text)) == []  # a running server has read the codebook

    town = town_add(users)

    assert [code for *_span, code in gazetteer().find(text)] == [town.code, town.code]
    assert (TOWN_KO, "PLACE") in {(span.text, span.label) for span in detect(text, "ko")}


def test_a_place_added_through_the_codebook_service_is_generalised_to_its_province(users):
    ko, en = f"{TOWN_KO}에서 왔어요.", f"I came from {TOWN_EN}."
    before = published(ko, en)

    town_add(users)

    after = published(ko, en)
    assert "량강도" in after[0], (before, after)
    assert "Ryanggang" in after[1], (before, after)
