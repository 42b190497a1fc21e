#!/usr/bin/env bash
# Installs what building and testing Paperboy needs on Debian 12 / Ubuntu 24.04, when missing.
# Sourced by run.sh and test.sh.
set -euo pipefail

PAPERBOY_BUILD_DEPS=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6opengl6-dev libgl-dev
    qt6-charts-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libsqlite3-dev sqlite3 zlib1g-dev
    qtkeychain-qt6-dev
    liblinear-dev
    libpoppler-qt6-dev
    fonts-noto-cjk
)
PAPERBOY_TEST_DEPS=(
    xvfb xauth desktop-file-utils appstream bibutils
    dpkg-dev file dbus-daemon
    postgresql-15 libqt6sql6-psql
)

paperboy_install_deps() {
    local wanted=("$@") missing=()
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing: ${missing[*]}" >&2
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}
