#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Configures (once) and builds into the folder given as $1; extra
# arguments go to meson setup.
set -eu

builddir="$1"
shift
cd "$(dirname "$0")/.."

if [ -f "$builddir/build.ninja" ]; then
  meson setup --reconfigure "$builddir" "$@" >/dev/null
else
  meson setup "$builddir" "$@"
fi
ninja -C "$builddir"
