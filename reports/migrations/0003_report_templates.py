"""The two report templates of the seeds: the one-year review (sơ kết 01 năm) and the weekly progress
report. The outline, headings, addressees, recipients and signing authority follow the seeds; the
paragraphs are our own standard wording, and every figure is a placeholder."""

from __future__ import annotations

from django.db import migrations

ANNUAL_INTRO = (
    "Căn cứ Kế hoạch số 254/KH-UBND ngày 07/5/2026 của Ủy ban nhân dân thành phố Huế về sơ kết 01 năm thực hiện "
    "sắp xếp đơn vị hành chính các cấp và hoạt động của chính quyền địa phương 02 cấp, [[ward.committee]] báo cáo "
    "kết quả thực hiện từ ngày [[report.start]] đến ngày [[report.end]] như sau:"
)

# (number, heading, level, paragraphs, footnotes, table kind)
ANNUAL = [
    ("", "", 0, [ANNUAL_INTRO], [], ""),
    ("I.", "CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO, ĐIỀU HÀNH", 1, [], [], ""),
    ("1.", "Khái quát đặc điểm tình hình", 2, [
        "Ngày [[ward.formed_on]], [[ward.name]] chính thức được thành lập và đi vào hoạt động theo [[ward.legal_basis]], "
        "trên cơ sở sắp xếp toàn bộ diện tích tự nhiên và quy mô dân số của [[ward.former_units]]. Phường có diện tích "
        "tự nhiên [[ward.area_km2]] km², dân số [[ward.population]] người, được tổ chức thành [[ward.residential_groups]] "
        "tổ dân phố.",
        "Ngay sau khi thành lập, Ủy ban nhân dân phường đã tổ chức các cơ quan chuyên môn, đơn vị sự nghiệp trực thuộc "
        "theo quy định của Chính phủ và hướng dẫn của Ủy ban nhân dân thành phố; việc tiếp nhận, bố trí đội ngũ cán bộ, "
        "công chức, viên chức được thực hiện đúng quy định, bảo đảm bộ máy vận hành ổn định, thông suốt. Nhiệm vụ của "
        "từng lãnh đạo, từng cơ quan được phân công cụ thể, gắn với thời hạn và kết quả phải đạt.",
        "- Hệ thống chính trị của phường gồm Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân, Ủy ban Mặt trận Tổ quốc Việt "
        "Nam phường và các tổ chức chính trị - xã hội; Đảng ủy lãnh đạo toàn diện, Hội đồng nhân dân quyết định và giám "
        "sát, Ủy ban nhân dân tổ chức thực hiện và quản lý nhà nước trên địa bàn.",
        "- Các cơ quan chuyên môn thuộc Ủy ban nhân dân phường gồm Văn phòng Hội đồng nhân dân và Ủy ban nhân dân, "
        "Phòng Văn hóa - Xã hội, Phòng Kinh tế, Hạ tầng và Đô thị và Trung tâm Phục vụ hành chính công; các đơn vị sự "
        "nghiệp công lập gồm Trạm Y tế phường, Trung tâm Dịch vụ sự nghiệp công và [[staffing.schools]] trường học.",
    ], [], ""),
    ("2.", "Tình hình lãnh đạo, chỉ đạo, công tác thông tin, tuyên truyền, nắm tình hình, định hướng dư luận", 2, [], [], ""),
    ("2.1.", "Công tác lãnh đạo, chỉ đạo", 3, [
        "Ủy ban nhân dân phường đã quán triệt và cụ thể hóa các chủ trương của Trung ương và thành phố về chính quyền "
        "địa phương 02 cấp bằng quy chế làm việc, các quyết định thành lập, quy định chức năng, nhiệm vụ của các cơ "
        "quan, đơn vị và các kế hoạch, chương trình công tác phù hợp với thực tế của phường. Những vướng mắc về thể chế "
        "được tổng hợp, báo cáo kịp thời để cấp trên hướng dẫn tháo gỡ.",
        "Văn bản chỉ đạo, điều hành đã ban hành trong kỳ:",
        "- Từ ngày [[report.start]] đến ngày [[report.until_dec31]]: [[docs.total.until_dec31]] văn bản, gồm "
        "[[docs.decisions.until_dec31]] quyết định, [[docs.plans.until_dec31]] kế hoạch, [[docs.schemes.until_dec31]] "
        "phương án, đề án, [[docs.notices.until_dec31]] thông báo, [[docs.submissions.until_dec31]] tờ trình, "
        "[[docs.reports.until_dec31]] báo cáo và [[docs.other.until_dec31]] văn bản khác.",
        "- Từ ngày [[report.from_jan1]] đến ngày [[report.end]]: [[docs.total.from_jan1]] văn bản, gồm "
        "[[docs.decisions.from_jan1]] quyết định, [[docs.plans.from_jan1]] kế hoạch, [[docs.notices.from_jan1]] "
        "thông báo, [[docs.submissions.from_jan1]] tờ trình, [[docs.reports.from_jan1]] báo cáo và "
        "[[docs.other.from_jan1]] văn bản khác.",
    ], [], ""),
    ("2.2.", "Công tác thông tin, tuyên truyền, nắm tình hình, định hướng dư luận", 3, [
        "Công tác thông tin, tuyên truyền về sắp xếp đơn vị hành chính và vận hành chính quyền địa phương 02 cấp được "
        "thực hiện thường xuyên; [[digital.outreach_online]] văn bản chỉ đạo, điều hành được đưa tin qua hệ thống truyền "
        "thanh cơ sở, trang thông tin điện tử và mạng xã hội của phường. Tình hình tư tưởng, dư luận trong cán bộ và "
        "Nhân dân được theo dõi để kịp thời định hướng.",
    ], [], ""),
    ("3.", "Việc triển khai, quán triệt và tổ chức thực hiện nhiệm vụ theo các văn bản của Trung ương về chính quyền địa phương 02 cấp", 2, [
        "- Các kết luận của Bộ Chính trị, Ban Bí thư, văn bản của Chính phủ, Thủ tướng Chính phủ và quy định pháp luật "
        "về chính quyền địa phương 02 cấp được phổ biến đầy đủ đến cán bộ, công chức và tổ chức thực hiện kịp thời, "
        "đồng bộ trên địa bàn phường[[^1]].",
        "- Trong thời gian chuyển đổi mô hình, các vấn đề phát sinh được nắm bắt và xử lý ngay tại cơ sở; cán bộ, công "
        "chức yên tâm công tác, Nhân dân đồng thuận; việc giải quyết thủ tục hành chính và cung cấp dịch vụ công không "
        "bị gián đoạn.",
    ], [
        "Đảng ủy phường đã tổ chức [[conf.total]] hội nghị quán triệt các chủ trương, văn bản của Trung ương và thành "
        "phố, gồm [[conf.reporters]] hội nghị báo cáo viên và [[conf.direct_online]] hội nghị trực tiếp, trực tuyến.",
    ], ""),
    ("II.", "KẾT QUẢ SAU 01 NĂM VẬN HÀNH", 1, [], [], ""),
    ("1.", "Kết quả thực hiện", 2, [], [], ""),
    ("a)", "Tổ chức bộ máy và nhân sự", 4, [
        "- Về tổ chức bộ máy",
        "+ Ủy ban nhân dân phường đã thành lập 03 cơ quan chuyên môn, 01 tổ chức hành chính là Trung tâm Phục vụ hành "
        "chính công và Trung tâm Dịch vụ sự nghiệp công để cung ứng các dịch vụ công cơ bản về văn hóa, nông nghiệp, "
        "môi trường, hạ tầng trên địa bàn.",
        "+ Các trạm y tế của đơn vị cũ được hợp nhất thành Trạm Y tế phường do Ủy ban nhân dân phường quản lý. Trên địa "
        "bàn có [[staffing.schools]] cơ sở giáo dục ([[staffing.schools_preschool]] trường mầm non, "
        "[[staffing.schools_primary]] trường tiểu học, [[staffing.schools_secondary]] trường trung học cơ sở); phương án "
        "sắp xếp trường học đang được trình cấp có thẩm quyền.",
        "+ Hồ sơ, tài liệu và công việc đang giải quyết của các đơn vị cũ đã được bàn giao, tiếp nhận đầy đủ, có phân "
        "công người theo dõi, không để thất lạc hay gián đoạn.",
        "- Về công tác nhân sự",
        "+ Theo Nghị định số 300/2025/NĐ-CP, Ủy ban nhân dân phường có [[staffing.vice_chairs]] Phó Chủ tịch; Ủy viên "
        "gồm trưởng các cơ quan chuyên môn, Trưởng Công an và Chỉ huy trưởng Ban Chỉ huy Quân sự phường. Các chức danh "
        "lãnh đạo được bố trí đúng thẩm quyền, trình tự[[^1]].",
        "+ Tại thời điểm ngày [[ward.formed_on]], phường tiếp nhận, bố trí [[staffing.civil_servants_start]] biên chế "
        "cán bộ, công chức[[^2]]; đến ngày [[report.end]], số cán bộ, công chức hiện có là "
        "[[staffing.civil_servants_end]] người (không tính biên chế Quân sự phường).",
        "+ Đối với người hoạt động không chuyên trách cấp xã, Ủy ban nhân dân phường đã lập danh sách gửi Sở Nội vụ "
        "tổng hợp nhu cầu tiếp nhận vào công chức, viên chức[[^3]].",
        "+ Trung tâm Dịch vụ sự nghiệp công được giao [[staffing.service_centre]] viên chức (trong đó "
        "[[staffing.service_centre_seconded]] viên chức biệt phái sang các cơ quan chuyên môn), chưa tương xứng với khối "
        "lượng công việc nhiều lĩnh vực. Trạm Y tế phường có [[staffing.health_station]] viên chức, cơ bản đáp ứng "
        "chuyên môn khám, chữa bệnh[[^4]] nhưng chưa có người làm kế toán, hành chính.",
        "+ So với vị trí việc làm theo Nghị định số 361/2025/NĐ-CP, phường còn thiếu [[staffing.positions_short]] biên "
        "chế công chức[[^5]], chủ yếu ở các lĩnh vực kế hoạch, đầu tư, thống kê, kinh tế tập thể, khoa học công nghệ, "
        "công nghệ thông tin và chuyển đổi số.",
        "+ Toàn bộ cán bộ, công chức đạt chuẩn về trình độ; tuy vậy kỹ năng thực tiễn của một bộ phận còn hạn chế, kết "
        "quả đánh giá, xếp loại chưa phản ánh sát chất lượng thực thi nhiệm vụ.",
    ], [
        "Bố trí nhân sự cụ thể: [[staffing.by_unit]].",
        "Bao gồm cán bộ, công chức khối Hội đồng nhân dân, Ủy ban nhân dân và Ban Chỉ huy Quân sự phường.",
        "Tổng số người hoạt động không chuyên trách cấp xã là [[staffing.non_specialised_total]] người, trong đó "
        "[[staffing.non_specialised_left]] người đã nghỉ theo Nghị định số 154/2025/NĐ-CP; còn "
        "[[staffing.non_specialised_remaining]] người đang hỗ trợ tại các cơ quan thuộc Ủy ban nhân dân phường.",
        "Nhu cầu bổ sung bác sĩ trong thời gian tới: [[staffing.doctors_needed]].",
        "Theo hướng dẫn của Bộ Nội vụ về bổ sung vị trí việc làm cấp xã (Công văn số 7415/BNV-CCVC ngày 31/8/2025, "
        "Công văn số 9395/BNV-CCVC ngày 17/10/2025) và của Ban Tổ chức Trung ương về số lượng cấp phó (Công văn số "
        "9500-CV/BTCTW ngày 22/8/2025).",
    ], "staffing_by_unit"),
    ("b)", "Phân quyền, phân cấp, ủy quyền và việc sửa đổi, bổ sung các văn bản quy phạm pháp luật thuộc thẩm quyền", 4, [
        "Phường thực hiện các nhiệm vụ được phân cấp trong lĩnh vực nội vụ: quản lý, sử dụng, đánh giá, bố trí cán bộ, "
        "công chức, viên chức; thực hiện chế độ, chính sách, đào tạo, bồi dưỡng, quản lý hồ sơ và giải quyết khiếu nại, "
        "tố cáo theo thẩm quyền.",
        "Việc đánh giá tính khả thi của nhiệm vụ được phân cấp hiện dựa vào kết quả thực hiện, kiểm tra của cấp trên và "
        "báo cáo định kỳ; cần có bộ tiêu chí đánh giá cụ thể hơn.",
    ], [], ""),
    ("c)", "Về cơ sở vật chất, hỗ trợ nhà ở, trang thiết bị, tài sản công", 4, [
        "- Ủy ban nhân dân phường đang quản lý [[assets.facilities_total]] cơ sở nhà, đất, gồm: "
        "[[assets.facilities_offices]] cơ sở làm trụ sở cơ quan hành chính, sự nghiệp; [[assets.facilities_police]] "
        "trụ sở Công an phường; [[assets.facilities_military]] trụ sở Ban Chỉ huy Quân sự phường; "
        "[[assets.facilities_schools]] cơ sở trường học; [[assets.facilities_health]] cơ sở y tế và "
        "[[assets.facilities_surplus]] cơ sở nhà, đất dôi dư.",
        "- Tổng diện tích nhà, đất được giao quản lý là [[assets.total_area]], trong đó đất [[assets.land_area]], nhà "
        "[[assets.building_area]]. Ranh giới một số khuôn viên chưa được đo đạc, cắm mốc lại theo hiện trạng.",
        "- Trong kỳ, chi đầu tư phát triển [[spending.development]]; chi thường xuyên [[spending.recurrent]]; giá trị "
        "máy móc, thiết bị mua sắm mới [[spending.equipment_new]], chủ yếu là máy tính, máy in và máy điều hòa.",
        "- Cơ sở nhà, đất dôi dư đã xử lý: [[assets.surplus_handled]] cơ sở; chưa xử lý: [[assets.surplus_pending]] "
        "cơ sở. Phường đang nghiên cứu phương án chuyển đổi công năng phù hợp, không để lãng phí.",
        "Nhìn chung, trụ sở, phòng họp trực tuyến và trang thiết bị cơ bản bảo đảm hoạt động; tuy nhiên Trung tâm Phục "
        "vụ hành chính công và một số phòng làm việc còn chật, chưa có kho lưu trữ chuyên dụng.",
    ], [], "facilities_by_use"),
    ("d)", "Số hóa tài liệu, lưu trữ", 4, [
        "- Công tác văn thư, lưu trữ được duy trì theo quy định; khối lượng tài liệu của các đơn vị cũ còn lớn, chưa "
        "được chỉnh lý đầy đủ và đang bảo quản phân tán; phường chưa có kho lưu trữ và phần mềm lưu trữ chuyên dụng.",
        "- Văn bản điện tử và chữ ký số được sử dụng từ ngày đầu vận hành: [[digital.docs_online]] văn bản đi, đến được "
        "xử lý trên hệ thống quản lý văn bản và điều hành của thành phố.",
    ], [], ""),
    ("đ)", "Về hạ tầng công nghệ, chuyển đổi số, thủ tục hành chính", 4, [
        "Mạng nội bộ kết nối các bộ phận hoạt động ổn định, mạng phục vụ người dân được tách khỏi mạng hành chính; một "
        "số thiết bị mạng cần nâng cấp.",
        "- [[digital.staff_computers]] cán bộ, công chức được trang bị máy tính; [[digital.staff_signatures]] cán bộ "
        "được cấp và sử dụng chữ ký số; [[digital.official_email]] cán bộ có tài khoản thư điện tử công vụ.",
        "- Tỷ lệ văn bản phát hành điện tử có ký số đạt [[digital.signed_docs]] (trừ văn bản mật); [[digital.groups_4g]] "
        "tổ dân phố có sóng 4G; [[digital.households_broadband]] hộ dân tiếp cận được Internet băng rộng; khoảng "
        "[[digital.smartphone_users]] người dân sử dụng điện thoại thông minh.",
        "- Việc giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến:",
        "+ Từ ngày [[report.start]] đến ngày [[report.end]], hệ thống thông tin giải quyết thủ tục hành chính tiếp nhận "
        "[[tthc.received]] hồ sơ. Số hồ sơ giải quyết đúng hạn là [[tthc.on_time]]/[[tthc.resolved]], đạt "
        "[[tthc.on_time_rate]]; trễ hạn [[tthc.late]]/[[tthc.resolved]] hồ sơ, chiếm [[tthc.late_rate]].",
        "+ Phường thực hiện [[tthc.procedures_total]] thủ tục hành chính cấp xã, trong đó [[tthc.procedures_full_online]] "
        "thủ tục trực tuyến toàn trình và [[tthc.procedures_partly_online]] thủ tục trực tuyến một phần.",
        "+ Tỷ lệ thanh toán trực tuyến phí, lệ phí thủ tục hành chính đạt [[tthc.online_payment_rate]].",
        "- Trung tâm Phục vụ hành chính công được bố trí đủ quầy giao dịch, máy tính, máy in, máy quét phục vụ tiếp "
        "nhận và số hóa hồ sơ; nhân lực công nghệ thông tin và kinh phí đầu tư còn hạn chế.",
    ], [], "tthc_by_field"),
    ("2.", "Đánh giá", 2, [], [], ""),
    ("a)", "Ưu điểm", 4, [
        "- Thủ tục hành chính được giải quyết công khai, nhanh hơn; mức độ hài lòng của người dân, doanh nghiệp từng "
        "bước nâng lên. Quốc phòng, an ninh, trật tự an toàn xã hội được giữ vững, chính sách an sinh xã hội thực hiện "
        "đầy đủ.",
        "- Chỉ đạo, điều hành từ thành phố đến phường thông suốt, thống nhất; vai trò, trách nhiệm của chính quyền cơ "
        "sở được phát huy.",
    ], [], ""),
    ("b)", "Khó khăn, vướng mắc", 4, [
        "Thứ nhất, một bộ phận cán bộ và người dân chưa nắm đầy đủ phương thức vận hành của mô hình mới.",
        "Thứ hai, một số quy định chưa đồng bộ, chậm sửa đổi, nhất là về phân cấp, phân quyền và cơ chế phối hợp.",
        "Thứ ba, đội ngũ cán bộ, công chức chưa đồng đều về năng lực, còn thiếu người ở một số vị trí chuyên môn.",
        "Thứ tư, cơ sở vật chất, hạ tầng công nghệ thông tin và kinh phí đầu tư chưa đáp ứng yêu cầu.",
    ], [], ""),
    ("3.", "Nguyên nhân của khó khăn, vướng mắc", 2, [
        "- Khách quan: đây là mô hình tổ chức mới, hệ thống quy định đang được hoàn thiện; điều kiện hạ tầng kỹ thuật "
        "của địa phương còn hạn chế.",
        "- Chủ quan: một bộ phận cán bộ, công chức chưa chủ động nghiên cứu, kỹ năng ứng dụng công nghệ thông tin chưa "
        "đồng đều; công tác tuyên truyền có lúc chưa sâu rộng; việc bố trí nhân sự có nơi còn lúng túng.",
    ], [], ""),
    ("III.", "BÀI HỌC KINH NGHIỆM", 1, [
        "1. Sự lãnh đạo, chỉ đạo thống nhất của cấp ủy và chính quyền, gắn với phân công rõ trách nhiệm và kiểm tra, đôn "
        "đốc thường xuyên, là yếu tố quyết định kết quả thực hiện.",
        "2. Bố trí cán bộ đúng người, đúng việc, phù hợp năng lực và chú trọng đào tạo, bồi dưỡng là điều kiện để bộ "
        "máy vận hành hiệu quả.",
        "3. Tài sản công phải được rà soát, bố trí và sử dụng đúng mục đích, tiết kiệm, tránh lãng phí.",
        "4. Ứng dụng công nghệ, số hóa hồ sơ và khai thác dữ liệu giúp rút ngắn thời gian xử lý công việc, tăng tính "
        "minh bạch trong phục vụ người dân, doanh nghiệp.",
    ], [], ""),
    ("IV.", "GIẢI PHÁP, PHƯƠNG HƯỚNG GIAI ĐOẠN 2026 - 2030", 1, [
        "1. Tiếp tục quán triệt, thực hiện nghiêm các chủ trương của Trung ương và thành phố về chính quyền địa phương 02 "
        "cấp, nâng cao hiệu lực, hiệu quả điều hành của chính quyền phường.",
        "2. Kiện toàn tổ chức bộ máy, bố trí cán bộ linh hoạt, đa nhiệm; tăng cường đào tạo, bồi dưỡng.",
        "3. Đẩy mạnh cải cách hành chính, nâng cao chất lượng giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành "
        "chính công.",
        "4. Đổi mới công tác tuyên truyền, vận động; nắm chắc tình hình, giải quyết dứt điểm các vấn đề phát sinh từ cơ "
        "sở.",
        "5. Quản lý, sử dụng hiệu quả tài sản công; ưu tiên đầu tư hạ tầng giao thông, viễn thông, công nghệ thông tin; "
        "lồng ghép các nguồn lực của các chương trình mục tiêu quốc gia.",
        "6. Giữ vững quốc phòng, an ninh, trật tự an toàn xã hội; thực hiện tốt chính sách an sinh xã hội, giảm nghèo "
        "bền vững.",
    ], [], ""),
    ("V.", "KIẾN NGHỊ", 1, [
        "1. Đề nghị cấp có thẩm quyền sớm điều chỉnh chế độ, chính sách, tiền lương và phụ cấp đối với cán bộ, công "
        "chức, viên chức cấp xã cho tương xứng với khối lượng công việc.",
        "2. Đề nghị bổ sung biên chế theo vị trí việc làm đã phê duyệt, nhất là các lĩnh vực còn thiếu; bổ sung biên "
        "chế cho Trung tâm Dịch vụ sự nghiệp công và bác sĩ cho Trạm Y tế phường.",
        "3. Đề nghị tăng cường đào tạo, bồi dưỡng sát thực tiễn và yêu cầu các cơ quan chuyên môn cấp thành phố hướng "
        "dẫn, hỗ trợ cấp xã kịp thời.",
    ], [], ""),
    ("", "", 0, [
        "Trên đây là báo cáo sơ kết 01 năm thực hiện sắp xếp đơn vị hành chính và hoạt động của chính quyền địa phương "
        "02 cấp của [[ward.committee]]./.",
    ], [], ""),
]

WEEKLY_INTRO = (
    "Thực hiện Kế hoạch số 320/KH-UBND ngày 29/7/2025 của Ủy ban nhân dân thành phố Huế về tiếp tục hoàn thiện tổ "
    "chức bộ máy của hệ thống chính trị và Kế hoạch số 325/KH-UBND ngày 06/8/2025 của Ủy ban nhân dân phường, "
    "[[ward.committee]] báo cáo kết quả thực hiện từ ngày [[report.start]] đến ngày [[report.end]] như sau:"
)

WEEKLY = [
    ("", "", 0, [WEEKLY_INTRO], [], ""),
    ("I.", "KẾT QUẢ TRIỂN KHAI THỰC HIỆN", 1, [], [], ""),
    ("1.", "Công tác tuyên truyền và tình hình dư luận xã hội", 2, [], [], ""),
    ("1.1.", "Về công tác tuyên truyền", 3, [
        "Ủy ban nhân dân phường tiếp tục chỉ đạo các cơ quan, đơn vị và tổ dân phố thông tin về sắp xếp tổ chức bộ máy "
        "và mô hình chính quyền địa phương 02 cấp qua hệ thống truyền thanh, trang thông tin điện tử và các nhóm mạng "
        "xã hội của tổ dân phố, tạo sự thống nhất trong cán bộ, đảng viên và đồng thuận trong Nhân dân.",
    ], [], ""),
    ("1.2.", "Về tình hình dư luận", 3, [
        "Cán bộ, đảng viên và Nhân dân đồng tình với chủ trương sắp xếp; trong kỳ không phát sinh điểm nóng hay kiến "
        "nghị, phản ánh liên quan.",
    ], [], ""),
    ("2.", "Về tiếp tục hoàn thiện tổ chức bộ máy của hệ thống chính trị", 2, [], [], ""),
    ("2.1.", "Công tác kiểm tra, giám sát, nắm tình hình, giải quyết khó khăn, vướng mắc của cấp xã khi vận hành bộ máy mới", 3, [
        "Ủy ban nhân dân phường theo dõi sát việc xử lý công việc của các phòng chuyên môn và Trung tâm Phục vụ hành "
        "chính công theo chức năng, nhiệm vụ được giao; các vướng mắc được giải quyết ngay để công việc không bị gián "
        "đoạn.",
    ], [], ""),
    ("2.2.", "Công tác hỗ trợ cán bộ, công chức, viên chức, Nhân dân tại phường trong vận hành, cung cấp dịch vụ công trực tuyến, giải quyết các thủ tục hành chính", 3, [
        "- Về nguồn nhân lực, trang thiết bị",
        "+ Trung tâm Phục vụ hành chính công có [[staffing.centre_total]] người: [[staffing.centre_breakdown]]. "
        "Ngoài ra có [[staffing.centre_helpers]] nhân viên bưu điện hỗ trợ tiếp nhận hồ sơ.",
        "+ Trang thiết bị hiện có: [[assets.centre_equipment]]; hệ thống Wi-Fi miễn phí cho người dân. Còn thiếu: "
        "[[assets.centre_missing]].",
        "- Về kết nối, liên thông: đường truyền tại Trung tâm ổn định; các hệ thống dùng chung của thành phố (một cửa "
        "điện tử, quản lý văn bản, họp trực tuyến, thông tin báo cáo) được sử dụng đầy đủ.",
        "- Về tiếp nhận, giải quyết thủ tục hành chính",
        "Từ ngày [[report.start]] đến ngày [[report.end]], Trung tâm tiếp nhận [[tthc.received]] hồ sơ, theo lĩnh vực: "
        "[[tthc.by_field]].",
        "Tình trạng hồ sơ: đang xử lý trong hạn [[tthc.in_progress]]; yêu cầu bổ sung [[tthc.supplement]]; chờ trả kết "
        "quả [[tthc.awaiting_return]]; đã trả [[tthc.returned]]; chờ ban hành [[tthc.awaiting_issuance]]. Hồ sơ giải "
        "quyết đúng hạn [[tthc.on_time]]/[[tthc.resolved]], đạt [[tthc.on_time_rate]].",
        "Hồ sơ thực hiện trực tuyến toàn trình [[tthc.online]]/[[tthc.received]], đạt [[tthc.online_rate]]; tỷ lệ số "
        "hóa hồ sơ, kết quả giải quyết đạt [[tthc.digitised_rate]].",
        "- Về hỗ trợ giải quyết thủ tục hành chính: người dân, tổ chức được hướng dẫn đầy đủ từng loại hồ sơ; bộ phận "
        "một cửa phối hợp chặt chẽ với các phòng chuyên môn trong xử lý hồ sơ.",
    ], [], "tthc_by_field"),
    ("2.3.", "Việc lãnh đạo, chỉ đạo, rà soát việc bố trí kinh phí, trụ sở làm việc, phương tiện, trang thiết bị, điều kiện làm việc cho cán bộ, công chức, viên chức, người lao động cấp xã", 3, [
        "- Kinh phí được bố trí theo quy định.",
        "- Ủy ban nhân dân phường làm việc tại trụ sở của đơn vị cũ, đã lắp bổ sung điều hòa; cán bộ tiếp tục dùng "
        "phương tiện được trang cấp trước đây. Phòng làm việc còn chật nhưng cơ bản bảo đảm công việc.",
    ], [], ""),
    ("2.4.", "Hoàn thành số hóa tài liệu của cơ quan, đơn vị, tổ chức", 3, [
        "Tài liệu của các đơn vị cũ đang được bảo quản tạm, chưa chỉnh lý; việc số hóa cần thêm thời gian, nhân lực và "
        "kinh phí. Đề nghị Sở Nội vụ tham mưu Ủy ban nhân dân thành phố phương án thực hiện thống nhất trên địa bàn.",
    ], [], ""),
    ("2.5.", "Việc giải quyết chế độ, chính sách đối với cán bộ, công chức và người hoạt động không chuyên trách", 3, [
        "Hồ sơ đề nghị giải quyết chế độ theo Nghị định số 178/2024/NĐ-CP, Nghị định số 67/2025/NĐ-CP và Nghị định số "
        "154/2025/NĐ-CP được lập đúng quy định và gửi Sở Nội vụ thẩm định.",
    ], [], ""),
    ("2.6.", "Các nhiệm vụ về tiếp tục hoàn thiện tổ chức bộ máy của hệ thống chính trị (theo phân công tại Phụ lục kèm theo Kế hoạch của Ủy ban nhân dân thành phố)", 3, [
        "Từng phòng chuyên môn và đơn vị liên quan đã được giao nhiệm vụ cụ thể, xây dựng kế hoạch và báo cáo kết quả "
        "thực hiện.",
    ], [], ""),
    ("3.", "Việc chỉ đạo thực hiện hoàn thành mục tiêu tăng trưởng kinh tế - xã hội", 2, [
        "Ủy ban nhân dân phường triển khai Nghị quyết của Hội đồng nhân dân phường về nhiệm vụ phát triển kinh tế - xã "
        "hội, giao chỉ tiêu và thời hạn cho từng cơ quan; hỗ trợ doanh nghiệp, hộ kinh doanh tiếp cận chính sách; "
        "theo dõi hằng tháng tình hình sản xuất, kinh doanh để dự báo khả năng hoàn thành chỉ tiêu.",
    ], [], ""),
    ("II.", "THUẬN LỢI, KHÓ KHĂN VÀ NGUYÊN NHÂN", 1, [], [], ""),
    ("1.", "Thuận lợi", 2, [
        "Chính quyền phường chủ động hơn trong giải quyết các vấn đề của địa phương; người dân, doanh nghiệp tiết kiệm "
        "thời gian, chi phí đi lại khi làm thủ tục hành chính.",
    ], [], ""),
    ("2.", "Khó khăn", 2, [
        "Một số văn bản hướng dẫn của cấp trên còn chồng chéo; nhiều nhiệm vụ mới chưa có quy định cụ thể.",
    ], [], ""),
    ("3.", "Nguyên nhân", 2, [
        "Bộ máy được sắp xếp trong thời gian ngắn nên việc ban hành văn bản hướng dẫn, phân cấp, phân quyền cần thêm "
        "thời gian hoàn thiện.",
    ], [], ""),
    ("III.", "NHIỆM VỤ TRỌNG TÂM TRONG THỜI GIAN TỚI", 1, [
        "1. Làm tốt công tác chính trị, tư tưởng cho cán bộ, đảng viên và Nhân dân sau sắp xếp.",
        "2. Tăng cường đào tạo, bồi dưỡng cán bộ, công chức; đẩy mạnh ứng dụng công nghệ thông tin trong công vụ.",
        "3. Tổ chức đối thoại, lắng nghe ý kiến của người dân; phát huy giám sát, phản biện xã hội.",
        "4. Tuyên truyền các cách làm hiệu quả; đấu tranh với thông tin sai lệch trên không gian mạng.",
        "5. Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn phường.",
    ], [], ""),
    ("", "", 0, [
        "Trên đây là báo cáo tiếp tục hoàn thiện tổ chức bộ máy của hệ thống chính trị từ ngày [[report.start]] đến "
        "ngày [[report.end]] của [[ward.committee]], kính gửi Sở Nội vụ tổng hợp, báo cáo Ủy ban nhân dân thành phố "
        "Huế./.",
    ], [], ""),
]

TEMPLATES = [
    {
        "code": "so-ket-01-nam",
        "name": "Báo cáo sơ kết 01 năm chính quyền địa phương 02 cấp",
        "kind": "annual",
        "summary": "Sơ kết 01 năm thực hiện sắp xếp đơn vị hành chính các cấp và hoạt động của chính quyền địa phương 02 cấp",
        "addressees": "",
        "recipients": "\n".join([
            "Sở Nội vụ thành phố;",
            "Ban Thường vụ Đảng ủy phường;",
            "Thường trực HĐND phường;",
            "Chủ tịch, các PCT UBND phường;",
            "UBMTTQ Việt Nam phường;",
            "Các cơ quan chuyên môn thuộc UBND phường;",
            "Lưu: VT, VHXH.",
        ]),
        "signing_authority": "tm",
        "sections": ANNUAL,
    },
    {
        "code": "bao-cao-tuan",
        "name": "Báo cáo tuần về tiếp tục hoàn thiện tổ chức bộ máy",
        "kind": "weekly",
        "summary": "Về tiếp tục hoàn thiện tổ chức bộ máy của hệ thống chính trị",
        "addressees": "Ủy ban nhân dân thành phố Huế;\nSở Nội vụ.",
        "recipients": "Như trên;\nCT, các PCT UBND phường;\nLưu: VT, VHXH.",
        "signing_authority": "kt",
        "sections": WEEKLY,
    },
]


def seed(apps, schema_editor):
    ReportTemplate = apps.get_model("reports", "ReportTemplate")
    TemplateSection = apps.get_model("reports", "TemplateSection")
    for spec in TEMPLATES:
        fields = {k: v for k, v in spec.items() if k not in ("code", "sections")}
        template, _ = ReportTemplate.objects.update_or_create(code=spec["code"], defaults=fields)
        template.sections.all().delete()
        for order, (number, heading, level, paragraphs, footnotes, table) in enumerate(spec["sections"], start=1):
            TemplateSection.objects.create(
                template=template,
                order=order * 10,
                number=number,
                heading=heading,
                level=level or 1,
                body="".join(f"<p>{text}</p>" for text in paragraphs),
                footnotes="\n".join(footnotes),
                table_kind=table,
            )


def unseed(apps, schema_editor):
    apps.get_model("reports", "ReportTemplate").objects.filter(code__in=[t["code"] for t in TEMPLATES]).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
