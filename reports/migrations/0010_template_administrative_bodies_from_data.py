"""The one-year review template counts the administrative bodies (the one-stop centre) and the public service
centres founded from the ward's units, as it already counts the agencies, instead of a typed "01" (issue 12
item 1); the service centre is a public service unit, not a second administrative body."""

from __future__ import annotations

from django.db import migrations

OLD = (
    "[[staffing.agency_count]] cơ quan chuyên môn, 01 tổ chức hành chính là Trung tâm Phục vụ hành chính công và "
    "Trung tâm Dịch vụ sự nghiệp công để"
)
NEW = (
    "[[staffing.agency_count]] cơ quan chuyên môn, [[staffing.administrative_bodies]] tổ chức hành chính là Trung "
    "tâm Phục vụ hành chính công và [[staffing.service_centres]] đơn vị sự nghiệp công lập là Trung tâm Dịch vụ sự "
    "nghiệp công để"
)


def _replace(apps, old: str, new: str) -> None:
    TemplateSection = apps.get_model("reports", "TemplateSection")
    for section in TemplateSection.objects.filter(template__code="so-ket-01-nam", body__contains=old):
        section.body = section.body.replace(old, new)
        section.save(update_fields=["body"])


def forwards(apps, schema_editor):
    _replace(apps, OLD, NEW)


def backwards(apps, schema_editor):
    _replace(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("reports", "0009_pdf_failures_storage_and_queue")]
    operations = [migrations.RunPython(forwards, backwards)]
