from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from journeys.accounts.decorators import recent_auth_required
from journeys.accounts.roles import Role, roles_required
from journeys.archive.selectors import interviewees_of
from journeys.erasure import services
from journeys.erasure.forms import ErasureForm
from journeys.lib.forms import add_service_errors
from journeys.vault.models import Identity


@roles_required(Role.ADMINISTRATOR)
@recent_auth_required
def interviewee_erase(request, code):
    """Erase her whole record at her request, after a fresh sign-in, her code typed and a
    reason given. The page says what goes; nothing of it can be brought back."""
    interviewee = get_object_or_404(
        interviewees_of(request.user).select_related("data_key"), code=code
    )
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.interviewee_erase(
                acting_user=request.user, interviewee=interviewee, **form.cleaned_data
            )
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("The record of %(code)s was erased.") % {"code": code})
            return redirect("archive:interviewee_list")
    context = {
        "form": form,
        "interviewee": interviewee,
        "interviews": interviewee.interviews.count(),
        "has_identity": Identity.objects.filter(interviewee=interviewee).exists(),
    }
    return render(request, "erasure/interviewee_erase.html", context)
