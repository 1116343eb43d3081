"""/city/: the wards x periods matrix, bulk accept, return with a reason, reminders."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from city.matrix import build_matrix
from city.models import Reminder
from procedures.tests.factories import CaseVolumeFactory
from reports.models import Report, ReportState
from wards.models import Membership, Ward
from wards.periods import DateRange
from wards.tests.factories import MembershipFactory, WardFactory
from wards.tests.permissions import client_for

from .conftest import WEEKS, expect, report_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


def matrix_of(weekly, ward: Ward):
    return build_matrix(weekly, ward.city, timezone.localdate(), 3)


def test_cells_follow_each_rule(weekly, ward: Ward, other_ward: Ward, situation) -> None:
    matrix = matrix_of(weekly, ward)
    assert matrix.periods == WEEKS
    assert matrix.deadlines == (date(2025, 8, 11), date(2025, 8, 18), date(2025, 8, 25))
    huong_tra, kim_tra = matrix.rows
    missing, approved_late, signed = kim_tra.cells
    assert missing.state == "not_started" and missing.cell.late
    assert approved_late.state == "approved" and approved_late.cell.approved_late and not approved_late.cell.late
    assert signed.cell.on_time and signed.can_accept  # approved on the deadline day
    # Formed on 20/8: owes nothing for the weeks before, is late for the week it was formed in.
    assert huong_tra.cells[:2] == (None, None)
    assert huong_tra.cells[2].state == "draft" and huong_tra.cells[2].cell.late
    assert kim_tra.rates.completeness == (2, 3) and kim_tra.rates.timeliness == (1, 3)
    assert [rates.completeness for rates in matrix.period_rates] == [(0, 1), (1, 1), (1, 2)]
    assert matrix.rates.timeliness == (1, 4)


def test_a_report_sent_back_and_approved_again_late_is_not_on_time(weekly, ward: Ward, situation) -> None:
    Report.objects.filter(pk=situation["signed"].pk).update(state=ReportState.APPROVED, issued_on=date(2025, 8, 26))
    signed = matrix_of(weekly, ward).rows[1].cells[2]
    assert signed.cell.approved_late and not signed.cell.on_time


def test_page_shows_states_with_text_filters_and_sorts(ward: Ward, home_affairs: Membership, situation) -> None:
    client = client_for(home_affairs)
    html = client.get(reverse("city:home"), {"periods": 3}).content.decode()
    assert "Đã ký số" in html or "signed" in html.lower()
    assert html.count("trễ hạn") >= 2 and "phê duyệt muộn" in html
    assert "Báo cáo đúng hạn khi được phê duyệt chậm nhất 2 ngày" in html
    assert reverse("reports:detail", kwargs={"ward": ward.slug, "pk": situation["signed"].pk}) in html
    accepted = client.get(reverse("city:home"), {"periods": 3, "show": "approved"}).content.decode()
    assert "phường Kim Trà" in accepted and "phường Hương Trà" not in accepted
    by_lateness = client.get(reverse("city:home"), {"periods": 4, "sort": "late"}).content.decode()
    assert by_lateness.index("phường Kim Trà") < by_lateness.index("phường Hương Trà")
    assert client.get(reverse("city:home"), {"periods": 0}).status_code == 400


def test_queries_do_not_grow_with_wards_or_periods(weekly, ward: Ward, home_affairs: Membership, situation) -> None:
    client = client_for(home_affairs)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("city:home"), {"periods": 3})
    for n in range(4):
        other = WardFactory(city=ward.city, name=f"Phường {n}")
        expect(weekly, other, date(2025, 7, 1))
        report_in(other, WEEKS[n % 3], ReportState.SIGNED, date(2025, 8, 25))
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("city:home"), {"periods": 12})
    assert response.content.decode().count("<tr>") >= 6 + 3
    assert len(many) == len(few), [query["sql"] for query in many.captured_queries]


def test_bulk_accept_gives_a_result_per_ward(ward: Ward, home_affairs: Membership, situation) -> None:
    client = client_for(home_affairs)
    response = client.post(
        reverse("city:accept"), {"report": [situation["signed"].pk, situation["draft"].pk], "periods": 3}
    )
    assert response.status_code == 302 and response["Location"].endswith("?periods=3")
    results = [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]
    # One line per ward, in the order of the wards: Hương Trà's draft cannot be accepted, Kim Trà's can.
    assert [tag for tag, _ in results] == ["error", "success"]
    assert "phường Hương Trà" in results[0][1] and "phường Kim Trà" in results[1][1]
    situation["signed"].refresh_from_db()
    situation["draft"].refresh_from_db()
    assert (situation["signed"].state, situation["draft"].state) == (ReportState.ACCEPTED, ReportState.DRAFT)


def test_return_needs_a_reason_and_shows_it_in_the_matrix(weekly, ward, home_affairs: Membership, situation) -> None:
    client = client_for(home_affairs)
    signed = situation["signed"]
    client.post(reverse("city:return"), {"report": signed.pk, "reason": ""})
    signed.refresh_from_db()
    assert signed.state == ReportState.SIGNED
    client.post(reverse("city:return"), {"report": signed.pk, "reason": "Thiếu số liệu <hộ tịch>"})
    signed.refresh_from_db()
    assert signed.state == ReportState.DRAFT
    html = client.get(reverse("city:home"), {"periods": 3}).content.decode()
    assert "Thiếu số liệu &lt;hộ tịch&gt;" in html and "<hộ tịch>" not in html


def test_reminders_go_to_late_wards_once(
    weekly, ward, other_ward, home_affairs, situation, mailoutbox, django_capture_on_commit_callbacks, eager_tasks
) -> None:
    MembershipFactory(ward=ward, user__email="canbo@kimtra.example")
    MembershipFactory(ward=other_ward, user__email="canbo@huongtra.example")
    client = client_for(home_affairs)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("city:remind"), {"periods": 3})
    reminded = set(Reminder.objects.values_list("ward__name", "period_start"))
    assert reminded == {("Kim Trà", WEEKS[0].start), ("Hương Trà", WEEKS[2].start)}
    assert sorted(message.to[0] for message in mailoutbox) == ["canbo@huongtra.example", "canbo@kimtra.example"]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("city:remind"), {"periods": 3})
    assert Reminder.objects.count() == 2 and len(mailoutbox) == 2
    assert "đã nhắc" in client.get(reverse("city:home"), {"periods": 3}).content.decode()


def test_ward_users_are_refused_every_city_url(ward: Ward, staff: Membership, leader: Membership) -> None:
    for name in ("city:home", "city:totals", "city:export"):
        for membership in (staff, leader):
            assert client_for(membership).get(reverse(name)).status_code == 403
    for name in ("city:accept", "city:return", "city:remind"):
        assert client_for(None).post(reverse(name))["Location"].startswith(reverse("login"))
        for membership in (staff, leader):
            assert client_for(membership).post(reverse(name), {"report": 1, "reason": "x"}).status_code == 403


def test_export_holds_the_matrix(home_affairs: Membership, situation) -> None:
    response = client_for(home_affairs).get(reverse("city:export"), {"periods": 3})
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Tình hình gửi báo cáo", "Tổng hợp"]
    rows = list(book["Tình hình gửi báo cáo"].iter_rows(min_row=3, values_only=True))
    assert rows[0][0] == "phường Hương Trà" and rows[0][1] == "không phải báo cáo"
    assert rows[1][-2:] == ("2/3", "1/3")


def test_the_ward_dashboard_shows_what_is_due_and_the_reminder(
    weekly, ward: Ward, staff: Membership, home_affairs, situation, eager_tasks
) -> None:
    CaseVolumeFactory(ward=ward)
    client_for(home_affairs).post(reverse("city:remind"), {"periods": 3})
    url = reverse("dashboard", kwargs={"ward": ward.slug})
    with CaptureQueriesContext(connection) as queries:
        html = client_for(staff).get(url).content.decode()
    # The week of 25-30/8 ends within the look-ahead: coming, with its deadline of 01/9.
    assert "25/08/2025 - 30/08/2025" in html and "01/09/2025" in html and "đến hạn" in html
    assert "18/08/2025 - 23/08/2025" in html and "đã ký số" in html
    assert "Sở Nội vụ đã nhắc" in html and "04/08/2025 - 09/08/2025” đang trễ hạn" not in html
    assert "kỳ 04/08/2025 - 09/08/2025 đang trễ hạn" in html
    assert 'src="data:image/svg+xml' in html  # the TTHC chart, drawn on the server
    report_in(ward, DateRange(date(2025, 8, 25), date(2025, 8, 30)), ReportState.DRAFT)
    with CaptureQueriesContext(connection) as more:
        client_for(staff).get(url)
    assert len(more) == len(queries)
