"""The role x view matrix, read from the URL resolver: what docs/roles.md shows and
tests/accounts/test_role_matrix.py checks against the real responses."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

from journeys.accounts.roles import (
    PUBLIC,
    Role,
    allowed_before_second_factor,
    allowed_roles_of,
)


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    allowed: frozenset | str | None
    before_second_factor: bool = False


def routes() -> list[Route]:
    """Every named URL the resolver knows, with the roles its view allows."""
    found: list[Route] = []

    def walk(patterns, prefix: str, namespace: str):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), ns)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}{entry.name}" if entry.name else f"(unnamed) {entry.pattern}"
                view = entry.callback
                found.append(
                    Route(
                        name,
                        prefix + str(entry.pattern),
                        allowed_roles_of(view),
                        allowed_before_second_factor(view),
                    )
                )

    walk(get_resolver().url_patterns, "/", "")
    return found


def matrix_markdown() -> str:
    header = "| URL | name | " + " | ".join(role.value for role in Role) + " |"
    lines = [header, "|" + "---|" * (2 + len(Role))]
    for route in routes():
        if route.allowed == PUBLIC:
            cells = ["public"] * len(Role)
        else:
            allowed = "yes†" if route.before_second_factor else "yes"
            cells = [allowed if route.allowed and role in route.allowed else "—" for role in Role]
        lines.append(f"| `{route.pattern}` | `{route.name}` | " + " | ".join(cells) + " |")
    lines += [
        "",
        "† also after the password alone, before the code (the pages that end a sign-in).",
    ]
    return "\n".join(lines) + "\n"
