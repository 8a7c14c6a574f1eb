"""Withdrawal takes effect everywhere, at once (issue 14, item 8).

A woman withdraws her consent to be recorded, on the confirmation page and with a reason.
Then every read path is walked: the record page for every role, the transcript, journey and
review pages, search (page and command, and after a reindex), the fact table, the
dashboard, a CSV download, the data package, `journeys stats`, the report and
`journeys report`, her releases. Each shows her withdrawn, or does not show her at all.
Every name and word here is fictional.
"""

import csv
import datetime as dt
import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from journeys.accounts.roles import Role
from journeys.archive import services
from journeys.archive.models import Consent, ConsentUse, Interview
from journeys.archive.selectors import interview_for_edit
from journeys.audit.models import AuditEntry
from journeys.keys.sealing import Sealer
from journeys.protection import services as protection
from journeys.protection.models import TextRelease
from journeys.reports import report
from journeys.reports.models import Fact
from journeys.search.selectors import Filters, search
from tests.accounts.helpers import sign_in
from tests.audit.helpers import assert_audited
from tests.protection.conftest import approve
from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db

# Words only her transcript holds: whoever can still read or find her would meet them.
MARK_KO = "무지개송어"
MARK_EN = "Quillberry"
HER_WORDS = services.SegmentInput(
    text_ko=f"저는 {MARK_KO} 이야기를 좋아했어요.", text_en=f"I loved the {MARK_EN} story."
)
REASON = "She fears for her brother (a fictional reason)."
ARCHIVE_ROLES = [Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER, Role.RESEARCHER, Role.PUBLISHER]


@pytest.fixture(autouse=True)
def min_cell_3(settings):
    settings.JOURNEYS_MIN_CELL = 3


@pytest.fixture(autouse=True)
def english_pages(client):
    client.cookies["journeys_language"] = "en"


@pytest.fixture
def others(users):
    """Twelve women from North Hamgyong and five from Ryanggang, all counted."""
    for born in range(1960, 1972):
        woman(users, province="kp-hamgyongbuk", born=born)
    for born in range(1970, 1975):
        woman(users, province="kp-ryanggang", born=born)


@pytest.fixture
def her(users, others) -> Interview:
    """A sixth woman from Ryanggang who agreed to every use: her words transcribed, reviewed,
    released to be quoted (one excerpt chosen) and to be shared."""
    interview = woman(users, province="kp-ryanggang", born=1976)
    interview.consents.filter(use__in=["quote", "share"]).update(granted=True)
    services.transcript_save(
        acting_user=users["interviewer"], interview=interview, segments=[HER_WORDS]
    )
    opened = interview_for_edit(interview.pk, users["publisher"])
    approve(acting_user=users["publisher"], interview=opened)
    quoted = protection.release_create(
        acting_user=users["publisher"], interview=opened, use="quote"
    )
    protection.excerpt_toggle(acting_user=users["publisher"], release=quoted, position=0)
    protection.release_create(acting_user=users["publisher"], interview=opened, use="share")
    return interview


def record_consent(interview: Interview) -> Consent:
    return interview.consents.get(use="record")


def withdraw_on_the_page(client, interview: Interview):
    url = reverse("archive:consent_withdraw", args=[record_consent(interview).pk])
    return client.post(url, {"reason": REASON, "confirm": "on"})


@pytest.fixture
def withdrawn(users, client, her) -> Interview:
    """She withdrew her consent to be recorded, as an interviewer records it on the page."""
    sign_in(client, users["interviewer"])
    response = withdraw_on_the_page(client, her)
    assert response.status_code == 302
    client.logout()
    return her


def page_as(client, users, role, url, language="en"):
    sign_in(client, users[role])
    client.cookies["journeys_language"] = language
    return client.get(url)


def ryanggang_count(client, users) -> list:
    response = page_as(client, users, "researcher", reverse("reports:dashboard"))
    grid = next(
        g
        for figure in response.context["figures"]
        for g in figure["grids"]
        if g.name == "origin_provinces"
    )
    return dict(grid.rows)["Ryanggang"]


# -- asking, and what is kept ----------------------------------------------------------------


def test_one_click_no_longer_withdraws_a_consent(users, client, interview):
    sign_in(client, users["interviewer"])
    client.cookies["journeys_language"] = "en"
    consent = record_consent(interview)
    response = client.post(reverse("archive:consent_withdraw", args=[consent.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Say why the consent is withdrawn" in html
    assert "Tick the box to confirm the withdrawal." in html
    consent.refresh_from_db()
    assert consent.withdrawn_on is None
    assert not AuditEntry.objects.filter(action="archive.consent.withdrawn").exists()


def test_the_confirmation_page_asks_in_korean_too(users, client, interview):
    consent = record_consent(interview)
    url = reverse("archive:consent_withdraw", args=[consent.pk])
    page = page_as(client, users, "interviewer", url, language="ko")
    assert page.status_code == 200
    assert "동의를 철회하는 이유" in page.content.decode()
    response = client.post(url, {"reason": "  ", "confirm": "on"})
    assert "철회하는 이유를 적어 주세요" in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


def test_the_reason_is_sealed_under_her_key_and_the_withdrawal_audited(users, withdrawn):
    consent = record_consent(withdrawn)
    assert consent.withdrawn_on == timezone.localdate()
    assert REASON.encode() not in bytes(consent.withdrawal_reason_sealed)
    sealer = Sealer(withdrawn.interviewee.data_key)
    assert sealer.open(consent, "withdrawal_reason") == REASON
    entry = AuditEntry.objects.get(action="archive.consent.withdrawn")
    assert entry.actor == users["interviewer"]
    assert (entry.target_type, entry.target_id) == ("archive.interview", str(withdrawn.pk))
    assert entry.detail == {"use": "record", "on": timezone.localdate().isoformat()}
    assert REASON not in json.dumps(entry.detail)


def test_a_withdrawal_dated_before_the_interview_is_refused_and_changes_nothing(users, interview):
    consent = record_consent(interview)
    with pytest.raises(ValidationError) as e:
        services.consent_withdraw(
            acting_user=users["interviewer"], consent=consent, on=dt.date(2019, 5, 3), reason="x"
        )
    assert "withdrawn_on" in e.value.message_dict
    consent.refresh_from_db()
    assert consent.withdrawn_on is None
    assert consent.withdrawal_reason_sealed is None


# -- the record page, for every role -----------------------------------------------------------


@pytest.mark.parametrize("role", ARCHIVE_ROLES)
def test_after_withdrawal_the_record_page_shows_her_withdrawn_to_every_role(
    users, client, withdrawn, role
):
    url = reverse("archive:interviewee_detail", args=[withdrawn.interviewee.code])
    html = page_as(client, users, role, url).content.decode()
    assert "Consent withdrawn on" in html
    assert "withdrawn-banner" in html
    shown = MARK_EN in html or MARK_KO in html
    assert shown == (role == Role.ADMINISTRATOR)
    # Nobody may change a transcript that must no longer be used.
    assert reverse("archive:transcript_edit", args=[withdrawn.pk]) not in html
    assert reverse("archive:journey_edit", args=[withdrawn.pk]) not in html


def test_the_banner_is_in_korean_on_a_korean_page(users, client, withdrawn):
    url = reverse("archive:interviewee_detail", args=[withdrawn.interviewee.code])
    html = page_as(client, users, "coder", url, language="ko").content.decode()
    assert "동의가 철회되었습니다" in html
    assert MARK_KO not in html


def test_only_staff_who_record_consent_read_the_reason(users, client, withdrawn):
    url = reverse("archive:interviewee_detail", args=[withdrawn.interviewee.code])
    assert REASON in page_as(client, users, "interviewer", url).content.decode()
    assert REASON not in page_as(client, users, "publisher", url).content.decode()


# -- the pages that read or change her words ---------------------------------------------------


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER])
@pytest.mark.parametrize("page", ["archive:transcript_edit", "archive:journey_edit"])
def test_after_withdrawal_her_transcript_and_journey_pages_are_closed(
    users, client, withdrawn, role, page
):
    response = page_as(client, users, role, reverse(page, args=[withdrawn.pk]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "Her consent to be recorded was withdrawn" in html
    refused = assert_audited("archive.withdrawn.refused", actor=users[role])
    assert refused.target_id == str(withdrawn.pk)
    assert MARK_EN not in html
    assert MARK_KO not in html


def test_after_withdrawal_her_transcript_cannot_be_saved(users, client, withdrawn):
    sign_in(client, users["administrator"])
    url = reverse("archive:transcript_edit", args=[withdrawn.pk])
    response = client.post(
        url,
        {
            "segments-TOTAL_FORMS": "1",
            "segments-INITIAL_FORMS": "0",
            "segments-0-speaker": "interviewee",
            "segments-0-text_ko": "바뀐 말",
            "segments-0-text_en": "Changed words",
        },
    )
    assert response.status_code == 403
    with translation.override("en"), pytest.raises(ValidationError, match="no longer be changed"):
        services.transcript_save(
            acting_user=users["administrator"],
            interview=withdrawn,
            segments=[services.SegmentInput(text_en="Changed words")],
        )
    assert withdrawn.segments.count() == 1
    assert not AuditEntry.objects.filter(
        action="archive.transcript.saved", actor=users["administrator"]
    ).exists()


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.INTERVIEWER, Role.PUBLISHER])
def test_after_withdrawal_her_words_are_no_longer_reviewed(users, client, withdrawn, role):
    response = page_as(client, users, role, reverse("protection:review", args=[withdrawn.pk]))
    assert response.status_code == 404
    assert MARK_EN not in response.content.decode()


# -- search ---------------------------------------------------------------------------------


def test_search_found_her_before_and_finds_nothing_after_withdrawal(users, her):
    def hits():
        found = search(users["publisher"], MARK_EN, Filters())
        return {hit.interview_id for hit in found.hits}

    assert hits() == {her.pk}
    services.consent_withdraw(
        acting_user=users["interviewer"],
        consent=record_consent(her),
        on=timezone.localdate(),
        reason=REASON,
    )
    assert hits() == set()


@pytest.mark.parametrize("role", ARCHIVE_ROLES)
def test_after_withdrawal_the_search_page_does_not_find_her(users, client, withdrawn, role):
    for words in (MARK_EN, MARK_KO):
        response = page_as(client, users, role, reverse("search:results") + f"?q={words}")
        assert response.status_code == 200
        # A researcher's words are ignored (she browses coded journeys): never her, either.
        found = response.context["results"]
        assert withdrawn.pk not in {hit.interview_id for hit in found.hits}
        assert found.total == (17 if role == Role.RESEARCHER else 0)
        assert withdrawn.interviewee.code not in response.content.decode()


def search_command(words: str) -> dict:
    out = io.StringIO()
    call_command("search", words, user="publisher", json=True, stdout=out)
    return json.loads(out.getvalue())


def test_after_withdrawal_the_search_command_does_not_find_her(users, withdrawn):
    assert search_command(MARK_EN)["total"] == 0
    assert search_command(MARK_KO)["total"] == 0


def test_a_reindex_keeps_her_out_of_search(users, withdrawn):
    call_command("reindex", restart=True, stdout=io.StringIO(), stderr=io.StringIO())
    assert search_command(MARK_EN)["total"] == 0
    # Her coded journey is not a facet value any more either: the province counts five.
    found = search(users["researcher"], "", Filters())
    assert withdrawn.pk not in {hit.interview_id for hit in found.hits}


def test_a_change_to_her_journey_after_withdrawal_does_not_bring_her_back(users, withdrawn):
    event = withdrawn.events.first()
    services.event_move(acting_user=users["coder"], event=event, offset=1)
    services.event_delete(acting_user=users["coder"], event=event)
    assert search_command(MARK_EN)["total"] == 0


# -- statistics, downloads, the report ------------------------------------------------------


def test_withdrawing_consent_to_be_recorded_takes_her_out_of_the_fact_table(users, her):
    assert Fact.objects.filter(woman=her.interviewee).exists()
    services.consent_withdraw(
        acting_user=users["interviewer"],
        consent=record_consent(her),
        on=timezone.localdate(),
        reason=REASON,
    )
    assert not Fact.objects.filter(woman=her.interviewee).exists()


def test_the_dashboard_counted_her_before_and_not_after_withdrawal(users, client, her):
    assert ryanggang_count(client, users) == [6]
    client.logout()
    sign_in(client, users["interviewer"])
    withdraw_on_the_page(client, her)
    client.logout()
    assert ryanggang_count(client, users) == [5]


def test_after_withdrawal_the_csv_and_the_data_package_leave_her_out(users, client, withdrawn):
    sign_in(client, users["researcher"])
    response = client.post(reverse("reports:download_csv", args=["origin_provinces"]))
    rows = {r["row_code"]: r for r in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows["kp-ryanggang"]["count"] == "5"
    response = client.post(reverse("reports:download_datapackage"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        origins = package.read("origin_provinces.csv").decode()
    assert "kp-ryanggang,Ryanggang,량강도,5," in origins


def test_after_withdrawal_the_stats_command_leaves_her_out(users, withdrawn):
    out = io.StringIO()
    call_command("stats", table="origin_provinces", user="researcher", stdout=out)
    rows = {r["row_code"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows["kp-ryanggang"]["count"] == "5"


def test_the_report_quoted_her_before_and_leaves_her_out_after_withdrawal(users, her, tmp_path):
    assert [e.release_id for e in report.released_excerpts(users["publisher"])] != []
    services.consent_withdraw(
        acting_user=users["interviewer"],
        consent=record_consent(her),
        on=timezone.localdate(),
        reason=REASON,
    )
    assert report.released_excerpts(users["publisher"]) == []
    out = tmp_path / "report.html"
    call_command(
        "report",
        "--user=publisher",
        f"--out={out}",
        "--date=2026-03-08",
        "--min-cell=3",
        "--lang=en",
        stdout=io.StringIO(),
    )
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", out.read_text()))
    assert "No testimony excerpts were released for this report." in words
    assert MARK_EN not in words


# -- releases --------------------------------------------------------------------------------


def test_after_withdrawal_her_releases_are_refused_everywhere(users, client, withdrawn):
    sign_in(client, users["publisher"])
    client.cookies["journeys_language"] = "en"
    quoted = TextRelease.objects.get(interview=withdrawn, use="quote")
    shared = TextRelease.objects.get(interview=withdrawn, use="share")
    detail = client.get(reverse("protection:release_detail", args=[quoted.pk]))
    download = client.get(reverse("protection:release_download", args=[shared.pk, "txt"]))
    for response in (detail, download):
        assert response.status_code == 403
        assert MARK_EN not in response.content.decode()
    listed = client.get(reverse("protection:release_list")).content.decode()
    assert listed.count("withdrawn") >= 2
    again = client.post(reverse("protection:release_new", args=[withdrawn.pk]), {"use": "quote"})
    assert again.status_code == 404
    assert TextRelease.objects.filter(interview=withdrawn).count() == 2


def test_after_withdrawal_no_use_of_hers_is_in_force(users, withdrawn):
    """The one definition every path asks (the gate, search, statistics, demo releases)."""
    for use in ConsentUse.values:
        assert not Interview.objects.consented_to(use).filter(pk=withdrawn.pk).exists()
    assert list(Interview.objects.withdrawn()) == [withdrawn]
    assert Interview.objects.consented_to("statistics").count() == 17


# -- consent given later ------------------------------------------------------------------------


@pytest.fixture
def refused_statistics(users, others) -> Interview:
    return woman(users, province="kp-ryanggang", born=1976, statistics=False)


def test_consent_given_later_makes_her_count_in_statistics(users, client, refused_statistics):
    assert ryanggang_count(client, users) == [5]
    client.logout()
    consent = refused_statistics.consents.get(use="statistics")
    sign_in(client, users["interviewer"])
    url = reverse("archive:consent_give", args=[consent.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"date": "2024-02-01"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.granted
    assert consent.granted_on == dt.date(2024, 2, 1)
    assert Fact.objects.filter(woman=refused_statistics.interviewee).exists()
    entry = assert_audited("archive.consent.given")
    assert entry.actor == users["interviewer"]
    assert entry.detail == {"use": "statistics", "on": "2024-02-01"}
    client.logout()
    assert ryanggang_count(client, users) == [6]
    page = reverse("archive:interviewee_detail", args=[refused_statistics.interviewee.code])
    assert "given on" in page_as(client, users, "researcher", page).content.decode()


def test_consent_given_before_the_interview_is_refused_in_her_language(
    users, client, refused_statistics
):
    consent = refused_statistics.consents.get(use="statistics")
    url = reverse("archive:consent_give", args=[consent.pk])
    page_as(client, users, "interviewer", url, language="ko")
    response = client.post(url, {"date": "2019-05-03"})
    assert response.status_code == 200
    assert "면담 날짜와 오늘 사이" in response.content.decode()
    consent.refresh_from_db()
    assert not consent.granted
    assert not Fact.objects.filter(woman=refused_statistics.interviewee).exists()


def test_no_use_can_be_given_after_consent_to_be_recorded_was_withdrawn(users, withdrawn):
    Consent.objects.filter(interview=withdrawn, use="share").update(granted=False)
    consent = withdrawn.consents.get(use="share")
    with pytest.raises(ValidationError, match="no other use"):
        services.consent_give(
            acting_user=users["interviewer"], consent=consent, on=timezone.localdate()
        )


def test_a_withdrawal_read_before_another_was_recorded_does_not_overwrite_it(users, interview):
    first = record_consent(interview)
    second = record_consent(interview)  # the same row, read by a second member of staff
    services.consent_withdraw(
        acting_user=users["interviewer"], consent=first, on=timezone.localdate(), reason=REASON
    )
    with pytest.raises(ValidationError, match="changed meanwhile"):
        services.consent_withdraw(
            acting_user=users["administrator"],
            consent=second,
            on=timezone.localdate(),
            reason="Another reason (fictional).",
        )
    sealer = Sealer(interview.interviewee.data_key)
    assert sealer.open(record_consent(interview), "withdrawal_reason") == REASON
    assert AuditEntry.objects.filter(action="archive.consent.withdrawn").count() == 1


@pytest.mark.parametrize("role", ARCHIVE_ROLES)
def test_after_withdrawal_the_list_filters_do_not_find_her_journey(users, client, withdrawn, role):
    crossing = withdrawn.events.get().stage_id
    url = reverse("archive:interviewee_list") + f"?stage={crossing}"
    response = page_as(client, users, role, url)
    assert response.status_code == 200
    codes = [w.code for w in response.context["page"].object_list]
    assert len(codes) == 17
    assert withdrawn.interviewee.code not in codes
