from django.urls import path

from journeys.codebook import views

app_name = "codebook"
urlpatterns = [
    path("", views.term_list, name="term_list"),
    path("new/", views.term_new, name="term_new"),
    path("pick/", views.term_pick, name="term_pick"),
]
