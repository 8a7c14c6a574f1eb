from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from journeys.accounts import sessions
from journeys.accounts.decorators import recent_auth_required
from journeys.accounts.roles import (
    KEEP_IDENTITIES,
    REVEAL_IDENTITY,
    Role,
    roles_required,
)
from journeys.archive.selectors import interviewees_of
from journeys.lib.forms import add_service_errors
from journeys.vault import identity
from journeys.vault.forms import (
    CONTACT_LABELS,
    CodeForm,
    IdentityForms,
    LookupForm,
    RevealForm,
)
from journeys.vault.models import Identity, VaultPolicy
from journeys.vault.services import vault_policy_set


@roles_required(KEEP_IDENTITIES, Role.INTERVIEWER)
@never_cache
def identity_edit(request, code):
    """Record her identity (an interviewer at intake, or the custodian), or correct it (the
    custodian only). Correcting shows the identity kept now, so it is a reveal first: a
    fresh sign-in and a stated reason, audited, before the form opens filled in."""
    interviewee = get_object_or_404(
        interviewees_of(request.user).select_related("data_key"), code=code
    )
    exists = Identity.objects.filter(interviewee=interviewee).exists()
    if exists and request.user.role != Role.CUSTODIAN:
        raise PermissionDenied
    if exists and not sessions.confirmed_recently(request.session):
        return redirect_to_login(request.get_full_path(), "accounts:reauth")
    # The way back: the custodian may not open the record page, the interviewer came from it.
    if request.user.role == Role.CUSTODIAN:
        back = reverse("vault:lookup")
    else:
        back = reverse("archive:interviewee_detail", args=[code])
    context = {"interviewee": interviewee, "exists": exists, "back": back}
    if exists and request.POST.get("step") != "save":
        return _identity_opened_for_correction(request, interviewee, context)
    forms = IdentityForms(request.POST or None)
    if request.method == "POST" and forms.is_valid():
        try:
            identity.identity_save(
                acting_user=request.user, interviewee=interviewee, data=forms.identity()
            )
        except ValidationError as e:
            add_service_errors(forms.form, e)
        else:
            messages.success(request, _("Her identity is sealed in the vault."))
            if request.user.role == Role.CUSTODIAN:
                return redirect("vault:lookup")
            return redirect("archive:interviewee_detail", code)
    return render(request, "vault/identity_edit.html", {**context, "forms": forms})


def _identity_opened_for_correction(request, interviewee, context):
    """The first step of a correction: the reason, then the form filled in."""
    reason = RevealForm(request.POST or None)
    if request.method == "POST" and reason.is_valid():
        try:
            kept = identity.identity_reveal(
                acting_user=request.user,
                interviewee=interviewee,
                reason=reason.cleaned_data["reason"],
            )
        except ValidationError as e:
            add_service_errors(reason, e)
        else:
            forms = IdentityForms(initial=kept)
            return render(request, "vault/identity_edit.html", {**context, "forms": forms})
    return render(request, "vault/identity_edit.html", {**context, "reason_form": reason})


@roles_required(REVEAL_IDENTITY)
@recent_auth_required
@never_cache
def identity_reveal(request, code):
    interviewee = get_object_or_404(
        interviewees_of(request.user).select_related("data_key"), code=code
    )
    if not identity.may_reveal(request.user, interviewee):
        raise PermissionDenied
    if not Identity.objects.filter(interviewee=interviewee).exists():
        # Whoever may open this page may also record what the vault lacks (identity_edit).
        context = {"interviewee": interviewee, "can_record": True}
        return render(request, "vault/identity_reveal.html", context)
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        try:
            revealed = identity.identity_reveal(
                acting_user=request.user,
                interviewee=interviewee,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as e:
            add_service_errors(form, e)
    contacts = (
        [(CONTACT_LABELS.get(c.kind, c.kind), c.value) for c in revealed.contacts]
        if revealed
        else []
    )
    context = {
        "form": form,
        "interviewee": interviewee,
        "identity": revealed,
        "contacts": contacts,
        "has_identity": True,
        "can_correct": request.user.role == Role.CUSTODIAN,
    }
    return render(request, "vault/identity_reveal.html", context)


@roles_required(KEEP_IDENTITIES)
@never_cache
def lookup(request):
    """Is this person already in the archive? Asked by POST, so no name lands in a URL or a
    server log. A code (not identifying) may be given by GET to open her identity page."""
    by_code = CodeForm(request.GET or None)
    if by_code.is_bound and by_code.is_valid():
        code = by_code.cleaned_data["code"].strip().upper()
        if interviewees_of(request.user).filter(code=code).exists():
            return redirect("vault:identity_edit", code)
        by_code.add_error("code", _("No record of your team has this code."))
    form = LookupForm(request.POST or None)
    codes = None
    if request.method == "POST" and form.is_valid():
        try:
            codes = identity.identity_lookup(acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
    context = {"form": form, "codes": codes, "by_code": by_code}
    return render(request, "vault/lookup.html", context)


@roles_required(Role.ADMINISTRATOR)
@recent_auth_required
def policy(request):
    """The administrator's own team's policy: who besides the custodian may open identities."""
    if request.method == "POST":
        vault_policy_set(
            acting_user=request.user,
            interviewers_may_reveal=request.POST.get("interviewers_may_reveal") == "on",
        )
        messages.success(request, _("The vault policy was saved."))
        return redirect("vault:policy")
    return render(
        request, "vault/policy.html", {"policy": VaultPolicy.of_team(request.user.team_id)}
    )
