"""Writes to the archive. Each service takes the acting user, validates everything, and
either saves all of it or nothing (one transaction)."""

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Min
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
from journeys.keys.sealing import Sealer, data_key_new
from journeys.lib.text import split as split_text
from journeys.reports.facts import refresh as statistics_facts_refresh
from journeys.search.services import (
    interview_document_refresh,
    interview_facets_refresh,
    interview_index,
)

EARLIEST_YEAR = 1900
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


def code_prefix(team_id: int | None) -> str:
    """The start of a team's codes: "W-" for the main team, "W<team id>-" for another, so
    that each team numbers its own women from 1 and a code shows nothing of another team's
    size (docs/threat-model.md). Codes given before numbering per team keep their form."""
    return f"W{team_id}-" if team_id else "W-"


def next_interviewee_code(team_id: int | None = None) -> str:
    """The team's next free pseudonymous code: W-0001, W-0002, ... (W3-0001, ... for team 3),
    never reused. Only codes of the team's own form count: other teams' numbering no longer
    moves it."""
    prefix = code_prefix(team_id)
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    highest = 0
    for code in Interviewee.objects.filter(code__startswith=prefix).values_list("code", flat=True):
        match = pattern.match(code)
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:04d}"


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
            code=next_interviewee_code(acting_user.team_id),
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


def _interview_errors(interviewee: Interviewee, date: dt.date, interviewer, language) -> dict:
    """What is wrong with an interview's date, interviewer and language, at intake or when
    corrected: the interviewer must be an active interviewer (or administrator) of her team."""
    errors: dict = {}
    if date > timezone.localdate():
        errors["date"] = _("The interview date cannot be in the future.")
    elif date.year < interviewee.birth_year:
        errors["date"] = _(
            "The interview cannot be before the interviewee's birth year (%(year)s)."
        ) % {"year": interviewee.birth_year}
    if language not in Language.values:
        errors["language"] = _("Choose one of the languages offered.")
    if not (
        interviewer.is_active
        and interviewer.role in (Role.INTERVIEWER, Role.ADMINISTRATOR)
        and interviewer.team_id == interviewee.team_id
    ):
        errors["interviewer"] = _("Choose an active interviewer of her own team.")
    return errors


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
    errors = _interview_errors(interviewee, date, interviewer, language)
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


MAX_REASON_CHARS = 2000


def consent_withdraw(*, acting_user, consent: Consent, on: dt.date, reason: str) -> Consent:
    """Withdrawal is kept as a date, with her reason sealed under her data key. In the same
    transaction every output leaves the interview out: the fact table of statistics is
    recomputed and, when she withdraws her consent to be recorded (which withdraws every
    use), her interview's search documents are removed. The gate and every page ask
    `consent_in_force` at the moment they are used, so releases follow at once."""
    reason = reason.strip()
    errors: dict = {}
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was already withdrawn."))
    if not consent.granted:
        raise ValidationError(_("This consent was never given: there is nothing to withdraw."))
    if not reason:
        errors["reason"] = _("Say why the consent is withdrawn (her words or the circumstances).")
    elif len(reason) > MAX_REASON_CHARS:
        errors["reason"] = _("Keep the reason under %(limit)s characters.") % {
            "limit": MAX_REASON_CHARS
        }
    _check_consent_date("withdrawn_on", consent, on, errors)
    _raise_if(errors)
    consent.withdrawn_on = on
    consent.withdrawal_reason_sealed = Sealer(consent.interview.interviewee.data_key).seal(
        consent, "withdrawal_reason", reason
    )
    _consent_save(
        acting_user,
        consent,
        ["withdrawn_on", "withdrawal_reason_sealed"],
        granted_before=True,
        action="archive.consent.withdrawn",
        on=on,
    )
    return consent


def consent_give(*, acting_user, consent: Consent, on: dt.date) -> Consent:
    """Record consent given after the interview to a use she first refused, dated. Statistics
    and search follow in the same transaction. A withdrawn consent is not given again here:
    withdrawal stays on the record."""
    errors: dict = {}
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent was withdrawn: it cannot be given again here."))
    if consent.granted:
        raise ValidationError(_("This consent was already given."))
    if Interview.objects.filter(pk=consent.interview_id).withdrawn().exists():
        raise ValidationError(
            _("Her consent to be recorded was withdrawn: no other use can be given.")
        )
    _check_consent_date("granted_on", consent, on, errors)
    _raise_if(errors)
    consent.granted, consent.granted_on = True, on
    _consent_save(
        acting_user,
        consent,
        ["granted", "granted_on"],
        granted_before=False,
        action="archive.consent.given",
        on=on,
    )
    return consent


def _consent_save(acting_user, consent, fields, *, granted_before: bool, action: str, on) -> None:
    """Save a consent's change if nobody changed it meanwhile, with statistics, search and
    the audit entry in the same transaction."""
    with transaction.atomic():
        _lock_unchanged(consent, granted=granted_before)
        consent.save(update_fields=fields)
        _consent_changed(consent.interview)
        audit_record(
            actor=acting_user,
            action=action,
            target=consent.interview,
            detail={"use": consent.use, "on": on.isoformat()},
        )


def _check_consent_date(field: str, consent: Consent, on: dt.date, errors: dict) -> None:
    interview = consent.interview
    held = Sealer(interview.interviewee.data_key).open(interview, "date")
    if not dt.date.fromisoformat(held) <= on <= timezone.localdate():
        errors[field] = _("The date must lie between the interview and today.")


def _lock_unchanged(consent: Consent, *, granted: bool) -> None:
    """Lock the consent row and check it is still as it was read (given or refused, not
    withdrawn): two people withdrawing at once must not overwrite each other's date and
    reason."""
    held = Consent.objects.select_for_update().get(pk=consent.pk)
    if (held.granted, held.withdrawn_on) != (granted, None):
        raise ValidationError(_("This consent was changed meanwhile: open the record again."))


def _consent_changed(interview: Interview) -> None:
    """What may be counted or found about her changed: statistics and search follow, in the
    caller's transaction (search keeps out every interview whose record consent is withdrawn)."""
    statistics_facts_refresh([interview.interviewee_id])
    interview_facets_refresh(interview)


def _refuse_if_withdrawn(interview: Interview) -> None:
    if Interview.objects.filter(pk=interview.pk).withdrawn().exists():
        raise ValidationError(
            _("Her consent to be recorded was withdrawn: the transcript can no longer be changed.")
        )


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
    _refuse_if_withdrawn(interview)
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


# -- corrections ------------------------------------------------------------------------------


def _changes(obj, values: Mapping[str, object]) -> dict[str, list]:
    """The readable fields whose value differs, with [before, after] as the trail shows them
    (codebook codes and user names rather than ids)."""
    changed = {}
    for field, new in values.items():
        old = getattr(obj, field)
        if old != new:
            changed[field] = [_shown(old), _shown(new)]
    return changed


def _shown(value):
    if isinstance(value, Term):
        return value.code
    if hasattr(value, "get_username"):
        return value.get_username()
    return value


def interviewee_update(
    *,
    acting_user,
    interviewee: Interviewee,
    birth_year: int,
    home_province: Term,
    social_class: Term | None = None,
    family_in_north: str = FamilyInNorth.UNKNOWN,
) -> Interviewee:
    """Correct what the archive knows of her. A birth year after one of her interviews or
    after an event of her journey is refused: it would make the record contradict itself."""
    errors: dict = {}
    _check_year("birth_year", birth_year, errors)
    if home_province.kind != Kind.PLACE or home_province.level != PlaceLevel.PROVINCE:
        errors["home_province"] = _("Choose a province from the codebook list.")
    _check_term("social_class", social_class, Kind.SOCIAL_CLASS, errors)
    if family_in_north not in FamilyInNorth.values:
        errors["family_in_north"] = _("Choose one of the answers offered.")
    if "birth_year" not in errors:
        _check_birth_year_fits(interviewee, birth_year, errors)
    _raise_if(errors)
    values = {
        "birth_year": birth_year,
        "home_province": home_province,
        "social_class": social_class,
        "family_in_north": family_in_north,
    }
    changed = _changes(interviewee, values)
    if not changed:
        return interviewee
    with transaction.atomic():
        for field, value in values.items():
            setattr(interviewee, field, value)
        interviewee.save(update_fields=list(values))
        for interview in interviewee.interviews.all():
            interview_document_refresh(interview)
        statistics_facts_refresh([interviewee])
        audit_record(
            actor=acting_user,
            action="archive.interviewee.changed",
            target=interviewee,
            detail={"changed": changed},
        )
    return interviewee


def _check_birth_year_fits(interviewee: Interviewee, birth_year: int, errors: dict) -> None:
    first_interview = interviewee.interviews.aggregate(first=Min("year"))["first"]
    events = JourneyEvent.objects.filter(interview__interviewee=interviewee)
    first_event = min(
        (y for y in events.aggregate(a=Min("start_year"), b=Min("end_year")).values() if y),
        default=None,
    )
    if first_interview is not None and birth_year > first_interview:
        errors["birth_year"] = _(
            "She was interviewed in %(year)s: the birth year cannot be later."
        ) % {"year": first_interview}
    elif first_event is not None and birth_year > first_event:
        errors["birth_year"] = _(
            "Her journey has an event in %(year)s: the birth year cannot be later."
        ) % {"year": first_event}


def interview_update(
    *, acting_user, interview: Interview, date: dt.date, interviewer, language: str
) -> Interview:
    """Correct an interview's date, language or interviewer. The interviewer must be an
    active interviewer (or administrator) of the record's own team."""
    interviewee = interview.interviewee
    _raise_if(_interview_errors(interviewee, date, interviewer, language))
    sealer = Sealer(interviewee.data_key)
    old_date = sealer.open(interview, "date")
    changed = _changes(
        interview, {"year": date.year, "interviewer": interviewer, "language": language}
    )
    if old_date != date.isoformat():
        changed["date"] = "sealed"  # that it changed, never what it was or is
    if changed:
        interview.year, interview.interviewer, interview.language = (
            date.year,
            interviewer,
            language,
        )
        interview.date_sealed = sealer.seal(interview, "date", date.isoformat())
        with transaction.atomic():
            interview.save()
            # The fact table counts nothing of the interview itself: only the index changes.
            interview_document_refresh(interview)
            audit_record(
                actor=acting_user,
                action="archive.interview.changed",
                target=interview,
                detail={"interviewee": interviewee.code, "changed": changed},
            )
    interview.date = date
    return interview
