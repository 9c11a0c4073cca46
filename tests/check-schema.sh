#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-schema.sh SCHEMA.rng FILE...
#
# Validates each FILE against the RELAX NG schema SCHEMA.rng with xmllint.
# Exits non-zero if any file fails to validate (or cannot be read).

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
  if "$XMLLINT" --noout --nonet --relaxng "$schema" "$file"; then
    :
  else
    echo "FAIL: $file does not validate against $schema" >&2
    status=1
  fi
done

exit "$status"
