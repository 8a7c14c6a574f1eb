"""The counting: one selector per table, each a handful of SQL aggregates.

Every count starts from `interviewees_of(user)` (her team's archive) and counts only what
interviews with statistics consent in force told (granted and not withdrawn): a woman is in
the population when at least one of her interviews may be counted, and a journey event is
counted only when the interview that told it may be. The unit is a woman (distinct
interviewees), except for prices, which are per sale.

Only readable fields are used: codes, years, provinces, consent. Nothing sealed is opened.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, CharField, Count, F, QuerySet, When
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from journeys.archive.models import ConsentUse, Interview, Interviewee, JourneyEvent
from journeys.archive.selectors import interviewees_of
from journeys.codebook.models import Kind, Term

TRAFFICKED = ("trafficked_agreed", "trafficked_deceived", "abducted")
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


def counted_interviews(user) -> QuerySet[Interview]:
    """The interviews of the user's team whose statistics consent is in force."""
    return Interview.objects.filter(
        interviewee__in=interviewees_of(user),
        consents__use=ConsentUse.STATISTICS,
        consents__granted=True,
        consents__withdrawn_on__isnull=True,
    )


def counted_women(user) -> QuerySet[Interviewee]:
    return interviewees_of(user).filter(pk__in=counted_interviews(user).values("interviewee_id"))


def counted_events(user) -> QuerySet[JourneyEvent]:
    return JourneyEvent.objects.filter(interview_id__in=counted_interviews(user).values("pk"))


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


def _grouped(qs: QuerySet, key: str, count) -> dict[str, int]:
    return {
        (NOT_RECORDED if row[key] is None else str(row[key])): row["n"]
        for row in qs.values(key).annotate(n=count).order_by()
    }


def _women_with_codes(user, kind: str) -> dict[str, int]:
    """Distinct women per code of one kind, over counted events (multi-response).

    Plain joins from the code rows of that kind to the consent, not `IN (subquery)`: SQLite
    then walks only the codes of the kind (the term index), not every event."""
    interview = "journeyevent__interview__"
    through = JourneyEvent.codes.through.objects.filter(
        term__kind=kind,
        **{
            f"{interview}interviewee__team_id": user.team_id,
            f"{interview}consents__use": ConsentUse.STATISTICS,
            f"{interview}consents__granted": True,
            f"{interview}consents__withdrawn_on__isnull": True,
        },
    )
    return _grouped(through, "term__code", Count(f"{interview}interviewee_id", distinct=True))


# -- tables -----------------------------------------------------------------------------------


def origin_provinces(user) -> Table:
    women = counted_women(user)
    counts = _grouped(women, "home_province__code", Count("pk"))
    rows = _categories(Kind.PLACE, counts)
    return _one_way("origin_provinces", _("Home province"), rows, counts, sum(counts.values()))


def birth_decades(user) -> Table:
    counts = _grouped(
        counted_women(user).annotate(decade=F("birth_year") / 10 * 10), "decade", Count("pk")
    )
    rows = [_decade(int(d)) for d in sorted(counts)]
    return _one_way("birth_decades", _("Decade of birth"), rows, counts, sum(counts.values()))


def social_class(user) -> Table:
    counts = _grouped(counted_women(user), "social_class__code", Count("pk"))
    rows = [*_categories(Kind.SOCIAL_CLASS), _not_recorded()]
    return _one_way("social_class", _("Social class"), rows, counts, sum(counts.values()))


def _coded(name: str, title, kind: str, *, sensitive=False) -> Callable[..., Table]:
    def table(user) -> Table:
        counts = _women_with_codes(user, kind)
        return _one_way(
            name,
            title,
            _categories(kind),
            counts,
            counted_women(user).count(),
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


def _trafficked_women(user) -> QuerySet:
    return (
        counted_events(user)
        .filter(codes__kind=Kind.WAY_LEAVING, codes__code__in=TRAFFICKED)
        .values("interview__interviewee_id")
    )


def _trafficked_rows() -> list[Category]:
    return [
        bilingual("trafficked", _("Trafficked")),
        bilingual("not_trafficked", _("Not trafficked")),
    ]


def trafficked(user) -> Table:
    women = counted_women(user)
    total = women.count()
    yes = women.filter(pk__in=_trafficked_women(user)).count()
    counts = {"trafficked": yes, "not_trafficked": total - yes}
    return _one_way(
        "trafficked", _("Trafficked"), _trafficked_rows(), counts, total, sensitive=True
    )


def repatriations(user) -> Table:
    """Women by the number of times they were sent back (3 or more as one category)."""
    per_woman = (
        counted_events(user)
        .filter(event_type__code="repatriation")
        .values("interview__interviewee_id")
        .annotate(n=Count("pk"))
        .values("n")
        .order_by()
    )
    sql, params = per_woman.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT n, COUNT(*) FROM ({sql}) per_woman GROUP BY n", params)
        times = dict(cursor.fetchall())
    total = counted_women(user).count()
    counts = {
        "0": total - sum(times.values()),
        "1": times.get(1, 0),
        "2": times.get(2, 0),
        "3+": sum(v for k, v in times.items() if k >= 3),
    }
    rows = [Category(k, k, k) for k in counts]
    return _one_way("repatriations", _("Times sent back"), rows, counts, total, sensitive=True)


def facility_types(user) -> Table:
    """Women by the types of facility they were held in (a named facility counts as its
    type)."""
    kind = Case(
        When(facility__kind=Kind.FACILITY_TYPE, then=F("facility__code")),
        default=F("facility__parent__code"),
        output_field=CharField(),
    )
    events = counted_events(user).filter(facility__isnull=False).annotate(kind=kind)
    counts = _grouped(events, "kind", Count("interview__interviewee_id", distinct=True))
    counts.pop(NOT_RECORDED, None)
    return _one_way(
        "facility_types",
        _("Detention facility types"),
        _categories(Kind.FACILITY_TYPE),
        counts,
        counted_women(user).count(),
        additive=False,
        sensitive=True,
    )


def _event_years(user, event_type: str) -> dict[str, int]:
    events = counted_events(user).filter(event_type__code=event_type, start_year__isnull=False)
    return _grouped(events, "start_year", Count("interview__interviewee_id", distinct=True))


def leaving_years(user) -> Table:
    """Women by year of crossing (a woman who left twice counts in both years)."""
    counts = _event_years(user, "crossing")
    return _one_way(
        "leaving_years",
        _("Year of leaving"),
        _years(int(y) for y in counts),
        counts,
        counted_women(user).count(),
        additive=False,
    )


def arrival_years(user) -> Table:
    counts = _event_years(user, "arrival")
    return _one_way(
        "arrival_years",
        _("Year of arrival in South Korea"),
        _years(int(y) for y in counts),
        counts,
        counted_women(user).count(),
        additive=False,
    )


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


def province_by_decade(user) -> Table:
    women = counted_women(user).annotate(decade=F("birth_year") / 10 * 10)
    counts = {
        (row["home_province__code"], str(row["decade"])): row["n"]
        for row in women.values("home_province__code", "decade").annotate(n=Count("pk")).order_by()
    }
    rows = _categories(Kind.PLACE, {r for r, _c in counts})
    cols = [_decade(int(d)) for d in sorted({c for _r, c in counts})]
    return _cross(
        "province_by_decade",
        _("Home province by decade of birth"),
        rows,
        cols,
        counts,
        _("Home province"),
        _("Decade of birth"),
    )


def _trafficked_by(user, key: str, rows_of) -> tuple[list[Category], dict]:
    women = counted_women(user)
    everyone = _grouped(women, key, Count("pk"))
    yes = _grouped(women.filter(pk__in=_trafficked_women(user)), key, Count("pk"))
    counts = {}
    for row, n in everyone.items():
        counts[(row, "trafficked")] = yes.get(row, 0)
        counts[(row, "not_trafficked")] = n - yes.get(row, 0)
    return rows_of(everyone), counts


def trafficked_by_province(user) -> Table:
    rows, counts = _trafficked_by(
        user, "home_province__code", lambda found: _categories(Kind.PLACE, found)
    )
    return _cross(
        "trafficked_by_province",
        _("Trafficked, by home province"),
        rows,
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
        leaving_years,
        arrival_years,
        difficulties_sk,
        province_by_decade,
        trafficked_by_province,
    )
}


def prices(user) -> Summary:
    """Prices paid for a woman (yuan), per sale: one GROUP BY over distinct prices, so the
    quartiles are read from the counts, never from every sale."""
    freq = sorted(
        (row["price_yuan"], row["n"])
        for row in counted_events(user)
        .filter(price_yuan__isnull=False)
        .values("price_yuan")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Summary("prices", _("Price paid for a woman (yuan)"), freq)
