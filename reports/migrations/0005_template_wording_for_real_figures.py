"""Wording of the seeded templates fitted to the figures the domain apps give: the staffing data counts
the ward's leadership as one unit (no number of Phó Chủ tịch of its own), and records the centre's staff by
leadership and specialists, with no post-office helper; the centre's equipment list has its Wi-Fi."""

from __future__ import annotations

from django.db import migrations

# (template code, old text, new text)
CHANGES = [
    (
        "so-ket-01-nam",
        "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường có [[staffing.vice_chairs]] Phó Chủ tịch; Ủy viên "
        "gồm",
        "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên là",
    ),
    (
        "bao-cao-tuan",
        "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người: [[staffing.centre_breakdown]]. "
        "Ngoài ra có [[staffing.centre_helpers]] nhân viên bưu điện hỗ trợ tiếp nhận hồ sơ.",
        "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người, gồm [[staffing.centre_breakdown]].",
    ),
    # The equipment list of the centre names its free Wi-Fi already.
    (
        "bao-cao-tuan",
        "+ Trang thiết bị hiện có: [[assets.centre_equipment]]; hệ thống Wi-Fi miễn phí cho người dân.",
        "+ Trang thiết bị hiện có: [[assets.centre_equipment]].",
    ),
]


def _replace(apps, pairs):
    TemplateSection = apps.get_model("reports", "TemplateSection")
    for code, old, new in pairs:
        for section in TemplateSection.objects.filter(template__code=code, body__contains=old):
            section.body = section.body.replace(old, new)
            section.save(update_fields=["body"])


def forwards(apps, schema_editor):
    _replace(apps, CHANGES)


def backwards(apps, schema_editor):
    _replace(apps, [(code, new, old) for code, old, new in CHANGES])


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_report_templates")]
    operations = [migrations.RunPython(forwards, backwards)]
