from __future__ import annotations

from django.urls import path

from . import views

app_name = "procedures"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("entries/", views.entries, name="entries"),
    path("week/", views.week, name="week"),
    path("week/history/", views.week_history, name="week_history"),
    path("week/sheet.xlsx", views.week_xlsx, name="week_xlsx"),
    path("upload/", views.upload, name="upload"),
    path("upload/confirm/", views.upload_confirm, name="upload_confirm"),
    path("catalogue/", views.catalogue, name="catalogue"),
]
