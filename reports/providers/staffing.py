"""Staffing placeholders and the table of staff by unit, from staffing.figures: the snapshot in force on
the last day of the range against the ward's first one."""

from __future__ import annotations

from staffing.figure_types import FunctionLine, Snapshot, StaffingFigures, UnitLine
from staffing.figures import figures_at
from staffing.models import FunctionStatus, SchoolLevel, UnitKind
from wards.formatting import vi_body_date, vi_number
from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, format_value, register
from ..tables import Table, register_table
from .ward import join_vi

N, T, D = Kind.NUMBER, Kind.TEXT, Kind.DATE

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
    PlaceholderKey("staffing.centre_total", "Nhân sự Trung tâm Phục vụ hành chính công (kể cả lãnh đạo kiêm nhiệm)", N),
    PlaceholderKey("staffing.centre_breakdown", "Nhân sự Trung tâm Phục vụ hành chính công theo bộ phận", T),
    PlaceholderKey("staffing.centre_helpers", "Người ngoài biên chế hỗ trợ tại Trung tâm (01 nhân viên bưu điện)", T),
    PlaceholderKey("staffing.civil_servants_start_on", "Ngày của số cán bộ, công chức khi thành lập", D),
    PlaceholderKey("staffing.civil_servants_end_on", "Ngày của số cán bộ, công chức hiện có", D),
    PlaceholderKey("staffing.civil_servants_start_scope", "Phạm vi số khi thành lập (gồm cả Ban Chỉ huy Quân sự)", T),
    PlaceholderKey("staffing.civil_servants_end_scope", "Phạm vi số hiện có (không tính Ban Chỉ huy Quân sự)", T),
    PlaceholderKey("staffing.by_rank", "Cán bộ, công chức khi thành lập theo đơn vị và chức danh (chú thích)", T),
    PlaceholderKey("staffing.party_organs", "Cơ quan tham mưu, giúp việc Đảng ủy", T),
    PlaceholderKey("staffing.agency_count", "Số cơ quan chuyên môn thuộc Ủy ban nhân dân", N),
    PlaceholderKey("staffing.administrative_bodies", "Số tổ chức hành chính (Trung tâm Phục vụ hành chính công)", N),
    PlaceholderKey("staffing.service_centres", "Số đơn vị sự nghiệp công lập là Trung tâm Dịch vụ sự nghiệp công", N),
    PlaceholderKey("staffing.health_station_origin", "Đơn vị chuyển giao Trạm Y tế phường", T),
    PlaceholderKey("staffing.non_specialised_left_from", "Ngày bắt đầu nghỉ theo Nghị định 154", D),
    PlaceholderKey("staffing.leadership_positions", "Vị trí việc làm lãnh đạo, quản lý", N),
    PlaceholderKey("staffing.professional_positions", "Vị trí việc làm chuyên môn, nghiệp vụ", N),
    PlaceholderKey("staffing.shortage_detail", "Biên chế còn thiếu theo đơn vị và vị trí (chú thích)", T),
    PlaceholderKey("staffing.by_unit", "Cán bộ, công chức theo đơn vị (Văn phòng HĐND và UBND 11 người; ...)", T),
    PlaceholderKey("staffing.doctors_needed", "Nhu cầu bổ sung bác sĩ (02 bác sĩ đa khoa)", T),
    PlaceholderKey("staffing.needs", "Nhu cầu bổ sung nhân sự (02 bác sĩ đa khoa, ...)", T),
]


def _count(value: int) -> str:
    return format_value(N, value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _centre(functions: tuple[FunctionLine, ...]) -> tuple[int | None, str | None, str | None]:
    """Total, breakdown and helpers of the one-stop centre from its staff by function."""
    if not functions:
        return None, None, None
    staff = [f for f in functions if f.status != FunctionStatus.HELPER]
    helpers = [f for f in functions if f.status == FunctionStatus.HELPER]
    leaders = [f for f in staff if f.leadership]
    parts = []
    if leaders:
        names = "; ".join(f"{_count(f.count)} {f.name}" for f in leaders)
        parts.append(f"lãnh đạo gồm {_count(sum(f.count for f in leaders))} người: {names}")
    parts += [f"{f.name} {_count(f.count)} người" for f in staff if not f.leadership]
    helper_text = "; ".join(f"{_count(f.count)} {_lower_first(f.name)}" for f in helpers) or "không"
    return sum(f.count for f in staff), "; ".join(parts), helper_text


def _rank_line(line: UnitLine, concurrent: tuple[FunctionLine, ...]) -> str:
    if line.kind == UnitKind.LEADERSHIP:
        notes = ", ".join(f"{_count(f.count)} {f.name}" for f in concurrent)
        return f"{line.unit}: {_count(line.total)} người" + (f" (có {notes})" if notes else "")
    ranks = []
    # A unit whose head is a leader of the committee holding the post concurrently has no head of its own to
    # count; otherwise an empty head post is worth saying ("0 Trưởng phòng").
    led_concurrently = any(f.unit == line.unit for f in concurrent)
    if line.head_title and (line.heads or not led_concurrently):
        ranks.append(f"{_count(line.heads)} {line.head_title}")
    if line.deputy_title:
        ranks.append(f"{_count(line.deputies)} {line.deputy_title}")
    ranks.append(f"{_count(line.specialists)} chuyên viên")
    return f"{line.unit}: {_count(line.total)} người (trong đó {', '.join(ranks)})"


def _by_rank(figures: StaffingFigures) -> str | None:
    first = figures.first
    if first is None:
        return None
    centre = figures.functions_of(UnitKind.ONE_STOP_CENTRE, at_first=True)
    concurrent = tuple(f for f in centre if f.status == FunctionStatus.CONCURRENT)
    kinds = (UnitKind.LEADERSHIP, UnitKind.AGENCY, UnitKind.ONE_STOP_CENTRE)
    return "; ".join(_rank_line(line, concurrent) for line in first.lines if line.kind in kinds) or None


def _scope(figures: StaffingFigures, snapshot: Snapshot | None) -> str | None:
    military = figures.unit_names(UnitKind.MILITARY)
    if snapshot is None or not military:
        return None
    return f"gồm cả {military[0]}" if snapshot.includes_military else f"không tính {military[0]}"


def _shortage_detail(figures: StaffingFigures) -> str | None:
    parts = []
    for group in figures.positions.by_unit:
        if not group.short:
            continue
        missing = "; ".join(
            f"{_count(line.short)} {_lower_first(line.name)}"
            for line in figures.positions.lines
            if line.unit == group.unit and line.category == "professional" and line.short
        )
        if group.unit:
            hosted = ", ".join(f"{_count(line.filled)} người giữ vị trí {line.name}" for line in group.hosted)
            working = f"{_count(group.working)} người đang làm việc" + (f", trong đó {hosted}" if hosted else "")
            parts.append(
                f"{group.unit}: {_count(group.quota)} vị trí việc làm chuyên môn, {working}, "
                f"còn thiếu {_count(group.short)} biên chế ({missing})"
            )
        else:
            parts.append(f"vị trí việc làm dùng chung của các phòng: còn thiếu {_count(group.short)} ({missing})")
    return "; ".join(parts) or None


def _needs(figures: StaffingFigures, doctors_only: bool) -> str | None:
    needs = [need for need in figures.needs if not doctors_only or "bác sĩ" in need.position.lower()]
    return ", ".join(f"{format_value(N, need.count)} {need.position.lower()}" for need in needs) or None


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    figures = figures_at(ward, period.end)
    result: dict[str, object] = {key: getattr(figures, name) for key, (_d, name) in FIGURES.items()}
    levels = {level.level: level.count for level in figures.schools_by_level}
    result.update({key: levels.get(level, 0) for key, (_d, level) in LEVELS.items()})
    first, current = figures.first, figures.current
    services = current.line_of(UnitKind.SERVICE_CENTRE) if current else None
    health = current.line_of(UnitKind.HEALTH_STATION) if current else None
    centre_total, centre_breakdown, centre_helpers = _centre(figures.functions_of(UnitKind.ONE_STOP_CENTRE))
    health_unit = figures.unit_of(UnitKind.HEALTH_STATION)
    result.update(
        {
            "staffing.service_centre": services.public_employees if services else None,
            "staffing.service_centre_seconded": services.seconded_out if services else None,
            "staffing.health_station": health.public_employees if health else None,
            "staffing.centre_total": centre_total,
            "staffing.centre_breakdown": centre_breakdown,
            "staffing.centre_helpers": centre_helpers,
            "staffing.civil_servants_start_on": first.on if first else None,
            "staffing.civil_servants_end_on": current.on if current else None,
            "staffing.civil_servants_start_scope": _scope(figures, first),
            "staffing.civil_servants_end_scope": _scope(figures, current),
            "staffing.by_rank": _by_rank(figures),
            "staffing.party_organs": join_vi(list(figures.unit_names(UnitKind.PARTY_ORGAN))) or None,
            "staffing.agency_count": len(figures.unit_names(UnitKind.AGENCY)),
            "staffing.administrative_bodies": len(figures.unit_names(UnitKind.ONE_STOP_CENTRE)),
            "staffing.service_centres": len(figures.unit_names(UnitKind.SERVICE_CENTRE)),
            "staffing.health_station_origin": (health_unit.origin or None) if health_unit else None,
            "staffing.non_specialised_left_from": current.non_specialised_left_from if current else None,
            "staffing.leadership_positions": figures.positions.leadership_quota,
            "staffing.professional_positions": figures.positions.professional_quota,
            "staffing.shortage_detail": _shortage_detail(figures),
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

    def left_out(snapshot: Snapshot | None, kind: str) -> bool:
        # A count that leaves the military command out says so rather than showing the command at zero.
        return snapshot is not None and kind == UnitKind.MILITARY and not snapshot.includes_military

    rows = []
    for row in figures.unit_rows:
        if left_out(first, row.kind) or left_out(current, row.kind):
            start = "không tính" if left_out(first, row.kind) else vi_number(total(row.start))
            now = "không tính" if left_out(current, row.kind) else vi_number(total(row.now))
            rows.append([row.unit, start, now, ""])
            continue
        rows.append([row.unit, vi_number(total(row.start)), vi_number(total(row.now)), _signed(row.change)])
    start_total = first.total if first else 0
    now_total = current.total if current else 0
    return Table(
        caption="Cán bộ, công chức, viên chức, người lao động theo đơn vị",
        headers=[
            "Đơn vị",
            f"Ngày {vi_body_date(first.on)}" if first else "Khi thành lập",
            f"Ngày {vi_body_date(current.on)}" if current else "Hiện nay",
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
