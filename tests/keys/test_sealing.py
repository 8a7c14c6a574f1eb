"""Sealed fields: bound to their row and field, tamper-evident, and failing closed."""

import pytest
from django.urls import reverse

from journeys.archive import selectors, services
from journeys.archive.models import Segment
from journeys.audit.models import AuditEntry
from journeys.keys import crypto
from journeys.keys.sealing import Sealer


@pytest.fixture
def transcript(interview):
    services.transcript_save(
        acting_user=None,
        interview=interview,
        segments=[
            services.SegmentInput(text_ko="첫째 이야기 김봉선", text_en="First story"),
            services.SegmentInput(text_ko="둘째 이야기", text_en="Second story"),
        ],
    )
    return list(Segment.objects.filter(interview=interview).order_by("position"))


def opened(interview):
    return [
        (s.text_ko, s.text_en)
        for s in selectors.transcript_of(
            selectors.interview_for_edit(interview.pk, interview.interviewer)
        )
    ]


def test_sealed_text_never_holds_the_plaintext(transcript):
    for segment in transcript:
        assert "이야기".encode() not in bytes(segment.text_ko_sealed)
        assert b"story" not in bytes(segment.text_en_sealed)


def test_a_value_moved_to_another_row_refuses_to_open(interview, transcript):
    first, second = transcript
    second.text_ko_sealed = first.text_ko_sealed
    second.save()
    with pytest.raises(crypto.DecryptionFailed):
        opened(interview)


def test_a_value_moved_to_another_field_refuses_to_open(interview, transcript):
    first, _ = transcript
    first.text_en_sealed = first.text_ko_sealed
    first.save()
    with pytest.raises(crypto.DecryptionFailed):
        opened(interview)


@pytest.mark.parametrize("position", [0, 5, 20, -1])
def test_a_flipped_byte_refuses_to_open(interview, transcript, position):
    first, _ = transcript
    sealed = bytearray(first.text_ko_sealed)
    sealed[position] ^= 0x01
    first.text_ko_sealed = bytes(sealed)
    first.save()
    with pytest.raises(crypto.DecryptionFailed):
        opened(interview)


def test_another_womans_key_cannot_open_her_record(users, interview, transcript):
    other = services.interviewee_create(
        acting_user=users["interviewer"],
        birth_year=1980,
        home_province=interview.interviewee.home_province,
    )
    first, _ = transcript
    with pytest.raises(crypto.DecryptionFailed):
        Sealer(other.data_key).open(first, "text_ko")


def test_the_record_page_shows_nothing_of_a_damaged_record_and_audits_it(
    as_role, interview, transcript
):
    first, second = transcript
    second.text_ko_sealed = first.text_ko_sealed
    second.save()
    client = as_role("publisher")
    client.cookies["journeys_language"] = "en"
    response = client.get(reverse("archive:interviewee_detail", args=[interview.interviewee.code]))
    html = response.content.decode()
    assert response.status_code == 500
    assert "cannot be opened" in html
    assert "이야기" not in html
    assert "First story" not in html
    assert "Second story" not in html
    entry = AuditEntry.objects.filter(action="vault.decryption.failed").get()
    assert entry.actor.username == "publisher"
