from __future__ import annotations

from django.urls import path

from . import views

app_name = "staffing"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("positions/", views.positions, name="positions"),
    path("positions/edit/", views.positions_edit, name="positions_edit"),
    path("snapshots/new/", views.snapshot_edit, name="snapshot_new"),
    path("snapshots/<str:on>/", views.snapshot_edit, name="snapshot_edit"),
    path("units/", views.units_edit, name="units_edit"),
    path("needs/", views.needs_edit, name="needs_edit"),
    path("history/", views.history, name="history"),
]
