#!/usr/bin/env bash
# The long I/O-error sweep: tst_vfs_faults with PAPERBOY_VFS_FAULTS=long fails every write,
# sync and read of each operation in turn, on inputs ten times larger than in CTest, as a
# full disk and as a single I/O error (tests/support/fault_sweep.h).
#
#   tests/faults/run-vfs-faults.sh                 # every operation
#   tests/faults/run-vfs-faults.sh everyWriteFails:import   # one of them
#
# Environment: BUILD_DIR (default build), JOBS (default 2), NICE (default 10).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
    launcher=()
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DPAPERBOY_BUILD_TESTS=ON "${launcher[@]}"
fi
nice -n "${NICE:-10}" cmake --build "$build" --target tst_vfs_faults -j "${JOBS:-2}"
# Run from a copy, so a rebuild during a long run does not swap the program mid-run.
bin="$(mktemp -d /tmp/paperboy-faults-bin-XXXXXX)"
trap 'rm -rf "$bin"' EXIT
cp "$build/tests/tst_vfs_faults" "$bin/"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
PAPERBOY_VFS_FAULTS=long nice -n "${NICE:-10}" "$bin/tst_vfs_faults" "$@" || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
