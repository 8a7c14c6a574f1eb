import datetime as dt
import os

import pytest
from django.test import override_settings
from django.utils import translation

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.archive import services
from journeys.codebook.models import Kind, Term
from journeys.codebook.services import codebook_load
from journeys.keys import keyring
from tests.accounts.helpers import sign_in as sign_in_with_code


@pytest.fixture(scope="session", autouse=True)
def archive_keys(tmp_path_factory):
    """Every test session has a data directory and keys of its own, unlocked with a key file
    (JOURNEYS_KEY_FILE, which subprocesses started by tests inherit)."""
    data_dir = tmp_path_factory.mktemp("data")
    key_file = data_dir / "test.key"
    override = override_settings(DATA_DIR=data_dir)
    override.enable()
    os.environ["JOURNEYS_KEY_FILE"] = str(key_file)
    keyring.create(key=keyring.write_key_file(key_file))
    yield keyring.unlocked()
    keyring.lock()
    override.disable()


@pytest.fixture(autouse=True)
def english_by_default():
    """Outside a request, tests read messages in English unless they ask for Korean."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The real codebook, loaded once into the test database; each test rolls back on top."""
    with django_db_blocker.unblock():
        codebook_load()


def term(kind: str, code: str) -> Term:
    return Term.objects.get(kind=kind, code=code)


@pytest.fixture
def users(db) -> dict[str, User]:
    """One member of staff per role, named after the role (like healthchecks' alice and bob)."""
    return {role.value: User.objects.create(username=role.value, role=role) for role in Role}


@pytest.fixture
def as_role(client, users):
    """A client signed in as the role's user, password and second factor both given."""

    def sign_in(role: str):
        return sign_in_with_code(client, users[role])

    return sign_in


@pytest.fixture
def interviewee(users):
    return services.interviewee_create(
        acting_user=users["interviewer"],
        birth_year=1972,
        home_province=term(Kind.PLACE, "kp-hamgyongbuk"),
        social_class=term(Kind.SOCIAL_CLASS, "lower"),
        family_in_north="yes",
    )


@pytest.fixture
def interview(users, interviewee):
    return services.interview_create(
        acting_user=users["interviewer"],
        interviewee=interviewee,
        date=dt.date(2019, 5, 4),
        interviewer=users["interviewer"],
        language="ko+en",
        consents={"record": True, "quote": True, "statistics": True, "share": False},
    )


@pytest.fixture
def event(users, interview):
    return services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(
            stage=term(Kind.STAGE, "leaving"),
            event_type=term(Kind.EVENT_TYPE, "crossing"),
            place=term(Kind.PLACE, "kp-ryanggang-hyesan"),
            start_year=1998,
            start_month=3,
            codes=(term(Kind.WAY_LEAVING, "trafficked_deceived"),),
        ),
    )
