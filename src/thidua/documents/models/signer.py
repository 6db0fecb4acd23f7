from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["DelegatedSignerFields", "SignerFields"]


class SignerFields(models.Model):
    """The signature block of an issued text (NĐ 30/2020, Phụ lục I): the signer's
    title and full name, as printed above and below the signature."""

    signer_title = models.CharField(_("chức vụ người ký"), max_length=160)
    signer_name = models.CharField(_("họ tên người ký"), max_length=120)

    class Meta:
        abstract = True


class DelegatedSignerFields(SignerFields):
    """A signature block that may sign on behalf of someone else: the authority
    (TM., KT., TL., TUQ., Q.) and whom the signer signs for."""

    signer_authority = models.CharField(
        _("quyền hạn ký"),
        max_length=8,
        blank=True,
        help_text=_("TM., KT., TL., TUQ., Q."),
    )
    signer_principal = models.CharField(
        _("ký thay cho"),
        max_length=160,
        blank=True,
        help_text=_(
            "Với KT./TM./TL.: chức vụ người đứng đầu hoặc tên tập thể, ví dụ GIÁM ĐỐC."
        ),
    )

    class Meta:
        abstract = True

    @property
    def signer_lines(self) -> tuple[str, ...]:
        """Ô 7a/7b as printed, upper case: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", or one
        line for the acting head, "Q. GIÁM ĐỐC" (rendering.spec.Signer.title_lines)."""
        from thidua.documents.rendering.spec import Signer  # noqa: PLC0415 (the renderer is heavy; models load first)

        return Signer(
            self.signer_title,
            self.signer_name,
            authority=self.signer_authority or None,
            principal=self.signer_principal or None,
        ).title_lines

    @property
    def signer_text(self) -> str:
        """The signer block on one line, for pages and the audit: "KT. Giám đốc Sở –
        Phó Giám đốc Sở Trần Văn B"."""
        if self.signer_authority and not self.signer_principal:
            head = f"{self.signer_authority} {self.signer_title}"
        elif self.signer_authority:
            head = (
                f"{self.signer_authority} {self.signer_principal} – {self.signer_title}"
            )
        else:
            head = self.signer_title
        return f"{head} {self.signer_name}".strip()
