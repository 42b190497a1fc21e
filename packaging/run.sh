#!/usr/bin/env bash
# Installs the build dependencies when missing, builds a Release build and opens Paperboy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
source "$here/deps.sh"
paperboy_install_deps "${PAPERBOY_BUILD_DEPS[@]}"

build="${PAPERBOY_BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAPERBOY_BUILD_TESTS=OFF
cmake --build "$build" --target paperboy
exec "$build/app/paperboy" "$@"
