import datetime as dt

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from journeys.accounts.models import SignInFailure, User


def fold_username(username: str) -> str:
    """The form failures are counted under: one account, however its name is typed."""
    return username.strip().casefold()[:150]


def signin_locked_until(*, username: str, address: str) -> dt.datetime | None:
    """When sign-in opens again for this user name or this address; None when it is open.

    A lock starts at the failure that makes MAX failures within the window and lasts the lock
    time. Refused attempts are not counted, so a lock ends on time however hard it is hammered,
    and the rows read here stay few.
    """
    now = timezone.now()
    window = dt.timedelta(minutes=settings.JOURNEYS_SIGNIN_WINDOW_MINUTES)
    lock = dt.timedelta(minutes=settings.JOURNEYS_SIGNIN_LOCK_MINUTES)
    recent = SignInFailure.objects.filter(at__gte=now - window - lock)
    ends = [
        _lock_end(
            recent.filter(username=fold_username(username)),
            settings.JOURNEYS_SIGNIN_MAX_FAILURES,
            window,
            lock,
        ),
        _lock_end(
            recent.filter(address=address),
            settings.JOURNEYS_SIGNIN_MAX_ADDRESS_FAILURES,
            window,
            lock,
        ),
    ]
    return max((end for end in ends if end and end > now), default=None)


def _lock_end(failures: QuerySet, limit: int, window, lock) -> dt.datetime | None:
    times = list(failures.order_by("at").values_list("at", flat=True))
    end = None
    for first, last in zip(times, times[limit - 1 :], strict=False):
        if last - first <= window:
            end = last + lock
    return end


def confirmed_device(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def users_of(user: User) -> QuerySet[User]:
    """The accounts of the user's team (no team: the main team). Like another team's records,
    another team's accounts do not exist for an administrator: not listed, not found by name.
    """
    return User.objects.filter(team_id=user.team_id)


def user_list(user: User) -> QuerySet[User]:
    """The team's accounts, active first, with whether each has set up its second factor."""
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    return (
        users_of(user)
        .annotate(has_second_factor=Exists(confirmed))
        .order_by("-is_active", "username")
    )
