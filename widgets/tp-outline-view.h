/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tp-journey.h"

G_BEGIN_DECLS

#define TP_TYPE_OUTLINE_VIEW (tp_outline_view_get_type ())
G_DECLARE_FINAL_TYPE (TpOutlineView, tp_outline_view, TP, OUTLINE_VIEW, GtkWidget)

/* A read-only, keyboard-navigable outline of a journey: its stages in order,
 * each with its touchpoints. It follows the journey's "changed" signal. */
GtkWidget *tp_outline_view_new         (void);
TpJourney *tp_outline_view_get_journey (TpOutlineView *self);
void       tp_outline_view_set_journey (TpOutlineView *self,
                                        TpJourney     *journey);
/* Selects and shows the row of @touchpoint (NULL: none) without emitting
 * "touchpoint-selected", which is for the user's picks. */
void       tp_outline_view_select_touchpoint (TpOutlineView *self,
                                              TpTouchpoint  *touchpoint);
TpTouchpoint *tp_outline_view_get_selected_touchpoint (TpOutlineView *self);
void       tp_outline_view_set_compact (TpOutlineView *self,
                                        gboolean       compact);

G_END_DECLS
