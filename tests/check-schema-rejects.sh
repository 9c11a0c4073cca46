#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema-rejects.sh SCHEMA.rng FILE...
#
# The opposite of check-schema.sh: every FILE is expected to be rejected,
# either because it is not well-formed XML or because it does not validate
# against SCHEMA.rng. Exits non-zero if any FILE validates, if a FILE cannot
# be read, or if xmllint fails for another reason (for instance the schema
# itself does not compile), so that a broken schema cannot make this test
# pass by rejecting everything.
#
# xmllint exit codes used here: 0 valid, 1 not well-formed (parser error),
# 3 not valid against the schema; anything else is an error of the test.

set -u

if [ "$#" -lt 2 ]; then
  echo "usage: $0 SCHEMA.rng FILE..." >&2
  exit 2
fi

XMLLINT=${XMLLINT:-xmllint}
schema=$1
shift

status=0
for file in "$@"; do
  if [ ! -r "$file" ]; then
    echo "ERROR: cannot read $file" >&2
    status=1
    continue
  fi
  "$XMLLINT" --noout --nonet --relaxng "$schema" "$file" >/dev/null 2>&1
  rc=$?
  case $rc in
    0)
      echo "FAIL: $file validates against $schema but should be rejected" >&2
      status=1
      ;;
    1|3)
      echo "ok: $file rejected (xmllint exit code $rc)"
      ;;
    *)
      echo "ERROR: xmllint exit code $rc for $file (schema problem?)" >&2
      status=1
      ;;
  esac
done

exit "$status"
