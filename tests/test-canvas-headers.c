/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-canvas.h"
#include "tp-inspector.h"
#include "tp-outline-view.h"

/* Stage and lane headers on the canvas: adding, renaming, deleting and
 * reordering them; selecting them (by click and by keyboard) and editing
 * them in the inspector. */

/* The middle of a stage's (lane's) header at @position, in widget
 * coordinates, where it is pinned. */
static void
stage_header_center (Fixture *f,
                     guint    position,
                     double  *x,
                     double  *y)
{
  TpRect rect;

  g_assert_true (tp_layout_get_stage_header_rect (tp_canvas_get_layout (f->canvas), position, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, 0, x, NULL);
  *y = rect.height / 2;
}

static void
lane_header_center (Fixture *f,
                    guint    position,
                    double  *x,
                    double  *y)
{
  TpRect rect;

  g_assert_true (tp_layout_get_lane_header_rect (tp_canvas_get_layout (f->canvas), position, &rect));
  tp_canvas_document_to_widget (f->canvas, 0, rect.y + rect.height / 2, NULL, y);
  *x = rect.width / 2;
}

static gboolean
step_delete_stage (Fixture *f)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  GListModel *stages = tp_journey_get_stages (get_journey (f));
  TpRect rect;
  double x, y;

  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas));

  /* Scrolled down, the stage headers stay pinned at the top. */
  gtk_adjustment_set_value (vadj, 300);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), ==, 300);
  g_assert_true (tp_layout_get_stage_header_rect (layout, 1, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  g_assert_cmpfloat (y, <, 0);
  y = rect.height / 2;
  g_assert_true (tp_canvas_test_context_menu (f->canvas, x, y));
  g_assert_nonnull (tp_canvas_test_get_menu (f->canvas));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.delete-header", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 4);
  g_assert_null (tp_journey_lookup_stage (get_journey (f), "s2"));
  g_assert_null (tp_journey_lookup (get_journey (f), "t9"));
  g_assert_cmpuint (n_touchpoints (f), ==, 25 - 6);

  /* One undo step brings the stage and its touchpoints back. */
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 5);
  g_assert_nonnull (tp_journey_lookup_stage (get_journey (f), "s2"));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (lookup (f, "t9")), ==, "s2");
  g_assert_cmpuint (n_touchpoints (f), ==, 25);
  g_assert_false (can_undo (f));
  return TRUE;
}

/* Types @text into the in-place editor and presses Enter. */
static gboolean
commit_editing (Fixture    *f,
                const char *text)
{
  GtkEditable *editor = tp_canvas_get_editor (f->canvas);

  if (editor == NULL)
    return FALSE;
  gtk_editable_set_text (editor, text);
  g_signal_emit_by_name (editor, "activate");
  return tp_canvas_get_editor (f->canvas) == NULL;
}

/* Without a pointer: the keyboard menu of the map and of a card reach
 * every stage and lane action. */
static gboolean
step_headers_by_keyboard (Fixture *f)
{
  TpJourney *journey = get_journey (f);
  GListModel *stages = tp_journey_get_stages (journey);
  GListModel *lanes = tp_journey_get_lanes (journey);
  g_autoptr(TpStage) added = NULL;
  g_autoptr(TpLane) added_lane = NULL;
  TpHistory *history = tp_document_get_history (get_document (f));
  guint depth = tp_history_get_undo_depth (history);
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint position;

  /* Nothing selected: the map's menu adds a stage at the end. */
  tp_canvas_select (f->canvas, NULL);
  g_assert_true (tp_canvas_test_keyboard_menu (f->canvas));
  g_assert_nonnull (tp_canvas_test_get_menu (f->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-stage", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 1);
  added = g_list_model_get_item (stages, n_stages);
  g_assert_true (commit_editing (f, "Follow-up"));
  g_assert_cmpstr (tp_stage_get_name (added), ==, "Follow-up");

  /* A card's menu names its stage and lane: add a stage after s2, a lane
   * of notes below l2, rename and delete by id. */
  tp_canvas_select_ids (f->canvas, (const char *[]) { "t9", NULL });
  g_assert_true (tp_canvas_test_keyboard_menu (f->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.header", "(ss)", "add-after", "s2"));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 2);
  g_assert_true (commit_editing (f, "Check-in"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-lane-after", "(si)",
                                             "l2", TP_LANE_KIND_NOTES));
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, n_lanes + 1);
  added_lane = g_list_model_get_item (lanes, 2);
  g_assert_cmpint (tp_lane_get_kind (added_lane), ==, TP_LANE_KIND_NOTES);
  g_assert_true (commit_editing (f, "Remarks"));
  g_assert_cmpstr (tp_lane_get_name (added_lane), ==, "Remarks");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.header", "(ss)", "rename", "s1"));
  g_assert_true (commit_editing (f, "Referral"));
  g_assert_cmpstr (tp_stage_get_name (tp_journey_lookup_stage (journey, "s1")), ==, "Referral");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.header", "(ss)",
                                             "delete", tp_element_get_id (TP_ELEMENT (added))));
  g_assert_false (tp_journey_get_position (journey, TP_ELEMENT (added), &position));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages + 1);

  /* All undoable: back to where this step started. */
  while (tp_history_get_undo_depth (history) > depth)
    g_assert_true (tp_document_undo (get_document (f)));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_stages);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, n_lanes);
  g_assert_cmpstr (tp_stage_get_name (tp_journey_lookup_stage (journey, "s1")), ==, "Referral & appointment");
  return TRUE;
}

static gboolean
step_add_stage_and_rename (Fixture *f)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  GListModel *stages = tp_journey_get_stages (get_journey (f));
  g_autoptr(TpStage) added = NULL;
  GtkEditable *editor;
  TpRect rect;
  double x, y;

  g_assert_true (tp_layout_get_stage_header_rect (layout, 0, &rect));
  tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  /* Pinned at the top while scrolled. */
  y = rect.height / 2;
  g_assert_true (tp_canvas_test_context_menu (f->canvas, x, y));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-stage", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 6);
  added = g_list_model_get_item (stages, 1);
  g_assert_cmpstr (tp_stage_get_name (added), ==, "New stage");

  /* The new stage's name is being edited. */
  editor = tp_canvas_get_editor (f->canvas);
  g_assert_nonnull (editor);
  gtk_editable_set_text (editor, "Preparation");
  g_signal_emit_by_name (editor, "activate");
  g_assert_cmpstr (tp_stage_get_name (added), ==, "Preparation");

  /* A lane of a chosen kind after the lane whose menu it is. */
  {
    GListModel *lanes = tp_journey_get_lanes (get_journey (f));
    g_autoptr(TpLane) lane = NULL;
    GtkEditable *lane_editor;

    g_assert_true (tp_layout_get_lane_header_rect (tp_canvas_get_layout (f->canvas), 0, &rect));
    tp_canvas_document_to_widget (f->canvas, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
    g_assert_true (tp_canvas_test_context_menu (f->canvas, 10, y));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.add-lane-of-kind", "i",
                                               TP_LANE_KIND_EMOTION_CURVE));
    g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 7);
    lane = g_list_model_get_item (lanes, 1);
    g_assert_cmpint (tp_lane_get_kind (lane), ==, TP_LANE_KIND_EMOTION_CURVE);
    g_assert_cmpstr (tp_lane_get_name (lane), ==, "Emotion curve");
    lane_editor = tp_canvas_get_editor (f->canvas);
    g_assert_nonnull (lane_editor);
    g_assert_cmpstr (gtk_editable_get_text (lane_editor), ==, "Emotion curve");
    g_assert_true (tp_document_undo (get_document (f)));
    g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 6);
  }

  /* A click on empty canvas has no menu. */
  g_assert_false (tp_canvas_test_context_menu (f->canvas, -5000, -5000));
  return TRUE;
}

/* Dragging a stage header reorders the stages; a lane header the lanes.
 * The menu moves them one place. One undo step each. */
static gboolean
step_reorder_headers (Fixture *f)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  GListModel *stages = tp_journey_get_stages (get_journey (f));
  GListModel *lanes = tp_journey_get_lanes (get_journey (f));
  TpStage *first = tp_journey_lookup_stage (get_journey (f), "s1");
  TpLane *actions = tp_journey_lookup_lane (get_journey (f), "l1");
  TpRect from, to;
  double x0, y0, x1, y1;
  guint position = 0;

  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas)), 0);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (f->canvas)), 0);

  /* The first stage's header dropped on the right half of the third. */
  g_assert_true (tp_layout_get_stage_header_rect (layout, 0, &from));
  g_assert_true (tp_layout_get_stage_header_rect (layout, 2, &to));
  tp_canvas_document_to_widget (f->canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  tp_canvas_document_to_widget (f->canvas, to.x + to.width * 0.75, to.y + to.height / 2, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_true (tp_journey_get_position (get_journey (f), TP_ELEMENT (first), &position));
  g_assert_cmpuint (position, ==, 2);
  /* The press selected the stage; it stays selected where it went. */
  g_assert_true (selection_is (f, TP_ELEMENT (first)));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_true (tp_journey_get_position (get_journey (f), TP_ELEMENT (first), &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (can_undo (f));

  /* Escape: nothing. Dropped where it was: nothing. */
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, TRUE);
  tp_canvas_test_drag (f->canvas, x0, y0, x0 + 30, y0, 0, FALSE);
  {
    g_autoptr(TpStage) still_first = g_list_model_get_item (stages, 0);

    g_assert_true (still_first == first);
  }
  g_assert_false (can_undo (f));

  /* The first lane's header dropped below the second lane. */
  g_assert_true (tp_layout_get_lane_header_rect (layout, 0, &from));
  g_assert_true (tp_layout_get_lane_header_rect (layout, 1, &to));
  tp_canvas_document_to_widget (f->canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  tp_canvas_document_to_widget (f->canvas, to.x + to.width / 2, to.y + to.height * 0.9, &x1, &y1);
  tp_canvas_test_drag (f->canvas, x0, y0, x1, y1, 0, FALSE);
  g_assert_true (tp_journey_get_position (get_journey (f), TP_ELEMENT (actions), &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (tp_document_undo (get_document (f)));

  /* The menu: Move Right on the first stage, Move Up on the first lane (nothing). */
  g_assert_true (tp_layout_get_stage_header_rect (layout, 0, &from));
  tp_canvas_document_to_widget (f->canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  g_assert_true (tp_canvas_test_context_menu (f->canvas, x0, y0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.move-header", "i", 1));
  g_assert_true (tp_journey_get_position (get_journey (f), TP_ELEMENT (first), &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_true (tp_layout_get_lane_header_rect (layout, 0, &from));
  tp_canvas_document_to_widget (f->canvas, from.x + from.width / 2, from.y + from.height / 2, &x0, &y0);
  g_assert_true (tp_canvas_test_context_menu (f->canvas, x0, y0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->canvas), "canvas.move-header", "i", -1));
  {
    g_autoptr(TpLane) still_first = g_list_model_get_item (lanes, 0);

    g_assert_true (still_first == actions);
  }
  g_assert_false (can_undo (f));
  return TRUE;
}

void
test_headers (void)
{
  RUN (step_reorder_headers, step_delete_stage, step_add_stage_and_rename, step_headers_by_keyboard);
}

/* ---------------------------------------------------------------- selecting headers */

static const char *
text_view_text (GtkWidget *widget)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  GtkTextIter start, end;
  static char *text;

  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return text;
}

/* A click on a stage header selects the stage; the inspector edits its
 * name and description, one undo step per edit. */
static gboolean
step_click_stage (Fixture *f)
{
  TpInspector *inspector = tp_window_get_inspector (f->window);
  TpStage *stage = tp_journey_lookup_stage (get_journey (f), "s2");
  TpHistory *history = tp_document_get_history (get_document (f));
  GtkWidget *name, *description;
  double x, y;

  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (f->canvas)), 200);
  stage_header_center (f, 1, &x, &y);
  tp_canvas_test_click (f->canvas, x, y, 1, 0);
  g_assert_true (selection_is (f, TP_ELEMENT (stage)));
  /* The outline lists touchpoints only: nothing in it is selected. */
  g_assert_null (tp_outline_view_get_selected_touchpoint (tp_window_get_outline (f->window)));

  name = tp_inspector_get_field_widget (inspector, "name");
  description = tp_inspector_get_field_widget (inspector, "description");
  g_assert_true (ADW_IS_ENTRY_ROW (name));
  g_assert_true (GTK_IS_TEXT_VIEW (description));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, tp_stage_get_name (stage));
  g_assert_cmpstr (text_view_text (description), ==, tp_stage_get_description (stage));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)),
                            "The patient books and prepares.", -1);
  g_assert_cmpstr (tp_stage_get_description (stage), ==, "The patient books and prepares.");
  g_assert_cmpuint (tp_history_get_undo_depth (history), ==, 1);
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));
  g_assert_cmpstr (tp_stage_get_description (stage), !=, "The patient books and prepares.");
  g_assert_cmpstr (text_view_text (description), ==, tp_stage_get_description (stage));

  /* Shift-click on a card: the card alone; on a header: the header alone. */
  {
    TpTouchpoint *card = lookup (f, "t9");
    double cx, cy;

    card_center (f, TP_ELEMENT (card), &cx, &cy);
    tp_canvas_test_click (f->canvas, cx, cy, 1, GDK_SHIFT_MASK);
    g_assert_true (selection_is (f, TP_ELEMENT (card)));
    stage_header_center (f, 1, &x, &y);
    tp_canvas_test_click (f->canvas, x, y, 1, GDK_CONTROL_MASK);
    g_assert_true (selection_is (f, TP_ELEMENT (stage)));
  }

  /* A double click renames it in place. */
  tp_canvas_test_click (f->canvas, x, y, 2, 0);
  g_assert_nonnull (tp_canvas_get_editor (f->canvas));
  g_assert_cmpstr (gtk_editable_get_text (tp_canvas_get_editor (f->canvas)), ==, tp_stage_get_name (stage));
  g_signal_emit_by_name (tp_canvas_get_editor (f->canvas), "activate");
  g_assert_true (selection_is (f, TP_ELEMENT (stage)));
  g_assert_false (can_undo (f));
  return TRUE;
}

/* A click on a lane header selects the lane, for the inspector. */
static gboolean
step_click_lane (Fixture *f)
{
  TpInspector *inspector = tp_window_get_inspector (f->window);
  TpLane *lane = tp_journey_lookup_lane (get_journey (f), "l2");
  GtkWidget *name;
  double x, y;

  lane_header_center (f, 1, &x, &y);
  tp_canvas_test_click (f->canvas, x, y, 1, 0);
  g_assert_true (selection_is (f, TP_ELEMENT (lane)));
  name = tp_inspector_get_field_widget (inspector, "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, tp_lane_get_name (lane));
  g_assert_nonnull (tp_inspector_get_field_widget (inspector, "kind"));

  gtk_editable_set_text (GTK_EDITABLE (name), "What the patient sees");
  g_assert_cmpstr (tp_lane_get_name (lane), ==, "What the patient sees");
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_false (can_undo (f));

  /* Its menu is the lane's, by pointer and by keyboard. */
  g_assert_true (tp_canvas_test_keyboard_menu (f->canvas));
  g_assert_nonnull (tp_canvas_test_get_menu (f->canvas));
  g_assert_true (tp_canvas_test_context_menu (f->canvas, x, y));
  g_assert_true (selection_is (f, TP_ELEMENT (lane)));
  gtk_popover_popdown (tp_canvas_test_get_menu (f->canvas));

  /* A click on empty space clears it. */
  tp_canvas_test_click (f->canvas, -5000, -5000, 1, 0);
  g_assert_true (selection_is (f, NULL));
  return TRUE;
}

/* From a card to its stage (Ctrl+Up) or lane (Ctrl+Left); the arrows
 * then go from header to header of the same kind. */
static gboolean
step_header_keys (Fixture *f)
{
  GtkWidget *canvas = GTK_WIDGET (f->canvas);
  TpJourney *journey = get_journey (f);

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t9")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-stage", NULL));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "s2")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 1, 0));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "s3")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 0, 1));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "s3")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", -1, 0));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", -1, 0));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", -1, 0));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "s1")));

  /* An employee note: the stage and lane it is drawn in (its touchpoint's
   * stage, the employee lane). */
  tp_canvas_select (f->canvas, tp_journey_lookup (journey, "e1"));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-stage", NULL));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "s4")));
  tp_canvas_select (f->canvas, tp_journey_lookup (journey, "e1"));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-lane", NULL));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "l5")));

  tp_canvas_select (f->canvas, TP_ELEMENT (lookup (f, "t9")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-lane", NULL));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "l2")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 0, 1));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "l3")));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-neighbour", "(ii)", 1, 0));
  g_assert_true (selection_is (f, tp_journey_lookup (journey, "l3")));

  /* F2 renames the selected header. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.edit", NULL));
  g_assert_nonnull (tp_canvas_get_editor (f->canvas));
  g_signal_emit_by_name (tp_canvas_get_editor (f->canvas), "activate");

  /* Delete removes the selected lane with what is in it: one undo step. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.delete", NULL));
  g_assert_null (tp_journey_lookup (journey, "l3"));
  g_assert_true (selection_is (f, NULL));
  g_assert_true (tp_document_undo (get_document (f)));
  g_assert_nonnull (tp_journey_lookup (journey, "l3"));
  g_assert_false (can_undo (f));
  return TRUE;
}

/* The same render with and without a selected stage and lane: pixels. */
static cairo_surface_t *
render_headers (Fixture   *f,
                TpPalette  palette,
                gboolean   selected)
{
  TpLayout *layout = tp_canvas_get_layout (f->canvas);
  g_autoptr(GHashTable) selection = g_hash_table_new (NULL, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 500);
  cairo_t *cr = cairo_create (surface);
  TpRenderOptions options;

  g_hash_table_add (selection, tp_journey_lookup (get_journey (f), "s2"));
  g_hash_table_add (selection, tp_journey_lookup (get_journey (f), "l2"));
  tp_canvas_render_options (f->canvas, &options);
  options.palette = palette;
  options.selection = selected ? selection : NULL;
  options.visible = TP_RECT_INIT (0, 0, 900, 500);
  tp_render_journey (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* Selected headers are outlined on screen; exports and prints (the print
 * palette) never show a selection. */
static gboolean
step_export_has_no_selection (Fixture *f)
{
  cairo_surface_t *screen[2], *print[2];

  for (int i = 0; i < 2; i++)
    {
      screen[i] = render_headers (f, TP_PALETTE_LIGHT, i);
      print[i] = render_headers (f, TP_PALETTE_PRINT, i);
    }
  g_assert_false (same_pixels (screen[0], screen[1]));
  g_assert_true (same_pixels (print[0], print[1]));
  for (int i = 0; i < 2; i++)
    {
      cairo_surface_destroy (screen[i]);
      cairo_surface_destroy (print[i]);
    }
  return TRUE;
}

void
test_header_selection (void)
{
  RUN (step_click_stage, step_click_lane, step_header_keys, step_export_has_no_selection);
}
