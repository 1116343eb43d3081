from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import EquipmentItem, Facility, Spending


@admin.register(Facility)
class FacilityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "ward", "use", "land_m2", "floor_m2", "surveyed", "cadastral_record", "handling"]
    list_filter = ["ward", "use", "surveyed", "cadastral_record", "handling"]
    search_fields = ["name", "address", "user_name"]


@admin.register(EquipmentItem)
class EquipmentItemAdmin(SimpleHistoryAdmin):
    list_display = ["kind", "unit", "ward", "quantity", "measure", "condition", "status"]
    list_filter = ["ward", "status", "condition"]
    search_fields = ["kind", "unit__name"]


@admin.register(Spending)
class SpendingAdmin(SimpleHistoryAdmin):
    list_display = ["ward", "kind", "start", "end", "amount"]
    list_filter = ["ward", "kind"]
    date_hierarchy = "start"
