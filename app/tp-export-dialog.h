/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-journey.h"
#include "tp-output-dialog.h"

G_BEGIN_DECLS

#define TP_TYPE_EXPORT_DIALOG (tp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpExportDialog, tp_export_dialog, TP, EXPORT_DIALOG, TpOutputDialog)

/* Export options (format, page or poster, sheets, scale, layers), then a
 * file chooser; the export runs in a thread with progress and Cancel.
 * The choices are remembered in GSettings. Emits ::exported (GFile *file,
 * const char *warning or NULL) and closes when done. */
TpExportDialog *tp_export_dialog_new            (GtkWindow      *parent,
                                                 TpJourney      *journey,
                                                 const char     *base_name);
/* Starts the export to @file with the options shown, without asking for
 * a file (the Export button asks first). */
void            tp_export_dialog_export_to_file (TpExportDialog *self,
                                                 GFile          *file);
/* The employee layer switch: the window sets it to what the canvas
 * shows, so an export draws what is on screen. */
void            tp_export_dialog_set_employee_layer (TpExportDialog *self,
                                                     gboolean        show);
gboolean        tp_export_dialog_get_employee_layer (TpExportDialog *self);
/* TRUE while an export runs. */
gboolean        tp_export_dialog_is_busy        (TpExportDialog *self);

G_END_DECLS
