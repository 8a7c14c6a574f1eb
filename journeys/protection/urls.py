from django.urls import path

from journeys.protection import views

app_name = "protection"
urlpatterns = [
    path("interviews/<int:pk>/review/", views.review, name="review"),
    path("interviews/<int:pk>/review/decide/", views.review_decide, name="review_decide"),
    path("interviews/<int:pk>/review/missed/", views.review_missed, name="review_missed"),
    path("interviews/<int:pk>/review/policy/", views.review_policy, name="review_policy"),
    path("interviews/<int:pk>/review/segments/", views.review_segments, name="review_segments"),
    path("interviews/<int:pk>/release/", views.release_new, name="release_new"),
    path("releases/", views.release_list, name="release_list"),
    path("releases/<int:pk>/", views.release_detail, name="release_detail"),
    path("releases/<int:pk>/download/<str:fmt>/", views.release_download, name="release_download"),
    path("releases/<int:pk>/excerpts/", views.excerpt_toggle, name="excerpt_toggle"),
]
