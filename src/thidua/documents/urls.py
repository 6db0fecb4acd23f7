from django.urls import path

from .views import draft_editor, drafts, register, signing

app_name = "documents"

urlpatterns = [
    path("van-ban-di/", register.RegisterView.as_view(), name="register"),
    path(
        "van-ban-di/thiet-lap/",
        register.RegisterSettingsView.as_view(),
        name="register-settings",
    ),
    path(
        "van-ban-di/<int:pk>/tep.<str:fmt>",
        register.DocumentFileView.as_view(),
        name="file",
    ),
    path(
        "van-ban-di/<int:pk>/goi.zip",
        register.DocumentPackageView.as_view(),
        name="package",
    ),
    path(
        "van-ban-di/<int:pk>/tep-kem-theo/<int:attachment>/",
        register.DeliveredAttachmentView.as_view(),
        name="attachment",
    ),
    path(
        "van-ban-di/<int:pk>/tao-lai-tep/",
        register.DocumentRerenderView.as_view(),
        name="rerender",
    ),
    path("van-ban-di/bo-cuc/", register.LayoutView.as_view(), name="layouts"),
    path(
        "van-ban-di/chung-thu-so/",
        signing.CredentialsView.as_view(),
        name="credentials",
    ),
    path(
        "van-ban-di/chung-thu-so/ca-nhan/",
        signing.PersonalCredentialsView.as_view(),
        name="personal-credentials",
    ),
    path(
        "tai-khoan/chung-thu-so/",
        signing.MyCredentialsView.as_view(),
        name="my-credentials",
    ),
    path(
        "van-ban-di/chung-thu-so/<int:pk>/ngung-dung/",
        signing.CredentialDeactivateView.as_view(),
        name="credential-deactivate",
    ),
    # Documents written in thidua (drafts) and their editor.
    path("van-ban/soan-thao/", drafts.DraftListView.as_view(), name="drafts"),
    path("van-ban/soan-thao/moi/", drafts.DraftCreateView.as_view(), name="drafts-new"),
    path(
        "van-ban/soan-thao/nhap-docx/",
        drafts.DraftImportView.as_view(),
        name="drafts-import",
    ),
    path(
        "van-ban/soan-thao/dan/",
        draft_editor.DraftPasteView.as_view(),
        name="drafts-paste",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/",
        drafts.DraftDetailView.as_view(),
        name="drafts-detail",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/soan/",
        draft_editor.DraftEditView.as_view(),
        name="drafts-edit",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/luu/",
        draft_editor.DraftSaveView.as_view(),
        name="drafts-save",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/xem-truoc/",
        draft_editor.DraftPreviewView.as_view(),
        name="drafts-preview",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/chuyen/",
        drafts.DraftMoveView.as_view(),
        name="drafts-move",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/tep.<str:fmt>",
        drafts.DraftFileView.as_view(),
        name="drafts-file",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/dinh-kem/",
        drafts.DraftAttachView.as_view(),
        name="drafts-attach",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/dinh-kem/<int:attachment>/",
        drafts.DraftAttachmentView.as_view(),
        name="drafts-attachment",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/dinh-kem/<int:attachment>/bo/",
        drafts.DraftDetachView.as_view(),
        name="drafts-detach",
    ),
    path(
        "van-ban/soan-thao/<int:pk>/luu-mau/",
        drafts.DraftTemplateView.as_view(),
        name="drafts-template",
    ),
    # Before decisions' "xac-minh/<code>/" (documents' URLs are included first).
    path(
        "xac-minh/van-ban/",
        signing.PublicVerifyView.as_view(),
        name="verify-pdf",
    ),
]
