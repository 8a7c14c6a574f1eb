import datetime as dt

import pytest

from journeys.archive import services
from journeys.codebook.models import Kind
from tests.conftest import term


@pytest.fixture
def testimony(users):
    """An interviewee with one interview and this transcript (Korean and English passages),
    saved through the archive's services, as the pages would."""

    def make(ko=(), en=(), *, province="kp-hamgyongbuk", language="ko+en", user=None):
        acting = user or users["interviewer"]
        person = services.interviewee_create(
            acting_user=acting, birth_year=1970, home_province=term(Kind.PLACE, province)
        )
        interview = services.interview_create(
            acting_user=acting,
            interviewee=person,
            date=dt.date(2018, 3, 1),
            interviewer=acting,  # an interviewer of her own team
            language=language,
            consents={"record": True},
        )
        ko, en = list(ko), list(en)
        width = max(len(ko), len(en))
        ko += [""] * (width - len(ko))
        en += [""] * (width - len(en))
        services.transcript_save(
            acting_user=acting,
            interview=interview,
            segments=[
                services.SegmentInput(text_ko=k, text_en=e) for k, e in zip(ko, en, strict=True)
            ],
        )
        return interview

    return make
