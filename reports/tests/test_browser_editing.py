"""The report page in Chromium: a section with an unknown figure is refused next to itself, the other
changed section is saved by the one "save all" button, leaving with unsaved changes asks first, and the
list of figures can be searched without accents."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.models import ReportSection
from reports.tests.factories import WEEKLY_RANGE, make_report
from wards.models import Ward
from wards.tests.browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_save_all_section_error_and_leave_warning(page, catalogue_data, seeds, demo_data, tmp_path: Path) -> None:
    report = make_report(Ward.objects.get(slug="kim-tra"), "bao-cao-tuan", WEEKLY_RANGE.following().following())
    sign_in(page, "kimtra.canbo")
    page.wait_for_url("**/w/kim-tra/")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"/w/kim-tra/reports/{report.pk}/")

    editors = page.locator(".report-section").filter(has=page.locator(".ProseMirror"))
    first, second = editors.nth(0), editors.nth(1)
    first.locator(".ProseMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Có [[khong.co]] hồ sơ.")
    second.locator(".ProseMirror").click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Thêm một câu.")
    assert page.locator("#dirty-count").inner_text() == "2"
    assert page.locator("#report-toc [data-toc-unsaved]:not(.d-none)").count() == 2

    page.locator("#save-all").click()
    error = page.locator("[data-section-error]")
    error.wait_for()
    assert "khong.co" in error.inner_text()
    page.locator("[data-saved]").first.wait_for()
    assert page.locator("#dirty-count").inner_text() == "1"
    first_pk, second_pk = (int(editors.nth(i).get_attribute("data-section")) for i in (0, 1))
    assert "Thêm một câu." in ReportSection.objects.get(pk=second_pk).body
    assert "khong.co" not in ReportSection.objects.get(pk=first_pk).body
    assert "khong.co" in page.locator(f"#section-{first_pk} .ProseMirror").inner_text(), "the typed text is kept"
    page.locator("[data-section-error]").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "report-section-error.png")

    with page.expect_event("dialog") as leaving:
        # Later, not within evaluate: the warning blocks the script that navigates.
        page.evaluate("() => setTimeout(() => { location.href = '/w/kim-tra/reports/'; }, 0)")
    assert leaving.value.type == "beforeunload"
    leaving.value.dismiss()
    assert f"/reports/{report.pk}/" in page.url, "dismissing the warning stays on the page"

    page.locator("tr[data-placeholder]").first.wait_for()  # the figures come after the page
    page.locator("#placeholder-search").fill("tiep nhan")
    visible = page.locator("tr[data-placeholder]:not(.d-none)")
    assert 0 < visible.count() < page.locator("tr[data-placeholder]").count()
    assert "tiếp nhận" in visible.first.inner_text().lower()
    # The rows come again with a refreshed preview; the search typed still applies to them.
    shown = visible.count()
    page.evaluate(
        "() => { window.settled = new Promise("
        "(done) => document.body.addEventListener('htmx:afterSettle', done, {once: true})); }"
    )
    page.locator("#refresh-preview").click()
    page.evaluate("() => window.settled.then(() => true)")
    assert visible.count() == shown < page.locator("tr[data-placeholder]").count()
