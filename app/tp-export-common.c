/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-export-common.h"

/* What the export and report dialogs share: both save one file, chosen
 * the same way, and build their options from the same kind of rows. */

/* A modal save dialog for one format: filtered on @mime_type, named after
 * the format selected in @format_row (or @fallback_filter_name), offering
 * @current_name in the folder last exported to ("recent-export-folder"
 * in @settings) while that still exists. The caller connects "response"
 * and shows it. */
GtkFileChooserNative *
tp_export_chooser_new (GtkWindow   *parent,
                       const char  *title,
                       const char  *current_name,
                       const char  *mime_type,
                       AdwComboRow *format_row,
                       const char  *fallback_filter_name,
                       GSettings   *settings)
{
  g_autofree char *folder_path = g_settings_get_string (settings, "recent-export-folder");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkStringObject *item = adw_combo_row_get_selected_item (format_row);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_SAVE,
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

/* A combo row of @items, its title with a mnemonic, added to @group. */
AdwComboRow *
tp_export_add_combo (AdwPreferencesGroup *group,
                     const char          *title,
                     const char * const  *items)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}
