import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journeys.accounts.models import User
from journeys.accounts.roles import Role
from journeys.archive.models import FamilyInNorth, Language, Speaker
from journeys.codebook.models import Kind, Term
from journeys.codebook.selectors import provinces, terms_matching, terms_of_kind
from journeys.lib.forms import TermChoiceField, TermMultipleChoiceField


class IntervieweeForm(forms.Form):
    birth_year = forms.IntegerField(label=_("Birth year"))
    home_province = TermChoiceField(label=_("Home province"), queryset=Term.objects.none())
    social_class = TermChoiceField(
        label=_("Social class"), queryset=Term.objects.none(), required=False
    )
    # Unknown until she says: a preselected "yes" would be saved by whoever skips the field.
    family_in_north = forms.ChoiceField(
        label=_("Does family remain in North Korea?"),
        choices=FamilyInNorth.choices,
        # Unknown until she says: "yes" preselected was recorded for women never asked.
        initial=FamilyInNorth.UNKNOWN,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_province"].queryset = provinces()
        self.fields["social_class"].queryset = terms_of_kind(Kind.SOCIAL_CLASS)


class InterviewForm(forms.Form):
    date = forms.DateField(label=_("Date of interview"), widget=forms.DateInput({"type": "date"}))
    interviewer = forms.ModelChoiceField(label=_("Interviewer"), queryset=User.objects.none())
    language = forms.ChoiceField(label=_("Language of the interview"), choices=Language.choices)
    consent_record = forms.BooleanField(label=_("to record the interview"), required=False)
    consent_quote = forms.BooleanField(label=_("to quote it anonymously"), required=False)
    consent_statistics = forms.BooleanField(label=_("to count it in statistics"), required=False)
    consent_share = forms.BooleanField(
        label=_("to share it with partner organisations"), required=False
    )

    def __init__(self, *args, team_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        # The record's own team: another team's staff are neither offered nor accepted.
        self.fields["interviewer"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.INTERVIEWER, Role.ADMINISTRATOR], team_id=team_id
        ).order_by("username")
        self.fields["date"].initial = timezone.localdate()

    def consents(self) -> dict[str, bool]:
        return {
            use: self.cleaned_data[f"consent_{use}"]
            for use in ("record", "quote", "statistics", "share")
        }


class InterviewEditForm(forms.Form):
    """Correcting an interview: its date, language and interviewer. The interviewers offered
    are the active interviewers and administrators of the record's own team."""

    date = forms.DateField(
        label=_("Date of interview"),
        widget=forms.DateInput({"type": "date"}, format="%Y-%m-%d"),
    )
    interviewer = forms.ModelChoiceField(label=_("Interviewer"), queryset=User.objects.none())
    language = forms.ChoiceField(label=_("Language of the interview"), choices=Language.choices)

    def __init__(self, *args, team_id: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["interviewer"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.INTERVIEWER, Role.ADMINISTRATOR], team_id=team_id
        ).order_by("username")


class SegmentForm(forms.Form):
    """One row of the editor. No length limit here (a browser's maxlength cuts a paste
    silently): transcript_save splits a long untranslated text or says what is too long."""

    speaker = forms.ChoiceField(label=_("Speaker"), choices=Speaker.choices)
    text_ko = forms.CharField(
        label=_("Korean"), required=False, widget=forms.Textarea({"lang": "ko", "rows": 4})
    )
    text_en = forms.CharField(
        label=_("English"), required=False, widget=forms.Textarea({"lang": "en", "rows": 4})
    )


SegmentFormSet = forms.formset_factory(SegmentForm, extra=0, max_num=2000, validate_max=True)


class EventForm(forms.Form):
    stage = TermChoiceField(label=_("Stage"), queryset=Term.objects.none())
    event_type = TermChoiceField(label=_("What happened"), queryset=Term.objects.none())
    place = forms.ModelChoiceField(
        label=_("Place"), queryset=Term.objects.none(), required=False, widget=forms.HiddenInput
    )
    # What was typed in the place picker's box. The picker puts the chosen term in `place`;
    # text typed without choosing (or without JavaScript) must name a place, or nothing is saved.
    place_text = forms.CharField(required=False, max_length=200)
    facility = TermChoiceField(label=_("Facility"), queryset=Term.objects.none(), required=False)
    start_year = forms.IntegerField(label=_("From (year)"), required=False)
    start_month = forms.IntegerField(label=_("month"), required=False, min_value=1, max_value=12)
    end_year = forms.IntegerField(label=_("Until (year)"), required=False)
    end_month = forms.IntegerField(label=_("month"), required=False, min_value=1, max_value=12)
    price_yuan = forms.IntegerField(label=_("Price paid (yuan)"), required=False, min_value=1)
    codes = TermMultipleChoiceField(
        label=_("Coding"),
        queryset=Term.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea({"rows": 2})
    )

    CODE_KINDS = (
        Kind.REASON_LEAVING,
        Kind.WAY_LEAVING,
        Kind.WORK_CHINA,
        Kind.SITUATION_CHINA,
        Kind.VIOLATION,
        Kind.AGENCY,
        Kind.TRANSIT_COUNTRY,
        Kind.DIFFICULTY_SK,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = terms_of_kind(Kind.STAGE)
        self.fields["event_type"].queryset = terms_of_kind(Kind.EVENT_TYPE).select_related("parent")
        self.fields["place"].queryset = terms_of_kind(Kind.PLACE)
        self.fields["facility"].queryset = Term.objects.filter(
            kind__in=[Kind.FACILITY_TYPE, Kind.FACILITY], active=True
        ).order_by("-kind", "sort_order")
        self.fields["codes"].queryset = Term.objects.filter(kind__in=self.CODE_KINDS, active=True)
        self.fields["codes"].choices = self._grouped_codes()
        self.fields["event_type"].choices = self._grouped_event_types()

    def _grouped_codes(self):
        """Coding options grouped by kind, in the order a journey raises them."""
        groups: dict[str, list] = {kind: [] for kind in self.CODE_KINDS}
        for term in self.fields["codes"].queryset:
            groups[term.kind].append((term.pk, term.labels))
        return [(Kind(kind).label, options) for kind, options in groups.items() if options]

    def code_groups(self):
        """The coding checkboxes by kind, with what is ticked, for the template."""
        ticked = {str(value) for value in (self["codes"].value() or [])}
        return [
            {
                "label": label,
                "options": [(pk, text, str(pk) in ticked) for pk, text in options],
                "ticked": sum(str(pk) in ticked for pk, _ in options),
            }
            for label, options in self.fields["codes"].choices
        ]

    def clean(self):
        cleaned = super().clean()
        typed = (cleaned.get("place_text") or "").strip()
        if "place" in self.errors or self.add_prefix("place_text") not in self.data:
            return cleaned  # no picker box in this post: the place id alone decides
        # The box decides (what the user sees is what is saved); the picked term only tells
        # apart places spelled alike. An emptied box means no place.
        cleaned["place"] = self._place_named(typed, cleaned.get("place")) if typed else None
        return cleaned

    def _place_named(self, typed: str, picked: Term | None) -> Term | None:
        """The place spelled exactly so (any spelling, or both labels as the picker shows
        them), or an error that keeps the typed text in the box."""
        spelling = re.sub(r"\s*\([^()]*\)\s*$", "", typed)  # "혜산시 (Hyesan)" -> 혜산시
        found = [
            t
            for t in terms_matching(spelling, kind=Kind.PLACE)
            or terms_matching(typed, kind=Kind.PLACE)
            if t.active
        ]
        if picked is not None and picked in found:
            return picked
        if len(found) == 1:
            return found[0]
        self.add_error(
            "place",
            _("No such place: pick one from the list or ask an administrator to add it."),
        )
        return None

    def _grouped_event_types(self):
        groups: dict[str, list] = {}
        for term in self.fields["event_type"].queryset:
            groups.setdefault(term.parent.labels, []).append((term.pk, term.labels))
        return [("", "---------"), *groups.items()]

    def event_input(self):
        from journeys.archive.services import EventInput

        data = dict(self.cleaned_data)
        data.pop("place_text")
        data["codes"] = tuple(data["codes"])
        return EventInput(**data)


class IntervieweeFilterForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"placeholder": "W-0301", "autocomplete": "off"}),
    )
    province = TermChoiceField(
        label=_("Home province"), queryset=Term.objects.none(), required=False
    )
    stage = TermChoiceField(label=_("Stage reached"), queryset=Term.objects.none(), required=False)
    way_leaving = TermChoiceField(
        label=_("Way of leaving"), queryset=Term.objects.none(), required=False
    )
    born_from = forms.IntegerField(label=_("Born from"), required=False)
    born_until = forms.IntegerField(label=_("Born until"), required=False)
    left_from = forms.IntegerField(label=_("Left from"), required=False)
    left_until = forms.IntegerField(label=_("Left until"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces()
        self.fields["stage"].queryset = terms_of_kind(Kind.STAGE)
        self.fields["way_leaving"].queryset = terms_of_kind(Kind.WAY_LEAVING)


class ConsentWithdrawForm(forms.Form):
    """Withdrawing is confirmed on its own page, with a reason (sealed under her key)."""

    reason = forms.CharField(
        label=_("Why is the consent withdrawn?"),
        help_text=_(
            "Her words or the circumstances. Sealed under her key: only staff who record "
            "consent read it."
        ),
        widget=forms.Textarea({"rows": 3}),
        max_length=2000,
        error_messages={
            "required": _("Say why the consent is withdrawn (her words or the circumstances).")
        },
    )
    confirm = forms.BooleanField(
        label=_("I confirm: she withdraws this consent, from today."),
        error_messages={"required": _("Tick the box to confirm the withdrawal.")},
    )


class ConsentGiveForm(forms.Form):
    """Consent to a use she first refused, given later: the day she gave it."""

    date = forms.DateField(
        label=_("Date she gave her consent"), widget=forms.DateInput({"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()
