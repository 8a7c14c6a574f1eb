"""The review page and the released versions, through the browser's requests: what a
reviewer and a publisher see and do, and every way a text could leave checked at the gate."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse

from journeys.archive import services as archive
from journeys.audit.models import AuditEntry
from journeys.protection import gate, services
from journeys.protection.models import Excerpt, TextRelease
from journeys.protection.pseudonymise import CHOICES
from journeys.protection.review import review_state
from tests.protection.conftest import approve, opened

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english(client):
    client.cookies["journeys_language"] = "en"


def review_url(interview, name="protection:review"):
    return reverse(name, args=[interview.pk])


def reviewed_and_released(users, interview, use="quote") -> TextRelease:
    """Reviewed as the page shows it, then released by a publisher."""
    approve(acting_user=users["publisher"], interview=opened(interview, users["publisher"]))
    return services.release_create(
        acting_user=users["publisher"], interview=opened(interview, users["publisher"]), use=use
    )


def withdraw(users, interview, use="quote"):
    consent = interview.consents.get(use=use)
    archive.consent_withdraw(
        acting_user=users["interviewer"],
        consent=consent,
        on=dt.date.today(),
        reason="She asked (fictional).",
    )


def test_the_review_page_shows_both_languages_with_the_details_marked(as_role, told):
    page = as_role("publisher").get(review_url(told)).content.decode()
    assert '<mark class="pii pii-person' in page
    assert "Hyesan" in page  # the reviewer reads the real text, marked
    assert "0 of 2 segments reviewed" in page
    assert AuditEntry.objects.filter(action="protection.review.viewed").count() == 1


def test_the_review_page_answers_404_for_another_teams_interview(as_role, told, users):
    from journeys.accounts.models import Team

    users["publisher"].team = Team.objects.create(name="elsewhere")
    users["publisher"].save()
    assert as_role("publisher").get(review_url(told)).status_code == 404


def test_a_reviewer_rejects_a_detail_from_the_page(as_role, told):
    client = as_role("interviewer")
    response = client.post(
        review_url(told, "protection:review_decide"),
        {"lang": "ko", "text": "김철수", "action": "reject"},
    )
    assert response.status_code == 302
    page = client.get(review_url(told)).content.decode()
    assert 'class="detail reject"' in page


def test_a_bad_missed_detail_shows_an_error_and_changes_nothing(as_role, told):
    client = as_role("interviewer")
    client.post(review_url(told, "protection:review_missed"), {"form": "", "label": "PERSON"})
    page = client.get(review_url(told)).content.decode()
    assert "Write the detail as it appears" in page
    assert not hasattr(told, "review") or not told.review.decisions_sealed


def test_an_unknown_policy_option_is_refused(as_role, told, users):
    client = as_role("publisher")
    client.post(review_url(told, "protection:review_policy"), {"person": "keep-the-name"})
    page = client.get(review_url(told)).content.decode()
    assert "The option person cannot be" in page
    assert review_state(opened(told, users["publisher"])).policy.person == "role"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_review_page_offers_every_option_of_the_policy_in_both_languages(
    as_role, told, client, lang
):
    signed_in = as_role("publisher")
    client.cookies["journeys_language"] = lang
    page = signed_in.get(review_url(told)).content.decode()
    assert f'<html lang="{lang}"' in page
    offered = set(re.findall(r'<select name="(\w+)">(.*?)</select>', page))
    values = {
        name: set(re.findall(r'<option value="(\w+)"', options))
        for name, options in offered
        if name in CHOICES  # not the other forms' choices (the label of a missed detail)
    }
    choosable = {name: set(allowed) for name, allowed in CHOICES.items() if len(allowed) > 1}
    assert values == choosable
    assert ("age", "decade") in {(n, v) for n, vs in values.items() for v in vs}


def test_the_age_decade_chosen_on_the_page_is_the_policy(as_role, told, users):
    client = as_role("publisher")
    client.post(review_url(told, "protection:review_policy"), {"age": "decade"})
    assert review_state(opened(told, users["publisher"])).policy.age == "decade"


def seen_on(page: str) -> list[str]:
    """What the page's "mark every segment reviewed" form posts: each segment's digest."""
    return list(dict.fromkeys(re.findall(r'name="seen" value="([^"]+)"', page)))


def test_a_page_opened_before_a_change_cannot_mark_the_changed_segment_reviewed(
    as_role, told, users
):
    client = as_role("publisher")
    seen = seen_on(client.get(review_url(told)).content.decode())
    services.decision_set(
        acting_user=users["interviewer"],
        interview=opened(told, users["interviewer"]),
        lang="ko",
        text="김철수",
        action="reject",
    )
    client.post(review_url(told, "protection:review_segments"), {"seen": seen})
    page = client.get(review_url(told)).content.decode()
    assert "changed since you opened the page" in page
    assert "0 of 2 segments reviewed" in page


def test_marking_every_segment_reviewed_opens_the_release(as_role, told):
    client = as_role("publisher")
    page = client.get(review_url(told)).content.decode()
    assert "Segments not reviewed in their present form: 1, 2." in page
    client.post(review_url(told, "protection:review_segments"), {"seen": seen_on(page)})
    page = client.get(review_url(told)).content.decode()
    assert "2 of 2 segments reviewed" in page
    response = client.post(review_url(told, "protection:release_new"), {"use": "quote"})
    release = TextRelease.objects.get()
    assert response["Location"] == reverse("protection:release_detail", args=[release.pk])


def test_an_interviewer_reviews_but_does_not_release(as_role, told):
    client = as_role("interviewer")
    client.post(review_url(told, "protection:review_segments"), {"position": "all"})
    assert (
        client.post(review_url(told, "protection:release_new"), {"use": "quote"}).status_code == 403
    )
    assert TextRelease.objects.count() == 0


def test_a_version_released_to_be_quoted_is_not_downloaded_whole(as_role, told, users):
    release = reviewed_and_released(users, told)
    client = as_role("publisher")
    page = client.get(reverse("protection:release_detail", args=[release.pk])).content.decode()
    assert "Download as text" not in page
    for fmt in ("txt", "json"):
        url = reverse("protection:release_download", args=[release.pk, fmt])
        assert client.get(url).status_code == 404


def test_the_version_shared_with_partners_shows_no_detail_and_downloads_as_text_and_json(
    as_role, told, users
):
    told.consents.filter(use="share").update(granted=True)
    release = reviewed_and_released(users, told, use="share")
    client = as_role("publisher")
    page = client.get(reverse("protection:release_detail", args=[release.pk])).content.decode()
    text = client.get(
        reverse("protection:release_download", args=[release.pk, "txt"])
    ).content.decode()
    data = client.get(reverse("protection:release_download", args=[release.pk, "json"])).json()
    for output in (page, text, json.dumps(data, ensure_ascii=False)):
        for secret in ("김철수", "Kim Chol-su", "혜산", "Hyesan", "5678"):
            assert secret not in output
    assert AuditEntry.objects.filter(action="protection.release.exported").count() == 2


def test_a_publisher_chooses_excerpts_for_the_report(as_role, told, users):
    release = reviewed_and_released(users, told)
    client = as_role("publisher")
    client.post(reverse("protection:excerpt_toggle", args=[release.pk]), {"position": 1})
    excerpts = gate.report_excerpts(users["publisher"])
    assert [e.heading_en for e in excerpts] == ["Testimony 1 (interviewed 2019)"]
    assert "5678" not in excerpts[0].text_ko + excerpts[0].text_en
    client.post(reverse("protection:excerpt_toggle", args=[release.pk]), {"position": 1})
    assert gate.report_excerpts(users["publisher"]) == []


def test_a_later_release_replaces_the_earlier_one_in_the_report(users, told):
    first = reviewed_and_released(users, told)
    services.excerpt_toggle(acting_user=users["publisher"], release=first, position=0)
    second = reviewed_and_released(users, told)
    assert gate.report_excerpts(users["publisher"]) == []  # the new version has no choice yet
    services.excerpt_toggle(acting_user=users["publisher"], release=second, position=0)
    assert len(gate.report_excerpts(users["publisher"])) == 1


# -- every way out, after the consent is withdrawn --------------------------------------


@pytest.fixture
def withdrawn(users, told):
    release = reviewed_and_released(users, told)
    services.excerpt_toggle(acting_user=users["publisher"], release=release, position=0)
    withdraw(users, told)
    return release


def test_after_withdrawal_the_released_page_refuses(as_role, withdrawn):
    response = as_role("publisher").get(reverse("protection:release_detail", args=[withdrawn.pk]))
    assert response.status_code == 403
    assert "withdrawn" in response.content.decode()


@pytest.mark.parametrize("fmt", ["txt", "json"])
def test_after_withdrawal_the_download_refuses_and_the_refusal_is_audited(
    as_role, told, users, fmt
):
    told.consents.filter(use="share").update(granted=True)
    release = reviewed_and_released(users, told, use="share")
    withdraw(users, told, use="share")
    url = reverse("protection:release_download", args=[release.pk, fmt])
    assert as_role("publisher").get(url).status_code == 403
    assert AuditEntry.objects.filter(action="protection.release.exported").count() == 0
    assert AuditEntry.objects.filter(action="protection.release.refused").count() == 1


def test_withdrawing_consent_to_the_recording_withdraws_every_use(users, told):
    release = reviewed_and_released(users, told)
    withdraw(users, told, use="record")
    with pytest.raises(gate.ReleaseRefused):
        gate.released_segments(release)
    assert gate.report_excerpts(users["publisher"]) == []


def test_another_teams_release_is_not_found(as_role, told, users):
    from journeys.accounts.models import Team

    release = reviewed_and_released(users, told)
    users["administrator"].team = Team.objects.create(name="elsewhere")
    users["administrator"].save()
    client = as_role("administrator")
    assert client.get(reverse("protection:release_detail", args=[release.pk])).status_code == 404
    url = reverse("protection:excerpt_toggle", args=[release.pk])
    assert client.post(url, {"position": 0}).status_code == 404
    url = review_url(told, "protection:review_segments")
    assert client.post(url, {"seen": ["0:x"]}).status_code == 404


def test_after_withdrawal_the_report_quotes_nothing_from_her(users, withdrawn):
    assert gate.report_excerpts(users["publisher"]) == []


def test_after_withdrawal_no_excerpt_can_be_chosen(as_role, withdrawn):
    client = as_role("publisher")
    client.post(reverse("protection:excerpt_toggle", args=[withdrawn.pk]), {"position": 1})
    assert Excerpt.objects.filter(position=1).count() == 0


def test_after_withdrawal_the_list_says_so(as_role, withdrawn):
    page = as_role("publisher").get(reverse("protection:release_list")).content.decode()
    assert "withdrawn" in page


def test_unreviewed_text_has_no_way_out(as_role, told, users):
    """Nothing is released before review, so the release pages have nothing to show and
    the report nothing to quote."""
    client = as_role("publisher")
    client.post(review_url(told, "protection:release_new"), {"use": "quote"})
    assert TextRelease.objects.count() == 0
    assert gate.report_excerpts(users["publisher"]) == []
    assert (
        "Nothing has been released yet"
        in client.get(reverse("protection:release_list")).content.decode()
    )
