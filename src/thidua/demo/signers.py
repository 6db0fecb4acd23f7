"""Who else signs for a head in the demo (NĐ 30/2020 Art 13): the Chánh Văn phòng signs
"TUQ. GIÁM ĐỐC" by the Director's written authorisation (account ``thuongtruc``, who
keeps his council seat), and the Phó Giám đốc of the Trung tâm Xúc tiến đầu tư is
given the Giám đốc's post for now, signing "Q. GIÁM ĐỐC TRUNG TÂM" (``quyengiamdoc``)."""

from thidua.accounts.enums import DelegatedForm, Role
from thidua.accounts.models import User
from thidua.accounts.services import create_account, grant_role
from thidua.organizations.models import Person

__all__ = ["load_signers"]


def load_signers(agencies, *, password: str) -> None:
    director = User.objects.get(username="chutich")
    grant_role(
        User.objects.get(username="thuongtruc"),
        Role.DELEGATE,
        agency=agencies["SKHĐT"],
        signs_as=DelegatedForm.TUQ,
        principal=director,
    )
    centre = agencies["SKHĐT-TTXT"]
    acting = create_account(
        username="quyengiamdoc",
        password=password,
        person=Person.objects.get(unit=centre, position="Phó Giám đốc Trung tâm"),
    )
    grant_role(acting, Role.ACTING, agency=centre, acting_title="Giám đốc Trung tâm")
