from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from kimtra_portal.health import healthz
from reports.dashboard import dashboard
from wards.views import home

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    path("w/<slug:ward>/", dashboard, name="dashboard"),
    path("w/<slug:ward>/staffing/", include("staffing.urls")),
    path("city/", include("reports.city_urls")),
    path("admin/", admin.site.urls),
]
