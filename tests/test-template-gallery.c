/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-application.h"
#include "tp-gui-test-util.h"
#include "tp-journey-format.h"
#include "tp-resources.h"
#include "tp-template-gallery.h"
#include "tp-templates.h"
#include "tp-test-util.h"
#include "tp-window.h"

/* New from template in the real application (under xvfb-run): Ctrl+N opens
 * the gallery over the sample; the arrow keys go from the blank journeys
 * down to the worked examples and on to the newspaper's holiday stop, and
 * Enter opens it as a new untitled journey in place of the untouched
 * sample. With a journey that has changes, the next template gets a window
 * of its own; Escape closes the gallery and opens nothing. The keys are
 * sent as the key bindings send them: the flow boxes' "move-cursor" and
 * "activate-cursor-child" signals, and the gallery's Escape shortcut. */

#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 200

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication     *app;
  TpWindow          *sample_window;   /* weak */
  TpWindow          *newspaper_window; /* weak */
  TpTemplateGallery *gallery;         /* weak */
  TpGuiDriver        driver;
};

static GPtrArray *
list_tp_windows (Fixture *f)
{
  GPtrArray *windows = g_ptr_array_new ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l != NULL; l = l->next)
    if (TP_IS_WINDOW (l->data))
      g_ptr_array_add (windows, l->data);
  return windows;
}

static TpWindow *
find_window_with_title (Fixture    *f,
                        const char *title)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);

  for (guint i = 0; i < windows->len; i++)
    {
      TpDocument *document = tp_window_get_document (g_ptr_array_index (windows, i));

      if (g_strcmp0 (tp_journey_get_title (tp_document_get_journey (document)), title) == 0)
        return g_ptr_array_index (windows, i);
    }
  return NULL;
}

/* The template as bundled, in the test's language (C: English). */
static char *
dup_template_text (const char *name)
{
  g_autofree char *path = tp_template_dup_resource_path (name, FALSE);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

  g_assert_nonnull (bytes);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
dup_journey_text (TpJourney *journey)
{
  g_autoptr(GBytes) bytes = tp_journey_format_write (journey);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
focused_template (TpTemplateGallery *gallery)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (gallery));

  g_assert_true (GTK_IS_FLOW_BOX_CHILD (focus));
  return gtk_widget_get_name (focus);
}

/* What an arrow key does in a flow box. */
static void
press_arrow (GtkFlowBox *box,
             guint       keyval)
{
  gboolean vertical = keyval == GDK_KEY_Up || keyval == GDK_KEY_Down;
  int count = keyval == GDK_KEY_Up || keyval == GDK_KEY_Left ? -1 : 1;
  gboolean handled = FALSE;

  g_signal_emit_by_name (box, "move-cursor",
                         vertical ? GTK_MOVEMENT_DISPLAY_LINES : GTK_MOVEMENT_VISUAL_POSITIONS,
                         count, FALSE, FALSE, &handled);
  g_assert_true (handled);
}

/* What Enter does in a flow box. */
static void
press_enter (GtkFlowBox *box)
{
  g_signal_emit_by_name (box, "activate-cursor-child");
}

static void
open_gallery (Fixture *f)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), "<Control>n");

  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "app.new");
  g_assert_null (tp_gui_find_toplevel (TP_TYPE_TEMPLATE_GALLERY));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "new", NULL);
}

static gboolean
find_gallery (Fixture *f)
{
  GtkWindow *window = tp_gui_find_mapped_toplevel (TP_TYPE_TEMPLATE_GALLERY);

  if (window == NULL)
    return FALSE;
  f->gallery = TP_TEMPLATE_GALLERY (window);
  g_object_add_weak_pointer (G_OBJECT (f->gallery), (gpointer *) &f->gallery);
  return TRUE;
}

/* ---------------------------------------------------------------- steps */

static gboolean
step_window_shown (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);

  if (windows->len == 0 || !gtk_widget_get_mapped (g_ptr_array_index (windows, 0)))
    return FALSE;
  f->sample_window = g_ptr_array_index (windows, 0);
  g_object_add_weak_pointer (G_OBJECT (f->sample_window), (gpointer *) &f->sample_window);
  open_gallery (f);
  return TRUE;
}

static gboolean
is_of_class (GtkWidget     *widget,
             gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
step_gallery_shown (Fixture *f)
{
  GtkFlowBox *blank, *examples;
  guint n_templates;
  const TpTemplateInfo *templates = tp_templates_get_all (&n_templates);
  guint n_blank = 0, n_examples = 0;
  GtkWidget *child;

  if (!find_gallery (f))
    return FALSE;

  /* Over the sample, modal. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->gallery)) == GTK_WINDOW (f->sample_window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (f->gallery)));

  /* Every template, in its group, in the catalogue's order. */
  blank = tp_template_gallery_get_flow_box (f->gallery, TRUE);
  examples = tp_template_gallery_get_flow_box (f->gallery, FALSE);
  for (guint i = 0; i < n_templates; i++)
    {
      if (templates[i].blank)
        child = GTK_WIDGET (gtk_flow_box_get_child_at_index (blank, n_blank++));
      else
        child = GTK_WIDGET (gtk_flow_box_get_child_at_index (examples, n_examples++));
      g_assert_nonnull (child);
      g_assert_cmpstr (gtk_widget_get_name (child), ==, templates[i].name);
    }
  g_assert_cmpuint (n_blank, ==, 4);
  g_assert_cmpuint (n_examples, ==, 7);
  g_assert_null (gtk_flow_box_get_child_at_index (blank, n_blank));
  g_assert_null (gtk_flow_box_get_child_at_index (examples, n_examples));

  /* The blank customer journey has the focus: Enter alone opens it. */
  g_assert_cmpstr (focused_template (f->gallery), ==, "blank-customer-journey");
  return TRUE;
}

/* The thumbnails come from worker threads, each in its frame. */
static gboolean
step_thumbnails_drawn (Fixture *f)
{
  GtkFlowBox *examples = tp_template_gallery_get_flow_box (f->gallery, FALSE);
  g_autoptr(GPtrArray) frames = tp_gui_find_all (GTK_WIDGET (examples), is_of_class, "template-thumbnail");
  g_autoptr(GPtrArray) loading = tp_gui_find_all (GTK_WIDGET (examples), is_of_class, "loading");

  g_assert_cmpuint (frames->len, ==, 7);
  if (loading->len > 0)
    return FALSE;
  tp_gui_save_screenshot (GTK_WIDGET (f->gallery), "template-gallery.png");
  return TRUE;
}

/* Down from the blank journeys' last row to the first example, Right to
 * the second, Enter. */
static gboolean
step_choose_with_keys (Fixture *f)
{
  GtkFlowBox *blank = tp_template_gallery_get_flow_box (f->gallery, TRUE);
  GtkFlowBox *examples = tp_template_gallery_get_flow_box (f->gallery, FALSE);

  press_arrow (blank, GDK_KEY_Down);
  g_assert_cmpstr (focused_template (f->gallery), ==, "hospital");
  press_arrow (examples, GDK_KEY_Up);
  g_assert_cmpstr (focused_template (f->gallery), ==, "blank-customer-journey");
  press_arrow (blank, GDK_KEY_Down);
  press_arrow (examples, GDK_KEY_Right);
  g_assert_cmpstr (focused_template (f->gallery), ==, "newspaper-holiday-stop");
  press_enter (examples);
  return TRUE;
}

static gboolean
step_template_opened (Fixture *f)
{
  g_autoptr(TpJourney) expected = tp_template_load ("newspaper-holiday-stop", FALSE, NULL);
  g_autofree char *bundled = dup_template_text ("newspaper-holiday-stop");
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  TpWindow *window;
  TpDocument *document;

  window = find_window_with_title (f, tp_journey_get_title (expected));
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return FALSE;
  /* The untouched sample gave way; the gallery is gone. */
  if (f->sample_window != NULL || f->gallery != NULL)
    return FALSE;
  windows = list_tp_windows (f);
  g_assert_cmpuint (windows->len, ==, 1);
  g_assert_null (tp_gui_find_toplevel (TP_TYPE_TEMPLATE_GALLERY));

  /* A new untitled journey: no file, so Save asks where; nothing to undo. */
  document = tp_window_get_document (window);
  g_assert_null (tp_document_get_file (document));
  g_assert_false (tp_document_get_modified (document));
  g_assert_false (tp_history_can_undo (tp_document_get_history (document)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "Holiday stop for the newspaper"));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));

  /* The whole template, as bundled (templates are in canonical form). */
  written = dup_journey_text (tp_document_get_journey (document));
  g_assert_cmpstr (written, ==, bundled);

  f->newspaper_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &f->newspaper_window);

  /* A change: the next template must not take this window's place. */
  g_assert_true (tp_document_set_string (document, tp_document_get_journey (document), "title",
                                         "Holiday stop, my version", NULL));
  open_gallery (f);
  return TRUE;
}

/* Enter straight away: the blank customer journey, with the thresholds of
 * Preferences, in a window of its own. */
static gboolean
step_choose_blank (Fixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (!find_gallery (f))
    return FALSE;
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (f->gallery)) == GTK_WINDOW (f->newspaper_window));
  g_settings_set_int (settings, "good-enough-threshold", 8);
  press_enter (tp_template_gallery_get_flow_box (f->gallery, TRUE));
  return TRUE;
}

static gboolean
step_blank_opened (Fixture *f)
{
  g_autoptr(TpJourney) expected = tp_template_load ("blank-customer-journey", FALSE, NULL);
  TpWindow *window = find_window_with_title (f, tp_journey_get_title (expected));
  g_autoptr(GPtrArray) windows = NULL;
  TpDocument *document;
  TpJourney *journey;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) || f->gallery != NULL)
    return FALSE;
  windows = list_tp_windows (f);
  g_assert_cmpuint (windows->len, ==, 2);
  g_assert_nonnull (f->newspaper_window);
  g_assert_true (tp_document_get_modified (tp_window_get_document (f->newspaper_window)));

  document = tp_window_get_document (window);
  journey = tp_document_get_journey (document);
  g_assert_null (tp_document_get_file (document));
  g_assert_cmpint (tp_journey_get_scope (journey), ==, TP_SCOPE_CUSTOMER_JOURNEY);
  g_assert_cmpint (tp_journey_get_good_enough (journey), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_stages (journey)), ==,
                    g_list_model_get_n_items (tp_journey_get_stages (expected)));
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (journey)), ==, 0);

  open_gallery (f);
  return TRUE;
}

/* Escape closes the gallery and opens nothing. */
static gboolean
step_escape (Fixture *f)
{
  g_autofree char *action = NULL;

  if (!find_gallery (f))
    return FALSE;
  action = tp_gui_action_for_key (GTK_WIDGET (f->gallery), GDK_KEY_Escape);
  g_assert_cmpstr (action, ==, "window.close");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->gallery), action, NULL));
  return TRUE;
}

static gboolean
step_escaped (Fixture *f)
{
  g_autoptr(GPtrArray) windows = list_tp_windows (f);

  if (f->gallery != NULL)
    return FALSE;
  g_assert_cmpuint (windows->len, ==, 2);

  /* Without asking about the changes. */
  for (guint i = 0; i < windows->len; i++)
    gtk_window_destroy (g_ptr_array_index (windows, i));
  return TRUE;
}

static void
test_choose_template (void)
{
  const StepFunc steps[] = { step_window_shown, step_gallery_shown, step_thumbnails_drawn,
                             step_choose_with_keys, step_template_opened, step_choose_blank,
                             step_blank_opened, step_escape, step_escaped };
  Fixture f;
  char *argv[] = { (char *) "test-template-gallery", NULL };

  if (!tp_gui_test_check_display ())
    return;

  memset (&f, 0, sizeof f);
  f.app = tp_application_new ();
  f.driver.fixture = &f;
  f.driver.steps = (const TpGuiStepFunc *) steps;
  f.driver.n_steps = G_N_ELEMENTS (steps);
  f.driver.interval_ms = STEP_TIMEOUT_MS;
  f.driver.max_tries = MAX_TRIES;

  tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv);

  g_assert_true (f.driver.done);
  g_assert_finalize_object (f.app);
  g_assert_null (f.gallery);
  g_assert_null (f.newspaper_window);
}

int
main (int   argc,
      char *argv[])
{
  static const char *user_dirs[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

  /* Drafts of the changed journey and recent files stay out of the
   * user's folders. */
  home = g_dir_make_tmp ("touchpoint-gallery-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, user_dirs[i], NULL);

      g_setenv (user_dirs[i], dir, TRUE);
    }

  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/template-gallery/choose-with-keys", test_choose_template);
  status = g_test_run ();

  tp_test_remove_tree (home);
  return status;
}
