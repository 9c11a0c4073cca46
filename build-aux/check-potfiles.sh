#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, so no string silently escapes translation.
set -eu
cd "${1:-$(dirname "$0")/..}"

missing=0
for file in $(grep -rlE '(^|[^A-Za-z0-9_])(N?_|ngettext|C_)\(|translatable="yes"' app widgets resources data \
                --include='*.c' --include='*.ui' --include='*.in' --include='*.gschema.xml' | sort); do
  if ! grep -qxF "$file" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $file"
    missing=1
  fi
done
exit $missing
