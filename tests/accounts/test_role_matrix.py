"""Every URL the resolver knows, crossed with every role, anonymous and a disabled user.

POLICY below is the matrix written out by hand: a new URL fails here until someone decides
who may use it, and a view whose decorator disagrees with the policy fails too.
"""

from pathlib import Path

import pytest
from django.urls import reverse

from journeys.accounts.matrix import matrix_markdown, routes
from journeys.accounts.roles import PUBLIC, Role

A, I, C, R, P = (Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER, Role.RESEARCHER, Role.PUBLISHER)
EVERYONE = {A, I, C, R, P}
POLICY = {
    "core:home": EVERYONE,
    "core:language": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:logout": EVERYONE,
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
}
POST_ONLY = {
    "accounts:logout",
    "core:language",
    "archive:event_delete",
    "archive:event_move",
    "archive:consent_withdraw",
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
        "archive:interviewee_detail": {"code": interviewee.code},
        "archive:interview_new": {"code": interviewee.code},
        "archive:transcript_edit": {"pk": interview.pk},
        "archive:journey_edit": {"pk": interview.pk},
        "archive:event_edit": {"pk": event.pk},
        "archive:event_delete": {"pk": event.pk},
        "archive:event_move": {"pk": event.pk, "direction": "up"},
        "archive:consent_withdraw": {"pk": interview.consents.get(use="share").pk},
    }.get(name, {})
    return reverse(name, kwargs=kwargs)


def request(client, name, url):
    return client.post(url) if name in POST_ONLY else client.get(url)


@pytest.mark.parametrize("name", sorted(POLICY))
@pytest.mark.parametrize("role", [*Role, "anonymous", "disabled"])
def test_each_role_is_allowed_or_refused_as_the_policy_says(
    client, users, interviewee, interview, event, name, role
):
    url = url_for(name, interviewee, interview, event)
    if role == "disabled":
        users["administrator"].is_active = False
        users["administrator"].save()
        client.force_login(users["administrator"])
    elif role != "anonymous":
        client.force_login(users[role])
    response = request(client, name, url)
    allowed = POLICY[name] == PUBLIC or role in POLICY[name]
    if allowed:
        assert response.status_code in (200, 302), response.status_code
        assert "/accounts/login/?next=" not in response.get("Location", "")
    elif role in ("anonymous", "disabled"):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    else:
        assert response.status_code == 403


def test_docs_show_the_matrix_as_the_resolver_has_it():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "roles.md").read_text()
    assert matrix_markdown() in doc, "docs/roles.md is stale: run `journeys roles-matrix`"
