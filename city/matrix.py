"""The wards x periods matrix of one reporting regime: a fixed number of queries whatever the number of
wards or periods (the regime's expected wards, their reports in the window, the reminders sent)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from django.db.models import Max
from django.utils.translation import gettext

from reports.models import Report, ReportState
from wards.models import City, Ward
from wards.periods import DateRange

from .models import ExpectedWard, Regime, Reminder
from .periods import NOT_STARTED, Cell, Rates, deadline_of, is_expected, rates_of

MAX_PERIODS = 52
LATE = "late"


@dataclass(frozen=True)
class MatrixCell:
    cell: Cell
    report_id: int | None
    return_reason: str
    reminded: bool

    @property
    def state(self) -> str:
        return self.cell.state

    @property
    def state_label(self) -> str:
        return str(ReportState(self.state).label) if self.state != NOT_STARTED else gettext("not started")

    @property
    def can_accept(self) -> bool:
        return self.state == ReportState.SIGNED

    def matches(self, wanted: str) -> bool:
        return self.cell.late if wanted == LATE else self.state == wanted


@dataclass(frozen=True)
class WardRow:
    ward: Ward
    cells: tuple[MatrixCell | None, ...]  # None where the ward owed nothing for that period

    @property
    def expected(self) -> tuple[MatrixCell, ...]:
        return tuple(cell for cell in self.cells if cell is not None)

    @cached_property
    def rates(self) -> Rates:
        return rates_of(cell.cell for cell in self.expected)

    def matches(self, wanted: str) -> bool:
        return not wanted or any(cell.matches(wanted) for cell in self.expected)


@dataclass(frozen=True)
class Matrix:
    regime: Regime
    periods: tuple[DateRange, ...]
    deadlines: tuple[date, ...]
    rows: tuple[WardRow, ...]
    # The ends of the windows of as many periods just before and just after this one, for the page's
    # links (None where there is no such window, or it would pass the last period ended by today).
    earlier: date | None = None
    later: date | None = None

    @cached_property
    def period_rates(self) -> tuple[Rates, ...]:
        return tuple(
            rates_of(row.cells[index].cell for row in self.rows if row.cells[index] is not None)
            for index in range(len(self.periods))
        )

    @cached_property
    def rates(self) -> Rates:
        return rates_of(cell.cell for row in self.rows for cell in row.expected)

    def late_cells(self) -> list[tuple[Ward, MatrixCell]]:
        return [(row.ward, cell) for row in self.rows for cell in row.expected if cell.cell.late]


def window_until(regime: Regime, city: City, today: date, end: date | None = None) -> date:
    """The last day of the matrix's window. Asked for a day: the period holding it (or the last one
    before it). Otherwise the latest period that has a report of the regime in the city, as a page
    without a period opens on its latest data; not after the last period ended by today, which is also
    the window when no report exists."""
    shape = regime.shape
    if end is not None:
        period = shape.window_end(end)
        return period.end if period else end
    ended = shape.period_ending_on_or_before(today)
    latest = Report.objects.filter(template=regime.template, ward__city=city).aggregate(last=Max("end"))["last"]
    period = shape.window_end(latest) if latest else None
    if period is None or (ended is not None and period.end > ended.end):
        period = ended
    return period.end if period else today


def _neighbours(regime: Regime, periods: tuple[DateRange, ...], today: date) -> tuple[date | None, date | None]:
    """The ends of the windows of `len(periods)` periods before and after `periods`."""
    if not periods:
        return None, None
    shape = regime.shape
    before = shape.period_ending_on_or_before(periods[0].start - timedelta(days=1))
    ended = shape.period_ending_on_or_before(today)
    later: DateRange | None = periods[-1]
    for _step in range(len(periods)):
        following = shape.following(later) if later else None
        if following is None or ended is None or following.end > ended.end:
            later = ended if ended and ended.end > periods[-1].end else None
            break
        later = following
    return (before.end if before else None), (later.end if later else None)


def build_matrix(
    regime: Regime, city: City, today: date, count: int, *, ward: Ward | None = None, until: date | None = None
) -> Matrix:
    """The last `count` periods ending by `until` (today by default), for every expected ward of the
    city or only `ward`."""
    periods = tuple(regime.shape.periods(until or today, max(1, min(count, MAX_PERIODS))))
    deadlines = tuple(deadline_of(period, regime.deadline_days) for period in periods)
    spans: dict[int, list[tuple[date, date | None]]] = defaultdict(list)
    wards: dict[int, Ward] = {}
    expected_wards = ExpectedWard.objects.filter(regime=regime, ward__city=city).select_related("ward")
    for expected in expected_wards.filter(ward=ward) if ward else expected_wards:
        spans[expected.ward_id].append(expected.span)
        wards[expected.ward_id] = expected.ward
    reports: dict[tuple[int, int], dict[str, object]] = {}
    reminded: set[tuple[int, date]] = set()
    if periods:
        window = DateRange(periods[0].start, periods[-1].end)
        starts = {period.start: index for index, period in enumerate(periods)}
        # A report belongs to the period its end falls in; of several, the latest one counts.
        for report in (
            Report.objects.filter(template=regime.template, ward_id__in=wards, end__range=(window.start, window.end))
            .order_by("pk")
            .values("pk", "ward_id", "end", "state", "issued_on", "return_reason")
        ):
            # A report ending between two periods (on a Sunday of a Monday-Saturday regime) belongs to none.
            index = next((i for i, period in enumerate(periods) if report["end"] in period), None)
            if index is not None:
                reports[(report["ward_id"], index)] = report
        reminded = set(
            Reminder.objects.filter(regime=regime, ward_id__in=wards, period_start__in=starts).values_list(
                "ward_id", "period_start"
            )
        )
    rows = []
    for ward_id, ward in sorted(wards.items(), key=lambda item: item[1].name):
        cells: list[MatrixCell | None] = []
        for index, period in enumerate(periods):
            if not is_expected(spans[ward_id], period):
                cells.append(None)
                continue
            report = reports.get((ward_id, index), {})
            cells.append(
                MatrixCell(
                    cell=Cell(
                        period=period,
                        deadline=deadlines[index],
                        state=str(report.get("state", NOT_STARTED)),
                        approved_on=report.get("issued_on"),  # type: ignore[arg-type]
                        today=today,
                    ),
                    report_id=report.get("pk"),  # type: ignore[arg-type]
                    return_reason=str(report.get("return_reason", "")),
                    reminded=(ward_id, period.start) in reminded,
                )
            )
        rows.append(WardRow(ward=ward, cells=tuple(cells)))
    earlier, later = _neighbours(regime, periods, today)
    return Matrix(regime=regime, periods=periods, deadlines=deadlines, rows=tuple(rows), earlier=earlier, later=later)


SORTS = {
    "ward": lambda row: row.ward.name,
    "completeness": lambda row: row.rates.delivered / (row.rates.expected or 1),
    "timeliness": lambda row: row.rates.on_time / (row.rates.expected or 1),
    "late": lambda row: -row.rates.late,
}


def arranged(matrix: Matrix, wanted: str, sort: str) -> tuple[WardRow, ...]:
    """The rows that have a cell in the wanted state (or late), sorted by ward or by a rate."""
    rows = [row for row in matrix.rows if row.matches(wanted)]
    return tuple(sorted(rows, key=SORTS.get(sort, SORTS["ward"])))
