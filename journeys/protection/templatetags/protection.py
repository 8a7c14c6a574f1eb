"""The kinds of identifying detail (detect.LABELS) by their names in the reader's language."""

from django import template
from django.utils.translation import gettext_lazy

register = template.Library()

LABEL_NAMES = {
    "PERSON": gettext_lazy("person"),
    "PLACE": gettext_lazy("place"),
    "DATE": gettext_lazy("date"),
    "YEAR": gettext_lazy("year"),
    "AGE": gettext_lazy("age"),
    "CONTACT": gettext_lazy("contact"),
    "ORG": gettext_lazy("organisation"),
}


@register.filter
def label_name(label: str) -> str:
    """PERSON -> person (인물); an unknown label is shown as it is."""
    return LABEL_NAMES.get(label, label)
