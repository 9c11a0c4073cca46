/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-journey.h"
#include "tp-output-dialog.h"

G_BEGIN_DECLS

#define TP_TYPE_REPORT_DIALOG (tp_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpReportDialog, tp_report_dialog, TP, REPORT_DIALOG, TpOutputDialog)

/* The management report: format (PDF, HTML, or one CSV table), paper and
 * sections, with a preview of the PDF's first pages that follows the
 * choices. Export asks for a file, then writes it in a thread with a
 * spinner and Stop; the choices are remembered in GSettings. Emits
 * ::exported (GFile *file) and closes when done; a failure is shown in a
 * message dialog and the dialog stays. */
TpReportDialog *tp_report_dialog_new            (GtkWindow      *parent,
                                                 TpJourney      *journey);
/* Writes @file with the choices shown, without asking for a file (the
 * Export button asks first). */
void            tp_report_dialog_export_to_file (TpReportDialog *self,
                                                 GFile          *file);
/* TRUE while an export runs. */
gboolean        tp_report_dialog_is_busy        (TpReportDialog *self);
/* The pages of the report previewed last; 0 while a preview is being
 * made or when the format has none. */
guint           tp_report_dialog_get_n_pages    (TpReportDialog *self);

G_END_DECLS
