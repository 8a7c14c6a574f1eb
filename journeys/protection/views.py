"""The review page and the released versions. Thin: the services decide, the gate guards."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from journeys.accounts.roles import RELEASE_TEXT, REVIEW_TEXT, roles_required, user_has_role
from journeys.archive.models import Interview
from journeys.archive.selectors import interview_for_edit
from journeys.audit.services import audit_record
from journeys.protection import gate, services
from journeys.protection.detect import LABELS
from journeys.protection.models import Excerpt, ReleaseUse, TextRelease
from journeys.protection.pseudonymise import OPTIONS, Policy
from journeys.protection.review import review_state


def _refused(request, action: str, target, **detail) -> None:
    """A refusal at the gate is audited like any other refusal (docs/threat-model.md)."""
    audit_record(actor=request.user, action=action, target=target, detail=detail, request=request)


def _gate_refused(request, release: TextRelease, error: Exception):
    _refused(request, "protection.release.refused", release, path=request.path[:200])
    context = {"release": release, "reason": error}
    return render(request, "protection/release_refused.html", context, status=403)


def _interview(request, pk: int) -> Interview:
    try:
        interview = interview_for_edit(pk, request.user)
    except Interview.DoesNotExist:
        raise Http404 from None
    if interview.withdrawn:
        # Her consent to be recorded is withdrawn: her words are reviewed and released no more.
        raise Http404
    return interview


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@roles_required(REVIEW_TEXT)
def review(request, pk):
    interview = _interview(request, pk)
    state = review_state(interview)
    audit_record(
        actor=request.user, action="protection.review.viewed", target=interview, request=request
    )
    context = {
        "interview": interview,
        "state": state,
        "labels": LABELS,
        "policy_fields": _policy_fields(state.policy),
        "may_release": user_has_role(request.user, RELEASE_TEXT),
        "release_uses": [
            (use, label, gate.refusals(state, use)) for use, label in ReleaseUse.choices
        ],
    }
    return render(request, "protection/review.html", context)


# The options of the pseudonymisation policy a reviewer may choose: all but those with
# only one value (contacts are always removed).
POLICY_CHOICES = [
    (name, heading, list(values.items()))
    for name, (heading, values) in OPTIONS.items()
    if len(values) > 1
]


def _policy_fields(policy: Policy) -> list:
    chosen = policy.as_dict()
    return [
        (name, label, [(value, text, chosen.get(name) == value) for value, text in options])
        for name, label, options in POLICY_CHOICES
    ]


def _back(interview: Interview, anchor: str = "") -> HttpResponse:
    return redirect(reverse("protection:review", args=[interview.pk]) + anchor)


@roles_required(REVIEW_TEXT)
@require_POST
def review_decide(request, pk):
    interview = _interview(request, pk)
    try:
        services.decision_set(
            acting_user=request.user,
            interview=interview,
            lang=request.POST.get("lang", ""),
            text=request.POST.get("text", ""),
            action=request.POST.get("action", ""),
            replacement=request.POST.get("replacement", ""),
        )
    except ValidationError as e:
        _errors(request, e)
    return _back(interview, "#details")


@roles_required(REVIEW_TEXT)
@require_POST
def review_missed(request, pk):
    interview = _interview(request, pk)
    try:
        found = services.missed_mark(
            acting_user=request.user,
            interview=interview,
            form=request.POST.get("form", ""),
            label=request.POST.get("label", ""),
        )
    except ValidationError as e:
        _errors(request, e)
    else:
        messages.success(request, _("Found %(n)s times in the testimony.") % {"n": found})
    return _back(interview, "#missed")


@roles_required(REVIEW_TEXT)
@require_POST
def review_policy(request, pk):
    interview = _interview(request, pk)
    values = {name: request.POST.get(name) for name in Policy().as_dict() if name in request.POST}
    try:
        services.policy_set(acting_user=request.user, interview=interview, values=values)
    except ValidationError as e:
        _errors(request, e)
    return _back(interview, "#policy")


@roles_required(REVIEW_TEXT)
@require_POST
def review_segments(request, pk):
    """Mark one segment (`position`) or all of them reviewed as they are now."""
    interview = _interview(request, pk)
    try:
        # "position:digest" for each segment on the reviewer's page
        seen = dict(_seen(value) for value in request.POST.getlist("seen"))
        count = services.segments_mark_reviewed(
            acting_user=request.user, interview=interview, seen=seen
        )
    except (TypeError, ValueError):
        messages.error(request, _("There is no such segment."))
        return _back(interview)
    except ValidationError as e:
        _errors(request, e)
        return _back(interview)
    messages.success(request, _("%(n)s segments marked reviewed.") % {"n": count})
    anchor = f"#segment-{next(iter(seen))}" if len(seen) == 1 else ""
    return _back(interview, anchor)


def _seen(value: str) -> tuple[int, str]:
    position, digest = value.split(":", 1)
    return int(position), digest


@roles_required(RELEASE_TEXT)
@require_POST
def release_new(request, pk):
    interview = _interview(request, pk)
    try:
        release = services.release_create(
            acting_user=request.user, interview=interview, use=request.POST.get("use", "")
        )
    except ValidationError as e:
        _refused(request, "protection.release.refused", interview, use=request.POST.get("use", ""))
        _errors(request, e)
        return _back(interview, "#release")
    messages.success(request, _("The pseudonymised version is released."))
    return redirect("protection:release_detail", pk=release.pk)


def _releases_of(user):
    return TextRelease.objects.filter(interview__interviewee__team_id=user.team_id).select_related(
        "interview__interviewee__data_key", "released_by"
    )


@roles_required(RELEASE_TEXT)
def release_list(request):
    releases = list(_releases_of(request.user)[:500])
    for release in releases:
        release.in_force = gate.consent_in_force(release.interview, release.use)
    return render(request, "protection/release_list.html", {"releases": releases})


@roles_required(RELEASE_TEXT)
def release_detail(request, pk):
    release = get_object_or_404(_releases_of(request.user), pk=pk)
    try:
        segments = gate.released_segments(release)
    except gate.ReleaseRefused as e:
        return _gate_refused(request, release, e)
    chosen = set(Excerpt.objects.filter(release=release).values_list("position", flat=True))
    for segment in segments:
        segment["chosen"] = segment["position"] in chosen
    audit_record(
        actor=request.user, action="protection.release.viewed", target=release, request=request
    )
    return render(
        request, "protection/release_detail.html", {"release": release, "segments": segments}
    )


@roles_required(RELEASE_TEXT)
def release_download(request, pk, fmt):
    """The released version as a file: the way a text is shared with a partner."""
    release = get_object_or_404(_releases_of(request.user), pk=pk)
    # Only a version released to be shared leaves whole; one released to be quoted leaves
    # only as the excerpts a publisher chose, in the report.
    if fmt not in ("txt", "json") or release.use != ReleaseUse.SHARE:
        raise Http404
    try:
        segments = gate.released_segments(release)
    except gate.ReleaseRefused as e:
        return _gate_refused(request, release, e)
    audit_record(
        actor=request.user,
        action="protection.release.exported",
        target=release,
        detail={"format": fmt},
        request=request,
    )
    name = f"journeys-release-{release.rid}.{fmt}"
    if fmt == "json":
        response = JsonResponse(
            {"release": str(release.rid), "use": release.use, "segments": segments},
            json_dumps_params={"ensure_ascii": False, "indent": 1},
        )
    else:
        text = "\n\n".join(
            "\n".join(t for t in (s["text_ko"], s["text_en"]) if t) for s in segments
        )
        response = HttpResponse(text + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@roles_required(RELEASE_TEXT)
@require_POST
def excerpt_toggle(request, pk):
    release = get_object_or_404(_releases_of(request.user), pk=pk)
    try:
        services.excerpt_toggle(
            acting_user=request.user,
            release=release,
            position=int(request.POST.get("position", "")),
        )
    except (TypeError, ValueError):
        messages.error(request, _("There is no such segment."))
    except ValidationError as e:
        _errors(request, e)
    except gate.ReleaseRefused as e:
        _refused(request, "protection.excerpt.refused", release)
        messages.error(request, str(e))
    return redirect(reverse("protection:release_detail", args=[release.pk]) + "#excerpts")
