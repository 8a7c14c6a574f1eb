"""A long transcript is never cut silently: a long untranslated paste becomes several
passages, and what cannot be saved is refused with a message, keeping what was typed."""

import re
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from journeys.archive import selectors, services
from journeys.archive.models import Segment
from journeys.audit.models import AuditEntry

SENTENCE = "1998년 봄에 동무와 함께 강을 건넜는데 물이 가슴까지 찼습니다. "


def long_text(chars: int) -> str:
    """Paragraphs of fictional sentences, `chars` characters in all."""
    paragraph = SENTENCE * 20 + "\n\n"
    return (paragraph * (chars // len(paragraph) + 1))[:chars]


def transcript(interview):
    return selectors.transcript_of(
        selectors.interview_for_edit(interview.pk, interview.interviewer)
    )


def in_language(client, code):
    client.cookies["journeys_language"] = code
    return client


def editor_post(*rows):
    data = {"segments-TOTAL_FORMS": len(rows), "segments-INITIAL_FORMS": 0}
    for i, (ko, en) in enumerate(rows):
        data |= {
            f"segments-{i}-speaker": "interviewee",
            f"segments-{i}-text_ko": ko,
            f"segments-{i}-text_en": en,
        }
    return data


class TestTheService:
    def test_a_long_untranslated_passage_is_split_at_sentence_ends(self, users, interview):
        pasted = long_text(50_000)
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            segments=[services.SegmentInput(text_ko="앞 단락."), services.SegmentInput(pasted)],
        )
        saved = transcript(interview)
        assert len(saved) == 4  # the first row, then 50,000 characters in three
        assert saved[0].text_ko == "앞 단락."
        assert all(len(s.text_ko) <= 20_000 for s in saved)
        # cut where a sentence ends (the last piece ends where the paste did)
        assert all(s.text_ko.endswith("찼습니다.") for s in saved[1:-1])
        rejoined = "".join(s.text_ko for s in saved[1:])
        assert rejoined.replace("\n", "").replace(" ", "") == pasted.strip().replace(
            "\n", ""
        ).replace(" ", "")

    def test_an_english_paste_is_split_too(self, users, interview):
        pasted = ("We crossed the river at night. " * 40 + "\n\n") * 30
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            segments=[services.SegmentInput(text_en=pasted)],
        )
        saved = transcript(interview)
        assert len(saved) == 2
        assert {s.text_ko for s in saved} == {""}

    def test_a_long_passage_beside_its_translation_is_refused(self, users, interview):
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            segments=[services.SegmentInput("이전 녹취록.")],
        )
        with pytest.raises(ValidationError, match="Passage 1 is longer than 20,000"):
            services.transcript_save(
                acting_user=users["coder"],
                interview=interview,
                segments=[services.SegmentInput(long_text(25_000), "Its translation.")],
            )
        assert [s.text_ko for s in transcript(interview)] == ["이전 녹취록."]

    @override_settings(JOURNEYS_MAX_TRANSCRIPT_CHARS=30_000)
    def test_more_than_one_interview_may_hold_is_refused_whole(self, users, interview):
        with pytest.raises(ValidationError, match="more than the 30,000"):
            services.transcript_save(
                acting_user=users["coder"],
                interview=interview,
                segments=[services.SegmentInput(long_text(31_000))],
            )
        assert not Segment.objects.exists()
        assert not AuditEntry.objects.filter(action="archive.transcript.saved").exists()

    def test_windows_line_ends_count_as_the_browser_counts_them(self, users, interview):
        text = ("가" * 99 + "\r\n") * 200  # 20,000 characters as the browser counts
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            segments=[services.SegmentInput(text)],
        )
        assert len(transcript(interview)) == 1


class TestTheEditor:
    def test_the_text_boxes_have_no_maxlength_that_would_cut_a_paste(self, as_role, interview):
        page = as_role("coder").get(reverse("archive:transcript_edit", args=[interview.pk]))
        textareas = re.findall(r"<textarea[^>]*>", page.content.decode())
        assert len(textareas) == 4  # the row, and the template of a new one
        assert not [t for t in textareas if "maxlength" in t]

    @pytest.mark.parametrize(
        ("language", "said"),
        [
            ("en", "the transcript now has 3 passages"),
            ("ko", "녹취록은 이제 3개 단락입니다"),
        ],
    )
    def test_a_50000_character_paste_is_saved_as_passages_and_says_so(
        self, as_role, interview, language, said
    ):
        client = in_language(as_role("coder"), language)
        response = client.post(
            reverse("archive:transcript_edit", args=[interview.pk]),
            editor_post((long_text(50_000), "")),
            follow=True,
        )
        assert said in response.content.decode()
        assert Segment.objects.filter(interview=interview).count() == 3

    @pytest.mark.parametrize(
        ("language", "said"),
        [("en", "has a translation beside it"), ("ko", "옆에 번역이 있습니다")],
    )
    def test_a_refusal_keeps_every_word_typed(self, as_role, interview, language, said):
        client = in_language(as_role("coder"), language)
        typed = long_text(25_000)
        response = client.post(
            reverse("archive:transcript_edit", args=[interview.pk]),
            editor_post(("둘째 줄.", "Second row."), (typed, "A translation typed by hand.")),
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert said in page
        assert typed.strip()[-200:] in page
        assert "A translation typed by hand." in page
        assert not Segment.objects.exists()

    def test_the_largest_transcript_accepted_fits_in_one_request(self, as_role, interview):
        # 16 passages of 20,000 Korean characters (320,000, the default limit), URL-encoded
        # as a browser sends a form: 9 bytes a character, over Django's default 2.5 MB
        rows = [(("나는강을건넜다" * 3000)[:20_000], "")] * 16
        body = urlencode(editor_post(*rows))
        assert len(body) > 2.5 * 1024 * 1024
        response = as_role("coder").post(
            reverse("archive:transcript_edit", args=[interview.pk]),
            body,
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 302
        assert Segment.objects.filter(interview=interview).count() == 16
