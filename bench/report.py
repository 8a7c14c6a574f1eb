"""Statistics and the report: the time of each table (counting, then disclosure control) and
of the full bilingual PDF over an archive.

    .venv/bin/python bench/report.py [--count 10000] [--repeat 5] [--pdf]
    .venv/bin/python bench/report.py --archive bench/out/archive-100000 [--repeat 5]

Without --archive, uses the archive under bench/out/report-<count> (made with `journeys
demo-data` when it holds fewer testimonies; set DATABASE_URL to measure PostgreSQL). With
--archive, reads an existing archive (its key file beside it, DIR.key) and writes nothing
to it: the tables are counted for a researcher of its team who is never saved.

Prints, per statistic, the best and the median of `repeat` runs in milliseconds. Nothing is
released for the statistics. --pdf then builds the whole report (ko,en) as a publisher would,
which registers its tables and audits the build, and prints the time of each step.
"""

import argparse
import datetime as dt
import os
import statistics as stats
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--archive", type=Path, help="An existing archive, only read.")
    parser.add_argument("--pdf", action="store_true", help="Also build the bilingual PDF.")
    args = parser.parse_args()
    out = args.archive or ROOT / "bench" / "out" / f"report-{args.count}"
    os.environ.setdefault("JOURNEYS_DATA_DIR", str(out))
    os.environ.setdefault("JOURNEYS_KEY_FILE", str(out) + ".key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from journeys.accounts.models import User
    from journeys.archive.models import Interviewee
    from journeys.reports import disclosure, statistics

    if args.archive:
        team_id = Interviewee.objects.values_list("team_id", flat=True).first()
        researcher = User(username="bench-reader", role="researcher", team_id=team_id)
    else:
        call_command("init", verbosity=0)
        if not User.objects.filter(role="interviewer", is_active=True).exists():
            User.objects.create(username="bench-interviewer", role="interviewer")
        researcher = User.objects.get_or_create(username="bench-researcher", role="researcher")[0]
        have = Interviewee.objects.count()
        if have < args.count:
            started = time.perf_counter()
            call_command("demo_data", count=args.count - have, seed=7, verbosity=0)
            print(f"built {args.count - have} testimonies in {time.perf_counter() - started:.1f} s")

    def timed(run) -> tuple[float, float]:
        times = []
        for _i in range(args.repeat):
            started = time.perf_counter()
            run()
            times.append((time.perf_counter() - started) * 1000)
        return min(times), stats.median(times)

    print(f"{Interviewee.objects.count()} testimonies; ms per statistic (best / median)")
    worst = 0.0
    for name, count in statistics.TABLES.items():
        best, median = timed(lambda count=count: disclosure.suppress(count(researcher)))
        worst = max(worst, median)
        print(f"  {name:24} {best:8.1f} {median:8.1f}")
    best, median = timed(lambda: disclosure.summarise(statistics.prices(researcher)))
    worst = max(worst, median)
    print(f"  {'prices':24} {best:8.1f} {median:8.1f}")
    print(f"slowest median: {worst:.1f} ms")
    if args.pdf and not args.archive:
        pdf(User)


def pdf(User):
    """The whole report, step by step, as `journeys report` builds it."""
    from journeys.reports import report

    publisher = User.objects.get_or_create(username="bench-publisher", role="publisher")[0]
    date = dt.date(2026, 1, 1)
    started = time.perf_counter()
    context, published = report.compose(acting_user=publisher, langs=["ko", "en"], date=date)
    composed = time.perf_counter()
    html = report.render_html(context)
    content = report.render_pdf(html)
    rendered = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        # The command's path: compose again, check, register, write, audit. A second build of
        # an unchanged archive passes the differencing check (every difference is 0).
        built = report.build(
            acting_user=publisher,
            out=Path(directory) / "report.pdf",
            langs=["ko", "en"],
            date=date,
        )
        whole = time.perf_counter()
        size = built.path.stat().st_size
    print(
        f"report (ko,en, {len(published)} tables, {len(content) // 1024} KiB):"
        f" counting, suppression and charts {composed - started:.1f} s,"
        f" HTML and PDF {rendered - composed:.1f} s;"
        f" whole build with register {whole - rendered:.1f} s ({size // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
