/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "tp-application.h"
#include "tp-csv.h"
#include "tp-gui-test-util.h"
#include "tp-report-dialog.h"
#include "tp-report.h"
#include "tp-resources.h"
#include "tp-window.h"

/* The report dialog in the real application (needs a display: run under
 * xvfb-run): sections, the preview of the first pages, and exports to
 * PDF, HTML and CSV. Steps run one per timeout; a step returns FALSE to
 * be tried again. */

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
  guint n_pages;
};

static char *
tmp_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->tmpdir, name, NULL);
}

static void
run_steps (const StepFunc *steps)
{
  char *argv[] = { (char *) "test-report-gui", NULL };
  g_autoptr(GError) error = NULL;
  Fixture f = { 0 };
  const char *names[] = { "report.pdf", "report.html", "touchpoints.csv" };

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
  f.tmpdir = g_dir_make_tmp ("touchpoint-report-gui-XXXXXX", &error);
  g_assert_no_error (error);

  g_assert_cmpint (tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = tmp_path (&f, names[i]);

      g_unlink (path);
    }
  g_rmdir (f.tmpdir);
  g_free (f.tmpdir);
  g_object_unref (f.app);
}

static TpReportDialog *
find_report_dialog (void)
{
  GtkWindow *window = tp_gui_find_toplevel (TP_TYPE_REPORT_DIALOG);

  return window != NULL ? TP_REPORT_DIALOG (window) : NULL;
}

/* The dialog, shown, with a preview made for its choices. */
static TpReportDialog *
ready_dialog (void)
{
  TpReportDialog *dialog = find_report_dialog ();

  if (dialog == NULL || !gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    return NULL;
  return dialog;
}

/* The check button of the section row titled @title. */
static GtkCheckButton *
find_section_check (TpReportDialog *dialog,
                    const char     *title)
{
  g_autoptr(GPtrArray) rows = tp_gui_find_all (GTK_WIDGET (dialog), tp_gui_is_of_type,
                                               GSIZE_TO_POINTER (ADW_TYPE_ACTION_ROW));

  for (guint i = 0; i < rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (rows, i);
      GtkWidget *check = adw_action_row_get_activatable_widget (row);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0
          && GTK_IS_CHECK_BUTTON (check))
        return GTK_CHECK_BUTTON (check);
    }
  return NULL;
}

static gboolean
texture_has_ink (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) width * height);

  gdk_texture_download (texture, (guchar *) pixels, (gsize) width * 4);
  for (gsize i = 0; i < (gsize) width * height; i++)
    if (pixels[i] != 0xffffffff)
      return TRUE;
  return FALSE;
}

static char *
pdf_text (const char *path)
{
  const char *pdftotext = g_getenv ("PDFTOTEXT");
  const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_nonnull (pdftotext);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
open_dialog (Fixture    *f,
             const char *format)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "report-format", format);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-report", NULL));
}

/* Waits until the dialog closed after an export, then returns the file. */
static char *
exported_contents (Fixture    *f,
                   const char *name,
                   gsize      *length)
{
  g_autofree char *path = tmp_path (f, name);
  char *data = NULL;

  if (find_report_dialog () != NULL)
    return NULL;
  g_assert_true (g_file_get_contents (path, &data, length, NULL));
  return data;
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

static gboolean
step_open_pdf (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "report-paper", "a4");
  g_settings_reset (settings, "report-sections");
  open_dialog (f, "pdf");
  return TRUE;
}

/* Every section offered and chosen; the preview shows the first pages,
 * each with something on it. */
static gboolean
step_preview (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();
  g_autoptr(GPtrArray) pictures = NULL;
  guint n_thumbnails = 0;

  if (dialog == NULL || tp_report_dialog_get_n_pages (dialog) == 0)
    return FALSE;

  for (TpReportSections s = TP_REPORT_SECTION_COVER; s <= TP_REPORT_SECTION_APPENDIX; s <<= 1)
    {
      GtkCheckButton *check = find_section_check (dialog, tp_report_section_get_title (s));

      g_assert_nonnull (check);
      g_assert_true (gtk_check_button_get_active (check));
    }

  pictures = tp_gui_find_all (GTK_WIDGET (dialog), tp_gui_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_PICTURE));
  for (guint i = 0; i < pictures->len; i++)
    {
      GtkWidget *picture = g_ptr_array_index (pictures, i);
      GdkPaintable *paintable = gtk_picture_get_paintable (GTK_PICTURE (picture));

      if (!gtk_widget_has_css_class (picture, "report-page"))
        continue;
      g_assert_true (GDK_IS_TEXTURE (paintable));
      g_assert_true (texture_has_ink (GDK_TEXTURE (paintable)));
      n_thumbnails++;
    }
  g_assert_cmpuint (n_thumbnails, >=, 2);
  f->n_pages = tp_report_dialog_get_n_pages (dialog);
  g_assert_cmpuint (f->n_pages, >, n_thumbnails);
  return TRUE;
}

static gboolean
step_screenshot (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();

  /* A frame drawn with the pages in it. */
  if (++f->driver.tries < 4)
    return FALSE;
  tp_gui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-pdf.png");
  return TRUE;
}

/* Fewer sections, fewer pages: the preview follows. */
static gboolean
step_toggle_sections (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();

  gtk_check_button_set_active (find_section_check (dialog, tp_report_section_get_title (TP_REPORT_SECTION_STAGES)),
                               FALSE);
  gtk_check_button_set_active (find_section_check (dialog, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS)),
                               FALSE);
  g_assert_cmpuint (tp_report_dialog_get_n_pages (dialog), ==, 0);
  return TRUE;
}

static gboolean
step_export_pdf (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();
  g_autofree char *path = tmp_path (f, "report.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (tp_report_dialog_get_n_pages (dialog) == 0)
    return FALSE;
  g_assert_cmpuint (tp_report_dialog_get_n_pages (dialog), <, f->n_pages);

  tp_report_dialog_export_to_file (dialog, file);
  g_assert_true (tp_report_dialog_is_busy (dialog));
  return TRUE;
}

/* Saved in the background: the dialog closes, a toast offers to open the
 * file, and the choices are remembered. */
static gboolean
step_pdf_exported (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GString) titles = g_string_new (NULL);
  g_autofree char *path = tmp_path (f, "report.pdf");
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) sections = NULL;
  gsize length;

  data = exported_contents (f, "report.pdf", &length);
  if (data == NULL)
    return FALSE;
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (strncmp (data, "%PDF-", 5) == 0);

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Summary"));
  g_assert_nonnull (strstr (text, tp_report_section_get_title (TP_REPORT_SECTION_FINDINGS)));
  g_assert_null (strstr (text, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS)));
  g_assert_null (strstr (text, tp_report_section_get_title (TP_REPORT_SECTION_STAGES)));

  sections = g_settings_get_strv (settings, "report-sections");
  g_assert_true (g_strv_contains ((const char * const *) sections, "summary"));
  g_assert_false (g_strv_contains ((const char * const *) sections, "channels"));
  g_assert_false (g_strv_contains ((const char * const *) sections, "stages"));

  tp_gui_collect_toast_titles (GTK_WIDGET (f->window), titles);
  g_assert_nonnull (strstr (titles->str, "Report saved"));
  return TRUE;
}

static gboolean
step_open_html (Fixture *f)
{
  open_dialog (f, "html");
  return TRUE;
}

static gboolean
step_export_html (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();
  g_autofree char *path = tmp_path (f, "report.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (dialog == NULL)
    return FALSE;
  /* The remembered sections come back. */
  g_assert_false (gtk_check_button_get_active (find_section_check (dialog, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS))));
  g_assert_true (gtk_check_button_get_active (find_section_check (dialog, tp_report_section_get_title (TP_REPORT_SECTION_SUMMARY))));
  /* No pages to preview for HTML. */
  g_assert_cmpuint (tp_report_dialog_get_n_pages (dialog), ==, 0);
  tp_gui_save_screenshot (GTK_WIDGET (dialog), "report-dialog-html.png");
  tp_report_dialog_export_to_file (dialog, file);
  return TRUE;
}

static gboolean
step_html_exported (Fixture *f)
{
  g_autofree char *data = NULL;
  gsize length;

  data = exported_contents (f, "report.html", &length);
  if (data == NULL)
    return FALSE;
  g_assert_true (g_str_has_prefix (data, "<!DOCTYPE html"));
  g_assert_nonnull (strstr (data, "Summary"));
  g_assert_null (strstr (data, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS)));
  return TRUE;
}

static gboolean
step_open_csv (Fixture *f)
{
  open_dialog (f, "csv-touchpoints");
  return TRUE;
}

static gboolean
step_export_csv (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();
  g_autofree char *path = tmp_path (f, "touchpoints.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (dialog == NULL)
    return FALSE;
  tp_report_dialog_export_to_file (dialog, file);
  return TRUE;
}

static gboolean
step_csv_exported (Fixture *f)
{
  TpJourney *journey = tp_document_get_journey (tp_window_get_document (f->window));
  g_autoptr(GBytes) expected = tp_csv_write (journey, TP_CSV_TOUCHPOINTS);
  const char *expected_data = g_bytes_get_data (expected, NULL);
  const char *header_end = strstr (expected_data, "\r\n");
  g_autofree char *data = NULL;
  gsize length;

  data = exported_contents (f, "touchpoints.csv", &length);
  if (data == NULL)
    return FALSE;
  g_assert_nonnull (header_end);
  g_assert_cmpuint (length, >, header_end - expected_data);
  g_assert_true (strncmp (data, expected_data, header_end - expected_data + 2) == 0);
  g_assert_nonnull (strstr (data, "Three-minute consult with the cardiologist"));
  return TRUE;
}

/* A file that cannot be written: a message says why, the dialog stays
 * and nothing is written. */
static gboolean
step_open_failing (Fixture *f)
{
  open_dialog (f, "pdf");
  return TRUE;
}

static gboolean
step_export_failing (Fixture *f)
{
  TpReportDialog *dialog = ready_dialog ();
  g_autofree char *path = g_build_filename (f->tmpdir, "no such folder", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (dialog == NULL)
    return FALSE;
  tp_report_dialog_export_to_file (dialog, file);
  return TRUE;
}

static gboolean
step_failed (Fixture *f)
{
  GtkWindow *message = tp_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  TpReportDialog *dialog = find_report_dialog ();
  g_autofree char *folder = g_build_filename (f->tmpdir, "no such folder", NULL);

  if (message == NULL || !gtk_widget_get_mapped (GTK_WIDGET (message)))
    return FALSE;
  g_assert_nonnull (dialog);
  g_assert_false (tp_report_dialog_is_busy (dialog));
  g_assert_true (gtk_window_get_transient_for (message) == GTK_WINDOW (dialog));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (message), "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
step_closed (Fixture *f)
{
  return find_report_dialog () == NULL && tp_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_report_dialog (void)
{
  static const StepFunc steps[] = {
    step_window, step_open_pdf, step_preview, step_screenshot, step_toggle_sections, step_export_pdf,
    step_pdf_exported, step_open_html, step_export_html, step_html_exported, step_open_csv,
    step_export_csv, step_csv_exported, step_open_failing, step_export_failing, step_failed,
    step_closed, NULL
  };

  run_steps (steps);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/report-gui/dialog", test_report_dialog);

  return g_test_run ();
}
