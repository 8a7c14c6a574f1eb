from journeys.accounts.roles import READ_ARCHIVE, user_has_role


def search_box(request):
    """Whether the header shows the search box: to every role that reads the archive."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_verified():
        return {}
    return {"search_box": user_has_role(user, READ_ARCHIVE)}
