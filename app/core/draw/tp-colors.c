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

int
tp_score_whole (double score)
{
  if (isnan (score) || score < TP_SCORE_MIN)
    return 0;
  return CLAMP ((int) floor (score + 1e-9), TP_SCORE_MIN, TP_SCORE_MAX);
}

guint32
tp_score_hex (double score)
{
  int whole = tp_score_whole (score);

  return whole == 0 ? 0x9a9996 : score_colors[whole - 1];
}

/* Luminance from the sRGB components as they are, not linearised: the
 * threshold was picked by eye on the score colours. */
gboolean
tp_color_wants_dark_text (const double rgb[3])
{
  return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] > 0.62;
}

gboolean
tp_score_hex_wants_dark_text (double score)
{
  double rgb[3];

  tp_color_hex_to_rgb (tp_score_hex (score), rgb);
  return tp_color_wants_dark_text (rgb);
}

static double
linear (double component)
{
  return component <= 0.04045 ? component / 12.92 : pow ((component + 0.055) / 1.055, 2.4);
}

double
tp_color_contrast (const double a[3],
                   const double b[3])
{
  double la = 0.2126 * linear (a[0]) + 0.7152 * linear (a[1]) + 0.0722 * linear (a[2]);
  double lb = 0.2126 * linear (b[0]) + 0.7152 * linear (b[1]) + 0.0722 * linear (b[2]);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* WCAG's contrast of a colour against white. */
static double
contrast_on_white (const double rgb[3])
{
  double luminance = 0.2126 * linear (rgb[0]) + 0.7152 * linear (rgb[1]) + 0.0722 * linear (rgb[2]);

  return 1.05 / (luminance + 0.05);
}

guint32
tp_score_text_hex (double score)
{
  double rgb[3];

  tp_color_hex_to_rgb (tp_score_hex (score), rgb);
  for (guint step = 0; step < 20 && contrast_on_white (rgb) < 4.5; step++)
    for (guint i = 0; i < 3; i++)
      rgb[i] *= 0.92;
  return ((guint32) lround (rgb[0] * 255) << 16) | ((guint32) lround (rgb[1] * 255) << 8)
         | (guint32) lround (rgb[2] * 255);
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
