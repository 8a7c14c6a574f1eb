"""Every action the audit trail records, with the label the audit page shows for it.

This is the one list: docs/audit.md describes these actions, tests/audit/test_actions.py fails
when the code writes an action that is not here, and when an action here is asserted by no
test (`tests.audit.helpers.assert_audited`). An action is a stable code in the trail (it is
sealed into the chain), so a label may change; a code never does.
"""

from django.utils.translation import pgettext_lazy

# The context keeps these short labels apart from the same words elsewhere in the catalogue.
C = "audit action"

ACTIONS = {
    "access.refused": pgettext_lazy(C, "Access refused"),
    "accounts.second_factor.reset": pgettext_lazy(C, "Second factor reset"),
    "accounts.user.created": pgettext_lazy(C, "Account created"),
    "accounts.user.disabled": pgettext_lazy(C, "Account disabled"),
    "accounts.user.password_reset": pgettext_lazy(C, "Password reset"),
    "accounts.user.role_changed": pgettext_lazy(C, "Role changed"),
    "archive.consent.given": pgettext_lazy(C, "Consent given"),
    "archive.consent.withdrawn": pgettext_lazy(C, "Consent withdrawn"),
    "archive.event.added": pgettext_lazy(C, "Journey event added"),
    "archive.event.changed": pgettext_lazy(C, "Journey event changed"),
    "archive.event.deleted": pgettext_lazy(C, "Journey event deleted"),
    "archive.event.moved": pgettext_lazy(C, "Journey event moved"),
    "archive.interview.changed": pgettext_lazy(C, "Interview corrected"),
    "archive.interview.created": pgettext_lazy(C, "Interview recorded"),
    "archive.interview.read": pgettext_lazy(C, "Interview read"),
    "archive.interviewee.changed": pgettext_lazy(C, "Interviewee's details corrected"),
    "archive.interviewee.created": pgettext_lazy(C, "Interviewee added"),
    "archive.interviewee.erased": pgettext_lazy(C, "Record erased at her request"),
    "archive.journey.read": pgettext_lazy(C, "Coded journey read"),
    "archive.record.read": pgettext_lazy(C, "Record read"),
    "archive.transcript.read": pgettext_lazy(C, "Transcript read"),
    "archive.transcript.saved": pgettext_lazy(C, "Transcript saved"),
    "archive.withdrawn.refused": pgettext_lazy(C, "Withdrawn interview refused"),
    "audit.trail.read": pgettext_lazy(C, "Audit trail read"),
    "audit.trail.verified": pgettext_lazy(C, "Audit trail verified"),
    "auth.reauth.failed": pgettext_lazy(C, "Confirmation of password and code failed"),
    "auth.reauth.succeeded": pgettext_lazy(C, "Password and code confirmed again"),
    "auth.second_factor.enrolled": pgettext_lazy(C, "Authenticator app set up"),
    "auth.second_factor.enrolment_failed": pgettext_lazy(C, "Authenticator app set-up failed"),
    "auth.second_factor.failed": pgettext_lazy(C, "Wrong sign-in code"),
    "auth.signin.failed": pgettext_lazy(C, "Sign-in failed"),
    "auth.signin.password_accepted": pgettext_lazy(C, "Password accepted"),
    "auth.signin.succeeded": pgettext_lazy(C, "Signed in"),
    "auth.signout": pgettext_lazy(C, "Signed out"),
    "codebook.term.created": pgettext_lazy(C, "Codebook term added"),
    "export.backup": pgettext_lazy(C, "Backup made"),
    "protection.decision": pgettext_lazy(C, "Replacement of a detail decided"),
    "protection.excerpt.chosen": pgettext_lazy(C, "Excerpt chosen for the report"),
    "protection.excerpt.refused": pgettext_lazy(C, "Excerpt refused"),
    "protection.excerpt.removed": pgettext_lazy(C, "Excerpt taken out of the report"),
    "protection.missed": pgettext_lazy(C, "Missed detail marked"),
    "protection.policy": pgettext_lazy(C, "Pseudonymisation policy set"),
    "protection.release.exported": pgettext_lazy(C, "Released text downloaded"),
    "protection.release.refused": pgettext_lazy(C, "Release refused"),
    "protection.release.viewed": pgettext_lazy(C, "Released text read"),
    "protection.released": pgettext_lazy(C, "Text released"),
    "protection.review.viewed": pgettext_lazy(C, "Review of identifying details read"),
    "protection.reviewed": pgettext_lazy(C, "Passages marked as reviewed"),
    "reports.release": pgettext_lazy(C, "Statistics released"),
    "reports.release.refused": pgettext_lazy(C, "Statistics release refused"),
    "reports.report": pgettext_lazy(C, "Report written"),
    "reports.view": pgettext_lazy(C, "Statistics read"),
    "search.rebuilt": pgettext_lazy(C, "Search index rebuilt"),
    "search.reindexed": pgettext_lazy(C, "Search index brought up to date"),
    "search.searched": pgettext_lazy(C, "Searched"),
    "vault.backup.restored": pgettext_lazy(C, "Backup restored"),
    "vault.decryption.failed": pgettext_lazy(C, "Sealed data failed to open"),
    "vault.identity.changed": pgettext_lazy(C, "Identity corrected"),
    "vault.identity.looked_up": pgettext_lazy(C, "Identity looked up"),
    "vault.identity.revealed": pgettext_lazy(C, "Identity revealed"),
    "vault.identity.saved": pgettext_lazy(C, "Identity recorded"),
    "vault.policy.changed": pgettext_lazy(C, "Vault policy changed"),
}


def label_of(action: str) -> str:
    """The action's label in the active language; an action missing from the list (from a
    newer or older version of Journeys) shows as its code rather than as nothing."""
    label = ACTIONS.get(action)
    return str(label) if label is not None else action


D = "audit detail"

# What the detail's keys mean, for the page. A key not named here is shown as it is written.
DETAIL_LABELS = {
    "action": pgettext_lazy(D, "action"),
    "age": pgettext_lazy(D, "ages"),
    "backup": pgettext_lazy(D, "backup"),
    "changed": pgettext_lazy(D, "changed"),
    "code": pgettext_lazy(D, "code"),
    "command": pgettext_lazy(D, "command"),
    "consent": pgettext_lazy(D, "consent"),
    "contact": pgettext_lazy(D, "contacts"),
    "date": pgettext_lazy(D, "dates"),
    "entries": pgettext_lazy(D, "entries"),
    "erased_again": pgettext_lazy(D, "erased again"),
    "event": pgettext_lazy(D, "event"),
    "fields": pgettext_lazy(D, "fields"),
    "filters": pgettext_lazy(D, "filters"),
    "format": pgettext_lazy(D, "format"),
    "found": pgettext_lazy(D, "found"),
    "from": pgettext_lazy(D, "from"),
    "hits": pgettext_lazy(D, "results"),
    "intact": pgettext_lazy(D, "intact"),
    "interview": pgettext_lazy(D, "interview"),
    "interviewee": pgettext_lazy(D, "interviewee"),
    "interviewers_may_reveal": pgettext_lazy(D, "interviewers may reveal"),
    "kind": pgettext_lazy(D, "kind"),
    "label": pgettext_lazy(D, "label"),
    "lang": pgettext_lazy(D, "language"),
    "made": pgettext_lazy(D, "made"),
    "method": pgettext_lazy(D, "method"),
    "min_cell": pgettext_lazy(D, "smallest cell shown"),
    "n": pgettext_lazy(D, "number"),
    "occurrences": pgettext_lazy(D, "occurrences"),
    "on": pgettext_lazy(D, "on"),
    "org": pgettext_lazy(D, "organisations"),
    "page": pgettext_lazy(D, "page"),
    "path": pgettext_lazy(D, "path"),
    "person": pgettext_lazy(D, "people"),
    "place": pgettext_lazy(D, "places"),
    "position": pgettext_lazy(D, "position"),
    "problem": pgettext_lazy(D, "problem"),
    "query": pgettext_lazy(D, "query (keyed digest)"),
    "reason": pgettext_lazy(D, "reason"),
    "releases": pgettext_lazy(D, "releases"),
    "role": pgettext_lazy(D, "role"),
    "scope": pgettext_lazy(D, "scope"),
    "segments": pgettext_lazy(D, "passages"),
    "seq": pgettext_lazy(D, "entry"),
    "snippets": pgettext_lazy(D, "excerpts shown"),
    "table": pgettext_lazy(D, "table"),
    "tables": pgettext_lazy(D, "tables"),
    "to": pgettext_lazy(D, "to"),
    "use": pgettext_lazy(D, "use"),
    "why": pgettext_lazy(D, "why"),
    "words": pgettext_lazy(D, "words searched"),
    "words_ignored": pgettext_lazy(D, "words ignored"),
    "year": pgettext_lazy(D, "years"),
}
