from django.urls import path

from . import indicator_views

app_name = "indicators"

urlpatterns = [path("", indicator_views.indicator_values, name="values")]
