#!/usr/bin/env bash
# Install the PostgreSQL server binaries (Debian's `postgresql` package) for the PostgreSQL tests.
# The tests start their own throwaway server from these binaries (initdb, pg_ctl); nothing runs
# as a service. Idempotent: does nothing when initdb is already there. apt-install.sh uses sudo only when not root.
set -euo pipefail

find_initdb() {
    if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
        echo "$(pg_config --bindir)/initdb"; return 0
    fi
    for candidate in /usr/lib/postgresql/*/bin/initdb; do
        if [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
    done
    command -v initdb 2>/dev/null
}

if initdb_path="$(find_initdb)" && [ -n "$initdb_path" ]; then
    echo "PostgreSQL server binaries are already installed: $("$initdb_path" --version)"
    exit 0
fi

bash "$(dirname "$0")/apt-install.sh" postgresql
"$(find_initdb)" --version
