"""Search latency and indexing speed on a large demo archive; prints its figures.

    .venv/bin/python bench/search.py [--queries 300] [--sample 300]

SQLite (the default): the archive in bench/out/archive-100000, built with
`journeys demo-data --count 100000 --seed 7` (which indexes as it goes; 41 minutes on a quiet
machine on 2026-12-05), or a smaller one grown with bench/search_grow.py.
PostgreSQL: copy that archive's index into a PostgreSQL database with bench/search_to_pg.py,
then run this with the same DATABASE_URL and --skip-indexing (see docs/search.md).

It measures, for 1-3 word queries (Korean and English) each with one facet filter:
- ours: journeys.search.selectors.search() as the page and `journeys search` call it
  (parse, analyse, alias look-up, hash, match, team and facet filter, rank the newest
  selectors.HIT_LIMIT hits at most, first page, total);
- ours with the facet counts the results page adds;
- bare: the same bounded query on the same index with none of our Python (parsing, analysis,
  sorting, reading the page's rows);
- bare, every hit ranked: the same match with every hit scored and counted, as it was before
  the hit limit (selectors.HIT_LIMIT), to show what the limit saves.
And indexing: bare Kiwi tokenizing against our whole document build (Korean and English
analysis, hashing, facets) on a sample of interviews, in characters of Korean per second.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KOREAN = [
    "중국",
    "탈북",
    "혜산",
    "회령",
    "집결소",
    "팔려갔다",
    "브로커",
    "공안",
    "교화소",
    "두만강",
    "연길",
    "시장",
    "배급",
    "노동단련대",
    "녀성",
    "식당",
    "남편",
    "아이",
    "보위부",
    "북송",
    "라오스",
    "하나원",
    "량강도",
    "청진",
    "장사",
    "농촌",
    "도망",
    "잡혔다",
    "심양",
    "돈",
]
ENGLISH = [
    "China",
    "broker",
    "Hyesan",
    "police",
    "farmer",
    "market",
    "river",
    "sold",
    "husband",
    "detention",
    "Laos",
    "Hanawon",
    "Yanji",
    "restaurant",
    "beaten",
    "caught",
    "Tumen",
    "famine",
    "child",
    "Chongjin",
]
FACETS = [
    ("province", "place", "kp-hamgyongbuk"),
    ("province", "place", "kp-ryanggang"),
    ("stage", "stage", "detention"),
    ("stage", "stage", "china"),
    ("way_leaving", "way_leaving", "broker"),
    ("place", "place", "cn-jilin"),
    ("facility_type", "facility_type", "jipkyulso"),
    ("work_china", "work_china", "farm_wife"),
]


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(values) -> str:
    return (
        f"p50 {1000 * percentile(values, 0.5):6.1f} ms   p95 {1000 * percentile(values, 0.95):6.1f}"
        f" ms   max {1000 * max(values):6.1f} ms"
    )


def setup():
    os.environ.setdefault("JOURNEYS_DATA_DIR", str(ROOT / "bench" / "out" / "archive-100000"))
    os.environ.setdefault("JOURNEYS_KEY_FILE", os.environ["JOURNEYS_DATA_DIR"] + ".key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()


def queries(count: int, seed: int):
    from journeys.codebook.models import Term
    from journeys.search.selectors import Filters

    rng = random.Random(seed)
    facets = []
    for facet, kind, code in FACETS:
        term = Term.objects.filter(kind=kind, code=code).first()
        if term is not None:
            facets.append((facet, term.pk))
    out = []
    for _ in range(count):
        words = rng.sample(KOREAN if rng.random() < 0.6 else ENGLISH, rng.choice([1, 2, 3]))
        out.append((" ".join(words), Filters(terms=(rng.choice(facets),))))
    return out


def every_hit_sql(vendor: str) -> tuple[str, str]:
    """The same match, every hit ranked: the first page, and the number of hits."""
    if vendor == "sqlite":
        top = (
            "SELECT rowid, bm25(search_fts, 1.0, 0.0) AS s FROM search_fts"
            " WHERE search_fts MATCH %s ORDER BY s LIMIT 20"
        )
        return top, "SELECT count(*) FROM search_fts WHERE search_fts MATCH %s"
    top = "SELECT h.interview_id, ts_rank(d.tsv, CAST(%s AS tsquery), 1) AS s FROM ({}) h"
    top += " JOIN search_doc d ON d.interview_id = h.interview_id ORDER BY s DESC LIMIT 20"
    return top, "SELECT count(*) FROM ({}) h"


def bare(cursor, vendor, node, team, filters, every: bool) -> tuple[float, float]:
    """Seconds for the bare index, no Python of ours: (the bounded candidates query ours
    runs, every hit ranked and counted; 0 unless `every`)."""
    from journeys.search.backends import backend
    from journeys.search.selectors import HIT_LIMIT

    started = time.perf_counter()
    cursor.execute(*backend().candidates_sql(node, team, filters, HIT_LIMIT + 1))
    cursor.fetchall()
    bounded = time.perf_counter() - started
    if not every:
        return bounded, 0.0
    top, count = every_hit_sql(vendor)
    started = time.perf_counter()
    if vendor == "sqlite":
        expression = backend().match_expression(node, team, filters)
        cursor.execute(top, [expression])
        cursor.fetchall()
        cursor.execute(count, [expression])
    else:
        hits, params = backend().hits_sql(node, team, filters, "d.interview_id")
        cursor.execute(top.format(hits), [backend().compile(node), *params])
        cursor.fetchall()
        cursor.execute(count.format(hits), params)
    cursor.fetchone()
    return bounded, time.perf_counter() - started


def latency(args) -> None:
    from django.db import connection

    from journeys.accounts.models import User
    from journeys.search.backends import backend
    from journeys.search.query import query_build
    from journeys.search.selectors import HIT_LIMIT, search
    from journeys.search.services import team_key

    user = User.objects.filter(role="publisher", is_active=True).order_by("pk").first()
    team = team_key(user.team_id)
    batch = queries(args.queries, args.seed)
    for text, filters in batch[:20]:  # warm up: Kiwi, caches, pages of the index
        search(user, text, filters)
    ours, with_facets, bounded, every, hits, capped = [], [], [], [], [], 0
    for text, filters in batch:
        started = time.perf_counter()
        found = search(user, text, filters, facets=False)
        ours.append(time.perf_counter() - started)
        hits.append(found.total)
        capped += found.more
        started = time.perf_counter()
        search(user, text, filters)
        with_facets.append(time.perf_counter() - started)
        node = query_build(text).node
        if node is None:
            continue
        with backend().planned(), connection.cursor() as cursor:
            seconds = bare(cursor, connection.vendor, node, team, filters, not args.no_every)
        bounded.append(seconds[0])
        every.append(seconds[1])
    print(
        f"{len(batch)} queries of 1-3 words, each with one facet; hits per query: "
        f"median {statistics.median(hits):.0f}; {capped} with more than {HIT_LIMIT:,}"
        " (the newest ranked)"
    )
    print(f"  ours (ranked page + total)        {ms(ours)}")
    print(f"  ours with facet counts            {ms(with_facets)}")
    print(f"  bare {connection.vendor}, same bounded query  {ms(bounded)}")
    if not args.no_every:
        print(f"  bare {connection.vendor}, every hit ranked    {ms(every)}")
    print(
        f"  overhead ours / bare bounded: p50 {percentile(ours, 0.5) / percentile(bounded, 0.5):.2f}x, "
        f"p95 {percentile(ours, 0.95) / percentile(bounded, 0.95):.2f}x"
    )


def indexing(args) -> None:
    from django.db import transaction

    from journeys.archive.models import Interview
    from journeys.protection.kiwi import analyser
    from journeys.search import analysis
    from journeys.search.backends import backend
    from journeys.search.services import documents_of, opened_texts

    ids = list(Interview.objects.values_list("pk", flat=True))
    chosen = random.Random(args.seed).sample(ids, min(args.sample, len(ids)))
    interviews = list(
        Interview.objects.filter(pk__in=chosen).select_related("interviewee__data_key")
    )
    texts = opened_texts(interviews)
    korean = [ko for segments in texts.values() for ko, _ in segments if ko]
    ko_chars = sum(map(len, korean))
    all_chars = ko_chars + sum(len(en) for segments in texts.values() for _, en in segments)
    list(analyser().tokenize(korean[:50]))  # warm up
    best = {"kiwi": [], "ours_ko": [], "ours_doc": [], "write": []}
    for _ in range(args.rounds):
        started = time.perf_counter()
        for _tokens in analyser().tokenize(korean):
            pass
        best["kiwi"].append(time.perf_counter() - started)
        started = time.perf_counter()
        analysis.analyse_korean_many(korean)
        best["ours_ko"].append(time.perf_counter() - started)
        analysis.english_term.cache_clear()
        started = time.perf_counter()
        docs, _chars = documents_of(interviews, texts)
        best["ours_doc"].append(time.perf_counter() - started)
        with transaction.atomic():
            started = time.perf_counter()
            backend().replace(docs)
            best["write"].append(time.perf_counter() - started)
            transaction.set_rollback(True)
    kiwi = ko_chars / min(best["kiwi"])
    ours_ko = ko_chars / min(best["ours_ko"])
    doc = min(best["ours_doc"]) + min(best["write"])
    print(
        f"indexing {len(interviews)} interviews: {ko_chars:,} Korean + "
        f"{all_chars - ko_chars:,} English characters (best of {args.rounds})"
    )
    print(f"  bare Kiwi tokenize                 {kiwi:10,.0f} Korean chars/s")
    print(
        f"  our Korean analysis                {ours_ko:10,.0f} Korean chars/s "
        f"({100 * ours_ko / kiwi:.0f}% of Kiwi)"
    )
    print(
        f"  our whole indexing (ko+en, hash, facets, write)"
        f" {ko_chars / doc:10,.0f} Korean chars/s ({100 * ko_chars / doc / kiwi:.0f}% of Kiwi),"
        f" {all_chars / doc:,.0f} chars/s of both languages"
    )


def index_state() -> None:
    from django.db import connection

    from journeys.archive.models import Interview
    from journeys.search.services import state_read

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), sum(terms) FROM search_doc")
        docs, terms = cursor.fetchone()
    total = Interview.objects.count()
    print(
        f"{connection.vendor}: {docs:,} of {total:,} interviews indexed, "
        f"{(terms or 0) / max(docs, 1):.0f} terms each"
    )
    state = state_read() or {}
    if state.get("seconds"):
        print(
            f"  journeys reindex: {state['chars']:,} chars in {state['seconds']:,.0f} s, "
            f"{state['chars'] / state['seconds']:,.0f} chars/s (both languages)"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--skip-indexing", action="store_true")
    parser.add_argument(
        "--no-every", action="store_true", help="leave out ranking every hit (slow on PostgreSQL)"
    )
    args = parser.parse_args()
    setup()
    index_state()
    latency(args)
    if not args.skip_indexing:
        indexing(args)


if __name__ == "__main__":
    main()
