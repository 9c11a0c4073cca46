/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>

#include "tp-analysis.h"
#include "tp-layout.h"
#include "tp-renderer-private.h"
#include "tp-renderer.h"
#include "tp-test-util.h"

/* Rendering is checked by regions, not golden bytes: the right colours in
 * the right places, nothing drawn where it should not be. */

/* The bundled sample and its layout, for each test. */
typedef TpTestLayoutFixture Fixture;

typedef struct {
  double r, g, b, a;
} Pixel;

/* Renders the whole journey at @scale into a new image surface, over
 * @fill (alpha 0: transparent). */
static cairo_surface_t *
render (TpLayout              *layout,
        double                 scale,
        const TpRenderOptions *options,
        const double           fill[4])
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  tp_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  if (fill != NULL)
    {
      cairo_set_source_rgba (cr, fill[0], fill[1], fill[2], fill[3]);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  tp_render_journey (cr, layout, options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static Pixel
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 v;
  Pixel p;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));

  v = *(const guint32 *) (gconstpointer) (data + y * stride + x * 4);
  p.a = ((v >> 24) & 0xff) / 255.0;
  /* Premultiplied: undo it for colour checks. */
  p.r = p.a > 0 ? ((v >> 16) & 0xff) / 255.0 / p.a : 0;
  p.g = p.a > 0 ? ((v >> 8) & 0xff) / 255.0 / p.a : 0;
  p.b = p.a > 0 ? (v & 0xff) / 255.0 / p.a : 0;
  return p;
}

/* The mean colour of a rectangle given in document units at @scale. */
static Pixel
mean_in (cairo_surface_t *surface,
         const TpRect    *rect,
         double           scale)
{
  Pixel sum = { 0, 0, 0, 0 };
  int n = 0;

  for (int y = (int) ceil (rect->y * scale); y < (int) floor ((rect->y + rect->height) * scale); y++)
    for (int x = (int) ceil (rect->x * scale); x < (int) floor ((rect->x + rect->width) * scale); x++)
      {
        Pixel p = pixel_at (surface, x, y);

        sum.r += p.r;
        sum.g += p.g;
        sum.b += p.b;
        sum.a += p.a;
        n++;
      }
  g_assert_cmpint (n, >, 0);
  sum.r /= n;
  sum.g /= n;
  sum.b /= n;
  sum.a /= n;
  return sum;
}

static gboolean
same_color (Pixel  p,
            double r,
            double g,
            double b)
{
  return fabs (p.r - r) < 0.02 && fabs (p.g - g) < 0.02 && fabs (p.b - b) < 0.02 && p.a > 0.98;
}

static TpElement *
lookup (Fixture    *f,
        const char *id)
{
  TpElement *element = tp_journey_lookup (f->journey, id);

  g_assert_nonnull (element);
  return element;
}

static guint
lane_kind_index (TpJourney  *journey,
                 TpLaneKind  kind)
{
  GListModel *lanes = tp_journey_get_lanes (journey);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(TpLane) lane = g_list_model_get_item (lanes, i);

      if (tp_lane_get_kind (lane) == kind)
        return i;
    }
  g_assert_not_reached ();
}

static void
write_png (cairo_surface_t *surface,
           const char      *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);

  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("wrote %s", path);
}

static void
test_score_color (void)
{
  double rgb[3];

  tp_score_color (1, TP_PALETTE_LIGHT, rgb);
  g_assert_true (rgb[0] > 0.8 && rgb[1] < 0.3 && rgb[2] < 0.3);    /* red */
  for (int score = 5; score <= 6; score++)
    {
      tp_score_color (score, TP_PALETTE_PRINT, rgb);
      g_assert_true (rgb[0] > 0.75 && rgb[1] > 0.55 && rgb[2] < 0.2); /* amber */
    }
  tp_score_color (10, TP_PALETTE_LIGHT, rgb);
  g_assert_true (rgb[1] > rgb[0] + 0.3 && rgb[1] > rgb[2]);         /* green */

  /* Red falls and green rises along the scale. */
  for (int score = 2; score <= 10; score++)
    {
      double prev[3];

      tp_score_color (score - 1, TP_PALETTE_LIGHT, prev);
      tp_score_color (score, TP_PALETTE_LIGHT, rgb);
      g_assert_cmpfloat (rgb[1] - rgb[0], >, prev[1] - prev[0]);
    }

  /* Unset is neutral grey; dark is a touch lighter. */
  tp_score_color (TP_SCORE_UNSET, TP_PALETTE_LIGHT, rgb);
  g_assert_true (rgb[0] == rgb[1] && rgb[1] == rgb[2]);
  {
    double dark[3];

    tp_score_color (3, TP_PALETTE_LIGHT, rgb);
    tp_score_color (3, TP_PALETTE_DARK, dark);
    g_assert_cmpfloat (dark[1], >, rgb[1]);
  }
}

static void
test_print_regions (Fixture       *f,
                    gconstpointer  data)
{
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect badge;
  Pixel p;
  guint curve_lane = lane_kind_index (f->journey, TP_LANE_KIND_EMOTION_CURVE);
  const TpCurvePoint *points;
  guint n, checked = 0;
  double width, height;

  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  surface = render (f->layout, 1.0, &options, NULL);
  tp_layout_get_size (f->layout, &width, &height);

  /* Paper white in the corner and in an empty cell. */
  g_assert_true (same_color (pixel_at (surface, 1, 1), 1, 1, 1));
  {
    TpRect cell;

    tp_layout_get_cell_rect (f->layout, 2, lane_kind_index (f->journey, TP_LANE_KIND_EMPLOYEE), &cell);
    g_assert_true (same_color (pixel_at (surface, (int) (cell.x + cell.width / 2), (int) (cell.y + cell.height - 10)), 1, 1, 1));
  }

  /* The consult (score 3) has a reddish badge; the hospitality desk (9) a
   * greenish one. The middle of the badge, away from its edge. */
  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t19"), &badge));
  badge = tp_rect_inset (&badge, 3, 3);
  p = mean_in (surface, &badge, 1);
  g_assert_cmpfloat (p.r, >, p.g);
  g_assert_cmpfloat (p.r, >, p.b);
  g_assert_cmpfloat (p.r, >, 0.6);

  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t11"), &badge));
  badge = tp_rect_inset (&badge, 3, 3);
  p = mean_in (surface, &badge, 1);
  g_assert_cmpfloat (p.g, >, p.r);
  g_assert_cmpfloat (p.g, >, p.b);

  /* The curve runs between dots: halfway between two neighbours with the
   * same score, the curve colour is near their height. */
  points = tp_layout_get_curve (f->layout, curve_lane, &n);
  for (guint i = 0; i + 1 < n; i++)
    {
      int x, y0;
      gboolean found = FALSE;

      if (points[i].score != points[i + 1].score)
        continue;

      x = (int) ((points[i].x + points[i + 1].x) / 2);
      y0 = (int) points[i].y;
      for (int y = y0 - 4; y <= y0 + 4 && !found; y++)
        {
          Pixel c = pixel_at (surface, x, y);

          /* The curve is a strong blue, unlike the pale fill under it. */
          found = c.b > 0.6 && c.r < 0.45 && c.b > c.g;
        }
      g_assert_true (found);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 3);

  /* A dot shows its score colour: the consult's dot is reddish too. */
  for (guint i = 0; i < n; i++)
    if (points[i].element == lookup (f, "t19"))
      {
        Pixel c = pixel_at (surface, (int) points[i].x - 5, (int) points[i].y);

        g_assert_cmpfloat (c.r, >, c.g);
        g_assert_cmpfloat (c.r, >, c.b);
      }

  write_png (surface, "render-sample-print.png");
  cairo_surface_destroy (surface);
}

static void
test_png_scales_and_dark (Fixture       *f,
                          gconstpointer  data)
{
  TpRenderOptions options;
  cairo_surface_t *surface;
  double width, height;
  TpRect badge;
  Pixel p;

  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  options.zoom = 2;
  surface = render (f->layout, 2.0, &options, NULL);
  tp_layout_get_size (f->layout, &width, &height);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width * 2));
  /* The same places at twice the size. */
  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t19"), &badge));
  badge = tp_rect_inset (&badge, 3, 3);
  p = mean_in (surface, &badge, 2);
  g_assert_cmpfloat (p.r, >, p.g);
  write_png (surface, "render-sample-print-2x.png");
  cairo_surface_destroy (surface);

  options.palette = TP_PALETTE_DARK;
  options.zoom = 1;
  surface = render (f->layout, 1.0, &options, NULL);
  p = pixel_at (surface, 1, 1);
  g_assert_cmpfloat (p.r + p.g + p.b, <, 0.75);
  g_assert_cmpfloat (p.a, >, 0.98);
  {
    TpRect cell;

    tp_layout_get_cell_rect (f->layout, 2, lane_kind_index (f->journey, TP_LANE_KIND_EMPLOYEE), &cell);
    p = pixel_at (surface, (int) (cell.x + cell.width / 2), (int) (cell.y + cell.height - 10));
    g_assert_cmpfloat (p.r + p.g + p.b, <, 0.75);
  }
  write_png (surface, "render-sample-dark.png");
  cairo_surface_destroy (surface);

  options.palette = TP_PALETTE_LIGHT;
  surface = render (f->layout, 1.0, &options, NULL);
  write_png (surface, "render-sample-light.png");
  cairo_surface_destroy (surface);
}

/* Only what is visible is drawn: a visible rect over the first stage
 * leaves the last stage's pixels as they were. */
static void
test_visible_clip (Fixture       *f,
                   gconstpointer  data)
{
  static const double magenta[4] = { 1, 0, 1, 1 };
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect first, last;
  double width, height;
  guint n_stages = tp_layout_get_n_stages (f->layout);
  guint changed_first = 0, changed_last = 0, total_last = 0;

  tp_layout_get_size (f->layout, &width, &height);
  tp_layout_get_stage_rect (f->layout, 0, &first);
  tp_layout_get_stage_rect (f->layout, n_stages - 1, &last);

  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  options.visible = TP_RECT_INIT (0, 0, first.x + first.width, height);
  surface = render (f->layout, 1.0, &options, magenta);

  for (int y = 0; y < (int) height; y += 3)
    {
      for (int x = (int) first.x + 2; x < (int) (first.x + first.width) - 2; x += 3)
        changed_first += !same_color (pixel_at (surface, x, y), 1, 0, 1);
      for (int x = (int) last.x; x < (int) (last.x + last.width); x += 3)
        {
          changed_last += !same_color (pixel_at (surface, x, y), 1, 0, 1);
          total_last++;
        }
    }
  g_assert_cmpuint (changed_first, >, 0);
  g_assert_cmpuint (changed_last, ==, 0);
  g_assert_cmpuint (total_last, >, 1000);
  cairo_surface_destroy (surface);

  /* The cairo clip works the same way, with no visible rect given. */
  {
    double w = ceil (width), h = ceil (height);
    cairo_t *cr;

    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
    cr = cairo_create (surface);
    cairo_set_source_rgb (cr, 1, 0, 1);
    cairo_paint (cr);
    cairo_rectangle (cr, 0, 0, first.x + first.width, h);
    cairo_clip (cr);
    tp_render_options_init (&options);
    tp_render_journey (cr, f->layout, &options);
    cairo_destroy (cr);
    g_assert_true (same_color (pixel_at (surface, (int) (last.x + last.width / 2), (int) (h / 2)), 1, 0, 1));
    g_assert_false (same_color (pixel_at (surface, (int) (first.x + first.width / 2), (int) (h / 2)), 1, 0, 1));
    cairo_surface_destroy (surface);
  }
}

/* The canvas draws headers pinned over a scrolled body: each part alone
 * draws only its own area. */
static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  static const double magenta[4] = { 1, 0, 1, 1 };
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect cell, header;

  tp_layout_get_cell_rect (f->layout, 1, 1, &cell);
  tp_layout_get_stage_header_rect (f->layout, 1, &header);

  tp_render_options_init (&options);
  options.parts = TP_RENDER_STAGE_HEADERS;
  surface = render (f->layout, 1.0, &options, magenta);
  g_assert_false (same_color (pixel_at (surface, (int) (header.x + 3), (int) (header.y + 2)), 1, 0, 1));
  g_assert_true (same_color (pixel_at (surface, (int) (cell.x + 3), (int) (cell.y + 3)), 1, 0, 1));
  g_assert_true (same_color (pixel_at (surface, 5, (int) (cell.y + 3)), 1, 0, 1));
  cairo_surface_destroy (surface);

  options.parts = TP_RENDER_BODY;
  surface = render (f->layout, 1.0, &options, magenta);
  g_assert_true (same_color (pixel_at (surface, (int) (header.x + 3), (int) (header.y + 2)), 1, 0, 1));
  g_assert_false (same_color (pixel_at (surface, (int) (cell.x + 3), (int) (cell.y + 3)), 1, 0, 1));
  cairo_surface_destroy (surface);
}

static void
test_selection_hover_drop (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GHashTable) selection = g_hash_table_new (NULL, NULL);
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect card;
  Pixel p;
  TpLayoutDrop drop;

  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t19"), &card));
  g_hash_table_add (selection, lookup (f, "t19"));

  /* The focus ring sits just outside the card, in the accent colour. */
  tp_render_options_init (&options);
  options.selection = selection;
  surface = render (f->layout, 1.0, &options, NULL);
  p = pixel_at (surface, (int) (card.x + card.width / 2), (int) (card.y - 3.5));
  g_assert_true (p.b > 0.8 && p.r < 0.4);
  cairo_surface_destroy (surface);

  /* Paper shows no selection. */
  options.palette = TP_PALETTE_PRINT;
  surface = render (f->layout, 1.0, &options, NULL);
  p = pixel_at (surface, (int) (card.x + card.width / 2), (int) (card.y - 3.5));
  g_assert_false (p.b > 0.8 && p.r < 0.4);
  cairo_surface_destroy (surface);

  /* Hover lifts the card: a deeper shadow just below it. */
  options.palette = TP_PALETTE_LIGHT;
  options.selection = NULL;
  {
    Pixel flat, raised;

    surface = render (f->layout, 1.0, &options, NULL);
    flat = pixel_at (surface, (int) (card.x + card.width / 2), (int) (card.y + card.height + 4));
    cairo_surface_destroy (surface);
    options.hover = lookup (f, "t19");
    surface = render (f->layout, 1.0, &options, NULL);
    raised = pixel_at (surface, (int) (card.x + card.width / 2), (int) (card.y + card.height + 4));
    cairo_surface_destroy (surface);
    g_assert_cmpfloat (raised.r + raised.g + raised.b, <, flat.r + flat.g + flat.b - 0.03);
    options.hover = NULL;
  }

  /* Drag feedback: an accent line where the card would go. */
  options.palette = TP_PALETTE_LIGHT;
  options.selection = NULL;
  g_assert_true (tp_layout_get_drop_position (f->layout, card.x + 30, card.y + card.height + 6, &drop));
  options.show_drop = TRUE;
  options.drop = drop;
  surface = render (f->layout, 1.0, &options, NULL);
  p = pixel_at (surface, (int) (drop.indicator.x + drop.indicator.width / 2),
                (int) (drop.indicator.y + drop.indicator.height / 2));
  g_assert_true (p.b > 0.8 && p.r < 0.4);
  cairo_surface_destroy (surface);

  /* A dragged card left out of the scene and drawn on top, moved. */
  {
    static const double magenta[4] = { 1, 0, 1, 1 };
    cairo_t *cr;
    double dx = 0, dy = 300;
    TpRect empty = TP_RECT_INIT (card.x + 40, card.y + 30, 100, 10);

    options.show_drop = FALSE;
    options.hidden = lookup (f, "t19");
    options.parts = TP_RENDER_BODY;
    surface = render (f->layout, 1.0, &options, magenta);
    /* Where the card was: the column's background, no card. */
    p = mean_in (surface, &empty, 1);
    g_assert_cmpfloat (fabs (p.r - p.b), <, 0.02);
    cr = cairo_create (surface);
    tp_render_card (cr, f->layout, lookup (f, "t19"), &options, dx, dy);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t19"), &card));
    card.y += dy;
    card = tp_rect_inset (&card, 3, 3);
    p = mean_in (surface, &card, 1);
    g_assert_cmpfloat (p.r, >, p.g);
    write_png (surface, "render-sample-drag.png");
    cairo_surface_destroy (surface);
  }
}

/* Zoomed out, cards are blocks in their score colour. */
static void
test_simplified (Fixture       *f,
                 gconstpointer  data)
{
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect card;
  const double scale = 0.3;
  Pixel p;

  /* The zoom comes from the cairo matrix when not given. */
  tp_render_options_init (&options);
  surface = render (f->layout, scale, &options, NULL);
  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t19"), &card));
  card = tp_rect_inset (&card, 10, 10);
  p = mean_in (surface, &card, scale);
  g_assert_cmpfloat (p.r, >, p.g + 0.2);
  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t11"), &card));
  card = tp_rect_inset (&card, 10, 10);
  p = mean_in (surface, &card, scale);
  g_assert_cmpfloat (p.g, >, p.r);
  write_png (surface, "render-sample-zoomed-out.png");
  cairo_surface_destroy (surface);
}

static void
check_pdf_text (const char *pdf_path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { NULL, "-layout", pdf_path, "-", NULL };
  int status;

  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext not installed: not checking the PDF's text");
      return;
    }

  argv[0] = pdftotext;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Text stays text: titles, stage and lane names, guide labels. */
  g_assert_nonnull (strstr (out, "Hospitality desk"));
  g_assert_nonnull (strstr (out, "Referral letter"));
  g_assert_nonnull (strstr (out, "Three-minute consult"));
  g_assert_nonnull (strstr (out, "Consultation"));
  g_assert_nonnull (strstr (out, "Emotion curve"));
  g_assert_nonnull (strstr (out, "Good enough (7)"));
  g_assert_nonnull (strstr (out, "Moment of truth target (9)"));
}

static void
test_pdf_svg (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-render-XXXXXX", &error);
  g_autofree char *pdf_path = NULL;
  g_autofree char *svg_path = NULL;
  g_autofree char *svg = NULL;
  TpRenderOptions options;
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  GStatBuf st;

  g_assert_no_error (error);
  pdf_path = g_build_filename (dir, "sample.pdf", NULL);
  svg_path = g_build_filename (dir, "sample.svg", NULL);
  tp_layout_get_size (f->layout, &width, &height);
  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;

  /* 1 unit = 1 pt in PDF. */
  surface = cairo_pdf_surface_create (pdf_path, width, height);
  cr = cairo_create (surface);
  tp_render_journey (cr, f->layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 10000);
  check_pdf_text (pdf_path);

  surface = cairo_svg_surface_create (svg_path, width, height);
  cr = cairo_create (surface);
  tp_render_journey (cr, f->layout, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "<svg"));
  /* Vector output: no pre-drawn bitmaps. */
  g_assert_null (strstr (svg, "<image"));

  g_unlink (pdf_path);
  g_unlink (svg_path);
  g_rmdir (dir);
}

/* A recording of a render replays to the same pixels, and scaling the
 * target (HiDPI) draws the same map. */
static void
test_device_scale (Fixture       *f,
                   gconstpointer  data)
{
  TpRenderOptions options;
  cairo_surface_t *plain, *hidpi;
  cairo_t *cr;
  double width, height;
  TpRect badge;
  Pixel a, b;

  tp_layout_get_size (f->layout, &width, &height);
  tp_render_options_init (&options);

  plain = render (f->layout, 2.0, &options, NULL);

  hidpi = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * 2), (int) ceil (height * 2));
  cairo_surface_set_device_scale (hidpi, 2, 2);
  cr = cairo_create (hidpi);
  tp_render_journey (cr, f->layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (hidpi);

  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t11"), &badge));
  badge = tp_rect_inset (&badge, 3, 3);
  a = mean_in (plain, &badge, 2);
  b = mean_in (hidpi, &badge, 2);
  g_assert_cmpfloat (fabs (a.r - b.r) + fabs (a.g - b.g) + fabs (a.b - b.b), <, 0.05);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (hidpi);
}

/* Pixels within a small distance of @rgb inside @rect (document units
 * at scale 1). */
static guint
count_color (cairo_surface_t *surface,
             const TpRect    *rect,
             const double     rgb[3])
{
  guint n = 0;

  for (int y = (int) ceil (rect->y); y < (int) floor (rect->y + rect->height); y++)
    for (int x = (int) ceil (rect->x); x < (int) floor (rect->x + rect->width); x++)
      {
        Pixel p = pixel_at (surface, x, y);

        if (p.a > 0.99 && fabs (p.r - rgb[0]) < 0.02 && fabs (p.g - rgb[1]) < 0.02 && fabs (p.b - rgb[2]) < 0.02)
          n++;
      }
  return n;
}

/* The departments of the employee notes, sorted, each with its own
 * colour; the legend under the employee lane's name shows their swatches
 * when the overlay is on (on paper too: exports carry it), not when off. */
static void
test_department_legend (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) departments = tp_journey_list_departments (f->journey);
  const char *expected[] = { "Cardiology outpatient clinic", "Hospitality", "Poliklinieken" };
  GListModel *lanes = tp_journey_get_lanes (f->journey);
  TpRenderOptions options;
  TpRect header = { 0 };
  gboolean found = FALSE;
  double colors[G_N_ELEMENTS (expected)][3];

  g_assert_cmpuint (departments->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < departments->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (departments, i), ==, expected[i]);
      tp_department_color (i, TP_PALETTE_LIGHT, colors[i]);
      for (guint j = 0; j < i; j++)
        g_assert_false (colors[i][0] == colors[j][0] && colors[i][1] == colors[j][1] && colors[i][2] == colors[j][2]);
    }

  for (guint l = 0; l < g_list_model_get_n_items (lanes) && !found; l++)
    {
      g_autoptr(TpLane) lane = g_list_model_get_item (lanes, l);

      if (tp_lane_get_kind (lane) == TP_LANE_KIND_EMPLOYEE)
        found = tp_layout_get_lane_header_rect (f->layout, l, &header);
    }
  g_assert_true (found);

  for (TpPalette palette = TP_PALETTE_LIGHT; palette <= TP_PALETTE_PRINT; palette += TP_PALETTE_PRINT - TP_PALETTE_LIGHT)
    {
      cairo_surface_t *on, *off;
      double hospitality[3];

      tp_department_color (1, palette, hospitality);
      tp_render_options_init (&options);
      options.palette = palette;
      on = render (f->layout, 1, &options, NULL);
      options.show_employee_overlay = FALSE;
      off = render (f->layout, 1, &options, NULL);

      g_assert_cmpuint (count_color (on, &header, hospitality), >, 40);
      g_assert_cmpuint (count_color (off, &header, hospitality), ==, 0);
      cairo_surface_destroy (on);
      cairo_surface_destroy (off);
    }
}

/* With the overlay on, the consult's blocker marker has a ring in the
 * colour of the blocker's department (the first: cardiology); with the
 * department hidden, the marker is gone. */
static void
test_marker_department_ring (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GHashTable) hidden = g_hash_table_new (g_str_hash, g_str_equal);
  TpElement *consult = tp_journey_lookup (f->journey, "t19");
  TpRenderOptions options;
  TpRect card, corner;
  cairo_surface_t *surface;
  double cardiology[3];

  tp_department_color (0, TP_PALETTE_LIGHT, cardiology);
  g_assert_true (tp_layout_get_card_rect (f->layout, consult, &card));
  corner = (TpRect) { card.x + card.width - 30, card.y + card.height - 12, 30, 24 };

  tp_render_options_init (&options);
  surface = render (f->layout, 1, &options, NULL);
  g_assert_cmpuint (count_color (surface, &corner, cardiology), >, 10);
  cairo_surface_destroy (surface);

  g_hash_table_add (hidden, (gpointer) "cardiology outpatient clinic");
  options.hidden_departments = hidden;
  surface = render (f->layout, 1, &options, NULL);
  g_assert_cmpuint (count_color (surface, &corner, cardiology), ==, 0);
  cairo_surface_destroy (surface);
}

/* A critical finding marks its card with a red dot on screen; paper
 * stays clean. */
static void
test_finding_marks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GHashTable) marks = g_hash_table_new (g_direct_hash, g_direct_equal);
  TpElement *consult = tp_journey_lookup (f->journey, "t19");
  const double red[3] = { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 };
  TpRenderOptions options;
  TpRect card, corner;
  cairo_surface_t *surface;

  g_assert_nonnull (consult);
  g_assert_true (tp_layout_get_card_rect (f->layout, consult, &card));
  corner = (TpRect) { card.x + card.width - 12, card.y - 6, 18, 18 };
  g_hash_table_insert (marks, consult, GINT_TO_POINTER (TP_SEVERITY_CRITICAL));

  tp_render_options_init (&options);
  surface = render (f->layout, 1, &options, NULL);
  g_assert_cmpuint (count_color (surface, &corner, red), ==, 0);
  cairo_surface_destroy (surface);

  options.finding_marks = marks;
  surface = render (f->layout, 1, &options, NULL);
  g_assert_cmpuint (count_color (surface, &corner, red), >, 30);
  cairo_surface_destroy (surface);

  options.palette = TP_PALETTE_PRINT;
  surface = render (f->layout, 1, &options, NULL);
  g_assert_cmpuint (count_color (surface, &corner, red), ==, 0);
  cairo_surface_destroy (surface);
}

/* Pixels of @rect (document units at @scale) that are not @rgb. */
static guint
count_other_than (cairo_surface_t *surface,
                  const TpRect    *rect,
                  double           scale,
                  const double     rgb[3])
{
  guint n = 0;

  for (int y = (int) ceil (rect->y * scale); y < (int) floor ((rect->y + rect->height) * scale); y++)
    for (int x = (int) ceil (rect->x * scale); x < (int) floor ((rect->x + rect->width) * scale); x++)
      {
        Pixel p = pixel_at (surface, x, y);

        if (fabs (p.r - rgb[0]) > 0.05 || fabs (p.g - rgb[1]) > 0.05 || fabs (p.b - rgb[2]) > 0.05)
          n++;
      }
  return n;
}

/* The evidence mark is drawn in its place on the card, on screen and on
 * paper alike, and nothing is drawn there without evidence. */
static void
test_evidence_mark (Fixture       *f,
                    gconstpointer  data)
{
  const double white[3] = { 1, 1, 1 };
  TpElement *consult = lookup (f, "t19");
  TpRenderOptions options;
  TpRect mark;
  cairo_surface_t *surface;

  tp_render_options_init (&options);
  for (int palette = 0; palette < 2; palette++)
    {
      options.palette = palette == 0 ? TP_PALETTE_LIGHT : TP_PALETTE_PRINT;
      g_assert_true (tp_layout_get_evidence_rect (f->layout, consult, &mark));
      surface = render (f->layout, 2, &options, NULL);
      g_assert_cmpuint (count_other_than (surface, &mark, 2, white), >, 40);
      cairo_surface_destroy (surface);
    }

  tp_render_options_init (&options);
  g_object_set (consult, "evidence", TP_EVIDENCE_NONE, NULL);
  tp_layout_update (f->layout);
  g_assert_false (tp_layout_get_evidence_rect (f->layout, consult, NULL));
  surface = render (f->layout, 2, &options, NULL);
  g_assert_cmpuint (count_other_than (surface, &mark, 2, white), ==, 0);
  cairo_surface_destroy (surface);
}

/* An enabler shows its strength as dots, and none when it has no
 * strength (its severity, a blocker's, is not drawn). */
static void
test_enabler_strength (Fixture       *f,
                       gconstpointer  data)
{
  const double accent[3] = { 0x18 / 255.0, 0x77 / 255.0, 0x4a / 255.0 };
  const double fill[3] = { 0xe8 / 255.0, 0xf6 / 255.0, 0xed / 255.0 };
  TpElement *enabler = lookup (f, "e4");
  TpRenderOptions options;
  TpRect card, row, below;
  cairo_surface_t *surface;
  guint with_dots, without;

  tp_render_options_init (&options);
  g_assert_true (tp_layout_get_card_rect (f->layout, enabler, &card));
  /* The header row, and the strip under its label where severity bars reached. */
  row = TP_RECT_INIT (card.x + 10, card.y + 10, 120, 18);
  below = TP_RECT_INIT (card.x + 10, card.y + 10 + 14.5, 14, 1.5);

  surface = render (f->layout, 4, &options, NULL);
  with_dots = count_color (surface, &TP_RECT_INIT (row.x * 4, row.y * 4, row.width * 4, row.height * 4), accent);
  cairo_surface_destroy (surface);

  g_object_set (enabler, "strength", 0, "severity", 3, NULL);
  tp_layout_update (f->layout);
  surface = render (f->layout, 4, &options, NULL);
  without = count_color (surface, &TP_RECT_INIT (row.x * 4, row.y * 4, row.width * 4, row.height * 4), accent);
  g_assert_cmpuint (count_other_than (surface, &below, 4, fill), ==, 0);
  cairo_surface_destroy (surface);

  /* Three dots of about 2 units' radius, at 4 pixels a unit. */
  g_assert_cmpuint (with_dots, >, without + 200);
}

/* Grey print keeps what colour tells: a score below good enough has a
 * square badge and a square dot (high ones are round), and a blocker's card
 * a cut corner (an enabler's is round). Checked at the corners' pixels. */
static void
test_shapes_for_grey_print (Fixture       *f,
                            gconstpointer  data)
{
  const double white[4] = { 1, 1, 1, 1 };
  TpRenderOptions options;
  cairo_surface_t *surface;
  TpRect low, high, blocker, enabler;
  Pixel p;
  const double scale = 4;

  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  options.skip_background = TRUE;
  /* t19 scores 3, t11 scores 9; e1 is a blocker, e4 an enabler. */
  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t19"), &low));
  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "t11"), &high));
  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "e1"), &blocker));
  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "e4"), &enabler));
  surface = render (f->layout, scale, &options, white);

  /* Half a unit inside the badge's top left corner: the badge's colour
   * for a square one, the card's white around a pill. */
  p = pixel_at (surface, (int) ((low.x + 0.5) * scale), (int) ((low.y + 0.5) * scale));
  g_assert_cmpfloat (p.r + p.g + p.b, <, 2.7);
  p = pixel_at (surface, (int) ((high.x + 0.5) * scale), (int) ((high.y + 0.5) * scale));
  g_assert_cmpfloat (p.r + p.g + p.b, >, 2.9);

  /* Three units in from the card's top right corner: cut off for a
   * blocker (the page shows), inside the rounded corner of an enabler. */
  p = pixel_at (surface, (int) ((blocker.x + blocker.width - 3) * scale), (int) ((blocker.y + 3) * scale));
  g_assert_cmpfloat (p.r + p.g + p.b, >, 2.95);
  p = pixel_at (surface, (int) ((enabler.x + enabler.width - 3) * scale), (int) ((enabler.y + 3) * scale));
  g_assert_cmpfloat (p.r + p.g + p.b, <, 2.95);
  cairo_surface_destroy (surface);
}

/* Every text reads at WCAG AA (4.5:1) on what it is drawn on, on screen
 * in the light style and on paper. */
static void
test_text_contrast (void)
{
  const TpPalette palettes[] = { TP_PALETTE_LIGHT, TP_PALETTE_PRINT, TP_PALETTE_DARK };

  for (guint i = 0; i < G_N_ELEMENTS (palettes); i++)
    {
      const char *which = NULL;
      double worst = tp_renderer_worst_text_contrast (palettes[i], &which);

      g_test_message ("palette %u: worst %.2f (%s)", palettes[i], worst, which);
      g_assert_cmpfloat (worst, >=, 4.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/score-color", test_score_color);
  g_test_add_func ("/render/text-contrast", test_text_contrast);
#define ADD(path, func) g_test_add (path, Fixture, NULL, tp_test_layout_fixture_set_up, func, \
                                           tp_test_layout_fixture_tear_down)
  ADD ("/render/print-regions", test_print_regions);
  ADD ("/render/png-scales-and-dark", test_png_scales_and_dark);
  ADD ("/render/visible-clip", test_visible_clip);
  ADD ("/render/parts", test_parts);
  ADD ("/render/selection-hover-drop", test_selection_hover_drop);
  ADD ("/render/simplified", test_simplified);
  ADD ("/render/pdf-svg", test_pdf_svg);
  ADD ("/render/device-scale", test_device_scale);
  ADD ("/render/department-legend", test_department_legend);
  ADD ("/render/finding-marks", test_finding_marks);
  ADD ("/render/marker-department-ring", test_marker_department_ring);
  ADD ("/render/evidence-mark", test_evidence_mark);
  ADD ("/render/enabler-strength", test_enabler_strength);
  ADD ("/render/shapes-for-grey-print", test_shapes_for_grey_print);
#undef ADD

  return g_test_run ();
}
