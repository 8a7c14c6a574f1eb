from django.urls import reverse
from django.utils.translation import gettext as _

from journeys.accounts.roles import (
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
    # No "Home": the name in the corner leads there, and the bar has no width to spare.
    entries = [
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
            menu = _in_administration(name, roles, user)
            items.append({"url": url, "label": label, "active": active, "menu": menu})
    return {
        "nav_items": items,
        "nav_main": [item for item in items if not item["menu"]],
        "nav_administration": [item for item in items if item["menu"]],
        "MANAGE_CODEBOOK": user_has_role(user, MANAGE_CODEBOOK),
    }


def _in_administration(name: str, roles, user) -> bool:
    """Pages for the administrator alone (the audit trail, and any added later: staff, vault
    policy), and the codebook she keeps, go in one menu, so that the top bar stays one line
    at 1280 px in both languages (tests/browser/test_layout.py)."""
    if set(roles) == {Role.ADMINISTRATOR}:
        return True
    return name == "codebook:term_list" and user_has_role(user, MANAGE_CODEBOOK)
