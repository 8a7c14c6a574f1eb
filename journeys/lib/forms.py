"""Small helpers shared by the forms of every app."""

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's validation errors on the form: on the field they name where the form
    has that field, above the form otherwise."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class TermChoiceField(forms.ModelChoiceField):
    """A codebook term, shown with both labels, the page's language first."""

    def label_from_instance(self, term):
        return term.labels


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, term):
        return term.labels
