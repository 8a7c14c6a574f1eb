"""Writes of the review and the release. Each takes the acting user and an interview opened
with its sealer (journeys.archive.selectors.interview_for_edit), validates, and writes with
its audit entry in one transaction.

Audit details name the kind of detail and the action, never the detail itself: the trail is
read by administrators, and a name in it would be a leak.
"""

import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from journeys.archive.models import Interview
from journeys.archive.selectors import transcript_of
from journeys.audit.services import audit_record
from journeys.protection import gate
from journeys.protection.detect import LABELS
from journeys.protection.models import (
    Excerpt,
    ReleaseUse,
    SegmentReview,
    TestimonyReview,
    TextRelease,
)
from journeys.protection.pseudonymise import Policy, PolicyError
from journeys.protection.review import (
    ACCEPT,
    EDIT,
    LANGS,
    REJECT,
    decision_key,
    review_state,
    stored_review,
)

MAX_FORM = 100
MAX_REPLACEMENT = 100


def _locked_review(interview: Interview) -> tuple[TestimonyReview, dict]:
    """The interview's review row, locked, and what it stores: called inside the writing
    transaction, so two reviewers' changes at once never overwrite each other."""
    TestimonyReview.objects.get_or_create(interview=interview)
    review = TestimonyReview.objects.select_for_update().get(interview=interview)
    return review, stored_review(interview)


def _save_review(interview: Interview, review: TestimonyReview, stored: dict) -> None:
    review.decisions_sealed = interview.sealer.seal(
        review, "decisions", json.dumps(stored, ensure_ascii=False, sort_keys=True)
    )
    review.save(update_fields=["decisions_sealed", "updated_at"])


def decision_set(
    *, acting_user, interview: Interview, lang: str, text: str, action: str, replacement: str = ""
) -> None:
    """Accept, edit or reject the replacement of a detail, wherever it occurs in `lang`."""
    replacement = replacement.strip()
    if lang not in LANGS or action not in (ACCEPT, EDIT, REJECT) or not text:
        raise ValidationError(_("This decision is not one the review page offers."))
    if action == EDIT and not replacement:
        raise ValidationError({"replacement": _("Write the replacement, or accept the proposal.")})
    if len(replacement) > MAX_REPLACEMENT:
        raise ValidationError(
            {
                "replacement": _("A replacement has at most %(n)s characters.")
                % {"n": MAX_REPLACEMENT}
            }
        )
    if action == EDIT and text in replacement:
        raise ValidationError({"replacement": _("The replacement may not repeat the detail.")})
    key = decision_key(lang, text)
    with transaction.atomic():
        review, stored = _locked_review(interview)
        if action == ACCEPT:
            stored["decisions"].pop(key, None)
        else:
            stored["decisions"][key] = {"action": action, "replacement": replacement}
        _save_review(interview, review, stored)
        audit_record(
            actor=acting_user,
            action="protection.decision",
            target=interview,
            detail={"action": action, "lang": lang},
        )


def missed_mark(*, acting_user, interview: Interview, form: str, label: str) -> int:
    """A detail the detection missed: it is then found, and replaced, in every segment of the
    testimony and both languages. Returns how many occurrences were found."""
    form = form.strip()
    if label not in LABELS:
        raise ValidationError({"label": _("Choose what kind of detail this is.")})
    if not form or len(form) > MAX_FORM:
        raise ValidationError(
            {
                "form": _("Write the detail as it appears, at most %(n)s characters.")
                % {"n": MAX_FORM}
            }
        )
    found = _occurrences(interview, form)
    if not found:
        raise ValidationError({"form": _("This text does not occur in the testimony.")})
    with transaction.atomic():
        review, stored = _locked_review(interview)
        if [form, label] in stored["extra"]:
            raise ValidationError({"form": _("This detail is already marked.")})
        stored["extra"].append([form, label])
        _save_review(interview, review, stored)
        audit_record(
            actor=acting_user,
            action="protection.missed",
            target=interview,
            detail={"label": label, "occurrences": found},
        )
    return found


def _occurrences(interview: Interview, form: str) -> int:
    """How often the form is written in the transcript, in either language, as typed."""
    return sum(
        getattr(segment, f"text_{lang}").count(form)
        for segment in transcript_of(interview)
        for lang in LANGS
    )


def policy_set(*, acting_user, interview: Interview, values: dict) -> Policy:
    """The pseudonymisation policy of this interview's next release."""
    try:
        policy = Policy.from_dict(values)
    except PolicyError as e:
        raise ValidationError(str(e)) from None
    with transaction.atomic():
        review, stored = _locked_review(interview)
        stored["policy"] = policy.as_dict()
        _save_review(interview, review, stored)
        audit_record(
            actor=acting_user,
            action="protection.policy",
            target=interview,
            detail=policy.as_dict(),
        )
    return policy


def segments_mark_reviewed(*, acting_user, interview: Interview, seen: dict[int, str]) -> int:
    """Approve the segments the reviewer saw: `seen` maps each position to the digest shown
    on her page (texts, replacements and decisions). A segment that changed since, or one
    she never saw, is not approved: all or nothing. Returns how many were marked."""
    state = {s.position: s for s in review_state(interview).segments}
    if not seen or any(position not in state for position in seen):
        raise ValidationError(_("There is no such segment."))
    changed = [p + 1 for p, digest in sorted(seen.items()) if state[p].digest != digest]
    if changed:
        raise ValidationError(
            _(
                "Segments %(numbers)s changed since you opened the page: read them again "
                "before marking them reviewed."
            )
            % {"numbers": ", ".join(map(str, changed))}
        )
    chosen = [state[p] for p in sorted(seen)]
    with transaction.atomic():
        for s in chosen:
            SegmentReview.objects.update_or_create(
                interview=interview,
                position=s.position,
                defaults={"digest": s.digest, "reviewed_by": acting_user},
            )
        audit_record(
            actor=acting_user,
            action="protection.reviewed",
            target=interview,
            detail={"segments": [s.position for s in chosen]},
        )
    return len(chosen)


def release_create(*, acting_user, interview: Interview, use: str) -> TextRelease:
    """Release the pseudonymised text for one use, through the gate."""
    state = review_state(interview)
    reasons = gate.refusals(state, use)
    if reasons:
        raise ValidationError(reasons)
    segments = [
        {
            "position": s.position,
            "speaker": s.segment.speaker,
            "text_ko": s.released("ko"),
            "text_en": s.released("en"),
        }
        for s in state.segments
    ]
    release = TextRelease(
        interview=interview, use=use, policy=state.policy.as_dict(), released_by=acting_user
    )
    release.segments_sealed = interview.sealer.seal(
        release, "segments", json.dumps(segments, ensure_ascii=False)
    )
    with transaction.atomic():
        release.save()
        audit_record(
            actor=acting_user,
            action="protection.released",
            target=release,
            detail={"use": use, "segments": len(segments), "interview": interview.pk},
        )
    return release


def excerpt_toggle(*, acting_user, release: TextRelease, position: int) -> bool:
    """Choose a passage of a release to be quoted for the report, or take it back.
    Returns whether it is chosen now."""
    if release.use != ReleaseUse.QUOTE:
        raise ValidationError(_("Only a version released to be quoted can give excerpts."))
    segments = gate.released_segments(release)  # refuses after a withdrawal
    if position not in {s["position"] for s in segments}:
        raise ValidationError(_("There is no such segment."))
    with transaction.atomic():
        deleted, _rows = Excerpt.objects.filter(release=release, position=position).delete()
        if not deleted:
            Excerpt.objects.create(release=release, position=position, chosen_by=acting_user)
        audit_record(
            actor=acting_user,
            action="protection.excerpt." + ("removed" if deleted else "chosen"),
            target=release,
            detail={"position": position},
        )
    return not deleted
