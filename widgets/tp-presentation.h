/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tp-canvas.h"
#include "tp-slides.h"

G_BEGIN_DECLS

#define TP_TYPE_PRESENTATION (tp_presentation_get_type ())
G_DECLARE_FINAL_TYPE (TpPresentation, tp_presentation, TP, PRESENTATION, GtkWindow)

/* The journey full screen, slide by slide (tp-slides.h), for a meeting
 * room: Right, Space, Page Down and Down go on; Left, Page Up, Up and
 * Backspace go back; Home and End to the first and last slide; D
 * switches between a dark and a light background; Escape leaves. The
 * keys are bindings of the "presentation.*" actions (next, previous,
 * first, last, toggle-dark, close). */

/* A presentation of a snapshot of @journey over @parent, with the
 * employee layer and the department filter as @canvas shows them, dark
 * when the desktop is. Not yet shown. */
TpPresentation *tp_presentation_new          (GtkWindow      *parent,
                                              TpJourney      *journey,
                                              TpCanvas       *canvas);
guint           tp_presentation_get_index    (TpPresentation *self);
void            tp_presentation_set_index    (TpPresentation *self,
                                              guint           index);
TpSlides       *tp_presentation_get_slides   (TpPresentation *self);
gboolean        tp_presentation_get_dark     (TpPresentation *self);

/* Asks where to save the deck as PDF (as tp_presentation_new() would show
 * it) and writes it; an error is shown in a dialog over @parent. */
void            tp_presentation_export_pdf   (GtkWindow      *parent,
                                              TpJourney      *journey,
                                              TpCanvas       *canvas,
                                              const char     *basename);

G_END_DECLS
