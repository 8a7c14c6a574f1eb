"""The index follows every change of the archive, in the same transaction."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from journeys.archive import services
from journeys.codebook.models import Kind
from journeys.search.selectors import Filters, search
from tests.conftest import term


def ids(user, text, filters=None):
    return {hit.interview_id for hit in search(user, text, filters).hits}


def test_a_new_interview_is_found_by_its_codes_before_it_has_a_transcript(users, interview):
    province = term(Kind.PLACE, "kp-hamgyongbuk")
    assert ids(users["publisher"], "", Filters(terms=(("province", province.pk),))) == {
        interview.pk
    }


def test_a_saved_transcript_replaces_what_the_index_held(users, testimony):
    interview = testimony(["혜산에서 왔어요."])
    services.transcript_save(
        acting_user=users["coder"],
        interview=interview,
        segments=[services.SegmentInput(text_ko="회령에서 왔어요.")],
    )
    assert ids(users["publisher"], "혜산") == set()
    assert ids(users["publisher"], "회령") == {interview.pk}


def test_journey_events_change_the_facets(users, event):
    stage = term(Kind.STAGE, "leaving")
    way = term(Kind.WAY_LEAVING, "trafficked_deceived")
    by_stage = Filters(terms=(("stage", stage.pk), ("way_leaving", way.pk)))
    assert ids(users["publisher"], "", by_stage) == {event.interview_id}
    found = search(users["publisher"], "", Filters(left_from=1998, left_until=1998))
    assert {h.interview_id for h in found.hits} == {event.interview_id}
    services.event_delete(acting_user=users["coder"], event=event)
    assert ids(users["publisher"], "", by_stage) == set()


def test_a_change_rolled_back_takes_its_index_entry_with_it(users, testimony):
    interview = testimony(["혜산에서 왔어요."])

    def save_then_fail():
        with transaction.atomic():
            services.transcript_save(
                acting_user=users["coder"],
                interview=interview,
                segments=[services.SegmentInput(text_ko="회령에서 왔어요.")],
            )
            raise RuntimeError("the change fails after the transcript was saved")

    with pytest.raises(RuntimeError):
        save_then_fail()
    assert ids(users["publisher"], "혜산") == {interview.pk}
    assert ids(users["publisher"], "회령") == set()


def test_a_refused_save_changes_nothing(users, testimony):
    interview = testimony(["혜산에서 왔어요."])
    with pytest.raises(ValidationError):
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            # too long to keep beside its translation (alone, it would be split into passages)
            segments=[services.SegmentInput(text_ko="가" * 100_000, text_en="A translation.")],
        )
    assert ids(users["publisher"], "혜산") == {interview.pk}


def test_words_and_facets_still_match_together_after_the_journey_changes(users, event):
    services.transcript_save(
        acting_user=users["coder"],
        interview=event.interview,
        segments=[services.SegmentInput(text_ko="혜산에서 강을 건넜어요.")],
    )
    detention = term(Kind.STAGE, "detention")
    by_detention = Filters(terms=(("stage", detention.pk),))
    assert ids(users["publisher"], "혜산", by_detention) == set()
    services.event_update(
        acting_user=users["coder"],
        event=event,
        data=services.EventInput(
            stage=detention,
            event_type=term(Kind.EVENT_TYPE, "detention"),
            place=term(Kind.PLACE, "kp-ryanggang"),
            start_year=2001,
        ),
    )
    assert ids(users["publisher"], "혜산", by_detention) == {event.interview_id}
    assert ids(users["publisher"], "혜산", Filters(left_from=1998)) == set()
    _integrity_check()


def _integrity_check():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
