from django.urls import include, path

urlpatterns = [
    path("", include("journeys.core.urls")),
    path("accounts/", include("journeys.accounts.urls")),
    path("codebook/", include("journeys.codebook.urls")),
    path("archive/", include("journeys.archive.urls")),
    path("audit/", include("journeys.audit.urls")),
]
