"""The two seed reports of Kim Trà as the ward's own reports: the weekly of 18-23/8/2025 and the one-year
review of 01/7/2025-05/5/2026, with the seeds' signers, so that their PDFs open at once.

Each starts from its template; the sections below replace the template's wording where this report says
more than the template does. Figures stay placeholders; only what belongs to this one report is written
out, as a clerk would: the plans and the submission it cites, the digitisation deadline. The day from
which every case went online is a fact of the ward (its facts form), not typed here. The sentences are
our own; the seeds give the facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wards.models import Ward
from wards.periods import DateRange

from .models import Report, ReportState, ReportTemplate
from .services import report_create, report_section_update, report_update


@dataclass(frozen=True)
class SectionText:
    paragraphs: tuple[str, ...]
    footnotes: tuple[str, ...] = ()
    table_kind: str | None = None


@dataclass(frozen=True)
class SeedReport:
    template_code: str
    period: DateRange
    drafter_initials: str
    # template section heading (or "" for the opening paragraph) → this report's text
    sections: dict[str, SectionText]


ANNUAL = SeedReport(
    template_code="so-ket-01-nam",
    period=DateRange(date(2025, 7, 1), date(2026, 5, 5)),
    drafter_initials="T",
    sections={
        "Khái quát đặc điểm tình hình": SectionText(
            (
                "Ngày [[ward.formed_on]], [[ward.name]] được thành lập và đi vào hoạt động theo "
                "[[ward.legal_basis]], trên cơ sở nhập toàn bộ diện tích tự nhiên và quy mô dân số của "
                "[[ward.former_units]]. Phường có diện tích tự nhiên [[ward.area_km2]] km², dân số "
                "[[ward.population]] người, chia thành [[ward.residential_groups]] tổ dân phố. Trên địa bàn có "
                "[[ward.buddhist_sites]] cơ sở liên quan đến Phật giáo ([[ward.village_pagodas]] chùa làng và "
                "[[ward.buddhist_halls]] niệm Phật đường, trong đó [[ward.buddhist_halls_recognised]] niệm Phật "
                "đường đã được công nhận là cơ sở tôn giáo), [[ward.catholic_sites]] cơ sở Công giáo và "
                "[[ward.relics]] di tích lịch sử, văn hóa đã được công nhận ([[ward.relics_national]] di tích cấp "
                "Quốc gia, [[ward.relics_city]] di tích cấp thành phố).",
                "Ngay sau khi thành lập, Ủy ban nhân dân phường đã tổ chức các cơ quan chuyên môn, đơn vị sự nghiệp "
                "trực thuộc theo quy định của Chính phủ và của Ủy ban nhân dân thành phố; việc tiếp nhận, bố trí "
                "cán bộ, công chức, viên chức đúng quy định, bộ máy vận hành ổn định, thông suốt; nhiệm vụ của "
                "từng lãnh đạo, từng cơ quan được giao rõ người, rõ việc, rõ thời hạn và kết quả.",
                "- Hệ thống chính trị của phường gồm Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận "
                "Tổ quốc Việt Nam phường và các tổ chức chính trị - xã hội. Giúp việc Đảng ủy phường có "
                "[[staffing.party_organs]].",
                "- Các cơ quan chuyên môn thuộc Ủy ban nhân dân phường gồm Văn phòng Hội đồng nhân dân và Ủy ban "
                "nhân dân, Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị và Trung tâm Phục vụ hành "
                "chính công; các đơn vị sự nghiệp công lập gồm Trạm Y tế phường, Trung tâm Dịch vụ sự nghiệp công "
                "và [[staffing.schools]] trường học.",
            )
        ),
        "Tổ chức bộ máy và nhân sự": SectionText(
            (
                "- Về tổ chức bộ máy",
                "+ Ủy ban nhân dân phường đã thành lập [[staffing.agency_count]] cơ quan chuyên môn, "
                "[[staffing.administrative_bodies]] tổ chức hành chính là Trung tâm Phục vụ hành chính công và "
                "[[staffing.service_centres]] đơn vị sự nghiệp công lập là Trung tâm Dịch vụ sự nghiệp công để cung "
                "ứng các dịch vụ công cơ bản về văn hóa, nông nghiệp, môi trường, hạ tầng trên địa bàn.",
                "+ Trước sắp xếp, mỗi đơn vị cũ ([[ward.former_units]]) có một trạm y tế hoạt động độc lập, "
                "[[ward.former_units_count]] trạm trên địa bàn; nay Trạm Y tế phường được chuyển giao nguyên trạng "
                "từ [[staffing.health_station_origin]] về Ủy ban nhân dân phường quản lý. Trên địa bàn có "
                "[[staffing.schools]] cơ sở giáo dục ([[staffing.schools_preschool]] trường mầm non, "
                "[[staffing.schools_primary]] trường tiểu học, [[staffing.schools_secondary]] trường trung học cơ "
                "sở); phương án sắp xếp trường học đang được trình cấp có thẩm quyền.",
                "+ Hồ sơ, tài liệu và công việc đang giải quyết của các đơn vị cũ đã được bàn giao, tiếp nhận đầy "
                "đủ, có người theo dõi, không để thất lạc hay gián đoạn.",
                "- Về công tác nhân sự",
                "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường có [[ward.vice_chairs]] Phó Chủ tịch; "
                "Ủy viên gồm trưởng các cơ quan chuyên môn, Trưởng Công an và Chỉ huy trưởng Ban Chỉ huy Quân sự "
                "phường. Các chức danh lãnh đạo được bố trí đúng thẩm quyền, trình tự[[^1]].",
                "+ Ngày [[staffing.civil_servants_start_on]], phường tiếp nhận, bố trí "
                "[[staffing.civil_servants_start]] biên chế cán bộ, công chức[[^2]]; đến ngày "
                "[[staffing.civil_servants_end_on]], còn [[staffing.civil_servants_end]] người "
                "([[staffing.civil_servants_end_scope]]).",
                "+ Đối với người hoạt động không chuyên trách cấp xã, Ủy ban nhân dân phường đã lập danh sách gửi "
                "Sở Nội vụ tổng hợp nhu cầu tiếp nhận vào công chức, viên chức[[^3]].",
                "+ Trung tâm Dịch vụ sự nghiệp công được giao [[staffing.service_centre]] viên chức (trong đó "
                "[[staffing.service_centre_seconded]] viên chức biệt phái sang các cơ quan chuyên môn), chưa "
                "tương xứng với khối lượng công việc nhiều lĩnh vực. Trạm Y tế phường có "
                "[[staffing.health_station]] viên chức, cơ bản đáp ứng chuyên môn khám, chữa bệnh[[^4]] nhưng chưa "
                "có người làm kế toán, hành chính.",
                "+ So với vị trí việc làm theo Nghị định số 361/2025/NĐ-CP, phường còn thiếu "
                "[[staffing.positions_short]] biên chế công chức[[^5]]; phường đã đề nghị thành phố tuyển dụng bổ "
                "sung.",
                "+ Toàn bộ cán bộ, công chức đạt chuẩn về trình độ; tuy vậy kỹ năng thực tiễn của một bộ phận còn "
                "hạn chế, kết quả đánh giá, xếp loại chưa phản ánh sát chất lượng thực thi nhiệm vụ.",
            ),
            (
                "Bố trí khi thành lập: [[staffing.by_rank]].",
                "Gồm cán bộ, công chức khối Hội đồng nhân dân, Ủy ban nhân dân; số này "
                "[[staffing.civil_servants_start_scope]].",
                "Tổng số người hoạt động không chuyên trách cấp xã là [[staffing.non_specialised_total]] người; từ "
                "ngày [[staffing.non_specialised_left_from]], [[staffing.non_specialised_left]] người đã nghỉ theo "
                "Nghị định số 154/2025/NĐ-CP; còn [[staffing.non_specialised_remaining]] người đang làm công việc "
                "hỗ trợ tại các cơ quan thuộc Ủy ban nhân dân phường.",
                "Nhu cầu bác sĩ trong thời gian tới: [[staffing.doctors_needed]].",
                "Căn cứ Công văn số 7415/BNV-CCVC ngày 31/8/2025 và Công văn số 9395/BNV-CCVC ngày 17/10/2025 của "
                "Bộ Nội vụ, Công văn số 9500-CV/BTCTW ngày 22/8/2025 của Ban Tổ chức Trung ương và Nghị quyết số "
                "332/NQ-CP ngày 15/10/2025 của Chính phủ (mỗi phòng và tương đương của cấp xã có 01 trưởng và 02 "
                "cấp phó); Nghị định số 361/2025/NĐ-CP quy định [[staffing.leadership_positions]] vị trí lãnh đạo, "
                "quản lý và [[staffing.professional_positions]] vị trí việc làm chuyên môn, nghiệp vụ. Không kể "
                "vị trí lãnh đạo, quản lý, phường còn thiếu [[staffing.positions_short]] biên chế: "
                "[[staffing.shortage_detail]].",
            ),
            table_kind="",
        ),
        "Về cơ sở vật chất, hỗ trợ nhà ở, trang thiết bị, tài sản công": SectionText(
            (
                "- Ủy ban nhân dân phường đang quản lý [[assets.facilities_total]] cơ sở nhà, đất, gồm: "
                "[[assets.facilities_offices]] cơ sở làm trụ sở cơ quan hành chính, sự nghiệp "
                "([[assets.office_users]]); [[assets.facilities_police]] trụ sở Công an phường "
                "([[assets.police_site]]); [[assets.facilities_military]] trụ sở Ban Chỉ huy Quân sự phường "
                "([[assets.military_site]]); [[assets.facilities_schools]] cơ sở của các trường học, kể cả điểm "
                "trường lẻ; [[assets.facilities_health]] cơ sở y tế và [[assets.facilities_surplus]] cơ sở nhà, "
                "đất dôi dư do cơ quan, đơn vị bàn giao ([[assets.surplus_pending_names]]).",
                "- Tổng diện tích nhà, đất được giao quản lý là [[assets.total_area]], trong đó đất "
                "[[assets.land_area]], nhà [[assets.building_area]]. Ranh giới một số khuôn viên chưa được đo "
                "đạc, cắm mốc lại theo hiện trạng.",
                "- Trong kỳ, chi đầu tư phát triển [[spending.development]]; chi thường xuyên "
                "[[spending.recurrent]]; giá trị máy móc, thiết bị mua sắm mới [[spending.equipment_new]], chủ "
                "yếu là máy tính, máy in và máy điều hòa.",
                "- Cơ sở nhà, đất dôi dư đã xử lý: [[assets.surplus_handled]] cơ sở; chưa xử lý: "
                "[[assets.surplus_pending]] cơ sở ([[assets.surplus_pending_names]]). Phường đang nghiên cứu "
                "phương án chuyển đổi công năng phù hợp, không để lãng phí.",
                "Nhìn chung, trụ sở, phòng họp trực tuyến và trang thiết bị cơ bản bảo đảm hoạt động; tuy nhiên "
                "Trung tâm Phục vụ hành chính công và một số phòng làm việc còn chật, chưa có kho lưu trữ chuyên "
                "dụng.",
            )
        ),
        "Về hạ tầng công nghệ, chuyển đổi số, thủ tục hành chính": SectionText(
            (
                "Mạng nội bộ kết nối các bộ phận hoạt động ổn định, mạng phục vụ người dân được tách khỏi mạng "
                "hành chính; một số thiết bị mạng cần nâng cấp.",
                "- [[digital.staff_computers]] cán bộ, công chức được trang bị máy tính; "
                "[[digital.staff_signatures]] cán bộ được cấp và sử dụng chữ ký số; [[digital.official_email]] cán "
                "bộ có tài khoản thư điện tử công vụ.",
                "- Tỷ lệ văn bản phát hành điện tử có ký số đạt [[digital.signed_docs]] (trừ văn bản mật); "
                "[[digital.groups_4g]] tổ dân phố có sóng 4G và sóng 5G đang được triển khai; "
                "[[digital.households_broadband]] hộ dân tiếp cận được Internet băng rộng; khoảng "
                "[[digital.smartphone_users]] người dân sử dụng điện thoại thông minh.",
                "- Từ ngày [[ward.all_cases_online_from]], toàn bộ hồ sơ thủ tục hành chính của phường được tiếp "
                "nhận và trả kết quả trực tuyến.",
                "- Việc giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến:",
                "+ Từ ngày [[report.start]] đến ngày [[report.end]], hệ thống thông tin giải quyết thủ tục hành "
                "chính tiếp nhận [[tthc.received]] hồ sơ. Số hồ sơ giải quyết đúng hạn là "
                "[[tthc.on_time]]/[[tthc.resolved]], đạt [[tthc.on_time_rate]]; trễ hạn "
                "[[tthc.late]]/[[tthc.resolved]] hồ sơ, chiếm [[tthc.late_rate]].",
                "+ Phường thực hiện [[tthc.procedures_total]] thủ tục hành chính cấp xã, trong đó "
                "[[tthc.procedures_full_online]] thủ tục trực tuyến toàn trình và "
                "[[tthc.procedures_partly_online]] thủ tục trực tuyến một phần.",
                "+ Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên số thủ tục đủ điều kiện đạt "
                "[[tthc.full_online_service_rate]]; tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt "
                "[[tthc.digitised_rate]]; tỷ lệ cấp kết quả giải quyết điện tử đạt [[tthc.e_result_rate]].",
                "+ Tỷ lệ thanh toán trực tuyến phí, lệ phí thủ tục hành chính đạt [[tthc.online_payment_rate]].",
                "- Hồ sơ thủ tục hành chính không phụ thuộc địa giới hành chính: [[tthc.boundary_free_cases]] hồ "
                "sơ phát sinh.",
                "- Trung tâm Phục vụ hành chính công được bố trí đủ quầy giao dịch, máy tính, máy in, máy quét phục "
                "vụ tiếp nhận và số hóa hồ sơ; nhân lực công nghệ thông tin và kinh phí đầu tư còn hạn chế.",
            ),
            table_kind="",
        ),
    },
)

WEEKLY = SeedReport(
    template_code="bao-cao-tuan",
    period=DateRange(date(2025, 8, 18), date(2025, 8, 23)),
    drafter_initials="TH",
    sections={
        "Công tác hỗ trợ cán bộ, công chức, viên chức, Nhân dân tại phường trong vận hành, cung cấp dịch vụ công "
        "trực tuyến, giải quyết các thủ tục hành chính": SectionText(
            (
                "- Về nguồn nhân lực, trang thiết bị",
                "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người: "
                "[[staffing.centre_breakdown]]. Ngoài ra có [[staffing.centre_helpers]] tại Trung tâm.",
                "+ Trang thiết bị hiện có: [[assets.centre_equipment]]. Còn thiếu: [[assets.centre_missing]].",
                "- Về kết nối, liên thông: đường truyền tại Trung tâm ổn định; cán bộ, công chức sử dụng đầy đủ các "
                "nền tảng dùng chung của thành phố: [[ward.information_systems]]; các vướng mắc phát sinh được "
                "khắc phục kịp thời.",
                "- Về tiếp nhận, giải quyết thủ tục hành chính",
                "Từ ngày [[report.start]] đến ngày [[report.end]], Trung tâm tiếp nhận [[tthc.received]] hồ sơ, "
                "theo lĩnh vực: [[tthc.by_field]].",
                "Tình trạng hồ sơ: đang xử lý trong hạn [[tthc.in_progress]]; yêu cầu bổ sung "
                "[[tthc.supplement]]; chờ trả kết quả [[tthc.awaiting_return]]; đã trả [[tthc.returned]]; chờ ban "
                "hành [[tthc.awaiting_issuance]]. Hồ sơ giải quyết đúng hạn [[tthc.on_time]]/[[tthc.resolved]], "
                "đạt [[tthc.on_time_rate]].",
                "Hồ sơ thực hiện trực tuyến toàn trình [[tthc.online]]/[[tthc.received]], đạt "
                "[[tthc.online_rate]]; tỷ lệ số hóa hồ sơ, kết quả giải quyết đạt [[tthc.digitised_rate]].",
                "- Về hỗ trợ giải quyết thủ tục hành chính: người dân, tổ chức được hướng dẫn đầy đủ từng loại hồ "
                "sơ; bộ phận một cửa phối hợp chặt chẽ với các phòng chuyên môn trong xử lý hồ sơ.",
            ),
            table_kind="",
        ),
        "Việc lãnh đạo, chỉ đạo, rà soát việc bố trí kinh phí, trụ sở làm việc, phương tiện, trang thiết bị, "
        "điều kiện làm việc cho cán bộ, công chức, viên chức, người lao động cấp xã": SectionText(
            (
                "- Kinh phí được bố trí theo quy định.",
                "- Ủy ban nhân dân phường làm việc tại [[assets.committee_seat]], đã lắp bổ sung điều hòa cho các "
                "phòng chuyên môn; cán bộ tiếp tục dùng phương tiện được trang cấp tại các đơn vị cũ. Phòng làm "
                "việc còn chật so với số người nhưng cơ bản bảo đảm công việc.",
            )
        ),
        "Hoàn thành số hóa tài liệu của cơ quan, đơn vị, tổ chức": SectionText(
            (
                "Kế hoạch số 320/KH-UBND ngày 29/7/2025 của Ủy ban nhân dân thành phố đặt thời hạn hoàn thành số "
                "hóa tài liệu trước ngày 31/8/2025; đến nay phường chưa thực hiện được. Tài liệu của các đơn vị "
                "cũ đã được đóng gói trong thùng tôn, bảo quản tạm tại kho của các đơn vị cũ và chưa được chỉnh "
                "lý sơ bộ.",
                "Việc số hóa cần thêm thời gian, nhân lực và kinh phí; đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân "
                "thành phố phương án thực hiện thống nhất trên địa bàn thành phố Huế.",
            )
        ),
        "Việc giải quyết chế độ, chính sách đối với cán bộ, công chức và người hoạt động không chuyên trách": (
            SectionText(
                (
                    "Hồ sơ đề nghị giải quyết chế độ, chính sách theo Nghị định số 178/2024/NĐ-CP và Nghị định số "
                    "67/2025/NĐ-CP đối với công chức phường được hướng dẫn, lập đúng quy định. Đối với người hoạt "
                    "động không chuyên trách, phường đã gửi Sở Nội vụ Tờ trình số 426/TTr-UBND ngày 14/8/2025 đề "
                    "nghị thẩm định danh sách tinh giản biên chế theo Nghị định số 154/2025/NĐ-CP.",
                )
            )
        ),
    },
)

SEED_REPORTS = (WEEKLY, ANNUAL)


def _html(paragraphs: tuple[str, ...]) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def load_report(ward: Ward, spec: SeedReport) -> Report:
    """The report of the ward for the seed's template and range, its sections set to the seed's facts."""
    template = ReportTemplate.objects.get(code=spec.template_code)
    report = Report.objects.filter(
        ward=ward, template=template, start=spec.period.start, end=spec.period.end
    ).first() or report_create(ward=ward, template=template, period=spec.period, created_by=None)
    if report.state != ReportState.DRAFT:
        # Approved already (a second load_demo): its text is frozen with its approved version.
        return report
    sections = {section.heading: section for section in report.sections.all()}
    for heading, text in spec.sections.items():
        report_section_update(
            section=sections[heading],
            heading=heading,
            body=_html(text.paragraphs),
            footnotes="\n".join(text.footnotes),
            table_kind=text.table_kind,
        )
    return report_update(
        report=report,
        summary=report.summary,
        addressees=report.addressees,
        recipients=report.recipients,
        drafter_initials=spec.drafter_initials,
    )


def load(wards: dict[str, Ward]) -> None:
    for spec in SEED_REPORTS:
        load_report(wards["kim-tra"], spec)
