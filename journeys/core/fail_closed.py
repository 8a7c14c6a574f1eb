from django.shortcuts import render

from journeys.audit.services import audit_record
from journeys.keys.crypto import DecryptionFailed


class FailClosedMiddleware:
    """A sealed value that does not open (a flipped byte, a value moved to another row, a
    wrong key) stops the page: an error and an audit entry, never ciphertext or a blank."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DecryptionFailed):
            return None
        audit_record(
            actor=request.user,
            action="vault.decryption.failed",
            detail={"path": request.path[:200], "why": str(exception)[:200]},
            request=request,
        )
        return render(request, "vault/decryption_failed.html", status=500)
