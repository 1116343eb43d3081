"""Demo staffing: Kim Trà from the one-year review (footnotes 2 to 6), Hương Trà made up.

Kim Trà, as the seed reads:
- 01/7/2025: 46 officials and civil servants, the ward military command (3) included; the units of
  footnote 2 make the other 43.
- 01/5/2026: 43, the military command no longer counted with the ward's civil servants (the snapshot
  says so: `includes_military` off, and the command has no line, rather than a line of zeros).
- Positions under Decree 361/2025/NĐ-CP: 8 leadership and 33 professional; 8 professional posts short:
  Kinh tế, Hạ tầng và Đô thị 4 of 11, Văn hóa - Xã hội 2 of 8, 2 of the 3 shared positions. The seed's
  "07 chuyên viên" of Văn hóa - Xã hội are the 6 holding its own positions and the one holding the
  shared accountant position.
School names are not in the seed and are made up.
"""

from __future__ import annotations

from datetime import date

from wards.models import Ward

from .models import FunctionStatus, OrgUnit, PositionCategory, SchoolLevel, UnitKind
from .services import (
    FunctionInput,
    LineInput,
    headcount_snapshot_save,
    job_position_upsert,
    org_unit_upsert,
    staff_functions_save,
    staffing_need_upsert,
)

LEADERS = "Lãnh đạo HĐND và UBND phường"
OFFICE = "Văn phòng HĐND và UBND"
CULTURE = "Phòng Văn hóa - Xã hội"
ECONOMY = "Phòng Kinh tế, Hạ tầng và Đô thị"
CENTRE = "Trung tâm Phục vụ hành chính công"
MILITARY = "Ban Chỉ huy Quân sự phường"
SERVICES = "Trung tâm Dịch vụ sự nghiệp công"
HEALTH = "Trạm Y tế phường"

HEAD, DEPUTY = "Trưởng phòng", "Phó Trưởng phòng"
# (name, kind, head title, deputy title, taken over from)
UNITS = (
    (LEADERS, UnitKind.LEADERSHIP, "", "", ""),
    (OFFICE, UnitKind.AGENCY, "Chánh Văn phòng", "Phó Chánh Văn phòng", ""),
    (CULTURE, UnitKind.AGENCY, HEAD, DEPUTY, ""),
    (ECONOMY, UnitKind.AGENCY, HEAD, DEPUTY, ""),
    (CENTRE, UnitKind.ONE_STOP_CENTRE, "Giám đốc", "Phó Giám đốc", ""),
    (MILITARY, UnitKind.MILITARY, "", "", ""),
    (SERVICES, UnitKind.SERVICE_CENTRE, "Giám đốc", "Phó Giám đốc", ""),
    (HEALTH, UnitKind.HEALTH_STATION, "Trạm trưởng", "Phó Trạm trưởng", "Trung tâm Y tế Hương Trà"),
    ("Văn phòng Đảng ủy", UnitKind.PARTY_ORGAN, "", "", ""),
    ("Ban Xây dựng Đảng", UnitKind.PARTY_ORGAN, "", "", ""),
    ("Ủy ban Kiểm tra Đảng ủy", UnitKind.PARTY_ORGAN, "", "", ""),
)

KIM_TRA_SCHOOLS = (
    ("Trường Mầm non Hương Xuân", SchoolLevel.PRESCHOOL),
    ("Trường Mầm non Hương Chữ", SchoolLevel.PRESCHOOL),
    ("Trường Mầm non Hương Toàn", SchoolLevel.PRESCHOOL),
    ("Trường Tiểu học số 1 Hương Xuân", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 2 Hương Xuân", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 1 Hương Chữ", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 2 Hương Chữ", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 1 Hương Toàn", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 2 Hương Toàn", SchoolLevel.PRIMARY),
    ("Trường Tiểu học số 3 Hương Toàn", SchoolLevel.PRIMARY),
    ("Trường THCS Hương Xuân", SchoolLevel.LOWER_SECONDARY),
    ("Trường THCS Hương Chữ", SchoolLevel.LOWER_SECONDARY),
    ("Trường THCS Hương Toàn", SchoolLevel.LOWER_SECONDARY),
)

# unit: (heads, deputies, specialists, civil servants, public employees, seconded out, seconded in)
Line = tuple[int, int, int, int, int, int, int]
KIM_TRA_2025: dict[str, Line] = {
    LEADERS: (2, 3, 1, 6, 0, 0, 0),
    OFFICE: (1, 1, 9, 11, 0, 0, 0),
    CULTURE: (0, 2, 8, 10, 0, 0, 1),
    ECONOMY: (1, 1, 7, 9, 0, 0, 1),
    CENTRE: (0, 1, 6, 7, 0, 0, 0),
    MILITARY: (1, 1, 1, 3, 0, 0, 0),
    SERVICES: (1, 1, 8, 0, 10, 2, 0),
    HEALTH: (1, 1, 17, 0, 19, 0, 0),
}
KIM_TRA_2026 = {unit: line for unit, line in KIM_TRA_2025.items() if unit != MILITARY}

LEADERSHIP = PositionCategory.LEADERSHIP
PROFESSIONAL = PositionCategory.PROFESSIONAL
# unit or None (shared): [(name, category, quota, filled)]
KIM_TRA_POSITIONS: dict[str | None, list[tuple]] = {
    OFFICE: [
        ("Chánh Văn phòng", LEADERSHIP, 1, 1),
        ("Phó Chánh Văn phòng", LEADERSHIP, 1, 1),
        ("Tổng hợp", PROFESSIONAL, 3, 3),
        ("Tổ chức - nội vụ", PROFESSIONAL, 2, 2),
        ("Tư pháp - hộ tịch", PROFESSIONAL, 2, 2),
        ("Tài chính - kế toán", PROFESSIONAL, 2, 2),
        ("Văn thư - lưu trữ", PROFESSIONAL, 1, 1),
        ("Thi đua - khen thưởng", PROFESSIONAL, 1, 1),
    ],
    CULTURE: [
        ("Trưởng phòng", LEADERSHIP, 1, 0),
        ("Phó Trưởng phòng", LEADERSHIP, 2, 2),
        ("Văn hóa, thể thao và du lịch", PROFESSIONAL, 2, 2),
        ("Lao động, người có công và xã hội", PROFESSIONAL, 2, 2),
        ("Giáo dục và đào tạo", PROFESSIONAL, 1, 1),
        ("Y tế, dân số", PROFESSIONAL, 1, 1),
        (
            "Nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo, sở hữu trí tuệ, tiêu chuẩn đo "
            "lường chất lượng, ứng dụng bức xạ và đồng vị phóng xạ, an toàn bức xạ và hạt nhân",
            PROFESSIONAL,
            1,
            0,
        ),
        ("Dân tộc, tôn giáo", PROFESSIONAL, 1, 0),
    ],
    ECONOMY: [
        ("Trưởng phòng", LEADERSHIP, 1, 1),
        ("Phó Trưởng phòng", LEADERSHIP, 1, 1),
        ("Kế hoạch, đầu tư, thống kê", PROFESSIONAL, 2, 0),
        (
            "Đăng ký hộ kinh doanh, tổ hợp tác, hợp tác xã, liên hiệp hợp tác xã, hỗ trợ kinh doanh, "
            "tổ chức kinh tế tập thể",
            PROFESSIONAL,
            2,
            0,
        ),
        ("Quản lý đất đai", PROFESSIONAL, 2, 2),
        ("Xây dựng, quy hoạch và phát triển đô thị", PROFESSIONAL, 2, 2),
        ("Tài nguyên và môi trường", PROFESSIONAL, 1, 1),
        ("Giao thông, hạ tầng kỹ thuật", PROFESSIONAL, 1, 1),
        ("Nông nghiệp", PROFESSIONAL, 1, 1),
    ],
    CENTRE: [("Phó Giám đốc", LEADERSHIP, 1, 1)],
    None: [
        ("Kế toán (dùng chung)", PROFESSIONAL, 1, 1, CULTURE),
        ("Quản lý ứng dụng công nghệ thông tin và chuyển đổi số", PROFESSIONAL, 1, 0),
        ("Kiểm tra chuyên ngành", PROFESSIONAL, 1, 0),
    ],
}

KIM_TRA_NEEDS = (
    (HEALTH, "Bác sĩ y học dự phòng", 2),
    (HEALTH, "Bác sĩ đa khoa", 2),
    (HEALTH, "Viên chức kế toán, hành chính", 1),
)


def _units(ward: Ward, schools: tuple[tuple[str, str], ...]) -> dict[str, OrgUnit]:
    units = {
        name: org_unit_upsert(
            ward=ward, name=name, kind=kind, order=i, head_title=head, deputy_title=deputy, origin=origin
        )
        for i, (name, kind, head, deputy, origin) in enumerate(UNITS)
    }
    for i, (name, level) in enumerate(schools, start=len(UNITS)):
        units[name] = org_unit_upsert(ward=ward, name=name, kind=UnitKind.SCHOOL, school_level=level, order=i)
    return units


def _lines(units: dict[str, OrgUnit], data: dict[str, Line]) -> list[LineInput]:
    lines = []
    for name, (heads, deputies, specialists, civil, public, out, seconded_in) in data.items():
        lines.append(
            LineInput(
                unit=units[name],
                total=heads + deputies + specialists,
                heads=heads,
                deputies=deputies,
                specialists=specialists,
                civil_servants=civil,
                public_employees=public,
                contract_workers=heads + deputies + specialists - civil - public,
                seconded_out=out,
                seconded_in=seconded_in,
            )
        )
    return lines


def _positions(ward: Ward, units: dict[str, OrgUnit], positions: dict[str | None, list[tuple]]) -> None:
    """Rows are (name, category, quota, filled) and, for a shared position, the unit its holder works in."""
    for unit_name, rows in positions.items():
        for i, (name, category, quota, filled, *placed) in enumerate(rows):
            job_position_upsert(
                ward=ward,
                unit=units[unit_name] if unit_name else None,
                name=name,
                category=category,
                quota=quota,
                filled=filled,
                order=i,
                placed_in=units[placed[0]] if placed else None,
            )


STAFF, CONCURRENT, HELPER = FunctionStatus.STAFF, FunctionStatus.CONCURRENT, FunctionStatus.HELPER
CENTRE_DIRECTOR = FunctionInput("Phó Chủ tịch UBND phường kiêm Giám đốc Trung tâm", 1, True, CONCURRENT)
# The centre by function: on 01/7/2025 as footnote 2 of the one-year review counts it, on 18/8/2025 as the
# weekly report describes it (two more clerks by then, and a post-office clerk helping at the counter).
KIM_TRA_CENTRE_FUNCTIONS = {
    date(2025, 7, 1): [
        CENTRE_DIRECTOR,
        FunctionInput("Phó Giám đốc Trung tâm", 1, True),
        FunctionInput("Chuyên viên", 6),
    ],
    date(2025, 8, 18): [
        CENTRE_DIRECTOR,
        FunctionInput("Phó Giám đốc Trung tâm", 1, True),
        FunctionInput(
            "Bộ phận tiếp nhận hồ sơ (lĩnh vực Tư pháp - Hộ tịch; Địa chính - Xây dựng; Văn hóa - Xã hội)", 3
        ),
        FunctionInput("Bộ phận số hóa hồ sơ", 1),
        FunctionInput("Bộ phận thu phí, lệ phí và đăng ký kinh doanh, phụ trách kế toán và văn thư", 1),
        FunctionInput("Bộ phận theo dõi, tổng hợp, giám sát", 2),
        FunctionInput("Nhân viên bưu điện hỗ trợ tiếp nhận hồ sơ", 1, False, HELPER),
    ],
}


def load_kim_tra(ward: Ward) -> None:
    units = _units(ward, KIM_TRA_SCHOOLS)
    headcount_snapshot_save(
        ward=ward,
        on=date(2025, 7, 1),
        non_specialised_workers=29,
        non_specialised_left=0,
        includes_military=True,
        note="Danh sách có mặt tại thời điểm thành lập phường.",
        lines=_lines(units, KIM_TRA_2025),
    )
    headcount_snapshot_save(
        ward=ward,
        on=date(2026, 5, 1),
        non_specialised_workers=2,
        non_specialised_left=27,
        non_specialised_left_from=date(2025, 8, 1),
        includes_military=False,
        lines=_lines(units, KIM_TRA_2026),
    )
    for on, functions in KIM_TRA_CENTRE_FUNCTIONS.items():
        staff_functions_save(ward=ward, unit=units[CENTRE], on=on, functions=functions)
    _positions(ward, units, KIM_TRA_POSITIONS)
    for unit_name, position, count in KIM_TRA_NEEDS:
        staffing_need_upsert(
            ward=ward, unit=units[unit_name], position=position, count=count, stated_on=date(2026, 5, 5)
        )


HUONG_TRA_2025: dict[str, Line] = {
    LEADERS: (2, 3, 1, 6, 0, 0, 0),
    OFFICE: (1, 2, 10, 13, 0, 0, 0),
    CULTURE: (1, 2, 8, 11, 0, 0, 0),
    ECONOMY: (1, 2, 9, 12, 0, 0, 0),
    CENTRE: (0, 1, 7, 8, 0, 0, 0),
    MILITARY: (1, 1, 1, 3, 0, 0, 0),
    SERVICES: (1, 1, 10, 0, 11, 0, 0),
    HEALTH: (1, 2, 20, 0, 23, 0, 0),
}
HUONG_TRA_2026 = {**{u: line for u, line in HUONG_TRA_2025.items() if u != MILITARY}, OFFICE: (1, 2, 9, 12, 0, 0, 0)}


def load_huong_tra(ward: Ward) -> None:
    units = _units(
        ward,
        (
            ("Trường Mầm non Tứ Hạ", SchoolLevel.PRESCHOOL),
            ("Trường Mầm non Hương Văn", SchoolLevel.PRESCHOOL),
            ("Trường Tiểu học Tứ Hạ", SchoolLevel.PRIMARY),
            ("Trường Tiểu học Hương Văn", SchoolLevel.PRIMARY),
            ("Trường Tiểu học Hương Vân", SchoolLevel.PRIMARY),
            ("Trường THCS Tứ Hạ", SchoolLevel.LOWER_SECONDARY),
            ("Trường THCS Hương Vân", SchoolLevel.LOWER_SECONDARY),
        ),
    )
    headcount_snapshot_save(
        ward=ward,
        on=date(2025, 7, 1),
        non_specialised_workers=34,
        non_specialised_left=0,
        lines=_lines(units, HUONG_TRA_2025),
    )
    headcount_snapshot_save(
        ward=ward,
        on=date(2026, 5, 1),
        non_specialised_workers=3,
        non_specialised_left=31,
        non_specialised_left_from=date(2025, 8, 1),
        includes_military=False,
        lines=_lines(units, HUONG_TRA_2026),
    )
    positions = {
        OFFICE: [
            ("Chánh Văn phòng", LEADERSHIP, 1, 1),
            ("Phó Chánh Văn phòng", LEADERSHIP, 2, 2),
            ("Tổng hợp", PROFESSIONAL, 10, 9),
        ],
        CULTURE: [
            ("Trưởng phòng", LEADERSHIP, 1, 1),
            ("Phó Trưởng phòng", LEADERSHIP, 2, 2),
            ("Văn hóa - xã hội", PROFESSIONAL, 9, 8),
        ],
        ECONOMY: [
            ("Trưởng phòng", LEADERSHIP, 1, 1),
            ("Phó Trưởng phòng", LEADERSHIP, 2, 2),
            ("Kinh tế - hạ tầng", PROFESSIONAL, 11, 9),
        ],
        None: [("Quản lý ứng dụng công nghệ thông tin và chuyển đổi số", PROFESSIONAL, 1, 0)],
    }
    _positions(ward, units, positions)
    staffing_need_upsert(ward=ward, unit=units[HEALTH], position="Bác sĩ đa khoa", count=1, stated_on=date(2026, 5, 5))


def load(wards: dict[str, Ward]) -> None:
    load_kim_tra(wards["kim-tra"])
    load_huong_tra(wards["huong-tra"])
