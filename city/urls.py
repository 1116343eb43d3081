from django.urls import path

from . import archive_views, views

app_name = "city"

urlpatterns = [
    path("", views.city_home, name="home"),
    path("accept/", views.city_accept, name="accept"),
    path("return/", views.city_return, name="return"),
    path("remind/", views.city_remind, name="remind"),
    path("archive/", archive_views.archive_request, name="archive_request"),
    path("archive/<int:pk>/", archive_views.archive_page, name="archive"),
    path("archive/<int:pk>/download/", archive_views.archive_download, name="archive_download"),
    path("totals/", views.city_totals_page, name="totals"),
    path("export.xlsx", views.city_export, name="export"),
]
