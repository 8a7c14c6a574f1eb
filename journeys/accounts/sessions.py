"""What a sign-in keeps in its session, and the limits on it.

Times are whole seconds since the epoch (sessions are stored as JSON). Tests move the clock by
editing these values.
"""

import time

import django_otp
from django.conf import settings
from django.contrib import auth

from journeys.accounts import services

SIGNED_IN_AT = "journeys_signed_in_at"  # when the password was accepted
LAST_SEEN_AT = "journeys_last_seen_at"  # the last request
CONFIRMED_AT = "journeys_confirmed_at"  # the last time password and code were both given

# Writing the session on every request would be a database write per page; a minute of
# imprecision on a fifteen-minute idle limit is harmless.
TOUCH_EVERY_SECONDS = 60


def now() -> int:
    return int(time.time())


def begin(request, user) -> None:
    """The password was right: signed in, but not yet past the second factor."""
    auth.login(request, user)  # a fresh session key, so a planted one is worthless
    request.session[SIGNED_IN_AT] = request.session[LAST_SEEN_AT] = now()
    services.user_session_add(user=user, session_key=request.session.session_key)


def complete(request, device) -> None:
    """The code was right too. Password and code were given together, at the password time.

    The session gets a new id here as well: one seen between the two steps (on a shared
    screen, in a log) must not become a full sign-in once the code is given.
    """
    django_otp.login(request, device)
    old_key = request.session.session_key
    request.session.cycle_key()
    services.user_session_remove(session_key=old_key)
    services.user_session_add(user=request.user, session_key=request.session.session_key)
    request.session[CONFIRMED_AT] = request.session.get(SIGNED_IN_AT, 0)


def confirm_again(request) -> None:
    request.session[CONFIRMED_AT] = now()


def confirmed_recently(session) -> bool:
    confirmed = session.get(CONFIRMED_AT)
    return bool(confirmed) and now() - confirmed <= settings.JOURNEYS_REAUTH_MINUTES * 60


def end(request) -> None:
    session_key = request.session.session_key
    auth.logout(request)
    services.user_session_remove(session_key=session_key)


def expiry_reason(session) -> str | None:
    """ "idle", "absolute" or "unknown" when the sign-in must end; None while it may go on.

    A session without times was not made by our sign-in (or predates it): it ends too.
    """
    signed_in, last_seen = session.get(SIGNED_IN_AT), session.get(LAST_SEEN_AT)
    if not signed_in or not last_seen:
        return "unknown"
    if now() - signed_in > settings.SESSION_COOKIE_AGE:
        return "absolute"
    if now() - last_seen > settings.JOURNEYS_IDLE_MINUTES * 60:
        return "idle"
    return None


def touch(session) -> None:
    if now() - session.get(LAST_SEEN_AT, 0) >= TOUCH_EVERY_SECONDS:
        session[LAST_SEEN_AT] = now()
