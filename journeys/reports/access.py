"""Who may read and release statistics (the role sets of the reports app).

Researchers analyse the coded data, publishers prepare the report, administrators may do
everything: all three read the dashboard and download its suppressed tables (each download a
release). Only publishers and administrators build the report, a publication with testimony
excerpts chosen by the publisher.
"""

from journeys.accounts.roles import Role

READ_STATISTICS = frozenset({Role.ADMINISTRATOR, Role.RESEARCHER, Role.PUBLISHER})
BUILD_REPORT = frozenset({Role.ADMINISTRATOR, Role.PUBLISHER})
