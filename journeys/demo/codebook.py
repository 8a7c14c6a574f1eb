"""The codebook as the demo generator sees it: every term read once, looked up in memory.

Generating a hundred thousand journeys must not query the database per event, so the terms,
their children and their bilingual labels are loaded in one query and kept in dicts.
Orders are by (sort_order, code), never by id or set order, so a seed means one dataset.
"""

from collections import defaultdict
from random import Random

from journeys.codebook.models import Kind, PlaceLevel, Term
from journeys.demo.people import ORG, PLACE, Fill


class DemoCodebookError(LookupError):
    """A term the generator needs is not in the codebook (usually: it was never loaded)."""

    def __init__(self, kind: str, code: str) -> None:
        super().__init__(f"{kind}:{code}")
        self.kind = kind
        self.code = code


class DemoCodebook:
    def __init__(self, terms: list[Term]) -> None:
        terms = sorted(terms, key=lambda t: (t.kind, t.sort_order, t.code))
        self._by_code = {(t.kind, t.code): t for t in terms}
        self._by_id = {t.pk: t for t in terms}
        self._children: dict[int, list[Term]] = defaultdict(list)
        for term in terms:
            if term.parent_id and term.active:
                self._children[term.parent_id].append(term)
        self._names: dict[tuple[int, str], Fill] = {}

    @classmethod
    def load(cls) -> "DemoCodebook":
        return cls(list(Term.objects.all()))

    def term(self, kind: str, code: str) -> Term:
        try:
            return self._by_code[(kind, code)]
        except KeyError:
            raise DemoCodebookError(kind, code) from None

    def find(self, kind: str, code: str) -> Term | None:
        """A term the journeys can do without (a newer codebook may add it)."""
        return self._by_code.get((kind, code))

    def terms(self, kind: str, codes: list[str]) -> list[Term]:
        return [self.term(kind, code) for code in codes]

    def children(self, term: Term, kind: str | None = None) -> list[Term]:
        return [t for t in self._children.get(term.pk, []) if kind is None or t.kind == kind]

    def parent(self, term: Term) -> Term | None:
        return self._by_id.get(term.parent_id) if term.parent_id else None

    def located_in(self, term: Term) -> Term | None:
        return self._by_id.get(term.located_in_id) if term.located_in_id else None

    def provinces(self, country: str) -> list[Term]:
        country_term = self.term(Kind.PLACE, country)
        return [
            t for t in self.children(country_term, Kind.PLACE) if t.level == PlaceLevel.PROVINCE
        ]

    def place_under(self, rng: Random, area: Term, *, deeper: float = 0.5) -> Term:
        """A city of the area (a town of that city, sometimes); the area itself if it has none.

        The codebook decides which cities exist: the generator never lists them itself.
        """
        cities = self.children(area, Kind.PLACE)
        if not cities:
            return area
        city = rng.choice(cities)
        towns = self.children(city, Kind.PLACE)
        return rng.choice(towns) if towns and rng.random() < deeper else city

    def region_of(self, place: Term) -> Term | None:
        """The province or prefecture a city lies in, for "연길, 연변" (not the country)."""
        parent = self.parent(place)
        if parent is None or parent.level == PlaceLevel.COUNTRY:
            return None
        return parent

    def province_of(self, place: Term) -> Term:
        """The province (or the country's first division) a place lies in; itself if none."""
        while (parent := self.region_of(place)) is not None:
            place = parent
        return place

    def name(self, term: Term, label: str | None = PLACE) -> Fill:
        """The term's labels as a value a testimony can quote (cached: one Fill per term)."""
        key = (term.pk, label or "")
        if key not in self._names:
            self._names[key] = Fill(term.label_ko, term.label_en, label)
        return self._names[key]

    def common_noun(self, term: Term) -> Fill:
        """A facility type as a common noun: 집결소 / "holding centre", not identifying."""
        key = (term.pk, "noun")
        if key not in self._names:
            english = term.label_en[:1].lower() + term.label_en[1:]
            self._names[key] = Fill(term.label_ko, english, None)
        return self._names[key]

    def organisation(self, term: Term) -> Fill:
        return self.name(term, ORG)

    def facility(self, term: Term) -> Fill:
        """Where she was held: a named facility identifies (ORG), a bare facility type does not
        and reads as "the holding centre" in English."""
        if term.kind == Kind.FACILITY:
            return self.organisation(term)
        key = (term.pk, "the")
        if key not in self._names:
            noun = self.common_noun(term)
            self._names[key] = Fill(noun.ko, f"the {noun.en}", None)
        return self._names[key]
