"""Signing in from tests: the session state of a real sign-in, without the pages in between,
and the codes an authenticator app would show."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts import services, sessions

PASSWORD = "correct-horse-battery-staple-42"


def authenticator(user, **fields) -> TOTPDevice:
    """The user's confirmed device, made on first use."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="phone", confirmed=True, **fields)


def code_of(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the app shows now (or the code of a later 30-second step)."""
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def sign_in(client, user, *, with_code: bool = True):
    """Signed in as after the password (and, by default, the code) pages."""
    client.force_login(user)
    session = client.session
    session[sessions.SIGNED_IN_AT] = session[sessions.LAST_SEEN_AT] = sessions.now()
    if with_code:
        session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
        session[sessions.CONFIRMED_AT] = session[sessions.SIGNED_IN_AT]
    session.save()
    services.user_session_add(user=user, session_key=session.session_key)
    return client
