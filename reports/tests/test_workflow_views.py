"""The workflow's URLs (DESIGN §7): the permission matrix of each, the page that shows the state, the
actions, the timeline and the versions, the list filtered by state, what waits for whom."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.demo_token import make_signer, sign
from reports.models import Report, ReportState
from reports.tests.factories import make_report
from wards.periods import DateRange
from wards.tests.permissions import assert_permission_matrix, client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_pdf")]


def url(report: Report, name: str) -> str:
    return reverse(f"reports:{name}", kwargs={"ward": report.ward.slug, "pk": report.pk})


def state(report: Report) -> str:
    return Report.objects.get(pk=report.pk).state


def test_every_transition_url_answers_its_roles_only(ward, staff, leader, home_affairs, other_staff) -> None:
    report = make_report(ward)
    reason = {"reason": "Bổ sung"}
    matrix = dict(outsider=other_staff, method="post", ok_status=(302,))
    assert_permission_matrix(url(report, "submit"), allowed=[staff], forbidden=[home_affairs], **matrix)
    assert state(report) == ReportState.SUBMITTED
    assert_permission_matrix(
        url(report, "return"), allowed=[leader], forbidden=[staff, home_affairs], data=reason, **matrix
    )
    assert state(report) == ReportState.DRAFT
    client_for(staff).post(url(report, "submit"))
    assert_permission_matrix(url(report, "approve"), allowed=[leader], forbidden=[staff, home_affairs], **matrix)
    assert state(report) == ReportState.APPROVED
    assert_permission_matrix(
        url(report, "withdraw"), allowed=[leader], forbidden=[staff, home_affairs], data=reason, **matrix
    )
    assert state(report) == ReportState.DRAFT
    client_for(staff).post(url(report, "submit"))
    client_for(leader).post(url(report, "approve"))
    report.refresh_from_db()
    signed = sign(report.approved_pdf.file.open("rb").read(), report.signature_field_name, make_signer())
    upload = {"file": SimpleUploadedFile("signed.pdf", signed, content_type="application/pdf")}
    assert_permission_matrix(url(report, "signed"), allowed=[], forbidden=[staff, home_affairs], data=upload, **matrix)
    response = client_for(leader).post(url(report, "signed"), {"file": SimpleUploadedFile("s.pdf", signed)})
    assert response.status_code == 302 and state(report) == ReportState.SIGNED
    assert_permission_matrix(
        url(report, "send_back"), allowed=[home_affairs], forbidden=[staff, leader], data=reason, **matrix
    )
    assert state(report) == ReportState.DRAFT
    report.refresh_from_db()
    assert report.return_reason == "Bổ sung"
    assert_permission_matrix(url(report, "accept"), allowed=[], forbidden=[staff, leader], **matrix)


def test_a_get_never_moves_a_report(ward, staff) -> None:
    report = make_report(ward)
    assert client_for(staff).get(url(report, "submit")).status_code == 405
    assert state(report) == ReportState.DRAFT


def test_a_second_click_gets_a_message_not_an_error_page(ward, staff, leader) -> None:
    report = make_report(ward)
    client = client_for(staff)
    client.post(url(report, "submit"))
    response = client.post(url(report, "submit"), follow=True)
    assert response.status_code == 200
    assert "Thao tác này đã được thực hiện" in response.content.decode()
    client_for(leader).post(url(report, "approve"))
    response = client_for(leader).post(url(report, "return"), {"reason": "x"}, follow=True)
    assert "không còn thực hiện được" in response.content.decode()


def test_a_refused_upload_says_why(ward, staff, leader) -> None:
    report = make_report(ward)
    client_for(staff).post(url(report, "submit"))
    client = client_for(leader)
    client.post(url(report, "approve"))
    response = client.post(url(report, "signed"), {"file": SimpleUploadedFile("a.pdf", b"not a pdf")}, follow=True)
    assert "Tệp không phải là PDF" in response.content.decode()
    assert state(report) == ReportState.APPROVED


def test_the_page_shows_state_next_action_timeline_and_versions(ward, staff, leader) -> None:
    report = make_report(ward)
    page = client_for(staff).get(url(report, "detail")).content.decode()
    assert 'id="action-submit"' in page and "Chưa có bước xử lý nào" in page
    client_for(staff).post(url(report, "submit"))
    client_for(leader).post(url(report, "approve"))
    page = client_for(leader).get(url(report, "detail")).content.decode()
    assert "1/BC-UBND" in page
    assert 'id="download-approved"' in page and 'id="action-sign"' in page
    assert "dự thảo → đã trình" in page and "đã trình → đã phê duyệt" in page
    assert "Số liệu đã khóa theo Báo cáo số 1/BC-UBND" in page
    leader.user.last_name, leader.user.first_name = "Mai Văn", "Xuân"
    leader.user.save()
    page = client_for(leader).get(url(report, "detail")).content.decode()
    assert "Mai Văn Xuân" in page and "Xuân Mai Văn" not in page, "the timeline names people in Vietnamese order"
    staff_page = client_for(staff).get(url(report, "detail")).content.decode()
    assert "Hiện bạn không có việc cần làm" in staff_page
    assert "section_editor.js" not in staff_page, "a report past draft is not editable"


def test_the_list_filters_by_state_and_the_waiting_count(
    ward, staff, leader, home_affairs, django_assert_max_num_queries
) -> None:
    first = make_report(ward)
    second = make_report(ward, "bao-cao-tuan", DateRange(date(2025, 8, 18), date(2025, 8, 23)))
    client_for(staff).post(url(first, "submit"))
    list_url = reverse("reports:list", kwargs={"ward": ward.slug})
    page = client_for(staff).get(list_url, {"state": "submitted"}).content.decode()
    assert url(first, "detail") in page and url(second, "detail") not in page
    client = client_for(leader)
    client.get(reverse("waiting"))
    with django_assert_max_num_queries(8):
        page = client.get(reverse("waiting")).content.decode()
    assert url(first, "detail") in page and url(second, "detail") not in page
    assert client_for(home_affairs).get(reverse("waiting")).status_code == 200
    anonymous = client_for(None).get(reverse("waiting"))
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
