from django.urls import include, path

urlpatterns = [
    path("", include("journeys.core.urls")),
    path("accounts/", include("journeys.accounts.urls")),
    path("codebook/", include("journeys.codebook.urls")),
    path("archive/", include("journeys.archive.urls")),
    path("archive/", include("journeys.erasure.urls")),
    path("vault/", include("journeys.vault.urls")),
    path("audit/", include("journeys.audit.urls")),
    path("reports/", include("journeys.reports.urls")),
    path("protection/", include("journeys.protection.urls")),
    path("search/", include("journeys.search.urls")),
]
