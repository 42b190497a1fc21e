#!/usr/bin/env bash
# Installs the dependencies when missing, builds, and runs every test headless.
# Exits non-zero on any failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
source "$here/deps.sh"
paperboy_install_deps "${PAPERBOY_BUILD_DEPS[@]}" "${PAPERBOY_TEST_DEPS[@]}"

build="${PAPERBOY_BUILD_DIR:-$root/build-test}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPAPERBOY_BUILD_TESTS=ON
cmake --build "$build"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure --timeout 600 -j "$(nproc)"
