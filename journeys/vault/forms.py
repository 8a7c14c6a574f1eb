from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from journeys.vault.identity import (
    MAX_ITEMS,
    MAX_VALUE,
    Contact,
    IdentityData,
    Relative,
)
from journeys.vault.models import IdentityDigest

# What the pages call each kind of contact, in the page's language (the stored kind stays
# the English word the look-up digests use).
CONTACT_LABELS = {
    "phone": _("phone"),
    "messenger": _("messenger ID"),
    "email": _("e-mail"),
    # "address" alone is an IP address elsewhere in the catalogue; here it is where she lives.
    "address": pgettext_lazy("contact", "address"),
}
IN_NORTH_CHOICES = [
    ("", "---------"),
    ("yes", _("Yes")),
    ("no", _("No")),
    ("unknown", _("Unknown")),
]
IN_NORTH_VALUES = {"yes": True, "no": False, "unknown": None}
# Blank rows the form offers beyond those filled in: a page without script cannot add any.
EXTRA_ROWS = 2


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _in_north_choice(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


class IdentityForm(forms.Form):
    names = forms.CharField(
        label=_("Names"),
        widget=forms.Textarea({"rows": 2}),
        help_text=_("One per line, as she gives them: Korean, Chinese, romanised."),
    )
    aliases = forms.CharField(
        label=_("Other names and nicknames"), required=False, widget=forms.Textarea({"rows": 2})
    )
    birth_date = forms.CharField(
        label=_("Date of birth"),
        required=False,
        max_length=10,
        help_text=_("YYYY-MM-DD; YYYY-MM or YYYY when that is all she knows."),
    )

    def clean_names(self):
        return _lines(self.cleaned_data["names"])

    def clean_aliases(self):
        return _lines(self.cleaned_data["aliases"])

    def clean_birth_date(self):
        return self.cleaned_data["birth_date"].strip()


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", "---------"), *CONTACT_LABELS.items()],
    )
    value = forms.CharField(label=_("Contact"), required=False, max_length=MAX_VALUE)

    def clean(self):
        data = super().clean()
        kind, value = data.get("kind"), (data.get("value") or "").strip()
        if value and not kind:
            self.add_error("kind", _("Choose the kind of contact."))
        elif kind and not value:
            self.add_error("value", _("Write the contact itself, or leave the kind empty."))
        return data

    def contact(self) -> Contact | None:
        value = (self.cleaned_data.get("value") or "").strip()
        return Contact(kind=self.cleaned_data["kind"], value=value) if value else None


class RelativeForm(forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=MAX_VALUE)
    relation = forms.CharField(label=_("Relation"), required=False, max_length=MAX_VALUE)
    location = forms.CharField(label=_("Where"), required=False, max_length=MAX_VALUE)
    in_north = forms.ChoiceField(
        label=_("In North Korea"), required=False, choices=IN_NORTH_CHOICES
    )

    def clean(self):
        data = super().clean()
        filled = {f for f in self.fields if (data.get(f) or "").strip()}
        if not filled:
            return data
        required = {
            "name": _("Give the family member's name."),
            "relation": _("Give the relation (mother, brother, ...)."),
            "in_north": _("Say whether this person lives in North Korea, or that it is unknown."),
        }
        for field, message in required.items():
            if field not in filled:
                self.add_error(field, message)
        return data

    def relative(self) -> Relative | None:
        data = self.cleaned_data
        if not (data.get("name") or "").strip():
            return None
        return Relative(
            name=data["name"].strip(),
            relation=data["relation"].strip(),
            location=data["location"].strip(),
            in_north=IN_NORTH_VALUES[data["in_north"]],
        )


ContactFormSet = forms.formset_factory(
    ContactForm, extra=EXTRA_ROWS, max_num=MAX_ITEMS, validate_max=True
)
RelativeFormSet = forms.formset_factory(
    RelativeForm, extra=EXTRA_ROWS, max_num=MAX_ITEMS, validate_max=True
)


class IdentityForms:
    """Her identity as one form and two formsets (contacts, family), validated together."""

    def __init__(self, data=None, *, initial: IdentityData | None = None):
        kept = initial or IdentityData()
        self.form = IdentityForm(
            data,
            initial={
                "names": "\n".join(kept.names),
                "aliases": "\n".join(kept.aliases),
                "birth_date": kept.birth_date,
            },
        )
        self.contacts = ContactFormSet(
            data,
            prefix="contacts",
            initial=[{"kind": c.kind, "value": c.value} for c in kept.contacts],
        )
        self.family = RelativeFormSet(
            data,
            prefix="family",
            initial=[
                {
                    "name": r.name,
                    "relation": r.relation,
                    "location": r.location,
                    "in_north": _in_north_choice(r.in_north),
                }
                for r in kept.family
            ],
        )

    def is_valid(self) -> bool:
        # Every part is validated, so every error shows at once.
        return all([self.form.is_valid(), self.contacts.is_valid(), self.family.is_valid()])

    def identity(self) -> IdentityData:
        data = self.form.cleaned_data
        return IdentityData(
            names=data["names"],
            aliases=data["aliases"],
            birth_date=data["birth_date"],
            contacts=[c for c in (f.contact() for f in self.contacts.forms) if c],
            family=[r for r in (f.relative() for f in self.family.forms) if r],
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


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Her code"), max_length=12)
