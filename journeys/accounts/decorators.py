from functools import wraps

from django.contrib.auth.views import redirect_to_login

from journeys.accounts import sessions


def recent_auth_required(view):
    """Before a dangerous action, ask again for password and code unless they were given in
    the last JOURNEYS_REAUTH_MINUTES; then come back to this URL.

    The way back is a GET, so decorate views whose GET shows what their POST will do (a
    confirmation page), never a POST-only view.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if sessions.confirmed_recently(request.session):
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path(), "accounts:reauth")

    return wrapper
