from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import HeadcountLine, HeadcountSnapshot, JobPosition, OrgUnit, StaffFunction, StaffingNeed


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ward", "kind", "school_level", "order"]
    list_filter = ["ward", "kind"]
    search_fields = ["name"]


@admin.register(JobPosition)
class JobPositionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ward", "unit", "category", "quota", "filled"]
    list_filter = ["ward", "category"]
    search_fields = ["name"]
    list_select_related = ["ward", "unit"]


class HeadcountLineInline(admin.TabularInline):
    model = HeadcountLine
    extra = 0


@admin.register(HeadcountSnapshot)
class HeadcountSnapshotAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "ward", "includes_military", "non_specialised_workers", "non_specialised_left"]
    list_filter = ["ward"]
    date_hierarchy = "on"
    inlines = [HeadcountLineInline]


@admin.register(StaffingNeed)
class StaffingNeedAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "ward", "unit", "count", "stated_on"]
    list_filter = ["ward"]
    list_select_related = ["ward", "unit"]


@admin.register(StaffFunction)
class StaffFunctionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "ward", "on", "count", "leadership", "status"]
    list_filter = ["ward", "status", "on"]
    list_select_related = ["ward", "unit"]
