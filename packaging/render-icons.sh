#!/usr/bin/env bash
# Renders resources/icons/paperboy.svg to the PNG sizes desktops expect. The PNGs are committed
# so a build needs no SVG renderer; run this again after editing the SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
icons="$(dirname "$here")/resources/icons"
mkdir -p "$icons/png"
for size in 16 24 32 48 64 128 256; do
    out="$icons/png/paperboy-$size.png"
    if command -v rsvg-convert >/dev/null; then
        rsvg-convert -w "$size" -h "$size" "$icons/paperboy.svg" -o "$out"
    else
        convert -background none -density 384 "$icons/paperboy.svg" -resize "${size}x$size" -strip "$out"
    fi
done
ls -l "$icons/png"
