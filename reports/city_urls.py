from django.urls import path

from . import city_views

app_name = "city"

urlpatterns = [
    path("", city_views.city_home, name="home"),
]
