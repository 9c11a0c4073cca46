/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-csv.h"
#include "tp-file-save.h"
#include "tp-export.h"
#include "tp-report-dialog.h"
#include "tp-report-html.h"
#include "tp-report-pdf.h"
#include "tp-report.h"

/* The preview shows this many pages, this wide (portrait, in pixels). */
#define PREVIEW_PAGES 3
#define PREVIEW_WIDTH 190
/* Changes within this time make one preview. */
#define PREVIEW_DELAY_MS 250

typedef enum {
  FORMAT_PDF,
  FORMAT_HTML,
  FORMAT_CSV_TOUCHPOINTS,
  FORMAT_CSV_EMPLOYEE_NOTES,
  FORMAT_CSV_OPPORTUNITIES,
} Format;

/* Rows in the order of the format row's string list. */
static const struct {
  Format      format;
  const char *nick;        /* in GSettings */
  const char *extension;
  const char *mime_type;
  TpCsvTable  table;
} formats[] = {
  { FORMAT_PDF, "pdf", ".pdf", "application/pdf", 0 },
  { FORMAT_HTML, "html", ".html", "text/html", 0 },
  { FORMAT_CSV_TOUCHPOINTS, "csv-touchpoints", ".csv", "text/csv", TP_CSV_TOUCHPOINTS },
  { FORMAT_CSV_EMPLOYEE_NOTES, "csv-employee-notes", ".csv", "text/csv", TP_CSV_EMPLOYEE_NOTES },
  { FORMAT_CSV_OPPORTUNITIES, "csv-opportunities", ".csv", "text/csv", TP_CSV_OPPORTUNITIES },
};

static const char *papers[] = { "a4", "letter" };

static const TpReportSections sections[] = {
  TP_REPORT_SECTION_COVER,
  TP_REPORT_SECTION_DIAGRAM,
  TP_REPORT_SECTION_SUMMARY,
  TP_REPORT_SECTION_STAGES,
  TP_REPORT_SECTION_MOMENTS,
  TP_REPORT_SECTION_EMPLOYEES,
  TP_REPORT_SECTION_CHANNELS,
  TP_REPORT_SECTION_OPPORTUNITIES,
  TP_REPORT_SECTION_FINDINGS,
  TP_REPORT_SECTION_APPENDIX,
};

struct _TpReportDialog
{
  TpOutputDialog parent_instance;

  TpJourney *journey;
  GSettings *settings;                /* the base class's */

  AdwComboRow *format_row;
  AdwComboRow *paper_row;
  AdwPreferencesGroup *sections_group;
  GtkCheckButton *section_checks[G_N_ELEMENTS (sections)];

  GtkStack *preview_stack;
  GtkLabel *preview_label;
  GtkSpinner *preview_spinner;
  GtkBox *pages_box;

  /* Preview: the pending delay, and a generation so only the newest
   * result is shown. */
  guint preview_timeout;
  guint preview_generation;
  GCancellable *preview_cancellable;
  guint n_pages;
};

G_DEFINE_FINAL_TYPE (TpReportDialog, tp_report_dialog, TP_TYPE_OUTPUT_DIALOG)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---------------------------------------------------------------- options */

static Format
selected_format (TpReportDialog *self)
{
  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)].format;
}

static void
get_options (TpReportDialog  *self,
             TpReportOptions *options)
{
  tp_report_options_init (options);
  /* The core reads no environment: the user's say here. */
  options->use_cairo_pdf = g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0;
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1
                   ? TP_REPORT_PAPER_LETTER : TP_REPORT_PAPER_A4;
  options->sections = 0;
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (gtk_check_button_get_active (self->section_checks[i]))
      options->sections |= sections[i];
}

static void
save_settings (TpReportDialog *self,
               GFile          *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = folder != NULL ? g_file_get_path (folder) : NULL;
  g_autoptr(GPtrArray) nicks = g_ptr_array_new ();
  TpReportOptions options;

  get_options (self, &options);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (options.sections & sections[i])
      g_ptr_array_add (nicks, (gpointer) tp_report_section_to_nick (sections[i]));
  g_ptr_array_add (nicks, NULL);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "report-format",
                         formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)].nick);
  g_settings_set_string (self->settings, "report-paper", papers[MIN (adw_combo_row_get_selected (self->paper_row), 1)]);
  g_settings_set_strv (self->settings, "report-sections", (const char * const *) nicks->pdata);
  if (folder_path != NULL)
    g_settings_set_string (self->settings, "recent-export-folder", folder_path);
  g_settings_apply (self->settings);
}

static void
load_settings (TpReportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "report-format");
  g_autofree char *paper = g_settings_get_string (self->settings, "report-paper");
  g_auto(GStrv) nicks = g_settings_get_strv (self->settings, "report-sections");

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].nick) == 0)
      adw_combo_row_set_selected (self->format_row, i);
  adw_combo_row_set_selected (self->paper_row, g_strcmp0 (paper, "letter") == 0 ? 1 : 0);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_check_button_set_active (self->section_checks[i],
                                 g_strv_contains ((const char * const *) nicks,
                                                  tp_report_section_to_nick (sections[i])));
}

/* ---------------------------------------------------------------- preview */

typedef struct {
  TpJourney       *journey;   /* a snapshot, for this thread alone */
  TpReportOptions  options;
  double           scale;
  GPtrArray       *images;   /* cairo_surface_t */
  guint            n_pages;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_object_unref (job->journey);
  g_clear_pointer (&job->images, g_ptr_array_unref);
  g_free (job);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = tp_report_build (job->journey, &job->options);
  if (g_task_return_error_if_cancelled (task))
    return;
  job->images = tp_report_render_pages (report, PREVIEW_PAGES, job->scale, &job->n_pages,
                                        cancellable, &error);
  if (job->images == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GdkTexture *
texture_from_image (cairo_surface_t *image)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  g_autoptr(GBytes) bytes = g_bytes_new (cairo_image_surface_get_data (image), (gsize) stride * height);

  /* Cairo's ARGB32 is premultiplied BGRA in memory on little-endian
   * machines: GDK_MEMORY_DEFAULT on every machine. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
on_preview_done (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TpReportDialog) self = user_data;
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;
  int scale_factor;

  /* A newer preview is on its way, or the dialog is gone. */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation")) != self->preview_generation)
    return;

  g_clear_object (&self->preview_cancellable);
  gtk_spinner_set_spinning (self->preview_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  if (error != NULL)
    {
      gtk_label_set_text (self->preview_label, error->message);
      return;
    }

  scale_factor = MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);
  for (guint i = 0; i < job->images->len; i++)
    {
      cairo_surface_t *image = g_ptr_array_index (job->images, i);
      g_autoptr(GdkTexture) texture = texture_from_image (image);
      GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), FALSE);
      gtk_widget_set_size_request (picture,
                                   cairo_image_surface_get_width (image) / scale_factor,
                                   cairo_image_surface_get_height (image) / scale_factor);
      gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (picture, "report-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
    }
  self->n_pages = job->n_pages;
  if (job->n_pages > job->images->len)
    /* Translators: the preview shows the first pages of the report */
    text = g_strdup_printf (ngettext ("The first %u pages of %u", "The first %u pages of %u", job->n_pages),
                            job->images->len, job->n_pages);
  else
    text = g_strdup_printf (ngettext ("%u page", "%u pages", job->n_pages), job->n_pages);
  gtk_label_set_text (self->preview_label, text);
}

static gboolean
start_preview (gpointer user_data)
{
  TpReportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  PreviewJob *job;
  double width, height;

  self->preview_timeout = 0;
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();

  job = g_new0 (PreviewJob, 1);
  /* One per thread: a journey's lists are not safe to read from two. */
  job->journey = tp_journey_snapshot (self->journey);
  get_options (self, &job->options);
  tp_report_paper_get_size (job->options.paper, &width, &height);
  job->scale = PREVIEW_WIDTH / width * MAX (gtk_widget_get_scale_factor (GTK_WIDGET (self)), 1);

  task = g_task_new (NULL, self->preview_cancellable, on_preview_done, g_object_ref (self));
  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (++self->preview_generation));
  g_task_run_in_thread (task, preview_thread);
  return G_SOURCE_REMOVE;
}

/* Shows the spinner now and makes the preview once the changes stop. */
static void
schedule_preview (TpReportDialog *self)
{
  if (selected_format (self) != FORMAT_PDF)
    return;
  self->n_pages = 0;
  gtk_spinner_set_spinning (self->preview_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), TRUE);
  gtk_label_set_text (self->preview_label, _("Updating the preview…"));
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_timeout = g_timeout_add (PREVIEW_DELAY_MS, start_preview, self);
}

guint
tp_report_dialog_get_n_pages (TpReportDialog *self)
{
  g_return_val_if_fail (TP_IS_REPORT_DIALOG (self), 0);
  return self->n_pages;
}

/* One place decides what is visible and sensitive. */
static void
update_rows (TpReportDialog *self)
{
  Format format = selected_format (self);
  gboolean busy = tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self));
  TpReportOptions options;

  get_options (self, &options);
  gtk_widget_set_visible (GTK_WIDGET (self->paper_row), format == FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->sections_group), format == FORMAT_PDF || format == FORMAT_HTML);
  gtk_stack_set_visible_child_name (self->preview_stack, format == FORMAT_PDF ? "pages" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.export",
                                 !busy && (options.sections != 0 || (format != FORMAT_PDF && format != FORMAT_HTML)));
}

static void
on_choice_changed (TpReportDialog *self)
{
  update_rows (self);
  schedule_preview (self);
}

/* ----------------------------------------------------------------- export */

typedef struct {
  TpJourney       *journey;   /* a snapshot */
  Format           format;
  TpReportOptions  options;
  GDateTime       *creation_date;
  GFile           *file;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->journey);
  g_clear_pointer (&job->creation_date, g_date_time_unref);
  g_object_unref (job->file);
  g_free (job);
}

static GBytes *
write_bytes (ExportJob  *job,
             TpJourney  *journey,
             GError    **error)
{
  g_autoptr(TpReport) report = NULL;

  switch (job->format)
    {
    case FORMAT_PDF:
      report = tp_report_build (journey, &job->options);
      return tp_report_pdf_write (report, NULL, error);
    case FORMAT_HTML:
      report = tp_report_build (journey, &job->options);
      return tp_report_html_write (report);
    case FORMAT_CSV_TOUCHPOINTS:
    case FORMAT_CSV_EMPLOYEE_NOTES:
    case FORMAT_CSV_OPPORTUNITIES:
    default:
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (formats[i].format == job->format)
          return tp_csv_write (journey, formats[i].table);
      g_assert_not_reached ();
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = write_bytes (job, job->journey, &error);
  /* Stopped while the report was made: the file is not touched. */
  if (bytes != NULL && g_task_return_error_if_cancelled (task))
    return;
  if (bytes == NULL
      || !tp_file_replace_atomically (job->file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      FALSE, NULL, NULL, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TpReportDialog *self = TP_REPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  tp_output_dialog_end (TP_OUTPUT_DIALOG (self));
  update_rows (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_basename (job->file);
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
      /* Translators: %s is a file name */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Save “%s”"), name);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
tp_report_dialog_export_to_file (TpReportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  ExportJob *job;

  g_return_if_fail (TP_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self)));

  save_settings (self, file);

  job = g_new0 (ExportJob, 1);
  job->journey = tp_journey_snapshot (self->journey);
  job->format = selected_format (self);
  get_options (self, &job->options);
  job->creation_date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));
  job->options.creation_date = job->creation_date;
  job->file = g_object_ref (file);

  cancellable = tp_output_dialog_begin (TP_OUTPUT_DIALOG (self), _("Saving the report…"));
  update_rows (self);

  task = g_task_new (self, cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, tp_report_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tp_report_dialog_is_busy (TpReportDialog *self)
{
  g_return_val_if_fail (TP_IS_REPORT_DIALOG (self), FALSE);
  return tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self));
}

/* -------------------------------------------------------- file and buttons */

/* "<title> report.pdf", "<title> touchpoints.csv". */
static char *
dup_default_name (TpReportDialog *self)
{
  const char *title = tp_journey_get_title (self->journey);
  g_autofree char *base = NULL;

  if (title == NULL || *title == '\0')
    title = _("Journey");
  /* File names cannot hold a slash. */
  base = g_strdelimit (g_strdup (title), "/", '-');

  switch (selected_format (self))
    {
    /* Translators: a file name; %s is the journey's title */
    case FORMAT_PDF: return g_strdup_printf (_("%s report.pdf"), base);
    /* Translators: a file name; %s is the journey's title */
    case FORMAT_HTML: return g_strdup_printf (_("%s report.html"), base);
    /* Translators: a file name; %s is the journey's title */
    case FORMAT_CSV_TOUCHPOINTS: return g_strdup_printf (_("%s touchpoints.csv"), base);
    /* Translators: a file name; %s is the journey's title */
    case FORMAT_CSV_EMPLOYEE_NOTES: return g_strdup_printf (_("%s employee notes.csv"), base);
    case FORMAT_CSV_OPPORTUNITIES:
    default:
      /* Translators: a file name; %s is the journey's title */
      return g_strdup_printf (_("%s opportunities.csv"), base);
    }
}

static GtkFileChooserNative *
tp_report_dialog_create_chooser (TpOutputDialog *dialog)
{
  TpReportDialog *self = TP_REPORT_DIALOG (dialog);
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
  g_autofree char *name = dup_default_name (self);

  return tp_output_dialog_new_chooser (dialog, _("Export Report"), name, formats[format].mime_type,
                                       self->format_row, formats[format].nick);
}

static void
tp_report_dialog_export_to_file_vfunc (TpOutputDialog *dialog,
                                       GFile          *file)
{
  tp_report_dialog_export_to_file (TP_REPORT_DIALOG (dialog), file);
}

/* ------------------------------------------------------------- building */

static void
tp_report_dialog_dispose (GObject *object)
{
  TpReportDialog *self = TP_REPORT_DIALOG (object);

  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  g_clear_handle_id (&self->preview_timeout, g_source_remove);
  self->preview_generation++;
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->journey);

  G_OBJECT_CLASS (tp_report_dialog_parent_class)->dispose (object);
}

static void
tp_report_dialog_class_init (TpReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TpOutputDialogClass *output_class = TP_OUTPUT_DIALOG_CLASS (klass);

  object_class->dispose = tp_report_dialog_dispose;
  output_class->create_chooser = tp_report_dialog_create_chooser;
  output_class->export_to_file = tp_report_dialog_export_to_file_vfunc;

  /**
   * TpReportDialog::exported:
   * @file: the file written
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/ui/tp-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, sections_group);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, preview_label);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpReportDialog, pages_box);
}

static void
tp_report_dialog_init (TpReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = tp_output_dialog_get_settings (TP_OUTPUT_DIALOG (self));
  gtk_widget_set_size_request (GTK_WIDGET (self->preview_stack), PREVIEW_WIDTH * 1.5 + 48, -1);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_report_section_get_title (sections[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->sections_group, row);
      self->section_checks[i] = GTK_CHECK_BUTTON (check);
    }
  if (sections[0] == TP_REPORT_SECTION_COVER)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->section_checks[0]),
                                                                          ADW_TYPE_ACTION_ROW)),
                                 _("With the table of contents"));

  load_settings (self);
  update_rows (self);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    g_signal_connect_swapped (self->section_checks[i], "toggled", G_CALLBACK (on_choice_changed), self);
}

TpReportDialog *
tp_report_dialog_new (GtkWindow *parent,
                      TpJourney *journey)
{
  TpReportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  self = g_object_new (TP_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  self->journey = g_object_ref (journey);
  update_rows (self);
  schedule_preview (self);
  return self;
}
