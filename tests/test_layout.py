"""The structure of the house: no two apps import each other, and what is not product
(the demo generator, the benchmarks) is imported by no product code."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "journeys"

# Two-way pairs that remain, each with why it is not simply undone. The test fails when one
# of them is undone (strike it here) or when any other pair appears.
KNOWN_TWO_WAY = {
    # Sign-ins and refusals are audited (accounts -> audit); the audit trail's page is for
    # administrators (audit -> accounts.roles). Undoing it means moving the roles out of
    # accounts, which every view imports.
    frozenset({"accounts", "audit"}),
    # Archive services keep the fact table and the search index in step, in the same
    # transaction (archive -> reports, search); both read the archive's models.
    frozenset({"archive", "reports"}),
    frozenset({"archive", "search"}),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, relative imports
    resolved, `from package import module` counted as importing the module."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            found |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return found


def app_of(module: str) -> str | None:
    """journeys.vault.identity -> vault; project-level modules (settings, urls) -> None."""
    parts = module.split(".")
    if parts[0] != "journeys" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
        return None
    return parts[1]


def app_imports() -> dict[tuple[str, str], set[str]]:
    """(importing app, imported app) -> the importing modules."""
    edges = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        importer = app_of(module_name(path))
        if importer is None:
            continue
        for imported in imported_modules(path):
            target = app_of(imported)
            if target and target != importer:
                edges[importer, target].add(module_name(path))
    return edges


def two_way_pairs(edges) -> set[frozenset]:
    return {frozenset(pair) for pair in edges if (pair[1], pair[0]) in edges}


def test_the_import_scan_sees_the_imports_it_must_judge():
    edges = app_imports()
    assert "journeys.keys.sealing" in imported_modules(PACKAGE / "archive" / "services.py")
    assert ("archive", "keys") in edges
    assert ("vault", "archive") in edges, "a model-level import from another app is seen"


def test_no_two_apps_import_each_other():
    found = two_way_pairs(app_imports())
    edges = app_imports()
    unexpected = {
        tuple(sorted(pair)): sorted(m for (a, b), ms in edges.items() if {a, b} == pair for m in ms)
        for pair in found - KNOWN_TWO_WAY
    }
    assert unexpected == {}, "these apps import each other: make one of them not know the other"
    undone = KNOWN_TWO_WAY - found
    assert undone == set(), "no longer two-way: strike these from KNOWN_TWO_WAY"


def test_the_keys_backup_and_vault_stand_apart():
    edges = app_imports()
    assert ("keys", "vault") not in edges
    assert ("keys", "archive") not in edges
    assert ("audit", "vault") not in edges
    assert ("archive", "vault") not in edges
    assert ("vault", "backup") not in edges
    assert ("keys", "backup") not in edges


def test_no_product_code_imports_the_demo_generator_or_the_benchmarks():
    importers = {
        module_name(path)
        for path in PACKAGE.rglob("*.py")
        if not module_name(path).startswith("journeys.demo")
        and any(name.startswith(("journeys.demo", "bench")) for name in imported_modules(path))
    }
    assert importers == set()
