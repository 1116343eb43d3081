"""Staffing placeholders and the table of staff by unit, from staffing.figures: the snapshot in force on
the last day of the range against the ward's first one."""

from __future__ import annotations

from staffing.figures import StaffingFigures, UnitLine, figures_at
from staffing.models import SchoolLevel, UnitKind
from wards.formatting import vi_date, vi_number
from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, format_value, register
from ..tables import Table, register_table

N, T = Kind.NUMBER, Kind.TEXT

# Units the report text names.
CENTRE = "Trung tâm Phục vụ hành chính công"
SERVICES = "Trung tâm Dịch vụ sự nghiệp công"
HEALTH = "Trạm Y tế phường"

# key: (description, attribute of StaffingFigures)
FIGURES = {
    "staffing.civil_servants_start": ("Cán bộ, công chức tiếp nhận, bố trí khi thành lập", "civil_servants_start"),
    "staffing.civil_servants_end": ("Cán bộ, công chức hiện có (cuối kỳ)", "civil_servants_now"),
    "staffing.positions_short": ("Biên chế còn thiếu so với vị trí việc làm chuyên môn", "positions_short"),
    "staffing.schools": ("Số trường học trực thuộc", "schools"),
    "staffing.non_specialised_total": ("Người hoạt động không chuyên trách khi thành lập", "non_specialised_start"),
    "staffing.non_specialised_left": ("Người hoạt động không chuyên trách đã nghỉ", "non_specialised_left"),
    "staffing.non_specialised_remaining": ("Người hoạt động không chuyên trách còn lại", "non_specialised_now"),
}
LEVELS = {
    "staffing.schools_preschool": ("Số trường mầm non", SchoolLevel.PRESCHOOL),
    "staffing.schools_primary": ("Số trường tiểu học", SchoolLevel.PRIMARY),
    "staffing.schools_secondary": ("Số trường trung học cơ sở", SchoolLevel.LOWER_SECONDARY),
}

KEYS = [
    *(PlaceholderKey(key, description, N) for key, (description, _name) in FIGURES.items()),
    *(PlaceholderKey(key, description, N) for key, (description, _level) in LEVELS.items()),
    PlaceholderKey("staffing.service_centre", "Viên chức Trung tâm Dịch vụ sự nghiệp công", N),
    PlaceholderKey("staffing.service_centre_seconded", "Viên chức Trung tâm Dịch vụ sự nghiệp công biệt phái", N),
    PlaceholderKey("staffing.health_station", "Viên chức Trạm Y tế phường", N),
    PlaceholderKey("staffing.centre_total", "Nhân sự Trung tâm Phục vụ hành chính công", N),
    PlaceholderKey("staffing.centre_breakdown", "Nhân sự Trung tâm Phục vụ hành chính công theo vị trí", T),
    PlaceholderKey("staffing.centre_helpers", "Người từ đơn vị khác hỗ trợ tại Trung tâm Phục vụ hành chính công", N),
    PlaceholderKey("staffing.by_unit", "Cán bộ, công chức theo đơn vị (Văn phòng HĐND và UBND 11 người; ...)", T),
    PlaceholderKey("staffing.doctors_needed", "Nhu cầu bổ sung bác sĩ (02 bác sĩ đa khoa)", T),
    PlaceholderKey("staffing.needs", "Nhu cầu bổ sung nhân sự (02 bác sĩ đa khoa, ...)", T),
]


def _breakdown(line: UnitLine) -> str:
    parts = [
        ("lãnh đạo", line.heads + line.deputies),
        ("chuyên viên", line.specialists),
    ]
    return ", ".join(f"{name} {format_value(N, count)}" for name, count in parts if count)


def _needs(figures: StaffingFigures, doctors_only: bool) -> str | None:
    needs = [need for need in figures.needs if not doctors_only or "bác sĩ" in need.position.lower()]
    return ", ".join(f"{format_value(N, need.count)} {need.position.lower()}" for need in needs) or None


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    figures = figures_at(ward, period.end)
    result: dict[str, object] = {key: getattr(figures, name) for key, (_d, name) in FIGURES.items()}
    levels = {level.level: level.count for level in figures.schools_by_level}
    result.update({key: levels.get(level, 0) for key, (_d, level) in LEVELS.items()})
    current = figures.current
    services = current.line(SERVICES) if current else None
    health = current.line(HEALTH) if current else None
    centre = current.line(CENTRE) if current else None
    result.update(
        {
            "staffing.service_centre": services.public_employees if services else None,
            "staffing.service_centre_seconded": services.seconded_out if services else None,
            "staffing.health_station": health.public_employees if health else None,
            "staffing.centre_total": centre.total if centre else None,
            "staffing.centre_breakdown": _breakdown(centre) if centre else None,
            "staffing.centre_helpers": centre.seconded_in if centre else None,
            "staffing.by_unit": "; ".join(
                f"{line.unit} {format_value(N, line.civil_servants)} người"
                for line in current.lines
                if line.civil_servants and line.kind != UnitKind.MILITARY
            )
            if current
            else None,
            "staffing.doctors_needed": _needs(figures, doctors_only=True),
            "staffing.needs": _needs(figures, doctors_only=False),
        }
    )
    return result


def _signed(change: int) -> str:
    return f"+{vi_number(change)}" if change > 0 else vi_number(change)


def by_unit_table(ward: Ward, period: DateRange) -> Table:
    figures = figures_at(ward, period.end)
    first, current = figures.first, figures.current

    def total(line: UnitLine | None) -> int:
        return line.total if line else 0

    rows = []
    for row in figures.unit_rows:
        rows.append(
            [
                row.unit,
                vi_number(total(row.start)),
                vi_number(total(row.now)),
                _signed(row.change),
            ]
        )
    start_total = first.total if first else 0
    now_total = current.total if current else 0
    return Table(
        caption="Cán bộ, công chức, viên chức, người lao động theo đơn vị",
        headers=[
            "Đơn vị",
            f"Ngày {vi_date(first.on)}" if first else "Khi thành lập",
            f"Ngày {vi_date(current.on)}" if current else "Hiện nay",
            "Tăng (+), giảm (-)",
        ],
        rows=rows,
        footer=[
            "Tổng cộng",
            vi_number(start_total),
            vi_number(now_total),
            _signed(now_total - start_total),
        ],
    )


register("staffing", keys=KEYS, values=values)
register_table("staffing_by_unit", by_unit_table)
