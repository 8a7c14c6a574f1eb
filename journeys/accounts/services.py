import datetime as dt
import math
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts import selectors
from journeys.accounts.models import SignInFailure, User, UserSession
from journeys.accounts.roles import Role
from journeys.audit.services import audit_record


def user_create(*, acting_user, username: str, password: str, role: str, **fields) -> User:
    """Create a member of staff with one role. Passwords follow the validators in settings."""
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role: %(role)s") % {"role": role}})
    if User.objects.filter(username=username).exists():
        raise ValidationError({"username": _("That user name is taken.")})
    user = User(username=username, role=role, **fields)
    validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    with transaction.atomic():
        user.save()
        audit_record(
            actor=acting_user, action="accounts.user.created", target=user, detail={"role": role}
        )
    return user


# Letters and digits that cannot be mistaken for one another when read out or copied by hand.
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def one_time_password() -> str:
    """A password an administrator hands over once: 5 groups of 4 (about 99 bits)."""
    groups = ("".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(5))
    return "-".join(groups)


def user_add(*, acting_user: User, username: str, role: str) -> tuple[User, str]:
    """An administrator adds a member of staff to her own team, with a one-time password to
    hand over (returned, stored only as its hash). The new user sets up her second factor at
    her first sign-in, as everyone does."""
    _refuse_unless_administrator(acting_user)
    password = one_time_password()
    user = user_create(
        acting_user=acting_user,
        username=username.strip(),
        password=password,
        role=role,
        team_id=acting_user.team_id,
    )
    return user, password


def _refuse_other_team(acting_user: User, user: User) -> None:
    # The views already answer 404; a service called from elsewhere must not cross teams either.
    if acting_user.team_id != user.team_id:
        raise PermissionDenied


def _refuse_unless_administrator(acting_user: User) -> None:
    if not acting_user.has_role(Role.ADMINISTRATOR):
        raise PermissionDenied


def user_role_change(*, acting_user: User, user: User, role: str) -> None:
    """Give a member of staff another role; pages follow it from her next request."""
    _refuse_unless_administrator(acting_user)
    _refuse_other_team(acting_user, user)
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the roles offered.")})
    if user.pk == acting_user.pk:
        # An administrator who demoted herself could leave the team with none.
        raise ValidationError({"role": _("You cannot change your own role.")})
    if role == user.role:
        raise ValidationError({"role": _("%(user)s already has this role.") % {"user": user}})
    with transaction.atomic():
        previous, user.role = user.role, role
        user.save(update_fields=["role"])
        audit_record(
            actor=acting_user,
            action="accounts.user.role_changed",
            target=user,
            detail={"from": previous, "to": role},
        )


def user_password_reset(*, acting_user: User, user: User) -> str:
    """For a forgotten password: a new one-time password (returned to hand over); the old one
    stops working and every session of the user ends. The second factor stays as it was."""
    _refuse_unless_administrator(acting_user)
    _refuse_other_team(acting_user, user)
    if user.pk == acting_user.pk:
        raise ValidationError(_("You cannot reset your own password here."))
    password = one_time_password()
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        _sessions_end(user)
        audit_record(actor=acting_user, action="accounts.user.password_reset", target=user)
    return password


def user_set_language(*, user: User, language: str) -> None:
    user.language = language
    user.save(update_fields=["language"])


def user_disable(*, acting_user: User, user: User) -> None:
    """Disable an account and end every session it holds, at once.

    Django already treats an inactive user as signed out, but deleting the sessions means a
    later re-activation cannot bring an old session (on a lost laptop, say) back to life.
    """
    if acting_user is not None:
        _refuse_other_team(acting_user, user)
    if acting_user is not None and acting_user.pk == user.pk:
        raise ValidationError(_("You cannot disable your own account."))
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        _sessions_end(user)
        audit_record(actor=acting_user, action="accounts.user.disabled", target=user)


def user_second_factor_reset(*, acting_user: User, user: User) -> None:
    """For a lost phone: the user's app stops working, every session of the user ends, and
    the next sign-in sets up a new app."""
    _refuse_other_team(acting_user, user)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        _sessions_end(user)
        audit_record(actor=acting_user, action="accounts.second_factor.reset", target=user)


def _sessions_end(user: User) -> None:
    keys = list(user.sessions.values_list("session_key", flat=True))
    user.sessions.all().delete()
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()


def user_session_add(*, user: User, session_key: str) -> None:
    """Remember a session of the user. Rows older than the longest sign-in are dead anyway."""
    oldest = timezone.now() - dt.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    with transaction.atomic():
        UserSession.objects.filter(created__lt=oldest).delete()
        UserSession.objects.update_or_create(session_key=session_key, defaults={"user": user})


def user_session_remove(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


def signin_password_check(*, username: str, password: str, address: str) -> User:
    """The first step of signing in: the user whose password this is, or ValidationError.

    An unknown user, a wrong password and a disabled account get the same answer, and a
    locked user name or address is refused whatever the password.
    """
    _refuse_if_locked(username=username, address=address)
    user = authenticate(username=username, password=password)
    if user is None:
        _failure_record(username=username, address=address)
        raise ValidationError(
            _("That user name and password do not match. Both are case-sensitive."),
            code="invalid_login",
        )
    SignInFailure.objects.filter(username=selectors.fold_username(username)).delete()
    return user


def second_factor_check(*, user: User, code: str) -> TOTPDevice:
    """The second step: the user's confirmed device that accepts this code, or ValidationError.

    A code is accepted once (the device remembers the last time step used) and wrong codes
    slow further tries down (1, 2, 4, 8... seconds), both by django-otp.
    """
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            raise ValidationError(_("Set up your second factor first."), code="no_device")
        error = _code_error(device, code)
    # Raised outside the transaction, which must keep the throttle's count of wrong codes.
    if error:
        raise error
    return device


def device_enrolment_start(*, user: User) -> TOTPDevice:
    """The device being set up: the same key on every visit until it is confirmed, so a code
    from an app that already scanned the page keeps working after a reload."""
    pending = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return pending or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def device_enrolment_confirm(*, user: User, code: str) -> TOTPDevice:
    """Confirm the device being set up with a code it shows; then it is the user's only one."""
    with transaction.atomic():
        devices = TOTPDevice.objects.select_for_update().filter(user=user)
        # Adding a device to an account that has one would let a stolen password replace it.
        if devices.filter(confirmed=True).exists():
            raise ValidationError(_("Your second factor is already set up."), code="enrolled")
        device = devices.filter(confirmed=False).order_by("pk").first()
        if device is None:
            raise ValidationError(_("Reload the page to get a new key."), code="no_device")
        error = _code_error(device, code)
        if error is None:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            devices.exclude(pk=device.pk).delete()
    if error:
        raise error
    return device


def reauth_check(*, user: User, password: str, code: str, address: str) -> None:
    """Confirm, before a dangerous action, that the person at the keyboard is the user."""
    _refuse_if_locked(username=user.get_username(), address=address)
    if not user.check_password(password):
        _failure_record(username=user.get_username(), address=address)
        raise ValidationError(_("That password is not right."), code="invalid_password")
    second_factor_check(user=user, code=code)
    SignInFailure.objects.filter(username=selectors.fold_username(user.get_username())).delete()


def _code_error(device: TOTPDevice, code: str) -> ValidationError | None:
    """Why the device refuses the code, or None when it accepts it (and records its use).

    Returned rather than raised: raising inside the caller's transaction would roll back the
    count of wrong codes that django-otp saves, and with it the throttle.
    """
    allowed, info = device.verify_is_allowed()
    if not allowed:
        locked_until = (info or {}).get("locked_until") or timezone.now()
        seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
        return ValidationError(
            ngettext(
                "Too many wrong codes: wait %(seconds)s second and try again.",
                "Too many wrong codes: wait %(seconds)s seconds and try again.",
                seconds,
            )
            % {"seconds": seconds},
            code="throttled",
        )
    if not device.verify_token(code):
        return ValidationError(
            _("That code is not right, or it was already used. Enter the code your app shows now."),
            code="invalid_code",
        )
    return None


def _refuse_if_locked(*, username: str, address: str) -> None:
    locked_until = selectors.signin_locked_until(username=username, address=address)
    if locked_until is None:
        return
    minutes = max(1, math.ceil((locked_until - timezone.now()).total_seconds() / 60))
    raise ValidationError(
        ngettext(
            "Too many failed sign-ins. Try again in %(minutes)s minute.",
            "Too many failed sign-ins. Try again in %(minutes)s minutes.",
            minutes,
        )
        % {"minutes": minutes},
        code="locked",
    )


def _failure_record(*, username: str, address: str) -> None:
    keep = settings.JOURNEYS_SIGNIN_WINDOW_MINUTES + settings.JOURNEYS_SIGNIN_LOCK_MINUTES
    with transaction.atomic():
        SignInFailure.objects.filter(at__lt=timezone.now() - dt.timedelta(minutes=keep)).delete()
        SignInFailure.objects.create(username=selectors.fold_username(username), address=address)
