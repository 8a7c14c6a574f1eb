"""The roles, and the rule that every view names the roles that may use it.

Deny by default: a view that does not say who may use it is refused to everybody
(RoleRequiredMiddleware), and tests/test_role_matrix.py fails on any such URL.
"""

from collections.abc import Callable
from functools import wraps

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    INTERVIEWER = "interviewer", _("Interviewer")
    CODER = "coder", _("Coder")
    RESEARCHER = "researcher", _("Researcher")
    PUBLISHER = "publisher", _("Publisher")
    CUSTODIAN = "custodian", _("Custodian")


ALL_ROLES = frozenset(Role)

# The role sets the views use, named after what they allow so the matrix reads like policy.
# The custodian keeps the identity vault and reads no testimony: no one role sees both who a
# woman is and what she said (the administrator sees testimonies, not identities).
READ_ARCHIVE = ALL_ROLES - {Role.CUSTODIAN}
KEEP_IDENTITIES = frozenset({Role.CUSTODIAN})
# Interviewers may reveal the women they interviewed only where an administrator allows it
# (VaultPolicy); the view checks that per record.
REVEAL_IDENTITY = frozenset({Role.CUSTODIAN, Role.INTERVIEWER})
INTAKE = frozenset({Role.ADMINISTRATOR, Role.INTERVIEWER})
TRANSCRIBE = frozenset({Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER})
READ_TRANSCRIPT = frozenset({Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER, Role.PUBLISHER})
# Sealed details (exact interview dates, places below province, free notes, transcripts)
# identify a woman as surely as her words do: the roles that read transcripts, and no other,
# have them opened (archive.selectors.interviewee_record). The researcher counts journeys
# from the readable columns: years, provinces and codes.
READ_SEALED_DETAILS = READ_TRANSCRIPT
CODE_JOURNEY = frozenset({Role.ADMINISTRATOR, Role.INTERVIEWER, Role.CODER})
# Reviewing the details found in a testimony needs someone who reads it; releasing the
# pseudonymised text, and choosing what the report quotes, is the publisher's decision.
REVIEW_TEXT = frozenset({Role.ADMINISTRATOR, Role.INTERVIEWER, Role.PUBLISHER})
RELEASE_TEXT = frozenset({Role.ADMINISTRATOR, Role.PUBLISHER})
MANAGE_CODEBOOK = frozenset({Role.ADMINISTRATOR})
MANAGE_USERS = frozenset({Role.ADMINISTRATOR})

PUBLIC = "public"


def roles_required(*role_sets: frozenset | Role) -> Callable:
    """Mark a view as usable by the given roles (sets or single roles, merged)."""
    allowed: set[str] = set()
    for item in role_sets:
        allowed |= {item} if isinstance(item, str) else set(item)

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            return view(request, *args, **kwargs)

        wrapper.allowed_roles = frozenset(allowed)
        return wrapper

    return decorate


def public(view):
    """Mark a view as usable without signing in (sign-in page, language switch)."""
    view.allowed_roles = PUBLIC
    return view


def password_verified_only(view):
    """Mark a view every role may open after the password but before the second factor.

    Only the pages that complete (or abandon) a sign-in are marked: the code page, the
    enrolment page and sign-out. Every other page needs the code too (RoleRequiredMiddleware).
    """
    view.allowed_roles = ALL_ROLES
    view.before_second_factor = True
    return view


def allowed_before_second_factor(view) -> bool:
    return any(
        getattr(candidate, "before_second_factor", False)
        for candidate in (view, getattr(view, "view_class", None), getattr(view, "cls", None))
    )


def allowed_roles_of(view) -> frozenset | str | None:
    """The roles a resolved view allows; None when the view never said (then: refused)."""
    for candidate in (view, getattr(view, "view_class", None), getattr(view, "cls", None)):
        roles = getattr(candidate, "allowed_roles", None)
        if roles is not None:
            return roles
    return None


def user_has_role(user, roles: frozenset | str) -> bool:
    if roles == PUBLIC:
        return True
    return bool(user.is_authenticated and user.is_active and user.role in roles)
