/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-output-dialog.h"

typedef struct
{
  GSettings *settings;
  GCancellable *cancellable;     /* while exporting */
  GtkFileChooserNative *chooser;

  GtkWidget *cancel_button;
  GtkWidget *content_box;
  GtkWidget *options_page;
  AdwActionRow *status_row;
  GtkSpinner *spinner;
  GtkWidget *preview_separator;
} TpOutputDialogPrivate;

static void tp_output_dialog_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (TpOutputDialog, tp_output_dialog, ADW_TYPE_WINDOW,
                         G_ADD_PRIVATE (TpOutputDialog)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, tp_output_dialog_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* ----------------------------------------------------------------- status */

static void
set_status (TpOutputDialog *self,
            const char     *text,
            gboolean        busy,
            gboolean        is_error)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (priv->status_row), text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (priv->status_row), text != NULL);
  gtk_spinner_set_spinning (priv->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), busy);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (priv->status_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (priv->status_row), "error");
}

void
tp_output_dialog_show_status (TpOutputDialog *self,
                              const char     *text,
                              gboolean        is_error)
{
  g_return_if_fail (TP_IS_OUTPUT_DIALOG (self));
  set_status (self, text, FALSE, is_error);
}

GCancellable *
tp_output_dialog_begin (TpOutputDialog *self,
                        const char     *status)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  g_return_val_if_fail (TP_IS_OUTPUT_DIALOG (self), NULL);
  g_return_val_if_fail (priv->cancellable == NULL, NULL);

  priv->cancellable = g_cancellable_new ();
  set_status (self, status, TRUE, FALSE);
  gtk_button_set_label (GTK_BUTTON (priv->cancel_button), _("_Stop"));
  return priv->cancellable;
}

void
tp_output_dialog_end (TpOutputDialog *self)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  g_return_if_fail (TP_IS_OUTPUT_DIALOG (self));

  g_clear_object (&priv->cancellable);
  set_status (self, NULL, FALSE, FALSE);
  gtk_button_set_label (GTK_BUTTON (priv->cancel_button), _("_Cancel"));
}

gboolean
tp_output_dialog_is_busy (TpOutputDialog *self)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  g_return_val_if_fail (TP_IS_OUTPUT_DIALOG (self), FALSE);
  return priv->cancellable != NULL;
}

GSettings *
tp_output_dialog_get_settings (TpOutputDialog *self)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  g_return_val_if_fail (TP_IS_OUTPUT_DIALOG (self), NULL);
  return priv->settings;
}

/* ---------------------------------------------------------------- actions */

/* A modal save dialog for one format: filtered on @mime_type, named after
 * the format selected in @format_row (or @fallback_filter_name), offering
 * @current_name in the folder last exported to ("recent-export-folder")
 * while that still exists. */
GtkFileChooserNative *
tp_output_dialog_new_chooser (TpOutputDialog *self,
                              const char     *title,
                              const char     *current_name,
                              const char     *mime_type,
                              AdwComboRow    *format_row,
                              const char     *fallback_filter_name)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);
  g_autofree char *folder_path = g_settings_get_string (priv->settings, "recent-export-folder");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkStringObject *item = adw_combo_row_get_selected_item (format_row);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_set_name (filter, item != NULL ? gtk_string_object_get_string (item) : fallback_filter_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  if (folder_path[0] != '\0' && g_file_test (folder_path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  return chooser;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     TpOutputDialog  *self)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&priv->chooser);
  if (file != NULL)
    TP_OUTPUT_DIALOG_GET_CLASS (self)->export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpOutputDialog *self = TP_OUTPUT_DIALOG (widget);
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  if (priv->chooser != NULL)
    return;

  priv->chooser = TP_OUTPUT_DIALOG_GET_CLASS (self)->create_chooser (self);
  g_signal_connect (priv->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (priv->chooser));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (TP_OUTPUT_DIALOG (widget));

  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  else
    gtk_window_close (GTK_WINDOW (widget));
}

/* -------------------------------------------------------------- buildable */

static void
tp_output_dialog_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (TP_OUTPUT_DIALOG (buildable));

  if (g_strcmp0 (type, "option") == 0)
    {
      /* The status row stays last. */
      GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (priv->status_row));

      gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (child),
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (priv->status_row)));
    }
  else if (g_strcmp0 (type, "options") == 0)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (priv->options_page), ADW_PREFERENCES_GROUP (child));
  else if (g_strcmp0 (type, "preview") == 0)
    {
      /* Beside a preview, the options keep their width. */
      gtk_widget_set_size_request (priv->options_page, 360, -1);
      gtk_widget_set_visible (priv->preview_separator, TRUE);
      gtk_box_append (GTK_BOX (priv->content_box), GTK_WIDGET (child));
    }
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
tp_output_dialog_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = tp_output_dialog_add_child;
}

/* ------------------------------------------------------------------ class */

static void
tp_output_dialog_dispose (GObject *object)
{
  TpOutputDialog *self = TP_OUTPUT_DIALOG (object);
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  if (priv->cancellable != NULL)
    g_cancellable_cancel (priv->cancellable);
  if (priv->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (priv->chooser));
  g_clear_object (&priv->chooser);
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->settings);

  G_OBJECT_CLASS (tp_output_dialog_parent_class)->dispose (object);
}

static void
tp_output_dialog_class_init (TpOutputDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_output_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/ui/tp-output-dialog.ui");
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, cancel_button);
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, content_box);
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, options_page);
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, status_row);
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, spinner);
  gtk_widget_class_bind_template_child_private (widget_class, TpOutputDialog, preview_separator);

  gtk_widget_class_install_action (widget_class, "output.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "output.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_output_dialog_init (TpOutputDialog *self)
{
  TpOutputDialogPrivate *priv = tp_output_dialog_get_instance_private (self);

  priv->settings = g_settings_new (APP_ID);
  gtk_widget_init_template (GTK_WIDGET (self));
}
