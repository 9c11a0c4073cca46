/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The colour scales the map, its exports, the PDF report and the HTML
 * report share, so a score or a department has one colour everywhere. */

typedef enum {
  TP_PALETTE_LIGHT,
  TP_PALETTE_DARK,
  /* Light on white paper; hover, selection and drop feedback are not drawn. */
  TP_PALETTE_PRINT,
} TpPalette;

/* 0xRRGGBB as three components from 0 to 1. */
void        tp_color_hex_to_rgb   (guint32    hex,
                                   double     rgb[3]);

/* The one colour scale of emotion scores, for the map, its exports, the
 * PDF report and the HTML report: red (1) through amber (5–6) to green
 * (10); neutral grey for an unset score. */
void        tp_score_color        (int        score,
                                   TpPalette  palette,
                                   double     rgb[3]);
/* The same scale on paper as 0xRRGGBB. @score may be an average: it takes
 * the colour of the whole score it has reached (6.7 that of 6); NAN or
 * below 1 is grey. */
guint32     tp_score_hex          (double     score);
/* The whole score an average has reached (6.7 has reached 6, not yet the
 * good enough of 7), from TP_SCORE_MIN to TP_SCORE_MAX; 0 for NAN or unset. */
int         tp_score_whole        (double     score);
/* Whether dark text reads better than white on @rgb: the rule for the
 * numbers on score badges, on the map and in reports. */
gboolean    tp_color_wants_dark_text (const double rgb[3]);
/* WCAG's contrast ratio of two opaque colours (1..21). */
double      tp_color_contrast        (const double a[3],
                                      const double b[3]);
/* Whether text on tp_score_hex() reads better dark than white. */
gboolean    tp_score_hex_wants_dark_text (double score);
/* The score's colour darkened until it reads as text on white (4.5:1). */
guint32     tp_score_text_hex     (double     score);

/* The colour of the @index-th department of tp_journey_list_departments()
 * on @palette: eight distinguishable colours, repeating after that. */
void        tp_department_color   (guint      index,
                                   TpPalette  palette,
                                   double     rgb[3]);

G_END_DECLS
