from __future__ import annotations

from django.urls import path

from . import views

app_name = "staffing"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("positions/", views.positions, name="positions"),
    path("positions/edit/", views.positions_edit, name="positions_edit"),
    path("snapshots/new/", views.snapshot_edit, name="snapshot_new"),
    path("snapshots/sheet.xlsx", views.snapshot_export, name="snapshot_export"),
    path("snapshots/upload/", views.snapshot_upload, name="snapshot_upload"),
    path("snapshots/upload/confirm/", views.snapshot_upload_confirm, name="snapshot_upload_confirm"),
    path("snapshots/<str:on>/", views.snapshot_edit, name="snapshot_edit"),
    path("units/", views.units_edit, name="units_edit"),
    path("needs/", views.needs_edit, name="needs_edit"),
    path("functions/", views.functions_edit, name="functions_edit"),
    path("history/", views.history, name="history"),
    path("positions/sheet.xlsx", views.positions_export, name="positions_export"),
    path("positions/upload/", views.positions_upload, name="positions_upload"),
    path("positions/upload/confirm/", views.positions_upload_confirm, name="positions_upload_confirm"),
]
