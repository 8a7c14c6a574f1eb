"""Every action the audit trail records, with the label the audit page shows for it.

This is the one list: docs/audit.md describes these actions, tests/audit/test_actions.py fails
when the code writes an action that is not here, and when an action here is asserted by no
test (`tests.audit.helpers.assert_audited`). An action is a stable code in the trail (it is
sealed into the chain), so a label may change; a code never does.
"""

from django.utils.translation import pgettext_lazy

# The context (written out in each call, so that makemessages can read it) keeps these short
# labels apart from the same words elsewhere in the catalogue.

ACTIONS = {
    "access.refused": pgettext_lazy("audit action", "Access refused"),
    "accounts.second_factor.reset": pgettext_lazy("audit action", "Second factor reset"),
    "accounts.user.created": pgettext_lazy("audit action", "Account created"),
    "accounts.user.disabled": pgettext_lazy("audit action", "Account disabled"),
    "accounts.user.password_reset": pgettext_lazy("audit action", "Password reset"),
    "accounts.user.role_changed": pgettext_lazy("audit action", "Role changed"),
    "archive.consent.given": pgettext_lazy("audit action", "Consent given later"),
    "archive.consent.withdrawn": pgettext_lazy("audit action", "Consent withdrawn"),
    "archive.event.added": pgettext_lazy("audit action", "Journey event added"),
    "archive.event.changed": pgettext_lazy("audit action", "Journey event changed"),
    "archive.event.deleted": pgettext_lazy("audit action", "Journey event deleted"),
    "archive.event.moved": pgettext_lazy("audit action", "Journey event moved"),
    "archive.interview.changed": pgettext_lazy("audit action", "Interview corrected"),
    "archive.interview.created": pgettext_lazy("audit action", "Interview recorded"),
    "archive.interview.read": pgettext_lazy("audit action", "Interview opened to correct it"),
    "archive.interviewee.changed": pgettext_lazy("audit action", "Interviewee corrected"),
    "archive.interviewee.created": pgettext_lazy("audit action", "Interviewee added"),
    "archive.interviewee.erased": pgettext_lazy("audit action", "Record erased at her request"),
    "archive.journey.read": pgettext_lazy("audit action", "Coded journey read"),
    "archive.record.read": pgettext_lazy("audit action", "Record read"),
    "archive.transcript.read": pgettext_lazy("audit action", "Transcript read"),
    "archive.transcript.saved": pgettext_lazy("audit action", "Transcript saved"),
    "archive.withdrawn.refused": pgettext_lazy("audit action", "Withdrawn interview refused"),
    "audit.trail.read": pgettext_lazy("audit action", "Audit trail read"),
    "audit.trail.verified": pgettext_lazy("audit action", "Audit trail verified"),
    "auth.reauth.failed": pgettext_lazy("audit action", "Confirmation of password and code failed"),
    "auth.reauth.succeeded": pgettext_lazy("audit action", "Password and code confirmed again"),
    "auth.second_factor.enrolled": pgettext_lazy("audit action", "Authenticator app set up"),
    "auth.second_factor.enrolment_failed": pgettext_lazy(
        "audit action", "Authenticator app set-up failed"
    ),
    "auth.second_factor.failed": pgettext_lazy("audit action", "Wrong sign-in code"),
    "auth.signin.failed": pgettext_lazy("audit action", "Sign-in failed"),
    "auth.signin.password_accepted": pgettext_lazy("audit action", "Password accepted"),
    "auth.signin.succeeded": pgettext_lazy("audit action", "Signed in"),
    "auth.signout": pgettext_lazy("audit action", "Signed out"),
    "codebook.term.created": pgettext_lazy("audit action", "Codebook term added"),
    "export.backup": pgettext_lazy("audit action", "Backup made"),
    "protection.decision": pgettext_lazy("audit action", "Replacement of a detail decided"),
    "protection.excerpt.chosen": pgettext_lazy("audit action", "Excerpt chosen for the report"),
    "protection.excerpt.refused": pgettext_lazy("audit action", "Excerpt refused"),
    "protection.excerpt.removed": pgettext_lazy("audit action", "Excerpt taken out of the report"),
    "protection.missed": pgettext_lazy("audit action", "Missed detail marked"),
    "protection.policy": pgettext_lazy("audit action", "Pseudonymisation policy set"),
    "protection.release.exported": pgettext_lazy("audit action", "Released text downloaded"),
    "protection.release.refused": pgettext_lazy("audit action", "Release refused"),
    "protection.release.viewed": pgettext_lazy("audit action", "Released text read"),
    "protection.released": pgettext_lazy("audit action", "Text released"),
    "protection.review.viewed": pgettext_lazy("audit action", "Review of identifying details read"),
    "protection.reviewed": pgettext_lazy("audit action", "Passages marked as reviewed"),
    "reports.release": pgettext_lazy("audit action", "Statistics released"),
    "reports.release.refused": pgettext_lazy("audit action", "Statistics release refused"),
    "reports.report": pgettext_lazy("audit action", "Report written"),
    "reports.view": pgettext_lazy("audit action", "Statistics read"),
    "search.rebuilt": pgettext_lazy("audit action", "Search index rebuilt"),
    "search.reindexed": pgettext_lazy("audit action", "Search index brought up to date"),
    "search.searched": pgettext_lazy("audit action", "Searched"),
    "vault.backup.restored": pgettext_lazy("audit action", "Backup restored"),
    "vault.decryption.failed": pgettext_lazy("audit action", "Sealed data failed to open"),
    "vault.identity.changed": pgettext_lazy("audit action", "Identity corrected"),
    "vault.identity.looked_up": pgettext_lazy("audit action", "Identity looked up"),
    "vault.identity.revealed": pgettext_lazy("audit action", "Identity revealed"),
    "vault.identity.saved": pgettext_lazy("audit action", "Identity recorded"),
    "vault.policy.changed": pgettext_lazy("audit action", "Vault policy changed"),
}


def label_of(action: str) -> str:
    """The action's label in the active language; an action missing from the list (from a
    newer or older version of Journeys) shows as its code rather than as nothing."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


# What the detail's keys mean, for the page. A key not named here is shown as it is written.
DETAIL_LABELS = {
    "action": pgettext_lazy("audit detail", "action"),
    "age": pgettext_lazy("audit detail", "ages"),
    "backup": pgettext_lazy("audit detail", "backup"),
    "changed": pgettext_lazy("audit detail", "changed"),
    "code": pgettext_lazy("audit detail", "code"),
    "command": pgettext_lazy("audit detail", "command"),
    "consent": pgettext_lazy("audit detail", "consent"),
    "contact": pgettext_lazy("audit detail", "contacts"),
    "date": pgettext_lazy("audit detail", "dates"),
    "entries": pgettext_lazy("audit detail", "entries"),
    "erased_again": pgettext_lazy("audit detail", "erased again"),
    "event": pgettext_lazy("audit detail", "event"),
    "fields": pgettext_lazy("audit detail", "fields"),
    "filters": pgettext_lazy("audit detail", "filters"),
    "format": pgettext_lazy("audit detail", "format"),
    "found": pgettext_lazy("audit detail", "found"),
    "from": pgettext_lazy("audit detail", "role before"),
    "hits": pgettext_lazy("audit detail", "results"),
    "intact": pgettext_lazy("audit detail", "intact"),
    "interview": pgettext_lazy("audit detail", "interview"),
    "interviewee": pgettext_lazy("audit detail", "interviewee"),
    "interviewers_may_reveal": pgettext_lazy("audit detail", "interviewers may reveal"),
    "kind": pgettext_lazy("audit detail", "kind"),
    "label": pgettext_lazy("audit detail", "label"),
    "lang": pgettext_lazy("audit detail", "language"),
    "made": pgettext_lazy("audit detail", "made"),
    "method": pgettext_lazy("audit detail", "method"),
    "min_cell": pgettext_lazy("audit detail", "smallest cell shown"),
    "n": pgettext_lazy("audit detail", "number"),
    "occurrences": pgettext_lazy("audit detail", "occurrences"),
    "on": pgettext_lazy("audit detail", "date"),
    "org": pgettext_lazy("audit detail", "organisations"),
    "page": pgettext_lazy("audit detail", "page"),
    "path": pgettext_lazy("audit detail", "path"),
    "person": pgettext_lazy("audit detail", "people"),
    "place": pgettext_lazy("audit detail", "places"),
    "position": pgettext_lazy("audit detail", "position"),
    "problem": pgettext_lazy("audit detail", "problem"),
    "query": pgettext_lazy("audit detail", "query (keyed digest)"),
    "reason": pgettext_lazy("audit detail", "reason"),
    "releases": pgettext_lazy("audit detail", "releases"),
    "role": pgettext_lazy("audit detail", "role"),
    "scope": pgettext_lazy("audit detail", "scope"),
    "segments": pgettext_lazy("audit detail", "passages"),
    "seq": pgettext_lazy("audit detail", "entry"),
    "snippets": pgettext_lazy("audit detail", "excerpts shown"),
    "table": pgettext_lazy("audit detail", "table"),
    "tables": pgettext_lazy("audit detail", "tables"),
    "to": pgettext_lazy("audit detail", "role after"),
    "use": pgettext_lazy("audit detail", "use"),
    "why": pgettext_lazy("audit detail", "why"),
    "words": pgettext_lazy("audit detail", "words searched"),
    "words_ignored": pgettext_lazy("audit detail", "words ignored"),
    "year": pgettext_lazy("audit detail", "years"),
}
