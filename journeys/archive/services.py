"""Writes to the archive. Each service takes the acting user, validates everything, and
either saves all of it or nothing (one transaction)."""

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from journeys.accounts.roles import Role
from journeys.archive.models import (
    Consent,
    ConsentUse,
    FamilyInNorth,
    Interview,
    Interviewee,
    JourneyEvent,
    Language,
    Segment,
    Speaker,
)
from journeys.audit.services import audit_record
from journeys.codebook.models import Kind, PlaceLevel, Term
from journeys.codebook.selectors import region_of
from journeys.lib.text import split as split_text
from journeys.reports.facts import refresh as statistics_facts_refresh
from journeys.search.services import interview_facets_refresh, interview_index
from journeys.vault.sealing import Sealer, data_key_new

EARLIEST_YEAR = 1900
CODE_PATTERN = re.compile(r"^W-(\d+)$")
MAX_PRICE_YUAN = 1_000_000
# Kinds an event may be coded with (its `codes`): the answers counted in statistics.
EVENT_CODE_KINDS = frozenset(
    {
        Kind.REASON_LEAVING,
        Kind.WAY_LEAVING,
        Kind.WORK_CHINA,
        Kind.SITUATION_CHINA,
        Kind.VIOLATION,
        Kind.AGENCY,
        Kind.TRANSIT_COUNTRY,
        Kind.DIFFICULTY_SK,
    }
)


def _this_year() -> int:
    return timezone.localdate().year


def _check_year(field: str, year: int | None, errors: dict, *, not_before: int | None = None):
    if year is None:
        return
    if not EARLIEST_YEAR <= year <= _this_year():
        errors[field] = _("Enter a year between %(first)s and %(last)s.") % {
            "first": EARLIEST_YEAR,
            "last": _this_year(),
        }
    elif not_before is not None and year < not_before:
        errors[field] = _("This year is before the interviewee was born (%(year)s).") % {
            "year": not_before
        }


def _check_term(field: str, term: Term | None, kind: str, errors: dict) -> None:
    if term is not None and term.kind != kind:
        errors[field] = _("Choose a term from the codebook list.")


def _raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def next_interviewee_code() -> str:
    """The next free pseudonymous code: W-0001, W-0002, ... (never reused)."""
    highest = 0
    for code in Interviewee.objects.filter(code__startswith="W-").values_list("code", flat=True):
        match = CODE_PATTERN.match(code)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"W-{highest + 1:04d}"


def interviewee_create(
    *,
    acting_user,
    birth_year: int,
    home_province: Term,
    social_class: Term | None = None,
    family_in_north: str = FamilyInNorth.UNKNOWN,
) -> Interviewee:
    errors: dict = {}
    _check_year("birth_year", birth_year, errors)
    if home_province.kind != Kind.PLACE or home_province.level != PlaceLevel.PROVINCE:
        errors["home_province"] = _("Choose a province from the codebook list.")
    _check_term("social_class", social_class, Kind.SOCIAL_CLASS, errors)
    if family_in_north not in FamilyInNorth.values:
        errors["family_in_north"] = _("Choose one of the answers offered.")
    _raise_if(errors)
    with transaction.atomic():
        interviewee = Interviewee.objects.create(
            code=next_interviewee_code(),
            team_id=acting_user.team_id,
            data_key=data_key_new(),
            birth_year=birth_year,
            home_province=home_province,
            social_class=social_class,
            family_in_north=family_in_north,
            created_by=acting_user,
        )
        audit_record(actor=acting_user, action="archive.interviewee.created", target=interviewee)
    return interviewee


def interview_create(
    *,
    acting_user,
    interviewee: Interviewee,
    date: dt.date,
    interviewer,
    language: str,
    consents: Mapping[str, bool],
) -> Interview:
    """Record an interview and the consent given for each use, on the interview's date."""
    errors: dict = {}
    if date > timezone.localdate():
        errors["date"] = _("The interview date cannot be in the future.")
    elif date.year < interviewee.birth_year:
        errors["date"] = _(
            "The interview cannot be before the interviewee's birth year (%(year)s)."
        ) % {"year": interviewee.birth_year}
    if language not in Language.values:
        errors["language"] = _("Choose one of the languages offered.")
    if not (interviewer.is_active and interviewer.role in (Role.INTERVIEWER, Role.ADMINISTRATOR)):
        errors["interviewer"] = _("The interviewer must be an active interviewer.")
    if not consents.get(ConsentUse.RECORD):
        errors["consent_record"] = _("An interview can only be kept with consent to record it.")
    _raise_if(errors)
    interview = Interview(
        interviewee=interviewee, year=date.year, interviewer=interviewer, language=language
    )
    # The exact date can place a woman at a meeting: it is sealed; the year stays readable.
    interview.date_sealed = Sealer(interviewee.data_key).seal(interview, "date", date.isoformat())
    with transaction.atomic():
        interview.save()
        Consent.objects.bulk_create(
            Consent(interview=interview, use=use, granted=bool(consents.get(use)))
            for use in ConsentUse.values
        )
        interview_index(interview, [])
        statistics_facts_refresh([interviewee])
        granted = sorted(use for use in ConsentUse.values if consents.get(use))
        audit_record(
            actor=acting_user,
            action="archive.interview.created",
            target=interview,
            detail={"interviewee": interviewee.code, "consent": granted},
        )
    interview.date = date
    return interview


def consent_withdraw(*, acting_user, consent: Consent, on: dt.date) -> Consent:
    """Withdrawal is kept as a date: every output made after it must leave the interview out."""
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    if on > timezone.localdate() or on.year < consent.interview.year:
        raise ValidationError(
            {"withdrawn_on": _("The date must lie between the consent and today.")}
        )
    consent.withdrawn_on = on
    with transaction.atomic():
        consent.save(update_fields=["withdrawn_on"])
        statistics_facts_refresh([consent.interview.interviewee_id])
        audit_record(
            actor=acting_user,
            action="archive.consent.withdrawn",
            target=consent.interview,
            detail={"use": consent.use},
        )
    return consent


@dataclass(frozen=True)
class SegmentInput:
    text_ko: str = ""
    text_en: str = ""
    speaker: str = Speaker.INTERVIEWEE


def _passages(number: int, segment: SegmentInput, limit: int, errors: dict) -> list:
    """The segment as it is, or, when one language is longer than `limit` and the other is
    empty (a pasted text not yet translated), that text split into passages at paragraph or
    sentence ends. With a translation beside it, splitting would separate text and
    translation, so it is refused instead."""
    ko, en = segment.text_ko.strip(), segment.text_en.strip()
    if max(len(ko), len(en)) <= limit:
        return [SegmentInput(ko, en, segment.speaker)]
    if ko and en:
        errors.setdefault("segments", []).append(
            _(
                "Passage %(number)s is longer than %(limit)s characters and has a translation "
                "beside it: split it into shorter passages, each beside its translation."
            )
            % {"number": number, "limit": f"{limit:,}"}
        )
        return []
    side = "text_ko" if ko else "text_en"
    return [
        SegmentInput(**{side: part, "speaker": segment.speaker})
        for part in split_text(ko or en, limit)
    ]


def transcript_passages(segments: Iterable[SegmentInput]) -> list[SegmentInput]:
    """The passages a transcript is saved as, or a ValidationError saying what is wrong.

    A segment with neither text is dropped (an empty row left in the editor), so the
    positions stay dense; Windows line ends count as one character, as the browser counts."""
    limit = settings.JOURNEYS_MAX_SEGMENT_CHARS
    errors: dict = {}
    kept: list[SegmentInput] = []
    for number, segment in enumerate(
        (s for s in segments if s.text_ko.strip() or s.text_en.strip()), start=1
    ):
        if segment.speaker not in Speaker.values:
            errors.setdefault("segments", []).append(
                _("Segment %(number)s has an unknown speaker.") % {"number": number}
            )
        unix = SegmentInput(
            segment.text_ko.replace("\r\n", "\n"),
            segment.text_en.replace("\r\n", "\n"),
            segment.speaker,
        )
        kept += _passages(number, unix, limit, errors)
    total = sum(len(s.text_ko) + len(s.text_en) for s in kept)
    if total > settings.JOURNEYS_MAX_TRANSCRIPT_CHARS:
        errors.setdefault("segments", []).append(
            _(
                "The transcript has %(count)s characters, more than the %(limit)s one interview "
                "may hold. Nothing was saved: shorten it, or record the rest as another interview."
            )
            % {"count": f"{total:,}", "limit": f"{settings.JOURNEYS_MAX_TRANSCRIPT_CHARS:,}"}
        )
    _raise_if(errors)
    return kept


def transcript_save(
    *, acting_user, interview: Interview, segments: Iterable[SegmentInput]
) -> list[Segment]:
    """Replace the interview's transcript with these segments, in this order
    (`transcript_passages`: a long untranslated text becomes several passages)."""
    kept = transcript_passages(segments)
    sealer = Sealer(interview.interviewee.data_key)
    rows = [_sealed_segment(sealer, interview, position, s) for position, s in enumerate(kept)]
    with transaction.atomic():
        interview.segments.all().delete()
        saved = Segment.objects.bulk_create(rows)
        interview.save(update_fields=["updated_at"])
        interview_index(interview, [(s.text_ko.strip(), s.text_en.strip()) for s in kept])
        audit_record(
            actor=acting_user,
            action="archive.transcript.saved",
            target=interview,
            detail={"segments": len(rows)},
        )
    return saved


def _sealed_segment(sealer: Sealer, interview: Interview, position: int, data: SegmentInput):
    segment = Segment(interview=interview, position=position, speaker=data.speaker)
    for field in ("text_ko", "text_en"):
        text = getattr(data, field).strip()
        setattr(segment, f"{field}_sealed", sealer.seal(segment, field, text) if text else None)
    return segment


@dataclass
class EventInput:
    stage: Term
    event_type: Term
    place: Term | None = None
    facility: Term | None = None
    start_year: int | None = None
    start_month: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    price_yuan: int | None = None
    codes: tuple[Term, ...] = ()
    notes: str = ""


def _validate_event(interview: Interview, data: EventInput) -> None:
    errors: dict = {}
    _check_term("stage", data.stage, Kind.STAGE, errors)
    _check_term("event_type", data.event_type, Kind.EVENT_TYPE, errors)
    if "event_type" not in errors and data.event_type.parent_id != data.stage.id:
        errors["event_type"] = _("This kind of event does not belong to the chosen stage.")
    _check_term("place", data.place, Kind.PLACE, errors)
    if data.facility is not None and data.facility.kind not in (Kind.FACILITY, Kind.FACILITY_TYPE):
        errors["facility"] = _("Choose a facility or a facility type from the codebook.")
    born = interview.interviewee.birth_year
    _check_year("start_year", data.start_year, errors, not_before=born)
    _check_year("end_year", data.end_year, errors, not_before=born)
    for field in ("start_month", "end_month"):
        month = getattr(data, field)
        if month is not None and not 1 <= month <= 12:
            errors[field] = _("A month is a number from 1 to 12.")
    if data.start_year and data.end_year and "end_year" not in errors:
        start = (data.start_year, data.start_month or 1)
        end = (data.end_year, data.end_month or 12)
        if end < start:
            errors["end_year"] = _("The end comes before the start.")
    if data.price_yuan is not None and not 0 < data.price_yuan <= MAX_PRICE_YUAN:
        errors["price_yuan"] = _("Enter a price between 1 and %(max)s yuan.") % {
            "max": f"{MAX_PRICE_YUAN:,}"
        }
    if any(code.kind not in EVENT_CODE_KINDS for code in data.codes):
        errors["codes"] = _("One of the codes is not a codebook answer.")
    _raise_if(errors)


def _apply_event(event: JourneyEvent, data: EventInput) -> JourneyEvent:
    for field in (
        "stage",
        "event_type",
        "facility",
        "start_year",
        "start_month",
        "end_year",
        "end_month",
        "price_yuan",
    ):
        setattr(event, field, getattr(data, field))
    sealer = Sealer(event.interview.interviewee.data_key)
    # Filters and statistics see the province; the city or town itself is sealed.
    event.place = region_of(data.place) if data.place else None
    detail = data.place if data.place and data.place != event.place else None
    event.place_detail_sealed = sealer.seal(event, "place_detail", detail.code) if detail else None
    notes = data.notes.strip()
    event.notes_sealed = sealer.seal(event, "notes", notes) if notes else None
    event.save()
    event.codes.set(data.codes)
    return event


def _audit_event(acting_user, action: str, event: JourneyEvent) -> None:
    audit_record(
        actor=acting_user,
        action=action,
        target=event.interview,
        detail={"event": event.pk, "position": event.position},
    )


def event_add(*, acting_user, interview: Interview, data: EventInput) -> JourneyEvent:
    """Add an event at the end of the journey."""
    _validate_event(interview, data)
    with transaction.atomic():
        last = interview.events.aggregate(last=Max("position"))["last"]
        event = JourneyEvent(interview=interview, position=0 if last is None else last + 1)
        _apply_event(event, data)
        interview_facets_refresh(interview)
        statistics_facts_refresh([interview.interviewee_id])
        _audit_event(acting_user, "archive.event.added", event)
    return event


def event_update(*, acting_user, event: JourneyEvent, data: EventInput) -> JourneyEvent:
    _validate_event(event.interview, data)
    with transaction.atomic():
        _apply_event(event, data)
        interview_facets_refresh(event.interview)
        statistics_facts_refresh([event.interview.interviewee_id])
        _audit_event(acting_user, "archive.event.changed", event)
    return event


def event_delete(*, acting_user, event: JourneyEvent) -> None:
    """Delete an event and close the gap, so positions stay 0..n-1."""
    with transaction.atomic():
        interview, position = event.interview, event.position
        _audit_event(acting_user, "archive.event.deleted", event)
        event.delete()
        for later in interview.events.filter(position__gt=position).order_by("position"):
            later.position -= 1
            later.save(update_fields=["position"])
        interview_facets_refresh(interview)
        statistics_facts_refresh([interview.interviewee_id])


def event_move(*, acting_user, event: JourneyEvent, offset: int) -> None:
    """Swap an event with its neighbour (offset -1: earlier, +1: later)."""
    with transaction.atomic():
        neighbour = event.interview.events.filter(position=event.position + offset).first()
        if neighbour is None:
            return
        # Positions are unique per interview: park one event out of the way while swapping.
        mine, theirs = event.position, neighbour.position
        event.position = 2**31 - 1
        event.save(update_fields=["position"])
        neighbour.position = mine
        neighbour.save(update_fields=["position"])
        event.position = theirs
        event.save(update_fields=["position"])
        # The order decides the first transit country: counted again.
        statistics_facts_refresh([event.interview.interviewee_id])
        _audit_event(acting_user, "archive.event.moved", event)
