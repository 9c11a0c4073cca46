#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds, and opens Touchpoint on the bundled
# sample journey, straight from the build folder (nothing is installed).
set -eu

cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
sh build-aux/build.sh _build

# Uninstalled run: point GLib at the build's compiled schemas and translations.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data"
export TOUCHPOINT_LOCALEDIR="$PWD/_build/po"
exec ./_build/app/touchpoint "$@"
