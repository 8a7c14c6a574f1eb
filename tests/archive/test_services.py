import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation

from journeys.archive import selectors, services
from journeys.archive.models import Consent, Interview, Interviewee, JourneyEvent
from journeys.codebook.models import Kind
from tests.conftest import term


def transcript(interview):
    return selectors.transcript_of(
        selectors.interview_for_edit(interview.pk, interview.interviewer)
    )


def province(code="kp-ryanggang"):
    return term(Kind.PLACE, code)


class TestIntervieweeCreate:
    def test_it_gives_the_next_pseudonymous_code(self, users, interviewee):
        second = services.interviewee_create(
            acting_user=users["interviewer"], birth_year=1965, home_province=province()
        )
        assert interviewee.code == "W-0001"
        assert second.code == "W-0002"
        assert second.created_by == users["interviewer"]

    def test_it_refuses_a_birth_year_in_the_future(self, users):
        with pytest.raises(ValidationError) as e:
            services.interviewee_create(
                acting_user=users["interviewer"],
                birth_year=timezone.localdate().year + 1,
                home_province=province(),
            )
        assert "birth_year" in e.value.message_dict
        assert not Interviewee.objects.exists()

    def test_it_refuses_a_town_as_home_province(self, users):
        with pytest.raises(ValidationError) as e:
            services.interviewee_create(
                acting_user=users["interviewer"],
                birth_year=1970,
                home_province=term(Kind.PLACE, "kp-ryanggang-hyesan"),
            )
        assert "home_province" in e.value.message_dict

    def test_its_messages_speak_the_users_language(self, users):
        with translation.override("ko"), pytest.raises(ValidationError) as e:
            services.interviewee_create(
                acting_user=users["interviewer"], birth_year=1800, home_province=province()
            )
        assert "1900" in e.value.message_dict["birth_year"][0]
        assert "연도" in e.value.message_dict["birth_year"][0]


class TestInterviewCreate:
    def test_it_records_consent_for_every_use(self, interview):
        consents = {c.use: c.granted for c in interview.consents.all()}
        assert consents == {"record": True, "quote": True, "statistics": True, "share": False}

    def test_it_refuses_an_interview_before_the_birth_year(self, users, interviewee):
        with pytest.raises(ValidationError) as e:
            services.interview_create(
                acting_user=users["interviewer"],
                interviewee=interviewee,
                date=dt.date(1960, 1, 1),
                interviewer=users["interviewer"],
                language="ko",
                consents={"record": True},
            )
        assert "date" in e.value.message_dict
        assert not Interview.objects.exists()
        assert not Consent.objects.exists()

    def test_it_refuses_a_date_in_the_future(self, users, interviewee):
        with pytest.raises(ValidationError, match="future"):
            services.interview_create(
                acting_user=users["interviewer"],
                interviewee=interviewee,
                date=timezone.localdate() + dt.timedelta(days=1),
                interviewer=users["interviewer"],
                language="ko",
                consents={"record": True},
            )

    def test_it_refuses_an_interview_without_consent_to_record(self, users, interviewee):
        with pytest.raises(ValidationError, match="consent to record"):
            services.interview_create(
                acting_user=users["interviewer"],
                interviewee=interviewee,
                date=dt.date(2020, 1, 1),
                interviewer=users["interviewer"],
                language="ko",
                consents={"record": False, "quote": True},
            )

    def test_a_researcher_cannot_be_named_interviewer(self, users, interviewee):
        with pytest.raises(ValidationError) as e:
            services.interview_create(
                acting_user=users["interviewer"],
                interviewee=interviewee,
                date=dt.date(2020, 1, 1),
                interviewer=users["researcher"],
                language="ko",
                consents={"record": True},
            )
        assert "interviewer" in e.value.message_dict


class TestConsentWithdraw:
    def test_withdrawal_keeps_the_consent_with_a_date(self, users, interview):
        consent = interview.consents.get(use="quote")
        services.consent_withdraw(
            acting_user=users["interviewer"],
            consent=consent,
            on=timezone.localdate(),
            reason="She asked (fictional).",
        )
        consent.refresh_from_db()
        assert consent.granted
        assert consent.withdrawn_on == timezone.localdate()
        assert not Interview.objects.filter(pk=interview.pk).consented_to("quote").exists()

    def test_withdrawing_twice_is_refused(self, users, interview):
        consent = interview.consents.get(use="quote")
        services.consent_withdraw(
            acting_user=None,
            consent=consent,
            on=timezone.localdate(),
            reason="She asked (fictional).",
        )
        with pytest.raises(ValidationError, match="already"):
            services.consent_withdraw(
                acting_user=None,
                consent=consent,
                on=timezone.localdate(),
                reason="She asked (fictional).",
            )


class TestTranscriptSave:
    def test_it_saves_segments_in_order_and_drops_empty_rows(self, users, interview):
        services.transcript_save(
            acting_user=users["coder"],
            interview=interview,
            segments=[
                services.SegmentInput(
                    text_ko="저는 1998년에 떠났습니다.", text_en="I left in 1998."
                ),
                services.SegmentInput(),
                services.SegmentInput(text_ko="강을 건넜습니다.", speaker="interviewee"),
            ],
        )
        texts = [(s.position, s.text_ko) for s in transcript(interview)]
        assert texts == [(0, "저는 1998년에 떠났습니다."), (1, "강을 건넜습니다.")]

    def test_saving_again_replaces_the_transcript(self, users, interview):
        services.transcript_save(
            acting_user=None, interview=interview, segments=[services.SegmentInput(text_ko="하나")]
        )
        services.transcript_save(
            acting_user=None, interview=interview, segments=[services.SegmentInput(text_en="two")]
        )
        assert [s.text_en for s in transcript(interview)] == ["two"]

    @override_settings(JOURNEYS_MAX_SEGMENT_CHARS=100)
    def test_an_oversized_segment_saves_nothing(self, users, interview):
        services.transcript_save(
            acting_user=None, interview=interview, segments=[services.SegmentInput(text_ko="앞")]
        )
        with pytest.raises(ValidationError, match="longer than 100"):
            services.transcript_save(
                acting_user=None,
                interview=interview,
                segments=[
                    services.SegmentInput(text_ko="새"),
                    services.SegmentInput("가" * 101, "a translation beside it"),
                ],
            )
        assert [s.text_ko for s in transcript(interview)] == ["앞"]


def crossing(**changes):
    data = {
        "stage": term(Kind.STAGE, "leaving"),
        "event_type": term(Kind.EVENT_TYPE, "crossing"),
        "start_year": 1999,
    }
    data.update(changes)
    return services.EventInput(**data)


class TestEvents:
    def test_events_are_appended_in_order(self, users, interview, event):
        second = services.event_add(
            acting_user=users["coder"],
            interview=interview,
            data=services.EventInput(
                stage=term(Kind.STAGE, "china"),
                event_type=term(Kind.EVENT_TYPE, "sold"),
                place=term(Kind.PLACE, "cn-jilin"),
                start_year=1998,
                price_yuan=5000,
            ),
        )
        assert (event.position, second.position) == (0, 1)
        assert list(event.codes.values_list("code", flat=True)) == ["trafficked_deceived"]

    def test_stages_repeat(self, users, interview):
        for year in (1998, 2001, 2004):
            services.event_add(
                acting_user=None, interview=interview, data=crossing(start_year=year)
            )
        assert interview.events.filter(event_type__code="crossing").count() == 3

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"start_year": 1899}, "start_year"),
            ({"start_year": 1960}, "start_year"),  # before her birth in 1972
            ({"start_year": 2001, "end_year": 2000}, "end_year"),
            ({"start_month": 13}, "start_month"),
            ({"price_yuan": 0}, "price_yuan"),
            ({"event_type": "sold"}, "event_type"),  # an event of another stage
            ({"place": ("violation", "violence")}, "place"),
            ({"codes": (("stage", "china"),)}, "codes"),
        ],
    )
    def test_bad_events_are_refused_and_nothing_is_saved(self, interview, changes, field):
        resolved = {}
        for key, value in changes.items():
            if key == "event_type":
                value = term(Kind.EVENT_TYPE, value)
            elif key == "place":
                value = term(*value)
            elif key == "codes":
                value = tuple(term(*pair) for pair in value)
            resolved[key] = value
        with pytest.raises(ValidationError) as e:
            services.event_add(acting_user=None, interview=interview, data=crossing(**resolved))
        assert field in e.value.message_dict
        assert not JourneyEvent.objects.exists()

    def test_deleting_closes_the_gap(self, interview):
        _, second, _ = (
            services.event_add(acting_user=None, interview=interview, data=crossing(start_year=y))
            for y in (1998, 1999, 2000)
        )
        services.event_delete(acting_user=None, event=second)
        assert list(interview.events.values_list("start_year", "position")) == [
            (1998, 0),
            (2000, 1),
        ]

    def test_moving_swaps_with_the_neighbour(self, interview):
        _, second = (
            services.event_add(acting_user=None, interview=interview, data=crossing(start_year=y))
            for y in (1998, 1999)
        )
        services.event_move(acting_user=None, event=second, offset=-1)
        assert list(interview.events.values_list("start_year", flat=True)) == [1999, 1998]
        services.event_move(acting_user=None, event=second, offset=-1)  # already first: no-op
        assert list(interview.events.values_list("start_year", flat=True)) == [1999, 1998]
