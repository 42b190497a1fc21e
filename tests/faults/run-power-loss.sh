#!/usr/bin/env bash
# The long power-loss run: >= 1,000 random workloads, each losing power at a random write or
# sync through the fault VFS (tests/faults/power_loss.h), the library checked after each.
#
#   tests/faults/run-power-loss.sh                 # 1,000 runs, a fresh seed
#   RUNS=5000 SEED=42 tests/faults/run-power-loss.sh
#
# Environment: RUNS (default 1000), SEED (default: the time), BUILD_DIR (default build; point
# it at an existing build to skip configuring), JOBS (default 2), NICE (default 10).
# Extra arguments go to paperboy_power_loss (--steps, --upgrade-percent, --verbose).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
fi
nice -n "${NICE:-10}" cmake --build "$build" --target paperboy_power_loss -j "${JOBS:-2}"
seed_args=()
[ -n "${SEED:-}" ] && seed_args=(--seed "$SEED")
# Run from a copy, so a rebuild during a long run does not swap the program mid-run.
bin="$(mktemp -d /tmp/paperboy-faults-bin-XXXXXX)"
trap 'rm -rf "$bin"' EXIT
cp "$build/tests/faults/paperboy_power_loss" "$bin/"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
nice -n "${NICE:-10}" "$bin/paperboy_power_loss" --runs "${RUNS:-1000}" \
    "${seed_args[@]}" "$@" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
