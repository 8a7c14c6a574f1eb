"""Every page, every role: the trail receives exactly the entries docs/audit.md promises.

The table "Every action, and what each page writes" in docs/audit.md is read here. Each row
is a page and a request; RECIPES says how to make that request with real records. Every row
is walked with every role its view allows, and every page with every role it refuses; the
entries written are compared, in order, with the table. A deleted audit call, an extra one,
or a row of the doc that no longer holds fails.
"""

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from journeys.accounts.matrix import routes
from journeys.accounts.models import User
from journeys.accounts.roles import PUBLIC, Role
from journeys.archive import selectors, services
from journeys.audit.actions import DETAIL_LABELS
from journeys.audit.presentation import HIDDEN_KEYS
from journeys.codebook.models import Kind
from journeys.keys import keyring
from journeys.protection import services as protection
from journeys.protection.models import ReleaseUse
from journeys.protection.review import review_state
from journeys.vault import identity
from journeys.vault.identity import IdentityData
from journeys.vault.models import Identity, VaultPolicy
from tests.accounts.helpers import PASSWORD, authenticator, code_of, sign_in
from tests.audit.helpers import actions_since, assert_audited, entries_since, last_seq
from tests.conftest import term

AUDIT_DOC = Path(__file__).resolve().parents[2] / "docs" / "audit.md"
ROUTES = {route.name: route for route in routes()}
SAID = "I left TRANSCRIPT-MARK with my aunt in 1998."


def promised() -> dict[tuple[str, str], list[str]]:
    """{(page, request): [actions in order]} from the table in docs/audit.md."""
    text = AUDIT_DOC.read_text(encoding="utf-8")
    section = text.split("## Every action, and what each page writes", 1)[1]
    section = section.split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            rows[(cells[0].strip("`"), cells[1])] = re.findall(r"`([a-z0-9_.]+)`", cells[2])
    return rows


# -- the records every request works on ------------------------------------------------------


@pytest.fixture
def world(users, interview, event):
    """One record of the team with all a page can show: two events, a transcript, an
    identity in the vault, a version released to be quoted and one to be shared."""
    services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(
            stage=term(Kind.STAGE, "china"),
            event_type=term(Kind.EVENT_TYPE, "sold"),
            place=term(Kind.PLACE, "cn-jilin"),
            start_year=1998,
        ),
    )
    services.transcript_save(
        acting_user=users["coder"],
        interview=interview,
        segments=[services.SegmentInput(text_ko="1998년에 떠났어요.", text_en=SAID)],
    )
    identity.identity_save(
        acting_user=users["interviewer"],
        interviewee=interview.interviewee,
        data=IdentityData(names=["Fictional Kim"]),
    )
    VaultPolicy.objects.update_or_create(pk=1, defaults={"interviewers_may_reveal": True})
    interview.consents.filter(use="share").update(granted=True)
    quoted = released(users["publisher"], interview, ReleaseUse.QUOTE)
    shared = released(users["publisher"], interview, ReleaseUse.SHARE)
    other = User.objects.create(username="fictional-staff", role=Role.CODER)
    authenticator(other)
    return {"interview": interview, "quoted": quoted, "shared": shared, "other": other}


def opened(interview, user=None):
    return selectors.interview_for_edit(interview.pk, user or interview.interviewer)


def reviewed(user, interview) -> None:
    """Every passage marked reviewed, as the review page does it."""
    state = review_state(opened(interview))
    seen = {s.position: s.digest for s in state.segments}
    protection.segments_mark_reviewed(acting_user=user, interview=opened(interview), seen=seen)


def released(user, interview, use):
    reviewed(user, interview)
    return protection.release_create(acting_user=user, interview=opened(interview), use=use)


# -- how to make each request ----------------------------------------------------------------


def get(name, **kwargs):
    return lambda w, client, role: client.get(reverse(name, kwargs=kwargs or None))


def interview_url(name):
    return lambda w: reverse(name, args=[w["interview"].pk])


def code_url(name):
    return lambda w: reverse(name, args=[w["interview"].interviewee.code])


def first_event(w):
    return w["interview"].events.order_by("position").first()


def last_event(w):
    return w["interview"].events.order_by("position").last()


def with_password(role: str) -> User:
    """The role's user with a password (hashed with Argon2: only where a test types it)."""
    user = User.objects.get(username=role)
    user.set_password(PASSWORD)
    user.save()
    return user


def login_post(password):
    def run(w, client, role):
        client.logout()
        user = with_password(role)
        return client.post(
            reverse("accounts:login"), {"username": user.username, "password": password}
        )

    return run


def verify_post(right: bool):
    def run(w, client, role):
        user = User.objects.get(username=role)
        client.logout()
        device = authenticator(user)  # she set up her app at an earlier sign-in
        sign_in(client, user, with_code=False)
        code = code_of(device) if right else "000000"
        return client.post(reverse("accounts:verify"), {"code": code})

    return run


def enrol_post(right: bool):
    def run(w, client, role):
        user = User.objects.get(username=role)
        client.logout()
        user.totpdevice_set.all().delete()
        sign_in(client, user, with_code=False)
        client.get(reverse("accounts:enrol"))  # starts the enrolment: an unconfirmed device
        device = user.totpdevice_set.get(confirmed=False)
        code = code_of(device) if right else "000000"
        return client.post(reverse("accounts:enrol"), {"code": code})

    return run


def reauth_post(right: bool):
    def run(w, client, role):
        user = with_password(role)
        sign_in(client, user)  # a new password ends the sessions made before it
        password = PASSWORD if right else "not-the-password-at-all"
        code = code_of(authenticator(user), steps_ahead=1)
        return client.post(reverse("accounts:reauth"), {"password": password, "code": code})

    return run


def post(url_of, data=None):
    return lambda w, client, role: client.post(url_of(w), data(w) if callable(data) else data)


class Prepared:
    """A request that needs the records in some state first: `prepare` runs before the
    entries are counted (its own entries are not the request's)."""

    def __init__(self, prepare, request):
        self.prepare, self.request = prepare, request

    def __call__(self, w, client, role):
        self.prepare(w, role)
        return self.request(w, client, role)


def excerpt_chosen(w, role):
    protection.excerpt_toggle(acting_user=w["quoted"].released_by, release=w["quoted"], position=0)


def transcript_changed(w, role):
    services.transcript_save(
        acting_user=None,
        interview=w["interview"],
        segments=[services.SegmentInput(text_en="A passage nobody has reviewed yet.")],
    )


def excerpt_url(w):
    return reverse("protection:excerpt_toggle", args=[w["quoted"].pk])


def excerpt_withdrawn(w, client, role):
    w["interview"].consents.filter(use="quote").update(withdrawn_on=timezone.localdate())
    return client.post(reverse("protection:excerpt_toggle", args=[w["quoted"].pk]), {"position": 0})


def release_new(w, client, role):
    return client.post(
        reverse("protection:release_new", args=[w["interview"].pk]), {"use": "quote"}
    )


def segments_seen(w):
    state = review_state(opened(w["interview"]))
    return {"seen": [f"{s.position}:{s.digest}" for s in state.segments]}


def identity_forgotten(w, role):
    """No identity recorded yet, as at intake (an interviewer records one only then)."""
    Identity.objects.filter(interviewee=w["interview"].interviewee).delete()


def identity_form(names: str, **more) -> dict:
    """The identity form as the page sends it: names, and no contact or family rows."""
    empty = {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}
    data = {"names": names, **more}
    for prefix in ("contacts", "family"):
        data.update({f"{prefix}-{key}": value for key, value in empty.items()})
    return data


def identity_edit_post(w, client, role):
    """A first identity, recorded on the page."""
    url = reverse("vault:identity_edit", args=[w["interview"].interviewee.code])
    return client.post(url, identity_form("Fictional Kim Second"))


def identity_reason_post(w, client, role):
    """The first step of a correction: the reason, which opens the form filled in."""
    url = reverse("vault:identity_edit", args=[w["interview"].interviewee.code])
    return client.post(url, {"reason": "Fictional correction request 7"})


def identity_correction_post(w, client, role):
    url = reverse("vault:identity_edit", args=[w["interview"].interviewee.code])
    return client.post(url, identity_form("Fictional Kim\nFictional Kim Third", step="save"))


def record_withdrawn(w, role):
    w["interview"].consents.filter(use="record").update(withdrawn_on=timezone.localdate())


def share_refused(w, role):
    """A use she refused at the interview, to be given later."""
    w["interview"].consents.filter(use="share").update(granted=False)


def consent_url(name, use):
    return lambda w: reverse(name, args=[w["interview"].consents.get(use=use).pk])


def erase_post(w, client, role):
    """Her record erased from the page. An erasure lists her data key in keys.json, which
    must not reach other tests: the request runs on a copy of it."""
    code = w["interview"].interviewee.code
    with tempfile.TemporaryDirectory() as data_dir:
        shutil.copy2(keyring.meta_path(), Path(data_dir) / keyring.META_NAME)
        with override_settings(DATA_DIR=Path(data_dir)):
            return client.post(
                reverse("erasure:interviewee_erase", args=[code]),
                {"confirmation": code, "reason": "Fictional request by letter"},
            )


def event_data(w):
    return {
        "stage": term(Kind.STAGE, "china").pk,
        "event_type": term(Kind.EVENT_TYPE, "sold").pk,
        "place": term(Kind.PLACE, "cn-jilin").pk,
        "start_year": 1999,
    }


RECIPES = {
    ("core:home", "GET"): get("core:home"),
    ("core:language", "POST"): post(lambda w: reverse("core:language"), {"language": "ko"}),
    ("accounts:login", "GET"): lambda w, client, role: client.get(reverse("accounts:login")),
    ("accounts:login", "POST, wrong password"): login_post("not-the-password-at-all"),
    ("accounts:login", "POST, right password"): login_post(PASSWORD),
    ("accounts:verify", "POST, wrong code"): verify_post(False),
    ("accounts:verify", "POST, right code"): verify_post(True),
    ("accounts:enrol", "POST, wrong code"): enrol_post(False),
    ("accounts:enrol", "POST, right code"): enrol_post(True),
    ("accounts:reauth", "GET"): get("accounts:reauth"),
    ("accounts:reauth", "POST, wrong password"): reauth_post(False),
    ("accounts:reauth", "POST, right password and code"): reauth_post(True),
    ("accounts:logout", "POST"): post(lambda w: reverse("accounts:logout")),
    ("accounts:user_list", "GET"): get("accounts:user_list"),
    ("accounts:user_add", "GET"): get("accounts:user_add"),
    ("accounts:user_add", "POST"): post(
        lambda w: reverse("accounts:user_add"), {"username": "fictional-new", "role": "coder"}
    ),
    ("accounts:user_role", "GET"): get("accounts:user_role", username="fictional-staff"),
    ("accounts:user_role", "POST"): post(
        lambda w: reverse("accounts:user_role", args=["fictional-staff"]), {"role": "researcher"}
    ),
    ("accounts:user_password_reset", "GET"): get(
        "accounts:user_password_reset", username="fictional-staff"
    ),
    ("accounts:user_password_reset", "POST"): post(
        lambda w: reverse("accounts:user_password_reset", args=["fictional-staff"])
    ),
    ("accounts:user_disable", "GET"): get("accounts:user_disable", username="fictional-staff"),
    ("accounts:user_disable", "POST"): post(
        lambda w: reverse("accounts:user_disable", args=["fictional-staff"])
    ),
    ("accounts:user_second_factor_reset", "GET"): get(
        "accounts:user_second_factor_reset", username="fictional-staff"
    ),
    ("accounts:user_second_factor_reset", "POST"): post(
        lambda w: reverse("accounts:user_second_factor_reset", args=["fictional-staff"])
    ),
    ("codebook:term_list", "GET"): get("codebook:term_list"),
    ("codebook:term_new", "GET"): get("codebook:term_new"),
    ("codebook:term_new", "POST"): post(
        lambda w: reverse("codebook:term_new"),
        {
            "kind": Kind.FACILITY,
            "code": "fictional-shelter",
            "label_ko": "가상 쉼터",
            "label_en": "Fictional shelter",
        },
    ),
    ("codebook:term_pick", "GET"): lambda w, client, role: client.get(
        reverse("codebook:term_pick"), {"kind": "place", "q": "hye"}
    ),
    ("archive:interviewee_list", "GET"): get("archive:interviewee_list"),
    ("archive:intake", "GET"): get("archive:intake"),
    ("archive:intake", "POST"): post(
        lambda w: reverse("archive:intake"),
        lambda w: {
            "birth_year": 1968,
            "home_province": term(Kind.PLACE, "kp-ryanggang").pk,
            "family_in_north": "yes",
        },
    ),
    ("archive:interviewee_detail", "GET"): lambda w, client, role: client.get(
        code_url("archive:interviewee_detail")(w)
    ),
    ("archive:interviewee_edit", "GET"): lambda w, client, role: client.get(
        code_url("archive:interviewee_edit")(w)
    ),
    ("archive:interviewee_edit", "POST"): post(
        code_url("archive:interviewee_edit"),
        lambda w: {
            "birth_year": 1971,
            "home_province": term(Kind.PLACE, "kp-hamgyongbuk").pk,
            "social_class": term(Kind.SOCIAL_CLASS, "lower").pk,
            "family_in_north": "unknown",
        },
    ),
    ("archive:interview_edit", "GET"): lambda w, client, role: client.get(
        interview_url("archive:interview_edit")(w)
    ),
    ("archive:interview_edit", "POST"): post(
        interview_url("archive:interview_edit"),
        lambda w: {
            "date": "2019-05-06",
            "interviewer": w["interview"].interviewer.pk,
            "language": "ko",
        },
    ),
    ("archive:interview_new", "GET"): lambda w, client, role: client.get(
        code_url("archive:interview_new")(w)
    ),
    ("archive:interview_new", "POST"): post(
        code_url("archive:interview_new"),
        lambda w: {
            "date": "2020-02-03",
            "interviewer": w["interview"].interviewer.pk,
            "language": "ko",
            "consent_record": "on",
        },
    ),
    ("archive:transcript_edit", "GET"): lambda w, client, role: client.get(
        interview_url("archive:transcript_edit")(w)
    ),
    ("archive:transcript_edit", "POST"): post(
        interview_url("archive:transcript_edit"),
        {
            "segments-TOTAL_FORMS": 1,
            "segments-INITIAL_FORMS": 0,
            "segments-0-speaker": "interviewee",
            "segments-0-text_en": SAID,
        },
    ),
    ("archive:transcript_edit", "GET, consent to be recorded withdrawn: refused"): Prepared(
        record_withdrawn,
        lambda w, client, role: client.get(interview_url("archive:transcript_edit")(w)),
    ),
    ("archive:journey_edit", "GET"): lambda w, client, role: client.get(
        interview_url("archive:journey_edit")(w)
    ),
    ("archive:journey_edit", "POST"): post(interview_url("archive:journey_edit"), event_data),
    ("archive:journey_edit", "GET, consent to be recorded withdrawn: refused"): Prepared(
        record_withdrawn,
        lambda w, client, role: client.get(interview_url("archive:journey_edit")(w)),
    ),
    ("archive:event_edit", "GET, consent to be recorded withdrawn: refused"): Prepared(
        record_withdrawn,
        lambda w, client, role: client.get(reverse("archive:event_edit", args=[first_event(w).pk])),
    ),
    ("archive:event_edit", "GET"): lambda w, client, role: client.get(
        reverse("archive:event_edit", args=[first_event(w).pk])
    ),
    ("archive:event_edit", "POST"): post(
        lambda w: reverse("archive:event_edit", args=[last_event(w).pk]), event_data
    ),
    ("archive:event_delete", "GET"): lambda w, client, role: client.get(
        reverse("archive:event_delete", args=[last_event(w).pk])
    ),
    ("archive:event_delete", "POST, confirmed"): post(
        lambda w: reverse("archive:event_delete", args=[last_event(w).pk]), {"confirm": "yes"}
    ),
    ("archive:event_move", "POST"): post(
        lambda w: reverse("archive:event_move", args=[last_event(w).pk, "up"])
    ),
    ("archive:event_delete", "GET, consent to be recorded withdrawn: refused"): Prepared(
        record_withdrawn,
        lambda w, client, role: client.get(
            reverse("archive:event_delete", args=[last_event(w).pk])
        ),
    ),
    ("archive:event_move", "POST, consent to be recorded withdrawn: refused"): Prepared(
        record_withdrawn,
        post(lambda w: reverse("archive:event_move", args=[last_event(w).pk, "up"])),
    ),
    ("archive:consent_withdraw", "GET"): lambda w, client, role: client.get(
        consent_url("archive:consent_withdraw", "statistics")(w)
    ),
    ("archive:consent_withdraw", "POST, with a reason"): post(
        consent_url("archive:consent_withdraw", "statistics"),
        {"reason": "She no longer wants to be counted (fictional)", "confirm": "on"},
    ),
    ("archive:consent_give", "GET"): Prepared(
        share_refused,
        lambda w, client, role: client.get(consent_url("archive:consent_give", "share")(w)),
    ),
    ("archive:consent_give", "POST, a use first refused"): Prepared(
        share_refused,
        post(consent_url("archive:consent_give", "share"), {"date": "2024-02-01"}),
    ),
    ("erasure:interviewee_erase", "GET"): lambda w, client, role: client.get(
        code_url("erasure:interviewee_erase")(w)
    ),
    ("erasure:interviewee_erase", "POST, her code and a reason"): erase_post,
    ("vault:lookup", "GET"): get("vault:lookup"),
    ("vault:lookup", "POST"): post(
        lambda w: reverse("vault:lookup"), {"kind": "name", "value": "Fictional Kim"}
    ),
    ("vault:policy", "GET"): get("vault:policy"),
    ("vault:policy", "POST"): post(lambda w: reverse("vault:policy"), {}),
    ("vault:identity_reveal", "GET"): lambda w, client, role: client.get(
        code_url("vault:identity_reveal")(w)
    ),
    ("vault:identity_reveal", "POST"): post(
        code_url("vault:identity_reveal"), {"reason": "Fictional tracing request 7"}
    ),
    ("vault:identity_edit", "GET"): lambda w, client, role: (
        client.get(code_url("vault:identity_edit")(w))
        if role != Role.INTERVIEWER
        else (
            Identity.objects.filter(interviewee=w["interview"].interviewee).delete(),
            client.get(code_url("vault:identity_edit")(w)),
        )[1]
    ),
    ("vault:identity_edit", "POST, a first identity"): Prepared(
        identity_forgotten, identity_edit_post
    ),
    ("vault:identity_edit", "POST as custodian, a reason to correct it"): identity_reason_post,
    ("vault:identity_edit", "POST as custodian, the correction"): identity_correction_post,
    ("audit:entry_list", "GET"): get("audit:entry_list"),
    ("audit:verify", "POST"): post(lambda w: reverse("audit:verify")),
    ("protection:review", "GET"): lambda w, client, role: client.get(
        interview_url("protection:review")(w)
    ),
    ("protection:review_decide", "POST"): post(
        interview_url("protection:review_decide"),
        {"lang": "en", "text": "TRANSCRIPT-MARK", "action": "reject"},
    ),
    ("protection:review_missed", "POST"): post(
        interview_url("protection:review_missed"), {"form": "TRANSCRIPT-MARK", "label": "PERSON"}
    ),
    ("protection:review_policy", "POST"): post(
        interview_url("protection:review_policy"), {"person": "remove"}
    ),
    ("protection:review_segments", "POST"): post(
        interview_url("protection:review_segments"), segments_seen
    ),
    ("protection:release_new", "POST, not yet reviewed"): Prepared(transcript_changed, release_new),
    ("protection:release_new", "POST, every passage reviewed"): release_new,
    ("protection:release_list", "GET"): get("protection:release_list"),
    ("protection:release_detail", "GET"): lambda w, client, role: client.get(
        reverse("protection:release_detail", args=[w["quoted"].pk])
    ),
    ("protection:release_download", "GET"): lambda w, client, role: client.get(
        reverse("protection:release_download", args=[w["shared"].pk, "txt"])
    ),
    ("protection:excerpt_toggle", "POST"): post(excerpt_url, {"position": 0}),
    ("protection:excerpt_toggle", "POST, chosen before"): Prepared(
        excerpt_chosen, post(excerpt_url, {"position": 0})
    ),
    ("protection:excerpt_toggle", "POST, consent withdrawn"): excerpt_withdrawn,
    ("reports:dashboard", "GET"): get("reports:dashboard"),
    ("reports:download_csv", "POST"): post(
        lambda w: reverse("reports:download_csv", args=["origin_provinces"])
    ),
    ("reports:download_datapackage", "POST"): post(
        lambda w: reverse("reports:download_datapackage")
    ),
    ("search:results", "GET, with words"): lambda w, client, role: client.get(
        reverse("search:results"), {"q": "aunt"}
    ),
    ("search:results", "GET, a code of the team"): lambda w, client, role: client.get(
        reverse("search:results"), {"q": w["interview"].interviewee.code}
    ),
    ("search:suggest", "GET"): lambda w, client, role: client.get(
        reverse("search:suggest"), {"q": "hye"}
    ),
}


def requested(recipe, world, client, role):
    """Prepare the records, note where the trail ends, make the request."""
    if isinstance(recipe, Prepared):
        recipe.prepare(world, role)
        recipe = recipe.request
    since = last_seq()
    return since, recipe(world, client, role)


def roles_of(name: str) -> list[str]:
    allowed = ROUTES[name].allowed
    return [role.value for role in Role if allowed == PUBLIC or role in allowed]


def roles_of_row(name: str, request: str) -> list[str]:
    """The roles a row is walked with: every role the page allows, or the one the row names
    ("POST as custodian, ..."), for a step only that role takes (an interviewer never corrects
    an identity; her refusal is test_an_interviewer_refused_one_record_is_recorded_too)."""
    named = re.search(r"\bas (" + "|".join(Role.values) + r")\b", request)
    return [named.group(1)] if named else roles_of(name)


def allowed_cases():
    return [
        (page, request, role) for (page, request) in RECIPES for role in roles_of_row(page, request)
    ]


def refused_cases():
    return [
        (route.name, role.value)
        for route in ROUTES.values()
        if route.allowed != PUBLIC
        for role in Role
        if role not in route.allowed
    ]


def unlabelled_details(entries) -> set[str]:
    return {
        key
        for entry in entries
        for key in (entry.detail if isinstance(entry.detail, dict) else {})
        if key not in DETAIL_LABELS and key not in HIDDEN_KEYS
    }


# -- the tests -------------------------------------------------------------------------------


def test_the_doc_and_the_recipes_name_the_same_requests():
    assert set(promised()) == set(RECIPES)


def test_every_page_has_a_row():
    assert {page for page, _request in promised()} == set(ROUTES)


def test_every_role_a_page_allows_is_walked_on_it():
    """A row for one role only must not leave another allowed role unwalked, nor name a
    role the page refuses."""
    walked = {(page, role) for page, _request, role in allowed_cases()}
    assert walked == {(page, role) for page in ROUTES for role in roles_of(page)}


@pytest.mark.parametrize(("page", "request_", "role"), allowed_cases())
def test_each_request_writes_exactly_the_promised_entries(
    client, users, world, page, request_, role
):
    sign_in(client, users[role])
    since, response = requested(RECIPES[(page, request_)], world, client, role)
    assert response.status_code in (200, 302, 403), response.status_code
    if response.status_code == 403:
        assert "refused" in request_, f"{page} refused {role} unexpectedly"
    assert actions_since(since) == promised()[(page, request_)]
    # The audit page names each detail in the reader's language: a key with no label showed
    # as English ("hits", "snippets") on the Korean page.
    assert unlabelled_details(entries_since(since)) == set()


@pytest.mark.parametrize(("page", "role"), refused_cases())
def test_each_refusal_writes_one_entry(client, users, world, page, role):
    """A role the page refuses leaves exactly one access.refused entry with its path."""
    sign_in(client, users[role])
    request_ = next(r for (p, r) in RECIPES if p == page)
    since, response = requested(RECIPES[(page, request_)], world, client, role)
    assert response.status_code == 403
    entry = assert_audited("access.refused", since=since, actor=users[role], reason="role")
    assert entry.detail["path"] == response.wsgi_request.path
    assert actions_since(since) == ["access.refused"]


# -- the entries themselves: target, actor and detail ----------------------------------------


def test_reading_a_record_names_her_and_the_reader(client, users, world):
    sign_in(client, users["researcher"])
    since = last_seq()
    client.get(code_url("archive:interviewee_detail")(world))
    assert_audited(
        "archive.record.read",
        world["interview"].interviewee,
        since=since,
        actor=users["researcher"],
    )


def test_reading_a_transcript_and_a_journey_name_the_interview(client, users, world):
    sign_in(client, users["coder"])
    since = last_seq()
    client.get(interview_url("archive:transcript_edit")(world))
    client.get(interview_url("archive:journey_edit")(world))
    assert_audited("archive.transcript.read", world["interview"], since=since)
    assert_audited("archive.journey.read", world["interview"], since=since)


def test_the_page_that_asks_before_removing_an_event_reads_the_journey(client, users, world):
    sign_in(client, users["coder"])
    event = last_event(world)
    since = last_seq()
    page = client.get(reverse("archive:event_delete", args=[event.pk]))
    assert page.status_code == 200
    assert_audited("archive.journey.read", world["interview"], since=since, actor=users["coder"])
    assert world["interview"].events.filter(pk=event.pk).exists()


def test_changing_a_journey_names_the_event(client, users, world):
    sign_in(client, users["coder"])
    event = last_event(world)
    since = last_seq()
    client.post(reverse("archive:event_edit", args=[event.pk]), event_data(world))
    assert_audited("archive.event.changed", world["interview"], since=since, event=event.pk)
    since = last_seq()
    client.post(reverse("archive:event_move", args=[event.pk, "up"]))
    assert_audited("archive.event.moved", world["interview"], since=since, event=event.pk)
    since = last_seq()
    client.post(reverse("archive:event_delete", args=[event.pk]), {"confirm": "yes"})
    assert_audited("archive.event.deleted", world["interview"], since=since, event=event.pk)


def test_adding_records_names_what_was_added(client, users, world):
    sign_in(client, users["interviewer"])
    since = last_seq()
    RECIPES[("archive:intake", "POST")](world, client, "interviewer")
    person = selectors.Interviewee.objects.order_by("-pk").first()
    assert_audited("archive.interviewee.created", person, since=since)
    since = last_seq()
    client.post(
        reverse("archive:interview_new", args=[person.code]),
        {
            "date": "2020-02-03",
            "interviewer": users["interviewer"].pk,
            "language": "ko",
            "consent_record": "on",
        },
    )
    assert_audited("archive.interview.created", person.interviews.get(), since=since)
    since = last_seq()
    client.post(interview_url("archive:journey_edit")(world), event_data(world))
    assert_audited("archive.event.added", world["interview"], since=since)
    since = last_seq()
    RECIPES[("archive:transcript_edit", "POST")](world, client, "interviewer")
    assert_audited("archive.transcript.saved", world["interview"], since=since)
    since = last_seq()
    RECIPES[("archive:consent_withdraw", "POST, with a reason")](world, client, "interviewer")
    assert_audited("archive.consent.withdrawn", world["interview"], since=since, use="statistics")


def test_the_vault_records_identities_look_ups_and_the_policy(client, users, world):
    sign_in(client, users["custodian"])
    identity_forgotten(world, "custodian")
    since = last_seq()
    identity_edit_post(world, client, "custodian")
    assert_audited("vault.identity.saved", world["interview"].interviewee, since=since)
    since = last_seq()
    RECIPES[("vault:lookup", "POST")](world, client, "custodian")
    assert_audited("vault.identity.looked_up", since=since, kind="name", found=0)
    sign_in(client, users["administrator"])
    since = last_seq()
    client.post(reverse("vault:policy"), {})
    assert_audited(
        "vault.policy.changed",
        VaultPolicy.objects.get(team=None),
        since=since,
        actor=users["administrator"],
        interviewers_may_reveal=False,
    )


def test_correcting_an_identity_is_a_reveal_then_a_change_both_naming_her(client, users, world):
    sign_in(client, users["custodian"])
    her = world["interview"].interviewee
    since = last_seq()
    opened = identity_reason_post(world, client, "custodian")
    assert "Fictional Kim" in opened.content.decode()  # the form opens filled in
    assert_audited("vault.identity.revealed", her, since=since, actor=users["custodian"])
    since = last_seq()
    identity_correction_post(world, client, "custodian")
    assert_audited(
        "vault.identity.changed", her, since=since, actor=users["custodian"], changed=["names"]
    )


def test_managing_accounts_names_the_account(client, users, world):
    sign_in(client, users["administrator"])
    since = last_seq()
    client.post(reverse("accounts:user_second_factor_reset", args=["fictional-staff"]))
    assert_audited("accounts.second_factor.reset", world["other"], since=since)
    since = last_seq()
    client.post(reverse("accounts:user_disable", args=["fictional-staff"]))
    assert_audited("accounts.user.disabled", world["other"], since=since)


def test_the_codebook_records_a_new_term(client, users, world):
    sign_in(client, users["administrator"])
    since = last_seq()
    RECIPES[("codebook:term_new", "POST")](world, client, "administrator")
    assert_audited("codebook.term.created", since=since, code="fictional-shelter")


def test_signing_in_and_out_is_recorded_step_by_step(client, users, world):
    since = last_seq()
    login_post("not-the-password-at-all")(world, client, "coder")
    assert_audited("auth.signin.failed", since=since, actor="coder")
    since = last_seq()
    login_post(PASSWORD)(world, client, "coder")
    assert_audited("auth.signin.password_accepted", since=since, actor=users["coder"])
    # A right code first: after a wrong one, django-otp makes the next try wait.
    since = last_seq()
    verify_post(True)(world, client, "coder")
    assert_audited("auth.signin.succeeded", since=since, actor=users["coder"])
    since = last_seq()
    verify_post(False)(world, client, "coder")
    assert_audited("auth.second_factor.failed", since=since, actor=users["coder"])
    since = last_seq()
    enrol_post(False)(world, client, "coder")
    assert_audited("auth.second_factor.enrolment_failed", since=since, actor=users["coder"])
    since = last_seq()
    enrol_post(True)(world, client, "coder")
    assert_audited("auth.second_factor.enrolled", since=since, actor=users["coder"])
    since = last_seq()
    reauth_post(True)(world, client, "coder")
    assert_audited("auth.reauth.succeeded", since=since, actor=users["coder"])
    since = last_seq()
    reauth_post(False)(world, client, "coder")
    assert_audited("auth.reauth.failed", since=since, actor=users["coder"])
    since = last_seq()
    client.post(reverse("accounts:logout"))
    assert_audited("auth.signout", since=since, actor=users["coder"])


def test_the_review_records_each_step_on_the_interview(client, users, world):
    sign_in(client, users["publisher"])
    interview = world["interview"]
    publisher = users["publisher"]

    def step(recipe):
        since = last_seq()
        RECIPES[recipe](world, client, "publisher")
        return since

    since = step(("protection:review", "GET"))
    assert_audited("protection.review.viewed", interview, since=since, actor=publisher)
    since = step(("protection:review_decide", "POST"))
    assert_audited("protection.decision", interview, since=since, action="reject", lang="en")
    since = step(("protection:review_missed", "POST"))
    assert_audited("protection.missed", interview, since=since, label="PERSON", occurrences=1)
    since = step(("protection:review_policy", "POST"))
    assert_audited("protection.policy", interview, since=since, actor=publisher)
    since = step(("protection:review_segments", "POST"))
    assert_audited("protection.reviewed", interview, since=since, segments=[0])
    transcript_changed(world, "publisher")
    since = step(("protection:release_new", "POST, every passage reviewed"))
    assert_audited("protection.release.refused", interview, since=since, use="quote")


def test_a_release_and_its_reading_name_the_release(client, users, world):
    sign_in(client, users["publisher"])
    since = last_seq()
    release_new(world, client, "publisher")
    entry = assert_audited("protection.released", since=since, use="quote")
    since = last_seq()
    client.get(reverse("protection:release_detail", args=[world["quoted"].pk]))
    assert_audited("protection.release.viewed", world["quoted"], since=since)
    since = last_seq()
    RECIPES[("protection:release_download", "GET")](world, client, "publisher")
    assert_audited("protection.release.exported", world["shared"], since=since, format="txt")
    since = last_seq()
    RECIPES[("protection:excerpt_toggle", "POST")](world, client, "publisher")
    assert_audited("protection.excerpt.chosen", world["quoted"], since=since, position=0)
    since = last_seq()
    RECIPES[("protection:excerpt_toggle", "POST")](world, client, "publisher")
    assert_audited("protection.excerpt.removed", world["quoted"], since=since, position=0)
    since = last_seq()
    excerpt_withdrawn(world, client, "publisher")
    assert_audited("protection.excerpt.refused", world["quoted"], since=since)
    assert entry.target_type == "protection.textrelease"


def test_statistics_and_search_are_recorded(client, users, world):
    sign_in(client, users["researcher"])
    since = last_seq()
    client.get(reverse("reports:dashboard"))
    assert_audited("reports.view", since=since, actor=users["researcher"])
    since = last_seq()
    RECIPES[("reports:download_csv", "POST")](world, client, "researcher")
    assert_audited("reports.release", since=since, table="origin_provinces")
    since = last_seq()
    client.get(reverse("search:results"), {"q": "aunt"})
    assert_audited("search.searched", since=since, words_ignored=True)


def test_a_code_typed_in_search_names_the_record_it_opens(client, users, world):
    sign_in(client, users["researcher"])
    her = world["interview"].interviewee
    since = last_seq()
    response = client.get(reverse("search:results"), {"q": her.code})
    assert response["Location"] == reverse("archive:interviewee_detail", args=[her.code])
    assert_audited("search.searched", her, since=since, actor=users["researcher"], code=True)


def test_reading_and_verifying_the_trail_are_recorded(client, users, world):
    sign_in(client, users["administrator"])
    since = last_seq()
    client.get(reverse("audit:entry_list"), {"action": "archive."})
    assert_audited("audit.trail.read", since=since, filters={"action": "archive."})
    since = last_seq()
    client.post(reverse("audit:verify"))
    assert_audited("audit.trail.verified", since=since, intact=True)


def test_a_reveal_is_recorded_before_she_is_shown(client, users, world):
    sign_in(client, users["custodian"])
    since = last_seq()
    RECIPES[("vault:identity_reveal", "POST")](world, client, "custodian")
    assert_audited("vault.identity.revealed", world["interview"].interviewee, since=since)


def test_an_interviewer_refused_one_record_is_recorded_too(client, users, world):
    """The role may use the page, but not for this record: the view's own refusal is audited
    like the role's (an identity once recorded is replaced only by the custodian)."""
    sign_in(client, users["interviewer"])
    since = last_seq()
    response = client.post(code_url("vault:identity_edit")(world), {"names": "Fictional Kim Third"})
    assert response.status_code == 403
    assert_audited("access.refused", since=since, actor=users["interviewer"], reason="record")
    assert actions_since(since) == ["access.refused"]


def test_a_reveal_the_policy_does_not_allow_is_recorded(client, users, world):
    VaultPolicy.objects.update_or_create(pk=1, defaults={"interviewers_may_reveal": False})
    sign_in(client, users["interviewer"])
    since = last_seq()
    response = client.get(code_url("vault:identity_reveal")(world))
    assert response.status_code == 403
    assert_audited("access.refused", since=since, reason="record")


def test_the_walk_covers_many_requests():
    """The walk is not empty: it would prove nothing."""
    assert len(allowed_cases()) > 100
    assert len(refused_cases()) > 100
