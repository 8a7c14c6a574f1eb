import datetime as dt

import pytest
from django.urls import reverse

from journeys.archive import selectors, services
from journeys.archive.models import Interview, Interviewee, JourneyEvent
from journeys.codebook.models import Kind
from tests.conftest import term


def in_language(client, code):
    client.cookies["journeys_language"] = code
    return client


class TestIntake:
    def test_step_one_creates_the_interviewee_and_leads_to_the_interview(self, as_role):
        client = as_role("interviewer")
        response = client.post(
            reverse("archive:intake"),
            {
                "birth_year": 1968,
                "home_province": term(Kind.PLACE, "kp-ryanggang").pk,
                "social_class": term(Kind.SOCIAL_CLASS, "lower").pk,
                "family_in_north": "yes",
            },
        )
        person = Interviewee.objects.get()
        assert response.status_code == 302
        assert response["Location"] == reverse("archive:interview_new", args=[person.code])
        assert (person.birth_year, person.home_province.code) == (1968, "kp-ryanggang")

    @pytest.mark.parametrize(
        ("language", "message"),
        [("en", "Enter a year between 1900"), ("ko", "1900년")],
    )
    def test_a_wrong_year_is_explained_in_the_pages_language(self, as_role, language, message):
        client = in_language(as_role("interviewer"), language)
        response = client.post(
            reverse("archive:intake"),
            {
                "birth_year": 1850,
                "home_province": term(Kind.PLACE, "kp-ryanggang").pk,
                "family_in_north": "yes",
            },
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        assert not Interviewee.objects.exists()

    def test_an_empty_required_field_saves_nothing(self, as_role):
        response = as_role("interviewer").post(reverse("archive:intake"), {"birth_year": ""})
        assert response.status_code == 200
        assert response.context["form"].errors.keys() >= {"birth_year", "home_province"}
        assert not Interviewee.objects.exists()

    def test_step_two_records_the_interview_and_consent(self, as_role, users, interviewee):
        response = as_role("interviewer").post(
            reverse("archive:interview_new", args=[interviewee.code]),
            {
                "date": "2018-06-01",
                "interviewer": users["interviewer"].pk,
                "language": "ko",
                "consent_record": "on",
                "consent_statistics": "on",
            },
        )
        interview = Interview.objects.get()
        assert response["Location"] == reverse("archive:transcript_edit", args=[interview.pk])
        granted = set(interview.consents.filter(granted=True).values_list("use", flat=True))
        assert granted == {"record", "statistics"}

    def test_a_birth_year_after_the_interview_is_refused(self, as_role, users):
        person = services.interviewee_create(
            acting_user=users["interviewer"],
            birth_year=2001,
            home_province=term(Kind.PLACE, "kp-hamgyongbuk"),
        )
        response = in_language(as_role("interviewer"), "en").post(
            reverse("archive:interview_new", args=[person.code]),
            {
                "date": "1999-06-01",
                "interviewer": users["interviewer"].pk,
                "language": "ko",
                "consent_record": "on",
            },
        )
        assert "before the interviewee" in response.content.decode()
        assert not Interview.objects.exists()

    def test_step_three_saves_the_parallel_transcript(self, as_role, interview):
        response = as_role("coder").post(
            reverse("archive:transcript_edit", args=[interview.pk]),
            {
                "segments-TOTAL_FORMS": 2,
                "segments-INITIAL_FORMS": 0,
                "segments-0-speaker": "interviewer",
                "segments-0-text_ko": "언제 떠나셨어요?",
                "segments-0-text_en": "When did you leave?",
                "segments-1-speaker": "interviewee",
                "segments-1-text_ko": "1998년 봄에 강을 건넜습니다.",
                "segments-1-text_en": "I crossed the river in the spring of 1998.",
            },
        )
        assert response["Location"] == reverse("archive:journey_edit", args=[interview.pk])
        opened = selectors.transcript_of(
            selectors.interview_for_edit(interview.pk, interview.interviewer)
        )
        assert [(s.speaker, s.text_en) for s in opened] == [
            ("interviewer", "When did you leave?"),
            ("interviewee", "I crossed the river in the spring of 1998."),
        ]

    def test_step_four_adds_an_event_with_its_coding(self, as_role, interview):
        response = as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            {
                "stage": term(Kind.STAGE, "china").pk,
                "event_type": term(Kind.EVENT_TYPE, "sold").pk,
                "place": term(Kind.PLACE, "cn-jilin").pk,
                "start_year": 1998,
                "price_yuan": 4000,
                "codes": [
                    term(Kind.VIOLATION, "deception").pk,
                    term(Kind.WORK_CHINA, "farmer_wife").pk,
                ],
            },
        )
        assert response.status_code == 302
        event = JourneyEvent.objects.get()
        assert (event.price_yuan, event.place.code) == (4000, "cn-jilin")
        assert set(event.codes.values_list("code", flat=True)) == {"deception", "farmer_wife"}

    def test_an_event_of_the_wrong_stage_is_explained(self, as_role, interview):
        response = in_language(as_role("coder"), "ko").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            {
                "stage": term(Kind.STAGE, "leaving").pk,
                "event_type": term(Kind.EVENT_TYPE, "sold").pk,
            },
        )
        assert response.status_code == 200
        assert response.context["form"].errors["event_type"]
        assert not JourneyEvent.objects.exists()


class TestRecordPage:
    def test_it_shows_the_journey_as_a_timeline(self, as_role, event):
        html = (
            in_language(as_role("coder"), "en")
            .get(reverse("archive:interviewee_detail", args=["W-0001"]))
            .content.decode()
        )
        assert 'class="timeline"' in html
        assert "Hyesan" in html
        assert "1998.03" in html

    def test_a_researcher_sees_the_province_of_an_event_and_not_its_town(self, as_role, event):
        html = (
            in_language(as_role("researcher"), "en")
            .get(reverse("archive:interviewee_detail", args=["W-0001"]))
            .content.decode()
        )
        assert "Ryanggang" in html
        assert "Hyesan" not in html
        assert "1998.03" in html

    def test_researchers_see_no_transcript(self, as_role, interview):
        services.transcript_save(
            acting_user=None,
            interview=interview,
            segments=[services.SegmentInput(text_ko="비밀스러운 이야기")],
        )
        url = reverse("archive:interviewee_detail", args=["W-0001"])
        assert "비밀스러운 이야기" not in as_role("researcher").get(url).content.decode()
        assert "비밀스러운 이야기" in as_role("publisher").get(url).content.decode()

    def test_an_unknown_code_is_not_found(self, as_role):
        url = reverse("archive:interviewee_detail", args=["W-9999"])
        assert as_role("researcher").get(url).status_code == 404


class TestList:
    def make(self, users, birth_year, province_code, stage=None):
        person = services.interviewee_create(
            acting_user=users["interviewer"],
            birth_year=birth_year,
            home_province=term(Kind.PLACE, province_code),
        )
        interview = services.interview_create(
            acting_user=None,
            interviewee=person,
            date=dt.date(2015, 1, 1),
            interviewer=users["interviewer"],
            language="ko",
            consents={"record": True},
        )
        if stage:
            services.event_add(
                acting_user=None,
                interview=interview,
                data=services.EventInput(
                    stage=term(Kind.STAGE, stage[0]),
                    event_type=term(Kind.EVENT_TYPE, stage[1]),
                    start_year=stage[2],
                ),
            )
        return person

    def codes(self, response):
        return [p.code for p in response.context["page"]]

    def test_filters_combine(self, as_role, users):
        a = self.make(users, 1965, "kp-hamgyongbuk", ("caught", "repatriation", 2002))
        b = self.make(users, 1975, "kp-hamgyongbuk", ("leaving", "crossing", 1998))
        c = self.make(users, 1970, "kp-ryanggang", ("caught", "repatriation", 2003))
        client = as_role("researcher")
        url = reverse("archive:interviewee_list")
        province = term(Kind.PLACE, "kp-hamgyongbuk").pk
        caught = term(Kind.STAGE, "caught").pk
        assert self.codes(client.get(url)) == [a.code, b.code, c.code]
        assert self.codes(client.get(url, {"province": province})) == [a.code, b.code]
        assert self.codes(client.get(url, {"province": province, "stage": caught})) == [a.code]
        assert self.codes(client.get(url, {"born_from": 1966, "born_until": 1972})) == [c.code]
        assert self.codes(client.get(url, {"left_from": 1997, "left_until": 1999})) == [b.code]

    def test_htmx_gets_only_the_results(self, as_role, users):
        self.make(users, 1965, "kp-hamgyongbuk")
        response = as_role("researcher").get(
            reverse("archive:interviewee_list"), HTTP_HX_REQUEST="true"
        )
        html = response.content.decode()
        assert "W-0001" in html
        assert "<html" not in html

    def test_a_bad_filter_is_explained_and_lists_nobody(self, as_role, users):
        self.make(users, 1965, "kp-hamgyongbuk")
        response = in_language(as_role("researcher"), "en").get(
            reverse("archive:interviewee_list"), {"born_from": "abc"}
        )
        assert self.codes(response) == []
        assert "Enter a whole number" in response.content.decode()
