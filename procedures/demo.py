"""Demo TTHC figures. Kim Trà: the seed week 18-23/8/2025 exactly, and working-week entries from
01/7/2025 to 05/5/2026 whose sums are the one-year seed figures (8.557 received; 8.258 on time and 2 late
of 8.260 resolved; online payment 4.889/5.000 = 97,78%); the other weeks are made up, deterministic and
marked as demo data. Hương Trà: made-up figures of the same shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from wards.models import Ward
from wards.periods import DateRange

from .models import ProcedureField
from .services import catalogue_save, field_upsert, week_save

YEAR = DateRange(date(2025, 7, 1), date(2026, 5, 5))
SEED_WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))
ALL_ONLINE_FROM = date(2025, 11, 1)  # "Từ ngày 01/11/2025, 100% hồ sơ ... trực tuyến"

# The nine fields of the weekly seed, as the 0002 migration adds them; repeated here because a test
# database flushed between tests loses migrated rows.
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
# The seed week by field, in that order: received, in progress within the deadline,
# returned for supplement, awaiting return, awaiting issuance, fee-bearing, paid online. Returned is the
# rest; every resolved case was on time, received online and digitised (the seed's 100%).
SEED_ROWS = (
    (10, 3, 0, 0, 1, 0, 0),
    (239, 12, 0, 0, 10, 239, 234),
    (16, 8, 1, 0, 2, 16, 15),
    (2, 1, 0, 0, 0, 0, 0),
    (37, 8, 0, 2, 5, 0, 0),
    (4, 2, 0, 0, 0, 0, 0),
    (3, 2, 0, 0, 0, 3, 3),
    (1, 1, 0, 0, 0, 0, 0),
    (3, 0, 0, 0, 0, 3, 3),
)
FIELD_WEIGHTS = tuple(row[0] for row in SEED_ROWS)
FEE_FIELDS = tuple(index for index, row in enumerate(SEED_ROWS) if row[5])


@dataclass(frozen=True)
class Totals:
    """What the generated weeks must add up to."""

    received: int
    resolved: int
    late: int
    fee_bearing: int
    paid_online: int


def split(total: int, weights: list[int]) -> list[int]:
    """`total` in proportion to `weights`, in integers that add up exactly (largest remainder)."""
    whole = sum(weights)
    if not whole:
        return [0] * len(weights)
    shares = [total * w // whole for w in weights]
    remainders = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in remainders[: total - sum(shares)]:
        shares[i] += 1
    return shares


def working_weeks(period: DateRange, skip: DateRange | None) -> list[DateRange]:
    """Monday-Saturday weeks cut to the period, as the weekly reports count them."""
    weeks = []
    monday = period.start - timedelta(days=period.start.weekday())
    while monday <= period.end:
        week = DateRange(max(monday, period.start), min(monday + timedelta(days=5), period.end))
        if week != skip:
            weeks.append(week)
        monday += timedelta(days=7)
    return weeks


def generated_rows(weeks: list[DateRange], totals: Totals) -> list[list[dict[str, int]]]:
    """Per week, per field, the counts of one entry; deterministic and exactly summing to `totals`."""
    week_weights = [week.days * (170 + (index * 37) % 41) for index, week in enumerate(weeks)]
    received_by_week = split(totals.received, week_weights)
    cells = [
        split(received, [w * (8 + (index + j) % 5) for j, w in enumerate(FIELD_WEIGHTS)])
        for index, received in enumerate(received_by_week)
    ]
    flat = [value for row in cells for value in row]
    in_progress = split(totals.received - totals.resolved, flat)
    fee_weights = [value if i % len(FIELD_WEIGHTS) in FEE_FIELDS else 0 for i, value in enumerate(flat)]
    fee_bearing = split(totals.fee_bearing, fee_weights)
    paid_online = split(totals.paid_online, fee_bearing)
    resolved = [value - pending for value, pending in zip(flat, in_progress, strict=True)]
    # The few late cases go to the busiest cells, where one late case is least surprising.
    late_cells = sorted(range(len(flat)), key=lambda i: (-resolved[i], i))[: totals.late]
    rows: list[list[dict[str, int]]] = []
    for week_index, week in enumerate(weeks):
        week_rows = []
        for j in range(len(FIELD_WEIGHTS)):
            i = week_index * len(FIELD_WEIGHTS) + j
            received, done = flat[i], resolved[i]
            late = 1 if i in late_cells else 0
            supplement = in_progress[i] // 10
            awaiting_return, awaiting_issuance = done // 50, done // 15
            week_rows.append(
                {
                    "received": received,
                    "received_online": received if week.start >= ALL_ONLINE_FROM else received - received // 20,
                    "in_progress_on_time": in_progress[i] - supplement,
                    "returned_for_supplement": supplement,
                    "awaiting_return": awaiting_return,
                    "awaiting_issuance": awaiting_issuance,
                    "returned": done - awaiting_return - awaiting_issuance,
                    "resolved_on_time": done - late,
                    "resolved_late": late,
                    "digitised": received,
                    "e_results": done,
                    "fee_bearing": fee_bearing[i],
                    "paid_online": paid_online[i],
                }
            )
        rows.append(week_rows)
    return rows


def seed_week_rows() -> list[dict[str, int]]:
    rows = []
    for received, pending, supplement, awaiting_return, awaiting_issuance, fees, paid in SEED_ROWS:
        resolved = received - pending - supplement
        rows.append(
            {
                "received": received,
                "received_online": received,
                "in_progress_on_time": pending,
                "returned_for_supplement": supplement,
                "awaiting_return": awaiting_return,
                "awaiting_issuance": awaiting_issuance,
                "returned": resolved - awaiting_return - awaiting_issuance,
                "resolved_on_time": resolved,
                "digitised": received,
                "e_results": resolved,
                "fee_bearing": fees,
                "paid_online": paid,
            }
        )
    return rows


def _save_weeks(
    ward: Ward, fields: list[ProcedureField], weeks: list[DateRange], rows: list[list[dict[str, int]]]
) -> None:
    for week, week_rows in zip(weeks, rows, strict=True):
        week_save(ward=ward, period=week, rows=dict(zip(fields, week_rows, strict=True)), is_demo=True)


def load(wards: dict[str, Ward]) -> None:
    fields = [field_upsert(name=name, position=index * 10) for index, name in enumerate(SEED_FIELDS, start=1)]
    kim_tra = wards["kim-tra"]
    seed = seed_week_rows()
    week_save(ward=kim_tra, period=SEED_WEEK, rows=dict(zip(fields, seed, strict=True)), is_demo=True)
    weeks = working_weeks(YEAR, skip=SEED_WEEK)
    rest = Totals(
        received=8557 - sum(r["received"] for r in seed),
        resolved=8260 - sum(r["resolved_on_time"] for r in seed),
        late=2,
        fee_bearing=5000 - sum(r["fee_bearing"] for r in seed),
        paid_online=4889 - sum(r["paid_online"] for r in seed),
    )
    _save_weeks(kim_tra, fields, weeks, generated_rows(weeks, rest))
    for as_of in (YEAR.start, YEAR.end):
        catalogue_save(
            ward=kim_tra,
            as_of=as_of,
            procedures=424,
            fully_online=144,
            partly_online=280,
            eligible_fully_online=144,
            boundary_free_cases=0,
            is_demo=True,
        )

    huong_tra = wards["huong-tra"]
    weeks = working_weeks(YEAR, skip=None)
    made_up = Totals(received=9_364, resolved=9_051, late=6, fee_bearing=5_620, paid_online=5_402)
    _save_weeks(huong_tra, fields, weeks, generated_rows(weeks, made_up))
    catalogue_save(
        ward=huong_tra,
        as_of=YEAR.start,
        procedures=424,
        fully_online=144,
        partly_online=280,
        boundary_free_cases=3,
        is_demo=True,
    )
