/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-autosave.h"
#include "tp-findings.h"
#include "tp-canvas.h"
#include "tp-compare-window.h"
#include "tp-export-dialog.h"
#include "tp-export.h"
#include "tp-insights-panel.h"
#include "tp-inspector.h"
#include "tp-open-progress.h"
#include "tp-outline-view.h"
#include "tp-palette-view.h"
#include "tp-print.h"
#include "tp-render-backend.h"
#include "tp-renderer.h"
#include "tp-report-dialog.h"
#include "tp-presentation.h"
#include "tp-window.h"

struct _TpWindow
{
  AdwApplicationWindow parent_instance;

  TpDocument *document;
  /* Keeps a draft while there are unsaved changes; NULL outside the app. */
  TpAutosave *autosave;
  GSettings *settings;
  GtkFileChooserNative *save_chooser;
  AdwMessageDialog *close_dialog;

  /* Set while saving on the way to closing the window. */
  guint close_after_save : 1;

  /* Template children */
  AdwSplitButton *open_button;
  GtkButton *undo_button;
  GtkButton *redo_button;
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkBox *progress_box;
  TpOutlineView *outline_view;
  TpPaletteView *palette_view;
  TpCanvas *canvas;
  GtkMenuButton *zoom_button;
  GMenu *recent_submenu;
  GtkWidget *right_sidebar;
  GtkStack *sidebar_stack;
  GtkStackPage *insights_page;
  TpInspector *inspector;
  TpInsightsPanel *insights_panel;
  GMenu *department_section;

  /* The document's findings, analysed once for the panel, the canvas
   * marks and the tab label. */
  TpFindings *findings;
  /* The department filter, updated with the findings. */
  GSimpleActionGroup *department_actions;
  GPtrArray *departments;        /* display names, legend order */
  GHashTable *hidden_departments; /* keys */
};

G_DEFINE_FINAL_TYPE (TpWindow, tp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void save_to (TpWindow *self,
                     GFile    *file,
                     gboolean  overwrite_changes);

/* ------------------------------------------------------------ title, actions */

char *
tp_window_dup_folder_text (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);
  if (g_file_equal (parent, home))
    return g_strdup ("~");
  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (parent);
}

static void
tp_window_update_title (TpWindow *self)
{
  g_autofree char *name = tp_document_dup_display_name (self->document);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;
  GFile *file = tp_document_get_file (self->document);

  if (tp_document_get_modified (self->document))
    /* Translators: the title of a document with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (file != NULL)
    subtitle = tp_window_dup_folder_text (file);
  else
    subtitle = g_strdup (_("Not saved"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title: a document name and the app's name */
  window_title = g_strdup_printf (_("%s — Touchpoint"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* Enables the actions that depend on the document's state; the one place
 * that does so. */
static void
tp_window_update_actions (TpWindow *self)
{
  TpHistory *history = tp_document_get_history (self->document);
  gboolean can_undo = tp_history_can_undo (history);
  gboolean can_redo = tp_history_can_redo (history);
  const char *undo_label = tp_history_get_undo_label (history);
  const char *redo_label = tp_history_get_redo_label (history);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  if (can_undo && undo_label != NULL && *undo_label != '\0')
    /* Translators: tooltip of the Undo button, e.g. "Undo Change Score" */
    undo_tooltip = g_strdup_printf (_("Undo %s"), undo_label);
  else
    undo_tooltip = g_strdup (_("Undo"));

  if (can_redo && redo_label != NULL && *redo_label != '\0')
    /* Translators: tooltip of the Redo button, e.g. "Redo Change Score" */
    redo_tooltip = g_strdup_printf (_("Redo %s"), redo_label);
  else
    redo_tooltip = g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip);
}

/* ---------------------------------------------------------------- saving */

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/* Closes the window without asking, once the dialog that led here (whose
 * response handler may be running) has gone. */
static void
destroy_later (TpWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static void
show_save_error (TpWindow     *self,
                 const GError *error)
{
  g_autofree char *name = tp_document_dup_display_name (self->document);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, error->message);
  /* Translators: %s is a file or journey name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Save “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_changed_on_disk_response (AdwMessageDialog *dialog,
                             const char       *response,
                             TpWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "tp-file");

  if (g_str_equal (response, "overwrite"))
    save_to (self, file, TRUE);
  else
    self->close_after_save = FALSE;
}

static void
ask_overwrite_changes (TpWindow *self,
                       GFile    *file)
{
  g_autofree char *name = tp_document_dup_display_name (self->document);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("The file was changed by another program"),
                                   NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is a file name */
                                  _("“%s” was changed on disk after you opened it. "
                                    "Overwriting it replaces those changes with yours."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (file != NULL)
    g_object_set_data_full (G_OBJECT (dialog), "tp-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_changed_on_disk_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_document (TpWindow  *self,
               GFile     *file,
               gboolean   overwrite_changes,
               GError   **error)
{
  GtkApplication *app;
  AdwToast *toast;

  if (!tp_document_save (self->document, file, overwrite_changes, NULL, error))
    return FALSE;

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (TP_IS_APPLICATION (app))
    tp_application_add_recent_file (TP_APPLICATION (app), tp_document_get_file (self->document));

  toast = adw_toast_new (_("Saved"));
  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

/* Saves, reporting problems in dialogs; closes the window afterwards when
 * that was asked for. */
static void
save_to (TpWindow *self,
         GFile    *file,
         gboolean  overwrite_changes)
{
  g_autoptr(GError) error = NULL;

  if (save_document (self, file, overwrite_changes, &error))
    {
      if (self->close_after_save)
        destroy_later (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    {
      ask_overwrite_changes (self, file);
      return;
    }

  self->close_after_save = FALSE;
  show_save_error (self, error);
}

static void
on_save_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          TpWindow        *self)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->save_chooser);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  save_to (self, file, FALSE);
}

/* A file name from the journey title, without characters that file
 * systems refuse. */
static char *
dup_suggested_file_name (TpWindow *self)
{
  const char *title = tp_journey_get_title (tp_document_get_journey (self->document));
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled journey"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  g_strstrip (base);
  if (*base == '.' || *base == '\0')
    {
      g_free (base);
      base = g_strdup (_("Untitled journey"));
    }
  return g_strconcat (base, ".journey", NULL);
}

static void
tp_window_save_as (TpWindow *self)
{
  GFile *file = tp_document_get_file (self->document);
  GtkFileChooserNative *chooser;

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Journey"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  tp_application_add_file_filters (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *basename = g_file_get_basename (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), basename);
    }
  else
    {
      g_autofree char *name = dup_suggested_file_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  self->save_chooser = chooser;
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_save_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
tp_window_save (TpWindow *self)
{
  if (tp_document_get_file (self->document) == NULL)
    tp_window_save_as (self);
  else
    save_to (self, NULL, FALSE);
}

/* ---------------------------------------------------------------- actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_window_save (TP_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  tp_window_save_as (TP_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_document_undo (TP_WINDOW (widget)->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_document_redo (TP_WINDOW (widget)->document);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---------------------------------------------------------------- canvas */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  /* "win.zoom-in" -> "canvas.zoom-in" */
  g_autofree char *canvas_action = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self->canvas), canvas_action, NULL);
}

static void
on_canvas_zoom_changed (TpCanvas   *canvas,
                        GParamSpec *pspec,
                        TpWindow   *self)
{
  double zoom = tp_canvas_get_zoom (canvas);
  /* Translators: the zoom level in the header bar, e.g. "100 %" */
  g_autofree char *label = g_strdup_printf (_("%d %%"), (int) round (zoom * 100));

  gtk_menu_button_set_label (self->zoom_button, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < TP_CANVAS_MAX_ZOOM - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > TP_CANVAS_MIN_ZOOM + 1e-6);
}

/* The outline follows the canvas selection: it is the accessible list of
 * what the canvas draws. */
static void
on_canvas_selection_changed (TpCanvas *canvas,
                             TpWindow *self)
{
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (canvas);
  TpTouchpoint *touchpoint = NULL;

  if (self->inspector != NULL)
    tp_inspector_set_selection (self->inspector, selection);
  if (self->outline_view == NULL)
    return;
  for (guint i = 0; i < selection->len && touchpoint == NULL; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, i)))
      touchpoint = g_ptr_array_index (selection, i);
  tp_outline_view_select_touchpoint (self->outline_view, touchpoint);
}

/* ---------------------------------------------------------------- insights */

static void
on_finding_activated (TpInsightsPanel *panel,
                      TpFinding       *finding,
                      TpWindow        *self)
{
  /* The canvas selection follows, and with it the inspector; the
   * sidebar stays on the findings so the next one is a click away. */
  tp_canvas_select_ids (self->canvas, tp_finding_get_ids (finding));
}

static void
update_hidden_departments (TpWindow *self)
{
  g_autoptr(GHashTable) hidden = NULL;

  if (g_hash_table_size (self->hidden_departments) > 0)
    hidden = g_hash_table_ref (self->hidden_departments);
  tp_canvas_set_hidden_departments (self->canvas, hidden);
}

static void
on_department_action (GSimpleAction *action,
                      GVariant      *state,
                      TpWindow      *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "tp-index"));
  const char *name;
  g_autofree char *key = NULL;

  if (self->departments == NULL || index >= self->departments->len)
    return;
  name = g_ptr_array_index (self->departments, index);
  key = tp_department_key (name);
  if (key == NULL)
    return;

  g_simple_action_set_state (action, state);
  if (g_variant_get_boolean (state))
    g_hash_table_remove (self->hidden_departments, key);
  else
    g_hash_table_add (self->hidden_departments, g_steal_pointer (&key));
  {
    GAction *all = g_action_map_lookup_action (G_ACTION_MAP (self->department_actions), "all");

    g_simple_action_set_state (G_SIMPLE_ACTION (all),
                               g_variant_new_boolean (g_hash_table_size (self->hidden_departments) == 0));
  }
  update_hidden_departments (self);
}

static void
on_all_departments_action (GSimpleAction *action,
                           GVariant      *state,
                           TpWindow      *self)
{
  /* Checking "All" shows every department; unchecking it does nothing
   * (which departments would it hide?). */
  if (!g_variant_get_boolean (state))
    return;
  g_hash_table_remove_all (self->hidden_departments);
  g_simple_action_set_state (action, state);
  for (guint i = 0; self->departments != NULL && i < self->departments->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("d%u", i);
      GAction *item = g_action_map_lookup_action (G_ACTION_MAP (self->department_actions), name);

      if (item != NULL)
        g_simple_action_set_state (G_SIMPLE_ACTION (item), g_variant_new_boolean (TRUE));
    }
  update_hidden_departments (self);
}

static gboolean
same_departments (GPtrArray *a,
                  GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* The filter menu: "All departments" and a check item per department of
 * the employee notes, in legend order. Departments no longer in the
 * journey leave the filter. */
static void
update_department_menu (TpWindow *self)
{
  g_autoptr(GPtrArray) departments = tp_journey_list_departments (tp_document_get_journey (self->document));
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  gchar **old_actions;

  if (same_departments (departments, self->departments))
    return;

  old_actions = g_action_group_list_actions (G_ACTION_GROUP (self->department_actions));
  for (guint i = 0; old_actions[i] != NULL; i++)
    if (!g_str_equal (old_actions[i], "all"))
      g_action_map_remove_action (G_ACTION_MAP (self->department_actions), old_actions[i]);
  g_strfreev (old_actions);
  g_menu_remove_all (self->department_section);

  for (guint i = 0; i < departments->len; i++)
    {
      const char *name = g_ptr_array_index (departments, i);
      g_autofree char *action_name = g_strdup_printf ("d%u", i);
      g_autofree char *detailed = g_strconcat ("dept.", action_name, NULL);
      char *department_key = tp_department_key (name);
      g_autoptr(GSimpleAction) action = NULL;

      action = g_simple_action_new_stateful (action_name, NULL,
                                             g_variant_new_boolean (!g_hash_table_contains (self->hidden_departments,
                                                                                            department_key)));
      g_object_set_data (G_OBJECT (action), "tp-index", GUINT_TO_POINTER (i));
      g_signal_connect_object (action, "change-state", G_CALLBACK (on_department_action), self, 0);
      g_action_map_add_action (G_ACTION_MAP (self->department_actions), G_ACTION (action));
      {
        /* Menu labels take "_" for a mnemonic. */
        g_auto(GStrv) parts = g_strsplit (name, "_", -1);
        g_autofree char *label = g_strjoinv ("__", parts);

        g_menu_append (self->department_section, label, detailed);
      }
      g_hash_table_add (keys, department_key);
    }

  g_hash_table_iter_init (&iter, self->hidden_departments);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (keys, key))
      g_hash_table_iter_remove (&iter);

  g_clear_pointer (&self->departments, g_ptr_array_unref);
  self->departments = g_steal_pointer (&departments);
  update_hidden_departments (self);
}

/* Hides or shows the notes of @department on the canvas, as the filter
 * menu's check item does. */
void
tp_window_set_department_visible (TpWindow   *self,
                                  const char *department,
                                  gboolean    visible)
{
  g_autofree char *key = tp_department_key (department);

  g_return_if_fail (TP_IS_WINDOW (self));

  update_department_menu (self);
  for (guint i = 0; key != NULL && self->departments != NULL && i < self->departments->len; i++)
    {
      g_autofree char *other = tp_department_key (g_ptr_array_index (self->departments, i));
      g_autofree char *name = NULL;

      if (g_strcmp0 (key, other) != 0)
        continue;
      name = g_strdup_printf ("d%u", i);
      g_action_group_change_action_state (G_ACTION_GROUP (self->department_actions), name,
                                          g_variant_new_boolean (visible));
    }
}

/* Marks for the canvas and the count on the Insights tab, from the
 * analysis just made. */
static void
update_findings (TpWindow *self)
{
  g_autofree char *title = NULL;
  guint n_urgent = tp_findings_get_count (self->findings, TP_SEVERITY_WARNING)
                   + tp_findings_get_count (self->findings, TP_SEVERITY_CRITICAL);

  tp_canvas_set_finding_marks (self->canvas, tp_findings_get_marks (self->findings));

  if (n_urgent > 0)
    /* Translators: the Insights tab with the number of critical and warning findings */
    title = g_strdup_printf (_("Insights (%u)"), n_urgent);
  else
    title = g_strdup (_("Insights"));
  gtk_stack_page_set_title (self->insights_page, title);
  gtk_stack_page_set_needs_attention (self->insights_page, n_urgent > 0);

  update_department_menu (self);
}

void
tp_window_refresh_findings (TpWindow *self)
{
  g_return_if_fail (TP_IS_WINDOW (self));

  /* Every view follows the findings' "changed". */
  tp_findings_refresh (self->findings);
}

TpInspector *
tp_window_get_inspector (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->inspector;
}

TpInsightsPanel *
tp_window_get_insights_panel (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->insights_panel;
}

static void
on_outline_touchpoint_selected (TpOutlineView *outline,
                                TpTouchpoint  *touchpoint,
                                TpWindow      *self)
{
  tp_canvas_select (self->canvas, TP_ELEMENT (touchpoint));
  if (touchpoint != NULL)
    tp_canvas_scroll_to_element (self->canvas, TP_ELEMENT (touchpoint));
}

static void
on_palette_item_activated (TpPaletteView *palette,
                           const char    *item,
                           TpWindow      *self)
{
  /* The canvas opens the new card's title for typing; else keep the
   * keyboard on the map. */
  if (tp_canvas_add_item (self->canvas, item) != NULL && tp_canvas_get_editor (self->canvas) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

TpCanvas *
tp_window_get_canvas (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->canvas;
}

TpOutlineView *
tp_window_get_outline (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->outline_view;
}

TpPaletteView *
tp_window_get_palette (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->palette_view;
}

/* ---------------------------------------------------------------- export */

/* The document's name without ".journey", for exported files. */
static char *
dup_export_base_name (TpWindow *self)
{
  g_autofree char *name = tp_document_dup_display_name (self->document);

  if (g_str_has_suffix (name, ".journey"))
    name[strlen (name) - strlen (".journey")] = '\0';
  return g_steal_pointer (&name);
}

static void
on_exported (TpExportDialog *dialog,
             GFile          *file,
             const char     *warning,
             TpWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (warning != NULL)
    /* Translators: a file name, then a warning like "smallest text 6.1 pt: …" */
    title = g_strdup_printf (_("Exported “%s”; %s"), name, warning);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, warning != NULL ? 10 : 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autofree char *base_name = dup_export_base_name (self);
  TpExportDialog *dialog = tp_export_dialog_new (GTK_WINDOW (self),
                                                 tp_document_get_journey (self->document),
                                                 base_name);

  /* Export what the map shows. */
  tp_export_dialog_set_employee_layer (dialog, g_settings_get_boolean (self->settings, "show-employee-overlay"));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_report_exported (TpReportDialog *dialog,
                    GFile          *file,
                    TpWindow       *self)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (_("Report saved"));

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpReportDialog *dialog = tp_report_dialog_new (GTK_WINDOW (self), tp_document_get_journey (self->document));

  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_report_exported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tp_print_journey (GTK_WINDOW (widget), tp_document_get_journey (TP_WINDOW (widget)->document));
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The selected cards, drawn alone: the bounds of their cards with a
 * margin, in the print palette, as PNG (at 2×) or SVG. */
static GBytes *
render_selection (TpWindow   *self,
                  GPtrArray  *selection,
                  const char *mime_type)
{
  TpLayout *layout = tp_canvas_get_layout (self->canvas);
  GByteArray *buffer = g_byte_array_new ();
  TpRenderOptions options;
  cairo_surface_t *surface;
  gboolean have_bounds = FALSE;
  gboolean png = g_str_equal (mime_type, "image/png");
  const double margin = 12;
  const double scale = png ? 2 : 1;
  TpRect bounds = { 0, };
  cairo_t *cr;

  for (guint i = 0; i < selection->len; i++)
    {
      TpRect card;

      if (!tp_layout_get_card_rect (layout, g_ptr_array_index (selection, i), &card))
        continue;
      if (!have_bounds)
        bounds = card;
      else
        {
          double x1 = MAX (bounds.x + bounds.width, card.x + card.width);
          double y1 = MAX (bounds.y + bounds.height, card.y + card.height);

          bounds.x = MIN (bounds.x, card.x);
          bounds.y = MIN (bounds.y, card.y);
          bounds.width = x1 - bounds.x;
          bounds.height = y1 - bounds.y;
        }
      have_bounds = TRUE;
    }
  if (!have_bounds)
    return g_byte_array_free_to_bytes (buffer);
  bounds = tp_rect_inset (&bounds, -margin, -margin);

  /* SVG with real text and a group per card, for editing in slides. */
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ceil (bounds.width * scale),
                                          ceil (bounds.height * scale));
  else
    surface = NULL;

  /* As the map shows it (overlay, departments), without screen marks. */
  tp_canvas_render_options (self->canvas, &options);
  options.palette = TP_PALETTE_PRINT;
  options.selection = NULL;
  options.finding_marks = NULL;
  options.visible = bounds;

  cr = png ? cairo_create (surface) : tp_render_backend_svg_begin (bounds.width, bounds.height, NULL);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x, -bounds.y);
  cairo_rectangle (cr, bounds.x, bounds.y, bounds.width, bounds.height);
  cairo_clip (cr);
  tp_render_journey (cr, layout, &options);

  if (!png)
    {
      g_autoptr(GError) error = NULL;
      GBytes *svg = tp_render_backend_svg_finish (cr, &error);

      if (svg == NULL)
        g_warning ("Could not copy the cards as SVG: %s", error->message);
      cairo_destroy (cr);
      g_byte_array_unref (buffer);
      return svg != NULL ? svg : g_bytes_new (NULL, 0);
    }

  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_to_byte_array, buffer);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buffer);
}

/* The selected cards; none when a stage or lane is selected, whose copy
 * is the whole map. */
static GPtrArray *
get_selected_cards (TpWindow *self)
{
  GPtrArray *selection = tp_canvas_get_selection (self->canvas);

  if (selection->len > 0 && (TP_IS_STAGE (g_ptr_array_index (selection, 0))
                             || TP_IS_LANE (g_ptr_array_index (selection, 0))))
    g_ptr_array_set_size (selection, 0);
  return selection;
}

GBytes *
tp_window_render_copy (TpWindow    *self,
                       const char  *mime_type,
                       GError     **error)
{
  g_autoptr(GPtrArray) selection = NULL;
  TpExportOptions options;

  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  selection = get_selected_cards (self);
  if (selection->len > 0)
    return render_selection (self, selection, mime_type);

  tp_export_options_init (&options);
  options.format = g_str_equal (mime_type, "image/png") ? TP_EXPORT_FORMAT_PNG : TP_EXPORT_FORMAT_SVG;
  options.scale = 2;
  g_object_get (self->canvas, "show-employee-overlay", &options.show_employee_overlay, NULL);
  return tp_export_to_bytes (tp_document_get_journey (self->document), &options, NULL, NULL, error);
}

/* The map (or the selected cards) as PNG and SVG on the clipboard:
 * applications take the one they understand (slides, documents, image
 * editors). */
static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autoptr(GPtrArray) selection = get_selected_cards (self);
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];

  png = tp_window_render_copy (self, "image/png", &error);
  if (png != NULL)
    svg = tp_window_render_copy (self, "image/svg+xml", &error);
  if (png == NULL || svg == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  providers[0] = gdk_content_provider_new_for_bytes ("image/png", png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (selection->len > 0 ? _("Copied the selection as an image")
                                                                 : _("Copied the map as an image")));
}

/* The journey full screen, stage by stage; and the same as a PDF deck. */
static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpJourney *journey = tp_document_get_journey (self->document);
  g_autofree char *name = tp_document_dup_display_name (self->document);

  if (g_str_equal (action_name, "win.present"))
    gtk_window_present (GTK_WINDOW (tp_presentation_new (GTK_WINDOW (self), journey, self->canvas)));
  else
    tp_presentation_export_pdf (GTK_WINDOW (self), journey, self->canvas, name);
}

/* As-is against to-be (tp-compare-window.h); the "-file" variants take a
 * URI instead of asking, for tests and scripts. */
static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autoptr(GFile) file = parameter != NULL ? g_file_new_for_uri (g_variant_get_string (parameter, NULL)) : NULL;

  if (g_str_has_prefix (action_name, "win.compare"))
    tp_compare_window_choose (GTK_WINDOW (self), tp_document_get_journey (self->document), file);
  else
    tp_compare_save_as_to_be (GTK_WINDOW (self), G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                              self->document, file);
}

/* ---------------------------------------------------------------- closing */

static void
save_window_state (TpWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (!maximized)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
    }
}

static void
on_close_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          TpWindow         *self)
{
  self->close_dialog = NULL;

  if (g_str_equal (response, "discard"))
    {
      if (self->autosave != NULL)
        tp_autosave_discard (self->autosave);
      destroy_later (self);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      tp_window_save (self);
    }
}

static gboolean
tp_window_close_request (GtkWindow *window)
{
  TpWindow *self = TP_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  save_window_state (self);

  if (!tp_document_get_modified (self->document))
    return GTK_WINDOW_CLASS (tp_window_parent_class)->close_request (window);

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return TRUE;
    }

  name = tp_document_dup_display_name (self->document);
  dialog = adw_message_dialog_new (window, NULL,
                                   _("If you don’t save, your changes will be permanently lost."));
  /* Translators: %s is a file or journey name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save changes to “%s”?"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_close_dialog_response), self, 0);
  self->close_dialog = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* ---------------------------------------------------------------- GObject */

static void
on_application_changed (TpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->recent_submenu == NULL)
    return;

  g_menu_remove_all (self->recent_submenu);
  if (!TP_IS_APPLICATION (app))
    {
      adw_split_button_set_menu_model (self->open_button, NULL);
      return;
    }

  g_menu_append_section (self->recent_submenu, NULL,
                         tp_application_get_recent_menu (TP_APPLICATION (app)));
  adw_split_button_set_menu_model (self->open_button,
                                   tp_application_get_recent_menu (TP_APPLICATION (app)));
}

static void
tp_window_constructed (GObject *object)
{
  TpWindow *self = TP_WINDOW (object);

  G_OBJECT_CLASS (tp_window_parent_class)->constructed (object);

  if (self->document == NULL)
    self->document = tp_document_new (NULL);

  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (tp_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (tp_window_update_title), self, G_CONNECT_SWAPPED);
  /* An untitled document is named after the journey's title. */
  g_signal_connect_object (tp_document_get_journey (self->document), "notify::title",
                           G_CALLBACK (tp_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tp_document_get_history (self->document), "changed",
                           G_CALLBACK (tp_window_update_actions), self, G_CONNECT_SWAPPED);

  tp_outline_view_set_journey (self->outline_view, tp_document_get_journey (self->document));
  tp_canvas_set_document (self->canvas, self->document);
  tp_inspector_set_document (self->inspector, self->document);
  self->findings = tp_findings_new (tp_document_get_journey (self->document));
  g_signal_connect_object (self->findings, "changed",
                           G_CALLBACK (update_findings), self, G_CONNECT_SWAPPED);
  tp_insights_panel_set_findings (self->insights_panel, self->findings);
  update_findings (self);
  g_settings_bind (self->settings, "show-employee-overlay",
                   self->canvas, "show-employee-overlay", G_SETTINGS_BIND_GET);
  on_canvas_zoom_changed (self->canvas, NULL, self);

  tp_window_update_title (self);
  tp_window_update_actions (self);
}

static void
tp_window_dispose (GObject *object)
{
  TpWindow *self = TP_WINDOW (object);

  g_signal_handlers_disconnect_by_func (self, on_application_changed, NULL);

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
      g_clear_object (&self->save_chooser);
    }
  self->close_dialog = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_WINDOW);

  if (self->findings != NULL)
    g_signal_handlers_disconnect_by_data (self->findings, self);
  g_clear_object (&self->findings);
  g_clear_object (&self->autosave);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->department_actions);
  g_clear_pointer (&self->departments, g_ptr_array_unref);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);

  G_OBJECT_CLASS (tp_window_parent_class)->dispose (object);
}

static void
tp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_class_init (TpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tp_window_constructed;
  object_class->dispose = tp_window_dispose;
  object_class->get_property = tp_window_get_property;
  object_class->set_property = tp_window_set_property;

  window_class->close_request = tp_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TP_TYPE_OUTLINE_VIEW);
  g_type_ensure (TP_TYPE_PALETTE_VIEW);
  g_type_ensure (TP_TYPE_CANVAS);
  g_type_ensure (TP_TYPE_INSPECTOR);
  g_type_ensure (TP_TYPE_INSIGHTS_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/touchpoint/Touchpoint/ui/tp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, progress_box);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, recent_submenu);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, palette_view);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, right_sidebar);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, insights_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, insights_panel);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, department_section);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_zoom_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_outline_touchpoint_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_palette_item_activated);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-report", NULL, export_report_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.export-slides", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.compare-file", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-to-be", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-to-be-file", "s", compare_action);
}

static void
tp_window_init (TpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  {
    g_autoptr(GAction) overlay = g_settings_create_action (self->settings, "show-employee-overlay");

    g_action_map_add_action (G_ACTION_MAP (self), overlay);
  }
  {
    g_autoptr(GPropertyAction) sidebar = g_property_action_new ("show-sidebar", self->right_sidebar, "visible");
    g_autoptr(GSimpleAction) all = g_simple_action_new_stateful ("all", NULL, g_variant_new_boolean (TRUE));

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (sidebar));

    /* The department filter belongs to this window, not to the file. */
    self->hidden_departments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    self->department_actions = g_simple_action_group_new ();
    g_signal_connect_object (all, "change-state", G_CALLBACK (on_all_departments_action), self, 0);
    g_action_map_add_action (G_ACTION_MAP (self->department_actions), G_ACTION (all));
    gtk_widget_insert_action_group (GTK_WIDGET (self), "dept", G_ACTION_GROUP (self->department_actions));
  }
  /* Opening a journey shows what is worth discussing about it. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, "insights");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
}

TpWindow *
tp_window_new (TpApplication *application,
               TpDocument    *document)
{
  g_return_val_if_fail (application == NULL || TP_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || TP_IS_DOCUMENT (document), NULL);

  return g_object_new (TP_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

TpDocument *
tp_window_get_document (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
tp_window_save_to_file (TpWindow  *self,
                        GFile     *file,
                        GError   **error)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (file != NULL || tp_document_get_file (self->document) != NULL, FALSE);

  return save_document (self, file, FALSE, error);
}

void
tp_window_set_autosave (TpWindow   *self,
                        TpAutosave *autosave)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (autosave == NULL || TP_IS_AUTOSAVE (autosave));

  g_set_object (&self->autosave, autosave);
}

TpAutosave *
tp_window_get_autosave (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);
  return self->autosave;
}

static void
on_open_progress_done (TpOpenProgress *progress,
                       TpDocument     *document,
                       const GError   *error,
                       TpWindow       *self)
{
  gtk_box_remove (self->progress_box, GTK_WIDGET (progress));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box),
                          gtk_widget_get_first_child (GTK_WIDGET (self->progress_box)) != NULL);
}

void
tp_window_add_open_progress (TpWindow       *self,
                             TpOpenProgress *progress)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (TP_IS_OPEN_PROGRESS (progress));

  gtk_box_append (self->progress_box, GTK_WIDGET (progress));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), TRUE);
  g_signal_connect_object (progress, "done", G_CALLBACK (on_open_progress_done), self, G_CONNECT_AFTER);
}
