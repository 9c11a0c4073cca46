/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tp-export.h"

G_BEGIN_DECLS

/* Printing with the export's drawing (print palette, title block), either
 * fitted on one page or as a poster over several sheets of the printer's
 * paper, overview page first, exactly like the tiled PDF export. The
 * print dialog has a "Journey" tab for that choice; its preview shows the
 * real pages. */
void     tp_print_journey        (GtkWindow  *parent,
                                  TpJourney  *journey);

/* Without dialogs, to a PDF on @paper_name (a GtkPaperSize name such as
 * GTK_PAPER_NAME_A4): for tests, and the same code path as printing.
 * @poster is TP_PAPER_NATURAL to fit one page, or A2/A1/A0. */
gboolean tp_print_journey_to_pdf (TpJourney  *journey,
                                  const char *path,
                                  const char *paper_name,
                                  TpPaper     poster,
                                  gboolean    title_block,
                                  int        *n_pages,
                                  GError    **error);

G_END_DECLS
