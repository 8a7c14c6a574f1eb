"""What the vault adds to an archive page, asked by the template: the archive does not
import the vault (the vault builds on the archive, not the other way round)."""

from django import template

from journeys.vault.identity import may_reveal
from journeys.vault.models import Identity

register = template.Library()


@register.simple_tag
def identity_state(interviewee, user) -> dict[str, bool]:
    """Whether her identity is in the vault, and whether this user may reveal it."""
    return {
        "recorded": Identity.objects.filter(interviewee=interviewee).exists(),
        "can_reveal": may_reveal(user, interviewee),
    }
