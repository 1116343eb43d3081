"""Seed fidelity (issue 12): the demo's two seed reports, built with build_report, carry every figure and name of
DESIGN §10 in the extracted PDF text, in the seeds' document style.

To check one more fact, add a row to WEEKLY_FACTS or ANNUAL_FACTS: a short phrase of the PDF text (pypdf's
extraction, whitespace collapsed). Keep phrases short: a phrase that runs across a page break is cut by the
page number and the footnotes of that page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from pypdf import PdfReader

from reports.models import Report
from reports.placeholders import resolve
from reports.seed_reports import SEED_REPORTS
from staffing.models import OrgUnit
from wards.models import Ward
from wards.periods import DateRange

pytestmark = pytest.mark.django_db

WEEK = DateRange(date(2025, 8, 18), date(2025, 8, 23))
YEAR = DateRange(date(2025, 7, 1), date(2026, 5, 5))

# (what DESIGN §10 says, the phrase the PDF must hold)
WEEKLY_FACTS = [
    ("315 cases", "tiếp nhận 315 hồ sơ"),
    ("Bảo trợ xã hội 10", "Bảo trợ xã hội 10 hồ sơ"),
    ("Chứng thực 239", "Chứng thực 239 hồ sơ"),
    ("Đất đai 16", "Đất đai 16 hồ sơ"),
    ("Giáo dục trung học 2", "Giáo dục trung học 02 hồ sơ"),
    ("Hộ tịch 37", "Hộ tịch 37 hồ sơ"),
    ("Hộ tịch - thường trú - thu, Sổ - thẻ 4", "Sổ - thẻ 04 hồ sơ"),
    ("Hoạt động xây dựng 3", "Hoạt động xây dựng 03 hồ sơ"),
    ("Người có công 1", "Người có công 01 hồ sơ"),
    ("doanh nghiệp (hộ kinh doanh) 3", "(hộ kinh doanh) 03 hồ sơ"),
    ("in progress on time 37", "đang xử lý trong hạn 37"),
    ("returned for supplement 1", "yêu cầu bổ sung 01"),
    ("awaiting return 2", "chờ trả kết quả 02"),
    ("returned 257", "đã trả 257"),
    ("awaiting issuance 18", "chờ ban hành 18"),
    ("on time 277/277 = 100%", "đúng hạn 277/277, đạt 100%"),
    ("online 315/315 = 100%", "toàn trình 315/315, đạt 100%"),
    ("digitised 100%", "kết quả giải quyết đạt 100%"),
    ("centre: 9 staff", "hành chính công có 09 người"),
    ("2 leaders", "lãnh đạo gồm 02 người"),
    ("a vice chairman directs the centre", "Phó Chủ tịch UBND phường kiêm Giám đốc Trung tâm"),
    ("3 reception", "Bộ phận tiếp nhận hồ sơ"),
    ("3 reception (count)", "Văn hóa - Xã hội) 03 người"),
    ("1 digitisation", "Bộ phận số hóa hồ sơ 01 người"),
    ("1 fees/accounting/clerical", "kế toán và văn thư 01 người"),
    ("2 monitoring", "tổng hợp, giám sát 02 người"),
    ("1 post-office helper", "01 nhân viên bưu điện"),
    ("computers 8", "Máy tính 08 bộ"),
    ("printers 6", "Máy in 06 cái"),
    ("A4 scanners 2", "Máy scan khổ A4 02 cái"),
    ("kiosk 1", "Máy tra cứu thông tin 01 cái"),
    ("TVs 2", "Ti vi 02 cái"),
    ("cameras 2", "Camera 02 cái"),
    ("air conditioners 3", "Máy điều hòa 03 cái"),
    ("water dispenser 1", "Cây nước nóng lạnh 01 cái"),
    ("missing queue-number machine", "máy bấm số tự động"),
    ("missing A3 scanner", "máy scan khổ A3"),
    ("office: former UBND Hương Xuân", "trụ sở UBND phường Hương Xuân cũ"),
    ("system mcdt", "mcdt.hue.gov.vn"),
    ("system kimtra egov", "kimtra.hue.egov.vn"),
    ("system vnptmeeting", "login.vnptmeeting.vnpt.com.vn"),
    ("system baocao", "baocao.hue.gov.vn"),
    ("system cqs", "cqs.hue.gov.vn"),
    ("the city's plan it answers", "320/KH-UBND"),
    ("the ward's plan", "325/KH-UBND"),
    ("the digitisation deadline", "31/8/2025"),
    ("the submission under Decree 154", "426/TTr-UBND"),
    ("signed by the vice chairman", "KT. CHỦ TỊCH"),
    ("signer", "Mai Văn Xuân"),
]

ANNUAL_FACTS = [
    ("area", "42,80 km²"),
    ("population", "36.296 người"),
    ("formed 01/7/2025", "Ngày 01/7/2025"),
    ("27 residential groups", "27 tổ dân phố"),
    ("18 Buddhist sites", "18 cơ sở liên quan đến Phật giáo"),
    ("07 village pagodas", "07 chùa làng"),
    ("11 prayer halls", "11 niệm Phật đường"),
    ("05 recognised", "05 niệm Phật đường đã được công nhận"),
    ("01 Catholic site", "01 cơ sở Công giáo"),
    ("08 relics", "08 di tích"),
    ("02 national", "02 di tích cấp Quốc gia"),
    ("06 city", "06 di tích cấp thành phố"),
    ("03 agencies", "03 cơ quan chuyên môn"),
    ("01 administrative body, the one-stop centre", "01 tổ chức hành chính là Trung tâm Phục vụ hành chính công"),
    ("01 public service unit, the service centre", "01 đơn vị sự nghiệp công lập là Trung tâm Dịch vụ sự nghiệp công"),
    ("Party organs", "Văn phòng Đảng ủy, Ban Xây dựng Đảng và Ủy ban Kiểm tra Đảng ủy"),
    ("02 Phó Chủ tịch", "02 Phó Chủ tịch"),
    ("health station taken over", "Trung tâm Y tế Hương Trà"),
    ("03 stations before", "03 trạm"),
    ("documents 2025", "2.818 văn bản"),
    ("QĐ 898", "898 quyết định"),
    ("KH 257", "257 kế hoạch"),
    ("PA/ĐA 04", "04 phương án"),
    ("TB 265", "265 thông báo"),
    ("TTr 123", "123 tờ trình"),
    ("BC 281", "281 báo cáo"),
    ("other 990", "990 văn bản khác"),
    ("documents 2026", "2.393 văn bản"),
    ("QĐ 754", "754 quyết định"),
    ("other 622", "622 văn bản khác"),
    ("46 on 01/7/2025", "bố trí 46 biên chế"),
    ("43 on 01/5/2026", "đến ngày 01/5/2026, còn 43 người"),
    ("43 excludes the military command", "không tính Ban Chỉ huy Quân sự phường"),
    ("46 includes the military command", "gồm cả Ban Chỉ huy Quân sự phường"),
    ("leaders 6 incl. the centre's director", "06 người (có 01 Phó Chủ tịch UBND phường"),
    ("Văn phòng 11: 1 CVP, 1 PCVP, 9 CV", "11 người (trong đó 01 Chánh Văn phòng, 01 Phó Chánh Văn phòng, 09"),
    ("VH-XH 10: 0 TP, 2 PTP, 8 CV", "10 người (trong đó 0 Trưởng phòng, 02 Phó Trưởng phòng, 08"),
    ("KT-HT-ĐT 9: 1 TP, 1 PTP, 7 CV", "09 người (trong đó 01 Trưởng phòng, 01 Phó Trưởng phòng, 07"),
    ("TTPVHCC 7: 1 PGĐ, 6 CV", "07 người (trong đó 01 Phó Giám đốc, 06"),
    ("29 non-specialised", "29 người"),
    ("27 left from 01/8/2025", "từ ngày 01/8/2025, 27 người"),
    ("2 remain", "còn 02 người"),
    ("service centre 10", "giao 10 viên chức"),
    ("2 seconded", "02 viên chức biệt phái"),
    ("health station 19", "19 viên chức"),
    ("doctors needed", "02 bác sĩ y học dự phòng, 02 bác sĩ đa khoa"),
    ("8 positions short", "thiếu 08 biên chế"),
    ("NĐ 361: 08 leadership", "08 vị trí lãnh đạo"),
    ("NĐ 361: 33 professional", "33 vị trí việc làm chuyên môn"),
    ("NQ 332: 1 head, 2 deputies", "332/NQ-CP"),
    ("KT-HT-ĐT: 11 positions, 7 in post, 4 short", "11 vị trí việc làm chuyên môn, 07 người đang làm việc"),
    ("VH-XH: 8 positions, 7 in post", "08 vị trí việc làm chuyên môn, 07 người đang làm việc"),
    ("VH-XH: one of them the shared accountant", "01 người giữ vị trí Kế toán (dùng chung)"),
    ("shared: IT and digital transformation 1", "01 quản lý ứng dụng công nghệ thông tin"),
    ("shared: specialised inspection 1", "01 kiểm tra chuyên ngành"),
    ("13 schools", "13 cơ sở giáo dục"),
    ("3 preschools", "03 trường mầm non"),
    ("7 primary", "07 trường tiểu học"),
    ("3 lower secondary", "03 trường trung học cơ sở"),
    ("41 facilities", "quản lý 41 cơ sở nhà, đất"),
    ("4 offices", "04 cơ sở làm trụ sở"),
    ("office users", "UBND phường Kim Trà; Đảng ủy phường Kim Trà"),
    ("UBMTTQVN", "Ủy ban MTTQ Việt Nam phường Kim Trà"),
    ("service centre's office", "Trung tâm Dịch vụ sự nghiệp công phường Kim Trà"),
    ("police in the former UBND Hương Chữ", "trụ sở UBND phường Hương Chữ cũ"),
    ("military temporarily in the former police post", "tạm bố trí tại trụ sở Công an phường Hương Xuân cũ"),
    ("31 school sites", "31 cơ sở của các trường học"),
    ("3 health", "03 cơ sở y tế"),
    ("1 surplus", "01 cơ sở nhà, đất dôi dư"),
    ("surplus: Km9 clinic", "Phòng khám đa khoa Km9"),
    ("land", "145.788 m²"),
    ("buildings", "32.466 m²"),
    ("total", "178.254 m²"),
    ("development spending", "18.749.464.101 đồng"),
    ("recurrent spending", "181.436.650.545 đồng"),
    ("new equipment", "839.790.000 đồng"),
    ("surplus handled 0, not handled 1", "đã xử lý: 0 cơ sở; chưa xử lý: 01 cơ sở"),
    ("95% signed", "có ký số đạt 95%"),
    ("100% computers", "100% cán bộ, công chức được trang bị máy tính"),
    ("100% signatures", "100% cán bộ được cấp và sử dụng chữ ký số"),
    ("100% e-mail", "100% cán bộ có tài khoản thư điện tử"),
    ("95% groups with 4G", "95% tổ dân phố có sóng 4G"),
    ("5G being rolled out", "5G đang được triển khai"),
    ("100% broadband", "100% hộ dân"),
    ("80% smartphones", "khoảng 80% người dân"),
    ("from 01/11/2025 all online", "Từ ngày 01/11/2025, toàn bộ hồ sơ thủ tục hành chính"),
    ("received 8.557", "tiếp nhận 8.557 hồ sơ"),
    ("on time 8.258/8.260 = 99,97%", "8.258/8.260, đạt 99,97%"),
    ("late 2 = 0,03%", "trễ hạn 02/8.260 hồ sơ, chiếm 0,03%"),
    ("424 procedures", "424 thủ tục"),
    ("144 full online, 280 partly", "144 thủ tục trực tuyến toàn trình và 280"),
    ("full-online service rate 100%", "đủ điều kiện đạt 100%"),
    ("digitisation rate 100%", "số hóa hồ sơ, kết quả giải quyết đạt 100%"),
    ("e-result rate 100%", "kết quả giải quyết điện tử đạt 100%"),
    ("online payment 97,78%", "đạt 97,78%"),
    ("regardless of boundary: none", "địa giới hành chính: 0 hồ sơ"),
    ("conferences 08 (03 + 05)", "08 hội nghị"),
    ("the city's plan it answers", "254/KH-UBND"),
    ("signed by the chairman", "TM. ỦY BAN NHÂN DÂN"),
    ("signer", "Hồ Lê Hoàng Thịnh"),
]


@pytest.fixture(scope="module")
def module_media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("seed-media")


@pytest.fixture(autouse=True)
def media_root(settings, module_media: Path) -> Path:
    """The demo's kept PDFs (the approved seed reports) last as long as the demo: the whole module."""
    settings.MEDIA_ROOT = module_media
    return module_media


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: object, module_media: Path) -> Iterator[None]:
    """The demo data, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True, DEMO_REPORTS=True, MEDIA_ROOT=module_media):
            call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def build(tmp_path: Path, kind: str, period: DateRange) -> list[str]:
    """The text of each page of the PDF build_report makes, whitespace collapsed."""
    output = tmp_path / f"{kind}.pdf"
    call_command(
        "build_report", ward="kim-tra", kind=kind, start=period.start, end=period.end, output=output, stdout=StringIO()
    )
    return [" ".join(page.extract_text().split()) for page in PdfReader(output).pages]


@pytest.fixture(scope="module")
def pdfs(
    demo: None, module_media: Path, tmp_path_factory: pytest.TempPathFactory, django_db_blocker: object
) -> dict[str, list[str]]:
    tmp_path = tmp_path_factory.mktemp("seeds")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=module_media):
        return {"weekly": build(tmp_path, "weekly", WEEK), "annual": build(tmp_path, "annual", YEAR)}


def text_of(pdfs: dict[str, list[str]], kind: str) -> str:
    return " ".join(pdfs[kind])


@pytest.mark.parametrize(("fact", "phrase"), WEEKLY_FACTS, ids=[fact for fact, _ in WEEKLY_FACTS])
def test_weekly_pdf_carries_the_seed_fact(pdfs: dict[str, list[str]], fact: str, phrase: str) -> None:
    assert phrase in text_of(pdfs, "weekly")


@pytest.mark.parametrize(("fact", "phrase"), ANNUAL_FACTS, ids=[fact for fact, _ in ANNUAL_FACTS])
def test_annual_pdf_carries_the_seed_fact(pdfs: dict[str, list[str]], fact: str, phrase: str) -> None:
    assert phrase in text_of(pdfs, "annual")


@pytest.mark.parametrize(
    ("kind", "written", "never"),
    [
        ("weekly", "từ ngày 18/8/2025 đến ngày 23/8/2025", "18/08/2025"),
        ("annual", "từ ngày 01/7/2025 đến ngày 05/5/2026", "01/07/2025"),
        ("annual", "Từ ngày 01/01/2026", "05/05/2026"),
    ],
)
def test_body_dates_are_written_as_the_seeds_write_them(
    pdfs: dict[str, list[str]], kind: str, written: str, never: str
) -> None:
    text = text_of(pdfs, kind)
    assert written in text
    assert never not in text


@pytest.mark.parametrize(
    ("kind", "number", "issued"),
    [
        ("weekly", "Số: 3/BC-UBND", "Kim Trà, ngày 25 tháng 8 năm 2025"),
        ("annual", "Số: 1/BC-UBND", "Kim Trà, ngày 08 tháng 5 năm 2026"),
    ],
)
def test_seed_reports_are_issued_after_their_range(
    pdfs: dict[str, list[str]], kind: str, number: str, issued: str
) -> None:
    """Issued the Monday after the week, and the one-year review after the city's plan of 07/5/2026 that it
    answers, each numbered in the register of its year: never dated the day the demo was loaded."""
    first_page = pdfs[kind][0]
    assert number in first_page
    assert issued in first_page


@pytest.mark.parametrize(("kind", "line"), [("weekly", "- Lưu: VT, VHXH (TH)."), ("annual", "- Lưu: VT, VHXH (T).")])
def test_filing_line_has_the_drafters_initials(pdfs: dict[str, list[str]], kind: str, line: str) -> None:
    assert line in text_of(pdfs, kind)


@pytest.mark.parametrize("kind", ["weekly", "annual"])
def test_closing_paragraph_shares_the_page_of_the_signature(pdfs: dict[str, list[str]], kind: str) -> None:
    signature_page = next(page for page in pdfs[kind] if "Nơi nhận:" in page)
    assert "Trên đây là báo cáo" in signature_page


def test_no_appendix_figures_the_seeds_do_not_have(pdfs: dict[str, list[str]]) -> None:
    """The staffing table would show the military command going from 3 to 0 and the TTHC table resolved
    counts by field: neither is in the seeds, so the seed reports leave them out. The facilities by use are
    the seed's own figures."""
    # Appendices are titled "Phụ lục 01"; the weekly's heading 2.6 cites the appendix of the city's plan.
    assert "Phụ lục 0" not in text_of(pdfs, "weekly")
    annual = text_of(pdfs, "annual")
    assert annual.count("Phụ lục 0") == 1
    assert "theo công năng sử dụng" in annual
    assert "Tăng (+), giảm (-)" not in annual


def test_build_report_prints_the_wards_own_report(demo: None, tmp_path: Path) -> None:
    """The seed report is the ward's report of that range: build_report renders it, with its own narrative,
    rather than a fresh draft from the template."""
    ward = Ward.objects.get(slug="kim-tra")
    before = Report.objects.filter(ward=ward).count()
    text = " ".join(build(tmp_path, "weekly", WEEK))
    assert Report.objects.filter(ward=ward).count() == before
    assert "426/TTr-UBND" in text


def test_renaming_units_changes_no_figure(demo: None) -> None:
    ward = Ward.objects.get(slug="kim-tra")
    before = {period: resolve(ward, period) for period in (WEEK, YEAR)}
    for unit in OrgUnit.objects.filter(ward=ward).exclude(kind__in=["party_organ", "school"]):
        unit.name = f"{unit.name} (tên mới)"
        unit.save()
    after = {period: resolve(ward, period) for period in (WEEK, YEAR)}
    changed = {key for period in (WEEK, YEAR) for key in before[period] if before[period][key] != after[period][key]}
    # Only the texts that name the units change; no count, rate or date does.
    naming_units = {"by_unit", "by_rank", "shortage_detail", "civil_servants_start_scope", "civil_servants_end_scope"}
    assert changed <= {f"staffing.{key}" for key in naming_units}
    assert after[WEEK]["staffing.centre_total"] == "09"
    assert after[YEAR]["staffing.health_station"] == "19"


PLACEHOLDER = re.compile(r"\[\[[^\]]*\]\]")
# A document the report cites, with its date: "số 320/KH-UBND ngày 29/7/2025", "Nghị định số 300/2025/NĐ-CP".
REFERENCE = re.compile(r"số \d[\w/-]*(?: ngày \d{1,2}/\d{1,2}/\d{4})?")
# What the narrative may still write out: the digitisation deadline (this report's own reference), the
# rule of the resolution it cites, and the names of the mobile networks.
WRITTEN_OUT = ("trước ngày 31/8/2025", "có 01 trưởng và 02 cấp phó", "sóng 4G", "sóng 5G")


def typed_figures(paragraph: str) -> list[str]:
    rest = REFERENCE.sub("", PLACEHOLDER.sub("", paragraph))
    for phrase in WRITTEN_OUT:
        rest = rest.replace(phrase, "")
    return re.findall(r"\d[\w/.,%]*", rest)


def test_the_seed_narratives_type_no_figure() -> None:
    """Issue 12 item 1: counts, rates and dates of the ward reach the seed reports through placeholders;
    the narrative of a seed report writes out only the references that belong to it."""
    typed = [
        (heading, figure)
        for spec in SEED_REPORTS
        for heading, text in spec.sections.items()
        for paragraph in (*text.paragraphs, *text.footnotes)
        for figure in typed_figures(paragraph)
    ]
    assert typed == []
