from django.urls import reverse
from django.utils.translation import gettext as _

from journeys.accounts.roles import (
    ALL_ROLES,
    INTAKE,
    KEEP_IDENTITIES,
    MANAGE_CODEBOOK,
    MANAGE_USERS,
    READ_ARCHIVE,
    RELEASE_TEXT,
    Role,
    user_has_role,
)
from journeys.reports.access import READ_STATISTICS


def navigation(request):
    """The main menu: only the pages the signed-in user's role may open."""
    user = getattr(request, "user", None)
    # Between the password and the code the menu would only lead back to the code page.
    if user is None or not user.is_authenticated or not user.is_verified():
        return {}
    entries = [
        ("core:home", _("Home"), ALL_ROLES),
        ("archive:interviewee_list", _("Interviewees"), READ_ARCHIVE),
        ("archive:intake", _("New intake"), INTAKE),
        ("codebook:term_list", _("Codebook"), READ_ARCHIVE),
        ("reports:dashboard", _("Statistics"), READ_STATISTICS),
        ("protection:release_list", _("Released versions"), RELEASE_TEXT),
        ("vault:lookup", _("Identity vault"), KEEP_IDENTITIES),
        ("audit:entry_list", _("Audit trail"), frozenset({Role.ADMINISTRATOR})),
        ("accounts:user_list", _("Staff"), MANAGE_USERS),
        ("vault:policy", _("Vault policy"), frozenset({Role.ADMINISTRATOR})),
    ]
    items = []
    for name, label, roles in entries:
        if user_has_role(user, roles):
            url = reverse(name)
            active = request.path == url if url == "/" else request.path.startswith(url)
            items.append({"url": url, "label": label, "active": active})
    return {"nav_items": items, "MANAGE_CODEBOOK": user_has_role(user, MANAGE_CODEBOOK)}
