from django.urls import path

from .views import certificates, decisions

app_name = "decisions"

urlpatterns = [
    path(
        "khen-thuong/so/<int:pk>/giay-chung-nhan.<str:fmt>",
        certificates.AwardCertificateView.as_view(),
        name="award-certificate",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/giay-chung-nhan.<str:fmt>",
        certificates.DecisionCertificatesView.as_view(),
        name="decision-certificates",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/huy-bo/",
        decisions.DecisionAnnulView.as_view(),
        name="decision-annul",
    ),
    path(
        "khen-thuong/dot-xet/<int:pk>/quyet-dinh/",
        decisions.DecisionCreateView.as_view(),
        name="decision-create",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/chuyen-buoc/",
        decisions.DecisionMoveView.as_view(),
        name="decision-move",
    ),
    path(
        "khen-thuong/quyet-dinh/cho-duyet/",
        decisions.DecisionApprovalQueueView.as_view(),
        name="decision-approvals",
    ),
    path(
        "khen-thuong/quyet-dinh/cho-ban-hanh/",
        decisions.DecisionIssueQueueView.as_view(),
        name="decision-issue-queue",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/",
        decisions.DecisionDetailView.as_view(),
        name="decision-detail",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/to-trinh.docx",
        decisions.DecisionProposalView.as_view(),
        name="decision-proposal",
    ),
    path(
        "khen-thuong/quyet-dinh/<int:pk>/tep.<str:fmt>",
        decisions.DecisionFileView.as_view(),
        name="decision-file",
    ),
]
