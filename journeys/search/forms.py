from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.archive.models import Language
from journeys.search.query import MAX_QUERY_CHARS
from journeys.search.selectors import FACET_NAMES, Filters


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_CHARS)
    left_from = forms.IntegerField(
        label=_("First left from (year)"), required=False, min_value=1900, max_value=2100
    )
    left_until = forms.IntegerField(
        label=_("until (year)"), required=False, min_value=1900, max_value=2100
    )
    language = forms.ChoiceField(
        label=_("Language of the interview"),
        required=False,
        choices=[("", _("Any")), *Language.choices],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.facet_values = list(data.getlist("f")) if data is not None else []

    def clean(self):
        cleaned = super().clean()
        terms = []
        for value in self.facet_values:
            name, _sep, term = value.partition(":")
            if name not in FACET_NAMES or not term.isdigit():
                raise forms.ValidationError(_("One of the filters is not a codebook filter."))
            terms.append((name, int(term)))
        cleaned["terms"] = tuple(dict.fromkeys(terms))
        start, end = cleaned.get("left_from"), cleaned.get("left_until")
        if start and end and end < start:
            self.add_error("left_until", _("The end comes before the start."))
        return cleaned

    def filters(self) -> Filters:
        c = self.cleaned_data
        return Filters(
            terms=c["terms"],
            left_from=c.get("left_from"),
            left_until=c.get("left_until"),
            language=c.get("language") or "",
        )
