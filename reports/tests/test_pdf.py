from __future__ import annotations

import hashlib
import re
import subprocess
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.fields import enumerate_sig_fields
from pypdf import PdfReader

from reports.assembly import assemble
from reports.checks import check_pdf_font
from reports.models import ReportSection
from reports.pdf import ElementBox, element_box, render_document, report_pdf
from reports.tests.factories import WEEKLY_RANGE, make_report

pytestmark = pytest.mark.django_db
MM = 72 / 25.4


@pytest.fixture
def annual_pdf(ward, seeds, demo_indicators, leader) -> bytes:
    return report_pdf(make_report(ward))


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(pdf)).pages]


def test_annual_pdf_carries_the_seed_figures(annual_pdf: bytes) -> None:
    text = " ".join(page_texts(annual_pdf))
    for figure in ("2.818", "2.393", "36.296", "42,80", "8.557", "99,97%", "178.254 m²", "18.749.464.101 đồng"):
        assert figure in text, figure
    assert "phường Hương Xuân, phường Hương Chữ và xã Hương Toàn" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text
    assert "Số:" in text and "/BC-UBND" in text
    meta = PdfReader(BytesIO(annual_pdf)).metadata
    assert meta.author == "Ủy ban nhân dân phường Kim Trà"
    assert meta.title.startswith("Báo cáo sơ kết 01 năm")


def test_a4_margins_and_page_numbers_from_page_two(annual_pdf: bytes, tmp_path: Path) -> None:
    reader = PdfReader(BytesIO(annual_pdf))
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    out = tmp_path / "a.pdf"
    out.write_bytes(annual_pdf)
    bbox = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-bbox", str(out), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [(float(m[0]), float(m[1])) for m in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', bbox)]
    left, right = min(x for x, _ in words), max(x for _, x in words)
    assert 29.5 * MM <= left <= 30.5 * MM, left / MM
    assert 210 * MM - right >= 14.5 * MM, (210 * MM - right) / MM

    def top_word(page: int) -> str:
        layout = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return next(line for line in layout.splitlines() if line.strip()).strip()

    assert top_word(1) != "1"
    assert top_word(2) == "2"
    assert top_word(3) == "3"


def test_footnote_on_the_page_of_its_call(annual_pdf: bytes) -> None:
    pages = page_texts(annual_pdf)
    call_page = next(i for i, text in enumerate(pages) if "đồng bộ trên địa bàn phường" in text)
    note_page = next(i for i, text in enumerate(pages) if "hội nghị báo cáo viên" in text)
    assert call_page == note_page
    assert "08 hội nghị quán triệt" in pages[note_page]
    assert "03 hội nghị báo cáo viên và 05 hội nghị trực tiếp, trực tuyến" in pages[note_page]


def test_six_footnotes_in_the_annual_review(ward, seeds, demo_indicators) -> None:
    report = make_report(ward)
    html = "".join(section.html for section in assemble(report).sections)
    assert html.count('class="footnote"') == 6


def test_signature_field_inside_the_signature_block(ward, seeds, demo_indicators, leader) -> None:
    report = make_report(ward)
    doc = assemble(report)
    document = render_document(doc)
    block = element_box(document, "signature-block")
    pdf = report_pdf(report)
    fields = list(enumerate_sig_fields(PdfFileReader(BytesIO(pdf))))
    assert len(fields) == 1
    name, value, ref = fields[0]
    assert name == doc.signature_field_name and value is None
    widget = ref.get_object()
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    field_box = ElementBox(page=block.page, x1=x1, y1=y1, x2=x2, y2=y2)
    assert block.contains(field_box)
    assert x2 - x1 > 50 and y2 - y1 > 50
    assert "Mai Văn Xuân" not in page_texts(pdf)[block.page]  # the chairman signs the one-year review


def test_weekly_pdf_has_the_kt_block_and_the_week(ward, seeds, leader) -> None:
    text = " ".join(page_texts(report_pdf(make_report(ward, "bao-cao-tuan", WEEKLY_RANGE))))
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert "277/277" in text and "315/315" in text
    assert "Kính gửi:" in text


def test_sanitiser_strips_payloads_from_page_and_pdf(client, ward, seeds, demo_indicators, staff) -> None:
    report = make_report(ward)
    section = report.sections.get(order=10)
    payload = (
        '<p onclick="steal()" style="color:red">Ghi chú KT<script>alert("xss")</script>'
        '<img src="http://evil.test/x.png" onerror="pwn()"></p>'
    )
    ReportSection.objects.filter(pk=section.pk).update(body=payload)
    client.force_login(staff.user)
    page = client.get(f"/w/{ward.slug}/reports/{report.pk}/preview/").content.decode()
    for bad in ("alert(", "steal()", "pwn()", "evil.test", 'style="color'):
        assert bad not in page, bad
    assert "Ghi chú KT" in page
    pdf = report_pdf(report)
    text = " ".join(page_texts(pdf))
    assert "Ghi chú KT" in text and "alert" not in text
    assert b"evil.test" not in pdf and b"/JavaScript" not in pdf


def test_font_check_passes_here_and_fonts_are_embedded(annual_pdf: bytes, tmp_path: Path) -> None:
    assert check_pdf_font() == []
    out = tmp_path / "a.pdf"
    out.write_bytes(annual_pdf)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Tinos" in fonts or "LiberationSerif" in fonts
    assert all(" yes " in line for line in fonts.splitlines()[2:])


def test_font_check_fails_clearly_without_a_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reports.checks.vietnamese_serif_fonts", lambda: [])
    errors = check_pdf_font()
    assert errors and errors[0].id == "reports.E001" and "fonts-croscore" in errors[0].hint


def test_build_report_command(ward, seeds, demo_indicators, tmp_path: Path) -> None:
    from django.core.management import call_command

    ward.slug = "kim-tra"
    ward.save()
    out = tmp_path / "annual.pdf"
    call_command(
        "build_report", "--ward=kim-tra", "--kind=annual", "--start=2025-07-01", "--end=2026-05-05", f"--output={out}"
    )
    text = " ".join(page_texts(out.read_bytes()))
    assert "2.818" in text and "2.393" in text


def test_a_draft_says_so_and_the_approved_version_carries_number_and_issue_date(ward, seeds, staff) -> None:
    import time_machine

    from reports.workflow import report_approve, report_submit
    from wards.tests.factories import MembershipFactory

    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    draft = page_texts(report_pdf(report))[0]
    assert "DỰ THẢO" in draft
    assert "Số: /BC-UBND" in draft.replace("\u2003", "")
    vice = MembershipFactory(ward=ward, vice=True)
    report_submit(report=report, actor=staff.user)
    with time_machine.travel("2025-08-25 08:30 +07:00", tick=False):
        report = report_approve(report=report, actor=vice.user).report
    issued = page_texts(report.approved_pdf.file.open("rb").read())[0]
    assert "DỰ THẢO" not in issued
    assert "Số: 1/BC-UBND" in issued
    assert "ngày 25 tháng 8 năm 2025" in issued
    assert vice.user.last_name in " ".join(page_texts(report.approved_pdf.file.open("rb").read()))


def test_build_report_writes_the_approved_version_byte_for_byte(ward, seeds, staff, tmp_path: Path) -> None:
    from django.core.management import call_command

    from reports.workflow import report_approve, report_submit
    from wards.tests.factories import MembershipFactory

    ward.slug = "kim-tra"
    ward.save()
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    report_submit(report=report, actor=staff.user)
    report = report_approve(report=report, actor=MembershipFactory(ward=ward, vice=True).user).report
    out = tmp_path / "weekly.pdf"
    args = ["--ward=kim-tra", "--kind=weekly", f"--start={WEEKLY_RANGE.start}", f"--end={WEEKLY_RANGE.end}"]
    call_command("build_report", *args, f"--output={out}", stdout=StringIO())
    assert hashlib.sha256(out.read_bytes()).hexdigest() == report.approved_pdf.sha256
    assert report.pdfs.count() == 1, "an approved report is not rendered again"


def test_build_report_writes_the_approved_version_of_a_signed_report(ward, seeds, staff, tmp_path: Path) -> None:
    """Issue 12 item 5: the approved version, byte for byte, also once the leader has uploaded the signed
    file; --signed asks for that upload."""
    from django.core.management import CommandError, call_command

    from reports.demo_token import make_signer, sign
    from reports.workflow import report_approve, report_sign, report_submit
    from wards.tests.factories import MembershipFactory

    ward.slug = "kim-tra"
    ward.save()
    report = make_report(ward, "bao-cao-tuan", WEEKLY_RANGE)
    args = ["--ward=kim-tra", "--kind=weekly", f"--start={WEEKLY_RANGE.start}", f"--end={WEEKLY_RANGE.end}"]
    with pytest.raises(CommandError, match="no signed version"):
        call_command("build_report", *args, f"--output={tmp_path / 'none.pdf'}", "--signed", stdout=StringIO())
    report_submit(report=report, actor=staff.user)
    vice = MembershipFactory(ward=ward, vice=True).user
    report = report_approve(report=report, actor=vice).report
    content = report.approved_pdf.file.open("rb").read()
    signed_content = sign(content, report.signature_field_name, make_signer())
    report = report_sign(report=report, actor=vice, content=signed_content).report
    approved, signed = tmp_path / "approved.pdf", tmp_path / "signed.pdf"
    call_command("build_report", *args, f"--output={approved}", stdout=StringIO())
    call_command("build_report", *args, f"--output={signed}", "--signed", stdout=StringIO())
    assert approved.read_bytes() == content
    assert hashlib.sha256(signed.read_bytes()).hexdigest() == report.signed_pdf.sha256 != report.approved_pdf.sha256
