from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_POST

from journeys.accounts.roles import (
    ALL_ROLES,
    INTAKE,
    KEEP_IDENTITIES,
    READ_ARCHIVE,
    public,
    roles_required,
    user_has_role,
)
from journeys.accounts.services import user_set_language
from journeys.archive.selectors import archive_counts
from journeys.lib.http import local_path


@roles_required(ALL_ROLES)
def home(request):
    context = {
        "counts": archive_counts(request.user),
        # Only the buttons this role can follow: the custodian reads no testimony.
        "can_read_archive": user_has_role(request.user, READ_ARCHIVE),
        "can_intake": user_has_role(request.user, INTAKE),
        "can_keep_identities": user_has_role(request.user, KEEP_IDENTITIES),
    }
    return render(request, "core/home.html", context)


@public
@require_POST
def language(request):
    """Switch the pages' language; remembered on the account and in a cookie."""
    code = request.POST.get("language", "")
    response = HttpResponseRedirect(local_path(request, request.POST.get("next", "")) or "/")
    if code not in dict(settings.LANGUAGES):
        return response
    translation.activate(code)
    if request.user.is_authenticated:
        user_set_language(user=request.user, language=code)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
