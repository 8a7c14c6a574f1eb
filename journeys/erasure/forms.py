from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    confirmation = forms.CharField(
        label=_("Type her code to confirm"),
        max_length=12,
        widget=forms.TextInput({"autocomplete": "off"}),
    )
    reason = forms.CharField(
        label=_("Why is her record erased?"),
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Kept in the audit trail with your name: do not write her name."),
    )
