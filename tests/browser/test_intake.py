"""The whole guided intake, as an interviewer does it, once in Korean and once in English."""

import pytest
from django.utils import translation

from journeys.archive import selectors
from journeys.archive.models import Interviewee, JourneyEvent, Segment
from journeys.codebook.models import Term
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

TEXT = {
    "ko": {
        "sign_in": "로그인",
        "save_continue": "저장하고 계속",
        "add_passage": "단락 추가",
        "save_transcript": "녹취록 저장",
        "add_event": "여정에 추가",
        "finish": "마치고 기록 보기",
        "timeline_place": "혜산",
    },
    "en": {
        "sign_in": "Sign in",
        "save_continue": "Save and continue",
        "add_passage": "Add a passage",
        "save_transcript": "Save the transcript",
        "add_event": "Add to the journey",
        "finish": "Finish: see the record",
        "timeline_place": "Hyesan",
    },
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_interviewer_takes_an_interview_from_intake_to_a_coded_journey(
    live_server, page, screenshot, staff, lang
):
    words = TEXT[lang]
    translation.activate(lang)  # so Term.labels below reads as the page shows it
    staff("interviewer")
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", "interviewer-b")
    page.fill("#id_password", PASSWORD)
    page.click(f"form button.primary:has-text('{words['sign_in']}')")
    give_code(page, live_server.url)
    page.wait_for_url(f"{live_server.url}/")

    page.goto(f"{live_server.url}/archive/intake/")
    page.fill("#id_birth_year", "1971")
    ryanggang = Term.objects.get(kind="place", code="kp-ryanggang")
    page.select_option("#id_home_province", label=ryanggang.labels)
    page.select_option("#id_family_in_north", "yes")
    screenshot(f"intake-1-{lang}")
    page.click(f"button:has-text('{words['save_continue']}')")

    page.fill("#id_date", "2019-04-02")
    page.check("#id_consent_record")
    page.check("#id_consent_quote")
    page.check("#id_consent_statistics")
    screenshot(f"intake-2-{lang}")
    page.click(f"button:has-text('{words['save_continue']}')")

    page.fill("#id_segments-0-text_ko", "저는 1998년 봄에 두만강을 건넜습니다.")
    page.fill("#id_segments-0-text_en", "I crossed the Tumen River in the spring of 1998.")
    page.click(f"button:has-text('{words['add_passage']}')")
    assert page.errors == []
    page.fill("#id_segments-1-text_ko", "혜산에서 브로커를 만났습니다.")
    page.fill("#id_segments-1-text_en", "I met a broker in Hyesan.")
    screenshot(f"intake-3-{lang}")
    page.click(f"button:has-text('{words['save_transcript']}')")

    page.select_option("#id_stage", value=str(Term.objects.get(kind="stage", code="leaving").pk))
    crossing = Term.objects.get(kind="event_type", code="crossing")
    page.select_option("#id_event_type", value=str(crossing.pk))
    page.fill("#place-search", "혜산" if lang == "ko" else "hyesan")
    page.locator(".picker-options button").first.click()
    deceived = Term.objects.get(kind="way_leaving", code="trafficked_deceived")
    box = page.locator(f"input[name=codes][value='{deceived.pk}']")
    box.locator("xpath=ancestor::details/summary").click()
    box.check()
    page.fill("#id_start_year", "1998")
    page.fill("#id_start_month", "3")
    screenshot(f"intake-4-{lang}")
    page.click(f"button:has-text('{words['add_event']}')")
    page.click(f"a:has-text('{words['finish']}')")

    page.wait_for_selector(".timeline")
    screenshot(f"record-{lang}")
    timeline = page.inner_text(".timeline")
    assert words["timeline_place"] in timeline
    assert "1998.03" in timeline
    person = Interviewee.objects.get()
    assert person.birth_year == 1971
    assert Segment.objects.filter(interview__interviewee=person).count() == 2
    event = JourneyEvent.objects.get()
    # The province is readable for statistics; the town itself is sealed.
    assert (event.place.code, event.start_year) == ("kp-ryanggang", 1998)
    assert (
        selectors.event_for_edit(event.pk, person.created_by).place_shown.code
        == "kp-ryanggang-hyesan"
    )
    assert b"kp-ryanggang-hyesan" not in bytes(event.place_detail_sealed)
    assert list(event.codes.values_list("code", flat=True)) == ["trafficked_deceived"]
