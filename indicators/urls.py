from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("", views.indicator_values, name="values"),
    path("sheet.xlsx", views.indicator_sheet, name="sheet"),
    path("upload/", views.indicator_upload, name="upload"),
    path("upload/confirm/", views.indicator_upload_confirm, name="upload_confirm"),
    path("register/", views.register_upload, name="register"),
    path("register/confirm/", views.register_upload_confirm, name="register_confirm"),
]
