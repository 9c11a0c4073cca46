/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tp-colors.h"
#include "tp-enums.h"

void
tp_color_hex_to_rgb (guint32 hex,
                     double  rgb[3])
{
  rgb[0] = ((hex >> 16) & 0xff) / 255.0;
  rgb[1] = ((hex >> 8) & 0xff) / 255.0;
  rgb[2] = (hex & 0xff) / 255.0;
}

/* Red through orange and amber to green, one colour per score, picked
 * rather than interpolated so each step reads as its own colour and the
 * greens stay dark enough for white numbers. */
static const guint32 score_colors[TP_SCORE_MAX] = {
  0xe01b24, /* 1 */
  0xe33e1a, /* 2 */
  0xe66100, /* 3 */
  0xe8850a, /* 4 */
  0xe5a50a, /* 5 */
  0xd5a716, /* 6 */
  0x93b52c, /* 7 */
  0x4fb45a, /* 8 */
  0x2fa866, /* 9 */
  0x26a269, /* 10 */
};

void
tp_score_color (int       score,
                TpPalette palette,
                double    rgb[3])
{
  g_return_if_fail (rgb != NULL);

  if (score < TP_SCORE_MIN || score > TP_SCORE_MAX)
    {
      double grey = palette == TP_PALETTE_DARK ? 0.55 : 0.62;
      rgb[0] = rgb[1] = rgb[2] = grey;
      return;
    }

  tp_color_hex_to_rgb (score_colors[score - 1], rgb);

  /* A touch lighter on a dark background, like Adwaita's dark variants. */
  if (palette == TP_PALETTE_DARK)
    for (int i = 0; i < 3; i++)
      rgb[i] += (1 - rgb[i]) * 0.15;
}

TpScoreBand
tp_score_band (double score,
               int    good_enough)
{
  if (isnan (score) || score < TP_SCORE_MIN)
    return TP_SCORE_BAND_NONE;
  if (score >= good_enough)
    return TP_SCORE_BAND_GOOD;
  if (score >= good_enough - 2)
    return TP_SCORE_BAND_NEAR;
  return TP_SCORE_BAND_LOW;
}

guint32
tp_score_band_color (TpScoreBand band)
{
  switch (band)
    {
    case TP_SCORE_BAND_GOOD:
      return 0x26a269;
    case TP_SCORE_BAND_NEAR:
      return 0xe5a50a;
    case TP_SCORE_BAND_LOW:
      return 0xc01c28;
    case TP_SCORE_BAND_NONE:
    default:
      return 0x9a9996;
    }
}

/* Blue, orange, teal, magenta, brown, gold, slate and olive: apart in
 * hue and lightness, and none of them the red and green of blockers and
 * enablers or the purple of the employee line. */
static const guint32 department_colors[] = {
  0x1c71d8, 0xe66100, 0x1b8e9e, 0xc0398a, 0x865e3c, 0xb58900, 0x5e5c64, 0x6a7d1a,
};

void
tp_department_color (guint     index,
                     TpPalette palette,
                     double    rgb[3])
{
  tp_color_hex_to_rgb (department_colors[index % G_N_ELEMENTS (department_colors)], rgb);
  if (palette == TP_PALETTE_DARK)
    for (int i = 0; i < 3; i++)
      rgb[i] += (1 - rgb[i]) * 0.25;
}
