import pytest

from journeys.accounts.models import User
from tests.accounts.helpers import PASSWORD


@pytest.fixture
def sora(db) -> User:
    """A researcher with a password, for the sign-in tests."""
    user = User(username="sora", role="researcher")
    user.set_password(PASSWORD)
    user.save()
    return user
