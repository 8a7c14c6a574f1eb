"""The counting: one selector per table, each one GROUP BY over the fact table.

Every count is of the user's team (`interviewees_of(user)`'s team) and only of what
interviews with statistics consent in force told (granted and not withdrawn): a woman is in
the population when at least one of her interviews may be counted, and a journey event is
counted only when the interview that told it may be. The unit is a woman (distinct
interviewees), except for prices, which are per sale.

Those rules are applied once, when the facts are written (`journeys.reports.facts`, in the
transaction of every archive write that changes them); here each table is read from
`reports.Fact` with one indexed GROUP BY. Only readable fields are used: codes, years,
provinces, consent. Nothing sealed is opened.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet, Sum
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from journeys.codebook.models import Kind, Term
from journeys.reports import facts
from journeys.reports.models import Fact

TRAFFICKED = facts.TRAFFICKED_WAYS
NOT_RECORDED = "none"
TOTAL = "*"


@dataclass(frozen=True)
class Category:
    code: str
    label_en: str
    label_ko: str


@dataclass
class Table:
    """Counts before disclosure control; never shown as they are.

    `counts` maps (row code, column code) to a count; a 1-D table has the column "".
    `additive`: the cells of a line sum to its total (single-valued categories), so the
    totals are constraints an attacker can subtract from; multi-response tables (a woman
    with several reasons) are not, and their total is the number of women counted.
    `sensitive`: the categories are facts that must not be attributed to a whole group.
    """

    name: str
    title: Promise
    rows: list[Category]
    cols: list[Category]
    counts: dict[tuple[str, str], int]
    total: int
    additive: bool = True
    sensitive: bool = False
    row_title: Promise = field(default=_("category"))
    col_title: Promise | None = None


@dataclass
class Summary:
    """The distribution of one number (prices) as (value, how many) pairs, ascending."""

    name: str
    title: Promise
    freq: list[tuple[int, int]]

    @property
    def n(self) -> int:
        return sum(count for _value, count in self.freq)

    def at(self, rank: int) -> int | None:
        """The value at a 1-based rank in the sorted values."""
        seen = 0
        for value, count in self.freq:
            seen += count
            if seen >= rank:
                return value
        return None


# -- populations ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which of the team's women a table counts: born within years (inclusive) and from one
    home province (a place code). Only fields of the interviewee that are never sealed."""

    born_from: int | None = None
    born_to: int | None = None
    province: str | None = None

    def filters(self) -> dict:
        found = {}
        if self.born_from is not None:
            found["birth_year__gte"] = self.born_from
        if self.born_to is not None:
            found["birth_year__lte"] = self.born_to
        if self.province:
            found["province"] = self.province
        return found

    def filters_on_interviewee(self) -> dict:
        """The same scope over archive.Interviewee (its province is a term)."""
        found = {k: v for k, v in self.filters().items() if k != "province"}
        if self.province:
            found["home_province__code"] = self.province
        return found

    def as_parameters(self) -> dict:
        """For the register: only what narrows the population."""
        return {k: v for k, v in vars(self).items() if v not in (None, "")}


EVERYONE = Scope()


def facts_of(user, kind: str, scope: Scope = EVERYONE) -> QuerySet[Fact]:
    """The facts of one kind about the counted women of the user's team (the team of
    `interviewees_of(user)`), within the scope."""
    return Fact.objects.filter(team_id=user.team_id, kind=kind, **scope.filters())


def counted_total(user, scope: Scope = EVERYONE) -> int:
    return facts_of(user, facts.WOMAN, scope).count()


# -- helpers ----------------------------------------------------------------------------------


def _categories(kind: str, codes=None) -> list[Category]:
    terms = Term.objects.filter(kind=kind)
    if codes is not None:
        terms = terms.filter(code__in=codes)
    return [
        Category(t.code, t.label_en, t.label_ko)
        for t in terms.order_by("sort_order", "label_en").only("code", "label_en", "label_ko")
    ]


def bilingual(code: str, text, **params) -> Category:
    """A category of our own (not a codebook term), labelled in both languages from the
    message catalogue (a lazy message, formatted with params in each language)."""
    labels = {}
    for lang in ("en", "ko"):
        with translation.override(lang):
            labels[lang] = str(text) % params if params else str(text)
    return Category(code, labels["en"], labels["ko"])


def _not_recorded() -> Category:
    return bilingual(NOT_RECORDED, _("Not recorded"))


def _years(values) -> list[Category]:
    return [Category(str(v), str(v), str(v)) for v in sorted(values)]


def _decade(year: int) -> Category:
    return bilingual(str(year), _("%(decade)ss"), decade=year)


def _one_way(name, title, rows, counts: dict[str, int], total, **options) -> Table:
    return Table(name, title, rows, [], {(k, ""): v for k, v in counts.items()}, total, **options)


def _grouped(qs: QuerySet, key: str) -> dict[str, int]:
    return {str(row[key]): row["n"] for row in qs.values(key).annotate(n=Count("pk")).order_by()}


def _codes(user, kind: str, scope: Scope) -> dict[str, int]:
    """Women per code of one kind of fact."""
    return _grouped(facts_of(user, kind, scope), "code")


def _by_decade(qs: QuerySet) -> QuerySet:
    return qs.annotate(decade=F("birth_year") / 10 * 10)


# -- tables -----------------------------------------------------------------------------------


def origin_provinces(user, scope: Scope = EVERYONE) -> Table:
    counts = _grouped(facts_of(user, facts.WOMAN, scope), "province")
    rows = _categories(Kind.PLACE, counts)
    return _one_way("origin_provinces", _("Home province"), rows, counts, sum(counts.values()))


def birth_decades(user, scope: Scope = EVERYONE) -> Table:
    counts = _grouped(_by_decade(facts_of(user, facts.WOMAN, scope)), "decade")
    rows = [_decade(int(d)) for d in sorted(counts, key=int)]
    return _one_way("birth_decades", _("Decade of birth"), rows, counts, sum(counts.values()))


def social_class(user, scope: Scope = EVERYONE) -> Table:
    counts = _codes(user, facts.SOCIAL_CLASS, scope)
    rows = [*_categories(Kind.SOCIAL_CLASS), _not_recorded()]
    return _one_way("social_class", _("Social class"), rows, counts, sum(counts.values()))


def _coded(name: str, title, kind: str, *, sensitive=False) -> Callable[..., Table]:
    def table(user, scope: Scope = EVERYONE) -> Table:
        return _one_way(
            name,
            title,
            _categories(kind),
            _codes(user, kind, scope),
            counted_total(user, scope),
            additive=False,
            sensitive=sensitive,
        )

    table.__name__ = name
    return table


reasons_leaving = _coded("reasons_leaving", _("Reasons for leaving"), Kind.REASON_LEAVING)
ways_leaving = _coded("ways_leaving", _("Ways of leaving"), Kind.WAY_LEAVING, sensitive=True)
work_china = _coded("work_china", _("Work in China"), Kind.WORK_CHINA, sensitive=True)
situations_china = _coded(
    "situations_china", _("Situations in China"), Kind.SITUATION_CHINA, sensitive=True
)
violations = _coded("violations", _("Violations suffered"), Kind.VIOLATION, sensitive=True)
transit_routes = _coded("transit_routes", _("Transit countries"), Kind.TRANSIT_COUNTRY)
difficulties_sk = _coded("difficulties_sk", _("Difficulties in South Korea"), Kind.DIFFICULTY_SK)


def _trafficked_rows() -> list[Category]:
    return [
        bilingual("trafficked", _("Trafficked")),
        bilingual("not_trafficked", _("Not trafficked")),
    ]


def trafficked(user, scope: Scope = EVERYONE) -> Table:
    total = counted_total(user, scope)
    yes = facts_of(user, facts.TRAFFICKED, scope).count()
    counts = {"trafficked": yes, "not_trafficked": total - yes}
    return _one_way(
        "trafficked", _("Trafficked"), _trafficked_rows(), counts, total, sensitive=True
    )


def repatriations(user, scope: Scope = EVERYONE) -> Table:
    """Women by the number of times they were sent back (3 or more as one category)."""
    times = {int(k): v for k, v in _codes(user, facts.REPATRIATIONS, scope).items()}
    total = counted_total(user, scope)
    counts = {
        "0": total - sum(times.values()),
        "1": times.get(1, 0),
        "2": times.get(2, 0),
        "3+": sum(v for k, v in times.items() if k >= 3),
    }
    rows = [Category(k, k, k) for k in counts]
    return _one_way("repatriations", _("Times sent back"), rows, counts, total, sensitive=True)


def facility_types(user, scope: Scope = EVERYONE) -> Table:
    """Women by the types of facility they were held in (a named facility counts as its
    type)."""
    return _one_way(
        "facility_types",
        _("Detention facility types"),
        _categories(Kind.FACILITY_TYPE),
        _codes(user, facts.FACILITY, scope),
        counted_total(user, scope),
        additive=False,
        sensitive=True,
    )


def leaving_years(user, scope: Scope = EVERYONE) -> Table:
    """Women by year of crossing (a woman who left twice counts in both years)."""
    counts = _codes(user, facts.CROSSING, scope)
    return _one_way(
        "leaving_years",
        _("Year of leaving"),
        _years(int(y) for y in counts),
        counts,
        counted_total(user, scope),
        additive=False,
    )


def arrival_years(user, scope: Scope = EVERYONE) -> Table:
    counts = _codes(user, facts.ARRIVAL, scope)
    return _one_way(
        "arrival_years",
        _("Year of arrival in South Korea"),
        _years(int(y) for y in counts),
        counts,
        counted_total(user, scope),
        additive=False,
    )


def first_transit(user, scope: Scope = EVERYONE) -> Table:
    """Women by the first country after China on the way to South Korea: the earliest coded
    transit country (other than China) of her counted interviews, or none recorded.
    Single-valued, so the flow of journeys (province, China, this, South Korea) adds up."""
    counts = _codes(user, facts.FIRST_TRANSIT, scope)
    total = counted_total(user, scope)
    counts[NOT_RECORDED] = total - sum(counts.values())
    rows = [*(c for c in _categories(Kind.TRANSIT_COUNTRY) if c.code != "cn"), _not_recorded()]
    return _one_way("first_transit", _("First country after China"), rows, counts, total)


# -- cross-tabs (single-valued on both sides, so every margin is a sum) ------------------------


def _cross(name, title, rows, cols, counts, row_title, col_title, **options) -> Table:
    return Table(
        name,
        title,
        rows,
        cols,
        counts,
        sum(counts.values()),
        row_title=row_title,
        col_title=col_title,
        **options,
    )


def province_by_decade(user, scope: Scope = EVERYONE) -> Table:
    women = _by_decade(facts_of(user, facts.WOMAN, scope))
    counts = {
        (row["province"], str(row["decade"])): row["n"]
        for row in women.values("province", "decade").annotate(n=Count("pk")).order_by()
    }
    rows = _categories(Kind.PLACE, {r for r, _c in counts})
    cols = [_decade(int(d)) for d in sorted({c for _r, c in counts}, key=int)]
    return _cross(
        "province_by_decade",
        _("Home province by decade of birth"),
        rows,
        cols,
        counts,
        _("Home province"),
        _("Decade of birth"),
    )


def trafficked_by_province(user, scope: Scope = EVERYONE) -> Table:
    everyone = _grouped(facts_of(user, facts.WOMAN, scope), "province")
    yes = _grouped(facts_of(user, facts.TRAFFICKED, scope), "province")
    counts = {}
    for row, n in everyone.items():
        counts[(row, "trafficked")] = yes.get(row, 0)
        counts[(row, "not_trafficked")] = n - yes.get(row, 0)
    return _cross(
        "trafficked_by_province",
        _("Trafficked, by home province"),
        _categories(Kind.PLACE, everyone),
        _trafficked_rows(),
        counts,
        _("Home province"),
        _("Trafficked"),
        sensitive=True,
    )


TABLES: dict[str, Callable] = {
    f.__name__: f
    for f in (
        origin_provinces,
        birth_decades,
        social_class,
        reasons_leaving,
        ways_leaving,
        trafficked,
        work_china,
        situations_china,
        violations,
        repatriations,
        facility_types,
        transit_routes,
        first_transit,
        leaving_years,
        arrival_years,
        difficulties_sk,
        province_by_decade,
        trafficked_by_province,
    )
}


def prices(user, scope: Scope = EVERYONE) -> Summary:
    """Prices paid for a woman (yuan), per sale: one GROUP BY over distinct prices, so the
    quartiles are read from the counts, never from every sale."""
    rows = facts_of(user, facts.PRICE, scope).values("code").annotate(n=Sum("n")).order_by()
    freq = sorted((int(row["code"]), row["n"]) for row in rows)
    return Summary("prices", _("Price paid for a woman (yuan)"), freq)
