"""`journeys search` and `journeys reindex`."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from journeys.audit.models import AuditEntry
from journeys.search.selectors import Filters, search
from journeys.search.services import index_complete, index_outdated, state_read


def run(*args, **kwargs) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def three(testimony):
    return [
        testimony(["혜산에서 왔어요."], ["I came from Hyesan."], province="kp-ryanggang"),
        testimony(["회령에서 왔어요. 혜산에도 갔어요."]),
        testimony(["청진에서 왔어요."]),
    ]


def test_search_prints_codes_and_scores_as_json(users, three):
    out, _ = run("search", "혜산", user="publisher", json=True)
    payload = json.loads(out)
    assert payload["total"] == 2
    assert {hit["code"] for hit in payload["hits"]} == {
        three[0].interviewee.code,
        three[1].interviewee.code,
    }
    assert payload["hits"][0]["score"] >= payload["hits"][1]["score"] >= 0
    assert AuditEntry.objects.filter(action="search.searched", actor=users["publisher"]).exists()


def test_search_says_when_more_testimonies_match_than_it_ranks(users, three, monkeypatch):
    from journeys.search import selectors

    monkeypatch.setattr(selectors, "HIT_LIMIT", 1)
    payload = json.loads(run("search", "혜산", user="publisher", json=True)[0])
    assert payload["more"] is True
    assert payload["total"] == 1
    assert [hit["code"] for hit in payload["hits"]] == [three[1].interviewee.code]


def test_search_takes_facets_by_codebook_code(users, three):
    out, _ = run("search", "혜산", "--facet", "province:kp-ryanggang", user="publisher", json=True)
    assert [hit["code"] for hit in json.loads(out)["hits"]] == [three[0].interviewee.code]


def test_search_refuses_an_unknown_facet_or_user(users, three):
    with pytest.raises(CommandError, match="Unknown facet"):
        run("search", "혜산", "--facet", "colour:red", user="publisher")
    with pytest.raises(CommandError, match="No active user"):
        run("search", "혜산", user="nobody")


def _forget_index():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        cursor.execute("DELETE FROM search_facet")
        cursor.execute("DELETE FROM search_doc")


def test_reindex_can_stop_and_resume_and_then_finds_everything(users, three):
    _forget_index()
    assert not index_complete()
    assert search(users["publisher"], "혜산").total == 0
    out, err = run("reindex", batch_size=1, max_batches=2)
    assert "run it again" in out
    assert "2/3" in err
    assert state_read()["last_id"] == three[1].pk
    assert search(users["publisher"], "혜산").total == 2
    out, err = run("reindex", batch_size=1)
    assert "Resuming after 2 interviews" in err
    assert "all 3 interviews" in out
    assert index_complete()
    assert search(users["publisher"], "청진").total == 1
    assert AuditEntry.objects.filter(action="search.reindexed").exists()


def test_reindex_after_a_finished_run_starts_again_and_keeps_one_entry_each(users, three):
    run("reindex")
    run("reindex")
    assert search(users["publisher"], "왔어요").total == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_doc")
        assert cursor.fetchone()[0] == 3


def test_a_new_reindex_run_keeps_the_archive_searchable_until_each_interview_is_replaced(
    users, three
):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE search_doc SET version = version - 1")  # an earlier analysis
    out, _ = run("reindex", batch_size=1, max_batches=1)
    assert "run it again" in out
    assert search(users["publisher"], "왔어요").total == 3
    with connection.cursor() as cursor:
        cursor.execute("SELECT version, count(*) FROM search_doc GROUP BY version ORDER BY 1")
        assert [count for _version, count in cursor.fetchall()] == [2, 1]
    run("reindex")
    assert not index_outdated()
    assert search(users["publisher"], "왔어요").total == 3


def test_reindex_restart_starts_from_an_empty_index(users, three):
    run("reindex", batch_size=1, max_batches=1, restart=True)
    assert search(users["publisher"], "왔어요").total == 1


def test_reindex_from_stored_makes_the_full_text_again_without_analysing(users, three):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
        else:
            cursor.execute("UPDATE search_doc SET tsv = ''::tsvector")
    assert search(users["publisher"], "혜산").total == 0
    out, _ = run("reindex", from_stored=True)
    assert "3 interviews" in out
    assert search(users["publisher"], "혜산").total == 2
    assert search(users["publisher"], "혜산", Filters(language="ko+en")).total == 2
