from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import City, FigureLock, ImportRecord, Membership, Ward


@admin.register(City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Ward)
class WardAdmin(SimpleHistoryAdmin):
    list_display = ["display_name", "city", "slug", "population", "area_km2", "formed_on", "is_demo"]
    list_filter = ["city", "kind", "is_demo"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "role", "ward", "city", "signing_title"]
    list_filter = ["role", "ward", "city"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]


@admin.register(FigureLock)
class FigureLockAdmin(admin.ModelAdmin):
    # Read-only: locks come and go with the reports that set them.
    list_display = ["ward", "start", "end", "label", "created_at"]
    list_filter = ["ward"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    # Read-only: a record is the trace of figures saved from a file; changing it would falsify it.
    list_display = ["ward", "kind", "filename", "start", "end", "rows_saved", "imported_by", "created_at"]
    list_filter = ["ward", "kind"]

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
