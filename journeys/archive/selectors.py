"""Reads from the archive: the filtered list, the record page, the home page's counts."""

import datetime as dt
import re
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from journeys.accounts.roles import READ_SEALED_DETAILS, user_has_role
from journeys.archive.models import (
    Consent,
    ConsentUse,
    Interview,
    Interviewee,
    JourneyEvent,
    Segment,
)
from journeys.codebook.models import Kind, Term
from journeys.keys.sealing import Sealer


@dataclass(frozen=True)
class IntervieweeFilter:
    province: Term | None = None
    stage: Term | None = None
    way_leaving: Term | None = None
    born_from: int | None = None
    born_until: int | None = None
    left_from: int | None = None
    left_until: int | None = None
    code: str = ""


# A code as people type it: W-0301, w0301, W 301 (letters, an optional separator, digits).
_TYPED_CODE = re.compile(r"([A-Za-z]+)[-\s]?(\d{1,8})")


def code_spelling(text: str) -> str:
    """The code a typed text most likely means, in the archive's spelling (W-0301 for
    "w301"), or the text itself, stripped and upper-cased, when it is not shaped like one."""
    text = text.strip()
    typed = _TYPED_CODE.fullmatch(text)
    if not typed:
        return text.upper()
    letters, digits = typed.groups()
    return f"{letters.upper()}-{int(digits):04d}"


def interviewee_by_code(text: str, user) -> Interviewee | None:
    """The interviewee of the user's team whose code the text is, however it was typed; None
    for anything else, including another team's code (whose existence is nobody's business
    here)."""
    if not text.strip() or len(text) > 40:
        return None
    spellings = {text.strip(), code_spelling(text)}
    query = Q()
    for spelling in spellings:
        query |= Q(code__iexact=spelling)
    return interviewees_of(user).filter(query).order_by("code").first()


def interviewees_of(user) -> QuerySet[Interviewee]:
    """The interviewees whose records exist for this user: her team's. Every read of the
    archive starts here, so another team's record is not found, whatever its id."""
    return Interviewee.objects.filter(team_id=user.team_id)


def interviewees_filtered(f: IntervieweeFilter, user) -> QuerySet[Interviewee]:
    """Interviewees matching every filter given.

    Each journey filter is `pk IN (interviewees with such an event)`: an uncorrelated
    subquery the database evaluates once, where a correlated EXISTS made SQLite walk every
    event of a stage for each interviewee (22 s at 10,000 testimonies).
    """
    qs = interviewees_of(user).select_related("home_province", "social_class")
    if f.code.strip():
        typed = f.code.strip()
        qs = qs.filter(Q(code__icontains=typed) | Q(code__iexact=code_spelling(typed)))
    if f.province:
        qs = qs.filter(home_province=f.province)
    if f.born_from:
        qs = qs.filter(birth_year__gte=f.born_from)
    if f.born_until:
        qs = qs.filter(birth_year__lte=f.born_until)
    if f.stage:
        qs = qs.filter(pk__in=_with_events(stage=f.stage))
    if f.way_leaving:
        qs = qs.filter(pk__in=_with_events(codes=f.way_leaving))
    if f.left_from or f.left_until:
        years = {"start_year__gte": f.left_from, "start_year__lte": f.left_until}
        crossing = {k: v for k, v in years.items() if v}
        qs = qs.filter(pk__in=_with_events(event_type__code="crossing", **crossing))
    return qs.order_by("code")


def _with_events(**conditions) -> QuerySet:
    """The ids of interviewees with at least one journey event matching the conditions, told
    in an interview still recorded: a withdrawn journey is not found by a filter either."""
    return (
        JourneyEvent.objects.filter(**conditions)
        .exclude(interview__in=Interview.objects.withdrawn())
        .values("interview__interviewee_id")
    )


def may_read_sealed(user) -> bool:
    """Whether this user's role may see sealed details: exact interview dates, places below
    province, free notes and transcripts (docs/roles.md, "What the record page shows")."""
    return user_has_role(user, READ_SEALED_DETAILS)


def interviewee_record(code: str, user) -> Interviewee:
    """One interviewee with everything her record page shows this user, opened, in a fixed
    number of queries. Raises DecryptionFailed rather than show anything it could not open.

    For a role that may not read sealed details nothing sealed is fetched or opened: each
    interview has `date` None and `transcript` None, each event its province as `place_shown`
    and `notes` None, so no template can show what the role may not see.
    """
    sealed = may_read_sealed(user)
    events = JourneyEvent.objects.select_related(
        "stage", "event_type", "place", "facility"
    ).prefetch_related("codes")
    interviews = (
        Interview.objects.with_consents_in_force()
        .select_related("interviewer")
        .prefetch_related(
            "consents",
            Prefetch("events", queryset=events),
        )
    )
    if sealed:
        segments = Segment.objects.order_by("position")
        interviews = interviews.prefetch_related(Prefetch("segments", queryset=segments))
    interviewee = (
        interviewees_of(user)
        .select_related("home_province", "social_class", "data_key")
        .prefetch_related(Prefetch("interviews", queryset=interviews))
        .get(code=code)
    )
    sealer = Sealer(interviewee.data_key)
    for interview in interviewee.interviews.all():
        open_consents(sealer if sealed else None, interview)
        if sealed:
            open_interview(sealer, interview)
            interview.transcript = open_segments(sealer, interview.segments.all())
            open_events(sealer, interview.events.all())
        else:
            _withhold_sealed(interview)
    return interviewee


def _withhold_sealed(interview: Interview) -> None:
    interview.date = None
    interview.transcript = None
    for event in interview.events.all():
        event.place_shown = event.place
        event.notes = None


def interview_for_edit(pk: int, user) -> Interview:
    """An interview with its date opened, and the sealer of its record for the rest."""
    interview = (
        Interview.objects.filter(interviewee__team_id=user.team_id)
        .with_consents_in_force()
        .select_related("interviewee", "interviewee__home_province", "interviewee__data_key")
        .get(pk=pk)
    )
    interview.sealer = Sealer(interview.interviewee.data_key)
    return open_interview(interview.sealer, interview)


def transcript_of(interview: Interview) -> list[Segment]:
    return open_segments(interview.sealer, interview.segments.order_by("position"))


def journey_of(interview: Interview) -> list[JourneyEvent]:
    events = (
        interview.events.select_related("stage", "event_type", "place", "facility")
        .prefetch_related("codes")
        .order_by("position")
    )
    return open_events(interview.sealer, events)


def out_of_order(events) -> set[int]:
    """Positions of the events dated before an event above them in the journey.

    Only a date known well enough to compare counts: a year, and a month when both have one
    (an event of "1998" is not before one of "March 1998"). Memories come out of order, so
    this warns and never refuses."""
    late: set[int] = set()
    latest: tuple[int, int] | None = None
    for event in events:
        if not event.start_year:
            continue
        when = (event.start_year, event.start_month or 0)
        if latest is not None and (
            when[0] < latest[0] or (when[0] == latest[0] and 0 < when[1] < latest[1])
        ):
            late.add(event.position)
        elif latest is None or when > latest:
            latest = when
    return late


def event_for_edit(pk: int, user) -> JourneyEvent:
    event = (
        events_of(user)
        .select_related(
            "interview__interviewee__data_key", "place", "stage", "event_type", "facility"
        )
        .get(pk=pk)
    )
    return open_events(Sealer(event.interview.interviewee.data_key), [event])[0]


# -- opening sealed fields --------------------------------------------------------------------
# Each opener sets plain attributes (interview.date, segment.text_ko, event.notes, ...) that
# the templates read. An attribute is only there once opened: forgetting to open fails loudly.


def open_interview(sealer: Sealer, interview: Interview) -> Interview:
    interview.date = dt.date.fromisoformat(sealer.open(interview, "date"))
    if hasattr(interview, "in_force_record"):
        interview.withdrawn = not interview.in_force_record
    return interview


def open_consents(sealer: Sealer | None, interview: Interview) -> list[Consent]:
    """Each consent of an interview (from `with_consents_in_force`) with `in_force` as the
    one definition decides it, and the reason for a withdrawal opened (sealed: only with a
    sealer, for a role that may read sealed details; None otherwise)."""
    consents = list(interview.consents.all())
    for consent in consents:
        consent.in_force = getattr(interview, f"in_force_{consent.use}")
        consent.withdrawal_reason = sealer.open(consent, "withdrawal_reason") if sealer else None
    interview.record_withdrawn_on = next(
        (c.withdrawn_on for c in consents if c.use == ConsentUse.RECORD), None
    )
    # Whether she withdrew is no sealed detail: every role is told (the banner).
    interview.withdrawn = not interview.in_force_record
    return consents


def open_segments(sealer: Sealer, segments) -> list[Segment]:
    segments = list(segments)
    for segment in segments:
        segment.text_ko = sealer.open(segment, "text_ko")
        segment.text_en = sealer.open(segment, "text_en")
    return segments


def open_events(sealer: Sealer, events) -> list[JourneyEvent]:
    events = list(events)
    details = {event.pk: sealer.open(event, "place_detail") for event in events}
    terms = Term.objects.filter(kind=Kind.PLACE, code__in={c for c in details.values() if c})
    by_code = {term.code: term for term in terms.select_related("parent")}
    for event in events:
        event.place_shown = by_code.get(details[event.pk], event.place)
        event.notes = sealer.open(event, "notes")
    return events


def is_withdrawn(interview_id: int) -> bool:
    """Whether her consent to be recorded is withdrawn for this interview."""
    return Interview.objects.filter(pk=interview_id).withdrawn().exists()


def events_of(user) -> QuerySet[JourneyEvent]:
    return JourneyEvent.objects.filter(interview__interviewee__team_id=user.team_id)


def consents_of(user) -> QuerySet[Consent]:
    return Consent.objects.filter(interview__interviewee__team_id=user.team_id)


def archive_counts(user) -> dict[str, int]:
    team = {"interview__interviewee__team_id": user.team_id}
    return {
        "interviewees": interviewees_of(user).count(),
        "interviews": Interview.objects.filter(interviewee__team_id=user.team_id).count(),
        "segments": Segment.objects.filter(**team).count(),
        "events": JourneyEvent.objects.filter(**team).count(),
    }
