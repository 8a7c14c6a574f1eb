from django.urls import path

from journeys.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("language/", views.language, name="language"),
]
