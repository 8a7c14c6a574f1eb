import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse

from journeys.accounts.roles import Role
from journeys.audit.models import AuditEntry, AuditHead
from journeys.audit.services import audit_record
from tests.audit.chains import build_chain

LIST = reverse("audit:entry_list")
VERIFY = reverse("audit:verify")


@pytest.fixture
def admin(as_role):
    """The administrator, reading the pages in English (the default language is Korean)."""
    client = as_role("administrator")
    client.cookies["journeys_language"] = "en"
    return client


def seqs(response) -> list[int]:
    return [entry.seq for entry in response.context["page"]]


def test_it_lists_entries_newest_first_and_records_the_reading(admin, users):
    build_chain(users, 5)
    before = AuditEntry.objects.count()
    response = admin.get(LIST)
    assert response.status_code == 200
    reading = AuditEntry.objects.get(seq=before + 1)
    assert seqs(response) == list(range(before + 1, 0, -1))
    assert (reading.action, reading.actor) == ("audit.trail.read", users["administrator"])
    assert reading.detail == {"filters": {}, "page": "1"}
    assert reading.address == "127.0.0.1"


def test_it_filters_by_actor_action_prefix_and_target(admin, users):
    audit_record(actor=users["coder"], action="archive.transcript.changed", target=("x.y", 1))
    audit_record(actor=users["coder"], action="auth.signin.succeeded")
    audit_record(actor=users["researcher"], action="archive.interviewee.read", target=("x.y", 2))
    assert seqs(admin.get(LIST, {"actor": "CODER"})) == [2, 1]
    assert seqs(admin.get(LIST, {"actor": "coder", "action": "archive."})) == [1]
    assert seqs(admin.get(LIST, {"target_type": "x.y", "target_id": "2"})) == [3]
    reading = AuditEntry.objects.filter(action="audit.trail.read").order_by("-seq").first()
    assert reading.detail["filters"] == {"target_type": "x.y", "target_id": "2"}


@override_settings(TIME_ZONE="Asia/Seoul")
def test_it_filters_by_days_in_the_archive_time_zone(admin, users):
    """Seoul time: 2 March runs from 1 March 15:00 UTC to 2 March 15:00 UTC."""
    entries = build_chain(users, 3)
    times = ["2024-03-01T14:59", "2024-03-01T15:00", "2024-03-02T15:00"]
    for entry, utc in zip(entries, times, strict=True):
        moment = dt.datetime.fromisoformat(utc).replace(tzinfo=dt.UTC)
        AuditEntry.objects.filter(seq=entry.seq).update(at=moment)
    response = admin.get(LIST, {"date_from": "2024-03-02", "date_to": "2024-03-02"})
    assert seqs(response) == [2]


def test_it_refuses_an_end_date_before_the_start(admin, users):
    build_chain(users, 3)
    response = admin.get(LIST, {"date_from": "2024-03-02", "date_to": "2024-03-01"})
    assert response.status_code == 200
    assert seqs(response) == []
    assert "The end comes before the start." in response.content.decode()


@override_settings(JOURNEYS_PAGE_SIZE=10)
def test_it_pages_the_trail(admin, users):
    build_chain(users, 25)
    first = admin.get(LIST)
    third = admin.get(LIST, {"page": 3})
    assert len(first.context["page"]) == 10
    assert seqs(third)[-1] == 1
    assert "page=2" in first.content.decode()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.ADMINISTRATOR])
def test_other_roles_may_neither_read_nor_verify(as_role, users, role):
    client = as_role(role)
    assert client.get(LIST).status_code == 403
    assert client.post(VERIFY).status_code == 403
    assert not AuditEntry.objects.filter(action__startswith="audit.trail").exists()


def test_verify_now_reports_an_intact_trail_and_records_the_check(admin, users):
    build_chain(users, 12)
    response = admin.post(VERIFY, follow=True)
    page = response.content.decode()
    assert "The audit trail is intact: 12 entries" in page
    check = AuditEntry.objects.get(action="audit.trail.verified")
    assert check.detail == {"intact": True, "entries": 12, "problem": "", "seq": 12}
    assert response.context["last_verification"] == check
    assert "Last checked" in page


def test_verify_now_names_the_tampered_entry(admin, users):
    build_chain(users, 12)
    AuditEntry.objects.filter(seq=7).update(actor_name="someone-else")
    response = admin.post(VERIFY, follow=True)
    page = response.content.decode()
    assert "Entry 7 does not match its seal" in page
    check = AuditEntry.objects.get(action="audit.trail.verified")
    assert check.detail == {"intact": False, "entries": 6, "problem": "altered", "seq": 7}
    assert "The first problem was at entry 7." in page


def test_without_its_head_the_trail_is_reported_and_not_shown(admin, users):
    build_chain(users, 4)
    AuditHead.objects.all().delete()
    verdict = admin.post(VERIFY, follow=True).content.decode()
    assert "The head of the trail is missing" in verdict
    listing = admin.get(LIST)
    assert seqs(listing) == []
    assert "entries but no head" in listing.content.decode()
    assert AuditEntry.objects.count() == 4


def test_verify_is_post_only(admin):
    assert admin.get(VERIFY).status_code == 405


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_page_renders_in_both_languages_with_the_menu_entry(as_role, users, language):
    build_chain(users, 3)
    client = as_role("administrator")
    client.cookies["journeys_language"] = language
    users["administrator"].language = ""
    users["administrator"].save()
    response = client.get(LIST)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    assert any(item["url"] == LIST for item in response.context["nav_items"])


def test_the_menu_entry_is_for_administrators_only(as_role):
    response = as_role("coder").get(reverse("core:home"))
    assert all(item["url"] != LIST for item in response.context["nav_items"])
