"""The journey editor saves only what the coder meant: a place that exists, an event removed
only after she confirmed it, and a warning (never a refusal) for an event out of order."""

import pytest
from django.urls import reverse

from journeys.archive import selectors, services
from journeys.archive.models import JourneyEvent
from journeys.audit.models import AuditEntry
from journeys.codebook.models import Kind
from tests.conftest import term

NO_SUCH_PLACE = {
    "en": "No such place: pick one from the list or ask an administrator to add it.",
    "ko": "그런 곳은 없습니다: 목록에서 고르거나 관리자에게 추가를 부탁하세요.",
}


def in_language(client, code):
    client.cookies["journeys_language"] = code
    return client


def crossing(**more):
    return {
        "stage": term(Kind.STAGE, "leaving").pk,
        "event_type": term(Kind.EVENT_TYPE, "crossing").pk,
        **more,
    }


def opened_place(event):
    return selectors.event_for_edit(event.pk, event.interview.interviewer).place_shown


class TestThePlacePicker:
    @pytest.mark.parametrize("language", ["en", "ko"])
    def test_a_place_that_matches_nothing_is_refused_and_the_text_is_kept(
        self, as_role, interview, language
    ):
        client = in_language(as_role("coder"), language)
        response = client.post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place="", place_text="Atlantis Crossing", start_year=1998),
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert NO_SUCH_PLACE[language] in page
        assert 'value="Atlantis Crossing"' in page
        assert not JourneyEvent.objects.exists()

    def test_a_spelling_typed_without_picking_finds_its_place(self, as_role, interview):
        as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place="", place_text="Hyesan"),
        )
        assert opened_place(JourneyEvent.objects.get()).code == "kp-ryanggang-hyesan"

    def test_the_box_wins_over_a_term_picked_before_the_text_was_changed(self, as_role, interview):
        response = as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place=term(Kind.PLACE, "kp-ryanggang-hyesan").pk, place_text="nowhere"),
        )
        assert response.status_code == 200
        assert not JourneyEvent.objects.exists()

    def test_the_label_the_picker_shows_is_accepted(self, as_role, interview):
        hyesan = term(Kind.PLACE, "kp-ryanggang-hyesan")
        as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place=hyesan.pk, place_text="혜산시 (Hyesan)"),
        )
        assert opened_place(JourneyEvent.objects.get()) == hyesan

    def test_an_emptied_box_saves_the_event_without_a_place(self, as_role, event):
        data = crossing(place=event.place_id, place_text="", start_year=1998)
        response = as_role("coder").post(reverse("archive:event_edit", args=[event.pk]), data)
        assert response.status_code == 302
        event.refresh_from_db()
        assert event.place is None
        assert event.place_detail_sealed is None

    @pytest.mark.parametrize(
        ("typed", "code"),
        [
            ("두만강", "kp-tumen-river"),
            ("Tumen River", "kp-tumen-river"),
            ("압록강", "kp-yalu-river"),
            ("Yalu River", "kp-yalu-river"),
            ("Tumen", "cn-jilin-yanbian-tumen"),
        ],
    )
    def test_a_river_crossing_is_coded_as_the_river_not_the_city_of_tumen(
        self, as_role, interview, typed, code
    ):
        as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place="", place_text=typed),
        )
        assert opened_place(JourneyEvent.objects.get()).code == code

    def test_a_river_is_counted_as_north_korea_and_kept_sealed(self, as_role, interview):
        as_role("coder").post(
            reverse("archive:journey_edit", args=[interview.pk]),
            crossing(place="", place_text="두만강"),
        )
        event = JourneyEvent.objects.get()
        assert event.place.code == "kp"
        assert b"tumen" not in bytes(event.place_detail_sealed)

    def test_the_picker_lists_the_river_when_tumen_is_typed(self, as_role):
        response = in_language(as_role("coder"), "en").get(
            reverse("codebook:term_pick"), {"kind": "place", "place_text": "Tumen"}
        )
        assert "Tumen River" in response.content.decode()


class TestRemovingAnEvent:
    def test_the_remove_link_asks_first_and_removes_nothing(self, as_role, event):
        client = as_role("coder")
        journey = client.get(reverse("archive:journey_edit", args=[event.interview_id]))
        link = reverse("archive:event_delete", args=[event.pk])
        assert f'href="{link}"' in journey.content.decode()
        response = client.get(link)
        assert response.status_code == 200
        assert 'name="confirm" value="yes"' in response.content.decode()
        assert JourneyEvent.objects.filter(pk=event.pk).exists()

    def test_a_post_without_the_confirmation_removes_nothing(self, as_role, event):
        response = as_role("coder").post(reverse("archive:event_delete", args=[event.pk]))
        assert response.status_code == 200
        assert JourneyEvent.objects.filter(pk=event.pk).exists()

    @pytest.mark.parametrize(
        ("language", "question"),
        [
            ("en", "Remove this event from the journey of"),
            ("ko", "의 여정에서 이 사건을 지울까요?"),
        ],
    )
    def test_the_question_is_asked_in_the_pages_language(self, as_role, event, language, question):
        client = in_language(as_role("coder"), language)
        response = client.get(reverse("archive:event_delete", args=[event.pk]))
        assert question in response.content.decode()

    def test_confirming_removes_it_and_the_trail_says_so(self, as_role, event):
        response = as_role("coder").post(
            reverse("archive:event_delete", args=[event.pk]), {"confirm": "yes"}
        )
        assert response.status_code == 302
        assert not JourneyEvent.objects.exists()
        assert AuditEntry.objects.filter(action="archive.event.deleted").count() == 1

    def test_another_teams_event_is_not_found(self, as_role, event, users):
        from journeys.accounts.models import Team

        coder = users["coder"]
        coder.team = Team.objects.create(name="elsewhere")
        coder.save()
        response = as_role("coder").get(reverse("archive:event_delete", args=[event.pk]))
        assert response.status_code == 404


OUT_OF_ORDER = {
    "en": "This event is dated before an event above it in the journey.",
    "ko": "이 사건은 여정에서 위에 있는 사건보다 날짜가 앞섭니다.",
}


class TestChronologicalOrder:
    @pytest.mark.parametrize("language", ["en", "ko"])
    def test_an_event_dated_before_the_one_above_is_saved_with_a_warning(
        self, as_role, event, language
    ):
        client = in_language(as_role("coder"), language)
        response = client.post(
            reverse("archive:journey_edit", args=[event.interview_id]),
            {
                "stage": term(Kind.STAGE, "life_nk").pk,
                "event_type": term(Kind.EVENT_TYPE, "famine").pk,
                "start_year": 1996,
            },
            follow=True,
        )
        page = response.content.decode()
        assert JourneyEvent.objects.count() == 2
        assert OUT_OF_ORDER[language] in page
        assert page.count('class="tags warning"') == 1

    def test_an_event_in_order_gets_no_warning(self, as_role, event):
        response = in_language(as_role("coder"), "en").post(
            reverse("archive:journey_edit", args=[event.interview_id]),
            {
                "stage": term(Kind.STAGE, "china").pk,
                "event_type": term(Kind.EVENT_TYPE, "sold").pk,
                "start_year": 1998,
                "start_month": 4,
            },
            follow=True,
        )
        assert JourneyEvent.objects.count() == 2
        assert OUT_OF_ORDER["en"] not in response.content.decode()

    def test_editing_an_event_into_the_past_warns_too(self, as_role, event, users):
        later = services.event_add(
            acting_user=users["coder"],
            interview=event.interview,
            data=services.EventInput(
                stage=term(Kind.STAGE, "china"),
                event_type=term(Kind.EVENT_TYPE, "sold"),
                start_year=1999,
            ),
        )
        response = in_language(as_role("coder"), "en").post(
            reverse("archive:event_edit", args=[later.pk]),
            {
                "stage": term(Kind.STAGE, "china").pk,
                "event_type": term(Kind.EVENT_TYPE, "sold").pk,
                "start_year": 1997,
            },
            follow=True,
        )
        assert OUT_OF_ORDER["en"] in response.content.decode()
        later.refresh_from_db()
        assert later.start_year == 1997


@pytest.mark.parametrize(
    ("dates", "late"),
    [
        ([(1998, 3), (1998, None), (1999, 1)], set()),
        ([(1998, 3), (1998, 1)], {1}),
        ([(2001, None), (None, None), (1999, None)], {2}),
        ([(1998, None), (1996, 5), (1997, None)], {1, 2}),
    ],
)
def test_out_of_order_compares_only_what_is_known(dates, late):
    events = [
        JourneyEvent(position=i, start_year=year, start_month=month)
        for i, (year, month) in enumerate(dates)
    ]
    assert selectors.out_of_order(events) == late
