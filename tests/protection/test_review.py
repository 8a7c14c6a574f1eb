"""The review of one testimony: what is found, what a reviewer decides, when a segment counts
as reviewed, and the gate that lets the pseudonymised text out."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError

from journeys.archive import services as archive
from journeys.audit.models import AuditEntry
from journeys.protection import gate, services
from journeys.protection.models import SegmentReview, TextRelease
from journeys.protection.review import review_state
from tests.protection.conftest import TESTIMONY, approve, opened

pytestmark = pytest.mark.django_db


def decide(users, interview, **decision):
    """A publisher's decision on the broker's name in the Korean text."""
    services.decision_set(
        acting_user=users["publisher"],
        interview=opened(interview, users["publisher"]),
        lang="ko",
        text="김철수",
        **decision,
    )


def texts_of(state, lang):
    return [s.released(lang) for s in state.segments]


def test_every_detail_of_the_testimony_is_highlighted_with_its_replacement(users, told):
    state = review_state(opened(told, users["publisher"]))
    found = {
        (f.lang, f.text) for s in state.segments for lang in ("ko", "en") for f in s.findings[lang]
    }
    assert ("ko", "혜산") in found or any(t.startswith("혜산") for _l, t in found)
    released = " ".join(texts_of(state, "ko") + texts_of(state, "en"))
    for secret in ("김철수", "Kim Chol-su", "혜산", "Hyesan", "138 1234 5678", "15일"):
        assert secret not in released


def test_the_same_person_gets_the_same_pseudonym_in_every_segment(users, told):
    state = review_state(opened(told, users["publisher"]))
    names = [f for s in state.segments for f in s.findings["ko"] if "김철수" in f.text]
    assert len(names) == 2
    assert len({f.entity for f in names}) == 1
    assert all(f.replacement.endswith("A") for f in names)


def test_a_segment_is_not_reviewed_until_a_reviewer_marks_it(users, told):
    state = review_state(opened(told, users["publisher"]))
    assert state.reviewed_count == 0
    assert not state.ready
    approve(
        acting_user=users["publisher"], interview=opened(told, users["publisher"]), positions={0}
    )
    state = review_state(opened(told, users["publisher"]))
    assert [s.reviewed for s in state.segments] == [True, False]


def test_editing_the_transcript_after_review_asks_for_a_new_review(users, told):
    interview = opened(told, users["publisher"])
    approve(acting_user=users["publisher"], interview=interview)
    assert review_state(opened(told, users["publisher"])).ready
    changed = [
        TESTIMONY[0],
        archive.SegmentInput(
            text_ko="박영희 언니를 만났어요.", text_en="I met my sister Park Young-hee."
        ),
    ]
    archive.transcript_save(acting_user=users["coder"], interview=told, segments=changed)
    state = review_state(opened(told, users["publisher"]))
    assert [s.reviewed for s in state.segments] == [True, False]


def test_an_unchanged_segment_keeps_its_review_when_the_transcript_is_saved_again(users, told):
    approve(acting_user=users["publisher"], interview=opened(told, users["publisher"]))
    archive.transcript_save(acting_user=users["coder"], interview=told, segments=TESTIMONY)
    assert review_state(opened(told, users["publisher"])).ready


def test_rejecting_a_detail_leaves_it_as_written_everywhere(users, told):
    decide(users, told, action="reject")
    state = review_state(opened(told, users["publisher"]))
    assert all("김철수" in text for text in texts_of(state, "ko"))


def test_an_edited_replacement_is_used_wherever_the_detail_occurs(users, told):
    decide(users, told, action="edit", replacement="중개인 갑")
    state = review_state(opened(told, users["publisher"]))
    assert all("중개인 갑" in text for text in texts_of(state, "ko"))


def test_a_decision_after_review_asks_for_a_new_review(users, told):
    approve(acting_user=users["publisher"], interview=opened(told, users["publisher"]))
    decide(users, told, action="reject")
    assert not review_state(opened(told, users["publisher"])).ready


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ({"action": "edit", "replacement": ""}, "Write the replacement"),
        ({"action": "edit", "replacement": "김철수 씨"}, "may not repeat"),
        ({"action": "delete"}, "not one the review page offers"),
        ({"action": "edit", "replacement": "x" * 101}, "at most 100"),
    ],
)
def test_a_bad_decision_is_refused_and_changes_nothing(users, told, decision, message):
    before = AuditEntry.objects.count()
    with pytest.raises(ValidationError, match=message):
        services.decision_set(
            acting_user=users["publisher"],
            interview=opened(told, users["publisher"]),
            lang="ko",
            text="김철수",
            **decision,
        )
    assert AuditEntry.objects.count() == before
    assert not hasattr(told, "review") or told.review is None


def test_a_missed_detail_is_found_in_every_segment_and_replaced(users, told):
    archive.transcript_save(
        acting_user=users["coder"],
        interview=told,
        segments=[
            *TESTIMONY,
            archive.SegmentInput(
                text_ko="곰보네 집에서 일했어요.", text_en="I worked at Gombo's house."
            ),
        ],
    )
    found = services.missed_mark(
        acting_user=users["publisher"],
        interview=opened(told, users["publisher"]),
        form="곰보",
        label="PERSON",
    )
    assert found >= 1
    state = review_state(opened(told, users["publisher"]))
    assert "곰보" not in " ".join(texts_of(state, "ko"))


def test_a_missed_detail_is_refused_when_only_part_of_it_is_in_the_testimony(users, told):
    with pytest.raises(ValidationError, match="does not occur"):
        services.missed_mark(
            acting_user=users["publisher"],
            interview=opened(told, users["publisher"]),
            form="혜산시장",
            label="PLACE",
        )


def test_marking_a_segment_that_changed_since_the_page_was_opened_is_refused(users, told):
    interview = opened(told, users["publisher"])
    seen = {s.position: s.digest for s in review_state(interview).segments}
    changed = [
        *TESTIMONY,
        archive.SegmentInput(text_ko="박영희를 만났어요.", text_en="I met Park."),
    ]
    archive.transcript_save(acting_user=users["coder"], interview=told, segments=changed)
    seen_by_nobody = {**seen, 2: "0" * 64}
    with pytest.raises(ValidationError, match="changed since you opened the page"):
        services.segments_mark_reviewed(
            acting_user=users["publisher"], interview=interview, seen=seen_by_nobody
        )
    assert SegmentReview.objects.count() == 0


def test_a_missed_detail_that_is_not_in_the_testimony_is_refused(users, told):
    with pytest.raises(ValidationError, match="does not occur"):
        services.missed_mark(
            acting_user=users["publisher"],
            interview=opened(told, users["publisher"]),
            form="없는말",
            label="PERSON",
        )
    assert review_state(opened(told, users["publisher"])).extra == []


def test_decisions_are_sealed_and_audited_without_the_detail(users, told):
    decide(users, told, action="reject")
    told.refresh_from_db()
    assert "김철수".encode() not in bytes(told.review.decisions_sealed)
    entry = AuditEntry.objects.filter(action="protection.decision").get()
    assert "김철수" not in json.dumps(entry.detail, ensure_ascii=False)


# -- the gate ------------------------------------------------------------------------------


def release(users, interview, use="quote"):
    return services.release_create(
        acting_user=users["publisher"], interview=opened(interview, users["publisher"]), use=use
    )


def test_unreviewed_text_cannot_be_released(users, told):
    with pytest.raises(ValidationError, match="not reviewed"):
        release(users, told)
    assert TextRelease.objects.count() == 0


def test_a_reviewed_text_is_released_pseudonymised(users, told):
    approve(acting_user=users["publisher"], interview=opened(told, users["publisher"]))
    version = release(users, told)
    segments = gate.released_segments(version)
    text = json.dumps(segments, ensure_ascii=False)
    for secret in ("김철수", "Hyesan", "1234 5678"):
        assert secret not in text
    # sealed: neither the text nor the pseudonym is stored readable
    assert segments[0]["text_ko"].encode() not in bytes(version.segments_sealed)
    assert AuditEntry.objects.filter(action="protection.released").count() == 1


def test_text_cannot_be_released_for_a_use_she_did_not_consent_to(users, told):
    approve(acting_user=users["publisher"], interview=opened(told, users["publisher"]))
    with pytest.raises(ValidationError, match="consent"):
        release(users, told, use="share")  # conftest's interview: share not granted


def test_withdrawn_consent_blocks_a_new_release_and_every_use_of_an_old_one(users, told):
    approve(acting_user=users["publisher"], interview=opened(told, users["publisher"]))
    version = release(users, told)
    consent = told.consents.get(use="quote")
    archive.consent_withdraw(
        acting_user=users["interviewer"],
        consent=consent,
        on=dt.date.today(),
        reason="She asked (fictional).",
    )
    with pytest.raises(ValidationError, match="consent"):
        release(users, told)
    with pytest.raises(gate.ReleaseRefused):
        gate.released_segments(version)


def test_reviews_are_kept_per_segment_and_reviewer(users, told):
    approve(acting_user=users["interviewer"], interview=opened(told, users["interviewer"]))
    assert set(SegmentReview.objects.values_list("position", "reviewed_by__username")) == {
        (0, "interviewer"),
        (1, "interviewer"),
    }
