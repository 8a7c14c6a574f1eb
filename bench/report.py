"""Statistics: the time of each table (counting, then disclosure control) over an archive.

    .venv/bin/python bench/report.py [--count 10000] [--repeat 5]

Uses the archive under bench/out/report-<count> (made with `journeys demo-data` when it holds
fewer testimonies; set DATABASE_URL to measure PostgreSQL). Prints, per statistic, the best
and the median of `repeat` runs in milliseconds. Nothing is released (no register entry).
"""

import argparse
import os
import statistics as stats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    out = ROOT / "bench" / "out" / f"report-{args.count}"
    os.environ.setdefault("JOURNEYS_DATA_DIR", str(out))
    os.environ.setdefault("JOURNEYS_KEY_FILE", str(out) + ".key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from journeys.accounts.models import User
    from journeys.archive.models import Interviewee
    from journeys.reports import disclosure, statistics

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


if __name__ == "__main__":
    main()
