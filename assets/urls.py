from __future__ import annotations

from django.urls import path

from . import views

app_name = "assets"

urlpatterns = [
    path("", views.register_page, name="register"),
    path("export.xlsx", views.register_export, name="export"),
    path("upload/", views.register_upload, name="register_upload"),
    path("upload/confirm/", views.register_upload_confirm, name="register_upload_confirm"),
    path("equipment/sheet.xlsx", views.equipment_export, name="equipment_export"),
    path("equipment/upload/", views.equipment_upload, name="equipment_upload"),
    path("equipment/upload/confirm/", views.equipment_upload_confirm, name="equipment_upload_confirm"),
    path("spending/sheet.xlsx", views.spending_export, name="spending_export"),
    path("spending/upload/", views.spending_upload, name="spending_upload"),
    path("spending/upload/confirm/", views.spending_upload_confirm, name="spending_upload_confirm"),
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
