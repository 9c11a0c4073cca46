/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The comparison of two journeys on one page:
 *
 *   touchpoint --export OUT.pdf|OUT.png --compare OTHER.journey FILE
 *
 * FILE is the as-is and OTHER the to-be, unless FILE is marked to-be and
 * OTHER as-is (tp_compare_other_is_before()). tp-cli.c adds the option
 * and hands the export over; with --report it goes to the report
 * (tp-cli-report.h) instead. */

void tp_cli_compare_add_options (GOptionContext  *context,
                                 char           **other);

/* Writes the comparison of @input with @other to @output; returns a
 * TP_CLI_EXIT_* code. */
int  tp_cli_compare_export      (const char      *other,
                                 const char      *output,
                                 const char      *input);

G_END_DECLS
