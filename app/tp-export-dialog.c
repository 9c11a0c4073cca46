/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tp-export-dialog.h"
#include "tp-export.h"

/* Rows in the order of the combo rows' string lists. */
static const struct {
  TpExportFormat format;
  const char    *nick;
  const char    *extension;
  const char    *mime_type;
} formats[] = {
  { TP_EXPORT_FORMAT_PDF, "pdf", ".pdf", "application/pdf" },
  { TP_EXPORT_FORMAT_PNG, "png", ".png", "image/png" },
  { TP_EXPORT_FORMAT_SVG, "svg", ".svg", "image/svg+xml" },
};

static const char *papers[] = { "natural", "a4", "a3", "letter", "a2", "a1", "a0" };
static const char *orientations[] = { "landscape", "portrait" };
static const char *sheets[] = { "a4", "a3", "letter" };

struct _TpExportDialog
{
  TpOutputDialog parent_instance;

  TpJourney *journey;
  char *base_name;
  GSettings *settings;           /* the base class's */

  AdwComboRow *format_row;
  AdwPreferencesGroup *page_group;
  AdwComboRow *paper_row;
  AdwComboRow *orientation_row;
  GtkSwitch *tile_switch;
  GtkWidget *tile_row;
  AdwComboRow *sheet_row;
  AdwPreferencesGroup *image_group;
  GtkSpinButton *scale_spin;
  GtkSwitch *transparent_switch;
  GtkSwitch *title_block_switch;
  GtkSwitch *employee_switch;

  /* Sizes for the estimates under the size and scale rows. */
  double content_width;    /* with the title block */
  double content_height;
  double map_width;
  double map_height;
  double smallest_text;    /* document units */
  /* The content with and without the title block, for planning pages and
   * sheets as the export will; the second is made when first needed. */
  TpExportPainter *painters[2];
};

G_DEFINE_FINAL_TYPE (TpExportDialog, tp_export_dialog, TP_TYPE_OUTPUT_DIALOG)

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
index_of (const char  *value,
          const char **values,
          guint        n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (g_strcmp0 (value, values[i]) == 0)
      return i;
  return 0;
}

/* ---------------------------------------------------------------- options */

static TpExportFormat
selected_format (TpExportDialog *self)
{
  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)].format;
}

static gboolean
paper_is_poster (TpExportDialog *self)
{
  TpPaper paper = TP_PAPER_NATURAL;

  tp_paper_from_string (papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)],
                        &paper);
  return paper == TP_PAPER_A2 || paper == TP_PAPER_A1 || paper == TP_PAPER_A0;
}

static void
get_options (TpExportDialog  *self,
             TpExportOptions *options)
{
  tp_export_options_init (options);
  /* The core reads no environment: these are the user's say here. */
  options->use_cairo_pdf = g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0;
  options->creation_date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));
  options->format = selected_format (self);
  tp_paper_from_string (papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)],
                        &options->paper);
  options->orientation = adw_combo_row_get_selected (self->orientation_row) == 1
                         ? TP_ORIENTATION_PORTRAIT : TP_ORIENTATION_LANDSCAPE;
  options->tile = options->format == TP_EXPORT_FORMAT_PDF && paper_is_poster (self)
                  && gtk_switch_get_active (self->tile_switch);
  tp_paper_from_string (sheets[MIN (adw_combo_row_get_selected (self->sheet_row), G_N_ELEMENTS (sheets) - 1)],
                        &options->tile_paper);
  options->scale = gtk_spin_button_get_value (self->scale_spin);
  options->transparent = options->format != TP_EXPORT_FORMAT_PDF
                         && gtk_switch_get_active (self->transparent_switch);
  options->title_block = gtk_switch_get_active (self->title_block_switch);
  options->show_employee_overlay = gtk_switch_get_active (self->employee_switch);
}

static void
save_settings (TpExportDialog *self,
               GFile          *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_path = folder != NULL ? g_file_get_path (folder) : NULL;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-export-format",
                         formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)].nick);
  if (folder_path != NULL)
    g_settings_set_string (self->settings, "recent-export-folder", folder_path);
  g_settings_set_string (self->settings, "export-paper",
                         papers[MIN (adw_combo_row_get_selected (self->paper_row), G_N_ELEMENTS (papers) - 1)]);
  g_settings_set_string (self->settings, "export-orientation",
                         orientations[MIN (adw_combo_row_get_selected (self->orientation_row), 1)]);
  g_settings_set_boolean (self->settings, "export-tile", gtk_switch_get_active (self->tile_switch));
  g_settings_set_string (self->settings, "export-tile-paper",
                         sheets[MIN (adw_combo_row_get_selected (self->sheet_row), G_N_ELEMENTS (sheets) - 1)]);
  g_settings_set_int (self->settings, "export-png-scale", gtk_spin_button_get_value_as_int (self->scale_spin));
  g_settings_set_boolean (self->settings, "export-transparent", gtk_switch_get_active (self->transparent_switch));
  g_settings_set_boolean (self->settings, "export-title-block", gtk_switch_get_active (self->title_block_switch));
  g_settings_set_boolean (self->settings, "export-employee-layer", gtk_switch_get_active (self->employee_switch));
  g_settings_apply (self->settings);
}

static void
load_settings (TpExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "last-export-format");
  g_autofree char *paper = g_settings_get_string (self->settings, "export-paper");
  g_autofree char *orientation = g_settings_get_string (self->settings, "export-orientation");
  g_autofree char *sheet = g_settings_get_string (self->settings, "export-tile-paper");
  guint format_index = 0;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (format, formats[i].nick) == 0)
      format_index = i;

  adw_combo_row_set_selected (self->format_row, format_index);
  adw_combo_row_set_selected (self->paper_row, index_of (paper, papers, G_N_ELEMENTS (papers)));
  adw_combo_row_set_selected (self->orientation_row,
                              index_of (orientation, orientations, G_N_ELEMENTS (orientations)));
  adw_combo_row_set_selected (self->sheet_row, index_of (sheet, sheets, G_N_ELEMENTS (sheets)));
  gtk_switch_set_active (self->tile_switch, g_settings_get_boolean (self->settings, "export-tile"));
  gtk_spin_button_set_value (self->scale_spin, g_settings_get_int (self->settings, "export-png-scale"));
  gtk_switch_set_active (self->transparent_switch, g_settings_get_boolean (self->settings, "export-transparent"));
  gtk_switch_set_active (self->title_block_switch, g_settings_get_boolean (self->settings, "export-title-block"));
  gtk_switch_set_active (self->employee_switch, g_settings_get_boolean (self->settings, "export-employee-layer"));
}

static TpExportPainter *
get_painter (TpExportDialog *self,
             gboolean        title_block)
{
  if (self->painters[title_block] == NULL)
    {
      TpExportOptions options;

      tp_export_options_init (&options);
      options.title_block = title_block;
      self->painters[title_block] = tp_export_painter_new (self->journey, &options, NULL);
      tp_export_options_clear (&options);
    }
  return self->painters[title_block];
}

/* What the choices give, before exporting: the scale and smallest text
 * on paper, the sheets of a poster, or the image size. */
static void
update_estimates (TpExportDialog *self)
{
  TpExportOptions options;
  double w, h, scale;
  g_autofree char *text = NULL;

  if (self->smallest_text <= 0)
    return;

  get_options (self, &options);
  w = options.title_block ? self->content_width : self->map_width;
  h = options.title_block ? self->content_height : self->map_height;

  if (options.format == TP_EXPORT_FORMAT_PNG)
    {
      double limit = MIN (MIN (TP_EXPORT_MAX_PNG_SIDE / w, TP_EXPORT_MAX_PNG_SIDE / h),
                          sqrt (TP_EXPORT_MAX_PNG_PIXELS / (w * h)));

      scale = MIN (options.scale, limit);
      if (scale < options.scale)
        /* Translators: the size of the exported image */
        text = g_strdup_printf (_("%d × %d pixels (scaled down: the largest image Touchpoint writes)"),
                                (int) ceil (w * scale - 0.001), (int) ceil (h * scale - 0.001));
      else
        text = g_strdup_printf (_("%d × %d pixels"), (int) ceil (w * scale - 0.001), (int) ceil (h * scale - 0.001));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->scale_spin),
                                                                            ADW_TYPE_ACTION_ROW)), text);
    }
  else if (options.format == TP_EXPORT_FORMAT_PDF)
    {
      TpExportPainter *painter = get_painter (self, options.title_block);
      TpExportReport report = { 0 };
      g_autoptr(GError) error = NULL;

      if (painter == NULL || !tp_export_painter_estimate (painter, &options, &report, &error))
        text = g_strdup (error != NULL ? error->message : "");
      else if (report.n_sheets > 1)
        /* Translators: before exporting a poster on sheets: how many sheets
         * are printed, the grid, the scale and the smallest text */
        text = g_strdup_printf (_("%u sheets to print (%u × %u, blank ones left out) and an overview "
                                  "page; scale %.0f %%, smallest text %.1f pt"),
                                report.n_sheets, report.columns, report.rows, report.scale * 100,
                                report.smallest_text_pt);
      else if (report.smallest_text_pt < TP_EXPORT_MIN_READABLE_PT - 0.05)
        /* Translators: the scale in percent and the smallest text size in points */
        text = g_strdup_printf (_("Scale %.0f %%, smallest text %.1f pt: may be hard to read"),
                                report.scale * 100, report.smallest_text_pt);
      else
        text = g_strdup_printf (_("Scale %.0f %%, smallest text %.1f pt"), report.scale * 100,
                                report.smallest_text_pt);
      tp_export_report_clear (&report);
      adw_preferences_group_set_description (self->page_group, text);
    }
  tp_export_options_clear (&options);
}

/* One place decides what is visible and sensitive. */
static void
update_rows (TpExportDialog *self)
{
  TpExportFormat format = selected_format (self);
  gboolean busy = tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self));
  gboolean poster = paper_is_poster (self);

  gtk_widget_set_visible (GTK_WIDGET (self->page_group), format == TP_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->image_group), format == TP_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (self->tile_row, poster);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_row), poster && gtk_switch_get_active (self->tile_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row),
                            adw_combo_row_get_selected (self->paper_row) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "output.export", !busy);
  update_estimates (self);
}

/* ----------------------------------------------------------------- export */

typedef struct {
  TpJourney       *journey;   /* a snapshot: the user may edit meanwhile */
  TpExportOptions  options;
  GFile           *file;
  TpExportReport   report;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->journey);
  tp_export_options_clear (&job->options);
  tp_export_report_clear (&job->report);
  g_object_unref (job->file);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  TpJourney *journey = job->journey;
  g_autoptr(GError) error = NULL;

  if ((!job->options.show_employee_overlay
          && !tp_export_options_set_layers (&job->options, journey, "no-employee", &error))
      || !tp_export_to_file (journey, job->file, &job->options, &job->report, cancellable, &error))
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
  TpExportDialog *self = TP_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  tp_output_dialog_end (TP_OUTPUT_DIALOG (self));
  update_rows (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        tp_output_dialog_show_status (TP_OUTPUT_DIALOG (self), error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file, job->report.warning);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
tp_export_dialog_export_to_file (TpExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  GCancellable *cancellable;
  ExportJob *job;

  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self)));

  save_settings (self, file);

  job = g_new0 (ExportJob, 1);
  job->journey = tp_journey_snapshot (self->journey);
  get_options (self, &job->options);
  job->file = g_object_ref (file);

  cancellable = tp_output_dialog_begin (TP_OUTPUT_DIALOG (self), _("Exporting…"));
  update_rows (self);

  task = g_task_new (self, cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, tp_export_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tp_export_dialog_is_busy (TpExportDialog *self)
{
  g_return_val_if_fail (TP_IS_EXPORT_DIALOG (self), FALSE);
  return tp_output_dialog_is_busy (TP_OUTPUT_DIALOG (self));
}

/* -------------------------------------------------------- file and buttons */

static GtkFileChooserNative *
tp_export_dialog_create_chooser (TpOutputDialog *dialog)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (dialog);
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
  g_autofree char *name = g_strconcat (self->base_name, formats[format].extension, NULL);

  return tp_output_dialog_new_chooser (dialog, _("Export Journey"), name, formats[format].mime_type,
                                       self->format_row, formats[format].nick);
}

static void
tp_export_dialog_export_to_file_vfunc (TpOutputDialog *dialog,
                                       GFile          *file)
{
  tp_export_dialog_export_to_file (TP_EXPORT_DIALOG (dialog), file);
}

/* ------------------------------------------------------------- building */

static void
tp_export_dialog_dispose (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->painters); i++)
    g_clear_pointer (&self->painters[i], tp_export_painter_free);
  g_clear_object (&self->journey);

  G_OBJECT_CLASS (tp_export_dialog_parent_class)->dispose (object);
}

static void
tp_export_dialog_finalize (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  g_free (self->base_name);

  G_OBJECT_CLASS (tp_export_dialog_parent_class)->finalize (object);
}

static void
tp_export_dialog_class_init (TpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TpOutputDialogClass *output_class = TP_OUTPUT_DIALOG_CLASS (klass);

  object_class->dispose = tp_export_dialog_dispose;
  object_class->finalize = tp_export_dialog_finalize;
  output_class->create_chooser = tp_export_dialog_create_chooser;
  output_class->export_to_file = tp_export_dialog_export_to_file_vfunc;

  /**
   * TpExportDialog::exported:
   * @file: the file written
   * @warning: (nullable): what the user should know (small text, a
   *   scaled-down image), translated
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/ui/tp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, page_group);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, orientation_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, tile_switch);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, tile_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, title_block_switch);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, employee_switch);
  gtk_widget_class_bind_template_callback (widget_class, update_rows);
}

static void
tp_export_dialog_init (TpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = tp_output_dialog_get_settings (TP_OUTPUT_DIALOG (self));

  load_settings (self);
  update_rows (self);
}

TpExportDialog *
tp_export_dialog_new (GtkWindow  *parent,
                      TpJourney  *journey,
                      const char *base_name)
{
  TpExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  self = g_object_new (TP_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->journey = g_object_ref (journey);
  self->base_name = g_strdup (base_name != NULL && base_name[0] != '\0' ? base_name : _("Journey"));

  /* One layout, measured once, for the estimates. */
  {
    TpExportPainter *painter = get_painter (self, TRUE);

    if (painter != NULL)
      {
        tp_export_painter_get_size (painter, &self->content_width, &self->content_height);
        tp_export_painter_get_map_size (painter, &self->map_width, &self->map_height);
        self->smallest_text = tp_export_painter_get_smallest_text (painter);
      }
  }
  update_rows (self);
  return self;
}

void
tp_export_dialog_set_employee_layer (TpExportDialog *self,
                                     gboolean        show)
{
  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  gtk_switch_set_active (self->employee_switch, show);
}

gboolean
tp_export_dialog_get_employee_layer (TpExportDialog *self)
{
  g_return_val_if_fail (TP_IS_EXPORT_DIALOG (self), FALSE);
  return gtk_switch_get_active (self->employee_switch);
}
