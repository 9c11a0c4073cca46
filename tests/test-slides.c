/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-department.h"
#include "tp-slides.h"
#include "tp-test-util.h"

/* The slide deck of presentation mode (app/core/output/tp-slides.c): how
 * many slides, what each shows, and that every text stays in its box at
 * a readable size without overlapping another, for every template, in
 * both palettes, and for a stage too full for one slide. */

static TpJourney *
load_template (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", name, NULL);

  return tp_test_load_journey (path);
}

static void
assert_inside (const TpRect *inner,
               const TpRect *outer)
{
  /* Half a unit for rounding in Pango's extents. */
  g_assert_cmpfloat (inner->x, >=, outer->x - 0.5);
  g_assert_cmpfloat (inner->y, >=, outer->y - 0.5);
  g_assert_cmpfloat (inner->x + inner->width, <=, outer->x + outer->width + 0.5);
  g_assert_cmpfloat (inner->y + inner->height, <=, outer->y + outer->height + 0.5);
}

static gboolean
overlap (const TpRect *a,
         const TpRect *b)
{
  /* Lines that touch (one text's last line on the next one's first) are
   * no overlap: a unit of slack. */
  return a->x + 1 < b->x + b->width && b->x + 1 < a->x + a->width
         && a->y + 1 < b->y + b->height && b->y + 1 < a->y + a->height;
}

static guint
check_slide_items (GArray *items)
{
  TpRect slide = TP_RECT_INIT (0, 0, TP_SLIDES_WIDTH, TP_SLIDES_HEIGHT);
  guint n_texts = 0;

  for (guint i = 0; i < items->len; i++)
    {
      TpSlideItem *item = &g_array_index (items, TpSlideItem, i);

      assert_inside (&item->rect, &slide);
      if (item->kind != TP_SLIDE_ITEM_TEXT)
        continue;
      n_texts++;
      g_assert_false (item->elided);
      g_assert_cmpfloat (item->size, >=, TP_SLIDES_MIN_TEXT);
      assert_inside (&item->rect, &item->box);
    }

  for (guint i = 0; i < items->len; i++)
    for (guint j = i + 1; j < items->len; j++)
      {
        TpSlideItem *a = &g_array_index (items, TpSlideItem, i);
        TpSlideItem *b = &g_array_index (items, TpSlideItem, j);

        /* Texts sit on panels (cards, the chart), never on each other;
         * panels never on each other. */
        if (a->kind == b->kind && overlap (&a->rect, &b->rect))
          g_error ("slide items %u and %u overlap: %.0f,%.0f %.0f×%.0f and %.0f,%.0f %.0f×%.0f",
                   i, j, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                   b->rect.x, b->rect.y, b->rect.width, b->rect.height);
      }
  return n_texts;
}

/* Every slide, drawn at the projector's size. */
static void
check_deck (TpSlides *slides)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (TpSlideItem));

  for (guint i = 0; i < tp_slides_get_n_slides (slides); i++)
    {
      cairo_t *cr = cairo_create (surface);

      tp_slides_draw_slide (slides, cr, i, 1920, 1080, items);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      g_assert_cmpuint (check_slide_items (items), >, 0);
    }
  cairo_surface_destroy (surface);
}

static void
test_count_sample (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpSlides) slides = tp_slides_new (journey, NULL);
  guint n = tp_slides_get_n_slides (slides);

  /* Title, five stages, findings. */
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (tp_slides_count (journey, NULL), ==, 7);
  g_assert_cmpint (tp_slides_get_kind (slides, 0), ==, TP_SLIDE_TITLE);
  g_assert_cmpint (tp_slides_get_stage (slides, 0), ==, -1);
  for (guint i = 1; i < n - 1; i++)
    {
      g_assert_cmpint (tp_slides_get_kind (slides, i), ==, TP_SLIDE_STAGE);
      g_assert_cmpint (tp_slides_get_stage (slides, i), ==, (int) i - 1);
    }
  g_assert_cmpint (tp_slides_get_kind (slides, n - 1), ==, TP_SLIDE_SUMMARY);
}

static void
test_count_empty (void)
{
  g_autoptr(TpJourney) empty = tp_journey_new ();
  g_autoptr(TpJourney) blank = load_template ("blank-consumer-journey.journey");
  g_autoptr(TpSlides) slides = NULL;

  /* A title and the findings, even with nothing to show between. */
  g_assert_cmpuint (tp_slides_count (empty, NULL), ==, 2);
  slides = tp_slides_new (blank, NULL);
  g_assert_cmpuint (tp_slides_get_n_slides (slides),
                    ==, 2 + g_list_model_get_n_items (tp_journey_get_stages (blank)));
  check_deck (slides);
}

/* Every template, light and dark, with and without the employee layer. */
static void
test_templates_fit (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_checked = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autoptr(TpJourney) journey = NULL;

      if (!g_str_has_suffix (name, ".journey"))
        continue;
      journey = load_template (name);
      for (int variant = 0; variant < 2; variant++)
        {
          TpSlidesOptions options;
          g_autoptr(TpSlides) slides = NULL;

          tp_slides_options_init (&options);
          options.dark = variant == 1;
          options.show_employee_layer = variant == 0;
          slides = tp_slides_new (journey, &options);
          /* The worked cases take at most two slides for a stage. */
          g_assert_cmpuint (tp_slides_get_n_slides (slides),
                            >=, 2 + g_list_model_get_n_items (tp_journey_get_stages (journey)));
          g_assert_cmpuint (tp_slides_get_n_slides (slides),
                            <=, 2 + 2 * g_list_model_get_n_items (tp_journey_get_stages (journey)));
          check_deck (slides);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >=, 22);
}

static void
add_card (TpJourney  *journey,
          const char *id,
          const char *title,
          TpCardKind  kind,
          int         score,
          gboolean    moment)
{
  g_autoptr(TpTouchpoint) card = tp_touchpoint_new (id, title, "s2", kind == TP_CARD_KIND_TOUCHPOINT ? "l2" : "l1",
                                                    TP_CHANNEL_PHONE);
  g_autoptr(GError) error = NULL;

  g_object_set (card, "kind", kind, "score", score, "moment-of-truth", moment,
                "department", "Customer Service", NULL);
  tp_journey_insert (journey, TP_ELEMENT (card), G_MAXUINT, &error);
  g_assert_no_error (error);
}

static TpJourney *
make_full_stage (void)
{
  TpJourney *journey = tp_journey_new ();
  const char *lorem = "A title long enough to wrap over two or three lines on a card, "
                      "as people write them in workshops when they are in a hurry";

  for (guint s = 1; s <= 3; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autoptr(TpStage) stage = tp_stage_new (id, "A stage");

      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
    }
  {
    g_autoptr(TpLane) actions = tp_lane_new ("l1", "Actions", TP_LANE_KIND_CUSTOMER_ACTIONS);
    g_autoptr(TpLane) touchpoints = tp_lane_new ("l2", "Touchpoints", TP_LANE_KIND_TOUCHPOINTS);

    g_assert_true (tp_journey_insert (journey, TP_ELEMENT (actions), G_MAXUINT, NULL));
    g_assert_true (tp_journey_insert (journey, TP_ELEMENT (touchpoints), G_MAXUINT, NULL));
  }
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i);

      add_card (journey, id, lorem, TP_CARD_KIND_TOUCHPOINT, 1 + i % 10, i % 7 == 0);
    }
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);

      add_card (journey, id, "Reads the letter twice and calls", TP_CARD_KIND_ACTION, 0, FALSE);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(TpEmployeeNote) note = tp_employee_note_new (id, i % 3 ? TP_NOTE_KIND_BLOCKER : TP_NOTE_KIND_ENABLER,
                                                             "A rule from elsewhere in the organisation that "
                                                             "nobody on the floor can change or explain");

      g_object_set (note, "touchpoint-id", "t1", "department", i % 2 ? "Finance" : "Customer Service", NULL);
      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, NULL));
    }
  return journey;
}

/* A stage with more than fits goes on over several slides, each one
 * readable, and every card and note is on one of them. */
static void
test_full_stage_splits (void)
{
  g_autoptr(TpJourney) journey = make_full_stage ();
  g_autoptr(TpSlides) slides = tp_slides_new (journey, NULL);
  guint n = tp_slides_get_n_slides (slides);
  guint n_stage_two = 0;

  g_assert_cmpuint (n, >, 5);
  for (guint i = 0; i < n; i++)
    if (tp_slides_get_stage (slides, i) == 1)
      n_stage_two++;
  g_assert_cmpuint (n_stage_two, >=, 2);
  g_assert_cmpuint (n_stage_two, ==, n - 4);
  check_deck (slides);
}

/* The employee layer as the window shows it: hiding it, or a department,
 * leaves notes out (and so room: fewer slides for the full stage). */
static void
test_employee_layer (void)
{
  g_autoptr(TpJourney) journey = make_full_stage ();
  g_autoptr(GHashTable) hidden = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TpSlides) all = tp_slides_new (journey, NULL);
  g_autoptr(TpSlides) filtered = NULL;
  g_autoptr(TpSlides) none = NULL;
  g_autofree char *finance = tp_department_key ("Finance");
  g_autofree char *service = tp_department_key ("Customer Service");
  TpSlidesOptions options;

  tp_slides_options_init (&options);
  g_assert_true (options.show_employee_layer);
  g_hash_table_add (hidden, finance);
  g_hash_table_add (hidden, service);
  options.hidden_departments = hidden;
  filtered = tp_slides_new (journey, &options);
  tp_slides_options_init (&options);
  options.show_employee_layer = FALSE;
  none = tp_slides_new (journey, &options);

  g_assert_cmpuint (tp_slides_get_n_slides (filtered), ==, tp_slides_get_n_slides (none));
  g_assert_cmpuint (tp_slides_get_n_slides (none), <=, tp_slides_get_n_slides (all));
}

/* The PDF deck through either writer (pages and size: test-cli). */
static void
test_pdf (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpSlides) slides = tp_slides_new (journey, NULL);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 1, 2, 3, 4, 5);

  for (int cairo = 0; cairo < 2; cairo++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = tp_slides_write_pdf (slides, date, cairo, &error);
      gsize length;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &length);
      g_assert_cmpuint (length, >, 1000);
      g_assert_true (memcmp (data, "%PDF-", 5) == 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/count/sample", test_count_sample);
  g_test_add_func ("/slides/count/empty", test_count_empty);
  g_test_add_func ("/slides/fit/templates", test_templates_fit);
  g_test_add_func ("/slides/fit/full-stage", test_full_stage_splits);
  g_test_add_func ("/slides/employee-layer", test_employee_layer);
  g_test_add_func ("/slides/pdf", test_pdf);
  return g_test_run ();
}
