#!/usr/bin/env bash
# The long crash-safety run: >= 1,000 SIGKILLs of importing, fetching, restoring, upgrading,
# starring and annotating paperboy processes and of the window, the library checked after
# every kill.
#
#   tests/crash/run-long.sh                  # 1,000 kills, a fresh seed
#   KILLS=5000 SEED=42 tests/crash/run-long.sh
#
# Environment: KILLS (default 1000), SEED (default: the time), BUILD_DIR (default build-crash,
# a Debug build; point it at an existing build to skip configuring), JOBS (default 2).
# Extra arguments go to paperboy_crash (--loaders, --writers, --entries, --verbose).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build-crash}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug "${launcher[@]}"
fi
CCACHE_BASEDIR="$root" cmake --build "$build" --target paperboy_crash -j "${JOBS:-2}"
# The programs run from a copy, so a rebuild during a long run does not swap them mid-run.
bin="$(mktemp -d /tmp/paperboy-crash-bin-XXXXXX)"
trap 'rm -rf "$bin"' EXIT
cp "$build/app/paperboy" "$build/tests/crash/paperboy_crash" \
    "$build/tests/crash/paperboy_crash_writer" "$build/tests/crash/paperboy_crash_window" "$bin/"
seed_args=()
[ -n "${SEED:-}" ] && seed_args=(--seed "$SEED")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
"$bin/paperboy_crash" --kills "${KILLS:-1000}" --max-seconds 36000 --binary "$bin/paperboy" \
    --writer-binary "$bin/paperboy_crash_writer" --window-binary "$bin/paperboy_crash_window" \
    "${seed_args[@]}" "$@" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
