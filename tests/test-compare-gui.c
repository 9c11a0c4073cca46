/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tp-application.h"
#include "tp-compare-window.h"
#include "tp-gui-test-util.h"
#include "tp-journey-format.h"
#include "tp-resources.h"
#include "tp-test-util.h"
#include "tp-window.h"

/* As-is against to-be in the real application (under xvfb-run): Save as
 * To-Be writes a to-be copy of the sample and opens it in a second window,
 * leaving the sample's window as it was; Compare With… compares the sample
 * with tests/data/hospital-to-be.journey (the consult improved from 3 to
 * 8, blocker e1 removed) and the view draws the deltas; the view exports
 * a PNG. */

#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 200

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication   *app;
  TpWindow        *window;    /* weak: the sample, as-is */
  TpWindow        *to_be;     /* weak: opened by Save as To-Be */
  TpCompareWindow *compare;   /* weak */
  char            *dir;
  char            *to_be_path;
  TpGuiDriver      driver;
};

static TpWindow *
find_window_with_state (Fixture        *f,
                        TpJourneyState  state)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (TP_IS_WINDOW (l->data) && gtk_widget_get_mapped (l->data)
        && tp_journey_get_state (tp_document_get_journey (tp_window_get_document (l->data))) == state)
      return l->data;
  return NULL;
}

static gboolean
step_window_shown (Fixture *f)
{
  f->window = find_window_with_state (f, TP_JOURNEY_STATE_AS_IS);
  if (f->window == NULL)
    return FALSE;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  return TRUE;
}

static gboolean
step_save_as_to_be (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->to_be_path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-as-to-be-file", "s", uri));
  /* Written at once: a to-be of the sample, under a title of its own. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TpJourney) written = tp_journey_format_load_file (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (tp_journey_get_state (written), ==, TP_JOURNEY_STATE_TO_BE);
    g_assert_cmpstr (tp_journey_get_title (written), ==, "Hospital outpatient visit (to-be)");
    g_assert_nonnull (tp_journey_lookup_touchpoint (written, "t19"));
  }
  return TRUE;
}

/* Opened in a second window; the as-is's stays as it was. */
static gboolean
step_to_be_opened (Fixture *f)
{
  TpJourney *as_is;

  f->to_be = find_window_with_state (f, TP_JOURNEY_STATE_TO_BE);
  if (f->to_be == NULL)
    return FALSE;
  g_object_add_weak_pointer (G_OBJECT (f->to_be), (gpointer *) &f->to_be);
  g_assert_true (f->to_be != f->window);
  g_assert_nonnull (tp_document_get_file (tp_window_get_document (f->to_be)));
  g_assert_false (tp_document_get_modified (tp_window_get_document (f->to_be)));

  as_is = tp_document_get_journey (tp_window_get_document (f->window));
  g_assert_cmpint (tp_journey_get_state (as_is), ==, TP_JOURNEY_STATE_AS_IS);
  g_assert_cmpstr (tp_journey_get_title (as_is), ==, "Hospital outpatient visit");
  g_assert_false (tp_document_get_modified (tp_window_get_document (f->window)));
  return TRUE;
}

static gboolean
step_compare (Fixture *f)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hospital-to-be.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_assert_null (tp_gui_find_toplevel (TP_TYPE_COMPARE_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.compare-file", "s", uri));
  return TRUE;
}

static gboolean
has_text (GArray            *items,
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

/* The view draws the page: the deltas on the curve and in the table. */
static gboolean
step_deltas_shown (Fixture *f)
{
  GtkWindow *window = tp_gui_find_mapped_toplevel (TP_TYPE_COMPARE_WINDOW);
  const TpComparison *cmp;
  GArray *items;

  if (window == NULL)
    return FALSE;
  if (f->compare == NULL)
    {
      f->compare = TP_COMPARE_WINDOW (window);
      g_object_add_weak_pointer (G_OBJECT (f->compare), (gpointer *) &f->compare);
    }
  items = tp_compare_window_get_drawn_items (f->compare);
  if (items->len == 0)
    return FALSE;

  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window));
  cmp = tp_compare_page_get_comparison (tp_compare_window_get_page (f->compare));
  /* The sample is the as-is, the file the to-be. */
  g_assert_cmpstr (cmp->title_before, ==, "Hospital outpatient visit");
  g_assert_cmpstr (cmp->title_after, ==, "Hospital outpatient visit (to-be)");

  /* The consult 3 → 8, the phone call 6 → 9, telling family 4 → 8. */
  g_assert_true (has_text (items, TP_COMPARE_ITEM_DELTA, "+5"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_DELTA, "+3"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_DELTA, "+4"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "+5"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "Ten-minute consult with the cardiologist (moment of truth)"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "added"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "removed"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "Blockers removed"));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT,
                           "The schedule is overbooked with three-minute slots; there is no room for questions "
                           "or explanation."));
  g_assert_true (has_text (items, TP_COMPARE_ITEM_TEXT, "Phone call with the test results"));

  if (g_getenv ("TP_SCREENSHOT_DIR") != NULL)
    tp_gui_save_screenshot (GTK_WIDGET (window), "compare");
  return TRUE;
}

static gboolean
step_export (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "comparison.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tp_compare_window_export_to_file (f->compare, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpint (memcmp (contents, "\x89PNG\r\n\x1a\n", 8), ==, 0);

  /* Escape closes the view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->compare), "window.close", NULL));
  return TRUE;
}

/* From the to-be's window the file it compares with is the as-is. */
static gboolean
step_compare_from_to_be (Fixture *f)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  if (f->compare != NULL)
    return FALSE;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->to_be), "win.compare-file", "s", uri));
  return TRUE;
}

static gboolean
step_swapped (Fixture *f)
{
  GtkWindow *window = tp_gui_find_mapped_toplevel (TP_TYPE_COMPARE_WINDOW);
  const TpComparison *cmp;

  if (window == NULL)
    return FALSE;
  cmp = tp_compare_page_get_comparison (tp_compare_window_get_page (TP_COMPARE_WINDOW (window)));
  g_assert_cmpstr (cmp->title_before, ==, "Hospital outpatient visit");
  g_assert_cmpstr (cmp->title_after, ==, "Hospital outpatient visit (to-be)");
  /* A copy: nothing changed yet. */
  g_assert_cmpuint (cmp->findings_gone->len + cmp->findings_new->len, ==, 0);
  gtk_window_destroy (window);
  return TRUE;
}

static gboolean
step_close (Fixture *f)
{
  /* Both unmodified: closing asks nothing. */
  gtk_window_destroy (GTK_WINDOW (f->to_be));
  gtk_window_destroy (GTK_WINDOW (f->window));
  return TRUE;
}

static void
test_compare (void)
{
  const StepFunc steps[] = { step_window_shown, step_save_as_to_be, step_to_be_opened, step_compare,
                             step_deltas_shown, step_export, step_compare_from_to_be, step_swapped,
                             step_close };
  Fixture f;
  char *argv[] = { (char *) "test-compare-gui", NULL };

  if (!tp_gui_test_check_display ())
    return;

  memset (&f, 0, sizeof f);
  f.dir = g_dir_make_tmp ("touchpoint-compare-XXXXXX", NULL);
  g_assert_nonnull (f.dir);
  f.to_be_path = g_build_filename (f.dir, "Hospital (to-be).journey", NULL);
  f.app = tp_application_new ();
  f.driver.fixture = &f;
  f.driver.steps = (const TpGuiStepFunc *) steps;
  f.driver.n_steps = G_N_ELEMENTS (steps);
  f.driver.interval_ms = STEP_TIMEOUT_MS;
  f.driver.max_tries = MAX_TRIES;

  tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv);

  g_assert_finalize_object (f.app);
  g_assert_null (f.window);
  g_assert_null (f.to_be);
  g_assert_null (f.compare);
  {
    g_autofree char *png = g_build_filename (f.dir, "comparison.png", NULL);
    g_autofree char *backup = g_strconcat (f.to_be_path, "~", NULL);

    g_unlink (png);
    g_unlink (backup);
    g_unlink (f.to_be_path);
    g_rmdir (f.dir);
  }
  g_free (f.to_be_path);
  g_free (f.dir);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/compare/gui", test_compare);
  return g_test_run ();
}
