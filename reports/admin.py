from __future__ import annotations

from django import forms
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Report, ReportSection, ReportTemplate, TemplateSection
from .placeholders import unknown_keys
from .sanitize import clean_html


class SectionAdminForm(forms.ModelForm):
    def clean(self) -> dict:
        data = super().clean()
        data["body"] = clean_html(data.get("body", ""))
        unknown = unknown_keys(data["body"], data.get("footnotes", ""))
        if unknown:
            raise forms.ValidationError(f"Unknown placeholders: {', '.join(unknown)}")
        return data


class TemplateSectionInline(admin.StackedInline):
    model = TemplateSection
    form = SectionAdminForm
    extra = 0


@admin.register(ReportTemplate)
class ReportTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "signing_authority"]
    inlines = [TemplateSectionInline]


class ReportSectionInline(admin.StackedInline):
    model = ReportSection
    form = SectionAdminForm
    extra = 0


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "ward", "number", "issued_on"]
    list_filter = ["ward", "template"]
    inlines = [ReportSectionInline]
