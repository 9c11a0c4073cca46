/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-application.h"
#include "tp-gui-test-util.h"
#include "tp-presentation.h"
#include "tp-resources.h"
#include "tp-window.h"

/* Presentation mode in the real application (under xvfb-run): F5 opens
 * it full screen over the sample, the keys step through the slides
 * (checked by the slide index and the stage it shows), and Escape closes
 * it, back to the window. */

#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 200

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication  *app;
  TpWindow       *window;        /* weak */
  TpPresentation *presentation;  /* weak */
  TpGuiDriver     driver;
};

/* The action a key is bound to in the presentation's shortcut
 * controllers, or NULL. */
/* A key as the presentation takes it: through its binding. */
static void
press (Fixture *f,
       guint    keyval)
{
  g_autofree char *action = tp_gui_action_for_key (GTK_WIDGET (f->presentation), keyval);

  g_assert_nonnull (action);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->presentation), action, NULL));
}

/* ---------------------------------------------------------------- steps */

static gboolean
step_window_shown (Fixture *f)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  if (windows == NULL || !TP_IS_WINDOW (windows->data) || !gtk_widget_get_mapped (windows->data))
    return FALSE;
  f->window = windows->data;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  return TRUE;
}

/* F5 is the presentation's and nothing else's; it starts one. */
static gboolean
step_start (Fixture *f)
{
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (f->app), "F5");

  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "win.present");
  g_assert_null (tp_gui_find_toplevel (TP_TYPE_PRESENTATION));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL));
  return TRUE;
}

static gboolean
step_shown (Fixture *f)
{
  GtkWindow *window = tp_gui_find_mapped_toplevel (TP_TYPE_PRESENTATION);
  TpSlides *slides;

  if (window == NULL)
    return FALSE;
  f->presentation = TP_PRESENTATION (window);
  g_object_add_weak_pointer (G_OBJECT (f->presentation), (gpointer *) &f->presentation);

  /* Over the window, on the title slide of the sample's seven. */
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (f->window));
  g_assert_true (gtk_window_get_modal (window));
  slides = tp_presentation_get_slides (f->presentation);
  g_assert_cmpuint (tp_slides_get_n_slides (slides), ==, 7);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 0);
  g_assert_cmpint (tp_slides_get_kind (slides, 0), ==, TP_SLIDE_TITLE);
  return TRUE;
}

/* GtkWindow's own bindings (focus moves on the arrows, activation on
 * Space) must not get the keys first. */
static gboolean
step_keys_bound (Fixture *f)
{
  static const struct {
    guint keyval;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_Escape, "presentation.close" },
  };
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->presentation));
  gboolean capturing = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *action = tp_gui_action_for_key (GTK_WIDGET (f->presentation), keys[i].keyval);

      g_assert_cmpstr (action, ==, keys[i].action);
    }
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, c);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        capturing = TRUE;
    }
  g_assert_true (capturing);
  return TRUE;
}

/* Through the stages and back; never past either end. */
static gboolean
step_navigate (Fixture *f)
{
  TpSlides *slides = tp_presentation_get_slides (f->presentation);
  guint last = tp_slides_get_n_slides (slides) - 1;

  press (f, GDK_KEY_Left);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 0);

  press (f, GDK_KEY_Right);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 1);
  g_assert_cmpint (tp_slides_get_stage (slides, 1), ==, 0);
  press (f, GDK_KEY_space);
  press (f, GDK_KEY_Page_Down);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 3);
  g_assert_cmpint (tp_slides_get_stage (slides, 3), ==, 2);
  press (f, GDK_KEY_Page_Up);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 2);

  press (f, GDK_KEY_End);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, last);
  g_assert_cmpint (tp_slides_get_kind (slides, last), ==, TP_SLIDE_SUMMARY);
  press (f, GDK_KEY_Right);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, last);
  press (f, GDK_KEY_Home);
  g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 0);
  press (f, GDK_KEY_Right);

  /* Dark and light keep the slide. */
  {
    gboolean dark = tp_presentation_get_dark (f->presentation);

    press (f, GDK_KEY_d);
    g_assert_cmpint (tp_presentation_get_dark (f->presentation), !=, dark);
    g_assert_cmpuint (tp_presentation_get_index (f->presentation), ==, 1);
    press (f, GDK_KEY_d);
  }
  return TRUE;
}

/* A frame is drawn at the screen's size, the slide centred. */
static gboolean
step_drawn (Fixture *f)
{
  GtkWidget *widget = GTK_WIDGET (f->presentation);

  if (gtk_widget_get_width (widget) < 200)
    return FALSE;
  if (g_getenv ("TP_SCREENSHOT_DIR") != NULL)
    tp_gui_save_screenshot (widget, "presentation");
  return TRUE;
}

static gboolean
step_escape (Fixture *f)
{
  press (f, GDK_KEY_Escape);
  return TRUE;
}

static gboolean
step_closed (Fixture *f)
{
  if (f->presentation != NULL)
    return FALSE;
  g_assert_null (tp_gui_find_toplevel (TP_TYPE_PRESENTATION));
  /* Back to the map. */
  g_assert_nonnull (f->window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->window)));
  /* The sample is unchanged: closing asks nothing, and the application
   * ends with its last window. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  return TRUE;
}

static void
test_present (void)
{
  const StepFunc steps[] = { step_window_shown, step_start, step_shown, step_keys_bound, step_navigate,
                             step_drawn, step_escape, step_closed };
  Fixture f;
  char *argv[] = { (char *) "test-presentation", NULL };

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

  g_assert_finalize_object (f.app);
  g_assert_null (f.window);
  g_assert_null (f.presentation);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/presentation/step-through", test_present);
  return g_test_run ();
}
