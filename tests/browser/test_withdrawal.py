"""An interviewer records that a woman withdraws her consent to be recorded: asked to
confirm and to say why, then the record shows it, in Korean and in English."""

import datetime as dt

import pytest

from journeys.archive import services
from journeys.archive.models import Interview
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Term
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

TEXT = {
    "ko": {"withdraw": "동의 철회하기", "banner": "동의가 철회되었습니다", "asks": "철회하는 이유"},
    "en": {"withdraw": "Withdraw the consent", "banner": "Consent withdrawn on", "asks": "Say why"},
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_interviewer_records_a_withdrawal_with_a_reason_and_sees_it_take_effect(
    live_server, page, screenshot, staff, lang
):
    words = TEXT[lang]
    interviewer = staff("interviewer")
    person = services.interviewee_create(
        acting_user=interviewer, birth_year=1969, home_province=Term.objects.get(code="kp-rason")
    )
    interview = services.interview_create(
        acting_user=interviewer,
        interviewee=person,
        date=dt.date(2018, 9, 3),
        interviewer=interviewer,
        language="ko+en",
        consents={"record": True, "statistics": True},
    )
    services.transcript_save(
        acting_user=interviewer,
        interview=interview,
        segments=[services.SegmentInput(text_ko="가상의 증언입니다.", text_en="A fictional text.")],
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", interviewer.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)

    page.goto(f"{live_server.url}/archive/interviewees/{person.code}/")
    assert "A fictional text." in page.content()
    record = interview.consents.get(use="record")
    page.click(f"a[href='/archive/consents/{record.pk}/withdraw/']")
    # Submitting without a reason or the tick changes nothing and says why.
    page.click(f"button:has-text('{words['withdraw']}')")
    assert words["asks"] in page.content()
    assert Interview.objects.withdrawn().count() == 0
    page.fill("#id_reason", "She asked by telephone (fictional).")
    page.check("#id_confirm")
    screenshot(f"withdraw-{lang}")
    page.click(f"button:has-text('{words['withdraw']}')")
    page.wait_for_url(f"{live_server.url}/archive/interviewees/{person.code}/")
    screenshot(f"withdrawn-record-{lang}")
    assert words["banner"] in page.inner_text(".withdrawn-banner")
    assert "A fictional text." not in page.content()
    assert page.errors == []
    assert list(Interview.objects.withdrawn()) == [interview]
    assert AuditEntry.objects.filter(action="archive.consent.withdrawn").count() == 1
