/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The report and spreadsheet part of `touchpoint --export`:
 *
 *   touchpoint --export report.pdf --report FILE
 *   touchpoint --export report.html --report [--sections LIST] FILE
 *   touchpoint --export touchpoints.csv [--csv TABLE] FILE
 *   touchpoint --export report.pdf --report --compare OTHER.journey FILE
 *
 * tp-cli.c adds these options to its context and hands an export over
 * when tp_cli_report_wants() says so. */

typedef struct {
  gboolean  report;
  char     *sections;
  char     *csv;
  /* --compare OTHER (tp-cli-compare.h), set by tp-cli.c; not owned. */
  const char *compare;
} TpCliReportArgs;

void     tp_cli_report_args_clear  (TpCliReportArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpCliReportArgs, tp_cli_report_args_clear)

void     tp_cli_report_add_options (GOptionContext  *context,
                                    TpCliReportArgs *args);

/* TRUE when this export is ours: --report, --csv or a .csv output. */
gboolean tp_cli_report_wants       (const TpCliReportArgs *args,
                                    const char            *output);

/* Exports @input to @output; returns a TP_CLI_EXIT_* code. */
int      tp_cli_report_export      (const TpCliReportArgs *args,
                                    const char            *output,
                                    const char            *input);

G_END_DECLS
