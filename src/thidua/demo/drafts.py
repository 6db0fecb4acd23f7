"""Documents written in thidua in the demo: a launch plan of Sở KH&ĐT started from the
provincial template (its signer the Director, a list attached) and the council's
minutes started from their template, both still drafts."""

import copy

from django.core.files.uploadedfile import SimpleUploadedFile

from thidua.documents.services.draft_files import attach_file
from thidua.documents.services.drafts import create_draft, save_content

# A one-page PDF standing for the list of registered units (checked as a PDF).
_LIST_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def load_demo_drafts(skhdt, *, officer, director) -> None:
    plan = create_draft(agency=skhdt, template_code="ke_hoach_tinh", actor=officer)
    content = copy.deepcopy(plan.content)
    content["trich_yeu"] = (
        "Tổ chức phong trào thi đua “Đẩy mạnh chuyển đổi số, cải cách hành chính” năm 2027"
    )
    content["signers"] = [
        {
            "authority": "",
            "principal": "",
            "second_authority": "",
            "second_principal": "",
            "title": "GIÁM ĐỐC",
            "name": director.full_name,
            "person_id": director.pk,
        }
    ]
    content["recipients"] = [
        "Ban Thi đua - Khen thưởng - Sở Nội vụ",
        "Lãnh đạo Sở",
        "Các phòng, đơn vị trực thuộc Sở",
    ]
    plan = save_content(plan, content, actor=officer)
    attach_file(
        plan,
        SimpleUploadedFile("Danh sách đơn vị đăng ký.pdf", _LIST_PDF),
        actor=officer,
    )
    create_draft(agency=skhdt, template_code="bien_ban_hoi_dong", actor=officer)
