"""Latency of the list, filtered list and record pages with 10,000 demo testimonies.

    .venv/bin/python bench/pages.py [--count 10000] [--requests 200]

Builds (once, then reuses) an archive under bench/out/pages, renders each page through the
whole Django stack in-process (middleware, sessions, templates, SQLite) and prints p50/p95.
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


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("JOURNEYS_DATA_DIR", str(ROOT / "bench" / "out" / f"pages-{args.count}"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    os.environ.setdefault("JOURNEYS_ALLOWED_HOSTS", "testserver")
    # A benchmark archive of fictional data, locked with a key file beside it.
    os.environ.setdefault("JOURNEYS_KEY_FILE", os.environ["JOURNEYS_DATA_DIR"] + ".key")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from journeys.accounts.models import User
    from journeys.archive.models import Interviewee
    from journeys.codebook.models import Kind, Term
    from tests.accounts.helpers import sign_in

    call_command("init", verbosity=0)
    if not User.objects.filter(username="bench-interviewer").exists():
        User.objects.create(username="bench-interviewer", role="interviewer")
    bench_publisher = User.objects.get_or_create(username="bench-publisher", role="publisher")[0]
    have = Interviewee.objects.count()
    if have < args.count:
        started = time.perf_counter()
        call_command("demo_data", count=args.count - have, seed=7, verbosity=0)
        print(f"built {args.count - have} testimonies in {time.perf_counter() - started:.1f} s")
    # A publisher reads transcripts: her record page opens every sealed field.
    user = bench_publisher
    client = Client()
    sign_in(client, user)  # password and second factor, as the pages would leave the session
    rng = random.Random(1)
    codes = list(Interviewee.objects.values_list("code", flat=True))
    provinces = list(Term.objects.filter(kind=Kind.PLACE, level="province", parent__code="kp"))
    stages = list(Term.objects.filter(kind=Kind.STAGE))
    ways = list(Term.objects.filter(kind=Kind.WAY_LEAVING))

    def list_page():
        return f"/archive/interviewees/?page={rng.randint(1, 20)}"

    def filtered():
        params = {
            "province": rng.choice(provinces).pk,
            "stage": rng.choice(stages).pk,
            "way_leaving": rng.choice(ways).pk,
            "born_from": rng.randint(1950, 1970),
            "born_until": rng.randint(1971, 1995),
        }
        return "/archive/interviewees/?" + "&".join(f"{k}={v}" for k, v in params.items())

    def record():
        return f"/archive/interviewees/{rng.choice(codes)}/"

    print(
        f"{connection.vendor}, {Interviewee.objects.count()} interviewees, {args.requests} requests each"
    )
    print(f"{'page':<22}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, make_url in (("list", list_page), ("filtered list", filtered), ("record", record)):
        client.get(make_url())  # warm the caches once
        timings = []
        for _ in range(args.requests):
            url = make_url()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{name:<22}{statistics.median(timings):>10.1f}{percentile(timings, 0.95):>10.1f}"
            f"{max(timings):>10.1f}"
        )


if __name__ == "__main__":
    main()
