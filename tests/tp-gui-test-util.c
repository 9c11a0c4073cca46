/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-gui-test-util.h"

#include "tp-journey.h"

static gboolean have_display;

/* Call instead of g_test_init(): it also opens the display, if any. */
void
tp_gui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  have_display = gtk_init_check ();
}

/* Whether the test can run. A missing display fails the run; skipping
 * would hide a broken CI set-up. */
gboolean
tp_gui_test_check_display (void)
{
  if (have_display)
    return TRUE;

  if (g_strcmp0 (g_getenv ("TP_TEST_ALLOW_NO_DISPLAY"), "1") != 0)
    g_error ("No display: run the GUI tests under xvfb-run "
             "(or set TP_TEST_ALLOW_NO_DISPLAY=1 to skip them)");
  g_test_skip ("No display and TP_TEST_ALLOW_NO_DISPLAY=1");
  return FALSE;
}

static gboolean
run_step_cb (gpointer user_data)
{
  TpGuiDriver *d = user_data;

  if (d->step >= d->n_steps)
    return G_SOURCE_REMOVE;

  if (d->steps[d->step] (d->fixture))
    {
      d->step++;
      d->tries = 0;
    }
  else if (++d->tries > d->max_tries)
    g_error ("Step %u did not complete", d->step);

  if (d->step >= d->n_steps)
    {
      d->done = TRUE;
      if (d->quit_when_done)
        g_application_quit (d->app);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
on_startup (GApplication *app,
            TpGuiDriver  *d)
{
  g_timeout_add (d->interval_ms, run_step_cb, d);
}

/* Runs @app with the driver's steps; returns its exit status once every
 * step has completed. */
int
tp_gui_test_run (TpGuiDriver  *driver,
                 GApplication *app,
                 int           argc,
                 char        **argv)
{
  int status;

  driver->app = app;
  driver->step = 0;
  driver->tries = 0;
  driver->done = FALSE;
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), driver);
  status = g_application_run (app, argc, argv);
  g_assert_true (driver->done);
  return status;
}

static void
collect_widgets (GtkWidget     *widget,
                 TpGuiMatchFunc match,
                 gconstpointer  data,
                 GPtrArray     *found)
{
  if (match (widget, data))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, match, data, found);
}

/* Every widget under @root (itself included), depth first, that @match
 * accepts. */
GPtrArray *
tp_gui_find_all (GtkWidget     *root,
                 TpGuiMatchFunc match,
                 gconstpointer  data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, match, data, found);
  return found;
}

/* The one widget under @root that @match accepts: asserts there is one. */
GtkWidget *
tp_gui_find_one (GtkWidget     *root,
                 TpGuiMatchFunc match,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) found = tp_gui_find_all (root, match, data);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

gboolean
tp_gui_has_css_class (GtkWidget     *widget,
                      gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

gboolean
tp_gui_is_label_with_text (GtkWidget     *widget,
                           gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* @data is a GType, passed with GSIZE_TO_POINTER(). */
gboolean
tp_gui_is_of_type (GtkWidget     *widget,
                   gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (data));
}

GtkListView *
tp_gui_outline_get_list (GtkWidget *outline)
{
  GtkWidget *list = tp_gui_find_one (outline, tp_gui_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));

  g_assert_nonnull (list);
  return GTK_LIST_VIEW (list);
}

guint
tp_gui_outline_find_touchpoint (GtkWidget  *outline,
                                const char *id)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tp_gui_outline_get_list (outline)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(TpTouchpoint) touchpoint = NULL;

      g_object_get (item, "touchpoint", &touchpoint, NULL);
      if (touchpoint != NULL && g_strcmp0 (tp_element_get_id (TP_ELEMENT (touchpoint)), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static gboolean
is_outline_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "touchpoint-row")
         && g_strcmp0 (g_object_get_data (G_OBJECT (widget), "tp-outline-touchpoint-id"), data) == 0;
}

GtkWidget *
tp_gui_outline_get_row (GtkWidget *outline,
                        guint      position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tp_gui_outline_get_list (outline)));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  g_autoptr(TpTouchpoint) touchpoint = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_nonnull (item);
  g_object_get (item, "touchpoint", &touchpoint, NULL);
  g_assert_nonnull (touchpoint);
  rows = tp_gui_find_all (outline, is_outline_row, tp_element_get_id (TP_ELEMENT (touchpoint)));
  g_assert_cmpuint (rows->len, <=, 1);
  return rows->len == 1 ? g_ptr_array_index (rows, 0) : NULL;
}

static GtkWindow *
find_toplevel (GType    type,
               gboolean mapped_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && (!mapped_only || gtk_widget_get_mapped (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

/* The first toplevel of @type, mapped or not. */
GtkWindow *
tp_gui_find_toplevel (GType type)
{
  return find_toplevel (type, FALSE);
}

/* The first mapped toplevel of @type: one on screen. */
GtkWindow *
tp_gui_find_mapped_toplevel (GType type)
{
  return find_toplevel (type, TRUE);
}

/* Appends the title of every toast under @widget, one a line. */
void
tp_gui_collect_toast_titles (GtkWidget *widget,
                             GString   *titles)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "heading"))
    g_string_append_printf (titles, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    tp_gui_collect_toast_titles (child, titles);
}

/* With TP_SCREENSHOT_DIR set, saves how @widget looks, for people to look at. */
void
tp_gui_save_screenshot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("TP_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

char *
tp_gui_action_for_key (GtkWidget *widget,
                       guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint s = 0; s < g_list_model_get_n_items (G_LIST_MODEL (controller)); s++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), s);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && GTK_IS_NAMED_ACTION (action)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}
