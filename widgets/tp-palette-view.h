/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TP_TYPE_PALETTE_VIEW (tp_palette_view_get_type ())
G_DECLARE_FINAL_TYPE (TpPaletteView, tp_palette_view, TP, PALETTE_VIEW, GtkWidget)

/* What can be put on the canvas: one entry per channel, then employee
 * blockers and enablers and opportunities. Each entry can be dragged onto
 * a TpCanvas (as the string "touchpoint-palette:ITEM") or activated with
 * the keyboard, which emits "item-activated" with ITEM: "channel:<nick>",
 * "blocker", "enabler" or "opportunity". */
GtkWidget *tp_palette_view_new (void);

G_END_DECLS
