from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from journeys.accounts.roles import ALL_ROLES, INTAKE, public, roles_required, user_has_role
from journeys.accounts.services import user_set_language
from journeys.archive.selectors import archive_counts


@roles_required(ALL_ROLES)
def home(request):
    context = {
        "counts": archive_counts(request.user),
        "can_intake": user_has_role(request.user, INTAKE),
    }
    return render(request, "core/home.html", context)


@public
@require_POST
def language(request):
    """Switch the pages' language; remembered on the account and in a cookie."""
    code = request.POST.get("language", "")
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
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
