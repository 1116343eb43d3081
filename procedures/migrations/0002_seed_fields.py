"""The nine fields of the weekly seed report, in its order; administrators add more in the admin."""

from __future__ import annotations

from django.db import migrations

SEED_FIELDS = (
    "Bảo trợ xã hội",
    "Chứng thực",
    "Đất đai",
    "Giáo dục trung học",
    "Hộ tịch",
    "Hộ tịch - Đăng ký thường trú - Quản lý thu, Sổ - thẻ",
    "Hoạt động xây dựng",
    "Người có công",
    "Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)",
)


def seed(apps, schema_editor) -> None:
    field_model = apps.get_model("procedures", "ProcedureField")
    for position, name in enumerate(SEED_FIELDS, start=1):
        field_model.objects.get_or_create(name=name, defaults={"position": position * 10})


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
