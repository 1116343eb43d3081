"""The indicator catalogue of the seed reports: documents issued by type, conferences held and the
digital-government shares of the one-year review."""

from __future__ import annotations

from django.db import migrations

DOCS = "Văn bản chỉ đạo, điều hành đã ban hành"
CONF = "Hội nghị quán triệt, triển khai"
DIGITAL = "Chính quyền số, chuyển đổi số"

CATALOGUE = [
    ("docs.decisions", "Quyết định", "văn bản", "flow", DOCS),
    ("docs.plans", "Kế hoạch", "văn bản", "flow", DOCS),
    ("docs.schemes", "Phương án, đề án", "văn bản", "flow", DOCS),
    ("docs.notices", "Thông báo", "văn bản", "flow", DOCS),
    ("docs.submissions", "Tờ trình", "văn bản", "flow", DOCS),
    ("docs.reports", "Báo cáo", "văn bản", "flow", DOCS),
    ("docs.other", "Văn bản khác", "văn bản", "flow", DOCS),
    ("conf.reporters", "Hội nghị báo cáo viên", "hội nghị", "flow", CONF),
    ("conf.direct_online", "Hội nghị trực tiếp, trực tuyến", "hội nghị", "flow", CONF),
    ("digital.signed_docs", "Văn bản phát hành điện tử có ký số (trừ văn bản mật)", "%", "stock", DIGITAL),
    ("digital.docs_online", "Văn bản đi, đến xử lý trên môi trường mạng", "%", "stock", DIGITAL),
    ("digital.official_email", "Cán bộ có tài khoản thư điện tử công vụ", "%", "stock", DIGITAL),
    ("digital.staff_computers", "Cán bộ, công chức được trang bị máy tính", "%", "stock", DIGITAL),
    ("digital.staff_signatures", "Cán bộ được cấp và sử dụng chữ ký số", "%", "stock", DIGITAL),
    ("digital.groups_4g", "Tổ dân phố có sóng 4G", "%", "stock", DIGITAL),
    ("digital.households_broadband", "Hộ dân tiếp cận được Internet băng rộng", "%", "stock", DIGITAL),
    ("digital.smartphone_users", "Người dân sử dụng điện thoại thông minh", "%", "stock", DIGITAL),
    ("digital.outreach_online", "Văn bản chỉ đạo được tuyên truyền qua truyền thanh, trang thông tin điện tử", "%", "stock", DIGITAL),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    for order, (code, name, unit, kind, group) in enumerate(CATALOGUE, start=1):
        Indicator.objects.update_or_create(
            code=code, defaults={"name": name, "unit": unit, "kind": kind, "group": group, "order": order * 10}
        )


def unseed(apps, schema_editor):
    apps.get_model("indicators", "Indicator").objects.filter(code__in=[row[0] for row in CATALOGUE]).delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
