/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-application.h"
#include "tp-draft.h"
#include "tp-gui-test-util.h"
#include "tp-journey-format.h"
#include "tp-open-progress.h"
#include "tp-recovery.h"
#include "tp-resources.h"
#include "tp-test-util.h"
#include "tp-window.h"

/* Recovery of drafts at start, drafts on closing without saving, and
 * opening journeys on a worker thread, in the real application run
 * in-process (under xvfb-run). */

#define SAMPLE_TITLE "Hospital outpatient visit"
#define RECOVERED_TITLE "Recovered after a crash"
#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 400

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication *app;
  GPtrArray *steps;
  TpGuiDriver driver;
  char *dir;              /* files of the test */
  char *drafts;           /* the application's drafts folder */
  char *original;         /* a journey file a draft belongs to */
  GBytes *original_bytes;
  char *draft_path;       /* a draft left by a dead process */
  TpWindow *window;       /* weak */
  TpOpenProgress *progress; /* weak */
  char *big;              /* a large journey */
};

/* ---------------------------------------------------------------- helpers */

static char *
dead_owner (void)
{
  int fds[2];
  char buffer[256];
  ssize_t n;
  pid_t pid;
  int status;

  /* A process that really lived: its owner string, then it dies. */
  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *owner = tp_draft_owner_current ();

      if (write (fds[1], owner, strlen (owner)) < 0)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  n = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_cmpint (n, >, 0);
  buffer[n] = '\0';
  return g_strdup (buffer);
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

static TpWindow *
find_window_with_file (Fixture    *f,
                       const char *path)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint i = 0; i < windows->len; i++)
    {
      GFile *window_file = tp_document_get_file (tp_window_get_document (g_ptr_array_index (windows, i)));

      if (window_file != NULL && g_file_equal (window_file, file) && gtk_widget_get_mapped (g_ptr_array_index (windows, i)))
        return g_ptr_array_index (windows, i);
    }
  return NULL;
}

static gboolean
is_button_with_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Clicks the one mapped button labelled @label under @root. */
static void
click (GtkWidget  *root,
       const char *label)
{
  g_autoptr(GPtrArray) buttons = tp_gui_find_all (root, is_button_with_label, label);
  GtkWidget *button = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (buttons, i)))
      {
        g_assert_null (button);
        button = g_ptr_array_index (buttons, i);
      }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static AdwMessageDialog *
find_mapped_dialog (GType type)
{
  return ADW_MESSAGE_DIALOG (tp_gui_find_mapped_toplevel (type));
}

static gboolean
file_holds (const char *path,
            GBytes     *bytes)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0;
}

/* ---------------------------------------------------------------- driver */

static gboolean
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *contents = NULL;
  gsize length;

  if (!tp_gui_test_check_display ())
    return FALSE;

  memset (f, 0, sizeof *f);
  f->app = tp_application_new ();
  f->steps = g_ptr_array_new ();
  f->dir = g_dir_make_tmp ("touchpoint-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  f->drafts = g_build_filename (g_get_user_data_dir (), "touchpoint", "drafts", NULL);
  f->original = g_build_filename (f->dir, "original.journey", NULL);
  g_assert_true (g_file_get_contents (sample, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (f->original, contents, length, NULL));
  f->original_bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  f->driver.fixture = f;
  f->driver.interval_ms = STEP_TIMEOUT_MS;
  f->driver.max_tries = MAX_TRIES;
  return TRUE;
}

/* A draft of the original file, with a new title, left by a dead process. */
static void
fixture_leave_draft (Fixture *f)
{
  g_autoptr(GFile) original = g_file_new_for_path (f->original);
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpDraft) draft = tp_draft_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = dead_owner ();
  const char *etag, *checksum;
  gsize size;

  document = tp_document_new_from_file (original, NULL, &error);
  g_assert_no_error (error);
  g_object_set (tp_document_get_journey (document), "title", RECOVERED_TITLE, NULL);
  tp_document_get_file_state (document, &etag, &size, &checksum);
  draft->title = g_strdup ("original.journey");
  draft->original_uri = g_file_get_uri (original);
  draft->original_etag = g_strdup (etag);
  draft->original_size = size;
  draft->original_checksum = g_strdup (checksum);
  draft->journey = tp_journey_format_write (tp_document_get_journey (document));
  f->draft_path = tp_draft_new_path (f->drafts, owner);
  g_assert_true (tp_draft_write (draft, f->draft_path, &error));
  g_assert_no_error (error);
}

static void
fixture_add_step (Fixture  *f,
                  StepFunc  step)
{
  g_ptr_array_add (f->steps, (gpointer) step);
}

/* Quit as the menu does: every window closes (none has unsaved changes). */
static gboolean
step_quit (Fixture *f)
{
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "quit", NULL);
  return TRUE;
}

static int
fixture_run (Fixture *f)
{
  char *argv[] = { (char *) "test-recovery-gui", NULL };

  /* The last step closes the windows; the application ends with them. */
  g_ptr_array_add (f->steps, (gpointer) step_quit);
  f->driver.steps = (const TpGuiStepFunc *) f->steps->pdata;
  f->driver.n_steps = f->steps->len;
  return tp_gui_test_run (&f->driver, G_APPLICATION (f->app), 1, argv);
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
}

static void
fixture_clear (Fixture *f)
{
  g_assert_finalize_object (f->app);
  g_assert_null (f->window);
  /* Every test leaves the drafts folder as it found it: empty. */
  remove_all (f->drafts);
  remove_all (f->dir);
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->drafts);
  g_free (f->original);
  g_free (f->draft_path);
  g_free (f->big);
  g_bytes_unref (f->original_bytes);
  g_ptr_array_unref (f->steps);
}

static void
track_window (Fixture  *f,
              TpWindow *window)
{
  f->window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f->window);
}

/* ---------------------------------------------------------------- recover */

static gboolean
step_dialog_lists_draft (Fixture *f)
{
  AdwMessageDialog *dialog = find_mapped_dialog (TP_TYPE_RECOVERY_DIALOG);
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) thumbnails = NULL;

  if (dialog == NULL)
    return FALSE;

  /* Over the sample, which was opened as usual. */
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == g_ptr_array_index (windows, 0));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Recover Unsaved Journey?");
  titles = tp_gui_find_all (GTK_WIDGET (dialog), tp_gui_is_label_with_text, "original.journey");
  g_assert_cmpuint (titles->len, ==, 1);
  thumbnails = tp_gui_find_all (GTK_WIDGET (dialog), tp_gui_has_css_class, "draft-thumbnail");
  g_assert_cmpuint (thumbnails->len, ==, 1);
  g_assert_true (GTK_IS_DRAWING_AREA (g_ptr_array_index (thumbnails, 0)));
  /* Taken over by this process: renamed to a name of ours. */
  g_assert_false (g_file_test (f->draft_path, G_FILE_TEST_EXISTS));
  tp_gui_save_screenshot (GTK_WIDGET (dialog), "recovery-dialog.png");

  click (GTK_WIDGET (dialog), "_Recover");
  return TRUE;
}

static gboolean
step_recovered_window (Fixture *f)
{
  TpWindow *window = find_window_with_file (f, f->original);
  TpDocument *document;
  TpAutosave *autosave;
  g_autofree char *owner = NULL;
  g_autofree char *mine = tp_draft_owner_current ();

  if (window == NULL)
    return FALSE;
  track_window (f, window);
  document = tp_window_get_document (window);

  /* The recovered journey, unsaved, with the original file for Save. */
  g_assert_cmpstr (tp_journey_get_title (tp_document_get_journey (document)), ==, RECOVERED_TITLE);
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• original.journey"));
  /* The original file is as it was. */
  g_assert_true (file_holds (f->original, f->original_bytes));
  /* The window keeps the draft it came from, now under this process. */
  autosave = tp_window_get_autosave (window);
  g_assert_nonnull (autosave);
  g_assert_true (g_file_test (tp_autosave_get_draft_path (autosave), G_FILE_TEST_IS_REGULAR));
  owner = tp_draft_path_get_owner (tp_autosave_get_draft_path (autosave));
  g_assert_cmpstr (owner, ==, mine);
  return TRUE;
}

static gboolean
step_save_recovered (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = g_strdup (tp_autosave_get_draft_path (tp_window_get_autosave (f->window)));
  g_autoptr(TpJourney) saved = NULL;

  g_assert_true (tp_window_save_to_file (f->window, NULL, &error));
  g_assert_no_error (error);
  /* Saved over the original; the draft is gone. */
  saved = tp_test_load_journey (f->original);
  g_assert_cmpstr (tp_journey_get_title (saved), ==, RECOVERED_TITLE);
  g_assert_false (tp_document_get_modified (tp_window_get_document (f->window)));
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  return TRUE;
}

static void
test_recover (void)
{
  Fixture f;

  if (!fixture_init (&f))
    return;
  fixture_leave_draft (&f);
  fixture_add_step (&f, step_dialog_lists_draft);
  fixture_add_step (&f, step_recovered_window);
  fixture_add_step (&f, step_save_recovered);
  g_assert_cmpint (fixture_run (&f), ==, 0);
  fixture_clear (&f);
}

/* ---------------------------------------------------------------- discard */

static gboolean
step_discard_draft (Fixture *f)
{
  AdwMessageDialog *dialog = find_mapped_dialog (TP_TYPE_RECOVERY_DIALOG);

  if (dialog == NULL)
    return FALSE;
  click (GTK_WIDGET (dialog), "_Discard");
  return TRUE;
}

static gboolean
step_discarded (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GDir) dir = NULL;

  if (find_mapped_dialog (TP_TYPE_RECOVERY_DIALOG) != NULL)
    return FALSE;
  /* No window for it, no draft left, the original untouched. */
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_null (tp_document_get_file (tp_window_get_document (g_ptr_array_index (windows, 0))));
  dir = g_dir_open (f->drafts, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
  g_assert_true (file_holds (f->original, f->original_bytes));
  return TRUE;
}

static void
test_discard (void)
{
  Fixture f;

  if (!fixture_init (&f))
    return;
  fixture_leave_draft (&f);
  fixture_add_step (&f, step_discard_draft);
  fixture_add_step (&f, step_discarded);
  g_assert_cmpint (fixture_run (&f), ==, 0);
  fixture_clear (&f);
}

/* ---------------------------------------------------------------- closing */

static void
on_written (TpAutosave *autosave,
            gboolean   *written)
{
  *written = TRUE;
}

static gboolean written_once;

static gboolean
step_edit_sample (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  TpDocument *document;

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  track_window (f, g_ptr_array_index (windows, 0));
  document = tp_window_get_document (f->window);
  written_once = FALSE;
  g_signal_connect (tp_window_get_autosave (f->window), "written", G_CALLBACK (on_written), &written_once);
  g_assert_true (tp_document_set_string (document, tp_document_get_journey (document), "title",
                                         "Edited, then discarded", NULL));
  return TRUE;
}

static gboolean
step_close_discarding (Fixture *f)
{
  const char *draft = tp_autosave_get_draft_path (tp_window_get_autosave (f->window));
  g_autoptr(TpDraft) read = NULL;
  g_autoptr(GError) error = NULL;

  if (!written_once)
    return FALSE;
  /* An untitled journey has a draft too, named after the journey. */
  read = tp_draft_read (draft, &error);
  g_assert_no_error (error);
  g_assert_null (read->original_uri);
  g_assert_cmpstr (read->title, ==, "Edited, then discarded");

  gtk_window_close (GTK_WINDOW (f->window));
  return TRUE;
}

static gboolean
step_click_discard (Fixture *f)
{
  AdwMessageDialog *dialog = find_mapped_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *draft = NULL;

  if (dialog == NULL)
    return FALSE;
  draft = g_strdup (tp_autosave_get_draft_path (tp_window_get_autosave (f->window)));
  g_assert_true (g_file_test (draft, G_FILE_TEST_EXISTS));
  click (GTK_WIDGET (dialog), "_Discard");
  g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  return TRUE;
}

static void
test_close_discards_draft (void)
{
  Fixture f;

  if (!fixture_init (&f))
    return;
  fixture_add_step (&f, step_edit_sample);
  fixture_add_step (&f, step_close_discarding);
  fixture_add_step (&f, step_click_discard);
  /* The application ends with its last window. */
  f.driver.quit_when_done = FALSE;
  f.driver.steps = (const TpGuiStepFunc *) f.steps->pdata;
  f.driver.n_steps = f.steps->len;
  {
    char *argv[] = { (char *) "test-recovery-gui", NULL };

    g_assert_cmpint (tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv), ==, 0);
  }
  fixture_clear (&f);
}

/* ---------------------------------------------------------------- opening */

static gboolean
is_open_progress (GtkWidget     *widget,
                  gconstpointer  data)
{
  return TP_IS_OPEN_PROGRESS (widget);
}

static gboolean
step_open_big_and_cancel (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);
  g_autoptr(GPtrArray) bars = NULL;
  g_autoptr(GFile) big = NULL;
  GtkWidget *bar;

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  track_window (f, g_ptr_array_index (windows, 0));

  big = g_file_new_for_path (f->big);
  g_application_open (G_APPLICATION (f->app), &big, 1, "");

  /* Opening returns at once: a bar in the window, no document yet. */
  bars = tp_gui_find_all (GTK_WIDGET (f->window), is_open_progress, NULL);
  g_assert_cmpuint (bars->len, ==, 1);
  bar = g_ptr_array_index (bars, 0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (bar)));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 1);
  g_assert_nonnull (tp_gui_find_one (bar, tp_gui_is_label_with_text, "Opening “big.journey”…"));

  f->progress = TP_OPEN_PROGRESS (bar);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &f->progress);
  g_signal_emit_by_name (tp_gui_find_one (bar, is_button_with_label, "_Cancel"), "clicked");
  /* Gone from the window at once; the worker finishes unseen. */
  g_assert_nonnull (f->progress);
  g_assert_null (gtk_widget_get_parent (bar));
  g_assert_null (tp_gui_find_mapped_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  return TRUE;
}

static gboolean
step_cancelled_load_finished (Fixture *f)
{
  g_autoptr(GPtrArray) windows = NULL;
  TpDocument *document;
  g_autoptr(GFile) small = NULL;
  g_autofree char *small_path = NULL;

  /* The worker holds the bar until it is done. */
  if (f->progress != NULL)
    return FALSE;

  /* Nothing changed: one window, the sample, unmodified. */
  windows = list_tp_windows (f);
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_true (g_ptr_array_index (windows, 0) == f->window);
  document = tp_window_get_document (f->window);
  g_assert_cmpstr (tp_journey_get_title (tp_document_get_journey (document)), ==, SAMPLE_TITLE);
  g_assert_false (tp_document_get_modified (document));
  g_assert_null (tp_gui_find_mapped_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* A load that is not cancelled opens its window. */
  small_path = g_test_build_filename (G_TEST_DIST, "data", "small.journey", NULL);
  small = g_file_new_for_path (small_path);
  g_application_open (G_APPLICATION (f->app), &small, 1, "");
  return TRUE;
}

static gboolean
step_small_opened (Fixture *f)
{
  g_autofree char *small_path = g_test_build_filename (G_TEST_DIST, "data", "small.journey", NULL);
  TpWindow *window = find_window_with_file (f, small_path);
  g_autoptr(GPtrArray) bars = NULL;

  if (window == NULL)
    return FALSE;
  g_assert_false (tp_document_get_modified (tp_window_get_document (window)));
  bars = tp_gui_find_all (GTK_WIDGET (f->window), is_open_progress, NULL);
  g_assert_cmpuint (bars->len, ==, 0);
  return TRUE;
}

static gboolean
step_open_big (Fixture *f)
{
  g_autoptr(GFile) big = g_file_new_for_path (f->big);

  g_application_open (G_APPLICATION (f->app), &big, 1, "");
  return TRUE;
}

static gboolean
step_big_opened (Fixture *f)
{
  TpWindow *window = find_window_with_file (f, f->big);

  if (window == NULL)
    return FALSE;
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (tp_document_get_journey (tp_window_get_document (window)))),
                    ==, 5000);
  return TRUE;
}

static void
test_open_cancel (void)
{
  Fixture f;
  g_autoptr(TpJourney) big = tp_test_generate_journey (40, 5000, 7);
  g_autoptr(GBytes) bytes = tp_journey_format_write (big);

  if (!fixture_init (&f))
    return;
  f.big = g_build_filename (f.dir, "big.journey", NULL);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1024 * 1024);
  g_assert_true (g_file_set_contents (f.big, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  fixture_add_step (&f, step_open_big_and_cancel);
  fixture_add_step (&f, step_cancelled_load_finished);
  fixture_add_step (&f, step_small_opened);
  fixture_add_step (&f, step_open_big);
  fixture_add_step (&f, step_big_opened);
  g_assert_cmpint (fixture_run (&f), ==, 0);
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("touchpoint-recovery-home-XXXXXX", &error);
  int status;

  /* Drafts, recent files and settings stay out of the user's folders. */
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_setenv (user_dirs[i], dir, TRUE);
    }

  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/recovery/recover", test_recover);
  g_test_add_func ("/recovery/discard", test_discard);
  g_test_add_func ("/recovery/close-discards-draft", test_close_discards_draft);
  g_test_add_func ("/open/cancel-and-open", test_open_cancel);

  status = g_test_run ();
  tp_test_remove_tree (home);
  return status;
}
