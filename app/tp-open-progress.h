/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_OPEN_PROGRESS (tp_open_progress_get_type ())
G_DECLARE_FINAL_TYPE (TpOpenProgress, tp_open_progress, TP, OPEN_PROGRESS, GtkWidget)

/* Opens @file on a worker thread and shows that it does: a spinner, the
 * file's name and a Cancel button, as a bar in a window. When done it
 * emits ::done once, with the document or the error (G_IO_ERROR_CANCELLED
 * at once when the user cancels; the parse then finishes unseen). */
TpOpenProgress *tp_open_progress_new      (GFile          *file);
GFile          *tp_open_progress_get_file (TpOpenProgress *self);
void            tp_open_progress_cancel   (TpOpenProgress *self);

G_END_DECLS
