#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds with warnings as errors, runs the whole
# test suite (GUI tests under Xvfb with a private session bus) and ends
# with a line "N passed, N failed".
set -eu

cd "$(dirname "$0")/.."
sh build-aux/install-deps.sh
sh build-aux/build.sh _build-test --werror

# The full-disk tests mount a private tmpfs. Where that is impossible (no
# root, or root without CAP_SYS_ADMIN in a chroot or container: tried, not
# guessed from the user id) they skip, and the final line counts them.
probe_dir=$(mktemp -d)
if ! unshare --mount sh -c "mount -t tmpfs -o size=64k tmpfs '$probe_dir'" 2>/dev/null; then
  echo "Cannot mount a private tmpfs here: the full-disk tests will be skipped."
  export TP_TEST_ALLOW_NO_TMPFS=1
fi
rmdir "$probe_dir"

status=0
xvfb-run -a -s "-screen 0 1600x1000x24" \
  dbus-run-session -- \
  meson test -C _build-test --print-errorlogs --num-processes 2 "$@" || status=$?

# The display-free suites again under AddressSanitizer and UBSan.
sh build-aux/build.sh _build-asan -Db_sanitize=address,undefined --werror
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  meson test -C _build-asan --print-errorlogs --num-processes 2 --suite core || status=$?
# The GUI suites too; GTK and fontconfig keep process-lifetime allocations, so
# leak detection stays off there, everything else ASan and UBSan check is on.
ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
  meson test -C _build-asan --print-errorlogs --num-processes 2 --suite gui \
  --logbase gui-testlog || status=$?

python3 build-aux/count-tests.py _build-test/meson-logs/testlog.json \
  _build-asan/meson-logs/testlog.json _build-asan/meson-logs/gui-testlog.json || status=1
exit $status
