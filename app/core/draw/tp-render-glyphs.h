/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tp-enums.h"

G_BEGIN_DECLS

/* Small pictograms drawn with cairo paths, for the renderer. The core has
 * no SVG loader, and vector paths stay sharp at any zoom and in PDF. Each
 * glyph fills a @size × @size box at (@x, @y) in the current source. */

void tp_glyph_channel      (cairo_t   *cr,
                            TpChannel  channel,
                            double     x,
                            double     y,
                            double     size);

/* A channel's glyph as paths, to draw many in one go: the parts to stroke
 * (round caps and joins, tp_glyph_stroke_width() wide) or to fill. The
 * path is added to the current one. */
typedef enum {
  TP_GLYPH_STROKES,
  TP_GLYPH_FILLS,
} TpGlyphPart;

void   tp_glyph_channel_path (cairo_t     *cr,
                              TpChannel    channel,
                              TpGlyphPart  part,
                              double       x,
                              double       y,
                              double       size);
double tp_glyph_stroke_width (double       size);

void tp_glyph_bulb         (cairo_t   *cr,
                            double     x,
                            double     y,
                            double     size);

/* Paths only: the caller fills or strokes. */
/* A rounded rectangle with its top right corner cut off at 45°, @notch
 * long on each side: a blocker's card. */
void tp_path_notched_rect  (cairo_t   *cr,
                            double     x,
                            double     y,
                            double     width,
                            double     height,
                            double     radius,
                            double     notch);
void tp_path_rounded_rect  (cairo_t   *cr,
                            double     x,
                            double     y,
                            double     width,
                            double     height,
                            double     radius);
/* A rounded rectangle with a speech-bubble tail below its bottom edge,
 * @tail high, near the left; the whole shape is @height high. */
void tp_path_bubble        (cairo_t   *cr,
                            double     x,
                            double     y,
                            double     width,
                            double     height,
                            double     radius,
                            double     tail);
void tp_path_star          (cairo_t   *cr,
                            double     cx,
                            double     cy,
                            double     radius);

G_END_DECLS
