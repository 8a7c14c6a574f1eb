"""The site's URLs plus one page that fails, to see what a user meets on a 500."""

from django.urls import include, path

from journeys.accounts.roles import public


@public
def fails(request):
    raise RuntimeError("a failure the user must never see the details of")


urlpatterns = [
    path("", include("journeys.urls")),
    path("test-only/fails/", fails),
]
