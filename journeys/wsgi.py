import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journeys.settings")
application = get_wsgi_application()

# Refuse to serve a locked archive: every page would fail one by one. Say why, once, here.
from journeys.keys import keyring

try:
    keyring.unlocked()
except keyring.KeyringError as e:
    sys.exit(f"Journeys cannot start: {e}")
