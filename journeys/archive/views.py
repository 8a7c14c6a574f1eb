from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from journeys.accounts.roles import (
    CODE_JOURNEY,
    INTAKE,
    READ_ARCHIVE,
    REVIEW_TEXT,
    TRANSCRIBE,
    Role,
    roles_required,
    user_has_role,
)
from journeys.archive import selectors, services
from journeys.archive.forms import (
    ConsentGiveForm,
    ConsentWithdrawForm,
    EventForm,
    InterviewEditForm,
    IntervieweeFilterForm,
    IntervieweeForm,
    InterviewForm,
    SegmentFormSet,
)
from journeys.archive.models import Interviewee, JourneyEvent
from journeys.audit.services import audit_record
from journeys.lib.forms import add_service_errors


@roles_required(READ_ARCHIVE)
def interviewee_list(request):
    form = IntervieweeFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        qs = selectors.interviewees_filtered(
            selectors.IntervieweeFilter(**form.cleaned_data), request.user
        )
    elif form.is_bound:
        qs = selectors.Interviewee.objects.none()
    else:
        qs = selectors.interviewees_filtered(selectors.IntervieweeFilter(), request.user)
    page = Paginator(qs, settings.JOURNEYS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    template = (
        "archive/_interviewee_results.html" if request.htmx else "archive/interviewee_list.html"
    )
    return render(request, template, context)


@roles_required(INTAKE)
def intake(request):
    """Step 1 of the guided intake: the interviewee, known only by the code given here."""
    form = IntervieweeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            interviewee = services.interviewee_create(acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("%(code)s was added.") % {"code": interviewee.code})
            return redirect("archive:interview_new", code=interviewee.code)
    return render(request, "archive/intake.html", {"form": form, "step": 1})


@roles_required(INTAKE)
def interview_new(request, code):
    """Step 2: the interview and the consent given for each use."""
    interviewee = get_object_or_404(selectors.interviewees_of(request.user), code=code)
    form = InterviewForm(
        request.POST or None,
        initial={"interviewer": request.user.pk},
        team_id=interviewee.team_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            interview = services.interview_create(
                acting_user=request.user,
                interviewee=interviewee,
                date=form.cleaned_data["date"],
                interviewer=form.cleaned_data["interviewer"],
                language=form.cleaned_data["language"],
                consents=form.consents(),
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            return redirect("archive:transcript_edit", pk=interview.pk)
    context = {"form": form, "interviewee": interviewee, "step": 2}
    return render(request, "archive/interview_new.html", context)


@roles_required(TRANSCRIBE)
def transcript_edit(request, pk):
    """Step 3: the transcript, Korean and English side by side, one row per segment."""
    interview = _interview_or_404(request, pk)
    if interview.withdrawn:
        return _withdrawn(request, interview)
    if request.method == "POST":
        formset = SegmentFormSet(request.POST, prefix="segments")
        if formset.is_valid():
            segments = [
                services.SegmentInput(**f.cleaned_data) for f in formset.forms if f.cleaned_data
            ]
            try:
                saved = services.transcript_save(
                    acting_user=request.user, interview=interview, segments=segments
                )
            except ValidationError as e:
                # the page is shown again with everything typed, and says what is wrong
                messages.error(request, " ".join(e.messages))
            else:
                messages.success(request, _("The transcript was saved."))
                if len(saved) > sum(1 for s in segments if s.text_ko.strip() or s.text_en.strip()):
                    messages.warning(
                        request,
                        _(
                            "A passage longer than %(limit)s characters was split at paragraph "
                            "and sentence ends: the transcript now has %(count)s passages."
                        )
                        % {
                            "limit": f"{settings.JOURNEYS_MAX_SEGMENT_CHARS:,}",
                            "count": len(saved),
                        },
                    )
                return redirect("archive:journey_edit", pk=interview.pk)
    else:
        initial = [
            {"speaker": s.speaker, "text_ko": s.text_ko, "text_en": s.text_en}
            for s in selectors.transcript_of(interview)
        ] or [{"speaker": "interviewee"}]
        audit_record(
            actor=request.user, action="archive.transcript.read", target=interview, request=request
        )
        formset = SegmentFormSet(initial=initial, prefix="segments")
    context = {
        "interview": interview,
        "formset": formset,
        "step": 3,
        "max_chars": settings.JOURNEYS_MAX_TRANSCRIPT_CHARS,
        "max_chars_shown": f"{settings.JOURNEYS_MAX_TRANSCRIPT_CHARS:,}",
        "passage_chars": f"{settings.JOURNEYS_MAX_SEGMENT_CHARS:,}",
    }
    return render(request, "archive/transcript_edit.html", context)


@roles_required(CODE_JOURNEY)
def journey_edit(request, pk):
    """Step 4: the coded journey, event by event, with codebook pickers."""
    interview = _interview_or_404(request, pk)
    if interview.withdrawn:
        return _withdrawn(request, interview)
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_add(
                acting_user=request.user, interview=interview, data=form.event_input()
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("The event was added to the journey."))
            _warn_if_out_of_order(request, event)
            return redirect("archive:journey_edit", pk=interview.pk)
    return render(request, "archive/journey_edit.html", _journey_context(request, interview, form))


def _journey_context(request, interview, form):
    events = selectors.journey_of(interview)
    audit_record(
        actor=request.user, action="archive.journey.read", target=interview, request=request
    )
    late = selectors.out_of_order(events)
    for event in events:
        event.out_of_order = event.position in late
    return {"interview": interview, "form": form, "events": events, "step": 4}


def _warn_if_out_of_order(request, event) -> None:
    """Saved all the same: a woman may remember her journey out of order."""
    if event.position in selectors.out_of_order(event.interview.events.order_by("position")):
        messages.warning(
            request,
            _(
                "This event is dated before an event above it in the journey. It was saved; "
                "if it happened earlier, move it up with ↑."
            ),
        )


@roles_required(CODE_JOURNEY)
def event_edit(request, pk):
    try:
        event = selectors.event_for_edit(pk, request.user)
    except JourneyEvent.DoesNotExist:
        raise Http404 from None
    if selectors.is_withdrawn(event.interview_id):
        return _withdrawn(request, event.interview)
    initial = {
        field: getattr(event, field)
        for field in EventForm.base_fields
        if field not in ("codes", "place", "place_text")
    }
    initial["codes"] = list(event.codes.all())
    initial["place"] = event.place_shown
    initial["place_text"] = event.place_shown.labels if event.place_shown else ""
    audit_record(
        actor=request.user, action="archive.journey.read", target=event.interview, request=request
    )
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(acting_user=request.user, event=event, data=form.event_input())
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("The event was saved."))
            _warn_if_out_of_order(request, event)
            return redirect("archive:journey_edit", pk=event.interview_id)
    return render(request, "archive/event_edit.html", {"form": form, "event": event})


@roles_required(CODE_JOURNEY)
def event_delete(request, pk):
    """Removing an event asks first, on a page of its own, so it works without JavaScript;
    only a POST that says `confirm` removes it."""
    events = selectors.events_of(request.user).select_related(
        "interview__interviewee", "stage", "event_type", "place"
    )
    event = get_object_or_404(events, pk=pk)
    # Her journey is closed after a withdrawal, as on the pages that add and edit events.
    if selectors.is_withdrawn(event.interview_id):
        return _withdrawn(request, event.interview)
    if request.method == "POST" and request.POST.get("confirm") == "yes":
        interview_pk = event.interview_id
        services.event_delete(acting_user=request.user, event=event)
        messages.success(request, _("The event was removed."))
        return redirect("archive:journey_edit", pk=interview_pk)
    # Only the event's readable columns (no sealed place or notes), but a piece of her coded
    # journey all the same: read, and audited, as on the event's edit page.
    audit_record(
        actor=request.user, action="archive.journey.read", target=event.interview, request=request
    )
    return render(request, "archive/event_delete.html", {"e": event})


@roles_required(CODE_JOURNEY)
@require_POST
def event_move(request, pk, direction):
    event = get_object_or_404(selectors.events_of(request.user), pk=pk)
    offset = {"up": -1, "down": 1}.get(direction)
    if offset is None:
        raise Http404
    if selectors.is_withdrawn(event.interview_id):
        return _withdrawn(request, event.interview)
    services.event_move(acting_user=request.user, event=event, offset=offset)
    return redirect("archive:journey_edit", pk=event.interview_id)


@roles_required(READ_ARCHIVE)
def interviewee_detail(request, code):
    """The record page: who (by code only), the interviews and consent, the journey as a
    timeline, and the transcript for the roles that may read it."""
    try:
        interviewee = selectors.interviewee_record(code, request.user)
    except Interviewee.DoesNotExist:
        raise Http404 from None
    audit_record(
        actor=request.user, action="archive.record.read", target=interviewee, request=request
    )
    is_administrator = request.user.role == Role.ADMINISTRATOR
    context = {
        # After a withdrawal only the administrator still reads what she said (docs/roles.md).
        "reads_withdrawn": is_administrator,
        "interviewee": interviewee,
        "interviews": interviewee.interviews.all(),
        "can_code": user_has_role(request.user, CODE_JOURNEY),
        "can_transcribe": user_has_role(request.user, TRANSCRIBE),
        "can_review": user_has_role(request.user, REVIEW_TEXT),
        "can_intake": user_has_role(request.user, INTAKE),
        "can_erase": user_has_role(request.user, {Role.ADMINISTRATOR}),
        "today": timezone.localdate(),
    }
    return render(request, "archive/interviewee_detail.html", context)


def _consent_or_404(request, pk):
    consents = selectors.consents_of(request.user).select_related(
        "interview__interviewee__data_key"
    )
    return get_object_or_404(consents, pk=pk)


@roles_required(INTAKE)
def consent_withdraw(request, pk):
    """Withdrawal, confirmed on its own page with a reason: one click must not withdraw."""
    consent = _consent_or_404(request, pk)
    # An empty POST (the old one-click button) is a bound form: it must fail, not show the page.
    form = ConsentWithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_withdraw(
                acting_user=request.user,
                consent=consent,
                on=timezone.localdate(),
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("The consent was withdrawn."))
            return redirect("archive:interviewee_detail", code=consent.interview.interviewee.code)
    context = {"form": form, "consent": consent, "interview": consent.interview}
    return render(request, "archive/consent_withdraw.html", context)


@roles_required(INTAKE)
def consent_give(request, pk):
    """Consent given later to a use she first refused, with the day she gave it."""
    consent = _consent_or_404(request, pk)
    form = ConsentGiveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.consent_give(
                acting_user=request.user, consent=consent, on=form.cleaned_data["date"]
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("Her consent was recorded."))
            return redirect("archive:interviewee_detail", code=consent.interview.interviewee.code)
    context = {"form": form, "consent": consent, "interview": consent.interview}
    return render(request, "archive/consent_give.html", context)


def _withdrawn(request, interview):
    """The page of an interview whose consent to be recorded was withdrawn: nothing of it
    is shown or changed here any more. A refusal, audited like every other."""
    audit_record(
        actor=request.user,
        action="archive.withdrawn.refused",
        target=interview,
        detail={"path": request.path[:200]},
        request=request,
    )
    return render(request, "archive/withdrawn.html", {"interview": interview}, status=403)


@roles_required(INTAKE)
def interviewee_edit(request, code):
    """Correct her birth year, province, class or family in the North."""
    interviewee = get_object_or_404(selectors.interviewees_of(request.user), code=code)
    initial = {
        "birth_year": interviewee.birth_year,
        "home_province": interviewee.home_province_id,
        "social_class": interviewee.social_class_id,
        "family_in_north": interviewee.family_in_north,
    }
    form = IntervieweeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.interviewee_update(
                acting_user=request.user, interviewee=interviewee, **form.cleaned_data
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("%(code)s was saved.") % {"code": interviewee.code})
            return redirect("archive:interviewee_detail", code=interviewee.code)
    return render(
        request, "archive/interviewee_edit.html", {"form": form, "interviewee": interviewee}
    )


@roles_required(INTAKE)
def interview_edit(request, pk):
    """Correct an interview's date, language or interviewer. The form shows the exact
    date, which is sealed: opening it is a read of her record, audited."""
    interview = _interview_or_404(request, pk)
    interviewee = interview.interviewee
    form = InterviewEditForm(
        request.POST or None,
        team_id=interviewee.team_id,
        initial={
            "date": interview.date,
            "interviewer": interview.interviewer_id,
            "language": interview.language,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.interview_update(
                acting_user=request.user, interview=interview, **form.cleaned_data
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("The interview was saved."))
            return redirect("archive:interviewee_detail", code=interviewee.code)
    if request.method != "POST":
        audit_record(
            actor=request.user, action="archive.interview.read", target=interview, request=request
        )
    context = {"form": form, "interview": interview, "interviewee": interviewee}
    return render(request, "archive/interview_edit.html", context)


def _interview_or_404(request, pk):
    try:
        return selectors.interview_for_edit(pk, request.user)
    except selectors.Interview.DoesNotExist:
        raise Http404 from None
