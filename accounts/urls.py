from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("password/", views.own_password, name="password_change"),
    path("two-factor/", views.otp_verify, name="otp_verify"),
    path("two-factor/setup/", views.otp_enrol, name="otp_enrol"),
    path("security/", views.security, name="security"),
    path("security/recovery-codes/", views.recovery_codes_new, name="recovery_codes_new"),
]
