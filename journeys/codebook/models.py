"""The bilingual controlled vocabulary that every form, filter and statistic is coded against."""

import uuid

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    STAGE = "stage", _("Stage of the journey")
    EVENT_TYPE = "event_type", _("Event type")
    PLACE = "place", _("Place")
    FACILITY_TYPE = "facility_type", _("Detention facility type")
    FACILITY = "facility", _("Detention facility")
    AGENCY = "agency", _("Agency")
    REASON_LEAVING = "reason_leaving", _("Reason for leaving")
    WAY_LEAVING = "way_leaving", _("Way of leaving")
    WORK_CHINA = "work_china", _("Work in China")
    SITUATION_CHINA = "situation_china", _("Situation in China")
    VIOLATION = "violation", _("Violation")
    TRANSIT_COUNTRY = "transit_country", _("Transit country")
    DIFFICULTY_SK = "difficulty_sk", _("Difficulty in South Korea")
    SOCIAL_CLASS = "class", _("Social class")


class PlaceLevel(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province")
    CITY = "city", _("City or county")
    TOWN = "town", _("Town or village")


class Term(models.Model):
    """One entry of the codebook: a place, a facility type, a reason, a violation, ...

    `code` is the stable identifier that data files, demo data and tests use; the labels
    may be corrected without touching any coded record.
    """

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    code = models.SlugField(_("code"), max_length=80)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    located_in = models.ForeignKey(
        "self",
        verbose_name=_("located in"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("For a facility: the place where it stands."),
    )
    level = models.CharField(_("level"), max_length=10, choices=PlaceLevel.choices, blank=True)
    label_ko = models.CharField(_("Korean label"), max_length=200)
    label_en = models.CharField(_("English label"), max_length=200)
    description_ko = models.TextField(_("Korean description"), blank=True)
    description_en = models.TextField(_("English description"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("codebook term")
        verbose_name_plural = _("codebook terms")
        ordering = ["kind", "sort_order", "label_en"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "code"], name="codebook_term_kind_code"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The label in the active language."""
        return self.label_en if (get_language() or "ko").startswith("en") else self.label_ko

    @property
    def labels(self) -> str:
        """Both labels, the active language first: "혜산 (Hyesan)"."""
        first, second = (
            (self.label_en, self.label_ko)
            if (get_language() or "ko").startswith("en")
            else (self.label_ko, self.label_en)
        )
        return first if first == second else f"{first} ({second})"


class Alias(models.Model):
    """Another spelling of a term: North or South Korean, a romanisation, a Chinese name.

    `folded` is the spelling after journeys.lib.hangul.fold(), which is what look-ups match,
    so 량강도, 양강도 and "Yanggang-do" all find one place.
    """

    class Script(models.TextChoices):
        KO_NORTH = "ko-north", _("North Korean spelling")
        KO_SOUTH = "ko-south", _("South Korean spelling")
        ROMAN = "roman", _("Romanisation")
        CHINESE = "zh", _("Chinese")
        OTHER = "other", _("Other")

    term = models.ForeignKey(Term, on_delete=models.CASCADE, related_name="aliases")
    text = models.CharField(_("spelling"), max_length=200)
    folded = models.CharField(max_length=200, db_index=True, editable=False)
    script = models.CharField(_("script"), max_length=10, choices=Script.choices)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        constraints = [
            models.UniqueConstraint(fields=["term", "text"], name="codebook_alias_term_text"),
        ]

    def __str__(self) -> str:
        return self.text


class CodebookVersion(models.Model):
    """Which version of the codebook data file was loaded, and when."""

    version = models.CharField(max_length=40)
    loaded_at = models.DateTimeField(auto_now_add=True)
    terms_created = models.PositiveIntegerField(default=0)
    terms_updated = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-loaded_at"]

    def __str__(self) -> str:
        return self.version


class CodebookRevision(models.Model):
    """One row whose token changes with every change to terms or their spellings (the codebook
    services, in the change's transaction). Caches of codebook data, in any process, compare
    it to know when to rebuild (journeys/codebook/cache.py).

    A random token, not a counter: a counter could come back to a number already seen after
    a change that was rolled back, and a cache built inside that change would pass for fresh."""

    token = models.UUIDField(default=uuid.uuid4)

    def __str__(self) -> str:
        return str(self.token)
