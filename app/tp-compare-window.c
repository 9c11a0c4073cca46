/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tp-application.h"
#include "tp-compare-window.h"
#include "tp-export.h"
#include "tp-file-save.h"
#include "tp-journey-format.h"

struct _TpCompareWindow
{
  AdwWindow       parent_instance;

  TpComparePage  *page;
  GtkWidget      *area;
  AdwToastOverlay *toasts;
  GArray         *drawn;   /* TpCompareItem of the last frame */
  char           *basename; /* for the suggested export name */
};

G_DEFINE_FINAL_TYPE (TpCompareWindow, tp_compare_window, ADW_TYPE_WINDOW)

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ view */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  TpCompareWindow *self = user_data;
  double page_width;

  tp_compare_page_get_size (self->page, &page_width, NULL);
  /* The page at 100 %, centred when the window is wider. */
  cairo_translate (cr, MAX (0, floor ((width - page_width) / 2)), 0);
  tp_compare_page_draw (self->page, cr, self->drawn);
}

/* ---------------------------------------------------------------- export */

gboolean
tp_compare_window_export_to_file (TpCompareWindow  *self,
                                  GFile            *file,
                                  GError          **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GDateTime) date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));
  TpCompareFormat format = TP_COMPARE_FORMAT_PDF;

  g_return_val_if_fail (TP_IS_COMPARE_WINDOW (self), FALSE);

  /* A name without .png is a PDF: the chooser's first filter. */
  tp_compare_format_from_filename (name, &format);
  return tp_compare_page_export_to_file (self->page, file, format, 2, date,
                                         g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0,
                                         NULL, error);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    TpCompareWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (!tp_compare_window_export_to_file (self, file, &error))
    show_error (GTK_WINDOW (self), _("Could not export the comparison"), error->message);
  else
    {
      AdwToast *toast = adw_toast_new (_("Exported the comparison"));

      adw_toast_set_timeout (toast, 2);
      adw_toast_overlay_add_toast (self->toasts, toast);
    }
}

static void
export_clicked (TpCompareWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Comparison"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_filter_set_name (png, _("PNG images"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  /* Translators: the suggested file name of an exported comparison; %s is
   * the journey's file name without its extension */
  name = g_strdup_printf (_("%s comparison.pdf"), self->basename);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---------------------------------------------------------------- window */

static void
tp_compare_window_finalize (GObject *object)
{
  TpCompareWindow *self = TP_COMPARE_WINDOW (object);

  g_clear_pointer (&self->page, tp_compare_page_unref);
  g_clear_pointer (&self->drawn, g_array_unref);
  g_free (self->basename);
  G_OBJECT_CLASS (tp_compare_window_parent_class)->finalize (object);
}

static void
tp_compare_window_class_init (TpCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tp_compare_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_compare_window_init (TpCompareWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->drawn = tp_compare_items_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("As-is against to-be"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1080, 820);

  gtk_widget_set_tooltip_text (export, _("Export the comparison as PDF or PNG"));
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect_swapped (export, "clicked", G_CALLBACK (export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (box), header);

  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Comparison of the as-is and the to-be"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->area);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

TpCompareWindow *
tp_compare_window_new (GtkWindow *parent,
                       TpJourney *journey,
                       TpJourney *other)
{
  TpCompareWindow *self;
  gboolean swap;
  double width, height;
  const char *title;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (other), NULL);

  self = g_object_new (TP_TYPE_COMPARE_WINDOW, NULL);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  swap = tp_compare_other_is_before (journey, other);
  self->page = tp_compare_page_new (swap ? other : journey, swap ? journey : other);
  title = tp_journey_get_title (journey);
  self->basename = g_strdup (*title != '\0' ? title : _("Journey"));
  g_strdelimit (self->basename, "/\\:*?\"<>|", '-');

  tp_compare_page_get_size (self->page, &width, &height);
  gtk_widget_set_size_request (self->area, (int) ceil (width), (int) ceil (height));
  return self;
}

TpComparePage *
tp_compare_window_get_page (TpCompareWindow *self)
{
  g_return_val_if_fail (TP_IS_COMPARE_WINDOW (self), NULL);
  return self->page;
}

GArray *
tp_compare_window_get_drawn_items (TpCompareWindow *self)
{
  g_return_val_if_fail (TP_IS_COMPARE_WINDOW (self), NULL);
  return self->drawn;
}

/* --------------------------------------------------------- Compare With… */

typedef struct {
  GtkWindow *parent;
  TpJourney *journey;  /* a snapshot: the window's journey as it was asked */
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->journey);
  g_free (data);
}

static void
compare_with_file (GtkWindow *parent,
                   TpJourney *journey,
                   GFile     *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) other = tp_journey_format_load_file (file, NULL, &error);

  if (other == NULL)
    {
      show_error (parent, _("Could not open the journey to compare with"), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (tp_compare_window_new (parent, journey, other)));
}

static void
on_choose_response (GtkNativeDialog *chooser,
                    int              response,
                    ChooseData      *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    compare_with_file (data->parent, data->journey, file);
  choose_data_free (data);
  g_object_unref (chooser);
}

void
tp_compare_window_choose (GtkWindow *parent,
                          TpJourney *journey,
                          GFile     *other_file)
{
  g_autoptr(TpJourney) snapshot = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (TP_IS_JOURNEY (journey));

  snapshot = tp_journey_snapshot (journey);
  if (other_file != NULL)
    {
      compare_with_file (parent, snapshot, other_file);
      return;
    }

  data = g_new0 (ChooseData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->journey = g_steal_pointer (&snapshot);
  chooser = gtk_file_chooser_native_new (_("Compare With"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("C_ompare"), _("_Cancel"));
  tp_application_add_file_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_choose_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------- Save as To-Be… */

gboolean
tp_compare_write_to_be (TpJourney  *journey,
                        GFile      *file,
                        GError    **error)
{
  g_autoptr(TpJourney) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  const char *old_title;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* A copy: the as-is, in the window and on disk, stays as it is. */
  copy = tp_journey_snapshot (journey);
  old_title = tp_journey_get_title (copy);
  /* Translators: the title of a to-be made from an as-is by Save as To-Be;
   * %s is the as-is's title */
  title = g_strdup_printf (_("%s (to-be)"), *old_title != '\0' ? old_title : _("Untitled journey"));
  g_object_set (copy, "state", TP_JOURNEY_STATE_TO_BE, "title", title, NULL);
  bytes = tp_journey_format_write (copy);
  return tp_file_replace_atomically (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE,
                                     NULL, NULL, NULL, error);
}

typedef struct {
  GtkWindow    *parent;
  GApplication *application;
  TpJourney    *journey;
  GFile        *as_is_file; /* or NULL */
} ToBeData;

static void
to_be_data_free (ToBeData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->application);
  g_clear_object (&data->journey);
  g_clear_object (&data->as_is_file);
  g_free (data);
}

static void
save_to_be (ToBeData *data,
            GFile    *file)
{
  g_autoptr(GError) error = NULL;

  /* Never over the as-is: that is the point of a to-be. */
  if (data->as_is_file != NULL && g_file_equal (file, data->as_is_file))
    {
      show_error (data->parent, _("Could not save the to-be"),
                  _("The to-be needs a file of its own: choose another name than the as-is’s."));
      return;
    }
  if (!tp_compare_write_to_be (data->journey, file, &error))
    {
      show_error (data->parent, _("Could not save the to-be"), error->message);
      return;
    }
  /* Opened as any file: a new window, in the recently used files. */
  if (data->application != NULL)
    {
      if (TP_IS_APPLICATION (data->application))
        tp_application_add_recent_file (TP_APPLICATION (data->application), file);
      g_application_open (data->application, &file, 1, "");
    }
}

static void
on_to_be_response (GtkNativeDialog *chooser,
                   int              response,
                   ToBeData        *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    save_to_be (data, file);
  to_be_data_free (data);
  g_object_unref (chooser);
}

void
tp_compare_save_as_to_be (GtkWindow    *parent,
                          GApplication *application,
                          TpDocument   *document,
                          GFile        *file)
{
  ToBeData *data;
  GtkFileChooserNative *chooser;
  GFile *as_is_file;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;

  g_return_if_fail (TP_IS_DOCUMENT (document));

  data = g_new0 (ToBeData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->application = application != NULL ? g_object_ref (application) : NULL;
  data->journey = tp_journey_snapshot (tp_document_get_journey (document));
  as_is_file = tp_document_get_file (document);
  data->as_is_file = as_is_file != NULL ? g_object_ref (as_is_file) : NULL;
  if (file != NULL)
    {
      save_to_be (data, file);
      to_be_data_free (data);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save as To-Be"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  tp_application_add_file_filters (GTK_FILE_CHOOSER (chooser));
  /* Next to the as-is, as "NAME (to-be).journey". */
  stem = tp_document_dup_display_name (document);
  if (g_str_has_suffix (stem, ".journey"))
    stem[strlen (stem) - strlen (".journey")] = '\0';
  g_strdelimit (stem, "/\\:*?\"<>|", '-');
  /* Translators: the suggested file name of a to-be; %s is the as-is's
   * file name without its extension */
  name = g_strdup_printf (_("%s (to-be).journey"), stem);
  if (as_is_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (as_is_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_to_be_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
