/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A long journey on paper: the map cut into bands of whole stages, one
 * under another, each with the lane names again, when that prints it
 * larger on the sheet than one long strip. */
#include "config.h"

#include "tp-export-private.h"
#include "tp-layout.h"
#include "tp-render-backend.h"

/* White between two bands. */
#define BAND_GAP 32.0
/* More bands than this stop reading as one journey. */
#define MAX_BANDS 6
/* A further band must gain this much scale to be worth a seam. */
#define BAND_GAIN 1.05

static double
stage_left (Export *ex,
            guint   stage)
{
  TpRect rect;

  tp_layout_get_stage_rect (ex->layout, stage, &rect);
  return rect.x;
}

static double
stage_right (Export *ex,
             guint   stage)
{
  TpRect rect;

  tp_layout_get_stage_rect (ex->layout, stage, &rect);
  return rect.x + rect.width;
}

static double
band_width (Export *ex,
            guint   band)
{
  return stage_right (ex, ex->band_first[band + 1] - 1) - stage_left (ex, ex->band_first[band]);
}

/* Splits the stages into @n_bands runs of about equal width. */
static void
split_stages (Export *ex,
              guint   n_bands)
{
  guint n_stages = tp_layout_get_n_stages (ex->layout);
  double start = stage_left (ex, 0);
  double total = stage_right (ex, n_stages - 1) - start;

  g_free (ex->band_first);
  ex->n_bands = n_bands;
  ex->band_first = g_new0 (guint, n_bands + 1);
  ex->band_first[n_bands] = n_stages;
  for (guint b = 1; b < n_bands; b++)
    {
      double target = start + total * b / n_bands;
      guint lowest = ex->band_first[b - 1] + 1;
      guint highest = n_stages - (n_bands - b);
      guint best = lowest;

      /* The boundary nearest the target, leaving a stage for every band. */
      for (guint s = lowest; s <= highest; s++)
        if (ABS (stage_left (ex, s) - target) < ABS (stage_left (ex, best) - target))
          best = s;
      ex->band_first[b] = best;
    }
}

void
tp_export_set_bands (Export  *ex,
                     guint    n_bands)
{
  guint n_stages = tp_layout_get_n_stages (ex->layout);
  double map_width = ex->map_width, map_height = ex->map_height;

  n_bands = CLAMP (n_bands, 1, MAX (n_stages, 1));
  if (n_bands > 1)
    {
      split_stages (ex, n_bands);
      ex->header_width = stage_left (ex, 0);
      map_width = 0;
      for (guint b = 0; b < n_bands; b++)
        map_width = MAX (map_width, ex->header_width + band_width (ex, b));
      map_height = n_bands * ex->map_height + (n_bands - 1) * BAND_GAP;
    }
  else
    {
      g_clear_pointer (&ex->band_first, g_free);
      ex->n_bands = 1;
    }

  ex->width = MAX (map_width, ex->legend_width);
  tp_export_prepare_title_block (ex);
  ex->height = map_height + ex->block_height;
}

guint
tp_export_get_n_bands (Export *ex)
{
  return MAX (ex->n_bands, 1);
}

double
tp_export_fit_bands (Export *ex,
                     double  width,
                     double  height)
{
  guint n_stages = tp_layout_get_n_stages (ex->layout);
  guint best = 1;
  double best_scale = 0;

  for (guint n = 1; n <= MIN (n_stages, MAX_BANDS) || n == 1; n++)
    {
      double scale;

      tp_export_set_bands (ex, n);
      scale = MIN (width / ex->width, height / ex->height);
      if (n == 1 || scale > best_scale * BAND_GAIN)
        {
          best = n;
          best_scale = scale;
        }
    }
  tp_export_set_bands (ex, best);
  return best_scale;
}

void
tp_export_draw_map (cairo_t               *cr,
                    Export                *ex,
                    const TpRenderOptions *render)
{
  if (tp_export_get_n_bands (ex) == 1)
    {
      /* No clip of our own: the renderer stays inside the map. */
      tp_render_journey (cr, ex->layout, render);
      return;
    }

  for (guint b = 0; b < ex->n_bands; b++)
    {
      double left = stage_left (ex, ex->band_first[b]);

      tp_gfx_save (cr);
      cairo_translate (cr, 0, b * (ex->map_height + BAND_GAP));

      /* The lane names, then the band's stages beside them. The renderer
       * draws only what the clip shows. */
      tp_gfx_save (cr);
      cairo_rectangle (cr, 0, 0, ex->header_width, ex->map_height);
      tp_gfx_clip (cr);
      tp_render_journey (cr, ex->layout, render);
      tp_gfx_restore (cr);

      tp_gfx_save (cr);
      cairo_translate (cr, ex->header_width - left, 0);
      cairo_rectangle (cr, left, 0, band_width (ex, b), ex->map_height);
      tp_gfx_clip (cr);
      tp_render_journey (cr, ex->layout, render);
      tp_gfx_restore (cr);

      tp_gfx_restore (cr);
    }
}
