from django.urls import path

from journeys.erasure import views

app_name = "erasure"
urlpatterns = [
    path("interviewees/<str:code>/erase/", views.interviewee_erase, name="interviewee_erase"),
]
