#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-po.sh complete PO...
#        check-po.sh sync SRCDIR
#
# complete: each PO file passes `msgfmt --check` and has no untranslated or
#           fuzzy messages (parsed from `msgfmt --statistics`).
# sync:     the strings in the sources are all translated. From SRCDIR,
#           extracts a fresh template from po/POTFILES.in with the same
#           xgettext arguments as meson's i18n.gettext(preset: 'glib'), then
#           checks with msgcmp that every msgid in it has a translation in
#           each po/LL.po listed in po/LINGUAS. (That po/POTFILES.in lists
#           every source file is the potfiles-complete test's job.)
#
# Exits non-zero on any failure. MSGFMT, MSGCMP and XGETTEXT override the
# programs used.

set -u

MSGFMT=${MSGFMT:-msgfmt}
MSGCMP=${MSGCMP:-msgcmp}
XGETTEXT=${XGETTEXT:-xgettext}

# msgfmt's and msgcmp's messages are translated: parse the English ones.
LC_ALL=C
LANGUAGE=
export LC_ALL LANGUAGE

usage () {
  echo "usage: $0 complete PO... | $0 sync SRCDIR" >&2
  exit 2
}

check_complete () {
  status=0
  for po in "$@"; do
    if ! stats=$("$MSGFMT" --check --statistics -o /dev/null "$po" 2>&1); then
      printf '%s\n' "$stats" >&2
      echo "FAIL: $po: msgfmt --check failed" >&2
      status=1
      continue
    fi
    printf '%s: %s\n' "$po" "$stats"
    case $stats in
      *fuzzy*|*untranslated*)
        echo "FAIL: $po has fuzzy or untranslated messages" >&2
        status=1
        ;;
      *" translated message"*)
        ;;
      *)
        echo "FAIL: $po: cannot read the statistics of msgfmt" >&2
        status=1
        ;;
    esac
  done
  return "$status"
}

# Non-comment, non-empty lines of a LINGUAS-style file.
list_entries () {
  sed -e 's/[[:space:]]*#.*$//' -e '/^[[:space:]]*$/d' "$1"
}

check_sync () {
  srcdir=$1
  cd "$srcdir" || exit 1
  status=0

  tmp=$(mktemp -d) || exit 1
  trap 'rm -rf "$tmp"' EXIT

  # The arguments of meson's i18n.gettext(preset: 'glib').
  if ! "$XGETTEXT" --package-name=touchpoint -f po/POTFILES.in -D . -k_ \
      -o "$tmp/touchpoint.pot" \
      --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
      --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
      --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
      --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format; then
    echo "FAIL: xgettext could not extract the strings" >&2
    exit 1
  fi

  n_msgids=$(grep -c '^msgid ' "$tmp/touchpoint.pot")
  echo "Extracted $((n_msgids - 1)) messages from po/POTFILES.in"

  for lang in $(list_entries po/LINGUAS); do
    # Without --use-fuzzy and --use-untranslated, a fuzzy or empty
    # translation counts as missing.
    if "$MSGCMP" "po/$lang.po" "$tmp/touchpoint.pot"; then
      echo "po/$lang.po translates every message in the sources"
    else
      echo "FAIL: po/$lang.po lacks translations for the messages above;" \
           "run 'meson compile -C _build touchpoint-update-po' and translate them" >&2
      status=1
    fi
  done

  return "$status"
}

[ "$#" -ge 2 ] || usage
mode=$1
shift
case $mode in
  complete) check_complete "$@" ;;
  sync) [ "$#" -eq 1 ] || usage; check_sync "$1" ;;
  *) usage ;;
esac
