"""The intake form assumes nothing the interviewer did not say."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_family_in_north_korea_is_unknown_until_the_interviewer_says(as_role):
    response = as_role("interviewer").get(reverse("archive:intake"))
    form = response.context["form"]
    assert form["family_in_north"].value() == "unknown"
    assert '<option value="unknown" selected>' in response.content.decode()
