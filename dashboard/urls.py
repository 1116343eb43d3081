from django.urls import path

from . import views

# No namespace: every page links to the dashboard as plain "dashboard".
urlpatterns = [path("", views.dashboard, name="dashboard")]
