from .people import (
    AssessmentForm,
    DisciplineForm,
    InitiativeForm,
    PendingMatterForm,
    PersonForm,
    ReviewCloseForm,
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
    "PendingMatterForm",
    "StaffImportForm",
    "TransferForm",
]
