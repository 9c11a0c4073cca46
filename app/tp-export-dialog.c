/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tp-export-common.h"
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
  AdwWindow parent_instance;

  TpJourney *journey;
  char *base_name;
  GSettings *settings;
  GCancellable *cancellable;     /* while exporting */
  GtkFileChooserNative *chooser;

  GtkWidget *export_button;
  GtkWidget *cancel_button;
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
  AdwActionRow *status_row;
  GtkSpinner *spinner;

  /* Sizes for the estimates under the size and scale rows. */
  double content_width;    /* with the title block */
  double content_height;
  double map_width;
  double map_height;
  double smallest_text;    /* document units */
};

G_DEFINE_FINAL_TYPE (TpExportDialog, tp_export_dialog, ADW_TYPE_WINDOW)

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

/* What the choices give, before exporting: the scale and smallest text
 * on paper, or the image size. */
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
      double margin = TP_MM_TO_PT (options.margin_mm);
      double smallest;

      if (options.paper == TP_PAPER_NATURAL)
        scale = MIN (1.0, MIN ((TP_EXPORT_MAX_PDF_PAGE - 1 - 2 * margin) / w,
                               (TP_EXPORT_MAX_PDF_PAGE - 1 - 2 * margin) / h));
      else
        {
          double w_mm, h_mm;

          tp_paper_get_size_mm (options.paper, options.orientation, 0, 0, &w_mm, &h_mm);
          scale = MIN ((TP_MM_TO_PT (w_mm) - 2 * margin) / w, (TP_MM_TO_PT (h_mm) - 2 * margin) / h);
        }
      smallest = self->smallest_text * scale;
      if (smallest < TP_EXPORT_MIN_READABLE_PT - 0.05)
        /* Translators: the scale in percent and the smallest text size in points */
        text = g_strdup_printf (_("Scale %.0f %%, smallest text %.1f pt: may be hard to read"),
                                scale * 100, smallest);
      else
        text = g_strdup_printf (_("Scale %.0f %%, smallest text %.1f pt"), scale * 100, smallest);
      adw_preferences_group_set_description (self->page_group, text);
    }
  tp_export_options_clear (&options);
}

/* One place decides what is visible and sensitive. */
static void
update_rows (TpExportDialog *self)
{
  TpExportFormat format = selected_format (self);
  gboolean busy = self->cancellable != NULL;
  gboolean poster = paper_is_poster (self);

  gtk_widget_set_visible (GTK_WIDGET (self->page_group), format == TP_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->image_group), format == TP_EXPORT_FORMAT_PNG);
  gtk_widget_set_sensitive (self->tile_row, poster);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sheet_row), poster && gtk_switch_get_active (self->tile_switch));
  gtk_widget_set_sensitive (GTK_WIDGET (self->orientation_row),
                            adw_combo_row_get_selected (self->paper_row) != 0);
  gtk_widget_set_sensitive (self->export_button, !busy);
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
show_status (TpExportDialog *self,
             const char     *text,
             gboolean        busy,
             gboolean        is_error)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), text != NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_row), "error");
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  update_rows (self);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Cancel"));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, NULL, FALSE, FALSE);
      else
        show_status (self, error->message, FALSE, TRUE);
      return;
    }

  show_status (self, NULL, FALSE, FALSE);
  g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file, job->report.warning);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
tp_export_dialog_export_to_file (TpExportDialog *self,
                                 GFile          *file)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  save_settings (self, file);

  job = g_new0 (ExportJob, 1);
  job->journey = tp_journey_snapshot (self->journey);
  get_options (self, &job->options);
  job->file = g_object_ref (file);

  self->cancellable = g_cancellable_new ();
  update_rows (self);
  show_status (self, _("Exporting…"), TRUE, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Stop"));

  task = g_task_new (self, self->cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, tp_export_dialog_export_to_file);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
tp_export_dialog_is_busy (TpExportDialog *self)
{
  g_return_val_if_fail (TP_IS_EXPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

/* -------------------------------------------------------- file and buttons */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     TpExportDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    tp_export_dialog_export_to_file (self, file);
}

static void
on_export_clicked (TpExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1);
  g_autofree char *name = g_strconcat (self->base_name, formats[format].extension, NULL);

  if (self->chooser != NULL)
    return;

  self->chooser = tp_export_chooser_new (GTK_WINDOW (self), _("Export Journey"), name,
                                         formats[format].mime_type, self->format_row,
                                         formats[format].nick, self->settings);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_cancel_clicked (TpExportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ------------------------------------------------------------- building */

static GtkSwitch *
add_switch (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            GtkWidget          **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  if (row_out != NULL)
    *row_out = row;
  return GTK_SWITCH (toggle);
}

static void
tp_export_dialog_dispose (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->journey);
  g_clear_object (&self->settings);

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

  object_class->dispose = tp_export_dialog_dispose;
  object_class->finalize = tp_export_dialog_finalize;

  /**
   * TpExportDialog::exported:
   * @file: the file written
   * @warning: (nullable): what the user should know (small text, a
   *   scaled-down image), translated
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_export_dialog_init (TpExportDialog *self)
{
  const char *format_names[] = { _("PDF Document"), _("PNG Image"), _("SVG Drawing"), NULL };
  const char *paper_names[] = { _("Natural Size"), _("A4"), _("A3"), _("Letter"),
                                _("A2 Poster"), _("A1 Poster"), _("A0 Poster"), NULL };
  const char *orientation_names[] = { _("Landscape"), _("Portrait"), NULL };
  const char *sheet_names[] = { _("A4"), _("A3"), _("Letter"), NULL };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *group;
  GtkWidget *row;

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_title (GTK_WINDOW (self), _("Export"));
  gtk_window_set_default_size (GTK_WINDOW (self), 480, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->export_button);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  self->format_row = tp_export_add_combo (group, _("_Format"), format_names);
  self->status_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_action_row_add_suffix (self->status_row, GTK_WIDGET (self->spinner));
  gtk_widget_set_visible (GTK_WIDGET (self->status_row), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->status_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  self->page_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->page_group, _("Page"));
  self->paper_row = tp_export_add_combo (self->page_group, _("_Size"), paper_names);
  self->orientation_row = tp_export_add_combo (self->page_group, _("_Orientation"), orientation_names);
  self->tile_switch = add_switch (self->page_group, _("Print on _Sheets"),
                                  _("Cut marks, glue strips and an overview page for putting the poster together"),
                                  &self->tile_row);
  self->sheet_row = tp_export_add_combo (self->page_group, _("Sheet Si_ze"), sheet_names);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->page_group);

  self->image_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->image_group, _("Image"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Sc_ale"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Pixels per point of the map"));
  self->scale_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 4, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->scale_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->scale_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->scale_spin));
  adw_preferences_group_add (self->image_group, row);
  self->transparent_switch = add_switch (self->image_group, _("_Transparent Background"), NULL, NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->image_group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Content"));
  self->title_block_switch = add_switch (group, _("T_itle Block"),
                                         _("Title, persona, scope, date and a legend above the map"), NULL);
  self->employee_switch = add_switch (group, _("E_mployee Layer"),
                                      _("Employee lanes, blockers and enablers"), NULL);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  load_settings (self);
  update_rows (self);

  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->tile_switch, "notify::active", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->orientation_row, "notify::selected", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->scale_spin, "value-changed", G_CALLBACK (update_rows), self);
  g_signal_connect_swapped (self->title_block_switch, "notify::active", G_CALLBACK (update_rows), self);
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
    g_autoptr(TpExportPainter) painter = NULL;
    TpExportOptions options;

    tp_export_options_init (&options);
    options.title_block = TRUE;
    painter = tp_export_painter_new (journey, &options, NULL);
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
