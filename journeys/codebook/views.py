from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from journeys.accounts.roles import MANAGE_CODEBOOK, READ_ARCHIVE, roles_required
from journeys.codebook import selectors, services
from journeys.codebook.forms import TermForm
from journeys.codebook.models import Kind, Term
from journeys.lib.forms import add_service_errors


@roles_required(READ_ARCHIVE)
def term_list(request):
    kind = request.GET.get("kind") or Kind.PLACE
    if kind not in Kind.values:
        kind = Kind.PLACE
    query = request.GET.get("q", "").strip()
    if query:
        terms = selectors.terms_search(query, kind=kind, limit=200)
    else:
        terms = Term.objects.filter(kind=kind).select_related("parent").prefetch_related("aliases")
    context = {"kinds": Kind.choices, "kind": kind, "terms": terms, "query": query}
    return render(request, "codebook/term_list.html", context)


@roles_required(MANAGE_CODEBOOK)
def term_new(request):
    form = TermForm(request.POST or None, initial={"kind": request.GET.get("kind")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("aliases")
        try:
            term = services.term_create(acting_user=request.user, aliases=form.alias_list(), **data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            messages.success(request, _("%(term)s was added to the codebook.") % {"term": term})
            return redirect(f"{reverse('codebook:term_list')}?kind={term.kind}")
    return render(request, "codebook/term_new.html", {"form": form})


@roles_required(READ_ARCHIVE)
def term_pick(request):
    """The options of a codebook picker (htmx): terms matching any of their spellings."""
    kind = request.GET.get("kind")
    # A picker inside a form sends its box under the form's field name (place_text).
    query = request.GET.get("q") or request.GET.get("place_text", "")
    terms = selectors.terms_search(query, kind=kind if kind else None)
    return render(request, "codebook/_pick_options.html", {"terms": terms})
