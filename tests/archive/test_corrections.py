"""Correcting a record (item 9 of issue 14): her details and an interview's, through the
services, audited with what changed, the fact table and the search index kept in step."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse

from journeys.accounts.models import Team, User
from journeys.accounts.roles import Role
from journeys.archive import services
from journeys.archive.models import Interviewee
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Kind
from journeys.keys.sealing import Sealer
from journeys.reports.models import Fact
from tests.audit.helpers import assert_audited
from tests.conftest import term


def in_language(client, code):
    client.cookies["journeys_language"] = code
    return client


def last_entry(action: str) -> AuditEntry:
    return AuditEntry.objects.filter(action=action).order_by("-seq").first()


def search_doc(interview) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT year, language FROM search_doc WHERE interview_id = %s", [interview.pk]
        )
        return cursor.fetchone()


def province_facet(interview) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT term_id FROM search_facet WHERE interview_id = %s AND facet = 'province'",
            [interview.pk],
        )
        return [pk for (pk,) in cursor.fetchall()]


def her_details(**changes) -> dict:
    details = {
        "birth_year": 1972,
        "home_province": term(Kind.PLACE, "kp-hamgyongbuk"),
        "social_class": term(Kind.SOCIAL_CLASS, "lower"),
        "family_in_north": "yes",
    }
    return {**details, **changes}


class TestIntervieweeUpdate:
    def test_her_corrected_details_are_saved_and_audited_with_what_changed(
        self, users, interviewee
    ):
        services.interviewee_update(
            acting_user=users["interviewer"],
            interviewee=interviewee,
            **her_details(birth_year=1974, family_in_north="unknown"),
        )
        interviewee.refresh_from_db()
        assert (interviewee.birth_year, interviewee.family_in_north) == (1974, "unknown")
        entry = assert_audited("archive.interviewee.changed")
        assert entry.target_id == str(interviewee.pk)
        assert entry.actor == users["interviewer"]
        assert entry.detail == {
            "changed": {"birth_year": [1972, 1974], "family_in_north": ["yes", "unknown"]}
        }

    def test_nothing_changed_writes_nothing(self, users, interviewee):
        services.interviewee_update(
            acting_user=users["interviewer"], interviewee=interviewee, **her_details()
        )
        assert last_entry("archive.interviewee.changed") is None

    def test_the_fact_table_counts_her_new_province_and_birth_year(self, users, interview, event):
        services.interviewee_update(
            acting_user=users["interviewer"],
            interviewee=interview.interviewee,
            **her_details(birth_year=1970, home_province=term(Kind.PLACE, "kp-ryanggang")),
        )
        facts = Fact.objects.filter(woman=interview.interviewee)
        assert facts.exists()
        assert set(facts.values_list("birth_year", "province")) == {(1970, "kp-ryanggang")}

    def test_search_finds_her_under_her_new_province(self, users, interview):
        ryanggang = term(Kind.PLACE, "kp-ryanggang")
        services.interviewee_update(
            acting_user=users["interviewer"],
            interviewee=interview.interviewee,
            **her_details(home_province=ryanggang),
        )
        assert province_facet(interview) == [ryanggang.pk]

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"birth_year": 2020}, "birth_year"),  # after her interview of 2019
            ({"birth_year": 1850}, "birth_year"),
            ({"home_province": "a city, not a province"}, "home_province"),
            ({"family_in_north": "maybe"}, "family_in_north"),
        ],
    )
    def test_bad_input_is_refused_and_changes_nothing(self, users, interview, changes, field):
        if "home_province" in changes:
            changes = {"home_province": term(Kind.PLACE, "kp-ryanggang-hyesan")}
        before = AuditEntry.objects.count()
        with pytest.raises(ValidationError) as refused:
            services.interviewee_update(
                acting_user=users["interviewer"],
                interviewee=interview.interviewee,
                **her_details(**changes),
            )
        assert field in refused.value.message_dict
        person = Interviewee.objects.get(pk=interview.interviewee.pk)
        assert (person.birth_year, person.home_province.code) == (1972, "kp-hamgyongbuk")
        assert person.family_in_north == "yes"
        assert AuditEntry.objects.count() == before

    def test_a_birth_year_after_an_event_of_her_journey_is_refused(self, users, interview, event):
        services.interview_update(
            acting_user=users["interviewer"],
            interview=interview,
            date=dt.date(2019, 5, 4),
            interviewer=users["interviewer"],
            language="ko",
        )
        with pytest.raises(ValidationError, match="1998"):
            services.interviewee_update(
                acting_user=users["interviewer"],
                interviewee=interview.interviewee,
                **her_details(birth_year=2000),
            )


class TestInterviewUpdate:
    def test_a_corrected_date_is_sealed_and_the_trail_says_only_that_it_changed(
        self, users, interview
    ):
        services.interview_update(
            acting_user=users["administrator"],
            interview=interview,
            date=dt.date(2018, 11, 30),
            interviewer=users["interviewer"],
            language="ko",
        )
        interview.refresh_from_db()
        sealer = Sealer(interview.interviewee.data_key)
        assert sealer.open(interview, "date") == "2018-11-30"
        assert b"2018-11-30" not in bytes(interview.date_sealed)
        assert (interview.year, interview.language) == (2018, "ko")
        entry = assert_audited("archive.interview.changed")
        assert entry.target_id == str(interview.pk)
        assert entry.detail["changed"] == {
            "year": [2019, 2018],
            "language": ["ko+en", "ko"],
            "date": "sealed",
        }
        assert "2018-11-30" not in str(entry.detail)
        assert "11-30" not in str(entry.detail)

    def test_search_holds_the_new_year_and_language(self, users, interview):
        services.interview_update(
            acting_user=users["interviewer"],
            interview=interview,
            date=dt.date(2017, 1, 2),
            interviewer=users["interviewer"],
            language="en",
        )
        assert search_doc(interview) == (2017, "en")

    def test_an_interviewer_of_another_team_is_refused(self, users, interview):
        north = Team.objects.create(name="North office (fictional)")
        stranger = User.objects.create(username="other-team", role=Role.INTERVIEWER, team=north)
        with pytest.raises(ValidationError) as refused:
            services.interview_update(
                acting_user=users["interviewer"],
                interview=interview,
                date=dt.date(2019, 5, 4),
                interviewer=stranger,
                language="ko+en",
            )
        assert "interviewer" in refused.value.message_dict
        interview.refresh_from_db()
        assert interview.interviewer == users["interviewer"]

    @pytest.mark.parametrize(
        ("date", "language", "field"),
        [
            (dt.date(2999, 1, 1), "ko", "date"),
            (dt.date(1960, 1, 1), "ko", "date"),  # before she was born (1972)
            (dt.date(2019, 5, 4), "fr", "language"),
        ],
    )
    def test_bad_input_is_refused_and_changes_nothing(
        self, users, interview, date, language, field
    ):
        with pytest.raises(ValidationError) as refused:
            services.interview_update(
                acting_user=users["interviewer"],
                interview=interview,
                date=date,
                interviewer=users["interviewer"],
                language=language,
            )
        assert field in refused.value.message_dict
        interview.refresh_from_db()
        assert (interview.year, interview.language) == (2019, "ko+en")
        assert last_entry("archive.interview.changed") is None


class TestPages:
    def test_the_intake_form_says_unknown_about_family_until_she_answers(self, as_role):
        page = as_role("interviewer").get(reverse("archive:intake")).content.decode()
        assert '<option value="unknown" selected>' in page
        assert '<option value="yes" selected>' not in page

    def test_the_record_page_links_to_the_corrections_for_the_roles_that_may_make_them(
        self, as_role, interview
    ):
        code = interview.interviewee.code
        url = reverse("archive:interviewee_detail", args=[code])
        edit = reverse("archive:interviewee_edit", args=[code])
        interview_edit = reverse("archive:interview_edit", args=[interview.pk])
        erase = reverse("erasure:interviewee_erase", args=[code])
        page = as_role("interviewer").get(url).content.decode()
        assert edit in page
        assert interview_edit in page
        assert erase not in page
        page = as_role("administrator").get(url).content.decode()
        assert edit in page
        assert interview_edit in page
        assert erase in page
        page = as_role("researcher").get(url).content.decode()
        assert edit not in page
        assert interview_edit not in page
        assert erase not in page

    def test_her_form_opens_with_her_current_details(self, as_role, interviewee):
        page = as_role("interviewer").get(
            reverse("archive:interviewee_edit", args=[interviewee.code])
        )
        form = page.context["form"]
        assert form["birth_year"].value() == 1972
        assert form["family_in_north"].value() == "yes"
        assert 'value="1972"' in page.content.decode()

    def test_the_interview_form_opens_with_its_date_and_the_opening_is_audited(
        self, as_role, interview, users
    ):
        page = as_role("interviewer").get(reverse("archive:interview_edit", args=[interview.pk]))
        assert 'value="2019-05-04"' in page.content.decode()
        entry = assert_audited("archive.interview.read")
        assert (entry.actor, entry.target_id) == (users["interviewer"], str(interview.pk))

    def test_the_interview_form_offers_only_interviewers_of_her_team(
        self, as_role, interview, users
    ):
        north = Team.objects.create(name="North office (fictional)")
        User.objects.create(username="other-team", role=Role.INTERVIEWER, team=north)
        page = as_role("interviewer").get(reverse("archive:interview_edit", args=[interview.pk]))
        offered = {user.username for user in page.context["form"].fields["interviewer"].queryset}
        assert offered == {"interviewer", "administrator"}

    def test_a_saved_correction_returns_to_her_record(self, as_role, interview, users):
        response = as_role("interviewer").post(
            reverse("archive:interview_edit", args=[interview.pk]),
            {"date": "2019-06-01", "interviewer": users["administrator"].pk, "language": "ko"},
        )
        code = interview.interviewee.code
        assert response["Location"] == reverse("archive:interviewee_detail", args=[code])
        interview.refresh_from_db()
        assert interview.interviewer == users["administrator"]

    @pytest.mark.parametrize(
        ("language", "message"),
        [
            ("en", "She was interviewed in 2019: the birth year cannot be later."),
            ("ko", "2019년에 면담했습니다: 출생 연도가 그보다 늦을 수 없습니다."),
        ],
    )
    def test_a_refused_correction_is_explained_in_the_pages_language(
        self, as_role, interview, language, message
    ):
        person = interview.interviewee
        response = in_language(as_role("interviewer"), language).post(
            reverse("archive:interviewee_edit", args=[person.code]),
            {
                "birth_year": 2021,
                "home_province": person.home_province_id,
                "family_in_north": "no",
            },
        )
        assert response.status_code == 200
        assert message in response.content.decode()
        person.refresh_from_db()
        assert (person.birth_year, person.family_in_north) == (1972, "yes")

    def test_another_teams_record_is_not_found(self, client, interview):
        from tests.accounts.helpers import sign_in

        north = Team.objects.create(name="North office (fictional)")
        stranger = User.objects.create(username="north-admin", role=Role.ADMINISTRATOR, team=north)
        sign_in(client, stranger)
        code = interview.interviewee.code
        assert client.get(reverse("archive:interviewee_edit", args=[code])).status_code == 404
        assert client.get(reverse("archive:interview_edit", args=[interview.pk])).status_code == 404
