from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from journeys.accounts.roles import Role, roles_required
from journeys.audit import presentation, selectors
from journeys.audit.forms import EntryFilterForm
from journeys.audit.services import AuditError, audit_record
from journeys.audit.verify import Result, verify_chain


@roles_required(Role.ADMINISTRATOR)
def entry_list(request):
    form = EntryFilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    filters = {k: v for k, v in form.cleaned_data.items() if v} if form.is_bound and valid else {}
    qs = selectors.entries_filtered(selectors.EntryFilter(**filters), user=request.user)
    try:
        _record_reading(request, filters)
    except AuditError as e:
        # No entry, no reading: the page only says why (verification still works).
        messages.error(request, str(e))
        valid = False
    if not valid:
        qs = qs.none()
    page = Paginator(qs, settings.JOURNEYS_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "entries": presentation.present(page.object_list),
        "query": query.urlencode(),
        "last_verification": selectors.last_verification(request.user),
    }
    return render(request, "audit/entry_list.html", context)


def _record_reading(request, filters: dict) -> None:
    """Reading the trail is itself recorded, with what was searched for, before it is shown."""
    audit_record(
        actor=request.user,
        action="audit.trail.read",
        detail={
            "filters": {k: str(v) for k, v in filters.items()},
            "page": request.GET.get("page", "1")[:10],
        },
        request=request,
    )


@roles_required(Role.ADMINISTRATOR)
@require_POST
def verify(request):
    """Check the whole chain now. May take seconds on a trail of millions of entries."""
    result = verify_chain()
    notify = messages.success if result.intact else messages.error
    notify(request, result.summary())
    try:
        audit_record(
            actor=request.user,
            action=selectors.VERIFIED,
            detail=_verdict(result),
            request=request,
        )
    except AuditError as e:
        # A trail without its head takes no entries; the verdict above already says why.
        messages.error(request, str(e))
    return redirect("audit:entry_list")


def _verdict(result: Result) -> dict:
    problem = result.problem
    return {
        "intact": result.intact,
        "entries": result.entries,
        "problem": problem.kind.value if problem else "",
        "seq": problem.seq if problem else result.last_seq,
    }
