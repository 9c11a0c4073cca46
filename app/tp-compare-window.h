/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-compare-page.h"
#include "tp-document.h"

G_BEGIN_DECLS

/* As-is against to-be in the window: "Compare With…" asks for another
 * journey and shows the comparison page (tp-compare-page.h, the same
 * drawing as `touchpoint --export … --compare`) in a window of its own,
 * scrollable, with an Export button for PDF and PNG. The window's journey
 * is the as-is unless it is marked to-be and the other as-is
 * (tp_compare_other_is_before()). It shows the journeys as they were when
 * it opened.
 *
 * "Save as To-Be…" writes a copy of the journey marked to-be, its title
 * suffixed "(to-be)", to a new file and opens that in a new window; the
 * as-is stays open and its file untouched, so the designer can edit the
 * to-be and compare the two side by side. */

#define TP_TYPE_COMPARE_WINDOW (tp_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (TpCompareWindow, tp_compare_window, TP, COMPARE_WINDOW, AdwWindow)

/* Compares @journey (read now) with @other, over @parent. */
TpCompareWindow *tp_compare_window_new            (GtkWindow        *parent,
                                                   TpJourney        *journey,
                                                   TpJourney        *other);
TpComparePage   *tp_compare_window_get_page       (TpCompareWindow  *self);
/* What the view last drew (TpCompareItem, page units); empty before the
 * first frame. For tests. */
GArray          *tp_compare_window_get_drawn_items (TpCompareWindow *self);
/* Export without the file chooser (.pdf or .png by the name); for tests. */
gboolean         tp_compare_window_export_to_file (TpCompareWindow  *self,
                                                   GFile            *file,
                                                   GError          **error);

/* Compare With…: a file chooser for the other journey, then the window.
 * With @other_file, that file without asking. */
void             tp_compare_window_choose         (GtkWindow        *parent,
                                                   TpJourney        *journey,
                                                   GFile            *other_file);

/* Save as To-Be…: a file chooser (or @file), then the copy written and
 * opened in a new window of @application. */
void             tp_compare_save_as_to_be         (GtkWindow        *parent,
                                                   GApplication     *application,
                                                   TpDocument       *document,
                                                   GFile            *file);
/* The to-be copy of @journey written to @file (atomically, never over the
 * journey's own file: the caller asks for a new name). */
gboolean         tp_compare_write_to_be           (TpJourney        *journey,
                                                   GFile            *file,
                                                   GError          **error);

G_END_DECLS
