from .people import (
    AssessmentForm,
    DisciplineForm,
    InitiativeForm,
    PersonForm,
    ReviewCloseForm,
    ReviewMatterForm,
    TransferForm,
)
from .structure import (
    AgencyForm,
    ClusterForm,
    ClusterLeadershipForm,
    ClusterMemberForm,
    CollectiveAssessmentForm,
    CouncilForm,
    CouncilMemberEndForm,
    CouncilMemberForm,
    StaffImportForm,
)

__all__ = [
    "AgencyForm",
    "ClusterForm",
    "ClusterLeadershipForm",
    "ClusterMemberForm",
    "CouncilForm",
    "CouncilMemberEndForm",
    "AssessmentForm",
    "CollectiveAssessmentForm",
    "CouncilMemberForm",
    "DisciplineForm",
    "InitiativeForm",
    "PersonForm",
    "ReviewCloseForm",
    "ReviewMatterForm",
    "StaffImportForm",
    "TransferForm",
]
