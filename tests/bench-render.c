/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-layout.h"
#include "tp-renderer.h"
#include "tp-test-util.h"

/* Rendering figures for a big journey on a full-HD canvas: 2,000
 * touchpoints in 12 stages, the cases a canvas meets every frame.
 * Budget on a 2-core machine without GPU: p95 <= 8 ms for scrolling and
 * dragging, <= 16 ms for zoom-to-fit. Prints figures; exits 1 when a
 * budget is blown (set TP_BENCH_NO_FAIL=1 to only report). */

#define VIEW_WIDTH  1920
#define VIEW_HEIGHT 1080
#define N_FRAMES    60

typedef struct {
  double median;
  double p95;
} Stats;

static Stats
stats (double *ms,
       guint   n)
{
  Stats s;

  tp_test_sort_times (ms, n);
  s.median = ms[n / 2];
  s.p95 = tp_test_p95 (ms, n);
  return s;
}

static gboolean
report (const char *what,
        Stats       s,
        double      budget_p95)
{
  gboolean ok = budget_p95 <= 0 || s.p95 <= budget_p95;

  if (budget_p95 > 0)
    g_print ("%-52s median %6.2f ms   p95 %6.2f ms   (budget p95 %.0f ms) %s\n",
             what, s.median, s.p95, budget_p95, ok ? "ok" : "OVER BUDGET");
  else
    g_print ("%-52s median %6.2f ms   p95 %6.2f ms\n", what, s.median, s.p95);
  return ok;
}

/* A view of the canvas: document units scrolled to (@sx, @sy) at @zoom. */
static void
set_view (cairo_t *cr,
          double   zoom,
          double   sx,
          double   sy)
{
  cairo_identity_matrix (cr);
  cairo_reset_clip (cr);
  cairo_rectangle (cr, 0, 0, VIEW_WIDTH, VIEW_HEIGHT);
  cairo_clip (cr);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -sx, -sy);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(TpLayout) layout = NULL;
  g_autoptr(GPtrArray) visible = NULL;
  cairo_surface_t *surface, *cache;
  cairo_t *cr, *cache_cr;
  TpRenderOptions options;
  double ms[N_FRAMES];
  double width, height, sx, sy, zoom;
  TpElement *dragged;
  TpRect card;
  gboolean ok = TRUE;
  gint64 t;

  journey = tp_test_generate_journey (12, 2000, 20240611);

  /* Layout: a fresh one measures every text; an update after an edit
   * measures only what changed. */
  t = g_get_monotonic_time ();
  layout = tp_layout_new (journey, NULL);
  g_print ("%-52s %6.2f ms (first, fonts loading)\n", "tp_layout_new, 2000 touchpoints",
           (g_get_monotonic_time () - t) / 1000.0);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TpLayout) fresh = NULL;

      t = g_get_monotonic_time ();
      fresh = tp_layout_new (journey, NULL);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  report ("tp_layout_new, 2000 touchpoints (cold text cache)", stats (ms, 5), 0);

  {
    GListModel *touchpoints = tp_journey_get_touchpoints (journey);

    for (guint i = 0; i < 31; i++)
      {
        g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, (i * 61) % g_list_model_get_n_items (touchpoints));
        g_autofree char *title = g_strdup_printf ("Edited title number %u", i);

        g_object_set (tp, "title", title, NULL);
        t = g_get_monotonic_time ();
        tp_layout_update (layout);
        ms[i] = (g_get_monotonic_time () - t) / 1000.0;
      }
    report ("tp_layout_update after editing one title", stats (ms, 31), 0);
  }

  tp_layout_get_size (layout, &width, &height);
  g_print ("layout size %.0f x %.0f units\n", width, height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cr = cairo_create (surface);
  tp_render_options_init (&options);

  /* (a) Full redraw at 100 %, scrolled to the middle. */
  sx = (width - VIEW_WIDTH) / 2;
  sy = (height - VIEW_HEIGHT) / 2;
  options.zoom = 1;
  /* The first frame also draws the sprites and fills cairo's glyph cache. */
  t = g_get_monotonic_time ();
  set_view (cr, 1, sx, sy);
  tp_render_journey (cr, layout, &options);
  cairo_surface_flush (surface);
  g_print ("%-52s %6.2f ms\n", "(a0) first frame, cold sprite and glyph caches",
           (g_get_monotonic_time () - t) / 1000.0);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      t = g_get_monotonic_time ();
      set_view (cr, 1, sx, sy);
      tp_render_journey (cr, layout, &options);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  ok &= report ("(a) full redraw, 100 %, middle of the journey", stats (ms, N_FRAMES), 8);

  {
    TpRect view = TP_RECT_INIT (sx, sy, VIEW_WIDTH, VIEW_HEIGHT);

    visible = tp_layout_items_in_rect (layout, &view);
    g_print ("    %u cards in view\n", visible->len);
  }

  /* (b) Dragging a card. What a canvas does: the scene without the card
   * rendered once into a cached surface, then per frame the cache, the
   * card under the pointer and the drop indicator. */
  dragged = g_ptr_array_index (visible, visible->len / 2);
  tp_layout_get_card_rect (layout, dragged, &card);
  cache = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  cache_cr = cairo_create (cache);
  set_view (cache_cr, 1, sx, sy);
  options.hidden = dragged;
  tp_render_journey (cache_cr, layout, &options);
  cairo_destroy (cache_cr);

  for (guint i = 0; i < N_FRAMES; i++)
    {
      double dx = 7.0 * i, dy = 3.0 * i;
      TpLayoutDrop drop;

      t = g_get_monotonic_time ();
      cairo_identity_matrix (cr);
      cairo_set_source_surface (cr, cache, 0, 0);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      set_view (cr, 1, sx, sy);
      if (tp_layout_get_drop_position (layout, card.x + card.width / 2 + dx, card.y + card.height / 2 + dy, &drop))
        tp_render_drop_indicator (cr, &drop, &options);
      tp_render_card (cr, layout, dragged, &options, dx, dy);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  ok &= report ("(b) drag: cached scene + card + drop indicator", stats (ms, N_FRAMES), 8);

  /* (b') The same without a cache: every frame redrawn in full. */
  for (guint i = 0; i < N_FRAMES; i++)
    {
      double dx = 7.0 * i, dy = 3.0 * i;

      t = g_get_monotonic_time ();
      set_view (cr, 1, sx, sy);
      options.show_drop = tp_layout_get_drop_position (layout, card.x + card.width / 2 + dx,
                                                       card.y + card.height / 2 + dy, &options.drop);
      tp_render_journey (cr, layout, &options);
      tp_render_card (cr, layout, dragged, &options, dx, dy);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  report ("(b') drag without a cache: full redraw per frame", stats (ms, N_FRAMES), 0);
  options.hidden = NULL;
  options.show_drop = FALSE;

  /* (c) Zoom to fit: the whole journey in the view, simplified drawing. */
  zoom = MIN (VIEW_WIDTH / width, VIEW_HEIGHT / height);
  options.zoom = zoom;
  for (guint i = 0; i < N_FRAMES; i++)
    {
      t = g_get_monotonic_time ();
      set_view (cr, zoom, 0, 0);
      tp_render_journey (cr, layout, &options);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  {
    g_autofree char *what = g_strdup_printf ("(c) zoom to fit (%.0f %%), simplified", zoom * 100);
    ok &= report (what, stats (ms, N_FRAMES), 16);
  }

  /* (d) For reference: zoomed out just above the simplification
   * threshold, the most cards drawn in full. */
  zoom = TP_RENDER_SIMPLIFY_ZOOM;
  options.zoom = zoom;
  for (guint i = 0; i < N_FRAMES; i++)
    {
      t = g_get_monotonic_time ();
      set_view (cr, zoom, (width - VIEW_WIDTH / zoom) / 2, (height - VIEW_HEIGHT / zoom) / 2);
      tp_render_journey (cr, layout, &options);
      cairo_surface_flush (surface);
      ms[i] = (g_get_monotonic_time () - t) / 1000.0;
    }
  report ("(d) 40 % zoom, full drawing (reference)", stats (ms, N_FRAMES), 0);

  if (g_getenv ("TP_BENCH_PNG") != NULL)
    cairo_surface_write_to_png (surface, g_getenv ("TP_BENCH_PNG"));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (cache);

  if (!ok && g_getenv ("TP_BENCH_NO_FAIL") == NULL)
    return 1;
  return 0;
}
