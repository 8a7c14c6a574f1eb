"""The archive: interviewees known only by a code, their interviews, consent, transcripts
and the coded journey.

No real identity is stored here: names, contacts and family belong to the identity vault.
What identifies in a testimony is sealed under the interviewee's own data key (fields ending
in `_sealed`, opened by journeys.archive.selectors): transcript texts, free notes, the exact
interview date, and places below province. What stays readable is what statistics count:
codes, years, provinces.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Exists, ExpressionWrapper, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from journeys.codebook.models import Term


class FamilyInNorth(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")


class Interviewee(models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    # The team whose members may see her record (None: the main team); see accounts.Team.
    team = models.ForeignKey(
        "accounts.Team", verbose_name=_("team"), on_delete=models.PROTECT, null=True, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"))
    home_province = models.ForeignKey(
        Term,
        verbose_name=_("home province"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "place", "level": "province"},
    )
    social_class = models.ForeignKey(
        Term,
        verbose_name=_("social class"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        limit_choices_to={"kind": "class"},
    )
    family_in_north = models.CharField(
        _("family remains in North Korea"),
        max_length=8,
        choices=FamilyInNorth.choices,
        default=FamilyInNorth.UNKNOWN,
    )
    data_key = models.OneToOneField(
        "keys.DataKey", on_delete=models.PROTECT, related_name="interviewee"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("interviewee")
        verbose_name_plural = _("interviewees")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Language(models.TextChoices):
    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    BOTH = "ko+en", _("Korean and English")


class ConsentUse(models.TextChoices):
    RECORD = "record", _("to record the interview")
    QUOTE = "quote", _("to quote it anonymously")
    STATISTICS = "statistics", _("to count it in statistics")
    SHARE = "share", _("to share it with partner organisations")


def consent_in_force(use: str) -> Q:
    """THE definition of "her consent to this use is in force", as a condition on interviews:
    the consent to this use was given (at the interview or later) and not withdrawn, and so was
    her consent to be recorded, because withdrawing that withdraws every use of her words.

    Every path that decides whether an interview may be used filters or annotates with this:
    the record page, the transcript and journey pages, search (`search.services`), the fact
    table of statistics (`reports.facts`, which takes the SQL Django writes for it), the release
    gate (`protection.gate`) and the demo releases. Nothing else reads `granted` or
    `withdrawn_on` to decide.
    """
    needed = {use, ConsentUse.RECORD}
    return Q(
        *(
            Exists(
                Consent.objects.filter(
                    interview=OuterRef("pk"), use=one, granted=True, withdrawn_on__isnull=True
                )
            )
            for one in sorted(needed)
        )
    )


class InterviewQuerySet(models.QuerySet):
    def consented_to(self, use: str) -> "InterviewQuerySet":
        """The interviews her consent to `use` is in force for (see consent_in_force)."""
        return self.filter(consent_in_force(use))

    def withdrawn(self) -> "InterviewQuerySet":
        """The interviews whose consent to be recorded is not in force (withdrawn): kept, as a
        date, but hidden from every use and every role but the administrator."""
        return self.exclude(consent_in_force(ConsentUse.RECORD))

    def with_consents_in_force(self) -> "InterviewQuerySet":
        """Each interview annotated `in_force_<use>` for every use, and `withdrawn`."""
        flags = {
            f"in_force_{use}": ExpressionWrapper(
                consent_in_force(use), output_field=models.BooleanField()
            )
            for use in ConsentUse.values
        }
        return self.annotate(**flags)


class Interview(models.Model):
    interviewee = models.ForeignKey(
        Interviewee, on_delete=models.PROTECT, related_name="interviews"
    )
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    date_sealed = models.BinaryField()
    year = models.PositiveSmallIntegerField(_("year of interview"))
    interviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interviewer"),
        on_delete=models.PROTECT,
        related_name="interviews",
    )
    language = models.CharField(
        _("language"), max_length=5, choices=Language.choices, default=Language.KOREAN
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["interviewee__code", "year", "id"]

    def __str__(self) -> str:
        return f"{self.interviewee.code} ({self.year})"


class Consent(models.Model):
    """Consent for one use of one interview, given on the interview's date or later
    (`granted_on`, for a use first refused). Withdrawal is a date and a reason (sealed under
    her data key), never a deletion. Whether it is in force is decided by consent_in_force,
    never by these columns alone."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="consents")
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    use = models.CharField(_("use"), max_length=12, choices=ConsentUse.choices)
    granted = models.BooleanField(_("granted"))
    # None: given at the interview; a date: a use first refused, given later.
    granted_on = models.DateField(_("given on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason_sealed = models.BinaryField(null=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(fields=["interview", "use"], name="archive_consent_use"),
        ]

    def __str__(self) -> str:
        return f"{self.interview} {self.use}"


class Speaker(models.TextChoices):
    INTERVIEWEE = "interviewee", _("Interviewee")
    INTERVIEWER = "interviewer", _("Interviewer")


class Segment(models.Model):
    """One passage of a transcript, in Korean, English or both side by side."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="segments")
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveIntegerField(_("position"))
    speaker = models.CharField(
        _("speaker"), max_length=12, choices=Speaker.choices, default=Speaker.INTERVIEWEE
    )
    text_ko_sealed = models.BinaryField(null=True)
    text_en_sealed = models.BinaryField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["interview", "position"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "position"], name="archive_segment_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.interview} #{self.position}"


class JourneyEvent(models.Model):
    """One step of a journey: a stage, what happened, where and when.

    Stages repeat (caught, sent back, detained, leaving again), so the order is explicit.
    """

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="events")
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveIntegerField(_("position"))
    stage = models.ForeignKey(
        Term, verbose_name=_("stage"), on_delete=models.PROTECT, related_name="+"
    )
    event_type = models.ForeignKey(
        Term, verbose_name=_("what happened"), on_delete=models.PROTECT, related_name="+"
    )
    # The province (or country) of the place: what filters and statistics count. A city or
    # town, which can identify, is sealed in place_detail_sealed as its codebook code.
    place = models.ForeignKey(
        Term,
        verbose_name=_("place"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    place_detail_sealed = models.BinaryField(null=True)
    facility = models.ForeignKey(
        Term,
        verbose_name=_("facility"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    start_year = models.PositiveSmallIntegerField(_("from (year)"), null=True, blank=True)
    start_month = models.PositiveSmallIntegerField(_("from (month)"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until (year)"), null=True, blank=True)
    end_month = models.PositiveSmallIntegerField(_("until (month)"), null=True, blank=True)
    price_yuan = models.PositiveIntegerField(_("price paid (yuan)"), null=True, blank=True)
    codes = models.ManyToManyField(
        Term,
        verbose_name=_("coding"),
        blank=True,
        related_name="+",
        help_text=_("Reasons, ways of leaving, work, violations, difficulties: what applies."),
    )
    notes_sealed = models.BinaryField(null=True)

    class Meta:
        verbose_name = _("journey event")
        verbose_name_plural = _("journey events")
        ordering = ["interview", "position"]
        indexes = [models.Index(fields=["stage", "interview"])]

    def __str__(self) -> str:
        return f"{self.interview} #{self.position} {self.event_type}"
