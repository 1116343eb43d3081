"""The report page made for editing: a duplicate report refused with a link, a refused section named
next to itself with the typed text kept, the contents and the searchable list of figures."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from reports.models import Report, ReportState, ReportTemplate
from reports.services import DuplicateReport
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.tests.lists import assert_queries_do_not_grow
from wards.tests.permissions import client_for

pytestmark = pytest.mark.django_db


def test_the_same_report_twice_is_refused_with_a_link(ward, staff) -> None:
    existing = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    template = ReportTemplate.objects.get(code="bao-cao-tuan")
    response = client_for(staff).post(
        reverse("reports:new", kwargs={"ward": ward.slug}) + "?kind=week&start=2025-08-18&end=2025-08-23",
        {"template": template.pk},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Phường đã có báo cáo này cho kỳ này" in content
    assert reverse("reports:detail", kwargs={"ward": ward.slug, "pk": existing.pk}) in content
    assert Report.objects.filter(ward=ward).count() == 1
    with pytest.raises(DuplicateReport):
        make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)


def test_another_range_or_ward_is_not_a_duplicate(ward, other_ward) -> None:
    make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    make_report(other_ward, "bao-cao-tuan", WEEKLY_RANGE)
    make_report(ward, "bao-cao-tuan", WEEKLY_RANGE.following())
    assert Report.objects.count() == 3


def test_a_refused_section_says_why_next_to_itself_and_keeps_the_text(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    section = report.sections.get(order=10)
    response = client_for(staff).post(
        reverse("reports:section_save", kwargs={"ward": ward.slug, "pk": report.pk, "section_pk": section.pk}),
        {
            f"s{section.pk}-heading": "",
            f"s{section.pk}-body": "<p>Có [[khong.co]] hồ sơ</p>",
            f"s{section.pk}-footnotes": "",
        },
    )
    content = response.content.decode()
    assert "data-section-error" in content and "Mục này chưa được lưu" in content and "khong.co" in content
    assert 'data-dirty="1"' in content, "the page keeps the section marked as unsaved"
    assert "Có [[khong.co]] hồ sơ" in content
    # The field itself is marked, with its message under it, as on every other form.
    body = re.search(rf'<textarea name="s{section.pk}-body"[^>]*>', content)
    assert body is not None and "is-invalid" in body.group(0)
    assert content.index('class="invalid-feedback d-block"') > content.index(body.group(0))


def test_a_section_saved_after_the_report_left_draft_keeps_the_text_and_says_why(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    section = report.sections.get(order=10)
    Report.objects.filter(pk=report.pk).update(state=ReportState.SUBMITTED)
    response = client_for(staff).post(
        reverse("reports:section_save", kwargs={"ward": ward.slug, "pk": report.pk, "section_pk": section.pk}),
        {f"s{section.pk}-heading": "", f"s{section.pk}-body": "<p>Đoạn vừa gõ</p>", f"s{section.pk}-footnotes": ""},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Chỉ sửa được báo cáo ở trạng thái dự thảo" in content
    assert "Đoạn vừa gõ" in content and "data-section-error" in content
    section.refresh_from_db()
    assert "Đoạn vừa gõ" not in section.body


def test_the_page_has_contents_save_all_and_a_figure_search(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    content = (
        client_for(staff).get(reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk})).content.decode()
    )
    assert content.count("data-toc=") == report.sections.count()
    assert 'id="save-all"' in content and 'id="placeholder-search"' in content
    assert "reports/report_page.js" in content


def test_the_figures_panel_comes_with_the_preview_with_each_value_of_the_period(
    ward, staff, django_assert_max_num_queries
) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    client = client_for(staff)
    kwargs = {"ward": ward.slug, "pk": report.pk}
    page = client.get(reverse("reports:detail", kwargs=kwargs)).content.decode()
    preview = reverse("reports:preview", kwargs=kwargs)
    assert f'hx-get="{preview}"' in page and '<tbody id="placeholder-rows"' in page
    assert "<code>[[ward.name]]</code>" not in page, "the page itself reads no figures"
    with django_assert_max_num_queries(40):
        rows = client.get(preview, headers={"HX-Request": "true"}).content.decode()
    assert '<template><tbody id="placeholder-rows" hx-swap-oob="innerHTML">' in rows
    assert "<code>[[ward.name]]</code>" in rows and ward.display_name in rows
    assert rows.count("<tr data-placeholder>") > 100
    assert "placeholder-rows" not in client.get(preview).content.decode(), "the preview's own page has no panel"


def test_section_ids_stay_plain_digits_past_a_thousand(ward, staff) -> None:
    """The Vietnamese format groups thousands ("1.234"); an id in an HTML id or a selector must not be."""
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    section = report.sections.get(order=10)
    report.sections.filter(pk=section.pk).delete()
    section.pk += 12345
    section.save(force_insert=True)
    content = (
        client_for(staff).get(reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk})).content.decode()
    )
    pk = str(section.pk)
    assert f'id="section-{pk}"' in content and f'id="section-preview-{pk}"' in content
    assert f'data-toc="{pk}"' in content and f'href="#section-{pk}"' in content


def test_a_report_read_only_shows_its_text_with_the_figures_filled(ward, staff, home_affairs) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    url = reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk})
    editing = client_for(staff).get(url).content.decode()
    reading = client_for(home_affairs).get(url).content.decode()
    assert "[[ward.committee]]" in editing, "the editor keeps the keys"
    assert "data-section-text" in reading and "[[" not in reading.split('id="report-toc"')[0]
    assert ward.committee_name in reading


@pytest.mark.parametrize("state", [ReportState.DRAFT, ReportState.APPROVED])
def test_the_report_page_queries_do_not_grow_with_sections(ward, staff, state, django_assert_num_queries) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    Report.objects.filter(pk=report.pk).update(state=state, number=12, issued_on=WEEKLY_RANGE.end)
    url = reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk})
    section = report.sections.get(order=10)

    def add_sections() -> None:
        for n in range(20):
            section.pk, section.order = None, 1000 + n
            section.save()

    assert_queries_do_not_grow(client_for(staff), url, add_sections, django_assert_num_queries)


def test_a_read_only_report_fills_its_own_number_as_its_pdf_does(ward, staff) -> None:
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    report.sections.filter(order=10).update(body="<p>Báo cáo số [[report.number]]</p>")
    Report.objects.filter(pk=report.pk).update(state=ReportState.APPROVED, number=12, issued_on=WEEKLY_RANGE.end)
    page = client_for(staff).get(reverse("reports:detail", kwargs={"ward": ward.slug, "pk": report.pk}))
    assert f"Báo cáo số 12/BC-{ward.document_code}" in page.content.decode()
