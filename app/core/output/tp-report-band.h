/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Bands: texts side by side (a table row, a long paragraph) that may break
 * across pages between lines. Each text indexes its lines once, so cutting
 * and drawing a band of any length over many pages stays linear. */

typedef struct _TpBandLines TpBandLines;

typedef struct {
  PangoLayout *layout;
  int          font;
  double       x;
  double       dy;     /* top of the layout inside the band */
  guint32      color;  /* 0xRRGGBB */
  TpBandLines *lines;  /* built when first needed; NULL until then */
} TpBandText;

/* Drops the layout and the line index. */
void   tp_band_text_clear (TpBandText *text);

/* The lowest y ≤ @limit (band coordinates) that cuts no line of text. */
double tp_band_cut        (TpBandText *texts,
                           guint       n_texts,
                           double      limit);

/* Draws the lines between @from and @to (band coordinates) with the band's
 * @from at page y @page_y. */
void   tp_band_draw       (cairo_t    *cr,
                           TpBandText *texts,
                           guint       n_texts,
                           double      from,
                           double      to,
                           double      page_y);

G_END_DECLS
