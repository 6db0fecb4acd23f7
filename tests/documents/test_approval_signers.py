"""Who signs for the head, as the rendered text prints it (NĐ 30/2020 Art 13, Phụ lục I
ô 7a/7b): the head in his own name; "KT." his deputy; "Q." the acting head, in the title
he acts in; "TUQ." and "TL." an official authorised by the head, the head's title above
his own. The block is written at approval from the approver's staff record and role
(documents.services.approval), never typed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from thidua.accounts.enums import DelegatedForm, Role
from thidua.accounts.services import create_account, grant_role
from thidua.documents.rendering import render_docx
from thidua.documents.services.approval import signer_block
from thidua.movements.enums import MovementState
from thidua.movements.rendering import movement_spec
from thidua.movements.services.movement import transition_movement
from thidua.submissions.rendering import submission_spec
from thidua.submissions.services import submission as submission_service

from ..decisions.factories import PASSWORD, give_person
from ..decisions.test_approval_brief import _docx_text
from ..factories import make_person
from ..movements.factories import ISSUED_ON, make_movement
from ..submissions.factories import awaiting_submission

pytestmark = pytest.mark.django_db

HEAD = "Giám đốc Sở"


def _account(name, org, title, role, **grant):
    user = create_account(
        username=name,
        password=PASSWORD,
        person=make_person(org.skhdt, f"Người {name}", position=title),
    )
    grant_role(user, role, agency=org.skhdt, **grant)
    return user


def _signers(org, users) -> dict:
    """Each way of signing Sở KH&ĐT's texts, with the lines it prints."""
    give_person(users["head"], org.skhdt, "Vũ Hoàng Quý", HEAD)
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    return {
        "head": (users["head"], ("GIÁM ĐỐC SỞ",)),
        "KT.": (users["deputy"], ("KT. GIÁM ĐỐC SỞ", "PHÓ GIÁM ĐỐC SỞ")),
        "Q.": (
            _account("quyen", org, "Phó Giám đốc Sở", Role.ACTING, acting_title=HEAD),
            ("Q. GIÁM ĐỐC SỞ",),
        ),
        "TUQ.": (
            _account(
                "chanhvp",
                org,
                "Chánh Văn phòng",
                Role.DELEGATE,
                signs_as=DelegatedForm.TUQ,
                principal=users["head"],
            ),
            ("TUQ. GIÁM ĐỐC SỞ", "CHÁNH VĂN PHÒNG"),
        ),
        "TL.": (
            _account(
                "truongphong",
                org,
                "Trưởng phòng Đăng ký kinh doanh",
                Role.DELEGATE,
                signs_as=DelegatedForm.TL,
                principal=users["head"],
            ),
            ("TL. GIÁM ĐỐC SỞ", "TRƯỞNG PHÒNG ĐĂNG KÝ KINH DOANH"),
        ),
    }


FORMS = ["head", "KT.", "Q.", "TUQ.", "TL."]


@pytest.mark.parametrize("form", FORMS)
def test_the_launch_document_prints_who_approved_it(org, users, form):
    approver, lines = _signers(org, users)[form]
    movement = transition_movement(make_movement(org), MovementState.AWAITING)
    movement = transition_movement(movement, MovementState.APPROVED, actor=approver)
    assert movement.approved_by == approver
    assert movement.signer_lines == lines
    issued = transition_movement(
        movement, MovementState.ISSUED, issued_on=ISSUED_ON, actor=users["clerk"]
    )
    spec = movement_spec(issued)
    assert spec.signer.title_lines == lines
    assert spec.signer.name == approver.person.full_name
    text = _docx_text(render_docx(spec))
    assert "\n".join(lines) in text and approver.person.full_name in text


@pytest.mark.parametrize("form", FORMS)
def test_the_tờ_trình_prints_who_approved_it(org, users, form):
    approver, lines = _signers(org, users)[form]
    awaiting = awaiting_submission(org, users)
    approved = submission_service.approve_submission(awaiting, actor=approver)
    assert approved.signer_text.startswith(
        {"head": HEAD}.get(form, f"{form} ")
    ) and approved.signer_text.endswith(approver.person.full_name)
    issued = submission_service.issue_submission(
        approved, issued_on=ISSUED_ON, actor=users["clerk"]
    )
    spec = submission_spec(issued)
    assert spec.signer.title_lines == lines
    text = _docx_text(render_docx(spec))
    assert "\n".join(lines) in text and approver.person.full_name in text


def test_signer_text_on_one_line(org, users):
    signers = _signers(org, users)
    agency = org.skhdt
    texts = {
        form: " ".join(
            filter(
                None,
                [
                    (block := signer_block(user, agency))["signer_authority"],
                    block["signer_principal"],
                    block["signer_title"],
                ],
            )
        )
        for form, (user, _lines) in signers.items()
    }
    assert texts == {
        "head": HEAD,
        "KT.": "KT. Giám đốc Sở Phó Giám đốc Sở",
        "Q.": "Q. Giám đốc Sở",
        "TUQ.": "TUQ. Giám đốc Sở Chánh Văn phòng",
        "TL.": "TL. Giám đốc Sở Trưởng phòng Đăng ký kinh doanh",
    }


def test_who_may_not_sign(org, users):
    # The deputy signs "KT." only for a head on record with a title.
    give_person(users["deputy"], org.skhdt, "Lý Văn Sơn", "Phó Giám đốc Sở")
    with pytest.raises(ValidationError, match="chưa có thủ trưởng có chức vụ"):
        signer_block(users["deputy"], org.skhdt)
    # A delegate's head without a title on his staff record: no "TUQ. …" to print.
    delegate = _account(
        "chanhvp",
        org,
        "Chánh Văn phòng",
        Role.DELEGATE,
        signs_as=DelegatedForm.TUQ,
        principal=users["head"],
    )
    with pytest.raises(ValidationError, match="Thủ trưởng ủy quyền chưa có chức vụ"):
        signer_block(delegate, org.skhdt)
    # Nobody signs for an agency he holds no signing role in.
    with pytest.raises(ValidationError, match="không có quyền ký văn bản"):
        signer_block(delegate, org.other)
    # An approver is somebody: no trusted caller approves in the head's name.
    movement = transition_movement(make_movement(org), MovementState.AWAITING)
    with pytest.raises(PermissionDenied):
        transition_movement(movement, MovementState.APPROVED)


def test_the_delegation_is_recorded_on_the_role(org, users):
    # TUQ./TL. for the agency's head only; the form and the head go together.
    with pytest.raises(ValidationError) as exc:
        grant_role(
            users["staff"],
            Role.DELEGATE,
            agency=org.skhdt,
            signs_as=DelegatedForm.TL,
            principal=users["officer"],
        )
    assert exc.value.message_dict == {
        "principal": ["Người ủy quyền phải là thủ trưởng của cơ quan."]
    }
    with pytest.raises(ValidationError):
        grant_role(users["staff"], Role.DELEGATE, agency=org.skhdt)
    # The acting head names the title he acts in; nobody else has one.
    with pytest.raises(ValidationError):
        grant_role(users["staff"], Role.ACTING, agency=org.skhdt)
    with pytest.raises(ValidationError):
        grant_role(users["staff"], Role.CLERK, agency=org.skhdt, acting_title=HEAD)
    role = grant_role(
        users["staff"], Role.ACTING, agency=org.skhdt, acting_title=" Giám đốc Sở "
    )
    assert role.acting_title == HEAD
