"""The data package's descriptor names itself and its tables in both languages, whatever the
language of the page it was downloaded from."""

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.reports.helpers import woman

pytestmark = pytest.mark.django_db

TITLE = "Journeys: statistics of testimonies / Journeys: 증언 통계"


@pytest.fixture
def archive(users, settings):
    settings.JOURNEYS_MIN_CELL = 3
    for born in range(1960, 1965):
        woman(users, province="kp-hamgyongbuk", born=born)


def descriptor_downloaded_in(language, client):
    client.cookies["journeys_language"] = language
    response = client.post(reverse("reports:download_datapackage"))
    with zipfile.ZipFile(io.BytesIO(response.content)) as package:
        return json.loads(package.read("datapackage.json"))


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_data_package_title_is_english_then_korean_from_a_page_in_either_language(
    as_role, archive, language
):
    descriptor = descriptor_downloaded_in(language, as_role("researcher"))
    assert descriptor["title"] == TITLE
    english, korean = descriptor["resources"][0]["title"].split(" / ")
    assert english.isascii()
    assert not korean.isascii()
