from django import forms
from django.utils.translation import gettext_lazy as _

from journeys.vault.identity import Contact, IdentityData, Relative
from journeys.vault.models import IdentityDigest

CONTACT_KINDS = ("phone", "messenger", "email", "address")
# What the reveal page calls each kind of contact, in the page's language.
CONTACT_LABELS = {
    "phone": _("phone"),
    "messenger": _("messenger ID"),
    "email": _("e-mail"),
    "address": _("address"),
}
YES = {"yes", "y", "예", "네", "o", "true", "1"}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class IdentityForm(forms.Form):
    names = forms.CharField(
        label=_("Names"),
        widget=forms.Textarea({"rows": 2}),
        help_text=_("One per line, as she gives them: Korean, Chinese, romanised."),
    )
    aliases = forms.CharField(
        label=_("Other names and nicknames"), required=False, widget=forms.Textarea({"rows": 2})
    )
    birth_date = forms.CharField(label=_("Date of birth (YYYY-MM-DD)"), required=False)
    contacts = forms.CharField(
        label=_("Contacts"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("One per line: phone: …, messenger: …, email: …, address: …"),
    )
    family = forms.CharField(
        label=_("Family"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("One per line: name | relation | where | in North Korea (yes/no)"),
    )

    def clean_contacts(self):
        contacts = []
        for line in _lines(self.cleaned_data["contacts"]):
            kind, _sep, value = line.partition(":")
            if kind.strip().lower() not in CONTACT_KINDS or not value.strip():
                raise forms.ValidationError(
                    _("Write each contact as kind: value (phone, messenger, email, address).")
                )
            contacts.append(Contact(kind=kind.strip().lower(), value=value.strip()))
        return contacts

    def clean_family(self):
        family = []
        for line in _lines(self.cleaned_data["family"]):
            parts = [p.strip() for p in line.split("|")] + ["", "", ""]
            if not parts[0] or not parts[1]:
                raise forms.ValidationError(_("Give at least a name and a relation per line."))
            family.append(Relative(parts[0], parts[1], parts[2], parts[3].lower() in YES))
        return family

    def identity(self) -> IdentityData:
        data = self.cleaned_data
        return IdentityData(
            names=_lines(data["names"]),
            aliases=_lines(data["aliases"]),
            birth_date=data["birth_date"].strip(),
            contacts=data["contacts"],
            family=data["family"],
        )


class RevealForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to see her identity?"),
        min_length=10,
        max_length=500,
        widget=forms.Textarea({"rows": 2}),
        help_text=_("Recorded in the audit trail with your name."),
    )


class LookupForm(forms.Form):
    kind = forms.ChoiceField(label=_("Look up by"), choices=IdentityDigest.Kind.choices)
    value = forms.CharField(label=_("Exact value"), max_length=300)
