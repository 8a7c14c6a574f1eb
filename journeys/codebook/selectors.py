"""Reads from the codebook: look-ups by any spelling, and the choices forms offer."""

from django.db.models import QuerySet

from journeys.codebook.models import Alias, Kind, PlaceLevel, Term
from journeys.lib.hangul import fold


def term_by_code(kind: str, code: str) -> Term:
    return Term.objects.get(kind=kind, code=code)


def terms_of_kind(kind: str) -> QuerySet[Term]:
    return Term.objects.filter(kind=kind, active=True)


def provinces() -> QuerySet[Term]:
    return terms_of_kind(Kind.PLACE).filter(level=PlaceLevel.PROVINCE, parent__code="kp")


def region_of(place: Term) -> Term:
    """The province a place lies in (itself for a province or a country).

    Cities and towns can identify a woman; the province is what may be counted.
    """
    term = place
    while term.level not in (PlaceLevel.PROVINCE, PlaceLevel.COUNTRY) and term.parent_id:
        term = term.parent
    return term


def regions_by_place() -> dict[int, Term]:
    """region_of for every place at once, from one query (for bulk writers)."""
    places = {term.pk: term for term in Term.objects.filter(kind=Kind.PLACE)}

    def region(term: Term) -> Term:
        while term.level not in (PlaceLevel.PROVINCE, PlaceLevel.COUNTRY) and term.parent_id:
            term = places[term.parent_id]
        return term

    return {pk: region(term) for pk, term in places.items()}


def terms_matching(spelling: str, *, kind: str | None = None) -> list[Term]:
    """Terms with a spelling equal to this one once folded (량강도 finds 양강도)."""
    aliases = Alias.objects.filter(folded=fold(spelling)).select_related("term")
    if kind:
        aliases = aliases.filter(term__kind=kind)
    return _unique_terms(aliases)


def terms_search(query: str, *, kind: str | None = None, limit: int = 20) -> list[Term]:
    """Terms with a spelling that starts with (then contains) the query, for pickers."""
    folded = fold(query)
    if not folded:
        return []
    aliases = Alias.objects.select_related("term", "term__parent").filter(term__active=True)
    if kind:
        aliases = aliases.filter(term__kind=kind)
    starting = list(aliases.filter(folded__startswith=folded)[: limit * 3])
    containing = list(aliases.filter(folded__contains=folded)[: limit * 3])
    return _unique_terms(starting + containing)[:limit]


def _unique_terms(aliases) -> list[Term]:
    seen: dict[int, Term] = {}
    for alias in aliases:
        seen.setdefault(alias.term_id, alias.term)
    return list(seen.values())
