from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from thidua.common.awards import AWARD_CODES, AwardType

__all__ = ["AwardSubject", "one_subject", "once_per_subject"]

IS_PERSON = Q(person__isnull=False, agency__isnull=True)
IS_AGENCY = Q(person__isnull=True, agency__isnull=False)


def one_subject(
    name: str = "%(class)s_one_subject", *, unless: Q | None = None
) -> models.CheckConstraint:
    """The CHECK that a row names a person or a collective, never both, never neither
    (``unless`` widens it for the rows that legitimately name no local subject)."""
    condition = IS_PERSON | IS_AGENCY
    if unless is not None:
        condition |= unless
    return models.CheckConstraint(condition=condition, name=name)


def once_per_subject(
    when: Q, *, person_name: str, agency_name: str
) -> list[models.UniqueConstraint]:
    """One row per subject, title and year among the rows ``when`` selects."""
    return [
        models.UniqueConstraint(
            fields=["person", "code", "year"],
            condition=Q(person__isnull=False) & when,
            name=person_name,
        ),
        models.UniqueConstraint(
            fields=["agency", "code", "year"],
            condition=Q(agency__isnull=False) & when,
            name=agency_name,
        ),
    ]


class AwardSubject(models.Model):
    """Who is (to be) commended, with what, for which year: a person XOR a collective
    (an agency or unit), the award code, its type and the year of the achievement.

    Shared by the register (``awards.Award``), the dossier (``nominations.Nomination``)
    and a line of a tờ trình (``submissions.SubmissionItem``). The CHECK is named
    ``<class>_one_subject`` (``award_one_subject``, ``nomination_one_subject``, …); a
    subclass that declares its own ``Meta.constraints`` lists
    ``*AwardSubject.Meta.constraints`` or its own :func:`one_subject`.
    """

    person = models.ForeignKey(
        "organizations.Person",
        verbose_name=_("cá nhân"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    agency = models.ForeignKey(
        "organizations.Agency",
        verbose_name=_("tập thể"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    code = models.CharField(
        _("danh hiệu, hình thức"), max_length=16, choices=AWARD_CODES
    )
    award_type = models.CharField(
        _("loại hình"),
        max_length=12,
        choices=AwardType.choices,
        default=AwardType.CONG_TRANG,
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))

    class Meta:
        abstract = True
        constraints = [one_subject()]

    @property
    def subject(self):
        """The person or the agency (None only where the CHECK lets neither be set)."""
        return self.person or self.agency

    @property
    def subject_name(self) -> str:
        subject = self.subject
        return "" if subject is None else str(subject)

    @property
    def is_collective(self) -> bool:
        return self.agency_id is not None
