"""Logging filters named in settings.LOGGING (no models imported: logging is set up first)."""

import logging


class OneLineRefusals(logging.Filter):
    """A refusal (403, 404, 400...) is logged as one line, without its traceback.

    Django logs every PermissionDenied, Http404 and SuspiciousOperation with the exception
    attached, so each refused request wrote a whole traceback to stderr: noise that hides
    real errors, and a log that grows with every probe. The refusal is already in the audit
    trail; a 5xx keeps its traceback, which is what it is for.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
