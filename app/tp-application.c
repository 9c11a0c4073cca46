/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gi18n.h>

#include "tp-application.h"
#include "tp-autosave.h"
#include "tp-document.h"
#include "tp-draft.h"
#include "tp-journey-format.h"
#include "tp-open-progress.h"
#include "tp-preferences-window.h"
#include "tp-recovery.h"
#include "tp-sample.h"
#include "tp-template-gallery.h"
#include "tp-window.h"

#define MAX_RECENT_ITEMS 10

struct _TpApplication
{
  AdwApplication parent_instance;

  GMenu *recent_menu;
  GtkFileChooserNative *open_chooser;

  /* Drafts: the folder, this process as their owner, and whether the
   * drafts a crash left have been looked for. */
  char *drafts_folder;
  char *draft_owner;
  gboolean recovery_started;

  /* Shows journeys being opened while no document window is open. */
  GtkWindow *loading_window;
  GtkBox *loading_box;
};

G_DEFINE_FINAL_TYPE (TpApplication, tp_application, ADW_TYPE_APPLICATION)

/* ---------------------------------------------------------------- helpers */

static GtkWindow *
get_document_window (TpApplication *self)
{
  /* The most recently focused document window, if any. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static TpWindow *
find_window_for_file (TpApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *window_file;

      if (!TP_IS_WINDOW (l->data))
        continue;
      window_file = tp_document_get_file (tp_window_get_document (l->data));
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }
  return NULL;
}

/* TOUCHPOINT_BENCH_OPEN=1, for tests/bench-open.c: prints "first-frame
 * <monotonic µs> <CPU µs>" once a frame has painted the journey's canvas,
 * then "idle <CPU µs>" when the main loop has nothing left to do, and
 * quits. CPU: this process's user + system time. */
static gint64
bench_open_cpu_usec (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static gboolean
bench_open_idle_cb (gpointer user_data)
{
  g_print ("idle %" G_GINT64_FORMAT "\n", bench_open_cpu_usec ());
  fflush (stdout);
  g_application_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
bench_open_after_paint (GdkFrameClock *clock,
                        TpWindow      *window)
{
  GtkWidget *canvas = GTK_WIDGET (tp_window_get_canvas (window));

  /* A frame before the canvas got its size has not drawn the journey. */
  if (!gtk_widget_get_mapped (canvas) || gtk_widget_get_width (canvas) == 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, bench_open_after_paint, window);
  g_print ("first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time (), bench_open_cpu_usec ());
  fflush (stdout);
  g_idle_add_full (G_PRIORITY_LOW, bench_open_idle_cb,
                   g_object_ref (gtk_window_get_application (GTK_WINDOW (window))), g_object_unref);
}

/* TOUCHPOINT_TEST_EDIT=PATH, for tests/test-crash-recovery.c: in the
 * first window, edits the journey as a user would (one undo step each),
 * writes the journey as it then is to PATH and prints "edited"; prints
 * "draft-written" each time its draft has been written. */
static void
test_edit_on_written (TpAutosave *autosave)
{
  g_print ("draft-written\n");
  fflush (stdout);
}

static void
test_edit (TpWindow   *window,
           const char *path)
{
  TpDocument *document = tp_window_get_document (window);
  TpJourney *journey = tp_document_get_journey (document);
  g_autoptr(TpTouchpoint) first = g_list_model_get_item (tp_journey_get_touchpoints (journey), 0);
  g_autoptr(TpStage) stage = tp_stage_new ("test-edit-stage", "Added before the crash");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (tp_window_get_autosave (window), "written",
                    G_CALLBACK (test_edit_on_written), NULL);
  tp_document_set_string (document, journey, "title", "Edited before the crash", NULL);
  if (first != NULL)
    tp_document_set_int (document, first, "score", tp_touchpoint_get_score (first) % 10 + 1, NULL);
  tp_document_add (document, TP_ELEMENT (stage), G_MAXUINT, NULL);

  bytes = tp_journey_format_write (journey);
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    g_error ("TOUCHPOINT_TEST_EDIT: %s", error->message);
  g_print ("edited\n");
  fflush (stdout);
}

static TpWindow *
show_document (TpApplication *self,
               TpDocument    *document,
               const char    *draft_path)
{
  TpWindow *window = tp_window_new (self, document);
  g_autofree char *new_path = NULL;
  g_autoptr(TpAutosave) autosave = NULL;
  static gboolean test_edited;

  /* A recovered journey keeps its draft; any other gets a new one. */
  if (draft_path == NULL)
    draft_path = new_path = tp_draft_new_path (self->drafts_folder, self->draft_owner);
  autosave = tp_autosave_new (document, draft_path);
  tp_window_set_autosave (window, autosave);

  gtk_window_present (GTK_WINDOW (window));
  if (g_strcmp0 (g_getenv ("TOUCHPOINT_BENCH_OPEN"), "1") == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                             G_CALLBACK (bench_open_after_paint), window, 0);
  if (g_getenv ("TOUCHPOINT_TEST_EDIT") != NULL && !test_edited)
    {
      test_edited = TRUE;
      test_edit (window, g_getenv ("TOUCHPOINT_TEST_EDIT"));
    }
  return window;
}

/* ---------------------------------------------------------------- recovery */

static void
on_recover (TpRecoveryDialog *dialog,
            TpRecoveredDraft *recovered,
            TpApplication    *self)
{
  TpDraft *draft = recovered->draft;
  g_autoptr(GFile) file = draft->original_uri != NULL ? g_file_new_for_uri (draft->original_uri) : NULL;
  g_autoptr(TpDocument) document = NULL;

  /* Modified, with the original file for the next Save, which is the
   * first time that file is written. */
  document = tp_document_new_recovered (recovered->journey, file, draft->original_etag,
                                        draft->original_size, draft->original_checksum);
  show_document (self, document, draft->path);
}

static void
show_recovery_dialog (TpApplication *self,
                      GPtrArray     *drafts)
{
  GtkWindow *parent = get_document_window (self);
  TpRecoveryDialog *dialog = tp_recovery_dialog_new (parent, drafts);

  g_signal_connect_object (dialog, "recover", G_CALLBACK (on_recover), self, 0);
  /* Without a window to belong to, it keeps the application running. */
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_drafts_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TpApplication) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = tp_recovery_find_drafts_finish (result, &error);
  if (drafts == NULL)
    g_warning ("Could not look for unsaved journeys: %s", error->message);
  else if (drafts->len > 0)
    show_recovery_dialog (self, drafts);
  g_application_release (G_APPLICATION (self));
}

/* Once per run, after the first window: offers what a crash left. */
static void
start_recovery (TpApplication *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window = get_document_window (self);

  if (self->recovery_started)
    return;
  self->recovery_started = TRUE;
  /* Runs until the search is done, so that its result always arrives. */
  g_application_hold (G_APPLICATION (self));
  tp_recovery_find_drafts_async (self->drafts_folder, self->draft_owner,
                                 adw_style_manager_get_dark (style),
                                 window != NULL ? gtk_widget_get_scale_factor (GTK_WIDGET (window)) : 1,
                                 NULL, on_drafts_found, g_object_ref (self));
}

static void
show_open_error (TpApplication *self,
                 GFile         *file,
                 const GError  *error)
{
  GtkWindow *parent = get_document_window (self);
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, NULL, error->message);
  /* Translators: %s is a file name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Could Not Open “%s”"), name);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* With no window to belong to, the dialog keeps the application running
   * until it is dismissed. */
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tp_application_add_file_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) journeys = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  gtk_file_filter_set_name (journeys, _("Journey files"));
  gtk_file_filter_add_mime_type (journeys, TP_JOURNEY_MIME_TYPE);
  gtk_file_filter_add_pattern (journeys, "*.journey");
  gtk_file_chooser_add_filter (chooser, journeys);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, journeys);
}

/* ---------------------------------------------------------------- recent files */

static gboolean
is_recent_journey (GtkRecentInfo *info)
{
  const char *mime_type = gtk_recent_info_get_mime_type (info);
  const char *uri = gtk_recent_info_get_uri (info);

  if (!gtk_recent_info_exists (info))
    return FALSE;
  return g_strcmp0 (mime_type, TP_JOURNEY_MIME_TYPE) == 0
         || (uri != NULL && g_str_has_suffix (uri, ".journey"));
}

static int
compare_recent_by_date (gconstpointer a,
                        gconstpointer b)
{
  GtkRecentInfo *info_a = (GtkRecentInfo *) a;
  GtkRecentInfo *info_b = (GtkRecentInfo *) b;

  /* Newest first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* Menu labels take mnemonics: keep underscores in file names. */
static char *
escape_mnemonics (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
tp_application_update_recent_menu (TpApplication *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  GList *items = gtk_recent_manager_get_items (manager);
  GList *journeys = NULL;
  guint n = 0;

  for (GList *l = items; l != NULL; l = l->next)
    if (is_recent_journey (l->data))
      journeys = g_list_prepend (journeys, l->data);
  journeys = g_list_sort (journeys, compare_recent_by_date);

  g_menu_remove_all (self->recent_menu);
  for (GList *l = journeys; l != NULL && n < MAX_RECENT_ITEMS; l = l->next, n++)
    {
      GtkRecentInfo *info = l->data;
      g_autofree char *label = escape_mnemonics (gtk_recent_info_get_display_name (info));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }

  /* A placeholder bound to an action that does not exist, so that it
   * shows insensitive. */
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Journeys"), "app.no-recent-journeys");

      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free (journeys);
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

void
tp_application_add_recent_file (TpApplication *self,
                                GFile         *file)
{
  g_autofree char *uri = NULL;
  GtkRecentData data = {
    .mime_type = (char *) TP_JOURNEY_MIME_TYPE,
    .app_name = (char *) "touchpoint",
    .app_exec = (char *) "touchpoint %u",
  };

  g_return_if_fail (TP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

GMenuModel *
tp_application_get_recent_menu (TpApplication *self)
{
  g_return_val_if_fail (TP_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

/* ---------------------------------------------------------------- actions */

/* A new journey starts with the thresholds chosen in Preferences. */
static TpDocument *
new_default_document (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(TpJourney) journey = tp_journey_new_default ();

  g_object_set (journey,
                "good-enough", g_settings_get_int (settings, "good-enough-threshold"),
                "moment-target", g_settings_get_int (settings, "moment-target-threshold"),
                NULL);
  return tp_document_new (journey);
}

static void
on_template_chosen (TpTemplateGallery *gallery,
                    TpJourney         *journey,
                    GtkWindow         *previous,
                    TpApplication     *self)
{
  gboolean replace = tp_template_gallery_can_replace (previous);
  /* Untitled, as the sample: the bundled file is never the document's. */
  g_autoptr(TpDocument) document = tp_document_new (journey);

  show_document (self, document, NULL);
  /* An untouched untitled window (the sample at start) gives way. */
  if (replace)
    gtk_window_close (previous);
}

/* New: the template gallery. */
static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TpApplication *self = user_data;
  GtkWindow *parent = get_document_window (self);
  TpTemplateGallery *gallery = tp_template_gallery_new (parent);

  g_signal_connect_object (gallery, "template-chosen", G_CALLBACK (on_template_chosen), self, 0);
  /* Without a window to belong to, it keeps the application running. */
  if (parent == NULL)
    gtk_window_set_application (GTK_WINDOW (gallery), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (gallery));
}

static void
on_open_chooser_response (GtkNativeDialog *chooser,
                          int              response,
                          TpApplication   *self)
{
  g_autoptr(GtkFileChooserNative) owned = g_steal_pointer (&self->open_chooser);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = NULL;
  guint n;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  n = g_list_model_get_n_items (files);
  array = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));

  if (array->len > 0)
    g_application_open (G_APPLICATION (self), (GFile **) array->pdata, array->len, "");
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TpApplication *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->open_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open Journey"),
                                         get_document_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  tp_application_add_file_filters (GTK_FILE_CHOOSER (chooser));

  self->open_chooser = chooser;
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (on_open_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TpApplication *self = user_data;
  static const char *developers[] = {
    "The Touchpoint developers https://github.com/touchpoint/touchpoint",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_document_window (self),
                        "application-name", _("Touchpoint"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Map customer journeys: stages, touchpoints, emotion scores, "
                                      "moments of truth and the employees behind them."),
                        "developer-name", _("The Touchpoint developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/touchpoint/touchpoint",
                        "issue-url", "https://github.com/touchpoint/touchpoint/issues",
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = get_document_window (TP_APPLICATION (user_data));

  /* GtkApplication gives each window the shortcuts window from
   * gtk/help-overlay.ui as win.show-help-overlay. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TpApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each document window asks about unsaved changes on its own; the
   * application ends when the last window is gone. Dialogs that belong to
   * a window go with it. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_window_get_transient_for (l->data) == NULL)
      gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (tp_preferences_window_new (parent)));
}

static const GActionEntry app_entries[] = {
  { .name = "new", .activate = new_action },
  { .name = "open", .activate = open_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "about", .activate = about_action },
  { .name = "shortcuts", .activate = shortcuts_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "quit", .activate = quit_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-reset", { "<Control>0", NULL } },
  { "win.zoom-fit", { "<Control>9", NULL } },
  { "win.export", { "<Control><Shift>e", NULL } },
  { "win.export-report", { "<Control><Shift>r", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.copy-image", { "<Control><Shift>c", NULL } },
  { "win.show-employee-overlay", { "<Control>e", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.present", { "F5", NULL } },
};

/* ---------------------------------------------------------------- GApplication */

static void
tp_application_startup (GApplication *application)
{
  TpApplication *self = TP_APPLICATION (application);
  /* GDK readies OpenGL when it opens the display (loading Mesa: a quarter
   * of the CPU to open the sample) even for the cairo renderer main.c
   * picks. Not for that renderer; only while GTK starts, so that programs
   * launched from here (Open Exported) keep their GL. */
  gboolean no_gl = g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0
                   && g_getenv ("GDK_DEBUG") == NULL;

  if (no_gl)
    g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  G_APPLICATION_CLASS (tp_application_parent_class)->startup (application);
  if (no_gl)
    g_unsetenv ("GDK_DEBUG");

  gtk_window_set_default_icon_name (APP_ID);

  self->drafts_folder = g_build_filename (g_get_user_data_dir (), "touchpoint", "drafts", NULL);
  self->draft_owner = tp_draft_owner_current ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action, app_accels[i].accels);

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (tp_application_update_recent_menu), self, G_CONNECT_SWAPPED);
  tp_application_update_recent_menu (self);
}

static TpDocument *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpJourney) journey = NULL;
  gsize length = 0;
  const char *data;
  const char *resource = tp_sample_resource_for_languages (g_get_language_names ());

  /* The Dutch sample when the interface is in Dutch. */
  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &length);
      journey = tp_journey_format_read (data, length, strrchr (resource, '/') + 1, &error);
    }
  if (journey == NULL)
    {
      /* A build without the sample still starts, with an empty journey. */
      g_critical ("Could not load the bundled sample: %s", error->message);
      return new_default_document ();
    }

  /* Untitled: saving it asks where. */
  return tp_document_new (journey);
}

static void
tp_application_activate (GApplication *application)
{
  g_autoptr(TpDocument) document = load_sample ();

  /* Started without files: a window with the sample journey. */
  show_document (TP_APPLICATION (application), document, NULL);
  start_recovery (TP_APPLICATION (application));
}

/* ---------------------------------------------------------------- opening */

static void
on_loading_window_destroy (TpApplication *self)
{
  self->loading_window = NULL;
  self->loading_box = NULL;
}

/* A window that shows the journeys being opened while there is no
 * document window to show them in. */
static void
add_to_loading_window (TpApplication  *self,
                       TpOpenProgress *progress)
{
  if (self->loading_window == NULL)
    {
      GtkWidget *window = adw_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *header = adw_header_bar_new ();
      GtkWidget *status = adw_status_page_new ();

      gtk_window_set_title (GTK_WINDOW (window), _("Touchpoint"));
      gtk_window_set_default_size (GTK_WINDOW (window), 560, 360);
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), APP_ID);
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Opening…"));
      gtk_widget_set_vexpand (status, TRUE);
      self->loading_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
      gtk_widget_add_css_class (GTK_WIDGET (self->loading_box), "open-progress-bar");
      gtk_widget_add_css_class (GTK_WIDGET (self->loading_box), "card");
      adw_status_page_set_child (ADW_STATUS_PAGE (status), GTK_WIDGET (self->loading_box));
      gtk_box_append (GTK_BOX (box), header);
      gtk_box_append (GTK_BOX (box), status);
      adw_window_set_content (ADW_WINDOW (window), box);
      gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
      g_signal_connect_object (window, "destroy", G_CALLBACK (on_loading_window_destroy), self,
                               G_CONNECT_SWAPPED);
      self->loading_window = GTK_WINDOW (window);
      gtk_window_present (GTK_WINDOW (window));
    }
  gtk_box_append (self->loading_box, GTK_WIDGET (progress));
}

static void
on_open_done (TpOpenProgress *progress,
              TpDocument     *document,
              const GError   *error,
              TpApplication  *self)
{
  GFile *file = tp_open_progress_get_file (progress);

  if (document != NULL)
    {
      TpWindow *existing = find_window_for_file (self, file);

      if (existing != NULL)
        gtk_window_present (GTK_WINDOW (existing));
      else
        {
          tp_application_add_recent_file (self, file);
          show_document (self, document, NULL);
        }
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_open_error (self, file, error);

  if (self->loading_box != NULL && gtk_widget_get_parent (GTK_WIDGET (progress)) == GTK_WIDGET (self->loading_box))
    {
      gtk_box_remove (self->loading_box, GTK_WIDGET (progress));
      if (gtk_widget_get_first_child (GTK_WIDGET (self->loading_box)) == NULL)
        gtk_window_destroy (self->loading_window);
    }
}

static void
tp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TpApplication *self = TP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      TpWindow *existing = find_window_for_file (self, files[i]);
      GtkWindow *window;
      TpOpenProgress *progress;

      if (existing != NULL)
        {
          gtk_window_present (GTK_WINDOW (existing));
          continue;
        }

      /* Read and parsed on a worker thread; the window that has the
       * focus shows it, and what it shows stays as it is. */
      progress = tp_open_progress_new (files[i]);
      g_signal_connect_object (progress, "done", G_CALLBACK (on_open_done), self, 0);
      window = get_document_window (self);
      if (window != NULL)
        tp_window_add_open_progress (TP_WINDOW (window), progress);
      else
        add_to_loading_window (self, progress);
    }
  start_recovery (self);
}

static void
tp_application_dispose (GObject *object)
{
  TpApplication *self = TP_APPLICATION (object);

  if (self->open_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
      g_clear_object (&self->open_chooser);
    }
  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->drafts_folder, g_free);
  g_clear_pointer (&self->draft_owner, g_free);

  G_OBJECT_CLASS (tp_application_parent_class)->dispose (object);
}

static void
tp_application_class_init (TpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tp_application_dispose;

  app_class->startup = tp_application_startup;
  app_class->activate = tp_application_activate;
  app_class->open = tp_application_open;
}

static void
tp_application_init (TpApplication *self)
{
  self->recent_menu = g_menu_new ();
}

TpApplication *
tp_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* For tests and development runs without a session bus. */
  if (g_strcmp0 (g_getenv ("TOUCHPOINT_NON_UNIQUE"), "1") == 0)
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (TP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}
