from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils import translation

from journeys.accounts.roles import PUBLIC, allowed_roles_of, user_has_role


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
        if roles is None or not user_has_role(request.user, roles):
            raise PermissionDenied
        return None
