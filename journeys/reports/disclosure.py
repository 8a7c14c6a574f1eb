"""Disclosure control: what of a table may be published.

1. Threshold: a count between 1 and k-1 (k = JOURNEYS_MIN_CELL) is suppressed, whether an
   inner cell or a total.
2. No group shares a sensitive fact as a whole: in a table of sensitive facts, a line
   where one category holds everybody (all the women from X were trafficked) is suppressed.
3. Complementary suppression: in every line (a 1-D table with its total; each row and each
   column of a cross-tab with its margin, and the margins with the grand total) that has a
   suppressed entry, at least two entries are suppressed and the suppressed inner cells add
   up to at least k, so neither a subtraction nor the small sum of the hidden cells tells.
   Then an exact check solves the system of all published totals (rational Gaussian
   elimination): any hidden cell the published numbers still determine makes another cell
   of its row hidden, until none is determined.
4. Differencing: a cell published before (the register of releases) and again with a
   difference between 1 and k-1 would tell the few women who came or went; such a release is
   refused.
"""

from dataclasses import dataclass
from fractions import Fraction

from django.conf import settings
from django.utils.translation import gettext as _

from journeys.reports.statistics import TOTAL, Summary, Table

Key = tuple[str, str]


class DisclosureRefused(Exception):
    """The table cannot be published as it is; the message says why."""


@dataclass
class Published:
    """A table after disclosure control: each entry a count, or None when suppressed."""

    table: Table
    min_cell: int
    cells: dict[Key, int | None]

    def as_register(self) -> dict[str, int | None]:
        return {cell_key(key): value for key, value in self.cells.items()}


def cell_key(key: Key) -> str:
    return f"{key[0]}|{key[1]}"


def min_cell(value: int | None = None) -> int:
    k = settings.JOURNEYS_MIN_CELL if value is None else value
    if k < 3:
        raise DisclosureRefused(_("The minimum cell size must be at least 3."))
    return k


# -- the table as entries and lines -----------------------------------------------------------


def entries(table: Table) -> dict[Key, int]:
    """Every publishable entry: inner cells, and the totals that go with them."""
    rows = [r.code for r in table.rows]
    values: dict[Key, int] = {}
    if not table.cols:
        for r in rows:
            values[(r, "")] = table.counts.get((r, ""), 0)
        values[(TOTAL, "")] = table.total
        return values
    cols = [c.code for c in table.cols]
    for r in rows:
        for c in cols:
            values[(r, c)] = table.counts.get((r, c), 0)
        values[(r, TOTAL)] = sum(values[(r, c)] for c in cols)
    for c in cols:
        values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
    values[(TOTAL, TOTAL)] = sum(values[(TOTAL, c)] for c in cols)
    return values


def lines(table: Table) -> list[tuple[list[Key], Key]]:
    """Each (cells, total) whose cells add up to the total (for a multi-response table:
    treated as if they did, which only hides more)."""
    rows = [r.code for r in table.rows]
    if not table.cols:
        return [([(r, "") for r in rows], (TOTAL, ""))]
    cols = [c.code for c in table.cols]
    found = [([(r, c) for c in cols], (r, TOTAL)) for r in rows]
    found += [([(r, c) for r in rows], (TOTAL, c)) for c in cols]
    found.append(([(TOTAL, c) for c in cols], (TOTAL, TOTAL)))
    found.append(([(r, TOTAL) for r in rows], (TOTAL, TOTAL)))
    return found


# -- suppression ------------------------------------------------------------------------------


def suppress(table: Table, k: int | None = None) -> Published:
    k = min_cell(k)
    values = entries(table)
    hidden = {key for key, v in values.items() if 0 < v < k}
    hidden |= _shared_by_everyone(table, values)
    for _round in range(len(values) + 1):
        _complete_lines(table, values, hidden, k)
        determined = recoverable(table, values, hidden) if table.additive else set()
        if not determined:
            break
        for key in determined:
            _hide_one_more(table, values, hidden, key)
    cells = {key: (None if key in hidden else v) for key, v in values.items()}
    return Published(table, k, cells)


def _shared_by_everyone(table: Table, values: dict[Key, int]) -> set[Key]:
    """The lines of a sensitive table in which one category holds the whole group."""
    if not table.sensitive:
        return set()
    hidden: set[Key] = set()
    for cells, total in lines(table):
        if not cells:  # a cross-tab with no rows yet (an empty archive): nothing to hide
            continue
        group = values[total]
        # Only the lines of categories for one group: a row of a cross-tab (its columns are
        # the sensitive variable), or a 1-D table (the group is everybody counted).
        if table.cols and (total[1] != TOTAL or cells[0][1] == TOTAL):
            continue
        if group > 0 and any(values[c] == group for c in cells):
            hidden.update(cells)
    return hidden


def _complete_lines(table: Table, values, hidden: set[Key], k: int) -> None:
    changed = True
    while changed:
        changed = False
        for cells, total in lines(table):
            line = [*cells, total]
            if not any(key in hidden for key in line):
                continue
            count = sum(1 for key in line if key in hidden)
            hidden_sum = sum(values[key] for key in cells if key in hidden)
            if count >= 2 and (hidden_sum >= k or all(key in hidden for key in cells)):
                continue
            candidate = _smallest_visible(cells, values, hidden) or (
                total if total not in hidden else None
            )
            if candidate is None:
                continue
            hidden.add(candidate)
            changed = True


def _smallest_visible(cells, values, hidden) -> Key | None:
    visible = [key for key in cells if key not in hidden]
    if not visible:
        return None
    # A hidden zero protects nothing when the rest is known: prefer a non-zero partner.
    return min(visible, key=lambda key: (values[key] == 0, values[key]))


def _hide_one_more(table: Table, values, hidden: set[Key], key: Key) -> None:
    for cells, total in lines(table):
        if key in cells or key == total:
            candidate = _smallest_visible(cells, values, hidden)
            if candidate is not None:
                hidden.add(candidate)
                return
            if total not in hidden:
                hidden.add(total)
                return


def recoverable(table: Table, values: dict[Key, int], hidden: set[Key]) -> set[Key]:
    """The hidden entries that the published entries determine exactly.

    Each line gives one linear equation in the hidden entries (its visible entries are
    known); a hidden entry is determined when its unit vector lies in the row space of the
    equations, i.e. when it is a pivot whose reduced row has no free variable.
    """
    unknowns = sorted(hidden)
    index = {key: i for i, key in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for cells, total in lines(table):
        row = [Fraction(0)] * len(unknowns)
        for key in cells:
            if key in index:
                row[index[key]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            matrix.append(row)
    pivots = _reduce(matrix, len(unknowns))
    free = set(range(len(unknowns))) - {col for col, _row in pivots}
    found = set()
    for col, row in pivots:
        if all(matrix[row][f] == 0 for f in free):
            found.add(unknowns[col])
    return found


def _reduce(matrix: list[list[Fraction]], width: int) -> list[tuple[int, int]]:
    """Reduced row echelon form in place; returns (pivot column, row) pairs."""
    pivots = []
    r = 0
    for col in range(width):
        pivot = next((i for i in range(r, len(matrix)) if matrix[i][col] != 0), None)
        if pivot is None:
            continue
        matrix[r], matrix[pivot] = matrix[pivot], matrix[r]
        lead = matrix[r][col]
        matrix[r] = [v / lead for v in matrix[r]]
        for i in range(len(matrix)):
            if i != r and matrix[i][col] != 0:
                factor = matrix[i][col]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[r], strict=True)]
        pivots.append((col, r))
        r += 1
    return pivots


def summarise(summary: Summary, k: int | None = None) -> dict[str, int | None]:
    """Quartiles and range of a distribution, published only over at least k values. The
    range is the k-th smallest and k-th largest value, not the extremes: the one woman sold
    for the highest price is not shown."""
    k = min_cell(k)
    n = summary.n
    if n < k:
        return {"n": None, "low": None, "p25": None, "median": None, "p75": None, "high": None}
    # Below 2k values the k-th smallest and k-th largest cross: no range then.
    ranged = n >= 2 * k
    return {
        "n": n,
        "low": summary.at(k) if ranged else None,
        "p25": summary.at(max(1, -(-n // 4))),
        "median": summary.at(max(1, -(-n // 2))),
        "p75": summary.at(max(1, -(-3 * n // 4))),
        "high": summary.at(n - k + 1) if ranged else None,
    }


# -- differencing -----------------------------------------------------------------------------


def differencing_conflicts(published: Published, earlier) -> list[str]:
    """The cells that, subtracted from the same cell of an earlier release, would show
    between 1 and k-1 women. `earlier`: released tables' cells, as Release.cells."""
    k = published.min_cell
    new = published.as_register()
    conflicts = []
    for old in earlier:
        for key, value in new.items():
            before = old.get(key)
            if value is None or before is None:
                continue
            if 0 < abs(value - before) < k:
                conflicts.append(key)
    return sorted(set(conflicts))
