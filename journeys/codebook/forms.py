from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.codebook.models import Kind, PlaceLevel, Term
from journeys.lib.forms import TermChoiceField


class TermForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    code = forms.SlugField(
        label=_("Code"),
        max_length=80,
        help_text=_("A short stable identifier in Latin letters, e.g. kp-ryanggang-hyesan."),
    )
    label_ko = forms.CharField(label=_("Korean label"), max_length=200)
    label_en = forms.CharField(label=_("English label"), max_length=200)
    parent = TermChoiceField(label=_("Part of"), queryset=Term.objects.none(), required=False)
    level = forms.ChoiceField(
        label=_("Level (places only)"), choices=[("", "—"), *PlaceLevel.choices], required=False
    )
    aliases = forms.CharField(
        label=_("Other spellings"),
        required=False,
        help_text=_("One per line: North and South Korean spellings, romanisations, Chinese."),
        widget=forms.Textarea({"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Term.objects.filter(
            kind__in=[Kind.PLACE, Kind.STAGE, Kind.FACILITY_TYPE]
        ).exclude(kind=Kind.PLACE, level=PlaceLevel.TOWN)

    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]
