/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tp-application.h"
#include "tp-gui-test-util.h"
#include "tp-journey-format.h"
#include "tp-outline-view.h"
#include "tp-resources.h"
#include "tp-preferences-window.h"
#include "tp-template-gallery.h"
#include "tp-test-util.h"
#include "tp-window.h"

/* These tests run the real application in-process (it needs a display:
 * run under xvfb-run). Each one starts a fresh TpApplication, drives it
 * from main-loop callbacks in small steps, and checks what it shows by
 * walking the widget tree. */

#define SAMPLE_TITLE "Hospital outpatient visit"
#define CONSULT_TITLE "Three-minute consult with the cardiologist"
#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 200

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication *app;
  TpWindow *window;          /* weak */
  GPtrArray *steps;
  TpGuiDriver driver;
  char *tmpdir;
  GFile *saved_file;
};

/* ---------------------------------------------------------------- helpers */

static gboolean
is_button_for_action (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static GPtrArray *
list_tp_windows (Fixture *f)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (TP_IS_WINDOW (l->data))
      g_ptr_array_add (windows, l->data);
  return windows;
}

/* The visible message dialogs among all toplevels. */
static GPtrArray *
list_message_dialogs (void)
{
  GPtrArray *dialogs = g_ptr_array_new ();
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window))
        g_ptr_array_add (dialogs, window);
    }
  return dialogs;
}

/* The score badge in the outline row of the touchpoint titled @title, or
 * NULL while that row is not on screen: the outline is a list view that
 * only has widgets for the rows it shows, so this first scrolls to it. */
static const char *
get_badge_text (TpWindow   *window,
                const char *title)
{
  GtkWidget *outline = GTK_WIDGET (tp_window_get_outline (window));
  GListModel *touchpoints = tp_journey_get_touchpoints (tp_document_get_journey (tp_window_get_document (window)));
  const char *id = NULL;
  guint position;
  GtkWidget *row;
  GtkWidget *title_label;
  GtkWidget *badge;

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints) && id == NULL; i++)
    {
      g_autoptr(TpTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      if (g_strcmp0 (tp_touchpoint_get_title (touchpoint), title) == 0)
        id = tp_element_get_id (TP_ELEMENT (touchpoint));
    }
  g_assert_nonnull (id);
  position = tp_gui_outline_find_touchpoint (outline, id);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);

  row = tp_gui_outline_get_row (outline, position);
  if (row == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (tp_gui_outline_get_list (outline)),
                                  "list.scroll-to-item", "u", position);
      return NULL;
    }

  title_label = tp_gui_find_one (row, tp_gui_is_label_with_text, title);
  g_assert_true (gtk_widget_is_visible (title_label));
  badge = tp_gui_find_one (row, tp_gui_has_css_class, "score-badge");
  return gtk_label_get_text (GTK_LABEL (badge));
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Clicks a dialog's response button, as a user would: the dialog emits
 * "response" and closes. (It holds a button row for each layout; only the
 * one in use is mapped.) */
static void
click_response (AdwMessageDialog *dialog,
                const char       *label)
{
  g_autoptr(GPtrArray) buttons = tp_gui_find_all (GTK_WIDGET (dialog), is_button_with_label, label);
  GtkWidget *button = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
      {
        g_assert_null (button);
        button = g_ptr_array_index (buttons, i);
      }

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
action_button_enabled (TpWindow   *window,
                       const char *action)
{
  GtkWidget *button = tp_gui_find_one (GTK_WIDGET (window), is_button_for_action, action);

  return gtk_widget_get_sensitive (button);
}

static TpTouchpoint *
get_consult (TpWindow *window)
{
  TpJourney *journey = tp_document_get_journey (tp_window_get_document (window));
  TpTouchpoint *touchpoint = tp_journey_lookup_touchpoint (journey, "t19");

  g_assert_nonnull (touchpoint);
  g_assert_cmpstr (tp_touchpoint_get_title (touchpoint), ==, CONSULT_TITLE);
  return touchpoint;
}

/* ---------------------------------------------------------------- driver */

static gboolean
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  if (!tp_gui_test_check_display ())
    return FALSE;

  memset (f, 0, sizeof *f);
  f->app = tp_application_new ();
  f->steps = g_ptr_array_new ();
  f->tmpdir = g_dir_make_tmp ("touchpoint-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f->driver.fixture = f;
  f->driver.interval_ms = STEP_TIMEOUT_MS;
  f->driver.max_tries = MAX_TRIES;
  return TRUE;
}

static void
fixture_add_step (Fixture  *f,
                  StepFunc  step)
{
  g_ptr_array_add (f->steps, (gpointer) step);
}

static int
fixture_run (Fixture *f,
             int      argc,
             char   **argv)
{
  f->driver.steps = (const TpGuiStepFunc *) f->steps->pdata;
  f->driver.n_steps = f->steps->len;
  return tp_gui_test_run (&f->driver, G_APPLICATION (f->app), argc, argv);
}

static void
fixture_clear (Fixture *f)
{
  if (f->saved_file != NULL)
    {
      g_autofree char *path = g_file_get_path (f->saved_file);
      g_autofree char *backup = g_strconcat (path, "~", NULL);

      g_unlink (path);
      g_unlink (backup);
    }
  g_clear_object (&f->saved_file);
  g_assert_finalize_object (f->app);
  g_assert_null (f->window);
  g_rmdir (f->tmpdir);
  g_free (f->tmpdir);
  g_ptr_array_unref (f->steps);
}

/* ---------------------------------------------------------------- steps */

/* The application started with no files shows the sample, untitled. */
static gboolean
step_sample_window_shown (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  TpDocument *document;
  TpJourney *journey;

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;

  g_assert_cmpuint (windows->len, ==, 1);
  f->window = g_ptr_array_index (windows, 0);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);

  document = tp_window_get_document (f->window);
  journey = tp_document_get_journey (document);
  g_assert_cmpstr (tp_journey_get_title (journey), ==, SAMPLE_TITLE);
  g_assert_null (tp_document_get_file (document));
  g_assert_false (tp_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, SAMPLE_TITLE " — Touchpoint");

  /* A fresh document has nothing to undo. */
  g_assert_false (action_button_enabled (f->window, "win.undo"));
  g_assert_false (action_button_enabled (f->window, "win.redo"));
  return TRUE;
}

static gboolean
is_shown_touchpoint_row (GtkWidget     *widget,
                         gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "touchpoint-row") && gtk_widget_get_visible (widget)
         && g_object_get_data (G_OBJECT (widget), "tp-outline-touchpoint-id") != NULL;
}

/* The outline's model has one row per touchpoint, each once, and the
 * outline shows a real title and score. */
static gboolean
step_outline_rows (Fixture *f)
{
  TpJourney *journey = tp_document_get_journey (tp_window_get_document (f->window));
  GtkWidget *outline = GTK_WIDGET (tp_window_get_outline (f->window));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tp_gui_outline_get_list (outline)));
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) rows = NULL;
  const char *badge;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(TpTouchpoint) touchpoint = NULL;

      g_object_get (item, "touchpoint", &touchpoint, NULL);
      if (touchpoint != NULL)
        g_assert_true (g_hash_table_add (seen, touchpoint));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_list_model_get_n_items (touchpoints));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 25);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      g_assert_true (g_hash_table_contains (seen, touchpoint));
    }

  /* Rows exist for what is on screen, all of them touchpoints. */
  rows = tp_gui_find_all (GTK_WIDGET (f->window), is_shown_touchpoint_row, NULL);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_cmpuint (rows->len, <=, 25);

  badge = get_badge_text (f->window, CONSULT_TITLE);
  if (badge == NULL)
    return FALSE;
  g_assert_cmpstr (badge, ==, "3");
  return TRUE;
}

/* An edit through the document marks the window and enables Undo. */
static gboolean
step_edit (Fixture *f)
{
  TpDocument *document = tp_window_get_document (f->window);
  g_autoptr(GError) error = NULL;
  GtkWidget *undo_button;

  g_assert_true (tp_document_set_int (document, get_consult (f->window), "score", 5, &error));
  g_assert_no_error (error);

  g_assert_true (tp_document_get_modified (document));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "• " SAMPLE_TITLE " — Touchpoint");
  g_assert_true (action_button_enabled (f->window, "win.undo"));
  g_assert_false (action_button_enabled (f->window, "win.redo"));
  undo_button = tp_gui_find_one (GTK_WIDGET (f->window), is_button_for_action, "win.undo");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo_button), ==, "Undo Change Score");
  return TRUE;
}

/* The outline follows the model (it rebuilds from an idle). */
static gboolean
step_outline_shows_edit (Fixture *f)
{
  if (g_strcmp0 (get_badge_text (f->window, CONSULT_TITLE), "5") != 0)
    return FALSE;

  /* Undo and redo through the window's actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpint (tp_touchpoint_get_score (get_consult (f->window)), ==, 3);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, SAMPLE_TITLE " — Touchpoint");
  g_assert_false (action_button_enabled (f->window, "win.undo"));
  g_assert_true (action_button_enabled (f->window, "win.redo"));
  return TRUE;
}

static gboolean
step_outline_shows_undo (Fixture *f)
{
  if (g_strcmp0 (get_badge_text (f->window, CONSULT_TITLE), "3") != 0)
    return FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpint (tp_touchpoint_get_score (get_consult (f->window)), ==, 5);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (f->window)), "• "));
  return TRUE;
}

/* Saving clears the marker, and the file holds exactly the journey. */
static gboolean
step_save (Fixture *f)
{
  TpDocument *document = tp_window_get_document (f->window);
  TpJourney *journey = tp_document_get_journey (document);
  g_autofree char *path = g_build_filename (f->tmpdir, "outpatient.journey", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) loaded = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;

  if (g_strcmp0 (get_badge_text (f->window, CONSULT_TITLE), "5") != 0)
    return FALSE;

  f->saved_file = g_file_new_for_path (path);
  g_assert_true (tp_window_save_to_file (f->window, f->saved_file, &error));
  g_assert_no_error (error);

  g_assert_false (tp_document_get_modified (document));
  g_assert_true (g_file_equal (tp_document_get_file (document), f->saved_file));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "outpatient.journey — Touchpoint");
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (f->window)), "•"));
  /* Saving is not an edit: Undo still undoes the score change. */
  g_assert_true (action_button_enabled (f->window, "win.undo"));

  loaded = tp_journey_format_load_file (f->saved_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  expected = tp_journey_format_write (journey);
  actual = tp_journey_format_write (loaded);
  g_assert_true (g_bytes_equal (expected, actual));
  g_assert_cmpint (tp_touchpoint_get_score (tp_journey_lookup_touchpoint (loaded, "t19")), ==, 5);
  return TRUE;
}

static gboolean
step_quit (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static void
test_sample_edit_save_quit (void)
{
  Fixture f;
  char *argv[] = { (char *) "test-gui", NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_sample_window_shown);
  fixture_add_step (&f, step_outline_rows);
  fixture_add_step (&f, step_edit);
  fixture_add_step (&f, step_outline_shows_edit);
  fixture_add_step (&f, step_outline_shows_undo);
  fixture_add_step (&f, step_save);
  fixture_add_step (&f, step_quit);

  g_assert_cmpint (fixture_run (&f, 1, argv), ==, 0);
  fixture_clear (&f);
}

/* ---- opening a bad file while the sample is open ---- */

static gboolean
step_open_bad_file (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GPtrArray) dialogs = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "score-11.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  f->window = g_ptr_array_index (windows, 0);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);

  dialogs = list_message_dialogs ();
  g_assert_cmpuint (dialogs->len, ==, 0);

  g_application_open (G_APPLICATION (f->app), &file, 1, "");
  return TRUE;
}

static gboolean
step_error_dialog_shown (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();
  AdwMessageDialog *dialog;
  const char *body;

  if (dialogs->len == 0)
    return FALSE;

  /* No new window; the open one is untouched. */
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_true (g_ptr_array_index (windows, 0) == f->window);
  g_assert_false (tp_document_get_modified (tp_window_get_document (f->window)));
  g_assert_cmpstr (tp_journey_get_title (tp_document_get_journey (tp_window_get_document (f->window))),
                   ==, SAMPLE_TITLE);

  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "score-11.journey"));
  body = adw_message_dialog_get_body (dialog);
  /* "NAME:LINE:COLUMN: message" */
  g_assert_true (g_regex_match_simple ("^score-11\\.journey:[0-9]+:[0-9]+: .+", body, 0, 0));

  click_response (dialog, "_Close");
  return TRUE;
}

static gboolean
step_error_dialog_gone (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();

  if (dialogs->len != 0)
    return FALSE;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static void
test_open_bad_file (void)
{
  Fixture f;
  char *argv[] = { (char *) "test-gui", NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_open_bad_file);
  fixture_add_step (&f, step_error_dialog_shown);
  fixture_add_step (&f, step_error_dialog_gone);

  g_assert_cmpint (fixture_run (&f, 1, argv), ==, 0);
  fixture_clear (&f);
}

/* ---- a bad file on the command line: a dialog, no window ---- */

static gboolean
step_only_error_dialog (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();
  AdwMessageDialog *dialog;

  if (dialogs->len == 0)
    return FALSE;

  g_assert_cmpuint (windows->len, ==, 0);
  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_true (g_regex_match_simple ("^score-11\\.journey:[0-9]+:[0-9]+: .+",
                                       adw_message_dialog_get_body (dialog), 0, 0));

  /* Dismissing the only dialog ends the application. */
  click_response (dialog, "_Close");
  return TRUE;
}

static void
test_open_bad_file_alone (void)
{
  Fixture f;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "score-11.journey", NULL);
  char *argv[] = { (char *) "test-gui", path, NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_only_error_dialog);

  g_assert_cmpint (fixture_run (&f, 2, argv), ==, 0);
  fixture_clear (&f);
}

/* ---- closing with unsaved changes asks first ---- */

static gboolean
step_edit_then_close (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  TpDocument *document;

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  f->window = g_ptr_array_index (windows, 0);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);

  document = tp_window_get_document (f->window);
  g_assert_true (tp_document_set_string (document, tp_document_get_journey (document),
                                         "title", "Renamed visit", NULL));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->window)), ==, "• Renamed visit — Touchpoint");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.close", NULL));
  return TRUE;
}

static AdwMessageDialog *
get_close_dialog (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();
  AdwMessageDialog *dialog;

  if (dialogs->len == 0)
    return NULL;

  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save changes to “Renamed visit”?");
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  return dialog;
}

static gboolean
step_cancel_close (Fixture *f)
{
  AdwMessageDialog *dialog = get_close_dialog (f);

  if (dialog == NULL)
    return FALSE;

  click_response (dialog, "_Cancel");
  return TRUE;
}

static gboolean
step_window_stays (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();

  if (dialogs->len != 0)
    return FALSE;

  g_assert_nonnull (f->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_true (tp_document_get_modified (tp_window_get_document (f->window)));

  /* Quitting asks again: this time, discard. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static gboolean
step_discard (Fixture *f)
{
  AdwMessageDialog *dialog = get_close_dialog (f);

  if (dialog == NULL)
    return FALSE;

  g_assert_nonnull (f->window);
  click_response (dialog, "_Discard");
  return TRUE;
}

static void
test_close_unsaved (void)
{
  Fixture f;
  char *argv[] = { (char *) "test-gui", NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_edit_then_close);
  fixture_add_step (&f, step_cancel_close);
  fixture_add_step (&f, step_window_stays);
  fixture_add_step (&f, step_discard);

  g_assert_cmpint (fixture_run (&f, 1, argv), ==, 0);
  fixture_clear (&f);
}

/* ---- saving over a file another program changed asks first ---- */

static gboolean
step_save_edit_and_change_on_disk (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autofree char *path = g_build_filename (f->tmpdir, "shared.journey", NULL);
  g_autoptr(GError) error = NULL;
  TpDocument *document;

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  f->window = g_ptr_array_index (windows, 0);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  document = tp_window_get_document (f->window);

  f->saved_file = g_file_new_for_path (path);
  g_assert_true (tp_window_save_to_file (f->window, f->saved_file, &error));
  g_assert_no_error (error);

  g_assert_true (tp_document_set_int (document, get_consult (f->window), "score", 6, NULL));

  /* Someone else writes the file (a later modification time and another
   * size give it another etag). */
  g_usleep (20 * 1000);
  g_assert_true (g_file_set_contents (path, "edited elsewhere\n", -1, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  return TRUE;
}

static gboolean
step_overwrite (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;

  if (dialogs->len == 0)
    return FALSE;

  g_assert_cmpuint (dialogs->len, ==, 1);
  dialog = g_ptr_array_index (dialogs, 0);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The file was changed by another program");

  /* Nothing was written yet. */
  g_assert_true (tp_document_get_modified (tp_window_get_document (f->window)));
  g_assert_true (g_file_load_contents (f->saved_file, NULL, &contents, NULL, NULL, NULL));
  g_assert_cmpstr (contents, ==, "edited elsewhere\n");

  click_response (dialog, "_Overwrite");
  return TRUE;
}

static gboolean
step_overwritten (Fixture *f)
{
  g_autoptr(GPtrArray) dialogs = list_message_dialogs ();
  TpDocument *document = tp_window_get_document (f->window);
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) actual = NULL;

  if (dialogs->len != 0)
    return FALSE;

  g_assert_false (tp_document_get_modified (document));
  expected = tp_journey_format_write (tp_document_get_journey (document));
  actual = g_file_load_bytes (f->saved_file, NULL, NULL, NULL);
  g_assert_nonnull (actual);
  g_assert_true (g_bytes_equal (expected, actual));

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static void
test_save_changed_on_disk (void)
{
  Fixture f;
  char *argv[] = { (char *) "test-gui", NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_save_edit_and_change_on_disk);
  fixture_add_step (&f, step_overwrite);
  fixture_add_step (&f, step_overwritten);

  g_assert_cmpint (fixture_run (&f, 1, argv), ==, 0);
  fixture_clear (&f);
}

static const char *user_dirs[] = {
  "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
};

/* ---- thresholds for new journeys come from Preferences ---- */

static gboolean
step_window_shown (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;

  g_settings_set_int (settings, "good-enough-threshold", 8);
  g_settings_set_int (settings, "moment-target-threshold", 10);
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  return TRUE;
}

static TpPreferencesWindow *
find_preferences_window (void)
{
  GtkWindow *window = tp_gui_find_mapped_toplevel (TP_TYPE_PREFERENCES_WINDOW);

  return window != NULL ? TP_PREFERENCES_WINDOW (window) : NULL;
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static gboolean
step_preferences_edit (Fixture *f)
{
  TpPreferencesWindow *preferences = find_preferences_window ();
  g_autoptr(GPtrArray) spins = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkSpinButton *good_enough;

  if (preferences == NULL)
    return FALSE;

  /* The spin buttons show the settings, and editing one changes the setting. */
  spins = tp_gui_find_all (GTK_WIDGET (preferences), is_spin_button, NULL);
  g_assert_cmpuint (spins->len, ==, 2);
  good_enough = g_ptr_array_index (spins, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (good_enough), ==, 8);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (g_ptr_array_index (spins, 1)), ==, 10);

  gtk_spin_button_set_value (good_enough, 6);
  g_assert_cmpint (g_settings_get_int (settings, "good-enough-threshold"), ==, 6);

  gtk_window_close (GTK_WINDOW (preferences));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "new", NULL);
  return TRUE;
}

/* New shows the template gallery; Enter opens the blank journey it
 * starts on. */
static gboolean
step_choose_blank_template (Fixture *f)
{
  GtkWindow *gallery = tp_gui_find_mapped_toplevel (TP_TYPE_TEMPLATE_GALLERY);

  if (gallery == NULL)
    return FALSE;
  g_signal_emit_by_name (tp_template_gallery_get_flow_box (TP_TEMPLATE_GALLERY (gallery), TRUE),
                         "activate-cursor-child");
  return TRUE;
}

static gboolean
step_new_journey_uses_thresholds (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  TpJourney *journey = NULL;

  for (guint i = 0; i < windows->len; i++)
    {
      TpJourney *candidate = tp_document_get_journey (tp_window_get_document (g_ptr_array_index (windows, i)));

      if (g_strcmp0 (tp_journey_get_title (candidate), SAMPLE_TITLE) != 0)
        journey = candidate;
    }
  if (journey == NULL)
    return FALSE;

  g_assert_cmpint (tp_journey_get_good_enough (journey), ==, 6);
  g_assert_cmpint (tp_journey_get_moment_target (journey), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_stages (journey)), ==, 5);

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static void
test_preferences_thresholds (void)
{
  Fixture f;
  char *argv[] = { (char *) "test-gui", NULL };

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_window_shown);
  fixture_add_step (&f, step_preferences_edit);
  fixture_add_step (&f, step_choose_blank_template);
  fixture_add_step (&f, step_new_journey_uses_thresholds);

  g_assert_cmpint (fixture_run (&f, 1, argv), ==, 0);
  fixture_clear (&f);
}

/* Every icon the app ships loads as an image: a missing SVG loader
 * (librsvg2-common) would otherwise show broken-image placeholders. */
static void
test_bundled_icons_load (void)
{
  const char *folder = "/io/github/touchpoint/Touchpoint/icons/scalable/actions";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resources_enumerate_children (folder, 0, &error);
  guint loaded = 0;

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", folder, names[i], NULL);
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_resource_at_scale (path, 32, 32, TRUE, &error);

      g_assert_no_error (error);
      g_assert_nonnull (pixbuf);
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 32);
      loaded++;
    }
  g_assert_cmpuint (loaded, >=, TP_N_CHANNELS + 4);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs the main loop until @done holds, for at most five seconds. */
static gboolean
iterate_until (gboolean (*done) (GtkWidget *widget),
               GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  return done (widget);
}

static gboolean
has_outline_rows (GtkWidget *outline)
{
  g_autoptr(GPtrArray) rows = tp_gui_find_all (outline, is_shown_touchpoint_row, NULL);

  return rows->len > 0;
}

/* A big journey: every touchpoint is in the outline's model, but only the
 * rows on screen are widgets. */
static void
test_outline_large (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 2000, 1);
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);
  GListModel *stages = tp_journey_get_stages (journey);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) used_stages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(TpTouchpoint) last = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *outline = tp_outline_view_new ();
  GtkSelectionModel *model;
  guint n_items;
  guint position;

  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 2000);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 12);

  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_set_child (GTK_WINDOW (window), outline);
  tp_outline_view_set_journey (TP_OUTLINE_VIEW (outline), journey);
  gtk_window_present (GTK_WINDOW (window));

  model = gtk_list_view_get_model (tp_gui_outline_get_list (outline));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(TpTouchpoint) touchpoint = NULL;

      g_object_get (item, "touchpoint", &touchpoint, NULL);
      if (touchpoint != NULL)
        g_assert_true (g_hash_table_add (seen, touchpoint));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2000);
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(TpTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);

      g_assert_true (g_hash_table_contains (seen, touchpoint));
      g_hash_table_add (used_stages, (gpointer) tp_touchpoint_get_stage_id (touchpoint));
    }
  /* Besides: the header, a heading per stage, a placeholder per empty one. */
  g_assert_cmpuint (n_items, ==, 2000 + 1 + 12 + (12 - g_hash_table_size (used_stages)));

  g_assert_true (iterate_until (has_outline_rows, outline));
  rows = tp_gui_find_all (outline, is_shown_touchpoint_row, NULL);
  /* GTK 4.8's list view keeps about 200 rows around the visible ones. */
  g_assert_cmpuint (rows->len, <=, 300);

  /* An edit rebuilds the outline from an idle: the row shows the new score
   * and keeps the keyboard focus. */
  {
    g_autoptr(TpTouchpoint) first = g_list_model_get_item (touchpoints, 0);
    guint first_position = tp_gui_outline_find_touchpoint (outline, tp_element_get_id (TP_ELEMENT (first)));
    int score = tp_touchpoint_get_score (first) == 9 ? 8 : 9;
    g_autofree char *score_text = g_strdup_printf ("%d", score);
    GtkWidget *row = tp_gui_outline_get_row (outline, first_position);
    GtkWidget *list_row;
    GtkWidget *badge;
    gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

    g_assert_nonnull (row);
    /* The list's own row widget, around the factory's box. */
    list_row = gtk_widget_get_parent (gtk_widget_get_parent (row));
    g_assert_true (gtk_widget_get_parent (list_row) == GTK_WIDGET (tp_gui_outline_get_list (outline)));
    g_assert_true (gtk_widget_grab_focus (list_row));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == list_row);

    g_object_set (first, "score", score, NULL);
    badge = tp_gui_find_one (row, tp_gui_has_css_class, "score-badge");
    while (g_strcmp0 (gtk_label_get_text (GTK_LABEL (badge)), score_text) != 0
           && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, score_text);
    g_assert_true (gtk_widget_has_css_class (badge, score == 9 ? "score-9" : "score-8"));
    g_assert_true (tp_gui_outline_get_row (outline, first_position) == row);
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == list_row);
  }

  /* The canvas's pick selects and shows the very last row. */
  last = g_list_model_get_item (touchpoints, 1999);
  tp_outline_view_select_touchpoint (TP_OUTLINE_VIEW (outline), last);
  g_assert_true (tp_outline_view_get_selected_touchpoint (TP_OUTLINE_VIEW (outline)) == last);
  position = tp_gui_outline_find_touchpoint (outline, tp_element_get_id (TP_ELEMENT (last)));
  g_assert_true (gtk_selection_model_is_selected (model, position));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

  /* Keep recent files, settings and caches out of the user's folders.
   * (G_TEST_OPTION_ISOLATE_DIRS would also hide the system data dirs, and
   * with them the icon theme and the MIME database GTK needs.) */
  home = g_dir_make_tmp ("touchpoint-gui-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_setenv (user_dirs[i], dir, TRUE);
    }

  tp_gui_test_init (&argc, &argv);

  tp_register_resource ();

  g_test_add_func ("/gui/sample-edit-save-quit", test_sample_edit_save_quit);
  g_test_add_func ("/gui/open-bad-file", test_open_bad_file);
  g_test_add_func ("/gui/open-bad-file-alone", test_open_bad_file_alone);
  g_test_add_func ("/gui/close-unsaved", test_close_unsaved);
  g_test_add_func ("/gui/save-changed-on-disk", test_save_changed_on_disk);
  g_test_add_func ("/gui/preferences-thresholds", test_preferences_thresholds);
  g_test_add_func ("/gui/bundled-icons-load", test_bundled_icons_load);
  g_test_add_func ("/gui/outline-large", test_outline_large);

  status = g_test_run ();
  remove_tree (home);
  return status;
}
