from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.codebook.models import Term
from journeys.codebook.selectors import provinces
from journeys.lib.forms import TermChoiceField
from journeys.reports.statistics import Scope


class ScopeForm(forms.Form):
    """The dashboard's filters: fields of the interviewee that are never sealed."""

    born_from = forms.IntegerField(
        label=_("Born from (year)"), required=False, min_value=1900, max_value=2100
    )
    born_to = forms.IntegerField(
        label=_("Born up to (year)"), required=False, min_value=1900, max_value=2100
    )
    province = TermChoiceField(
        label=_("Home province"), queryset=Term.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces()

    def clean(self):
        data = super().clean()
        start, end = data.get("born_from"), data.get("born_to")
        if start is not None and end is not None and start > end:
            raise forms.ValidationError(_("The first year of birth comes after the last."))
        return data

    def scope(self) -> Scope:
        data = self.cleaned_data
        province = data.get("province")
        return Scope(
            data.get("born_from"), data.get("born_to"), province.code if province else None
        )
