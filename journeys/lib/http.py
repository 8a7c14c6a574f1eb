"""Small helpers for requests and responses."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request, target: str) -> str | None:
    """`target` if it is a path on this site ("/archive/?page=2"), else None.

    Only an absolute path is followed: a bare word ("abc") is not an address here (Django's
    redirect() would take it for a view name and fail), and anything with a scheme or a host,
    however it is spelled ("//evil", "/\\evil", "javascript:"), is another site.
    """
    if not target.startswith("/") or target.startswith(("//", "/\\")):
        return None
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return None
    return target
