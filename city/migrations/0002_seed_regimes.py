"""The two regimes the wards report under today: the weekly progress report on the two-level government
(Monday to Saturday, due on the Monday after) and the one-year review of 01/7/2025 - 05/5/2026."""

from __future__ import annotations

from datetime import date

from django.db import migrations

REGIMES = [
    {
        "code": "bao-cao-tuan",
        "name": "Báo cáo tuần tình hình vận hành chính quyền địa phương 2 cấp",
        "template": "bao-cao-tuan",
        "frequency": "weekly",
        "week_start": 0,
        "week_end": 5,
        "deadline_days": 2,
    },
    {
        "code": "so-ket-01-nam",
        "name": "Báo cáo sơ kết 01 năm thực hiện mô hình chính quyền địa phương 2 cấp",
        "template": "so-ket-01-nam",
        "frequency": "once",
        "once_start": date(2025, 7, 1),
        "once_end": date(2026, 5, 5),
        "deadline_days": 10,
    },
]


def seed(apps, schema_editor):
    Regime = apps.get_model("city", "Regime")
    ReportTemplate = apps.get_model("reports", "ReportTemplate")
    for spec in REGIMES:
        fields = {k: v for k, v in spec.items() if k not in ("code", "template")}
        fields["template"] = ReportTemplate.objects.get(code=spec["template"])
        Regime.objects.update_or_create(code=spec["code"], defaults=fields)


def unseed(apps, schema_editor):
    apps.get_model("city", "Regime").objects.filter(code__in=[spec["code"] for spec in REGIMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("city", "0001_regimes"), ("reports", "0005_template_wording_for_real_figures")]

    operations = [migrations.RunPython(seed, unseed)]
