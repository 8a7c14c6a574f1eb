"""The researchers' dashboard: filters, charts and tables of published statistics, and
downloads of the suppressed tables.

Reading the dashboard is audited but is not a release: what it shows stays inside the
archive, before people whose role already reads the coded journeys one by one. A download
leaves the archive, so each is a release: registered, checked for differencing against every
earlier release of its table (filtered or not), and audited.
"""

import io
import json
import zipfile

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from journeys.accounts.roles import roles_required
from journeys.audit.services import audit_record
from journeys.reports import exports, report
from journeys.reports.access import READ_STATISTICS
from journeys.reports.disclosure import DisclosureRefused
from journeys.reports.display import grid
from journeys.reports.forms import ScopeForm
from journeys.reports.services import published_tables, tables_release
from journeys.reports.statistics import EVERYONE, TABLES


@roles_required(READ_STATISTICS)
def dashboard(request):
    form = ScopeForm(request.GET or None)
    context = {"form": form, "figures": [], "query": request.GET.urlencode()}
    if not form.is_bound or form.is_valid():
        scope = form.scope() if form.is_bound else EVERYONE
        lang = translation.get_language() or "en"
        tables = {
            p.table.name: p
            for p in published_tables(acting_user=request.user, names=report.TABLES, scope=scope)
        }
        context["figures"] = _figures(tables, lang)
        context["scope"] = scope
        context["k"] = next(iter(tables.values())).min_cell
        audit_record(
            actor=request.user,
            action="reports.view",
            detail={"scope": scope.as_parameters()},
            request=request,
        )
    template = "reports/_results.html" if request.htmx else "reports/dashboard.html"
    return render(request, template, context)


def _figures(tables, lang: str) -> list[dict]:
    figures = []
    for names, kind in report.FIGURES:
        figure = report.figure(names, kind, tables, lang)
        figure["grids"] = [
            grid(tables[name], lang, report.title_of(tables[name], lang), _("Total"))
            for name in names
            if not (kind == "flow" and name == "origin_provinces")
        ]
        figures.append(figure)
    return figures


def _released(request, names: list[str]):
    """Release the tables over the whole archive; None (and a message) when refused.

    A download is never filtered, whatever the screen shows: filtered releases that
    overlap (born up to 1979, from 1981, and everyone) would give away the women born in
    1980 by subtraction, which no pairwise check sees. Filters stay on the screen, inside
    the archive."""
    form = ScopeForm(request.POST)
    try:
        published = published_tables(acting_user=request.user, names=names, scope=EVERYONE)
        tables_release(acting_user=request.user, tables=published, scope=EVERYONE)
    except DisclosureRefused as e:
        audit_record(
            actor=request.user,
            action="reports.release.refused",
            detail={"tables": names},
            request=request,
        )
        messages.error(request, str(e))
        return None, form
    return published, form


def _back(form):
    query = {k: v for k, v in form.data.items() if k in form.fields and v}
    url = reverse("reports:dashboard")
    return redirect(f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else url)


@require_POST
@roles_required(READ_STATISTICS)
def download_csv(request, table):
    if table not in TABLES:
        raise Http404
    published, form = _released(request, [table])
    if published is None:
        return _back(form)
    response = HttpResponse(exports.to_csv(published[0]), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table}.csv"'
    return response


@require_POST
@roles_required(READ_STATISTICS)
def download_datapackage(request):
    published, form = _released(request, report.TABLES)
    if published is None:
        return _back(form)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # A fixed time in every entry: the same tables give the same file.
        def add(name: str, text: str) -> None:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)

        for p in published:
            add(f"{p.table.name}.csv", exports.to_csv(p))
        add(
            "datapackage.json",
            json.dumps(exports.datapackage(published), ensure_ascii=False, indent=2) + "\n",
        )
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="journeys-statistics.zip"'
    return response
