"""`journeys demo-releases`: review, release and quote a few demo testimonies, so that the
demonstration report has excerpts. For fictional data only: a real text is reviewed by a
person on the review page."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.archive.models import ConsentUse, Interview
from journeys.archive.selectors import interview_for_edit
from journeys.demo.templates_frame import DEMO_NOTICE_KO
from journeys.protection import services
from journeys.protection.models import TextRelease
from journeys.protection.review import review_state


def _telling_passage(state) -> int:
    """The interviewee's passage with the most details replaced: a passage of her story,
    not the interviewer's question or the demo's notice, and one that shows pseudonyms."""

    def replaced(segment_state) -> int:
        return sum(
            f.replacement not in (None, f.text)
            for lang in ("ko", "en")
            for f in segment_state.findings[lang]
        )

    told = [s for s in state.segments if s.segment.speaker == "interviewee"] or state.segments
    return max(told, key=lambda s: (replaced(s), -s.position)).position


class Command(BaseCommand):
    help = _(
        "Review and release a few fictional testimonies to be quoted, choosing one excerpt "
        "of each, as a publisher would (demonstration archives only)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--count", type=int, default=6, help=_("How many testimonies to release (6).")
        )

    def handle(self, *args, count: int, **options) -> None:
        publisher = User.objects.filter(role=Role.PUBLISHER, is_active=True).first()
        if publisher is None:
            raise CommandError(_("No active publisher: run journeys demo-users first."))
        if TextRelease.objects.exists():
            self.stdout.write(_("Released versions exist already: nothing was added."))
            return
        candidates = (
            Interview.objects.consented_to(ConsentUse.QUOTE)
            .filter(segments__isnull=False, interviewee__team_id=publisher.team_id)
            .distinct()
            .order_by("pk")[:count]
        )
        released = 0
        for candidate in candidates:
            interview = interview_for_edit(candidate.pk, publisher)
            state = review_state(interview)
            if not state.segments[0].segment.text_ko.startswith(DEMO_NOTICE_KO):
                # Never a real testimony: those are reviewed by a person, on the review page.
                raise CommandError(_("This archive holds testimonies that are not demo data."))
            seen = {s.position: s.digest for s in state.segments}
            services.segments_mark_reviewed(acting_user=publisher, interview=interview, seen=seen)
            release = services.release_create(
                acting_user=publisher, interview=interview, use="quote"
            )
            position = _telling_passage(state)
            services.excerpt_toggle(acting_user=publisher, release=release, position=position)
            released += 1
        self.stdout.write(_("%(n)s demo testimonies released, one excerpt each.") % {"n": released})
