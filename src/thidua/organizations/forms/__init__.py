from .people import (
    AssessmentForm,
    DisciplineForm,
    InitiativeForm,
    PersonForm,
    ReviewMatterForm,
    TransferForm,
)
from .structure import (
    AgencyForm,
    CollectiveAssessmentForm,
    CouncilMemberForm,
    StaffImportForm,
)

__all__ = [
    "AgencyForm",
    "AssessmentForm",
    "CollectiveAssessmentForm",
    "CouncilMemberForm",
    "DisciplineForm",
    "InitiativeForm",
    "PersonForm",
    "ReviewMatterForm",
    "StaffImportForm",
    "TransferForm",
]
