from django.urls import path

from journeys.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login, name="login"),
    path("code/", views.verify, name="verify"),
    path("code/setup/", views.enrol, name="enrol"),
    path("confirm/", views.reauth, name="reauth"),
    path("logout/", views.logout, name="logout"),
    path("users/", views.user_list, name="user_list"),
    path("users/new/", views.user_add, name="user_add"),
    path("users/<str:username>/role/", views.user_role, name="user_role"),
    path(
        "users/<str:username>/reset-password/",
        views.user_password_reset,
        name="user_password_reset",
    ),
    path("users/<str:username>/disable/", views.user_disable, name="user_disable"),
    path(
        "users/<str:username>/reset-code/",
        views.user_second_factor_reset,
        name="user_second_factor_reset",
    ),
]
