/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-canvas.h"

/* The journey canvas in the real application window (under xvfb-run).
 * Each test starts the application, which shows the bundled hospital
 * sample, and drives the canvas from main-loop callbacks through the
 * same code paths its gestures and drop target run (tp_canvas_test_*),
 * at widget coordinates computed from the layout. Stage and lane headers
 * are in test-canvas-headers.c. */

#define STEP_TIMEOUT_MS 20
#define MAX_TRIES 250

/* ---------------------------------------------------------------- helpers */

TpDocument *
get_document (Fixture *f)
{
  return tp_window_get_document (f->window);
}

TpJourney *
get_journey (Fixture *f)
{
  return tp_document_get_journey (get_document (f));
}

TpTouchpoint *
lookup (Fixture    *f,
        const char *id)
{
  TpTouchpoint *touchpoint = tp_journey_lookup_touchpoint (get_journey (f), id);

  g_assert_nonnull (touchpoint);
  return touchpoint;
}

guint
n_touchpoints (Fixture *f)
{
  return g_list_model_get_n_items (tp_journey_get_touchpoints (get_journey (f)));
}

/* The middle of an element's card, in widget coordinates, scrolled into view. */
void
card_center (Fixture   *f,
             TpElement *element,
             double    *x,
             double    *y)
{
  TpRect rect;

  tp_canvas_scroll_to_element (f->canvas, element);
  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), element, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

/* The middle of a card where it is now, without scrolling (it may be
 * outside the view: the canvas maps any point). */
static void
card_center_here (Fixture   *f,
                  TpElement *element,
                  double    *x,
                  double    *y)
{
  TpRect rect;

  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), element, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, x, y);
}

/* A point in a cell at fractions (@fx, @fy) of its size, in widget coordinates. */
static void
cell_point (Fixture *f,
            guint    stage,
            guint    lane,
            double   fx,
            double   fy,
            double  *x,
            double  *y)
{
  TpRect rect;

  g_assert_true (tp_layout_get_cell_rect (tp_canvas_get_layout (f->canvas), stage, lane, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width * fx, rect.y + rect.height * fy, x, y);
}

GPtrArray *
get_selection (Fixture *f)
{
  return tp_canvas_get_selection (f->canvas);
}

gboolean
selection_is (Fixture   *f,
              TpElement *element)
{
  g_autoptr(GPtrArray) selection = get_selection (f);

  if (element == NULL)
    return selection->len == 0;
  return selection->len == 1 && g_ptr_array_index (selection, 0) == element;
}

gboolean
can_undo (Fixture *f)
{
  return tp_history_can_undo (tp_document_get_history (get_document (f)));
}

/* ---------------------------------------------------------------- driver */

/* The sample is shown and the canvas has its size. */
static gboolean
step_window_ready (Fixture *f)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  if (windows == NULL || !TP_IS_WINDOW (windows->data) || !gtk_widget_get_mapped (windows->data))
    return FALSE;

  f->window = windows->data;
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  f->canvas = tp_window_get_canvas (f->window);
  /* The map alone: these tests measure the canvas against the window. */
  g_action_group_change_action_state (G_ACTION_GROUP (f->window), "show-sidebar", g_variant_new_boolean (FALSE));
  if (gtk_widget_get_width (GTK_WIDGET (f->canvas)) < 200 || !gtk_widget_get_mapped (GTK_WIDGET (f->canvas)))
    return FALSE;

  g_assert_true (tp_canvas_get_document (f->canvas) == get_document (f));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Closes without the unsaved-changes question. */
static gboolean
step_close (Fixture *f)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  return TRUE;
}

void
run_steps (const StepFunc *steps,
           guint           n_steps)
{
  Fixture f = { 0 };
  char *argv[] = { (char *) "test-canvas", NULL };
  g_autofree StepFunc *all = g_new0 (StepFunc, n_steps + 2);

  if (!tp_gui_test_check_display ())
    return;

  all[0] = step_window_ready;
  memcpy (all + 1, steps, n_steps * sizeof (StepFunc));
  all[n_steps + 1] = step_close;
  f.driver.fixture = &f;
  f.driver.steps = (const TpGuiStepFunc *) all;
  f.driver.n_steps = n_steps + 2;
  f.driver.interval_ms = STEP_TIMEOUT_MS;
  f.driver.max_tries = MAX_TRIES;

  f.app = tp_application_new ();
  g_assert_cmpint (tp_gui_test_run (&f.driver, G_APPLICATION (f.app), 1, argv), ==, 0);
  g_assert_finalize_object (f.app);
  g_assert_null (f.window);
}

/* ---------------------------------------------------------------- palette */

static gboolean
step_palette_drop_touchpoint (Fixture *f)
{
  g_autoptr(GPtrArray) cell = NULL;
  TpTouchpoint *added;
  double x, y;

  /* The bottom of the Touchpoints cell of the fourth stage (one card). */
  tp_canvas_scroll_to_element (f->canvas, TP_ELEMENT (lookup (f, "t19")));
  cell_point (f, 3, LANE_TOUCHPOINTS, 0.5, 0.95, &x, &y);
  g_assert_true (tp_canvas_test_drop (f->canvas, "channel:phone", x, y));

  g_assert_cmpuint (n_touchpoints (f), ==, 26);
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s4", "l2");
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_true (g_ptr_array_index (cell, 0) == lookup (f, "t19"));
  added = g_ptr_array_index (cell, 1);
  g_assert_cmpstr (tp_touchpoint_get_title (added), ==, "New touchpoint");
  g_assert_cmpint (tp_touchpoint_get_channel (added), ==, TP_CHANNEL_PHONE);
  /* The new card is selected, its title open for typing. */
  g_assert_true (selection_is (f, TP_ELEMENT (added)));
  {
    GtkEditable *editor = tp_canvas_get_editor (f->canvas);

    g_assert_nonnull (editor);
    g_assert_cmpstr (gtk_editable_get_text (editor), ==, "New touchpoint");
    gtk_editable_set_text (editor, "Call about the results");
    g_signal_emit_by_name (editor, "activate");
    g_assert_cmpstr (tp_touchpoint_get_title (added), ==, "Call about the results");
    g_assert_true (tp_document_undo (get_document (f)));
    g_assert_cmpstr (tp_touchpoint_get_title (added), ==, "New touchpoint");
  }

  /* Adding was one undo step. */
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_false (can_undo (f));
  return TRUE;
}

static gboolean
step_palette_drop_at_top (Fixture *f)
{
  g_autoptr(GPtrArray) cell = NULL;
  double x, y;

  /* Above the first card of the first stage: it goes first. */
  tp_canvas_scroll_to_element (f->canvas, TP_ELEMENT (lookup (f, "t2")));
  cell_point (f, 0, LANE_TOUCHPOINTS, 0.5, 0.0, &x, &y);
  y += 2;
  g_assert_true (tp_canvas_test_drop (f->canvas, "channel:email", x, y));
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s1", "l2");
  g_assert_cmpuint (cell->len, ==, 6);
  g_assert_cmpint (tp_touchpoint_get_channel (g_ptr_array_index (cell, 0)), ==, TP_CHANNEL_EMAIL);
  g_assert_true (g_ptr_array_index (cell, 1) == lookup (f, "t2"));
  g_assert_true (tp_document_undo (get_document (f)));
  return TRUE;
}

static gboolean
step_palette_drop_notes (Fixture *f)
{
  TpTouchpoint *consult = lookup (f, "t19");
  GListModel *notes = tp_journey_get_employee_notes (get_journey (f));
  GListModel *opportunities = tp_journey_get_opportunities (get_journey (f));
  guint n_notes = g_list_model_get_n_items (notes);
  guint n_opportunities = g_list_model_get_n_items (opportunities);
  TpElement *element;
  double x, y;

  /* A blocker dropped on a card attaches to that touchpoint. */
  card_center (f, TP_ELEMENT (consult), &x, &y);
  g_assert_true (tp_canvas_test_drop (f->canvas, "blocker", x, y));
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);
  element = TP_ELEMENT (g_list_model_get_item (notes, n_notes));
  g_object_unref (element);
  g_assert_cmpint (tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (element)), ==, TP_NOTE_KIND_BLOCKER);
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (TP_EMPLOYEE_NOTE (element)), ==, "t19");

  /* An opportunity dropped on it links to it. */
  card_center (f, TP_ELEMENT (consult), &x, &y);
  g_assert_true (tp_canvas_test_drop (f->canvas, "opportunity", x, y));
  g_assert_cmpuint (g_list_model_get_n_items (opportunities), ==, n_opportunities + 1);
  element = TP_ELEMENT (g_list_model_get_item (opportunities, n_opportunities));
  g_object_unref (element);
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (element)), ==, "t19");

  /* An enabler dropped on an empty cell attaches to its stage. */
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.97, &x, &y);
  g_assert_true (tp_canvas_test_drop (f->canvas, "enabler", x, y));
  element = TP_ELEMENT (g_list_model_get_item (notes, n_notes + 1));
  g_object_unref (element);
  g_assert_cmpstr (tp_employee_note_get_stage_id (TP_EMPLOYEE_NOTE (element)), ==, "s3");

  /* Text that is not a palette item is refused. */
  g_assert_false (tp_canvas_test_drop (f->canvas, "nonsense", x, y));

  /* An opportunity dropped under the third stage, in its Opportunities
   * cell, attaches to that stage, and stays in its column. */
  cell_point (f, 2, LANE_OPPORTUNITIES, 0.5, 0.9, &x, &y);
  g_assert_true (tp_canvas_test_drop (f->canvas, "opportunity", x, y));
  element = TP_ELEMENT (g_list_model_get_item (opportunities, n_opportunities + 1));
  g_object_unref (element);
  g_assert_cmpstr (tp_opportunity_get_stage_id (TP_OPPORTUNITY (element)), ==, "s3");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (element)), ==, "");
  {
    TpRect card, column;

    g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), element, &card));
    g_assert_true (tp_layout_get_stage_rect (tp_canvas_get_layout (f->canvas), 2, &column));
    g_assert_true (card.x >= column.x && card.x + card.width <= column.x + column.width);
  }
  return TRUE;
}

/* A card from the palette dropped in the customer-actions or thoughts
 * lane is an action or a thought; in the touchpoints lane a touchpoint. */
static gboolean
step_palette_drop_kinds (Fixture *f)
{
  static const struct { guint lane; TpCardKind kind; } cases[] = {
    { LANE_ACTIONS, TP_CARD_KIND_ACTION },
    { LANE_THOUGHTS, TP_CARD_KIND_THOUGHT },
    { LANE_TOUCHPOINTS, TP_CARD_KIND_TOUCHPOINT },
  };
  GListModel *touchpoints = tp_journey_get_touchpoints (get_journey (f));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) selection = NULL;
      double x, y;

      cell_point (f, 1, cases[i].lane, 0.5, 0.97, &x, &y);
      g_assert_true (tp_canvas_test_drop (f->canvas, "channel:phone", x, y));
      selection = get_selection (f);
      g_assert_cmpuint (selection->len, ==, 1);
      g_assert_true (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, 0)));
      g_assert_cmpint (tp_touchpoint_get_kind (g_ptr_array_index (selection, 0)), ==, cases[i].kind);
      g_assert_true (tp_document_undo (get_document (f)));
    }
  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, n_touchpoints (f));
  return TRUE;
}

/* Keyboard path: activating an entry adds it after the selected card. */
static gboolean
step_palette_activate (Fixture *f)
{
  g_autoptr(GPtrArray) cell = NULL;
  TpPaletteView *palette = tp_window_get_palette (f->window);

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t9")));
  g_signal_emit_by_name (palette, "item-activated", "channel:chat");
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s2", "l2");
  g_assert_cmpuint (cell->len, ==, 5);
  g_assert_true (g_ptr_array_index (cell, 0) == lookup (f, "t9"));
  g_assert_cmpint (tp_touchpoint_get_channel (g_ptr_array_index (cell, 1)), ==, TP_CHANNEL_CHAT);
  g_assert_true (tp_document_undo (get_document (f)));
  return TRUE;
}

/* With a stage selected, entries go into that stage: a channel into its
 * Touchpoints cell, a blocker onto the stage. */
static gboolean
step_palette_activate_on_stage (Fixture *f)
{
  TpPaletteView *palette = tp_window_get_palette (f->window);
  g_autoptr(GPtrArray) cell = tp_journey_get_cell_touchpoints (get_journey (f), "s3", "l2");
  guint before = cell->len;
  GListModel *notes = tp_journey_get_employee_notes (get_journey (f));
  guint n_notes = g_list_model_get_n_items (notes);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TpEmployeeNote) note = NULL;

  tp_canvas_select (f->canvas, TP_ELEMENT (tp_journey_lookup_stage (get_journey (f), "s3")));
  g_signal_emit_by_name (palette, "item-activated", "channel:chat");
  after = tp_journey_get_cell_touchpoints (get_journey (f), "s3", "l2");
  g_assert_cmpuint (after->len, ==, before + 1);
  g_assert_true (tp_document_undo (get_document (f)));

  tp_canvas_select (f->canvas, TP_ELEMENT (tp_journey_lookup_stage (get_journey (f), "s3")));
  g_signal_emit_by_name (palette, "item-activated", "blocker");
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, n_notes + 1);
  note = g_list_model_get_item (notes, n_notes);
  g_assert_cmpstr (tp_employee_note_get_stage_id (note), ==, "s3");
  g_assert_true (tp_document_undo (get_document (f)));
  return TRUE;
}

/* One entry per channel plus blocker, enabler and opportunity; each
 * entry's drag source offers the text the canvas drop target takes. */
static gboolean
step_palette_entries (Fixture *f)
{
  GtkWidget *palette = GTK_WIDGET (tp_window_get_palette (f->window));
  GtkWidget *flow_box = gtk_widget_get_first_child (palette);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  g_assert_true (GTK_IS_FLOW_BOX (flow_box));
  for (GtkWidget *child = gtk_widget_get_first_child (flow_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (child);

      if (!GTK_IS_FLOW_BOX_CHILD (child))
        continue;
      n++;
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
          GdkContentProvider *provider = NULL;
          g_auto(GValue) value = G_VALUE_INIT;

          if (!GTK_IS_DRAG_SOURCE (controller))
            continue;
          g_signal_emit_by_name (controller, "prepare", 5.0, 5.0, &provider);
          g_assert_nonnull (provider);
          g_value_init (&value, G_TYPE_STRING);
          g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
          g_assert_true (g_str_has_prefix (g_value_get_string (&value), "touchpoint-palette:"));
          g_ptr_array_add (items, g_strdup (g_value_get_string (&value) + strlen ("touchpoint-palette:")));
          g_object_unref (provider);
        }
    }

  g_assert_cmpuint (n, ==, TP_N_CHANNELS + 3);
  g_assert_cmpuint (items->len, ==, n);
  g_assert_cmpstr (g_ptr_array_index (items, 0), ==, "channel:website");
  g_assert_cmpstr (g_ptr_array_index (items, TP_N_CHANNELS), ==, "blocker");
  g_assert_cmpstr (g_ptr_array_index (items, TP_N_CHANNELS + 1), ==, "enabler");
  g_assert_cmpstr (g_ptr_array_index (items, TP_N_CHANNELS + 2), ==, "opportunity");

  /* What each entry drags, the canvas accepts. */
  for (guint i = 0; i < items->len; i++)
    {
      double x, y;

      tp_canvas_scroll_to_element (f->canvas, TP_ELEMENT (lookup (f, "t19")));
      cell_point (f, 3, LANE_TOUCHPOINTS, 0.5, 0.95, &x, &y);
      g_assert_true (tp_canvas_test_drop (f->canvas, g_ptr_array_index (items, i), x, y));
      g_assert_true (tp_document_undo (get_document (f)));
    }
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Activating an entry in the flow box (Enter, double click) adds after
 * the flow box is done with the event, and the new title gets the focus. */
static gboolean
step_palette_flow_box_activate (Fixture *f)
{
  GtkWidget *palette = GTK_WIDGET (tp_window_get_palette (f->window));
  GtkWidget *flow_box = gtk_widget_get_first_child (palette);
  GtkFlowBoxChild *phone = gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (flow_box), TP_CHANNEL_PHONE);

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t19")));
  g_signal_emit_by_name (flow_box, "child-activated", phone);
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  return TRUE;
}

static gboolean
step_palette_flow_box_added (Fixture *f)
{
  g_autoptr(GPtrArray) cell = NULL;
  GtkEditable *editor;

  if (n_touchpoints (f) == 25)
    return FALSE;

  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s4", "l2");
  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_cmpint (tp_touchpoint_get_channel (g_ptr_array_index (cell, 1)), ==, TP_CHANNEL_PHONE);
  editor = tp_canvas_get_editor (f->canvas);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (editor))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (editor))),
                                            GTK_WIDGET (editor)));
  g_assert_true (tp_document_undo (get_document (f)));
  return TRUE;
}

static void
test_palette (void)
{
  RUN (step_palette_entries, step_palette_flow_box_activate, step_palette_flow_box_added, step_palette_drop_touchpoint, step_palette_drop_at_top, step_palette_drop_notes, step_palette_drop_kinds,
       step_palette_activate, step_palette_activate_on_stage);
}

/* ---------------------------------------------------------------- moving cards */

static gboolean
step_drag_card (Fixture *f)
{
  TpTouchpoint *letter = lookup (f, "t2");
  g_autoptr(GPtrArray) cell = NULL;
  guint position_before = 0;
  double x0, y0, x1, y1;

  tp_journey_get_position (get_journey (f), TP_ELEMENT (letter), &position_before);

  /* Escape during the drag: nothing changes. */
  card_center (f, TP_ELEMENT (letter), &x0, &y0);
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.95, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, TRUE);
  g_assert_cmpstr (tp_touchpoint_get_stage_id (letter), ==, "s1");
  g_assert_false (can_undo (f));

  /* Dragged to the end of the third stage's Touchpoints cell. */
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpstr (tp_touchpoint_get_stage_id (letter), ==, "s3");
  g_assert_cmpstr (tp_touchpoint_get_lane_id (letter), ==, "l2");
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s3", "l2");
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_true (g_ptr_array_index (cell, 2) == letter);
  g_assert_true (selection_is (f, TP_ELEMENT (letter)));

  /* Undo puts it back, in one step. */
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (letter), ==, "s1");
  {
    guint position = 0;

    tp_journey_get_position (get_journey (f), TP_ELEMENT (letter), &position);
    g_assert_cmpuint (position, ==, position_before);
  }
  g_assert_false (can_undo (f));
  return TRUE;
}

static gboolean
step_drag_card_within_cell (Fixture *f)
{
  TpTouchpoint *first = lookup (f, "t2");
  TpTouchpoint *third = lookup (f, "t4");
  g_autoptr(GPtrArray) cell = NULL;
  double x0, y0, x1, y1;
  TpRect rect;

  /* The first card dropped on the lower half of the third goes after it. */
  card_center (f, TP_ELEMENT (first), &x0, &y0);
  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), TP_ELEMENT (third), &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height * 0.8, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);

  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s1", "l2");
  g_assert_true (g_ptr_array_index (cell, 1) == third);
  g_assert_true (g_ptr_array_index (cell, 2) == first);
  g_assert_true (tp_document_undo (get_document (f)));
  g_clear_pointer (&cell, g_ptr_array_unref);

  /* Dropped where it is: no undo step. */
  card_center (f, TP_ELEMENT (first), &x0, &y0);
  tp_canvas_test_drag (f->canvas, x0, y0, x0 + 3, y0 - 20, 0, FALSE);
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s1", "l2");
  g_assert_true (g_ptr_array_index (cell, 0) == first);
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Arrows move the selection between cards, Alt+arrows move the card. */
static gboolean
step_keyboard (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TpTouchpoint *t3 = lookup (f, "t3");
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) selection = NULL;

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t2")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 0, 1));
  g_assert_true (selection_is (f, TP_ELEMENT (t3)));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 1, 0));
  selection = get_selection (f);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpstr (tp_touchpoint_get_stage_id (g_ptr_array_index (selection, 0)), ==, "s2");
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", -1, 0));
  g_assert_true (selection_is (f, TP_ELEMENT (t3)));

  /* Down one place in its cell: one step. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-card", "(ii)", 0, 1));
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s1", "l2");
  g_assert_true (g_ptr_array_index (cell, 2) == t3);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));

  /* To the next stage, same lane and place. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-card", "(ii)", 1, 0));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (t3), ==, "s2");
  g_assert_cmpstr (tp_touchpoint_get_lane_id (t3), ==, "l2");
  g_clear_pointer (&cell, g_ptr_array_unref);
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s2", "l2");
  g_assert_true (g_ptr_array_index (cell, 1) == t3);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (t3), ==, "s1");

  /* Nowhere to go left of the first stage: nothing recorded. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.move-card", "(ii)", -1, 0));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (t3), ==, "s1");
  g_assert_false (can_undo (f));
  return TRUE;
}

/* The card being dragged is deleted (by an undo, say): the drag ends. */
static gboolean
step_drag_deleted_card (Fixture *f)
{
  TpTouchpoint *website = lookup (f, "t9");
  double x0, y0, x1, y1;

  card_center (f, TP_ELEMENT (website), &x0, &y0);
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.95, &x1, &y1);
  tp_canvas_test_press (f->canvas, x0, y0, 0);
  tp_canvas_test_motion (f->canvas, (x0 + x1) / 2, (y0 + y1) / 2);
  tp_canvas_test_motion (f->canvas, x1, y1);
  tp_document_delete (get_document (f), TP_ELEMENT (website));
  return TRUE;
}

static gboolean
step_drag_deleted_card_ends (Fixture *f)
{
  double x1, y1;

  /* The canvas notices at its relayout idle; under load this step's
   * timeout can be due before that idle has run. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.95, &x1, &y1);
  /* Escape has nothing left to cancel; the release changes nothing. */
  g_assert_false (tp_canvas_test_cancel (f->canvas));
  tp_canvas_test_release (f->canvas, x1, y1);
  g_assert_null (tp_journey_lookup (get_journey (f), "t9"));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (lookup (f, "t9")), ==, "s2");
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Dragging a blocker onto another touchpoint attaches it there, onto an
 * empty cell to that stage; an opportunity links to the touchpoint it is
 * dropped on. One undo step each. */
static gboolean
step_drag_notes (Fixture *f)
{
  TpEmployeeNote *note = TP_EMPLOYEE_NOTE (tp_journey_lookup (get_journey (f), "e3"));
  TpOpportunity *opportunity = TP_OPPORTUNITY (tp_journey_lookup (get_journey (f), "o3"));
  double x0, y0, x1, y1;

  /* The whole map in view, as a user would have it for this. */
  tp_canvas_zoom_to_fit (f->canvas);
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "t19");
  card_center_here (f, TP_ELEMENT (note), &x0, &y0);
  card_center_here (f, TP_ELEMENT (lookup (f, "t9")), &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "t9");
  g_assert_true (selection_is (f, TP_ELEMENT (note)));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "t19");
  g_assert_false (can_undo (f));

  /* To the empty end of the third stage's Touchpoints cell: the stage. */
  card_center_here (f, TP_ELEMENT (note), &x0, &y0);
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.95, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpstr (tp_employee_note_get_stage_id (note), ==, "s3");
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "");
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));

  /* Escape: nothing. */
  card_center_here (f, TP_ELEMENT (note), &x0, &y0);
  card_center_here (f, TP_ELEMENT (lookup (f, "t9")), &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, TRUE);
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "t19");
  g_assert_false (can_undo (f));

  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "");
  card_center_here (f, TP_ELEMENT (opportunity), &x0, &y0);
  card_center_here (f, TP_ELEMENT (lookup (f, "t19")), &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "t19");
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));

  /* Under a stage, in its Opportunities cell: attached to that stage, one step. */
  card_center_here (f, TP_ELEMENT (opportunity), &x0, &y0);
  cell_point (f, 2, LANE_OPPORTUNITIES, 0.5, 0.9, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpstr (tp_opportunity_get_stage_id (opportunity), ==, "s3");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "");
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));
  g_assert_cmpstr (tp_opportunity_get_stage_id (opportunity), ==, "");
  tp_canvas_set_zoom (f->canvas, 1.0);
  return TRUE;
}

static void
test_move_card (void)
{
  RUN (step_drag_notes, step_drag_card, step_drag_card_within_cell, step_keyboard, step_drag_deleted_card,
       step_drag_deleted_card_ends);
}

/* ---------------------------------------------------------------- curve dots */

static gboolean
step_drag_dot (Fixture *f)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  TpTouchpoint *consult = lookup (f, "t19");
  const TpCurvePoint *points;
  const TpCurvePoint *point = NULL;
  guint n = 0;
  double x0, y0, x1, y1;

  points = tp_layout_get_curve (layout, LANE_CURVE, &n);
  g_assert_nonnull (points);
  for (guint i = 0; i < n; i++)
    if (points[i].element == TP_ELEMENT (consult))
      point = &points[i];
  g_assert_nonnull (point);
  g_assert_cmpint (point->score, ==, 3);

  tp_canvas_scroll_to_element (f->canvas, TP_ELEMENT (consult));
  tp_canvas_document_to_widget (f->canvas, point->x, point->y, &x0, &y0);
  /* A little past 6: it snaps to 6. */
  tp_canvas_document_to_widget (f->canvas, point->x + 4,
                                tp_layout_score_to_y (layout, LANE_CURVE, 6.3), &x1, &y1);

  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, TRUE);
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 3);
  g_assert_false (can_undo (f));

  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 6);
  g_assert_cmpstr (tp_touchpoint_get_stage_id (consult), ==, "s4");

  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 3);
  g_assert_false (can_undo (f));

  /* Far below the plot: clamped to 1. */
  tp_canvas_document_to_widget (f->canvas, point->x, point->y, &x0, &y0);
  tp_canvas_test_drag (f->canvas, x0, y0, x0, y0 + 2000, 0, FALSE);
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 1);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Digit keys score the selected touchpoints: one step for all. */
static gboolean
step_digit_scores (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TpTouchpoint *t9 = lookup (f, "t9");
  TpTouchpoint *t10 = lookup (f, "t10");
  double x, y;

  tp_canvas_select (f->canvas, TP_ELEMENT (t9));
  card_center (f, TP_ELEMENT (t10), &x, &y);
  tp_canvas_test_click (f->canvas, x, y, 1, GDK_CONTROL_MASK);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.set-score", "i", 5));
  g_assert_cmpint (tp_touchpoint_get_score (t9), ==, 5);
  g_assert_cmpint (tp_touchpoint_get_score (t10), ==, 5);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpint (tp_touchpoint_get_score (t9), ==, 8);
  g_assert_cmpint (tp_touchpoint_get_score (t10), ==, 8);
  g_assert_false (can_undo (f));

  /* The score they have already: nothing to undo. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.set-score", "i", 8));
  g_assert_false (can_undo (f));
  return TRUE;
}

static void
test_drag_dot (void)
{
  RUN (step_drag_dot, step_digit_scores);
}

/* ---------------------------------------------------------------- editing */

static gboolean
step_inline_rename (Fixture *f)
{
  TpTouchpoint *consult = lookup (f, "t19");
  const char *old_title = tp_touchpoint_get_title (consult);
  g_autofree char *saved = g_strdup (old_title);
  GtkEditable *editor;
  double x, y;

  card_center (f, TP_ELEMENT (consult), &x, &y);
  tp_canvas_test_click (f->canvas, x, y, 2, 0);
  editor = tp_canvas_get_editor (f->canvas);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (editor), ==, saved);
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (editor)) == GTK_WIDGET (f->canvas));

  gtk_editable_set_text (editor, "Consult of three minutes");
  g_signal_emit_by_name (editor, "activate");
  g_assert_null (tp_canvas_get_editor (f->canvas));
  g_assert_cmpstr (tp_touchpoint_get_title (consult), ==, "Consult of three minutes");

  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpstr (tp_touchpoint_get_title (consult), ==, saved);
  g_assert_false (can_undo (f));

  /* F2 on the selection edits too; an empty title is not committed. */
  tp_canvas_select (f->canvas, TP_ELEMENT (consult));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.edit", NULL));
  editor = tp_canvas_get_editor (f->canvas);
  g_assert_nonnull (editor);
  gtk_editable_set_text (editor, "   ");
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpstr (tp_touchpoint_get_title (consult), ==, saved);
  g_assert_false (can_undo (f));
  return TRUE;
}

static gboolean
step_toggle_moment (Fixture *f)
{
  TpTouchpoint *grand_cafe = lookup (f, "t12");

  tp_canvas_select (f->canvas, TP_ELEMENT (grand_cafe));
  g_assert_false (tp_touchpoint_get_moment_of_truth (grand_cafe));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.toggle-moment", NULL));
  g_assert_true (tp_touchpoint_get_moment_of_truth (grand_cafe));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (tp_touchpoint_get_moment_of_truth (grand_cafe));

  /* Duplicate puts a copy right after it, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.duplicate", NULL));
  g_assert_cmpuint (n_touchpoints (f), ==, 26);
  {
    g_autoptr(GPtrArray) selection = get_selection (f);
    TpTouchpoint *copy;

    g_assert_cmpuint (selection->len, ==, 1);
    copy = g_ptr_array_index (selection, 0);
    g_assert_true (copy != grand_cafe);
    g_assert_cmpstr (tp_touchpoint_get_title (copy), ==, tp_touchpoint_get_title (grand_cafe));
    g_assert_cmpstr (tp_touchpoint_get_stage_id (copy), ==, "s2");
    g_assert_cmpint (tp_touchpoint_get_score (copy), ==, tp_touchpoint_get_score (grand_cafe));
  }
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  return TRUE;
}

static gboolean
step_cut_copy_paste (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TpTouchpoint *grand_cafe = lookup (f, "t12");
  TpTouchpoint *letter = lookup (f, "t2");
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(GPtrArray) selection = NULL;

  /* Copy, then paste after another card: one step. */
  tp_canvas_select (f->canvas, TP_ELEMENT (grand_cafe));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.copy", NULL));
  tp_canvas_select (f->canvas, TP_ELEMENT (letter));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.paste", NULL));
  g_assert_cmpuint (n_touchpoints (f), ==, 26);
  cell = tp_journey_get_cell_touchpoints (get_journey (f), "s1", "l2");
  g_assert_true (g_ptr_array_index (cell, 0) == letter);
  g_assert_cmpstr (tp_touchpoint_get_title (g_ptr_array_index (cell, 1)), ==, tp_touchpoint_get_title (grand_cafe));
  selection = get_selection (f);
  g_assert_true (g_ptr_array_index (selection, 0) == g_ptr_array_index (cell, 1));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_false (can_undo (f));

  /* Cut removes it (one step); paste puts a copy back. */
  tp_canvas_select (f->canvas, TP_ELEMENT (grand_cafe));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.cut", NULL));
  g_assert_null (tp_journey_lookup (get_journey (f), "t12"));
  tp_canvas_select (f->canvas, TP_ELEMENT (letter));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.paste", NULL));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_nonnull (tp_journey_lookup (get_journey (f), "t12"));
  g_assert_false (can_undo (f));
  return TRUE;
}

static void
test_edit (void)
{
  RUN (step_inline_rename, step_toggle_moment, step_cut_copy_paste);
}

/* ---------------------------------------------------------------- zoom */

static gboolean
step_zoom_keeps_point (Fixture *f)
{
  /* Not so far out that the scroll position would have to go negative. */
  static const double zooms[] = { 2.0, 3.1, 1.5, 2.5 };
  double px = gtk_widget_get_width (GTK_WIDGET (f->canvas)) * 0.6;
  double py = gtk_widget_get_height (GTK_WIDGET (f->canvas)) * 0.4;

  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), ==, 1.0);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      double before_x, before_y, after_x, after_y;

      tp_canvas_widget_to_document (f->canvas, px, py, &before_x, &before_y);
      tp_canvas_zoom_at (f->canvas, zooms[i], px, py);
      g_assert_cmpfloat_with_epsilon (tp_canvas_get_zoom (f->canvas), zooms[i], 1e-9);
      tp_canvas_widget_to_document (f->canvas, px, py, &after_x, &after_y);

      /* Scrolling is in whole pixels. */
      g_assert_cmpfloat_with_epsilon (after_x, before_x, 0.6 / zooms[i]);
      g_assert_cmpfloat_with_epsilon (after_y, before_y, 0.6 / zooms[i]);
    }

  /* The mapping is one pair of inverse functions. */
  {
    double dx, dy, wx, wy;

    tp_canvas_widget_to_document (f->canvas, 123, 45, &dx, &dy);
    tp_canvas_document_to_widget (f->canvas, dx, dy, &wx, &wy);
    g_assert_cmpfloat_with_epsilon (wx, 123, 1e-9);
    g_assert_cmpfloat_with_epsilon (wy, 45, 1e-9);
  }
  return TRUE;
}

static gboolean
step_zoom_actions (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  double w, h;

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-reset", NULL));
  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), ==, 1.0);
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL));
  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), >, 1.0);
  /* Through the window, as the header bar's zoom menu does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (tp_canvas_get_zoom (f->canvas), 1.0, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.zoom-out", NULL));
  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), <, 1.0);

  /* Fit: the whole map is in view. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-fit", NULL));
  tp_layout_get_size (tp_canvas_get_layout (f->canvas), &w, &h);
  g_assert_cmpfloat (w * tp_canvas_get_zoom (f->canvas), <=, gtk_widget_get_width (canvas) + 0.5);
  g_assert_cmpfloat (h * tp_canvas_get_zoom (f->canvas), <=, gtk_widget_get_height (canvas) + 0.5);
  {
    double x0, y0, x1, y1;

    tp_canvas_document_to_widget (f->canvas, 0, 0, &x0, &y0);
    tp_canvas_document_to_widget (f->canvas, w, h, &x1, &y1);
    g_assert_cmpfloat (x0, >=, -0.5);
    g_assert_cmpfloat (y0, >=, -0.5);
    g_assert_cmpfloat (x1, <=, gtk_widget_get_width (canvas) + 0.5);
    g_assert_cmpfloat (y1, <=, gtk_widget_get_height (canvas) + 0.5);
  }

  /* Zoom is clamped. */
  tp_canvas_set_zoom (f->canvas, 100);
  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), ==, TP_CANVAS_MAX_ZOOM);
  g_assert_false (gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL)
                  && tp_canvas_get_zoom (f->canvas) > TP_CANVAS_MAX_ZOOM);
  tp_canvas_set_zoom (f->canvas, 0.001);
  g_assert_cmpfloat (tp_canvas_get_zoom (f->canvas), ==, TP_CANVAS_MIN_ZOOM);
  return TRUE;
}

/* The header bar shows the zoom level (after the canvas notified it). */
static gboolean
step_zoom_label (Fixture *f)
{
  tp_canvas_set_zoom (f->canvas, 1.5);
  {
    GtkWidget *w = GTK_WIDGET (f->window);
    GPtrArray *stack = g_ptr_array_new ();
    gboolean found = FALSE;

    g_ptr_array_add (stack, w);
    while (stack->len > 0 && !found)
      {
        GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_MENU_BUTTON (widget)
            && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), "150 %") == 0)
          found = TRUE;
        for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
    g_assert_true (found);
  }

  /* The view menu's employee layer switch reaches the canvas. */
  {
    gboolean shown = FALSE;

    g_object_get (f->canvas, "show-employee-overlay", &shown, NULL);
    g_assert_true (shown);
    g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-employee-overlay", NULL);
    g_object_get (f->canvas, "show-employee-overlay", &shown, NULL);
    g_assert_false (shown);
    g_action_group_activate_action (G_ACTION_GROUP (f->window), "show-employee-overlay", NULL);
    g_object_get (f->canvas, "show-employee-overlay", &shown, NULL);
    g_assert_true (shown);
  }
  return TRUE;
}

/* The shortcuts window lists the canvas shortcuts, and lays out without
 * warnings (they are fatal here). */
static gboolean
step_show_shortcuts (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL));
  return TRUE;
}

static GtkWindow *
find_shortcuts_window (void)
{
  return tp_gui_find_mapped_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
}

static gboolean
step_shortcuts_shown (Fixture *f)
{
  GtkWindow *shortcuts = find_shortcuts_window ();

  if (shortcuts == NULL)
    return FALSE;
  gtk_window_close (shortcuts);
  return TRUE;
}

static void
test_zoom (void)
{
  RUN (step_zoom_keeps_point, step_zoom_actions, step_zoom_label, step_show_shortcuts, step_shortcuts_shown);
}

/* ---------------------------------------------------------------- selection */

static gboolean
step_click_selection (Fixture *f)
{
  TpElement *t9 = TP_ELEMENT (lookup (f, "t9"));
  TpElement *t10 = TP_ELEMENT (lookup (f, "t10"));
  TpOutlineView *outline = tp_window_get_outline (f->window);
  double x9, y9, x10, y10, ex, ey;

  card_center (f, t9, &x9, &y9);
  card_center (f, t10, &x10, &y10);

  tp_canvas_test_click (f->canvas, x9, y9, 1, 0);
  g_assert_true (selection_is (f, t9));
  g_assert_true (TP_ELEMENT (tp_outline_view_get_selected_touchpoint (outline)) == t9);

  /* Ctrl+click adds, and removes. */
  tp_canvas_test_click (f->canvas, x10, y10, 1, GDK_CONTROL_MASK);
  {
    g_autoptr(GPtrArray) selection = get_selection (f);

    g_assert_cmpuint (selection->len, ==, 2);
  }
  tp_canvas_test_click (f->canvas, x9, y9, 1, GDK_SHIFT_MASK);
  g_assert_true (selection_is (f, t10));
  g_assert_true (TP_ELEMENT (tp_outline_view_get_selected_touchpoint (outline)) == t10);

  /* A click on empty space clears. */
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.5, 0.97, &ex, &ey);
  tp_canvas_test_click (f->canvas, ex, ey, 1, 0);
  {
    g_autoptr(GPtrArray) selection = get_selection (f);

    g_assert_cmpuint (selection->len, ==, 0);
  }
  g_assert_null (tp_outline_view_get_selected_touchpoint (outline));
  return TRUE;
}

/* Picking a row in the outline selects the card and scrolls to it; the
 * stage headings are not touchpoints and pick nothing. */
static gboolean
step_outline_to_canvas (Fixture *f)
{
  GtkWidget *outline = GTK_WIDGET (tp_window_get_outline (f->window));
  GtkListView *list = tp_gui_outline_get_list (outline);
  GtkSelectionModel *model = gtk_list_view_get_model (list);
  guint position = tp_gui_outline_find_touchpoint (outline, "t24");
  TpElement *t24 = TP_ELEMENT (lookup (f, "t24"));
  TpElement *t9 = TP_ELEMENT (lookup (f, "t9"));
  TpRect rect;
  double x, y;

  tp_canvas_set_zoom (f->canvas, 2.0);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  /* As a click on the row does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.select-item", "(ubb)",
                                             position, FALSE, FALSE));
  g_assert_true (gtk_selection_model_is_selected (model, position));
  g_assert_true (selection_is (f, t24));
  g_assert_true (TP_ELEMENT (tp_outline_view_get_selected_touchpoint (TP_OUTLINE_VIEW (outline))) == t24);

  g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas), t24, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x, rect.y, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x + rect.width * 2, <=, gtk_widget_get_width (GTK_WIDGET (f->canvas)));
  g_assert_cmpfloat (y + rect.height * 2, <=, gtk_widget_get_height (GTK_WIDGET (f->canvas)));
  tp_canvas_set_zoom (f->canvas, 1.0);

  /* Enter on a row (activation) picks it too. */
  position = tp_gui_outline_find_touchpoint (outline, "t9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", position));
  g_assert_true (gtk_selection_model_is_selected (model, position));
  g_assert_true (selection_is (f, t9));

  /* Item 0 is the header, item 1 the first stage's heading. */
  g_assert_cmpuint (tp_gui_outline_find_touchpoint (outline, "t1"), >, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 1));
  g_assert_false (gtk_selection_model_is_selected (model, 1));
  g_assert_true (selection_is (f, t9));
  return TRUE;
}

static gboolean
step_rubber_band (Fixture *f)
{
  g_autoptr(GPtrArray) selection = NULL;
  double x0, y0, x1, y1;

  tp_canvas_scroll_to_element (f->canvas, TP_ELEMENT (lookup (f, "t2")));
  /* From the empty bottom right of the third stage's cell up to the top
   * left of the second's: the cards of both. */
  cell_point (f, 2, LANE_TOUCHPOINTS, 0.97, 0.97, &x0, &y0);
  cell_point (f, 1, LANE_TOUCHPOINTS, 0.02, 0.02, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);

  selection = get_selection (f);
  g_assert_cmpuint (selection->len, ==, 6);
  for (guint i = 0; i < selection->len; i++)
    {
      const char *stage = tp_touchpoint_get_stage_id (g_ptr_array_index (selection, i));

      g_assert_true (g_str_equal (stage, "s2") || g_str_equal (stage, "s3"));
    }
  return TRUE;
}

static gboolean
step_select_all_delete (Fixture *f)
{
  g_autoptr(GPtrArray) selection = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.select-all", NULL));
  selection = get_selection (f);
  g_assert_cmpuint (selection->len, ==, 25);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete", NULL));
  g_assert_cmpuint (n_touchpoints (f), ==, 0);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_false (can_undo (f));
  return TRUE;
}

/* The canvas drops deleted elements from the selection. */
static gboolean
step_selection_follows_model (Fixture *f)
{
  g_autoptr(GPtrArray) selection = NULL;

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t9")));
  tp_document_delete (get_document (f), TP_ELEMENT (lookup (f, "t9")));
  g_assert_null (tp_journey_lookup (get_journey (f), "t9"));
  /* Laid out again when asked: the next card took its place. */
  {
    TpRect rect;

    g_assert_true (tp_layout_get_card_rect (tp_canvas_get_layout (f->canvas),
                                            tp_journey_lookup (get_journey (f), "t10"), &rect));
  }
  return TRUE;
}

static gboolean
step_selection_pruned (Fixture *f)
{
  g_autoptr(GPtrArray) selection = get_selection (f);

  if (selection->len != 0)
    return FALSE;
  g_assert_true (tp_document_undo (get_document (f)));
  return TRUE;
}

static void
test_selection (void)
{
  RUN (step_click_selection, step_outline_to_canvas, step_rubber_band, step_select_all_delete,
       step_selection_follows_model, step_selection_pruned);
}

/* ---------------------------------------------------------------- snapshot */

static GskRenderNode *
snapshot_canvas (Fixture *f)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  /* What GTK runs for the widget each frame. */
  GTK_WIDGET_GET_CLASS (f->canvas)->snapshot (GTK_WIDGET (f->canvas), snapshot);
  return gtk_snapshot_free_to_node (snapshot);
}

/* The canvas draws one cairo node, exactly the viewport. */
static gboolean
step_snapshot_is_tight (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  g_autoptr(GskRenderNode) node = snapshot_canvas (f);
  graphene_rect_t bounds;

  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  g_assert_cmpfloat (bounds.origin.y, ==, 0);
  g_assert_cmpfloat (bounds.size.width, ==, gtk_widget_get_width (canvas));
  g_assert_cmpfloat (bounds.size.height, ==, gtk_widget_get_height (canvas));
  return TRUE;
}

/* While a card is dragged, the scene node is reused from frame to frame
 * and only small nodes are drawn anew. */
static gboolean
step_snapshot_drag_reuses_scene (Fixture *f)
{
  TpTouchpoint *letter = lookup (f, "t2");
  g_autoptr(GskRenderNode) first = NULL;
  g_autoptr(GskRenderNode) second = NULL;
  GskRenderNode *scene1, *scene2;
  double x0, y0;

  card_center (f, TP_ELEMENT (letter), &x0, &y0);
  tp_canvas_test_press (f->canvas, x0, y0, 0);
  tp_canvas_test_motion (f->canvas, x0 + 30, y0 + 40);
  first = snapshot_canvas (f);
  tp_canvas_test_motion (f->canvas, x0 + 60, y0 + 80);
  second = snapshot_canvas (f);

  g_assert_cmpint (gsk_render_node_get_node_type (first), ==, GSK_CONTAINER_NODE);
  g_assert_cmpint (gsk_render_node_get_node_type (second), ==, GSK_CONTAINER_NODE);
  g_assert_cmpuint (gsk_container_node_get_n_children (second), >=, 2);
  scene1 = gsk_container_node_get_child (first, 0);
  scene2 = gsk_container_node_get_child (second, 0);
  g_assert_true (scene1 == scene2);

  /* The moving card's node is about the card's size. */
  {
    GskRenderNode *card = gsk_container_node_get_child (second, gsk_container_node_get_n_children (second) - 1);
    graphene_rect_t bounds;

    gsk_render_node_get_bounds (card, &bounds);
    g_assert_cmpfloat (bounds.size.width, <, TP_LAYOUT_CARD_WIDTH + 60);
    g_assert_cmpfloat (bounds.size.height, <, 200);
  }

  g_assert_true (tp_canvas_test_cancel (f->canvas));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (letter), ==, "s1");
  return TRUE;
}

static void
test_snapshot (void)
{
  RUN (step_snapshot_is_tight, step_snapshot_drag_reuses_scene);
}

int
main (int   argc,
      char *argv[])
{
  tp_gui_test_init (&argc, &argv);
  tp_register_resource ();

  g_test_add_func ("/canvas/palette", test_palette);
  g_test_add_func ("/canvas/move-card", test_move_card);
  g_test_add_func ("/canvas/drag-dot", test_drag_dot);
  g_test_add_func ("/canvas/edit", test_edit);
  g_test_add_func ("/canvas/zoom", test_zoom);
  g_test_add_func ("/canvas/selection", test_selection);
  g_test_add_func ("/canvas/headers", test_headers);
  g_test_add_func ("/canvas/header-selection", test_header_selection);
  g_test_add_func ("/canvas/snapshot", test_snapshot);

  return g_test_run ();
}
