"""The release gate: the one way testimony text leaves Journeys.

A text is released (journeys.protection.services.release_create) only when every segment
of the interview was reviewed in the form it has now and the interviewee's consent covers
the use. Every way out reads released text through `released_segments` (the release page,
its download, the report's excerpts through `report_excerpts`), which checks the consent
again at that moment: a withdrawal blocks every later output, of old releases too.
"""

import json
from dataclasses import dataclass

from django.utils.translation import gettext as _

from journeys.archive.models import Interview
from journeys.keys.sealing import Sealer
from journeys.protection.models import Excerpt, ReleaseUse, TextRelease
from journeys.protection.review import ReviewState


class ReleaseRefused(Exception):
    """The text may not leave: the message says why, in the user's language."""


def consent_in_force(interview: Interview, use: str) -> bool:
    """Whether her consent to this use is in force now, by the archive's one definition
    (journeys.archive.models.consent_in_force: a woman who withdraws her consent to be
    recorded withdraws every use of her words)."""
    return Interview.objects.filter(pk=interview.pk).consented_to(use).exists()


def refusals(state: ReviewState, use: str) -> list[str]:
    """Why this interview's text may not be released for this use now (empty: it may)."""
    reasons = []
    if use not in ReleaseUse.values:
        reasons.append(_("A text can be released only to be quoted or shared."))
    elif not consent_in_force(state.interview, use):
        reasons.append(_("She has not given, or has withdrawn, her consent to this use."))
    if not state.segments:
        reasons.append(_("The interview has no transcript to release."))
    waiting = [s.position + 1 for s in state.segments if not s.reviewed]
    if waiting:
        reasons.append(
            _("Segments not reviewed in their present form: %(numbers)s.")
            % {"numbers": ", ".join(map(str, waiting))}
        )
    return reasons


def released_segments(release: TextRelease) -> list[dict]:
    """The released text, only while her consent to the release's use is in force."""
    if not consent_in_force(release.interview, release.use):
        raise ReleaseRefused(
            _("Her consent to this use was withdrawn: this version may no longer be used.")
        )
    sealer = Sealer(release.interview.interviewee.data_key)
    return json.loads(sealer.open(release, "segments"))


@dataclass(frozen=True)
class ReportExcerpt:
    heading_ko: str
    heading_en: str
    text_ko: str
    text_en: str
    release_id: int  # the released version quoted: the report's audit entry names it


def report_excerpts(user) -> list[ReportExcerpt]:
    """The passages publishers chose for the report, from the latest release to be quoted
    of each interview of the user's team, leaving out every interview whose consent to be
    quoted is no longer in force. Headings number the testimonies and give the year of
    the interview only: nothing that points to a woman."""
    releases = (
        TextRelease.objects.filter(
            use=ReleaseUse.QUOTE, interview__interviewee__team_id=user.team_id
        )
        .select_related("interview__interviewee__data_key")
        .order_by("interview_id", "-released_at", "-id")
    )
    latest: dict[int, TextRelease] = {}
    for release in releases:
        latest.setdefault(release.interview_id, release)
    chosen = Excerpt.objects.filter(release__in=latest.values()).order_by(
        "release__interview__interviewee__code", "release__interview__year", "position"
    )
    by_release: dict[int, list[int]] = {}
    for excerpt in chosen:
        by_release.setdefault(excerpt.release_id, []).append(excerpt.position)
    excerpts, number = [], 0
    for release in sorted(latest.values(), key=_order):
        if release.pk not in by_release:
            continue
        try:
            segments = {s["position"]: s for s in released_segments(release)}
        except ReleaseRefused:
            continue
        number += 1
        for position in by_release[release.pk]:
            segment = segments[position]
            excerpts.append(
                ReportExcerpt(
                    heading_ko=f"증언 {number} ({release.interview.year}년 면담)",
                    heading_en=f"Testimony {number} (interviewed {release.interview.year})",
                    text_ko=segment["text_ko"],
                    text_en=segment["text_en"],
                    release_id=release.pk,
                )
            )
    return excerpts


def _order(release: TextRelease) -> tuple:
    return (release.interview.interviewee.code, release.interview.year, release.interview_id)
