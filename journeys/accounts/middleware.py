from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from journeys.accounts import sessions
from journeys.accounts.roles import (
    PUBLIC,
    allowed_before_second_factor,
    allowed_roles_of,
    user_has_role,
)
from journeys.audit.services import audit_refusal


class UserLanguageMiddleware:
    """A signed-in user's saved language wins over the cookie and the browser's wish."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        return self.get_response(request)


class RoleRequiredMiddleware:
    """Deny by default: a view is served only to the roles it names.

    A view that names none is refused to everybody, so a forgotten decorator fails closed.
    A user who gave the password but not yet the code reaches only the pages that finish
    signing in (roles.password_verified_only).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(settings.STATIC_URL):
            return None
        roles = allowed_roles_of(view_func)
        if roles == PUBLIC:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.user.is_verified() and not allowed_before_second_factor(view_func):
            return redirect_to_login(request.get_full_path(), "accounts:verify")
        if roles is None or not user_has_role(request.user, roles):
            audit_refusal(request, "unclassified view" if roles is None else "role")
            raise PermissionDenied
        return None

    def process_exception(self, request, exception):
        """A view that refuses one record (PermissionDenied: an identity already recorded, a
        reveal the vault policy does not allow) is a refusal like the role's: audited."""
        if isinstance(exception, PermissionDenied) and request.user.is_authenticated:
            audit_refusal(request, "record")


SIGNED_OUT = {
    "idle": _("You were signed out after %(minutes)s minutes without activity."),
    "absolute": _("You were signed out: a sign-in lasts at most %(hours)s hours."),
    "unknown": _("Please sign in again."),
}


class SessionLimitsMiddleware:
    """Ends a sign-in after JOURNEYS_IDLE_MINUTES without a request, and in any case
    JOURNEYS_SESSION_HOURS after the password was given (whatever the cookie says)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            reason = sessions.expiry_reason(request.session)
            if reason:
                return self.sign_out(request, reason)
            sessions.touch(request.session)
        return self.get_response(request)

    def sign_out(self, request, reason: str):
        sessions.end(request)
        # Say it in the language the sign-in page will have (the account's no longer applies).
        translation.activate(translation.get_language_from_request(request))
        limits = {
            "minutes": settings.JOURNEYS_IDLE_MINUTES,
            "hours": settings.SESSION_COOKIE_AGE // 3600,
        }
        messages.info(request, SIGNED_OUT[reason] % limits)
        login_url = resolve_url(settings.LOGIN_URL)
        # Come back to the page after signing in again, if it can be shown by GET.
        back = request.get_full_path() if request.method == "GET" else None
        if back and request.path != login_url:
            target = redirect_to_login(back)["Location"]
        else:
            target = login_url
        if request.headers.get("HX-Request"):
            # htmx would swap the sign-in page into a fragment of the old one: load it whole.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)
