"""Disclosure control on constructed tables: every attack by subtraction is tried."""

import itertools
import random

import pytest

from journeys.reports.disclosure import (
    DisclosureRefused,
    differencing_conflicts,
    entries,
    lines,
    recoverable,
    suppress,
)
from journeys.reports.statistics import TOTAL, Category, Table

K = 10


def cats(prefix: str, n: int) -> list[Category]:
    return [Category(f"{prefix}{i}", f"{prefix}{i}", f"{prefix}{i}") for i in range(n)]


def one_way(values: list[int], **options) -> Table:
    rows = cats("r", len(values))
    counts = {(c.code, ""): v for c, v in zip(rows, values, strict=True)}
    return Table("t", "t", rows, [], counts, sum(values), **options)


def two_way(matrix: list[list[int]], **options) -> Table:
    rows, cols = cats("r", len(matrix)), cats("c", len(matrix[0]))
    counts = {
        (r.code, c.code): matrix[i][j] for i, r in enumerate(rows) for j, c in enumerate(cols)
    }
    return Table("t", "t", rows, cols, counts, sum(map(sum, matrix)), **options)


def random_tables(seed: int = 1):
    rng = random.Random(seed)
    small = [0, 0, 1, 2, 3, 5, 9, 10, 11, 14, 25, 40, 120]
    for _n in range(300):
        yield one_way([rng.choice(small) for _i in range(rng.randint(1, 8))])
    for _n in range(300):
        rows, cols = rng.randint(1, 6), rng.randint(1, 6)
        yield two_way([[rng.choice(small) for _j in range(cols)] for _i in range(rows)])


def equations(table: Table, published: dict) -> list[tuple[dict, int]]:
    """What an attacker knows: for each line, the hidden entries and what they add up to."""
    known = []
    for cells, total in lines(table):
        unknown: dict = {}
        value = 0
        for key in [*cells, total]:
            sign = -1 if key == total else 1
            if published[key] is None:
                unknown[key] = unknown.get(key, 0) + sign
            else:
                value -= sign * published[key]
        if unknown:
            known.append((unknown, value))
    return known


def attacks(table: Table, published: dict):
    """Every single subtraction (one line) and every sum or difference of two lines; yields
    each hidden entry such an attack pins down, with its true value."""
    known = equations(table, published)
    combos = list(known)
    for (a, va), (b, vb) in itertools.combinations(known, 2):
        for sign in (1, -1):
            merged = dict(a)
            for key, coef in b.items():
                merged[key] = merged.get(key, 0) + sign * coef
            combos.append(({k: c for k, c in merged.items() if c}, va + sign * vb))
    for unknown, _value in combos:
        if len(unknown) == 1:
            yield next(iter(unknown))


def test_every_small_cell_is_hidden_and_no_subtraction_recovers_a_hidden_one():
    tried = 0
    for table in random_tables():
        values = entries(table)
        published = suppress(table, K).cells
        for key, value in values.items():
            if 0 < value < K:
                assert published[key] is None, (table.counts, key)
        for key in attacks(table, published):
            pytest.fail(f"{key} recovered from {table.counts} published as {published}")
        assert recoverable(table, values, {k for k, v in published.items() if v is None}) == set()
        tried += 1
    assert tried == 600


def test_the_hidden_cells_of_a_line_add_up_to_at_least_the_minimum():
    for table in random_tables(seed=2):
        values = entries(table)
        published = suppress(table, K).cells
        for cells, _total in lines(table):
            hidden = [values[c] for c in cells if published[c] is None]
            if hidden and len(hidden) < len(cells):
                assert sum(hidden) >= K, (table.counts, cells)


def test_one_small_cell_takes_a_second_one_with_it():
    published = suppress(one_way([3, 50, 40, 12]), K).cells
    assert published[("r0", "")] is None
    assert published[("r3", "")] is None  # the smallest other cell, so 100 - 90 tells nothing
    assert published[(TOTAL, "")] == 105


def test_a_cross_tab_hides_a_rectangle_not_a_single_cell():
    published = suppress(two_way([[2, 30, 40], [25, 35, 45], [60, 20, 50]]), K).cells
    hidden = {key for key, value in published.items() if value is None}
    assert ("r0", "c0") in hidden
    assert len([k for k in hidden if k[0] == "r0"]) >= 2
    assert len([k for k in hidden if k[1] == "c0"]) >= 2


def test_a_group_that_all_share_a_sensitive_fact_is_not_shown():
    # Everyone from r1 was trafficked (column c0): her province would tell it.
    table = two_way([[40, 30], [25, 0], [50, 60]], sensitive=True)
    published = suppress(table, K).cells
    assert published[("r1", "c0")] is None
    assert published[("r1", "c1")] is None
    assert list(attacks(table, published)) == []


def test_a_sensitive_one_way_table_where_everybody_shares_the_fact_is_hidden():
    published = suppress(one_way([30, 0], sensitive=True), K).cells
    assert published[("r0", "")] is None


def test_the_same_table_over_one_more_woman_is_a_differencing_conflict():
    before = suppress(one_way([30, 50]), K).as_register()
    after = suppress(one_way([31, 50]), K)
    assert differencing_conflicts(after, [before]) == ["*|", "r0|"]
    grown = suppress(one_way([40, 60]), K)
    assert differencing_conflicts(grown, [before]) == []


def test_a_minimum_below_three_is_refused():
    with pytest.raises(DisclosureRefused):
        suppress(one_way([30]), 2)


def test_a_group_that_is_everybody_is_no_sensitive_fact_about_the_rows():
    # Everyone counted comes from r0: where they come from is not the sensitive variable.
    table = two_way([[40, 30]], sensitive=True)
    published = suppress(table, K).cells
    assert published[("r0", TOTAL)] == 70
    assert published[("r0", "c0")] == 40
