#!/usr/bin/env bash
# Builds a Release paperboy_<version>_<arch>.deb into the build folder and prints its path.
# (The CTest test packaging.deb builds one from the test build too, and checks it.)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
source "$here/deps.sh"
paperboy_install_deps "${PAPERBOY_BUILD_DEPS[@]}" dpkg-dev file

build="${PAPERBOY_BUILD_DIR:-$root/build-release}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAPERBOY_BUILD_TESTS=OFF
cmake --build "$build" --target paperboy
(cd "$build" && cpack -G DEB)
ls "$build"/paperboy_*.deb
