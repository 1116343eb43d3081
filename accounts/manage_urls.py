from django.urls import path

from . import manage_views

ward_patterns = (
    [
        path("", manage_views.ward_accounts, name="list"),
        path("<int:user_id>/<slug:action>/", manage_views.ward_account_action, name="action"),
    ],
    "ward_accounts",
)
city_patterns = (
    [
        path("", manage_views.city_accounts, name="list"),
        path("<int:user_id>/<slug:action>/", manage_views.city_account_action, name="action"),
    ],
    "city_accounts",
)
