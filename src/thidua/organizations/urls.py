from django.urls import path

from .views import bodies, imports, people, structure

app_name = "organizations"

urlpatterns = [
    path("co-quan/", structure.AgencyTreeView.as_view(), name="agency-list"),
    path(
        "co-quan/<int:pk>/", structure.AgencyDetailView.as_view(), name="agency-detail"
    ),
    path(
        "co-quan/<int:pk>/sua/", structure.AgencyEditView.as_view(), name="agency-edit"
    ),
    path(
        "co-quan/<int:pk>/them-don-vi/",
        structure.AgencyCreateView.as_view(),
        name="agency-create",
    ),
    path(
        "co-quan/<int:pk>/xep-loai/",
        structure.CollectiveAssessmentCreateView.as_view(),
        name="agency-assessment",
    ),
    path(
        "co-quan/<int:pk>/nhap-danh-sach/",
        imports.StaffImportView.as_view(),
        name="import",
    ),
    path(
        "co-quan/<int:pk>/nhap-danh-sach/mau.xlsx",
        imports.StaffImportTemplateView.as_view(),
        name="import-template",
    ),
    path(
        "co-quan/<int:pk>/nhap-danh-sach/<int:job>/",
        imports.StaffImportJobView.as_view(),
        name="import-job",
    ),
    path(
        "co-quan/<int:pk>/them-hoi-dong/",
        bodies.CouncilCreateView.as_view(),
        name="council-create",
    ),
    path(
        "co-quan/<int:pk>/them-cum-khoi/",
        bodies.ClusterCreateView.as_view(),
        name="cluster-create",
    ),
    path("ca-nhan/", people.PersonListView.as_view(), name="person-list"),
    path("ca-nhan/them/", people.PersonCreateView.as_view(), name="person-create"),
    path("ca-nhan/<int:pk>/", people.PersonDetailView.as_view(), name="person-detail"),
    path("ca-nhan/<int:pk>/sua/", people.PersonEditView.as_view(), name="person-edit"),
    path(
        "ca-nhan/<int:pk>/chuyen-don-vi/",
        people.PersonTransferView.as_view(),
        name="person-transfer",
    ),
    path(
        "ca-nhan/<int:pk>/xep-loai/",
        people.AssessmentCreateView.as_view(),
        name="person-assessment",
    ),
    path(
        "ca-nhan/<int:pk>/ky-luat/",
        people.DisciplineCreateView.as_view(),
        name="person-discipline",
    ),
    path(
        "ca-nhan/<int:pk>/xem-xet/",
        people.PendingMatterCreateView.as_view(),
        name="person-review",
    ),
    path(
        "ca-nhan/<int:pk>/xem-xet/<int:matter>/ket-thuc/",
        people.PendingMatterCloseView.as_view(),
        name="person-review-close",
    ),
    path(
        "ca-nhan/<int:pk>/sang-kien/",
        people.InitiativeCreateView.as_view(),
        name="person-initiative",
    ),
    path("hoi-dong/", structure.CouncilListView.as_view(), name="council-list"),
    path(
        "hoi-dong/<int:pk>/",
        structure.CouncilDetailView.as_view(),
        name="council-detail",
    ),
    path(
        "hoi-dong/<int:pk>/them-thanh-vien/",
        structure.CouncilMemberAddView.as_view(),
        name="council-member-add",
    ),
    path(
        "hoi-dong/<int:pk>/thanh-vien/<int:member>/thoi/",
        bodies.CouncilMemberEndView.as_view(),
        name="council-member-end",
    ),
    path("cum-khoi/", structure.ClusterListView.as_view(), name="cluster-list"),
    path(
        "cum-khoi/<int:pk>/them-thanh-vien/",
        bodies.ClusterMemberAddView.as_view(),
        name="cluster-member-add",
    ),
    path(
        "cum-khoi/<int:pk>/cum-truong/",
        bodies.ClusterLeadershipView.as_view(),
        name="cluster-leadership",
    ),
    path(
        "cum-khoi/<int:pk>/",
        structure.ClusterDetailView.as_view(),
        name="cluster-detail",
    ),
]
