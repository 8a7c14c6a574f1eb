from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from journeys.accounts.models import User
from journeys.accounts.roles import Role


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
    return user


def user_set_language(*, user: User, language: str) -> None:
    user.language = language
    user.save(update_fields=["language"])
