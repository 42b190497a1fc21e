#!/bin/sh
# Builds the upgrade fixtures: one library per schema version, as Paperboy at that version
# would have left it, from the numbered migration files with the sqlite3 shell. The .sqlite
# files are committed: they must stay what the OLD code wrote, so regenerate a version only
# when its fixture is missing (a new migration NNN adds schema-v(NNN-1) once):
#
#   tests/data/upgrades/generate.sh            # every version that has no fixture yet
#   tests/data/upgrades/generate.sh 3          # (re)build schema-v003.sqlite
#
# Every fixture holds the same cache and user data (data.sql plus version-specific rows), so
# tests/unit/tst_upgrade_fixtures.cpp can check each one survives every later migration.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
migrations="$here/../../../resources/migrations"
command -v sqlite3 >/dev/null || { echo "generate.sh: needs the sqlite3 shell (apt-get install sqlite3)" >&2; exit 1; }

latest=0
for f in "$migrations"/[0-9][0-9][0-9]_*.sql; do
    v=$(basename "$f" | cut -c1-3 | sed 's/^0*//')
    [ "$v" -gt "$latest" ] && latest=$v
done

build() {
    version=$1
    out="$here/$(printf 'schema-v%03d.sqlite' "$version")"
    tmp="$out.tmp"
    rm -f "$tmp" "$tmp-wal" "$tmp-shm"
    {
        v=1
        while [ "$v" -le "$version" ]; do
            cat "$migrations"/$(printf '%03d' "$v")_*.sql
            echo ";"
            v=$((v + 1))
        done
        echo "BEGIN;"
        cat "$here/data.sql"
        [ "$version" -ge 2 ] && cat "$here/data-v2.sql"
        [ "$version" -ge 4 ] && cat "$here/data-v4.sql"
        [ "$version" -ge 11 ] && cat "$here/data-v11.sql"
        echo "COMMIT;"
        echo "PRAGMA user_version = $version;"
        # Real libraries are WAL files; closing the shell checkpoints and removes the -wal.
        echo "VACUUM;"
        echo "PRAGMA journal_mode = WAL;"
    } | sqlite3 -bail "$tmp" >/dev/null
    [ "$(sqlite3 "$tmp" 'PRAGMA integrity_check')" = ok ]
    mv "$tmp" "$out"
    echo "wrote $out ($(wc -c <"$out") bytes)"
}

if [ $# -gt 0 ]; then
    for v in "$@"; do build "$v"; done
else
    v=1
    while [ "$v" -le "$latest" ]; do
        [ -f "$here/$(printf 'schema-v%03d.sqlite' "$v")" ] || build "$v"
        v=$((v + 1))
    done
fi
