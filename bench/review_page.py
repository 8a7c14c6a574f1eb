"""Time and peak memory of the review page for the largest transcript the editor accepts.

    .venv/bin/python bench/review_page.py [--passages 16] [--chars 20000] [--lang ko|en|both]

Builds a fresh archive under bench/out/review-page, saves one fictional transcript through
`transcript_save` (so it obeys the editor's limits: JOURNEYS_MAX_SEGMENT_CHARS per passage,
JOURNEYS_MAX_TRANSCRIPT_CHARS in all), then loads the review page twice through the whole
Django stack as a publisher: the first load detects, the second finds the detection cached.
Peak memory is the process's peak resident set (VmHWM), reset before each load.
"""

import argparse
import io
import os
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Fictional sentences full of the details the detector looks for: names, places, dates, ages.
KO = [
    "{y}년 {m}월에 브로커 {name}가 혜산에서 나를 데려갔어요. ",
    "그때 나는 {age}살이었고 {name} 언니하고 두만강을 건넜어요. ",
    "연길에서 {name} 사장 식당에서 일했는데 월급을 못 받았어요. ",
    "공안이 와서 우리를 잡아 도문 변방대로 넘겼어요. ",
    "전화번호는 +86 138 {a} {b}이었어요. ",
]
EN = [
    "In {month} {y} the broker {rname} took me from Hyesan. ",
    "I was {age} when I crossed the Tumen River with {rname}. ",
    "In Yanji I worked in the restaurant of {rname}, who never paid me. ",
    "The police caught us and handed us to the border guards at Tumen. ",
    "The number was +86 138 {a} {b}. ",
]
NAMES = ["김영옥", "박순희", "리철남", "최명화", "윤애심", "한금실", "정광수", "오미란"]
RNAMES = ["Kim Yong-ok", "Pak Sun-hui", "Ri Chol-nam", "Choe Myong-hwa", "Yun Ae-sim"]
MONTHS = ["March", "April", "May", "June", "October"]


def passage(rng: random.Random, lines: list[str], chars: int) -> str:
    """Sentences until `chars`, cut at the last whole sentence below it."""
    text = ""
    while True:
        line = rng.choice(lines).format(
            y=rng.randint(1995, 2012),
            m=rng.randint(1, 12),
            month=rng.choice(MONTHS),
            age=rng.randint(15, 40),
            name=rng.choice(NAMES),
            rname=rng.choice(RNAMES),
            a=rng.randint(1000, 9999),
            b=rng.randint(1000, 9999),
        )
        if len(text) + len(line) > chars:
            return text
        text += line


def peak_reset() -> None:
    Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM (Linux)


def status_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--passages", type=int, default=16)
    parser.add_argument("--chars", type=int, default=20_000)
    parser.add_argument("--lang", choices=["ko", "en", "both"], default="ko")
    args = parser.parse_args()
    data_dir = ROOT / "bench" / "out" / "review-page"
    shutil.rmtree(data_dir, ignore_errors=True)
    os.environ["JOURNEYS_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
    os.environ.setdefault("JOURNEYS_ALLOWED_HOSTS", "testserver")
    os.environ["JOURNEYS_KEY_FILE"] = str(data_dir) + ".key"
    Path(os.environ["JOURNEYS_KEY_FILE"]).unlink(missing_ok=True)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from journeys.accounts.models import User
    from journeys.archive import services
    from journeys.codebook.models import Kind, Term
    from tests.accounts.helpers import sign_in

    call_command("init", verbosity=0, stdout=io.StringIO())
    publisher = User.objects.create(username="bench-publisher", role="publisher")
    interviewer = User.objects.create(username="bench-interviewer", role="interviewer")
    rng = random.Random(7)
    woman = services.interviewee_create(
        acting_user=interviewer,
        birth_year=1975,
        home_province=Term.objects.get(kind=Kind.PLACE, code="kp-ryanggang"),
    )
    interview = services.interview_create(
        acting_user=interviewer,
        interviewee=woman,
        date=__import__("datetime").date(2019, 5, 4),
        interviewer=interviewer,
        language="ko+en",
        consents={"record": True},
    )
    segments = [
        services.SegmentInput(
            text_ko=passage(rng, KO, args.chars) if args.lang in ("ko", "both") else "",
            text_en=passage(rng, EN, args.chars) if args.lang in ("en", "both") else "",
        )
        for _ in range(args.passages)
    ]
    services.transcript_save(acting_user=interviewer, interview=interview, segments=segments)
    total = sum(len(s.text_ko) + len(s.text_en) for s in segments)
    print(
        f"transcript: {args.passages} passages, {total:,} characters ({args.lang}); editor "
        f"limits {settings.JOURNEYS_MAX_SEGMENT_CHARS:,} per passage, "
        f"{getattr(settings, 'JOURNEYS_MAX_TRANSCRIPT_CHARS', 0):,} in all"
    )
    client = sign_in(Client(), publisher)
    url = f"/protection/interviews/{interview.pk}/review/"
    print(f"resident before the first load: {status_mib('VmRSS'):.0f} MiB")
    for load in ("first", "second"):
        peak_reset()
        started, cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert response.status_code == 200, response.status_code
        print(
            f"{load} load: {took:.2f} s ({cpu:.2f} s of CPU; the machine may be shared), "
            f"peak resident memory {status_mib('VmHWM'):.0f} MiB"
        )


if __name__ == "__main__":
    main()
