"""TTHC placeholders and the table of cases by field, from procedures.figures over the report's range."""

from __future__ import annotations

from procedures.figures import ProcedureFigures, figures_for
from wards.formatting import vi_number, vi_percent
from wards.models import Ward
from wards.periods import DateRange

from ..placeholders import Kind, PlaceholderKey, format_value, register
from ..tables import Table, register_table

N, P, T = Kind.NUMBER, Kind.PERCENT, Kind.TEXT

# key: (description, kind, attribute of ProcedureFigures)
FIGURES = {
    "tthc.received": ("Hồ sơ tiếp nhận trong kỳ", N, "received"),
    "tthc.online": ("Hồ sơ tiếp nhận trực tuyến toàn trình", N, "received_online"),
    "tthc.resolved": ("Hồ sơ đã giải quyết (đúng hạn và trễ hạn)", N, "resolved"),
    "tthc.on_time": ("Hồ sơ giải quyết đúng hạn", N, "on_time"),
    "tthc.late": ("Hồ sơ giải quyết trễ hạn", N, "late"),
    "tthc.in_progress": ("Hồ sơ đang xử lý trong hạn (cuối kỳ)", N, "in_progress_on_time"),
    "tthc.overdue": ("Hồ sơ đang xử lý quá hạn (cuối kỳ)", N, "in_progress_overdue"),
    "tthc.supplement": ("Hồ sơ yêu cầu bổ sung, chỉnh sửa (cuối kỳ)", N, "returned_for_supplement"),
    "tthc.awaiting_return": ("Hồ sơ chờ trả kết quả (cuối kỳ)", N, "awaiting_return"),
    "tthc.returned": ("Hồ sơ đã trả kết quả (cuối kỳ)", N, "returned"),
    "tthc.awaiting_issuance": ("Hồ sơ chờ ban hành (cuối kỳ)", N, "awaiting_issuance"),
    "tthc.on_time_rate": ("Tỷ lệ giải quyết đúng hạn", P, "on_time_rate"),
    "tthc.late_rate": ("Tỷ lệ giải quyết trễ hạn", P, "late_rate"),
    "tthc.online_rate": ("Tỷ lệ hồ sơ trực tuyến toàn trình", P, "online_rate"),
    "tthc.digitised_rate": ("Tỷ lệ số hóa hồ sơ, kết quả giải quyết", P, "digitisation_rate"),
    "tthc.e_result_rate": ("Tỷ lệ cấp kết quả điện tử", P, "e_result_rate"),
    "tthc.online_payment_rate": ("Tỷ lệ thanh toán trực tuyến phí, lệ phí", P, "online_payment_rate"),
}
# key: (description, attribute of CatalogueFigures at the end of the range)
CATALOGUE = {
    "tthc.procedures_total": ("Số thủ tục hành chính cấp xã đang thực hiện", "procedures"),
    "tthc.procedures_full_online": ("Số thủ tục trực tuyến toàn trình", "fully_online"),
    "tthc.procedures_partly_online": ("Số thủ tục trực tuyến một phần", "partly_online"),
    "tthc.boundary_free_cases": ("Hồ sơ giải quyết không phụ thuộc địa giới hành chính", "boundary_free_cases"),
}

KEYS = [
    *(PlaceholderKey(key, description, kind) for key, (description, kind, _name) in FIGURES.items()),
    *(PlaceholderKey(key, description, N) for key, (description, _name) in CATALOGUE.items()),
    PlaceholderKey(
        "tthc.full_online_service_rate", "Tỷ lệ TTHC cung cấp trực tuyến toàn trình trên số TTHC đủ điều kiện", P
    ),
    PlaceholderKey("tthc.by_field", "Hồ sơ tiếp nhận theo lĩnh vực (Chứng thực 239 hồ sơ; ...)", T),
    PlaceholderKey("tthc.weeks_covered", "Số tuần có số liệu / số tuần của kỳ (45/45 tuần)", T),
]


def by_field_text(figures: ProcedureFigures) -> str | None:
    parts = [
        f"{row.name} {format_value(N, row.counts.received)} hồ sơ" for row in figures.by_field if row.counts.received
    ]
    return "; ".join(parts) or None


def values(ward: Ward, period: DateRange) -> dict[str, object]:
    figures = figures_for(ward, period)
    result: dict[str, object] = {key: getattr(figures, name) for key, (_d, _k, name) in FIGURES.items()}
    catalogue = figures.catalogue
    result.update({key: getattr(catalogue, name) if catalogue else None for key, (_d, name) in CATALOGUE.items()})
    result["tthc.full_online_service_rate"] = catalogue.full_online_service_rate if catalogue else None
    result["tthc.by_field"] = by_field_text(figures)
    result["tthc.weeks_covered"] = figures.coverage.label if figures.coverage else None
    return result


def by_field_table(ward: Ward, period: DateRange) -> Table:
    figures = figures_for(ward, period)
    rows = [
        [
            row.name,
            vi_number(row.counts.received),
            vi_number(row.counts.resolved),
            vi_number(row.counts.on_time),
            vi_percent(row.counts.on_time_rate),
        ]
        for row in figures.by_field
        if row.counts.received or row.counts.resolved
    ]
    return Table(
        caption=f"Hồ sơ thủ tục hành chính theo lĩnh vực, từ ngày {format_value(Kind.DATE, period.start)} "
        f"đến ngày {format_value(Kind.DATE, period.end)}",
        headers=["Lĩnh vực", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Tỷ lệ đúng hạn"],
        rows=rows,
        footer=[
            "Tổng cộng",
            vi_number(figures.received),
            vi_number(figures.resolved),
            vi_number(figures.on_time),
            vi_percent(figures.on_time_rate),
        ],
    )


register("tthc", keys=KEYS, values=values)
register_table("tthc_by_field", by_field_table)
