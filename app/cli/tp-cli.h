/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of the headless command line. */
#define TP_CLI_EXIT_OK 0
#define TP_CLI_EXIT_FAILED 1
#define TP_CLI_EXIT_USAGE 2

/* TRUE when the arguments ask for headless work (--version, --check,
 * --export), which must run without a display. */
gboolean tp_cli_is_headless (int    argc,
                             char **argv);

/* Runs the headless command line; returns the exit code. */
int      tp_cli_run         (int    argc,
                             char **argv);

G_END_DECLS
