"""Wording of the seeded templates for the facts now held as data (issue 12): the number of vice chairs and
of agencies, the centre's helpers who are not staff, the building the committee works in, the systems the
staff use, and the dates and scope of the two staffing counts (the military command counted in the first,
left out of the second), instead of words typed into the template."""

from __future__ import annotations

from django.db import migrations

# (template code, field, old text, new text)
CHANGES = [
    (
        "so-ket-01-nam",
        "body",
        "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường gồm Chủ tịch, các Phó Chủ tịch và các Ủy viên là",
        "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường có [[ward.vice_chairs]] Phó Chủ tịch; Ủy viên "
        "gồm",
    ),
    (
        "so-ket-01-nam",
        "body",
        "+ Ủy ban nhân dân phường đã thành lập 03 cơ quan chuyên môn, 01 tổ chức hành chính",
        "+ Ủy ban nhân dân phường đã thành lập [[staffing.agency_count]] cơ quan chuyên môn, 01 tổ chức hành chính",
    ),
    (
        "so-ket-01-nam",
        "body",
        "+ Tại thời điểm ngày [[ward.formed_on]], phường tiếp nhận",
        "+ Tại thời điểm ngày [[staffing.civil_servants_start_on]], phường tiếp nhận",
    ),
    (
        "so-ket-01-nam",
        "body",
        "đến ngày [[report.end]], số cán bộ, công chức hiện có là [[staffing.civil_servants_end]] người (không tính "
        "biên chế Quân sự phường).",
        "đến ngày [[staffing.civil_servants_end_on]], số cán bộ, công chức hiện có là [[staffing.civil_servants_end]] "
        "người ([[staffing.civil_servants_end_scope]]).",
    ),
    (
        "so-ket-01-nam",
        "footnotes",
        "Bao gồm cán bộ, công chức khối Hội đồng nhân dân, Ủy ban nhân dân và Ban Chỉ huy Quân sự phường.",
        "Gồm cán bộ, công chức khối Hội đồng nhân dân, Ủy ban nhân dân; số này [[staffing.civil_servants_start_scope]].",
    ),
    (
        "so-ket-01-nam",
        "footnotes",
        "Bố trí nhân sự cụ thể: [[staffing.by_unit]].",
        "Bố trí khi thành lập: [[staffing.by_rank]].",
    ),
    (
        "bao-cao-tuan",
        "body",
        "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người, gồm [[staffing.centre_breakdown]].",
        "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người: [[staffing.centre_breakdown]]. "
        "Ngoài ra có [[staffing.centre_helpers]] tại Trung tâm.",
    ),
    (
        "bao-cao-tuan",
        "body",
        "các hệ thống dùng chung của thành phố (một cửa điện tử, quản lý văn bản, họp trực tuyến, thông tin báo cáo) "
        "được sử dụng đầy đủ.",
        "các hệ thống dùng chung của thành phố được sử dụng đầy đủ: [[ward.information_systems]].",
    ),
    (
        "bao-cao-tuan",
        "body",
        "- Ủy ban nhân dân phường làm việc tại trụ sở của đơn vị cũ, đã lắp bổ sung điều hòa",
        "- Ủy ban nhân dân phường làm việc tại [[assets.committee_seat]], đã lắp bổ sung điều hòa",
    ),
]


def _replace(apps, changes):
    TemplateSection = apps.get_model("reports", "TemplateSection")
    for code, field, old, new in changes:
        for section in TemplateSection.objects.filter(template__code=code, **{f"{field}__contains": old}):
            setattr(section, field, getattr(section, field).replace(old, new))
            section.save(update_fields=[field])


def forwards(apps, schema_editor):
    _replace(apps, CHANGES)


def backwards(apps, schema_editor):
    _replace(apps, [(code, field, new, old) for code, field, old, new in CHANGES])


class Migration(migrations.Migration):
    dependencies = [("reports", "0007_report_drafter")]
    operations = [migrations.RunPython(forwards, backwards)]
