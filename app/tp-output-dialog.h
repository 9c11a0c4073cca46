/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TP_TYPE_OUTPUT_DIALOG (tp_output_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (TpOutputDialog, tp_output_dialog, TP, OUTPUT_DIALOG, AdwWindow)

/* What the export and report dialogs share: a modal window with Cancel and
 * Export… in its header bar, a column of options whose first group ends in
 * a status row with a spinner, and room for a preview beside the options.
 * Subclasses fill it from their own templates:
 *
 *   <child type="option">   a row, in the first group before the status row
 *   <child type="options">  an AdwPreferencesGroup, after the first group
 *   <child type="preview">  a widget beside the options, after a separator
 *
 * Export… (the "output.export" action) asks for a file with the chooser
 * create_chooser() makes, then calls export_to_file(); Cancel
 * ("output.cancel") stops a running export, or closes the dialog. */
struct _TpOutputDialogClass
{
  AdwWindowClass parent_class;

  GtkFileChooserNative *(*create_chooser) (TpOutputDialog *self);
  void                  (*export_to_file) (TpOutputDialog *self,
                                           GFile          *file);
};

/* The application's settings, where the dialogs remember their choices. */
GSettings    *tp_output_dialog_get_settings (TpOutputDialog *self);
/* An export starts: shows @status with a spinner and turns Cancel into
 * Stop. The returned cancellable (transfer none) stops it. */
GCancellable *tp_output_dialog_begin        (TpOutputDialog *self,
                                             const char     *status);
/* The export ended: the status goes, Stop is Cancel again. */
void          tp_output_dialog_end          (TpOutputDialog *self);
/* TRUE between begin and end. */
gboolean      tp_output_dialog_is_busy      (TpOutputDialog *self);
/* For create_chooser(): a save dialog offering @current_name, of
 * @mime_type, its filter named after the format chosen in @format_row, in
 * the folder last exported to. */
GtkFileChooserNative *tp_output_dialog_new_chooser (TpOutputDialog *self,
                                                    const char     *title,
                                                    const char     *current_name,
                                                    const char     *mime_type,
                                                    AdwComboRow    *format_row,
                                                    const char     *fallback_filter_name);
/* A line of @text in the status row, an error in red; NULL hides it. */
void          tp_output_dialog_show_status  (TpOutputDialog *self,
                                             const char     *text,
                                             gboolean        is_error);

G_END_DECLS
