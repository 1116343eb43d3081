from __future__ import annotations

from django.urls import path

from . import views

app_name = "assets"

urlpatterns = [
    path("", views.register_page, name="register"),
    path("export.xlsx", views.register_export, name="export"),
    path("facilities/add/", views.facility_add, name="facility_add"),
    path("facilities/<int:pk>/", views.facility_edit, name="facility_edit"),
    path("equipment/", views.equipment_page, name="equipment"),
    path("equipment/add/", views.equipment_add, name="equipment_add"),
    path("equipment/<int:pk>/", views.equipment_edit, name="equipment_edit"),
    path("spending/", views.spending_page, name="spending"),
    path("spending/add/", views.spending_add, name="spending_add"),
    path("spending/<int:pk>/", views.spending_edit, name="spending_edit"),
    path("history/", views.history_page, name="history"),
]
