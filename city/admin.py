from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import ExpectedWard, Regime


class ExpectedWardInline(admin.TabularInline):
    model = ExpectedWard
    extra = 1
    autocomplete_fields = ["ward"]


@admin.register(Regime)
class RegimeAdmin(admin.ModelAdmin):
    list_display = ["name", "template", "frequency", "cut", "deadline_days"]
    list_filter = ["frequency"]
    fieldsets = [
        (None, {"fields": ["code", "name", "template", "frequency", "deadline_days"]}),
        (_("Periods"), {"fields": ["cut", "week_start", "week_end", "once_start", "once_end"]}),
    ]
    inlines = [ExpectedWardInline]
