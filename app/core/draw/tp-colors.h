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

/* The colour of an emotion score on the map: red (1) through amber (5–6)
 * to green (10); neutral grey for an unset score. */
void        tp_score_color        (int        score,
                                   TpPalette  palette,
                                   double     rgb[3]);

/* A score against the journey's good enough, as the report colours it:
 * the 7+ half of the rule of thumb, readable in grey print. */
typedef enum {
  TP_SCORE_BAND_NONE,  /* unset or NAN */
  TP_SCORE_BAND_LOW,   /* below good enough - 2 */
  TP_SCORE_BAND_NEAR,  /* up to good enough */
  TP_SCORE_BAND_GOOD,  /* good enough or better */
} TpScoreBand;

TpScoreBand tp_score_band         (double     score,
                                   int        good_enough);
/* Grey, red, amber or green as 0xRRGGBB, for paper. */
guint32     tp_score_band_color   (TpScoreBand band);

/* The colour of the @index-th department of tp_journey_list_departments()
 * on @palette: eight distinguishable colours, repeating after that. */
void        tp_department_color   (guint      index,
                                   TpPalette  palette,
                                   double     rgb[3]);

G_END_DECLS
