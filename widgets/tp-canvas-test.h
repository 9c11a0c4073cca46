/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests only: hooks into TpCanvas that the application must not use.
 * Defined in tp-canvas-dnd.c and tp-canvas-actions.c, next to what they
 * drive. */

#include "tp-canvas.h"

G_BEGIN_DECLS

/* For tests: run the code paths the gestures and drop target run, at
 * widget coordinates. */
void        tp_canvas_test_drag          (TpCanvas        *self,
                                          double           x0,
                                          double           y0,
                                          double           x1,
                                          double           y1,
                                          GdkModifierType  state,
                                          gboolean         cancel);
void        tp_canvas_test_click         (TpCanvas        *self,
                                          double           x,
                                          double           y,
                                          int              n_press,
                                          GdkModifierType  state);
gboolean    tp_canvas_test_drop          (TpCanvas        *self,
                                          const char      *item,
                                          double           x,
                                          double           y);
/* Opens the context menu for what is at (@x, @y); FALSE when nothing has one. */
gboolean    tp_canvas_test_context_menu  (TpCanvas        *self,
                                          double           x,
                                          double           y);
GtkPopover *tp_canvas_test_get_menu      (TpCanvas        *self);
/* What Shift+F10 and the Menu key run: the menu of the selection, or of
 * the map when nothing is selected. */
gboolean    tp_canvas_test_keyboard_menu (TpCanvas        *self);
/* The steps of a drag one at a time (what tp_canvas_test_drag() runs);
 * cancel is what Escape does during a drag. */
void        tp_canvas_test_press         (TpCanvas        *self,
                                          double           x,
                                          double           y,
                                          GdkModifierType  state);
void        tp_canvas_test_motion        (TpCanvas        *self,
                                          double           x,
                                          double           y);
void        tp_canvas_test_release       (TpCanvas        *self,
                                          double           x,
                                          double           y);
gboolean    tp_canvas_test_cancel        (TpCanvas        *self);

G_END_DECLS
