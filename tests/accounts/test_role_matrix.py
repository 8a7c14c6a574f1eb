"""Every URL the resolver knows, crossed with every role, anonymous, a disabled user and a
user who gave the password but not yet the code.

POLICY below is the matrix written out by hand: a new URL fails here until someone decides
who may use it, and a view whose decorator disagrees with the policy fails too.
"""

import json
from pathlib import Path

import pytest
from django.urls import reverse

from journeys.accounts.matrix import matrix_markdown, routes
from journeys.accounts.roles import PUBLIC, Role
from journeys.keys.sealing import Sealer
from journeys.protection.models import TextRelease
from journeys.vault.models import VaultPolicy
from tests.accounts.helpers import sign_in

A, I, C, R, P, K = (
    Role.ADMINISTRATOR,
    Role.INTERVIEWER,
    Role.CODER,
    Role.RESEARCHER,
    Role.PUBLISHER,
    Role.CUSTODIAN,
)
# Everyone who reads testimonies; the custodian keeps identities and reads no testimony.
EVERYONE = {A, I, C, R, P}
ALL = EVERYONE | {K}
POLICY = {
    "core:home": ALL,
    "core:language": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:verify": ALL,
    "accounts:enrol": ALL,
    "accounts:reauth": ALL,
    "accounts:logout": ALL,
    "accounts:user_list": {A},
    "accounts:user_add": {A},
    "accounts:user_role": {A},
    "accounts:user_password_reset": {A},
    "accounts:user_disable": {A},
    "accounts:user_second_factor_reset": {A},
    "codebook:term_list": EVERYONE,
    "codebook:term_new": {A},
    "codebook:term_pick": EVERYONE,
    "archive:interviewee_list": EVERYONE,
    "archive:intake": {A, I},
    "archive:interviewee_detail": EVERYONE,
    "archive:interview_new": {A, I},
    "archive:transcript_edit": {A, I, C},
    "archive:journey_edit": {A, I, C},
    "archive:event_edit": {A, I, C},
    "archive:event_delete": {A, I, C},
    "archive:event_move": {A, I, C},
    "archive:consent_withdraw": {A, I},
    "archive:interviewee_edit": {A, I},
    "archive:interview_edit": {A, I},
    "erasure:interviewee_erase": {A},
    "archive:consent_give": {A, I},
    "vault:lookup": {K},
    "vault:policy": {A},
    "vault:identity_reveal": {K, I},
    "vault:identity_edit": {K, I},
    "audit:entry_list": {A},
    "protection:review": {A, I, P},
    "protection:review_decide": {A, I, P},
    "protection:review_missed": {A, I, P},
    "protection:review_policy": {A, I, P},
    "protection:review_segments": {A, I, P},
    "protection:release_new": {A, P},
    "protection:release_list": {A, P},
    "protection:release_detail": {A, P},
    "protection:release_download": {A, P},
    "protection:excerpt_toggle": {A, P},
    "audit:verify": {A},
    "reports:dashboard": {A, R, P},
    "reports:download_csv": {A, R, P},
    "reports:download_datapackage": {A, R, P},
    "search:results": EVERYONE,
    "search:suggest": EVERYONE,
}
# The pages that finish (or abandon) a sign-in: open after the password, before the code.
BEFORE_SECOND_FACTOR = {"accounts:verify", "accounts:enrol", "accounts:logout"}
POST_ONLY = {
    "audit:verify",
    "reports:download_csv",
    "reports:download_datapackage",
    "accounts:logout",
    "core:language",
    "archive:event_move",
    "protection:review_decide",
    "protection:review_missed",
    "protection:review_policy",
    "protection:review_segments",
    "protection:release_new",
    "protection:excerpt_toggle",
}


def test_every_url_is_classified_in_the_policy():
    names = {route.name for route in routes()}
    assert names - POLICY.keys() == set(), "URLs nobody classified"
    assert POLICY.keys() - names == set(), "policy names URLs that do not exist"


@pytest.mark.parametrize("route", routes(), ids=lambda r: r.name)
def test_each_views_declared_roles_match_the_policy(route):
    expected = POLICY[route.name]
    assert route.allowed == (PUBLIC if expected == PUBLIC else frozenset(expected))


def url_for(name, interviewee, interview, event):
    kwargs = {
        "accounts:user_disable": {"username": interview.interviewer.username},
        "accounts:user_role": {"username": interview.interviewer.username},
        "accounts:user_password_reset": {"username": interview.interviewer.username},
        "accounts:user_second_factor_reset": {"username": interview.interviewer.username},
        "archive:interviewee_detail": {"code": interviewee.code},
        "vault:identity_reveal": {"code": interviewee.code},
        "vault:identity_edit": {"code": interviewee.code},
        "archive:interview_new": {"code": interviewee.code},
        "archive:interviewee_edit": {"code": interviewee.code},
        "erasure:interviewee_erase": {"code": interviewee.code},
        "archive:interview_edit": {"pk": interview.pk},
        "archive:transcript_edit": {"pk": interview.pk},
        "archive:journey_edit": {"pk": interview.pk},
        "archive:event_edit": {"pk": event.pk},
        "archive:event_delete": {"pk": event.pk},
        "archive:event_move": {"pk": event.pk, "direction": "up"},
        "archive:consent_withdraw": {"pk": interview.consents.get(use="share").pk},
        "archive:consent_give": {"pk": interview.consents.get(use="share").pk},
        "protection:review": {"pk": interview.pk},
        "protection:review_decide": {"pk": interview.pk},
        "protection:review_missed": {"pk": interview.pk},
        "protection:review_policy": {"pk": interview.pk},
        "protection:review_segments": {"pk": interview.pk},
        "protection:release_new": {"pk": interview.pk},
        "reports:download_csv": {"table": "origin_provinces"},
    }.get(name, {})
    if name in ("protection:release_detail", "protection:excerpt_toggle"):
        kwargs = {"pk": released_version(interview).pk}
    elif name == "protection:release_download":
        # Only a version released to be shared is downloaded whole.
        interview.consents.filter(use="share").update(granted=True)
        kwargs = {"pk": released_version(interview, use="share").pk, "fmt": "txt"}
    return reverse(name, kwargs=kwargs)


def released_version(interview, use="quote") -> TextRelease:
    """A released version of the interview, as the release service leaves one."""
    release = TextRelease(interview=interview, use=use, released_by=interview.interviewer)
    segments = [{"position": 0, "speaker": "interviewee", "text_ko": "...", "text_en": "..."}]
    sealer = Sealer(interview.interviewee.data_key)
    release.segments_sealed = sealer.seal(release, "segments", json.dumps(segments))
    release.save()
    return release


def request(client, name, url):
    return client.post(url) if name in POST_ONLY else client.get(url)


@pytest.mark.parametrize("name", sorted(POLICY))
@pytest.mark.parametrize("role", [*Role, "anonymous", "disabled", "unverified"])
def test_each_role_is_allowed_or_refused_as_the_policy_says(
    client, users, interviewee, interview, event, name, role
):
    url = url_for(name, interviewee, interview, event)
    # The interviewer who took the interview may reveal only where the administrator allows.
    VaultPolicy.objects.update_or_create(pk=1, defaults={"interviewers_may_reveal": True})
    if role == "disabled":
        # The session outlives the account's disabling (user_disable would also delete it).
        sign_in(client, users["administrator"])
        users["administrator"].is_active = False
        users["administrator"].save()
    elif role == "unverified":
        sign_in(client, users["administrator"], with_code=False)
    elif role != "anonymous":
        sign_in(client, users[role])
    response = request(client, name, url)
    if POLICY[name] == PUBLIC or (role == "unverified" and name in BEFORE_SECOND_FACTOR):
        allowed = True
    else:
        allowed = role in POLICY[name]
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        assert "/accounts/login/?next=" not in response.get("Location", "")
        assert "/accounts/code/?next=" not in response.get("Location", "")
    elif role in ("anonymous", "disabled"):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    elif role == "unverified":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/code/?next=")
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("route", routes(), ids=lambda r: r.name)
def test_only_the_sign_in_pages_open_before_the_second_factor(route):
    assert route.before_second_factor == (route.name in BEFORE_SECOND_FACTOR)


def test_docs_show_the_matrix_as_the_resolver_has_it():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text()
    assert matrix_markdown() in doc, "docs/roles.md is stale: run `journeys roles-matrix`"
