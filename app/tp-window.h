/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-application.h"
#include "tp-autosave.h"
#include "tp-canvas.h"
#include "tp-document.h"
#include "tp-insights-panel.h"
#include "tp-inspector.h"
#include "tp-open-progress.h"
#include "tp-outline-view.h"
#include "tp-palette-view.h"

G_BEGIN_DECLS

#define TP_TYPE_WINDOW (tp_window_get_type ())
G_DECLARE_FINAL_TYPE (TpWindow, tp_window, TP, WINDOW, AdwApplicationWindow)

/* A window showing one document. */
TpWindow   *tp_window_new          (TpApplication *application,
                                    TpDocument    *document);
TpDocument *tp_window_get_document (TpWindow      *self);
/* Saves the document to @file (NULL: its own file) without asking. On
 * success records the file as recently used and shows a "Saved" toast.
 * Fails with G_IO_ERROR_WRONG_ETAG when the file changed on disk. */
gboolean    tp_window_save_to_file (TpWindow      *self,
                                    GFile         *file,
                                    GError       **error);

/* The draft keeper of the window's document: discarding the changes on
 * closing removes its draft. */
void        tp_window_set_autosave (TpWindow      *self,
                                    TpAutosave    *autosave);
TpAutosave *tp_window_get_autosave (TpWindow      *self);
/* Shows a journey being opened in a bar under the header bar, until it
 * is done or cancelled. */
void        tp_window_add_open_progress (TpWindow       *self,
                                         TpOpenProgress *progress);

/* The folder of @file as window subtitles show it, the home folder as "~". */
char       *tp_window_dup_folder_text   (GFile          *file);

/* The window's parts, for tests. */
TpCanvas      *tp_window_get_canvas   (TpWindow      *self);
/* What Copy as Image puts on the clipboard for @mime_type ("image/png" or
 * "image/svg+xml"): the selected cards, or the whole map. */
GBytes        *tp_window_render_copy  (TpWindow      *self,
                                       const char    *mime_type,
                                       GError       **error);
TpOutlineView *tp_window_get_outline  (TpWindow      *self);
TpPaletteView *tp_window_get_palette  (TpWindow      *self);
TpInspector   *tp_window_get_inspector (TpWindow     *self);
TpInsightsPanel *tp_window_get_insights_panel (TpWindow *self);

/* Recomputes the findings on the canvas and in the panel now instead of
 * once the journey has stopped changing; for tests. */
void           tp_window_refresh_findings (TpWindow   *self);
/* The department filter (the View menu's Departments): hides or shows
 * the employee notes of @department on the canvas. Per window. */
void           tp_window_set_department_visible (TpWindow   *self,
                                                 const char *department,
                                                 gboolean    visible);

G_END_DECLS
