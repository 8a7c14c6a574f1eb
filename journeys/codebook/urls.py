from django.urls import path

app_name = "codebook"
urlpatterns: list = []
