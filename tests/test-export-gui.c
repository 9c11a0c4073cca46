/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gstdio.h>
#include <string.h>

#include "tp-application.h"
#include "tp-export-dialog.h"
#include "tp-gui-test-util.h"
#include "tp-print.h"
#include "tp-resources.h"
#include "tp-window.h"

/* Export dialog, printing and "Copy as Image" in the real application
 * (needs a display: run under xvfb-run). Steps run one per timeout; a
 * step returns FALSE to be tried again. */

#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 400

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication *app;
  TpWindow *window;
  TpGuiDriver driver;
  char *tmpdir;
  char *export_path;
};

static void
run_steps (const StepFunc *steps)
{
  char *argv[] = { (char *) "test-export-gui", NULL };
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };

  if (!tp_gui_test_check_display ())
    return;

  f.app = tp_application_new ();
  f.driver.fixture = &f;
  f.driver.steps = (const TpGuiStepFunc *) steps;
  while (steps[f.driver.n_steps] != NULL)
    f.driver.n_steps++;
  f.driver.interval_ms = STEP_TIMEOUT_MS;
  f.driver.max_tries = MAX_TRIES;
  f.driver.quit_when_done = TRUE;
  f.tmpdir = g_dir_make_tmp ("touchpoint-export-gui-XXXXXX", &error);
  g_assert_no_error (error);
  f.export_path = g_build_filename (f.tmpdir, "map.pdf", NULL);

  g_assert_cmpint (tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv), ==, 0);

  g_unlink (f.export_path);
  g_rmdir (f.tmpdir);
  g_free (f.export_path);
  g_free (f.tmpdir);
  g_object_unref (f.app);
}

static TpExportDialog *
find_export_dialog (void)
{
  GtkWindow *window = tp_gui_find_toplevel (TP_TYPE_EXPORT_DIALOG);

  return window != NULL ? TP_EXPORT_DIALOG (window) : NULL;
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* ------------------------------------------------------------------ steps */

static gboolean
step_window (Fixture *f)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  if (windows == NULL || !TP_IS_WINDOW (windows->data) || !gtk_widget_get_mapped (windows->data))
    return FALSE;
  f->window = windows->data;
  return TRUE;
}

/* The dialog remembers: the format and page come from GSettings. */
static gboolean
step_open_export (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-export-format", "pdf");
  g_settings_set_string (settings, "export-paper", "a4");
  g_settings_set_boolean (settings, "export-title-block", TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  return TRUE;
}

static gboolean
step_export (Fixture *f)
{
  TpExportDialog *dialog = find_export_dialog ();
  g_autoptr(GFile) file = NULL;

  if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    return FALSE;

  /* The sample on A4 comes out small, and the dialog says so before. */
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    collect_labels (GTK_WIDGET (dialog), texts);
    g_assert_nonnull (strstr (texts->str, "smallest text"));
    g_assert_nonnull (strstr (texts->str, "may be hard to read"));
  }

  tp_gui_save_screenshot (GTK_WIDGET (dialog), "export-dialog.png");
  file = g_file_new_for_path (f->export_path);
  tp_export_dialog_export_to_file (dialog, file);
  g_assert_true (tp_export_dialog_is_busy (dialog));
  return TRUE;
}

/* Done in the background: the dialog closes, a toast offers to open the
 * file, and the folder is remembered. */
static gboolean
step_exported (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *folder = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (find_export_dialog () != NULL)
    return FALSE;

  g_assert_true (g_file_get_contents (f->export_path, &data, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (strncmp (data, "%PDF-", 5) == 0);

  folder = g_settings_get_string (settings, "recent-export-folder");
  g_assert_cmpstr (folder, ==, f->tmpdir);

  tp_gui_collect_toast_titles (GTK_WIDGET (f->window), titles);
  g_test_message ("toasts: %s", titles->str);
  g_assert_nonnull (strstr (titles->str, "Exported “map.pdf”"));
  return TRUE;
}

static gboolean
step_copy_image (Fixture *f)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentFormats *formats;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-image", NULL));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  g_assert_true (gdk_clipboard_is_local (clipboard));
  return TRUE;
}

static cairo_status_t
read_from_bytes (void          *closure,
                 unsigned char *data,
                 unsigned int   length)
{
  GInputStream *stream = closure;

  return g_input_stream_read_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR;
}

static void
png_size (GBytes *png,
          int    *width,
          int    *height)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (png);
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_from_bytes, stream);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *width = cairo_image_surface_get_width (surface);
  *height = cairo_image_surface_get_height (surface);
  cairo_surface_destroy (surface);
}

/* With cards selected, Copy as Image copies just those cards. */
static gboolean
step_copy_selection (Fixture *f)
{
  TpCanvas *canvas = tp_window_get_canvas (f->window);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) part = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  int whole_width, whole_height, part_width, part_height;
  TpRect card;

  tp_canvas_select (canvas, NULL);
  whole = tp_window_render_copy (f->window, "image/png", &error);
  g_assert_no_error (error);
  png_size (whole, &whole_width, &whole_height);

  tp_canvas_select_ids (canvas, (const char *[]) { "t19", NULL });
  part = tp_window_render_copy (f->window, "image/png", &error);
  g_assert_no_error (error);
  png_size (part, &part_width, &part_height);
  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (canvas),
                                          tp_journey_lookup (tp_document_get_journey (tp_window_get_document (f->window)), "t19"),
                                          &card));
  /* The card at 2× with a 12-unit margin on each side. */
  g_assert_cmpint (part_width, ==, (int) ceil ((card.width + 24) * 2));
  g_assert_cmpint (part_height, ==, (int) ceil ((card.height + 24) * 2));
  g_assert_cmpint (part_width, <, whole_width);

  svg = tp_window_render_copy (f->window, "image/svg+xml", &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));
  /* Editable: the card as a group with its text, not glyph outlines. */
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<g id=\"card-"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<text"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-image", NULL));
  tp_canvas_select (canvas, NULL);
  return TRUE;
}

/* Printing runs the same drawing through GtkPrintOperation: one page, or
 * a poster over the printer's sheets with an overview first. */
static gboolean
step_print (Fixture *f)
{
  TpJourney *journey = tp_document_get_journey (tp_window_get_document (f->window));
  g_autofree char *path = g_build_filename (f->tmpdir, "print.pdf", NULL);
  g_autoptr(GError) error = NULL;
  int n_pages = 0;

  g_assert_true (tp_print_journey_to_pdf (journey, path, GTK_PAPER_NAME_A4, TP_PAPER_NATURAL,
                                          TRUE, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);

  /* A2 turned like the map (landscape) over upright A4 sheets. */
  g_free (path);
  path = g_build_filename (g_getenv ("TP_SCREENSHOT_DIR") != NULL ? g_getenv ("TP_SCREENSHOT_DIR") : f->tmpdir,
                           "print-poster.pdf", NULL);
  g_assert_true (tp_print_journey_to_pdf (journey, path, GTK_PAPER_NAME_A4, TP_PAPER_A2,
                                          FALSE, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pages, >, 4);
  if (g_getenv ("TP_SCREENSHOT_DIR") == NULL)
    g_unlink (path);
  return TRUE;
}

static void
test_export_dialog (void)
{
  static const StepFunc steps[] = { step_window, step_open_export, step_export, step_exported, NULL };

  run_steps (steps);
}

static void
test_copy_and_print (void)
{
  static const StepFunc steps[] = { step_window, step_copy_image, step_copy_selection, step_print, NULL };

  run_steps (steps);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/export-gui/dialog", test_export_dialog);
  g_test_add_func ("/export-gui/copy-and-print", test_copy_and_print);

  return g_test_run ();
}
