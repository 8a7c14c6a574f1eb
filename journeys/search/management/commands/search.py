"""`journeys search "QUERY" --user NAME [--facet FACET:CODE ...] [--json]`: hits for scripts.

Prints the matching record codes with their scores (best first), searched as the user would
search on the results page: her team, her role's rules, and an entry in the audit trail.
"""

import json

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.audit.services import audit_record
from journeys.codebook.models import Kind, Term
from journeys.search.query import QueryError
from journeys.search.selectors import FACET_NAMES, FACET_OF_KIND, Filters, search
from journeys.search.services import search_record

# The codebook kind each facet's codes belong to.
KIND_OF_FACET = {
    "stage": Kind.STAGE,
    "province": Kind.PLACE,
    "place": Kind.PLACE,
    "way_leaving": Kind.WAY_LEAVING,
    "work_china": Kind.WORK_CHINA,
    "violation": Kind.VIOLATION,
    "facility_type": Kind.FACILITY_TYPE,
}


class Command(BaseCommand):
    help = _("Search the testimonies as a member of staff; print codes and scores.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("query", nargs="?", default="")
        parser.add_argument("--user", required=True, help=_("The member of staff searching."))
        parser.add_argument(
            "--facet",
            action="append",
            default=[],
            metavar="FACET:CODE",
            help=_("A codebook filter, e.g. province:kp-ryanggang (repeatable)."),
        )
        parser.add_argument("--left-from", type=int, default=None)
        parser.add_argument("--left-until", type=int, default=None)
        parser.add_argument("--language", choices=["ko", "en", "ko+en"], default="")
        parser.add_argument("--limit", type=int, default=100)
        parser.add_argument("--json", action="store_true", help=_("Print one JSON document."))

    def handle(self, *args, query, user, facet, limit, **options) -> None:
        try:
            acting = User.objects.get(username=user, is_active=True)
        except User.DoesNotExist:
            raise CommandError(_("No active user called %(name)s.") % {"name": user}) from None
        filters = Filters(
            terms=tuple(_facet(value) for value in facet),
            left_from=options["left_from"],
            left_until=options["left_until"],
            language=options["language"],
        )
        try:
            found = search(acting, query, filters, page_size=max(1, limit), facets=False)
        except QueryError as e:
            raise CommandError(str(e)) from None
        except PermissionDenied:
            audit_record(
                actor=acting,
                action="access.refused",
                detail={"reason": "role", "command": "search"},
            )
            raise CommandError(
                _("%(name)s may not search the testimonies (role: %(role)s).")
                % {"name": acting.username, "role": acting.get_role_display()}
            ) from None
        search_record(acting_user=acting, text=query, results=found)
        self.tell_what_was_searched(found)
        hits = [
            {"code": h.code, "interview": h.interview_id, "year": h.year, "score": _score(h)}
            for h in found.hits
        ]
        if options["json"]:
            payload = {"total": found.total, "hits": hits}
            if found.more:
                payload["more"] = True  # total is the limit: more testimonies match
            if found.words_as_filters:
                payload["filters_from_words"] = {
                    typed: f"{FACET_OF_KIND[term.kind]}:{term.code}"
                    for typed, term in found.words_as_filters
                }
            if found.words_ignored:
                payload["words_ignored"] = True
                payload["ignored_words"] = found.ignored_words
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        for hit in hits:
            self.stdout.write(f"{hit['code']}\t{hit['interview']}\t{hit['score']}")

    def tell_what_was_searched(self, found) -> None:
        """On standard error, so the hits on standard output stay one per line."""
        if found.words_as_filters:
            self.stderr.write(
                _("Searched as codebook filters: %(filters)s")
                % {
                    "filters": ", ".join(
                        f"{typed} → {FACET_OF_KIND[term.kind]}:{term.code}"
                        for typed, term in found.words_as_filters
                    )
                }
            )
        if found.words_ignored:
            self.stderr.write(
                _("Not searched (your role reads coded journeys, not transcripts): %(words)s")
                % {"words": " ".join(found.ignored_words)}
            )


def _score(hit) -> float:
    """Higher is better (the backends rank by a negated score)."""
    return round(-float(hit.score), 6) + 0.0


def _facet(value: str) -> tuple[str, int]:
    name, _sep, code = value.partition(":")
    if name not in FACET_NAMES:
        raise CommandError(
            _("Unknown facet %(name)s; one of: %(names)s.")
            % {"name": name, "names": ", ".join(sorted(FACET_NAMES))}
        )
    term = Term.objects.filter(kind=KIND_OF_FACET[name], code=code).first()
    if term is None:
        raise CommandError(
            _("No codebook term %(code)s for %(name)s.") % {"code": code, "name": name}
        )
    return name, term.pk
