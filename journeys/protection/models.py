"""Review of identifying details, and the released versions of testimonies.

Text leaves Journeys only as a TextRelease (journeys.protection.gate): a pseudonymised copy
of an interview's transcript, made when every segment was reviewed in the form it has now,
and handed out only while the interviewee's consent to that use is in force.

What quotes a testimony is sealed under the interviewee's data key, like the transcript
itself: the reviewer's decisions (they name the details) and the released text (it is still
her story, and a draft until published).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from journeys.archive.models import ConsentUse, Interview


class TestimonyReview(models.Model):
    """The reviewer's decisions on one interview's details.

    Sealed JSON {"decisions": {"<lang>|<text>": {"action": "reject" | "edit",
    "replacement": "..."}}, "extra": [[form, label], ...]}: a decision applies to a detail
    wherever it occurs, so one click keeps a pseudonym consistent; accepting is the default
    and needs no entry. `extra` are the details a reviewer marked as missed.
    """

    interview = models.OneToOneField(Interview, on_delete=models.CASCADE, related_name="review")
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    decisions_sealed = models.BinaryField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"review of {self.interview}"


class SegmentReview(models.Model):
    """A segment marked reviewed, for the exact text and replacements the reviewer saw.

    `digest` is a keyed hash of the segment's texts and final replacements: when either
    changes (an edit of the transcript, a new decision, a detail marked missed), the digest
    no longer matches and the segment needs a review again before any release.
    """

    interview = models.ForeignKey(
        Interview, on_delete=models.CASCADE, related_name="segment_reviews"
    )
    position = models.PositiveIntegerField()
    digest = models.CharField(max_length=64)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["interview", "position"], name="protection_segment_review_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interview} #{self.position} reviewed"


class ReleaseUse(models.TextChoices):
    """The consented uses a released version may serve."""

    QUOTE = ConsentUse.QUOTE.value, _("quoted anonymously in a report")
    SHARE = ConsentUse.SHARE.value, _("shared with partner organisations")


class TextRelease(models.Model):
    interview = models.ForeignKey(Interview, on_delete=models.PROTECT, related_name="releases")
    rid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    use = models.CharField(_("use"), max_length=12, choices=ReleaseUse.choices)
    policy = models.JSONField(_("pseudonymisation policy"), default=dict)
    # Sealed JSON [{"position", "speaker", "text_ko", "text_en"}, ...]: the pseudonymised text.
    segments_sealed = models.BinaryField()
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    released_at = models.DateTimeField(_("released at"), auto_now_add=True)

    class Meta:
        verbose_name = _("released version")
        verbose_name_plural = _("released versions")
        ordering = ["-released_at", "-id"]

    def __str__(self) -> str:
        return f"{self.interview} {self.use} {self.released_at:%Y-%m-%d}"


class Excerpt(models.Model):
    """A passage of a released version a publisher chose for the report."""

    release = models.ForeignKey(TextRelease, on_delete=models.CASCADE, related_name="excerpts")
    position = models.PositiveIntegerField()
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["release__interview__interviewee__code", "release_id", "position"]
        constraints = [
            models.UniqueConstraint(fields=["release", "position"], name="protection_excerpt_once"),
        ]

    def __str__(self) -> str:
        return f"{self.release} #{self.position}"
