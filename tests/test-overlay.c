/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "tp-analysis.h"
#include "tp-application.h"
#include "tp-export-dialog.h"
#include "tp-gui-test-util.h"
#include "tp-renderer.h"
#include "tp-resources.h"
#include "tp-window.h"

/* The employee layer and the findings in the real window (under
 * xvfb-run): the sidebar with the inspector and insights, a finding
 * selecting its cards, marks on the cards, the overlay toggle, the
 * department filter, and the export dialog following the overlay. Each
 * test starts a fresh TpApplication and drives it from main-loop
 * callbacks in small steps. */

#define CONSULT_TITLE "Three-minute consult with the cardiologist"
#define STEP_TIMEOUT_MS 50
#define MAX_TRIES 200

typedef struct _Fixture Fixture;
typedef gboolean (*StepFunc) (Fixture *f);

struct _Fixture
{
  TpApplication *app;
  TpWindow *window;          /* weak */
  TpCanvas *canvas;          /* borrowed from the window */
  TpGuiDriver driver;
};

/* ---------------------------------------------------------------- helpers */

static TpDocument *
get_document (Fixture *f)
{
  return tp_window_get_document (f->window);
}

static TpJourney *
get_journey (Fixture *f)
{
  return tp_document_get_journey (get_document (f));
}

static TpElement *
lookup (Fixture    *f,
        const char *id)
{
  TpElement *element = tp_journey_lookup (get_journey (f), id);

  g_assert_nonnull (element);
  return element;
}

static TpSeverity
mark_of (Fixture    *f,
         const char *id)
{
  GHashTable *marks = tp_canvas_get_finding_marks (f->canvas);

  if (marks == NULL)
    return TP_SEVERITY_INFO;
  return GPOINTER_TO_INT (g_hash_table_lookup (marks, lookup (f, id)));
}

/* The whole map as the canvas draws it (without scrolling or zoom). */
static cairo_surface_t *
render_canvas (Fixture *f)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  TpRenderOptions options;
  cairo_surface_t *surface;
  double width, height;
  cairo_t *cr;

  tp_layout_get_size (layout, &width, &height);
  tp_canvas_render_options (f->canvas, &options);
  /* The same on a light or a dark desktop. */
  options.palette = TP_PALETTE_LIGHT;
  options.selection = NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);
  tp_render_journey (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels differ between two renders inside @rect. */
static guint
count_changed (cairo_surface_t *a,
               cairo_surface_t *b,
               const TpRect    *rect)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *da = cairo_image_surface_get_data (a);
  const guchar *db = cairo_image_surface_get_data (b);
  int x0 = MAX (0, (int) rect->x), y0 = MAX (0, (int) rect->y);
  int x1 = MIN (cairo_image_surface_get_width (a), (int) (rect->x + rect->width));
  int y1 = MIN (cairo_image_surface_get_height (a), (int) (rect->y + rect->height));
  guint n = 0;

  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      if (memcmp (da + y * stride + 4 * x, db + y * stride + 4 * x, 4) != 0)
        n++;
  return n;
}

static TpRect
card_rect (Fixture    *f,
           const char *id)
{
  TpRect rect;

  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), lookup (f, id), &rect));
  return rect;
}

static GtkWindow *
find_export_dialog (void)
{
  return tp_gui_find_mapped_toplevel (TP_TYPE_EXPORT_DIALOG);
}

/* ---------------------------------------------------------------- driver */

static void
run_steps (const StepFunc *steps,
           guint           n_steps)
{
  Fixture f;
  char *argv[] = { (char *) "test-overlay", NULL };

  if (!tp_gui_test_check_display ())
    return;

  memset (&f, 0, sizeof f);
  f.app = tp_application_new ();
  f.driver.fixture = &f;
  f.driver.steps = (const TpGuiStepFunc *) steps;
  f.driver.n_steps = n_steps;
  f.driver.interval_ms = STEP_TIMEOUT_MS;
  f.driver.max_tries = MAX_TRIES;

  tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv);

  g_assert_finalize_object (f.app);
  g_assert_null (f.window);
}

#define RUN(...) \
  G_STMT_START { \
    const StepFunc steps_[] = { __VA_ARGS__ }; \
    run_steps (steps_, G_N_ELEMENTS (steps_)); \
  } G_STMT_END

/* ---------------------------------------------------------------- steps */

/* The sample, opened without any setup, shows the overlay and the
 * findings: the sidebar is open on Insights, the consult has a mark. */
static gboolean
step_window_shown (Fixture *f)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  GtkWidget *panel;
  GtkWidget *stack;
  gboolean shown = FALSE;

  if (windows == NULL || !TP_IS_WINDOW (windows->data) || !gtk_widget_get_mapped (windows->data))
    return FALSE;

  f->window = windows->data;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  f->canvas = tp_window_get_canvas (f->window);
  if (gtk_widget_get_width (GTK_WIDGET (f->canvas)) < 200)
    return FALSE;

  g_object_get (f->canvas, "show-employee-overlay", &shown, NULL);
  g_assert_true (shown);

  panel = GTK_WIDGET (tp_window_get_insights_panel (f->window));
  g_assert_true (gtk_widget_get_mapped (panel));
  stack = gtk_widget_get_ancestor (panel, GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "insights");

  g_assert_cmpint (mark_of (f, "t19"), ==, TP_SEVERITY_CRITICAL);
  /* A touchpoint that is simply right has none. */
  g_assert_cmpint (mark_of (f, "t15"), ==, TP_SEVERITY_INFO);
  return TRUE;
}

/* Ctrl+E and F9 are the overlay's and the sidebar's, and nothing else's. */
static gboolean
step_shortcuts (Fixture *f)
{
  GtkApplication *app = GTK_APPLICATION (f->app);
  g_auto(GStrv) overlay = gtk_application_get_actions_for_accel (app, "<Control>e");
  g_auto(GStrv) sidebar = gtk_application_get_actions_for_accel (app, "F9");

  g_assert_cmpuint (g_strv_length (overlay), ==, 1);
  g_assert_cmpstr (overlay[0], ==, "win.show-employee-overlay");
  g_assert_cmpuint (g_strv_length (sidebar), ==, 1);
  g_assert_cmpstr (sidebar[0], ==, "win.show-sidebar");
  return TRUE;
}

/* Activating the consult's critical finding selects the consult on the
 * canvas; the inspector follows; the sidebar stays on Insights. */
static gboolean
step_activate_finding (Fixture *f)
{
  TpInsightsPanel *panel = tp_window_get_insights_panel (f->window);
  GPtrArray *findings;
  TpFinding *finding = NULL;
  g_autoptr(GPtrArray) selection = NULL;
  GtkWidget *title;
  GtkWidget *stack;

  tp_window_refresh_findings (f->window);
  findings = tp_findings_get_findings (tp_insights_panel_get_findings (panel));
  for (guint i = 0; i < findings->len && finding == NULL; i++)
    {
      TpFinding *candidate = g_ptr_array_index (findings, i);

      if (tp_finding_get_kind (candidate) == TP_FINDING_MOMENT_BELOW_TARGET
          && tp_finding_concerns (candidate, "t19"))
        finding = candidate;
    }
  g_assert_nonnull (finding);
  g_assert_cmpint (tp_finding_get_severity (finding), ==, TP_SEVERITY_CRITICAL);

  tp_canvas_select (f->canvas, NULL);
  g_signal_emit_by_name (panel, "finding-activated", finding);

  selection = tp_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == (gpointer) lookup (f, "t19"));

  title = tp_inspector_get_field_widget (tp_window_get_inspector (f->window), "title");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, CONSULT_TITLE);

  stack = gtk_widget_get_ancestor (GTK_WIDGET (panel), GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "insights");
  return TRUE;
}

/* The same through the list view, as a click or Enter on the row does:
 * the consult's critical finding selects the consult. */
static gboolean
step_activate_finding_row (Fixture *f)
{
  TpInsightsPanel *panel = tp_window_get_insights_panel (f->window);
  GtkWidget *list = tp_gui_find_one (GTK_WIDGET (panel), tp_gui_is_of_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_LIST_VIEW));
  GPtrArray *findings = tp_findings_get_findings (tp_insights_panel_get_findings (panel));
  g_autoptr(GPtrArray) selection = NULL;
  guint position = 0;
  gboolean found = FALSE;

  g_assert_nonnull (list);
  /* The list has a heading before each severity's findings. */
  for (guint i = 0; i < findings->len && !found; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      if (i == 0 || tp_finding_get_severity (finding)
                    != tp_finding_get_severity (g_ptr_array_index (findings, i - 1)))
        position++;
      found = tp_finding_get_kind (finding) == TP_FINDING_MOMENT_BELOW_TARGET
              && tp_finding_concerns (finding, "t19");
      if (!found)
        position++;
    }
  g_assert_true (found);

  tp_canvas_select (f->canvas, NULL);
  gtk_widget_activate_action (list, "list.activate-item", "u", position);
  selection = tp_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection, 0) == (gpointer) lookup (f, "t19"));
  return TRUE;
}

/* A finding about a stage and notes selects the notes. */
static gboolean
step_activate_blocked_moment (Fixture *f)
{
  const char *ids[] = { "t19", "e1", "e2", NULL };
  g_autoptr(TpFinding) finding = tp_finding_new (TP_FINDING_BLOCKED_MOMENT, TP_SEVERITY_WARNING,
                                                 "blocked", ids, "Cardiology outpatient clinic");
  g_autoptr(GPtrArray) selection = NULL;

  g_signal_emit_by_name (tp_window_get_insights_panel (f->window), "finding-activated", finding);
  selection = tp_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 3);
  return TRUE;
}

/* A finding about a stage (its average) scrolls the map to the stage
 * and selects the stage, no card. */
static gboolean
step_activate_stage_finding (Fixture *f)
{
  const char *ids[] = { "s5", NULL };
  g_autoptr(TpFinding) finding = tp_finding_new (TP_FINDING_STAGE_BELOW_GOOD_ENOUGH, TP_SEVERITY_WARNING,
                                                 "stage", ids, NULL);
  g_autoptr(GPtrArray) selection = NULL;
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas));
  TpRect stage;
  double x, y;

  gtk_adjustment_set_value (hadjustment, 0);
  g_signal_emit_by_name (tp_window_get_insights_panel (f->window), "finding-activated", finding);
  selection = tp_canvas_get_selection (f->canvas);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_true (TP_IS_STAGE (g_ptr_array_index (selection, 0)));
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (selection, 0)), ==, "s5");
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), >, 0);

  /* The stage's header is in view, right of the pinned lane headers. */
  g_assert_true (tp_layout_get_stage_header_rect (tp_canvas_get_layout (f->canvas), 4, &stage));
  tp_canvas_document_to_widget (f->canvas, stage.x, stage.y, &x, &y);
  g_assert_cmpfloat (x, >=, TP_LAYOUT_LANE_HEADER_WIDTH * tp_canvas_get_zoom (f->canvas) - 1);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
  return TRUE;
}

/* The overlay toggle through the window action: the canvas state, what
 * it draws (the legend and the markers) and the export dialog's default. */
static gboolean
step_overlay_toggle (Fixture *f)
{
  cairo_surface_t *on, *off;
  TpRenderOptions options;
  TpRect lane;
  gboolean shown = TRUE;
  guint n_lanes = tp_layout_get_n_lanes (tp_canvas_get_layout (f->canvas));
  guint changed = 0;

  on = render_canvas (f);
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-employee-overlay", NULL);
  g_object_get (f->canvas, "show-employee-overlay", &shown, NULL);
  g_assert_false (shown);
  tp_canvas_render_options (f->canvas, &options);
  g_assert_false (options.show_employee_overlay);
  off = render_canvas (f);

  /* The lane headers change (the legend under the employee lane, the
   * employee line's key), and the marker on the consult's card. */
  for (guint l = 0; l < n_lanes; l++)
    if (tp_layout_get_lane_header_rect (tp_canvas_get_layout (f->canvas), l, &lane))
      changed += count_changed (on, off, &lane);
  g_assert_cmpuint (changed, >, 50);
  {
    TpRect consult = card_rect (f, "t19");

    g_assert_cmpuint (count_changed (on, off, &consult), >, 0);
  }
  cairo_surface_destroy (on);
  cairo_surface_destroy (off);

  /* The export dialog draws what the window shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  return TRUE;
}

static gboolean
step_export_dialog_follows (Fixture *f)
{
  GtkWindow *dialog = find_export_dialog ();

  if (dialog == NULL)
    return FALSE;
  g_assert_false (tp_export_dialog_get_employee_layer (TP_EXPORT_DIALOG (dialog)));
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-employee-overlay", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL));
  return TRUE;
}

static gboolean
step_export_dialog_follows_on (Fixture *f)
{
  GtkWindow *dialog = find_export_dialog ();

  if (dialog == NULL)
    return FALSE;
  g_assert_true (tp_export_dialog_get_employee_layer (TP_EXPORT_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  return TRUE;
}

/* The department filter dims the notes of a hidden department and leaves
 * the others as they were. */
static gboolean
step_department_filter (Fixture *f)
{
  cairo_surface_t *all, *filtered;
  GHashTable *hidden;
  TpRect hospitality = card_rect (f, "e4");
  TpRect cardiology = card_rect (f, "e1");

  tp_canvas_select (f->canvas, NULL);
  all = render_canvas (f);
  tp_window_set_department_visible (f->window, "Hospitality", FALSE);
  hidden = tp_canvas_get_hidden_departments (f->canvas);
  g_assert_nonnull (hidden);
  g_assert_true (g_hash_table_contains (hidden, "hospitality"));
  g_assert_cmpuint (g_hash_table_size (hidden), ==, 1);
  filtered = render_canvas (f);

  g_assert_cmpuint (count_changed (all, filtered, &hospitality), >, hospitality.width * hospitality.height / 2);
  g_assert_cmpuint (count_changed (all, filtered, &cardiology), ==, 0);
  /* The employee line leaves out the hidden department's score. */
  {
    TpLayout *layout = tp_canvas_get_layout (f->canvas);
    GListModel *lanes = tp_journey_get_lanes (get_journey (f));
    guint changed = 0;

    for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
      {
        g_autoptr(TpLane) lane = g_list_model_get_item (lanes, l);
        TpRect rect;

        if (tp_lane_get_kind (lane) == TP_LANE_KIND_EMOTION_CURVE && tp_layout_get_lane_rect (layout, l, &rect))
          changed += count_changed (all, filtered, &rect);
      }
    g_assert_cmpuint (changed, >, 20);
  }

  /* "All departments" shows every one again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "dept.all", NULL));
  g_assert_null (tp_canvas_get_hidden_departments (f->canvas));

  cairo_surface_destroy (all);
  cairo_surface_destroy (filtered);
  return TRUE;
}

/* Scoring the consult 9 removes its critical mark once the analysis has
 * run again (debounced). It keeps a warning: its department still has
 * blockers there. */
static gboolean
step_score_consult (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_document_set_int (get_document (f), lookup (f, "t19"), "score", 9, &error));
  g_assert_no_error (error);
  return TRUE;
}

static gboolean
step_mark_gone (Fixture *f)
{
  if (mark_of (f, "t19") == TP_SEVERITY_CRITICAL)
    return FALSE;
  g_assert_cmpint (mark_of (f, "t19"), ==, TP_SEVERITY_WARNING);

  /* Undo brings it back. */
  g_assert_true (tp_document_undo (get_document (f)));
  tp_window_refresh_findings (f->window);
  g_assert_cmpint (mark_of (f, "t19"), ==, TP_SEVERITY_CRITICAL);
  return TRUE;
}

/* F9's action hides and shows the sidebar. */
static gboolean
step_sidebar_toggle (Fixture *f)
{
  GtkWidget *sidebar = gtk_widget_get_ancestor (GTK_WIDGET (tp_window_get_inspector (f->window)), GTK_TYPE_BOX);

  while (sidebar != NULL && !gtk_widget_has_css_class (sidebar, "sidebar"))
    sidebar = gtk_widget_get_ancestor (gtk_widget_get_parent (sidebar), GTK_TYPE_BOX);
  g_assert_nonnull (sidebar);
  g_assert_true (gtk_widget_get_visible (sidebar));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-sidebar", NULL);
  g_assert_false (gtk_widget_get_visible (sidebar));
  g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-sidebar", NULL);
  g_assert_true (gtk_widget_get_visible (sidebar));
  return TRUE;
}

static gboolean
step_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  return TRUE;
}

static void
test_findings (void)
{
  RUN (step_window_shown, step_shortcuts, step_activate_finding, step_activate_finding_row,
       step_activate_blocked_moment,
       step_activate_stage_finding,
       step_score_consult, step_mark_gone, step_sidebar_toggle, step_close);
}

static void
test_overlay (void)
{
  RUN (step_window_shown, step_overlay_toggle, step_export_dialog_follows,
       step_export_dialog_follows_on, step_department_filter, step_close);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/overlay/findings", test_findings);
  g_test_add_func ("/overlay/overlay", test_overlay);

  return g_test_run ();
}
