"""The record page shows each role exactly the fields docs/roles.md allows it, and no more.

The matrix is read from the doc, so the page and the doc cannot drift apart: a field added to
the table without a way to find it here fails, and so does a role that sees a field its row
says it may not.
"""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import formats, translation

from journeys.accounts.roles import Role
from journeys.archive import selectors, services
from journeys.codebook.models import Kind
from tests.conftest import term

ROLES_DOC = Path(__file__).resolve().parents[2] / "docs" / "roles.md"
NOTE = "NOTE-MARK-7731 she hid in the loft"
SAID_EN = "TRANSCRIPT-MARK-5521 we crossed at night"
SAID_KO = "밤에 건넜어요 TRANSCRIPT-MARK-5521"


def documented_matrix() -> dict[str, dict[str, bool]]:
    """{field: {role: shown}} from the table under "What the record page shows"."""
    text = ROLES_DOC.read_text(encoding="utf-8")
    section = text.split("## What the record page shows", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    roles = [cell.strip() for cell in rows[0].strip("|").split("|")][1:]
    matrix = {}
    for row in rows[2:]:
        field, *cells = (cell.strip() for cell in row.strip("|").split("|"))
        matrix[field] = {role: cell == "yes" for role, cell in zip(roles, cells, strict=True)}
    return matrix


@pytest.fixture
def full_record(users, interview):
    """A record with every kind of field filled: a town, free notes and a transcript."""
    services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(
            stage=term(Kind.STAGE, "leaving"),
            event_type=term(Kind.EVENT_TYPE, "crossing"),
            place=term(Kind.PLACE, "kp-ryanggang-hyesan"),
            start_year=1998,
            start_month=3,
            notes=NOTE,
        ),
    )
    services.transcript_save(
        acting_user=users["coder"],
        interview=interview,
        segments=[services.SegmentInput(text_ko=SAID_KO, text_en=SAID_EN)],
    )
    return interview


def markers(interview) -> dict[str, list[str]]:
    """For each documented field, the texts that show it on the English page."""
    with translation.override("en"):
        exact_date = formats.date_format(dt.date(2019, 5, 4))
        return {
            "code": [interview.interviewee.code],
            "birth year": ["1972"],
            "home province": [term(Kind.PLACE, "kp-hamgyongbuk").label_en],
            "interview year": ["2019"],
            "interviewer": [f"by {interview.interviewer.username}"],
            "consent": ["to count it in statistics"],
            "event province": [term(Kind.PLACE, "kp-ryanggang").label_en],
            "event years": ["1998.03"],
            "exact interview date": [exact_date],
            "place below province": [
                term(Kind.PLACE, "kp-ryanggang-hyesan").label_en,
                term(Kind.PLACE, "kp-ryanggang-hyesan").label_ko,
            ],
            "free notes": ["NOTE-MARK-7731"],
            "transcript": ["TRANSCRIPT-MARK-5521"],
        }


def test_the_doc_names_every_field_the_test_can_find(full_record):
    assert set(documented_matrix()) == set(markers(full_record))


def test_the_doc_names_every_role():
    assert {role for row in documented_matrix().values() for role in row} == set(Role)


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_each_role_sees_exactly_the_fields_the_matrix_allows(client, as_role, full_record, role):
    client.cookies["journeys_language"] = "en"
    page = as_role(role).get(
        reverse("archive:interviewee_detail", args=[full_record.interviewee.code])
    )
    html = page.content.decode()
    matrix = documented_matrix()
    if not any(matrix[field][role] for field in matrix):
        assert page.status_code == 403
    else:
        assert page.status_code == 200
    shown = {
        field: any(re.search(re.escape(text), html) for text in texts)
        for field, texts in markers(full_record).items()
    }
    allowed = {field: row[role] for field, row in matrix.items()}
    assert shown == allowed


def test_a_researcher_does_not_see_the_exact_date_or_the_town(as_role, full_record):
    as_role("researcher").cookies["journeys_language"] = "en"
    html = (
        as_role("researcher")
        .get(reverse("archive:interviewee_detail", args=[full_record.interviewee.code]))
        .content.decode()
    )
    assert "Interview of 2019 by interviewer" in html
    assert "May 4, 2019" not in html
    assert "Hyesan" not in html


def test_the_selector_opens_nothing_sealed_for_a_researcher(users, full_record):
    record = selectors.interviewee_record(full_record.interviewee.code, users["researcher"])
    (interview,) = record.interviews.all()
    (event,) = interview.events.all()
    assert (interview.date, interview.transcript, event.notes) == (None, None, None)
    assert event.place_shown.code == "kp-ryanggang"


def test_the_selector_opens_every_sealed_detail_for_a_publisher(users, full_record):
    record = selectors.interviewee_record(full_record.interviewee.code, users["publisher"])
    (interview,) = record.interviews.all()
    (event,) = interview.events.all()
    assert interview.date == dt.date(2019, 5, 4)
    assert [s.text_en for s in interview.transcript] == [SAID_EN]
    assert (event.notes, event.place_shown.code) == (NOTE, "kp-ryanggang-hyesan")
