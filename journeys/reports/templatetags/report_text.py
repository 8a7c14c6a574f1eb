"""Korean line breaking for the PDF: a line breaks between words (어절), never inside one.

Browsers do this with `word-break: keep-all`; WeasyPrint does not support it and would break
함경북도 after any syllable. So each word of Korean text is kept whole in a no-wrap span.
"""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def keep_words(text: str) -> str:
    words = str(text).split(" ")
    return mark_safe(" ".join(f'<span class="w">{escape(word)}</span>' for word in words if word))
