"""A small archive whose numbers are counted by hand in the tests."""

import datetime as dt

from journeys.archive import services
from journeys.codebook.models import Kind
from tests.conftest import term


def woman(
    users,
    *,
    province="kp-hamgyongbuk",
    born=1972,
    social_class="lower",
    statistics=True,
    way="broker",
    price=None,
    repatriations=0,
    violations=(),
    interviewer="interviewer",
):
    """One interviewee with one interview and a coded crossing (and what else is asked)."""
    acting = users[interviewer]
    person = services.interviewee_create(
        acting_user=acting,
        birth_year=born,
        home_province=term(Kind.PLACE, province),
        social_class=term(Kind.SOCIAL_CLASS, social_class) if social_class else None,
    )
    interview = services.interview_create(
        acting_user=acting,
        interviewee=person,
        date=dt.date(2019, 5, 4),
        interviewer=acting,
        language="ko",
        consents={"record": True, "quote": False, "statistics": statistics, "share": False},
    )
    event(
        users, interview, "leaving", "crossing", start_year=1998, codes=((Kind.WAY_LEAVING, way),)
    )
    if price or violations:
        codes = tuple((Kind.VIOLATION, v) for v in violations)
        event(users, interview, "china", "sold", price_yuan=price, start_year=1999, codes=codes)
    for _time in range(repatriations):
        event(users, interview, "caught", "repatriation", start_year=2001)
        event(
            users,
            interview,
            "detention",
            "detention",
            start_year=2001,
            facility=term(Kind.FACILITY_TYPE, "jipkyulso"),
        )
    return interview


def event(users, interview, stage, event_type, codes=(), **values):
    return services.event_add(
        acting_user=users["coder"],
        interview=interview,
        data=services.EventInput(
            stage=term(Kind.STAGE, stage),
            event_type=term(Kind.EVENT_TYPE, event_type),
            codes=tuple(term(kind, code) for kind, code in codes),
            **values,
        ),
    )
