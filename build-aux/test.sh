#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with warnings as errors, runs the whole
# test suite (GUI tests under Xvfb with a private session bus) and ends
# with a line "N passed, N failed".
set -eu

cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
sh build-aux/build.sh _build-test --werror

status=0
xvfb-run -a -s "-screen 0 1600x1000x24" \
  dbus-run-session -- \
  meson test -C _build-test --print-errorlogs --num-processes 2 "$@" || status=$?

python3 build-aux/count-tests.py _build-test/meson-logs/testlog.json || status=1
exit $status
