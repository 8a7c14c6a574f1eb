from django.urls import path

from journeys.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("download/<str:table>.csv", views.download_csv, name="download_csv"),
    path("download/datapackage.zip", views.download_datapackage, name="download_datapackage"),
]
