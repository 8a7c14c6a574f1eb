import datetime as dt

import pytest

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.archive import services
from journeys.codebook.models import Kind, Term
from journeys.codebook.services import codebook_load


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
    def sign_in(role: str):
        client.force_login(users[role])
        return client

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
