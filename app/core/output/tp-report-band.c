/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-colors.h"
#include "tp-render-backend.h"
#include "tp-report-band.h"

typedef struct {
  double           top;
  double           bottom;
  double           baseline;
  double           x;
  PangoLayoutLine *line;
} BandLine;

struct _TpBandLines {
  guint    n;
  BandLine lines[];
};

static TpBandLines *
index_lines (TpBandText *text)
{
  PangoLayoutIter *iter;
  TpBandLines *lines;
  guint n = 0;

  if (text->lines != NULL)
    return text->lines;

  lines = g_malloc (sizeof (TpBandLines) + pango_layout_get_line_count (text->layout) * sizeof (BandLine));
  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoRectangle logical;
      BandLine *line = &lines->lines[n++];

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line->top = text->dy + (double) logical.y / PANGO_SCALE;
      line->bottom = line->top + (double) logical.height / PANGO_SCALE;
      line->baseline = text->dy + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line->x = (double) logical.x / PANGO_SCALE;
      line->line = pango_layout_iter_get_line_readonly (iter);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  lines->n = n;
  text->lines = lines;
  return lines;
}

/* The first line whose bottom is below @y: lines run down the page. */
static guint
first_line_ending_after (const TpBandLines *lines,
                         double             y)
{
  guint low = 0, high = lines->n;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (lines->lines[middle].bottom > y)
        high = middle;
      else
        low = middle + 1;
    }
  return low;
}

void
tp_band_text_clear (TpBandText *text)
{
  g_clear_object (&text->layout);
  g_clear_pointer (&text->lines, g_free);
}

double
tp_band_cut (TpBandText *texts,
             guint       n_texts,
             double      limit)
{
  double cut = limit;

  for (guint i = 0; i < n_texts; i++)
    {
      const TpBandLines *lines;
      guint first;

      if (texts[i].layout == NULL)
        continue;
      lines = index_lines (&texts[i]);
      first = first_line_ending_after (lines, limit);
      if (first < lines->n && lines->lines[first].top < limit)
        cut = MIN (cut, lines->lines[first].top);
    }
  return cut;
}

void
tp_band_draw (cairo_t    *cr,
              TpBandText *texts,
              guint       n_texts,
              double      from,
              double      to,
              double      page_y)
{
  for (guint i = 0; i < n_texts; i++)
    {
      const TpBandLines *lines;
      double rgb[3];

      if (texts[i].layout == NULL)
        continue;
      lines = index_lines (&texts[i]);
      tp_color_hex_to_rgb (texts[i].color, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      for (guint l = first_line_ending_after (lines, from - 0.01); l < lines->n; l++)
        {
          const BandLine *line = &lines->lines[l];

          if (line->top > to + 0.01)
            break;
          if (line->top < from - 0.01 || line->bottom > to + 0.01)
            continue;
          cairo_move_to (cr, texts[i].x + line->x, page_y + line->baseline - from);
          tp_gfx_show_layout_line (cr, line->line);
        }
    }
}
