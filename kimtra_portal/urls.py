from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from accounts.manage_urls import city_patterns as city_account_patterns
from accounts.manage_urls import ward_patterns as ward_account_patterns
from accounts.views import SignInView
from kimtra_portal.health import healthz
from reports.workflow_views import waiting
from wards.views import facts, home, import_download

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages without a <link rel="icon">, such as the PDF viewer.
    path("favicon.ico", RedirectView.as_view(url=f"{settings.STATIC_URL}favicon.svg")),
    path("w/<slug:ward>/", include("dashboard.urls")),
    path("w/<slug:ward>/facts/", facts, name="ward_facts"),
    path("w/<slug:ward>/imports/<int:pk>/", import_download, name="import_download"),
    path("w/<slug:ward>/procedures/", include("procedures.urls")),
    path("w/<slug:ward>/staffing/", include("staffing.urls")),
    path("w/<slug:ward>/assets/", include("assets.urls")),
    path("w/<slug:ward>/indicators/", include("indicators.urls")),
    path("w/<slug:ward>/reports/", include("reports.urls")),
    path("w/<slug:ward>/accounts/", include(ward_account_patterns)),
    path("city/accounts/", include(city_account_patterns)),
    path("city/", include("city.urls")),
    path("waiting/", waiting, name="waiting"),
    path("admin/", admin.site.urls),
]
