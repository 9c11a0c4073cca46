#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the tests that mount a private tmpfs the way a root user without
# CAP_SYS_ADMIN (a chroot, a container) runs them. With
# TP_TEST_ALLOW_NO_TMPFS=1 they must pass by skipping, and say so;
# without it they must fail: they may never pass silently.
# Usage: check-no-mount.sh TEST-EXPORT TEST-FILE-SAVE
set -u

test_export="$1"
test_file_save="$2"

if ! capsh --drop=cap_sys_admin -- -c true 2>/dev/null; then
  # Not allowed to drop a capability: then none of this can be simulated.
  echo "1..0 # SKIP capsh cannot drop CAP_SYS_ADMIN here"
  exit 77
fi

without_mount () {
  capsh --drop=cap_sys_admin -- -c 'exec "$0" "$@"' "$@"
}

status=0
for case in "$test_export -p /export/full-disk" \
            "$test_file_save -p /file-save/full-disk -p /file-save/read-only"; do
  # shellcheck disable=SC2086
  out=$(TP_TEST_ALLOW_NO_TMPFS=1 without_mount $case 2>&1)
  code=$?
  if [ $code -ne 0 ]; then
    echo "FAIL: $case exits $code without CAP_SYS_ADMIN, though allowed to skip:"
    echo "$out"
    status=1
  elif ! echo "$out" | grep -q "SKIP"; then
    echo "FAIL: $case passed without CAP_SYS_ADMIN and without saying it skipped:"
    echo "$out"
    status=1
  else
    echo "ok: $case skips without CAP_SYS_ADMIN"
  fi

  # shellcheck disable=SC2086
  if (unset TP_TEST_ALLOW_NO_TMPFS; without_mount $case) >/dev/null 2>&1; then
    echo "FAIL: $case passed without CAP_SYS_ADMIN and without being allowed to skip"
    status=1
  else
    echo "ok: $case fails without CAP_SYS_ADMIN unless allowed to skip"
  fi
done
exit $status
