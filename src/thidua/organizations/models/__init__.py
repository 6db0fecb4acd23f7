from .agency import Agency
from .council import (
    Cluster,
    ClusterLeadership,
    ClusterMembership,
    Council,
    CouncilMember,
)
from .person import Person
from .records import (
    Assessment,
    CollectiveAssessment,
    DisciplineRecord,
    Initiative,
    Membership,
    PendingMatter,
)
from .staff_import import StaffImport

__all__ = [
    "Agency",
    "Assessment",
    "Cluster",
    "ClusterLeadership",
    "ClusterMembership",
    "CollectiveAssessment",
    "Council",
    "CouncilMember",
    "DisciplineRecord",
    "Initiative",
    "Membership",
    "Person",
    "PendingMatter",
    "StaffImport",
]
