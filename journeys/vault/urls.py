from django.urls import path

from journeys.vault import views

app_name = "vault"
urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("policy/", views.policy, name="policy"),
    path("<str:code>/", views.identity_reveal, name="identity_reveal"),
    path("<str:code>/identity/", views.identity_edit, name="identity_edit"),
]
