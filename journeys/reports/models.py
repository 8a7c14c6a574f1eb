"""The register of every statistical release: what was published, over whom, by whom.

A release keeps the published cells (suppressed ones as null), so each new table can be
checked against everything published before (journeys.reports.disclosure.check_differencing).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Release(models.Model):
    table = models.CharField(_("table"), max_length=60, db_index=True)
    # The population the table counted: one team's archive (None: the main team).
    team = models.ForeignKey(
        "accounts.Team", verbose_name=_("team"), on_delete=models.PROTECT, null=True, blank=True
    )
    parameters = models.JSONField(_("parameters"), default=dict)
    # {"cell key": count or null when suppressed}; keys as journeys.reports.disclosure.cell_key.
    cells = models.JSONField(_("published cells"))
    released_at = models.DateTimeField(_("released at"), auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("statistical release")
        verbose_name_plural = _("statistical releases")
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return f"{self.table} {self.released_at:%Y-%m-%d}"


class Fact(models.Model):
    """What statistics count, one row per woman and fact: a narrow table kept by
    `journeys.reports.facts.refresh` in the transaction of every archive write that changes
    what may be counted (consent, events), so that each statistic is one GROUP BY over an
    index. Only counted data is here: women with statistics consent in force, and what their
    counted interviews told. Never shown as it is: it is counted, then suppressed."""

    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, null=True, related_name="+")
    woman = models.ForeignKey("archive.Interviewee", on_delete=models.CASCADE, related_name="+")
    # Her filters, copied so that a filtered count needs no join.
    birth_year = models.IntegerField(null=True)
    province = models.CharField(max_length=60)
    # A codebook kind (reason_leaving, ...) or one of facts.py's own, which start with "_".
    kind = models.CharField(max_length=40)
    code = models.CharField(max_length=60)
    # How many: 1, except for prices (sales at that price).
    n = models.IntegerField(default=1)

    class Meta:
        indexes = [
            models.Index(
                fields=["team", "kind", "code", "province", "birth_year"], name="fact_count"
            ),
            models.Index(fields=["woman"], name="fact_woman"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.code}"
