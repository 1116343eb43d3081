from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CaseVolume, FieldAlias, ProcedureCatalogue, ProcedureField


@admin.register(ProcedureField)
class ProcedureFieldAdmin(SimpleHistoryAdmin):
    list_display = ["name", "position", "active"]
    list_editable = ["position", "active"]
    search_fields = ["name"]


@admin.register(CaseVolume)
class CaseVolumeAdmin(SimpleHistoryAdmin):
    list_display = ["ward", "field", "start", "end", "received", "resolved_on_time", "resolved_late", "is_demo"]
    list_filter = ["ward", "field", "is_demo"]
    date_hierarchy = "start"


@admin.register(ProcedureCatalogue)
class ProcedureCatalogueAdmin(SimpleHistoryAdmin):
    list_display = ["ward", "as_of", "procedures", "fully_online", "partly_online", "boundary_free_cases"]
    list_filter = ["ward"]


@admin.register(FieldAlias)
class FieldAliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "field", "ward"]
    list_filter = ["ward", "field"]
    search_fields = ["name"]
