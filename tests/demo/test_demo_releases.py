"""`journeys demo-releases` gives a demonstration archive released excerpts, through the same
services and gate as the review page."""

import io

import pytest
from django.core.management import call_command

from journeys.demo.archive import demo_archive_create
from journeys.protection import gate
from journeys.protection.models import Excerpt, TextRelease

pytestmark = pytest.mark.django_db


def run(**kwargs) -> str:
    out = io.StringIO()
    call_command("demo_releases", stdout=out, **kwargs)
    return out.getvalue()


def test_demo_releases_quote_one_passage_of_each_released_testimony(users):
    demo_archive_create(count=12, seed=3, interviewers=[users["interviewer"]])
    assert "3 demo testimonies released" in run(count=3)
    assert TextRelease.objects.count() == 3
    assert Excerpt.objects.count() == 3
    excerpts = gate.report_excerpts(users["publisher"])
    assert len(excerpts) == 3
    assert all(e.text_ko or e.text_en for e in excerpts)


def test_demo_releases_run_once(users):
    demo_archive_create(count=6, seed=3, interviewers=[users["interviewer"]])
    run(count=2)
    assert "exist already" in run(count=2)
    assert TextRelease.objects.count() == 2
