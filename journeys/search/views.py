from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect

from journeys.accounts.roles import READ_ARCHIVE, roles_required
from journeys.archive.selectors import interviewee_by_code
from journeys.search import selectors
from journeys.search.forms import SearchForm
from journeys.search.query import QueryError
from journeys.search.services import (
    index_complete,
    index_outdated,
    search_code_opened,
    search_record,
)
from journeys.search.snippets import attach_snippets


@roles_required(READ_ARCHIVE)
def results(request):
    """The results page: hits with snippets, facets with counts; htmx swaps the results."""
    form = SearchForm(request.GET)
    context = {"form": form, "results": None, "error": ""}
    searched = bool(request.GET)
    if searched and form.is_valid():
        text = form.cleaned_data["q"]
        record = interviewee_by_code(text, request.user)
        if record is not None:
            return _open(request, record, text)
        try:
            found = selectors.search(
                request.user, text, form.filters(), page=form.cleaned_data["page"] or 1
            )
        except QueryError as e:
            context["error"] = str(e)
        else:
            if found.query and found.query.node is not None:
                attach_snippets(found.hits, found.query.hashes)
            search_record(acting_user=request.user, text=text, results=found, request=request)
            context.update(results=found, query=_query_without(request, "page"))
            _link_facets(request, found)
    if not index_complete():
        context["incomplete"] = _(
            "The search index does not hold every interview yet: an administrator should run "
            "`journeys reindex`."
        )
    elif index_outdated():
        context["incomplete"] = _(
            "Some interviews were indexed by an earlier version of the search and may be "
            "missed by some words: an administrator should run `journeys reindex`."
        )
    template = "search/_results.html" if request.htmx else "search/results.html"
    return render(request, template, context)


def _open(request, record, text):
    """A code typed as the search opens that record, as a code in the list would. Another
    team's code is not found, so it is searched as words and finds nothing."""
    search_code_opened(acting_user=request.user, text=text, interviewee=record, request=request)
    url = reverse("archive:interviewee_detail", args=[record.code])
    # htmx swaps the results in place; a record is a page of its own, so it asks the browser.
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@roles_required(READ_ARCHIVE)
def suggest(request):
    text = request.GET.get("q", "")[:100]
    found = selectors.suggestions(text, request.user)
    return render(request, "search/_suggestions.html", {"suggestions": found, "text": text})


def _query_without(request, *names) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _link_facets(request, found) -> None:
    """Give each facet value the query string that toggles it (back on page 1)."""
    for facet in found.facets:
        for value in facet.values:
            query = request.GET.copy()
            query.pop("page", None)
            if facet.name == "language":
                query["language"] = "" if value.selected else value.value
            elif facet.name == "left":
                query["left_from"], query["left_until"] = value.value, int(value.value) + 9
            else:
                key = f"{facet.name}:{value.value}"
                chosen = [v for v in query.getlist("f") if v != key]
                query.setlist("f", chosen if value.selected else [*chosen, key])
            value.link = query.urlencode()
