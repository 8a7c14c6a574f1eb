from django.urls import path

from journeys.archive import views

app_name = "archive"
urlpatterns = [
    path("interviewees/", views.interviewee_list, name="interviewee_list"),
    path("intake/", views.intake, name="intake"),
    path("interviewees/<str:code>/", views.interviewee_detail, name="interviewee_detail"),
    path("interviewees/<str:code>/interview/", views.interview_new, name="interview_new"),
    path("interviewees/<str:code>/edit/", views.interviewee_edit, name="interviewee_edit"),
    path("interviews/<int:pk>/edit/", views.interview_edit, name="interview_edit"),
    path("interviews/<int:pk>/transcript/", views.transcript_edit, name="transcript_edit"),
    path("interviews/<int:pk>/journey/", views.journey_edit, name="journey_edit"),
    path("events/<int:pk>/", views.event_edit, name="event_edit"),
    path("events/<int:pk>/delete/", views.event_delete, name="event_delete"),
    path("events/<int:pk>/move/<str:direction>/", views.event_move, name="event_move"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("consents/<int:pk>/give/", views.consent_give, name="consent_give"),
]
