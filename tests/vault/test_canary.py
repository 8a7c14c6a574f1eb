"""The canary test: records full of unique markers leave no trace of them anywhere an
attacker with a copy could look: the database file and its WAL (or pg_dump's output), the
session table, the logs."""

import datetime as dt
import logging
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from journeys.accounts.models import User
from journeys.archive import services
from journeys.codebook.models import Term
from journeys.codebook.services import codebook_load
from journeys.vault import identity
from journeys.vault.identity import Contact, IdentityData, Relative
from tests.accounts.helpers import sign_in

MARKERS = {
    "hangul name": "캐너리김옥분",
    "latin name": "Kanariya Okbun",
    "phone": "+86 139 7788 4411",
    "town": "카나리아마을",
    "date": "1969-11-23",
}
TEXT = (
    f"저는 {MARKERS['hangul name']}({MARKERS['latin name']})입니다. {MARKERS['town']}에서 "
    f"{MARKERS['date']}에 태어났고 전화는 {MARKERS['phone']}입니다."
)

pytestmark = pytest.mark.django_db(transaction=True)


def the_marked_archive() -> None:
    """Committed records carrying every marker: identity, transcript, notes."""
    codebook_load()
    user = User.objects.create(username="canary-interviewer", role="interviewer")
    person = services.interviewee_create(
        acting_user=user, birth_year=1969, home_province=Term.objects.get(code="kp-ryanggang")
    )
    interview = services.interview_create(
        acting_user=user,
        interviewee=person,
        date=dt.date(2018, 5, 17),
        interviewer=user,
        language="ko+en",
        consents={"record": True},
    )
    services.transcript_save(
        acting_user=user,
        interview=interview,
        segments=[services.SegmentInput(text_ko=TEXT, text_en=TEXT)],
    )
    services.event_add(
        acting_user=user,
        interview=interview,
        data=services.EventInput(
            stage=Term.objects.get(kind="stage", code="leaving"),
            event_type=Term.objects.get(kind="event_type", code="crossing"),
            place=Term.objects.get(code="kp-ryanggang-hyesan"),
            start_year=1998,
            notes=TEXT,
        ),
    )
    identity.identity_save(
        acting_user=user,
        interviewee=person,
        data=IdentityData(
            names=[MARKERS["hangul name"], MARKERS["latin name"]],
            birth_date=MARKERS["date"],
            contacts=[Contact("phone", MARKERS["phone"]), Contact("address", MARKERS["town"])],
            family=[Relative(MARKERS["hangul name"] + "의 오빠", "brother", MARKERS["town"], True)],
        ),
    )
    # A signed-in visit to her record, so sessions and the request log have their say.
    client = Client()
    sign_in(client, User.objects.create(username="canary-publisher", role="publisher"))
    html = client.get(f"/archive/interviewees/{person.code}/").content.decode()
    assert MARKERS["hangul name"] in html  # the page shows it: the check below is not vacuous


def leaks(blob: bytes) -> list[str]:
    return [name for name, marker in MARKERS.items() if marker.encode() in blob]


def test_no_marker_reaches_the_database_sessions_or_logs(caplog):
    caplog.set_level(logging.DEBUG)
    the_marked_archive()
    assert leaks("\n".join(r.getMessage() for r in caplog.records).encode()) == []
    sessions = connection.cursor().execute("SELECT session_data FROM django_session").fetchall()
    assert sessions
    assert leaks(repr(sessions).encode()) == []
    assert leaks(raw_database()) == []


def raw_database() -> bytes:
    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        files = [path, Path(f"{path}-wal")]
        assert files[1].exists(), "WAL mode: recent writes sit in the -wal file"
        return b"".join(f.read_bytes() for f in files if f.exists())
    return pg_dump()


def pg_dump() -> bytes:
    if not shutil.which("pg_dump"):
        pytest.fail("pg_dump is missing: apt-get install postgresql-client")
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": settings["PASSWORD"] or ""}
    result = subprocess.run(
        [
            "pg_dump",
            "-h",
            settings["HOST"] or "127.0.0.1",
            "-p",
            str(settings["PORT"] or 5432),
            "-U",
            settings["USER"],
            settings["NAME"],
        ],
        capture_output=True,
        env=env,
        check=True,
    )
    assert b"archive_segment" in result.stdout
    return result.stdout
