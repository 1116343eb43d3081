from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("password/", views.own_password, name="password_change"),
]
