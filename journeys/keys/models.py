"""Data keys: one per record, readable only with the archive's key-encryption key
(journeys.keys.keyring)."""

from django.db import models


class DataKey(models.Model):
    """One record's own AES-256 key, wrapped by the key-encryption key.

    Every interviewee has one; her identity, transcripts, notes, exact dates and places below
    province are sealed under it, so one leaked data key opens one woman's record, not all.
    """

    wrapped = models.BinaryField()
    kek_id = models.CharField(max_length=16, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table the vault app created before keys became an app of their own: archives
        # made then migrate without touching a row (migrations keys 0001, vault 0002).
        db_table = "vault_datakey"

    def __str__(self) -> str:
        return f"data key {self.pk} ({self.kek_id})"
