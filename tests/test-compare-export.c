/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "tp-compare-page.h"
#include "tp-report.h"
#include "tp-report-html.h"
#include "tp-test-util.h"

/* The comparison page: every text in its box and none over another, the
 * PDF read back with poppler's pdftotext and pdfinfo, the PNG loaded back,
 * the report's section, and `touchpoint --export … --compare` with its
 * exit codes. */

static TpJourney *
load_to_be (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hospital-to-be.journey", NULL);

  return tp_test_load_journey (path);
}

static TpJourney *
load_as_is (void)
{
  g_autofree char *path = tp_test_sample_path ();

  return tp_test_load_journey (path);
}

static GArray *
draw_items (TpComparePage *page)
{
  GArray *items = tp_compare_items_new ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, NULL);
  cairo_t *cr = cairo_create (surface);

  tp_compare_page_draw (page, cr, items);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return items;
}

/* Texts in their boxes and on the page, no text over another. */
static void
assert_layout_sound (TpComparePage *page,
                     GArray        *items)
{
  double width, height;
  guint n_texts = 0;

  tp_compare_page_get_size (page, &width, &height);
  for (guint i = 0; i < items->len; i++)
    {
      TpCompareItem *a = &g_array_index (items, TpCompareItem, i);

      g_assert_cmpfloat (a->rect.x, >=, 0);
      g_assert_cmpfloat (a->rect.y, >=, 0);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, width + 0.01);
      g_assert_cmpfloat (a->rect.y + a->rect.height, <=, height + 0.01);
      if (a->kind == TP_COMPARE_ITEM_PANEL)
        continue;
      n_texts++;
      if (a->rect.x < a->box.x - 0.5 || a->rect.x + a->rect.width > a->box.x + a->box.width + 0.5)
        g_error ("“%s” leaves its box: %.1f–%.1f in %.1f–%.1f", a->text, a->rect.x,
                 a->rect.x + a->rect.width, a->box.x, a->box.x + a->box.width);
      for (guint j = i + 1; j < items->len; j++)
        {
          TpCompareItem *b = &g_array_index (items, TpCompareItem, j);
          TpRect ra = tp_rect_inset (&a->rect, 0.5, 0.5);
          TpRect rb = tp_rect_inset (&b->rect, 0.5, 0.5);

          if (b->kind == TP_COMPARE_ITEM_PANEL || a->rect.width == 0 || b->rect.width == 0)
            continue;
          if (tp_rect_intersects (&ra, &rb))
            g_error ("“%s” (%.1f, %.1f, %.1f × %.1f) overlaps “%s” (%.1f, %.1f, %.1f × %.1f)",
                     a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     b->text, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
    }
  g_assert_cmpuint (n_texts, >, 20);
}

static gboolean
has_item (GArray            *items,
          TpCompareItemKind  kind,
          const char        *text)
{
  for (guint i = 0; i < items->len; i++)
    {
      TpCompareItem *item = &g_array_index (items, TpCompareItem, i);

      if (item->kind == kind && g_strcmp0 (item->text, text) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_layout_hospital (void)
{
  g_autoptr(TpJourney) a = load_as_is ();
  g_autoptr(TpJourney) b = load_to_be ();
  g_autoptr(TpComparePage) page = tp_compare_page_new (a, b);
  g_autoptr(GArray) items = draw_items (page);
  double height;

  assert_layout_sound (page, items);
  tp_compare_page_get_size (page, NULL, &height);
  /* Everything is drawn where measuring said. */
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpfloat (g_array_index (items, TpCompareItem, i).rect.y, <, height - 30);

  g_assert_true (has_item (items, TP_COMPARE_ITEM_DELTA, "+5"));
  g_assert_true (has_item (items, TP_COMPARE_ITEM_DELTA, "+3"));
  g_assert_true (has_item (items, TP_COMPARE_ITEM_DELTA, "+4"));
  /* Thoughts are on the curve but have no delta of their own; 0 is none. */
  g_assert_false (has_item (items, TP_COMPARE_ITEM_DELTA, "±0"));
  g_assert_true (has_item (items, TP_COMPARE_ITEM_TEXT, "Follow-up letter"));
  g_assert_true (has_item (items, TP_COMPARE_ITEM_TEXT, "removed"));
  g_assert_true (has_item (items, TP_COMPARE_ITEM_TEXT, "added"));
}

/* Long titles and texts wrap, never overlap; a generated pair of 60 cards
 * with every kind of change. */
static void
test_layout_stress (void)
{
  g_autoptr(TpJourney) a = tp_test_generate_journey (6, 60, 7);
  g_autoptr(TpJourney) b = tp_journey_snapshot (a);
  GListModel *cards = tp_journey_get_touchpoints (b);
  GListModel *notes = tp_journey_get_employee_notes (b);
  g_autoptr(TpComparePage) page = NULL;
  g_autoptr(GArray) items = NULL;
  g_autofree char *long_title = g_strnfill (300, 'W');

  g_object_set (a, "title", "An as-is with a title long enough to need more than one line in the legend of the "
                "chart, and then some more words to be sure of it", NULL);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TpTouchpoint) card = g_list_model_get_item (cards, i);

      g_object_set (card, "score", 1 + (i * 7) % 10, NULL);
      if (i % 9 == 0)
        g_object_set (card, "title", long_title, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);

      g_object_set (note, "text", "A blocker reworded at length: the planning system, the rosters and the "
                    "rules of three departments stand in the way of a longer first consult.", NULL);
    }
  page = tp_compare_page_new (a, b);
  items = draw_items (page);
  assert_layout_sound (page, items);
}

static void
test_empty (void)
{
  g_autoptr(TpJourney) a = tp_journey_new ();
  g_autoptr(TpJourney) b = tp_journey_new ();
  g_autoptr(TpComparePage) page = tp_compare_page_new (a, b);
  g_autoptr(GArray) items = draw_items (page);

  assert_layout_sound (page, items);
  g_assert_true (has_item (items, TP_COMPARE_ITEM_TEXT, "Neither journey has scores yet."));
}

static void
assert_pdf (const char *path)
{
  g_autofree char *info = tp_test_run_tool ("PDFINFO", path, NULL);
  g_autofree char *text = tp_test_run_tool ("PDFTOTEXT", "-layout", path, "-", NULL);

  g_assert_nonnull (strstr (info, "Pages:           1"));
  g_assert_nonnull (strstr (text, "As-is against to-be"));
  g_assert_nonnull (strstr (text, "+5"));
  g_assert_nonnull (strstr (text, "+3"));
  g_assert_nonnull (strstr (text, "removed"));
  g_assert_nonnull (strstr (text, "added"));
  g_assert_nonnull (strstr (text, "Blockers removed"));
  g_assert_nonnull (strstr (text, "three-minute slots"));
  g_assert_nonnull (strstr (text, "Findings that disappear"));
}

static void
assert_png (const char *path,
            int         width)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, width);
  cairo_surface_destroy (image);
}

static void
test_files (void)
{
  g_autoptr(TpJourney) a = load_as_is ();
  g_autoptr(TpJourney) b = load_to_be ();
  g_autoptr(TpComparePage) page = tp_compare_page_new (a, b);
  g_autofree char *dir = tp_test_make_dir ("tp-compare-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *cairo_pdf = g_build_filename (dir, "cairo.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GFile) cairo_file = g_file_new_for_path (cairo_pdf);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_compare_page_export_to_file (page, pdf_file, TP_COMPARE_FORMAT_PDF, 1, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (pdf);
  g_assert_true (tp_compare_page_export_to_file (page, cairo_file, TP_COMPARE_FORMAT_PDF, 1, NULL, TRUE, NULL, &error));
  assert_pdf (cairo_pdf);
  g_assert_true (tp_compare_page_export_to_file (page, png_file, TP_COMPARE_FORMAT_PNG, 2, NULL, FALSE, NULL, &error));
  assert_png (png, 2 * TP_COMPARE_PAGE_WIDTH);
  tp_test_remove_tree (dir);
}

/* The report's section, through the HTML writer (the PDF writer lays out
 * the same blocks). */
static void
test_report_section (void)
{
  g_autoptr(TpJourney) a = load_as_is ();
  g_autoptr(TpJourney) b = load_to_be ();
  TpReportOptions options;
  g_autoptr(TpReport) report = NULL;
  g_autoptr(TpReport) plain = NULL;
  g_autoptr(GBytes) html = NULL;
  const char *text;

  tp_report_options_init (&options);
  options.sections = TP_REPORT_SECTION_SUMMARY;
  plain = tp_report_build (b, &options);
  options.compare_with = a;
  report = tp_report_build (b, &options);
  /* Only the section is added; the report keeps no pointer to the other. */
  g_assert_cmpuint (report->blocks->len, >, plain->blocks->len);
  g_assert_null (report->options.compare_with);

  html = tp_report_html_write (report);
  text = g_bytes_get_data (html, NULL);
  g_assert_nonnull (strstr (text, "id=\"compare\""));
  g_assert_nonnull (strstr (text, "As-is against to-be"));
  /* The report's journey is the to-be: the other is the as-is. */
  g_assert_nonnull (strstr (text, "“Hospital outpatient visit” (as-is) against “Hospital outpatient visit (to-be)”"));
  g_assert_nonnull (strstr (text, "+5"));
  g_assert_nonnull (strstr (text, "Blockers removed"));
  g_assert_nonnull (strstr (text, "Findings that disappear"));
}

/* ---------------------------------------------------------------- CLI */

static void
run_touchpoint (TpTestRun  *run,
                const char *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = tp_test_headless_environ ();
  const char *binary = g_getenv ("TOUCHPOINT_BIN");
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  tp_test_run_sync (run, (const char * const *) argv->pdata, envp);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->exit_code, run->out, run->err);
}

static void
test_cli (void)
{
  g_autofree char *dir = tp_test_make_dir ("tp-compare-XXXXXX");
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *to_be = g_test_build_filename (G_TEST_DIST, "data", "hospital-to-be.journey", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *swapped = g_build_filename (dir, "swapped.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "r.html", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.journey", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *contents = NULL;

  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", pdf, "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    g_assert_nonnull (strstr (run.out, "comparison"));
    assert_pdf (pdf);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", png, "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    assert_png (png, 2 * TP_COMPARE_PAGE_WIDTH);
  }
  /* From the to-be's side: the other file is the as-is, the page the same. */
  {
    g_auto(TpTestRun) run = { 0 };
    g_autofree char *text = NULL;

    run_touchpoint (&run, "--export", swapped, "--compare", sample, to_be, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    text = tp_test_run_tool ("PDFTOTEXT", swapped, "-", NULL);
    g_assert_nonnull (strstr (text, "+5"));
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", html, "--report", "--sections", "summary", "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    g_assert_true (g_file_get_contents (html, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Findings that disappear"));
  }

  /* Usage errors exit with 2, failures with 1. */
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", svg, "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
    g_assert_nonnull (strstr (run.err, "--compare needs --export"));
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", pdf, "--paper", "a4", "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };
    g_autofree char *csv = g_build_filename (dir, "c.csv", NULL);

    run_touchpoint (&run, "--export", csv, "--compare", to_be, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", pdf, "--compare", missing, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 1);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, "--export", html, "--report", "--compare", missing, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 1);
  }
  tp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare-export/layout/hospital", test_layout_hospital);
  g_test_add_func ("/compare-export/layout/stress", test_layout_stress);
  g_test_add_func ("/compare-export/layout/empty", test_empty);
  g_test_add_func ("/compare-export/files", test_files);
  g_test_add_func ("/compare-export/report", test_report_section);
  g_test_add_func ("/compare-export/cli", test_cli);
  return g_test_run ();
}
