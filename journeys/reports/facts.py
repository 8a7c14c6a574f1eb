"""The fact table (reports.Fact): what the statistics count, one row per woman and fact.

`refresh(women)` deletes and recomputes the facts of the given women (all of them when
None) with a few set-based INSERT ... SELECT statements, so one implementation serves the
archive services (one woman, in the transaction of the write), the demo generator's bulk
path (a batch) and the migration (everyone). The counting rules are the ones
tests/reports/test_statistics.py pins:

- only interviews whose statistics consent is in force count (the one definition,
  journeys.archive.models.consent_in_force: given, not withdrawn, and her consent to be
  recorded not withdrawn either), and a woman is a fact of the table only when at least one
  of hers does. The SQL of that condition is written by Django from the same queryset the
  gate and search use (`_counted`), never by hand;
- an event counts only when the interview that told it counts;
- one row per woman and code (distinct women), except prices: a row per woman and price,
  with the number of sales in `n`.

Kinds: the codebook kind of an event's codes (reason_leaving, violation, ...), and our own:
"""

from django.db import connection
from django.db.models import F

from journeys.archive.models import ConsentUse, Interview, Interviewee
from journeys.reports.models import Fact

WOMAN = "_woman"  # one row per counted woman (code "")
SOCIAL_CLASS = "_class"  # her class, or "none"
TRAFFICKED = "_trafficked"  # code "trafficked" when any counted way of leaving is trafficking
REPATRIATIONS = "_repatriations"  # code: how many times she was sent back (1, 2, ...)
FACILITY = "_facility"  # the type of each facility she was held in
CROSSING = "_crossing"  # code: a year she crossed
ARRIVAL = "_arrival"  # code: a year she arrived in South Korea
FIRST_TRANSIT = "_first_transit"  # the first transit country after China
PRICE = "_price"  # code: a price paid; n: how many sales at that price

TRAFFICKED_WAYS = ("trafficked_agreed", "trafficked_deceived", "abducted")


def _counted(ids: list[int] | None) -> tuple[str, list]:
    """Every counted interview (`interview_id`) and its woman (`woman`), narrowed to these
    women: the SQL and parameters of the shared definition of consent in force."""
    interviews = Interview.objects.consented_to(ConsentUse.STATISTICS)
    if ids is not None:
        interviews = interviews.filter(interviewee_id__in=ids)
    rows = interviews.order_by().values(interview_id=F("pk"), woman=F("interviewee_id"))
    sql, params = rows.query.sql_with_params()
    return sql, list(params)


_EVENTS = """
    FROM ({counted}) ci
    JOIN archive_journeyevent e ON e.interview_id = ci.interview_id
"""
_CODES = (
    _EVENTS
    + """
    JOIN archive_journeyevent_codes ec ON ec.journeyevent_id = e.id
    JOIN codebook_term t ON t.id = ec.term_id
"""
)
_TYPE = "JOIN codebook_term et ON et.id = e.event_type_id"
_TEXT = "VARCHAR(60)"

# Each: SELECT woman, kind, code, n (distinct per woman and code).
_FACTS = [
    (
        f"SELECT DISTINCT ci.woman AS woman, '{WOMAN}' AS kind, '' AS code, 1 AS n"
        " FROM ({counted}) ci"
    ),
    f"""SELECT DISTINCT ci.woman AS woman, '{SOCIAL_CLASS}' AS kind,
               COALESCE(sc.code, 'none') AS code, 1 AS n
        FROM ({{counted}}) ci
        JOIN archive_interviewee w ON w.id = ci.woman
        LEFT JOIN codebook_term sc ON sc.id = w.social_class_id""",
    f"SELECT DISTINCT ci.woman AS woman, t.kind AS kind, t.code AS code, 1 AS n {_CODES}",
    f"""SELECT DISTINCT ci.woman AS woman, '{TRAFFICKED}' AS kind, 'trafficked' AS code, 1 AS n
        {_CODES}
        WHERE t.kind = 'way_leaving' AND t.code IN ({", ".join(["%s"] * len(TRAFFICKED_WAYS))})""",
    f"""SELECT ci.woman AS woman, '{REPATRIATIONS}' AS kind, CAST(COUNT(*) AS {_TEXT}) AS code,
               1 AS n
        {_EVENTS} {_TYPE}
        WHERE et.code = 'repatriation' GROUP BY ci.woman""",
    f"""SELECT DISTINCT held.woman AS woman, '{FACILITY}' AS kind, held.code AS code, 1 AS n
        FROM (
            SELECT ci.woman AS woman,
                   CASE WHEN f.kind = 'facility_type' THEN f.code ELSE fp.code END AS code
            {_EVENTS}
            JOIN codebook_term f ON f.id = e.facility_id
            LEFT JOIN codebook_term fp ON fp.id = f.parent_id
        ) held
        WHERE held.code IS NOT NULL""",
    f"""SELECT DISTINCT ci.woman AS woman,
               CASE WHEN et.code = 'crossing' THEN '{CROSSING}' ELSE '{ARRIVAL}' END AS kind,
               CAST(e.start_year AS {_TEXT}) AS code, 1 AS n
        {_EVENTS} {_TYPE}
        WHERE et.code IN ('crossing', 'arrival') AND e.start_year IS NOT NULL""",
    f"""SELECT ranked.woman AS woman, '{FIRST_TRANSIT}' AS kind, ranked.code AS code, 1 AS n
        FROM (
            SELECT ci.woman AS woman, t.code AS code, ROW_NUMBER() OVER (
                PARTITION BY ci.woman ORDER BY e.interview_id, e.position, t.code
            ) AS rn
            {_CODES}
            WHERE t.kind = 'transit_country' AND t.code <> 'cn'
        ) ranked
        WHERE ranked.rn = 1""",
    f"""SELECT ci.woman AS woman, '{PRICE}' AS kind, CAST(e.price_yuan AS {_TEXT}) AS code,
               COUNT(*) AS n
        {_EVENTS}
        WHERE e.price_yuan IS NOT NULL GROUP BY ci.woman, e.price_yuan""",
]
_INSERT = """
    INSERT INTO reports_fact (team_id, woman_id, birth_year, province, kind, code, n)
    SELECT w.team_id, w.id, w.birth_year, COALESCE(p.code, 'none'), f.kind, f.code, f.n
    FROM ({fact}) f
    JOIN archive_interviewee w ON w.id = f.woman
    LEFT JOIN codebook_term p ON p.id = w.home_province_id
"""
# Women per statement when some are refreshed: well within every database's parameter limit.
CHUNK = 500


def refresh(women=None) -> None:
    """Recompute the facts of these women (interviewees or ids; everyone when None). Call it
    inside the transaction of the write that changed what may be counted about them."""
    if women is None:
        fill()
        return
    ids = sorted({w if isinstance(w, int) else w.pk for w in women})
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        # Lock the women first (PostgreSQL; SQLite writes one at a time anyway): two writes
        # refreshing the same woman at once would otherwise interleave their DELETE and
        # INSERT and leave her counted twice, or counted after a withdrawal.
        list(
            Interviewee.objects.select_for_update()
            .filter(pk__in=chunk)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Fact.objects.filter(woman_id__in=chunk).delete()
        _insert(chunk)


def fill() -> None:
    """Every woman's facts, from scratch (the migration; after a restore)."""
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM reports_fact")
    _insert(None)


def _insert(ids: list[int] | None) -> None:
    """One INSERT ... SELECT of every kind of fact (a UNION ALL): two statements per refresh,
    with the DELETE, however many women."""
    counted, counted_params = _counted(ids)
    arms, params = [], []
    for number, fact in enumerate(_FACTS):
        arms.append(f"SELECT woman, kind, code, n FROM ({fact.format(counted=counted)}) f{number}")
        params += counted_params
        if f"'{TRAFFICKED}'" in fact:
            params += TRAFFICKED_WAYS
    with connection.cursor() as cursor:
        cursor.execute(_INSERT.format(fact=" UNION ALL ".join(arms)), params)
