/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "tp-canvas.h"
#include "tp-canvas-test.h"
#include "tp-test-util.h"

/* Frame times of the real TpCanvas for a generated 2,000-touchpoint
 * journey in a 1920×1080 window: the widget's snapshot (what GTK asks for
 * each frame) rendered to a texture by the window's GSK renderer. Run
 * under xvfb-run with GSK_RENDERER=cairo (the test environment sets it)
 * so that figures are comparable. Prints median and p95 per case. */

#define VIEW_WIDTH  1920
#define VIEW_HEIGHT 1080
#define N_FRAMES    60

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  tp_test_sort_times (ms, n);
  g_print ("%-44s median %7.2f ms   p95 %7.2f ms\n",
           what, ms[n / 2], tp_test_p95 (ms, n));
}

static void
flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* One frame: the canvas's snapshot, rendered. Returns milliseconds. */
static double
frame (GtkWidget *window,
       GtkWidget *canvas)
{
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start;

  flush ();
  start = g_get_monotonic_time ();
  /* What GTK runs for the widget each frame: its snapshot vfunc. */
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert (node != NULL);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (canvas),
                                                              gtk_widget_get_height (canvas)));
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(TpDocument) document = NULL;
  GtkWidget *window, *scroller, *canvas;
  GtkAdjustment *hadj, *vadj;
  double ms[N_FRAMES];
  TpLayout *layout;
  TpElement *card = NULL;
  double w, h, x0, y0;
  gint64 start;

  if (!gtk_init_check ())
    {
      g_print ("No display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  start = g_get_monotonic_time ();
  journey = tp_test_generate_journey (12, 2000, 42);
  document = tp_document_new (journey);
  g_print ("Generated 2,000 touchpoints in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), VIEW_WIDTH, VIEW_HEIGHT);
  scroller = gtk_scrolled_window_new ();
  canvas = tp_canvas_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), canvas);
  gtk_window_set_child (GTK_WINDOW (window), scroller);

  start = g_get_monotonic_time ();
  tp_canvas_set_document (TP_CANVAS (canvas), document);
  layout = tp_canvas_get_layout (TP_CANVAS (canvas));
  tp_layout_get_size (layout, &w, &h);
  g_print ("Layout %.0f × %.0f units in %.0f ms\n", w, h, (g_get_monotonic_time () - start) / 1000.0);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (canvas) || gtk_widget_get_width (canvas) < 100)
    g_main_context_iteration (NULL, TRUE);
  flush ();
  g_print ("Canvas %d × %d px, renderer %s\n", gtk_widget_get_width (canvas), gtk_widget_get_height (canvas),
           G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  /* A small X screen clamps the window: the figures would not be for 1920×1080. */
  if (gtk_widget_get_width (canvas) < VIEW_WIDTH || gtk_widget_get_height (canvas) < VIEW_HEIGHT)
    g_print ("WARNING: the screen is smaller than %d × %d; run under "
             "xvfb-run -a -s \"-screen 0 1920x1200x24\" for the budgeted figures\n",
             VIEW_WIDTH, VIEW_HEIGHT);

  hadj = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (canvas));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (canvas));

  /* Full redraw at 100 %, scrolling down and right a little each frame. */
  frame (window, canvas);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + 37);
      gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + 11);
      ms[i] = frame (window, canvas);
    }
  report ("full redraw, scrolling (100 %)", ms, N_FRAMES);

  /* Dragging a card across the view. */
  gtk_adjustment_set_value (vadj, 0);
  gtk_adjustment_set_value (hadj, 0);
  {
    GListModel *touchpoints = tp_journey_get_touchpoints (journey);

    for (guint i = 0; i < g_list_model_get_n_items (touchpoints) && card == NULL; i++)
      {
        g_autoptr(TpElement) element = g_list_model_get_item (touchpoints, i);
        TpRect rect;

        if (tp_layout_get_card_rect (layout, element, &rect) && rect.x + rect.width < 800 && rect.y + rect.height < 800)
          card = element;
      }
  }
  if (card != NULL)
    {
      TpRect rect;

      tp_layout_get_card_rect (layout, card, &rect);
      tp_canvas_document_to_widget (TP_CANVAS (canvas), rect.x + rect.width / 2, rect.y + rect.height / 2, &x0, &y0);
      tp_canvas_test_press (TP_CANVAS (canvas), x0, y0, 0);
      tp_canvas_test_motion (TP_CANVAS (canvas), x0 + 20, y0 + 20);
      frame (window, canvas);
      for (guint i = 0; i < N_FRAMES; i++)
        {
          tp_canvas_test_motion (TP_CANVAS (canvas), x0 + 20 + i * 13, y0 + 20 + i * 7);
          ms[i] = frame (window, canvas);
        }
      report ("drag redraw (100 %)", ms, N_FRAMES);
      tp_canvas_test_cancel (TP_CANVAS (canvas));
    }

  /* Select all 2,000 and read the selection back, as the window does on
   * every selection change. */
  for (guint i = 0; i < N_FRAMES; i++)
    {
      g_autoptr(GPtrArray) selection = NULL;
      gint64 t0 = g_get_monotonic_time ();

      tp_canvas_select_all (TP_CANVAS (canvas));
      selection = tp_canvas_get_selection (TP_CANVAS (canvas));
      g_assert (selection->len == 2000);
      tp_canvas_select (TP_CANVAS (canvas), NULL);
      ms[i] = (g_get_monotonic_time () - t0) / 1000.0;
    }
  report ("select all, read selection, clear", ms, N_FRAMES);

  /* Zoom to fit: thousands of simplified cards. */
  tp_canvas_zoom_to_fit (TP_CANVAS (canvas));
  g_print ("Zoom to fit: %.0f %%\n", tp_canvas_get_zoom (TP_CANVAS (canvas)) * 100);
  frame (window, canvas);
  for (guint i = 0; i < N_FRAMES; i++)
    {
      /* Something changes each frame: the selection. */
      g_autoptr(TpElement) element = g_list_model_get_item (tp_journey_get_touchpoints (journey), i);

      tp_canvas_select (TP_CANVAS (canvas), element);
      ms[i] = frame (window, canvas);
    }
  report ("zoom to fit, full redraw", ms, N_FRAMES);

  gtk_window_destroy (GTK_WINDOW (window));
  flush ();
  return 0;
}
