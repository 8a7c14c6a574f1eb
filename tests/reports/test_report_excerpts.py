"""The report's excerpts come through the release gate and nothing else: a reviewed,
released, chosen passage is printed pseudonymised in both languages; a passage never
released, or from a woman who withdrew her consent to be quoted, is not."""

import datetime as dt
import re

import pytest

from journeys.archive import services as archive_services
from journeys.archive.selectors import interview_for_edit
from journeys.audit.models import AuditEntry
from journeys.protection import services as protection
from journeys.protection.models import TextRelease
from journeys.reports import report
from tests.protection.conftest import approve
from tests.reports.helpers import woman
from tests.reports.test_report import archive, build, flat, pdf_text  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("archive")]

QUOTED = archive_services.SegmentInput(
    text_ko="브로커 김철수가 혜산에서 저를 데려갔어요.",
    text_en="The broker Kim Chol-su took me from Hyesan.",
)
NEVER_RELEASED = archive_services.SegmentInput(
    text_ko="고양이 별명은 달빛 호박이었어요.", text_en="The cat was called Moonlit Pumpkin."
)


def quoted_woman(users):
    """A woman who agreed to be quoted; her passage reviewed, released and chosen."""
    interview = woman(users, province="kp-ryanggang", born=1980)
    interview.consents.filter(use="quote").update(granted=True)
    archive_services.transcript_save(
        acting_user=users["interviewer"], interview=interview, segments=[QUOTED, NEVER_RELEASED]
    )
    opened = interview_for_edit(interview.pk, users["publisher"])
    approve(acting_user=users["publisher"], interview=opened)
    release = protection.release_create(
        acting_user=users["publisher"], interview=opened, use="quote"
    )
    protection.excerpt_toggle(acting_user=users["publisher"], release=release, position=0)
    return interview


def unreleased_woman(users):
    """A woman who agreed to be quoted, whose transcript nobody has reviewed."""
    interview = woman(users, province="kp-hamgyongbuk", born=1981)
    interview.consents.filter(use="quote").update(granted=True)
    archive_services.transcript_save(
        acting_user=users["interviewer"], interview=interview, segments=[NEVER_RELEASED]
    )
    return interview


def test_the_report_quotes_the_chosen_passage_pseudonymised_in_both_languages(users, tmp_path):
    quoted_woman(users)
    text = flat(pdf_text(build(users, tmp_path).path))
    for pseudonymised in ("브로커 A가", "The broker A took me from a city in Ryanggang"):
        assert flat(pseudonymised) in text
    for secret in ("김철수", "KimChol-su", "혜산", "Hyesan"):
        assert secret not in text
    assert flat("Testimony 1 (interviewed 2019)") in text
    assert flat("증언 1 (2019년 면담)") in text
    entry = AuditEntry.objects.get(action="reports.report")
    assert entry.detail["quoted_releases"] == [TextRelease.objects.get().pk]


def test_the_report_never_prints_a_passage_that_was_not_chosen_or_not_released(users, tmp_path):
    quoted_woman(users)
    unreleased_woman(users)
    text = flat(pdf_text(build(users, tmp_path).path))
    assert "달빛" not in text
    assert "Thecatwascalled" not in text


def test_after_she_withdraws_her_consent_to_be_quoted_the_report_leaves_her_out(users, tmp_path):
    interview = quoted_woman(users)
    consent = interview.consents.get(use="quote")
    archive_services.consent_withdraw(
        acting_user=users["interviewer"],
        consent=consent,
        on=dt.date.today(),
        reason="She asked (fictional).",
    )
    assert report.released_excerpts(users["publisher"]) == []
    html = (build(users, tmp_path, name="report.html", fmt="html").path).read_text()
    words = flat(re.sub(r"<[^>]+>", "", html))
    assert flat("브로커 A") not in words
    assert flat("No testimony excerpts were released for this report.") in words
