"""A 50,000-character paste in the transcript editor, in Korean and in English pages: saved
whole as passages, or (over what one interview may hold) refused on the page with every
character kept."""

import datetime as dt

import pytest
from django.test import override_settings

from journeys.archive import selectors, services
from journeys.archive.models import Segment
from journeys.codebook.models import Term
from tests.browser.conftest import PASSWORD, give_code

pytestmark = pytest.mark.browser

# Fictional sentences, in paragraphs, 50,000 characters in all.
PARAGRAPH = "1998년 봄에 동무와 함께 강을 건넜는데 물이 가슴까지 찼습니다. " * 20
PASTE = ("\n\n".join([PARAGRAPH.strip()] * 80))[:50_000]
WORDS = {
    "ko": {
        "save": "녹취록 저장",
        "split": "녹취록은 이제 3개 단락입니다",
        "too_long": "이 녹취록은 모두 40,000자가 넘어",
    },
    "en": {
        "save": "Save the transcript",
        "split": "the transcript now has 3 passages",
        "too_long": "This transcript is longer than 40,000 characters in all",
    },
}


def an_interview(interviewer):
    person = services.interviewee_create(
        acting_user=interviewer,
        birth_year=1975,
        home_province=Term.objects.get(code="kp-hamgyongbuk"),
    )
    return services.interview_create(
        acting_user=interviewer,
        interviewee=person,
        date=dt.date(2019, 4, 2),
        interviewer=interviewer,
        language="ko",
        consents={"record": True},
    )


def open_editor(page, live_server, interviewer, interview, lang):
    page.goto(f"{live_server.url}/accounts/login/")
    page.click(f"button[name=language][value={lang}]")
    page.fill("#id_username", interviewer.username)
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    give_code(page, live_server.url)
    page.goto(f"{live_server.url}/archive/interviews/{interview.pk}/transcript/")


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_50000_character_paste_is_saved_whole_as_passages(
    live_server, page, screenshot, staff, lang
):
    interviewer = staff("interviewer")
    interview = an_interview(interviewer)
    # sealing and indexing 50,000 characters takes seconds, more on a shared machine
    page.set_default_timeout(120_000)
    open_editor(page, live_server, interviewer, interview, lang)
    page.fill("#id_segments-0-text_ko", PASTE)
    assert len(page.input_value("#id_segments-0-text_ko")) == 50_000  # nothing cut
    page.click(f"button:has-text('{WORDS[lang]['save']}')")
    page.wait_for_url(f"{live_server.url}/archive/interviews/{interview.pk}/journey/")
    screenshot(f"transcript-split-{lang}")
    assert WORDS[lang]["split"] in page.inner_text(".messages")
    saved = selectors.transcript_of(selectors.interview_for_edit(interview.pk, interviewer))
    assert len(saved) == 3
    assert max(len(s.text_ko) for s in saved) <= 20_000
    assert "".join(s.text_ko for s in saved).replace("\n", "").replace(" ", "") == (
        PASTE.replace("\n", "").replace(" ", "")
    )
    assert page.errors == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_paste_over_what_one_interview_holds_is_refused_and_kept(
    live_server, page, screenshot, staff, lang
):
    interviewer = staff("interviewer")
    interview = an_interview(interviewer)
    with override_settings(JOURNEYS_MAX_TRANSCRIPT_CHARS=40_000):
        open_editor(page, live_server, interviewer, interview, lang)
        page.fill("#id_segments-0-text_ko", PASTE)
        page.click(f"button:has-text('{WORDS[lang]['save']}')")
        notice = page.locator("#transcript-too-long")
        notice.wait_for(state="visible")
        screenshot(f"transcript-too-long-{lang}")
        assert WORDS[lang]["too_long"] in notice.inner_text()
        assert page.url.endswith(f"/archive/interviews/{interview.pk}/transcript/")
        assert page.input_value("#id_segments-0-text_ko") == PASTE
    assert not Segment.objects.filter(interview=interview).exists()
    assert page.errors == []
