/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The presentation as a PDF deck:
 *
 *   touchpoint --slides deck.pdf [--dark] [--no-employee] FILE
 *
 * tp-cli.c adds these options to its context and hands the command over
 * when --slides is given. */

typedef struct {
  char     *output;
  gboolean  dark;
  gboolean  no_employee;
} TpCliSlidesArgs;

void     tp_cli_slides_args_clear  (TpCliSlidesArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpCliSlidesArgs, tp_cli_slides_args_clear)

void     tp_cli_slides_add_options (GOptionContext  *context,
                                    TpCliSlidesArgs *args);
/* --dark or --no-employee given. */
gboolean tp_cli_slides_any_option  (const TpCliSlidesArgs *args);

/* Writes the deck of @input to args->output; returns a TP_CLI_EXIT_* code. */
int      tp_cli_slides_export      (const TpCliSlidesArgs *args,
                                    const char            *input);

G_END_DECLS
