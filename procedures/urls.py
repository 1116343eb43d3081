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
    path("import-06a/", views.import_06a, name="import_06a"),
    path("import-06a/confirm/", views.import_06a_confirm, name="import_06a_confirm"),
    path("field-names/", views.field_names, name="field_names"),
    path("field-names/<int:alias_id>/delete/", views.field_name_delete, name="field_name_delete"),
    path("catalogue/", views.catalogue, name="catalogue"),
]
