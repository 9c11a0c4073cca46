/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_INSPECTOR (tp_inspector_get_type ())
G_DECLARE_FINAL_TYPE (TpInspector, tp_inspector, TP, INSPECTOR, GtkWidget)

/* The sidebar that edits the selection: every field of one element, what
 * several touchpoints have in common, or the journey itself when nothing is
 * selected. Every edit goes through the document, so it is undoable; the
 * fields follow the model when it changes elsewhere (undo, the canvas). When
 * a selected element leaves the journey, it leaves the selection. */
GtkWidget  *tp_inspector_new               (void);
TpDocument *tp_inspector_get_document      (TpInspector *self);
/* Also resets the selection to the journey. */
void        tp_inspector_set_document      (TpInspector *self,
                                            TpDocument  *document);
/* @elements: (element-type TpElement) (nullable): what to edit; NULL or
 * empty edits the journey. Elements not in the journey are ignored. */
void        tp_inspector_set_selection     (TpInspector *self,
                                            GPtrArray   *elements);
/* (element-type TpElement) (transfer none): what is edited now; empty
 * when the journey is. */
GPtrArray  *tp_inspector_get_selection     (TpInspector *self);
/* The widget that edits @key in the current form, or NULL: @key is a
 * property name of the edited object ("title", "score", "stage-id", ...) or
 * "attached-to" for an employee note's target. An AdwEntryRow for a line of
 * text, a GtkTextView for several lines, an AdwComboRow for a choice, a
 * GtkSpinButton for a number and a GtkSwitch for a flag. For tests and for
 * focusing a field (e.g. the title of a new touchpoint). */
GtkWidget  *tp_inspector_get_field_widget  (TpInspector *self,
                                            const char  *key);

G_END_DECLS
