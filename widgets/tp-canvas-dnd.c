/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tp-canvas-private.h"
#include "tp-canvas-test.h"

/* The journey canvas: dragging on the map, and palette items dropped on it.
 *
 * The primary button runs through one GtkGestureDrag: a press selects,
 * a drag past the threshold moves a touchpoint card, sets a curve dot's
 * score or draws a rubber band, and only the release changes the
 * document (one undo step). GtkDragSource/GtkDropTarget are used only for
 * palette items dropped on the canvas. */

static TpTouchpoint *touchpoint_at (TpCanvas *self, double doc_x, double doc_y);
static TpStage *stage_at (TpCanvas *self, double doc_x, double doc_y);
static guint header_insert_at (TpCanvas *self, double x, double y);

/* ---------------------------------------------------------------- dragging */

static double
score_at (TpCanvas *self,
          guint     lane,
          double    doc_y)
{
  double y1 = tp_layout_score_to_y (self->layout, lane, TP_SCORE_MIN);
  double y10 = tp_layout_score_to_y (self->layout, lane, TP_SCORE_MAX);

  if (fabs (y10 - y1) < 1e-6)
    return TP_SCORE_MIN;
  return TP_SCORE_MIN + (doc_y - y1) / (y10 - y1) * (TP_SCORE_MAX - TP_SCORE_MIN);
}

void
_tp_canvas_clear_drag (TpCanvas *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  self->drag_mode = DRAG_NONE;
  self->drop_valid = FALSE;
  self->note_target = NULL;
  g_clear_object (&self->drag_element);
  g_clear_pointer (&self->band_base, g_hash_table_unref);
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
canvas_press (TpCanvas        *self,
              double           x,
              double           y,
              GdkModifierType  state)
{
  TpLayoutHit hit;
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;

  _tp_canvas_stop_editing (self, TRUE);
  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  _tp_canvas_clear_drag (self);
  self->drag_mode = DRAG_PENDING;
  self->drag_state = state;
  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = self->drag_y = y;
  self->drag_on_dot = FALSE;
  self->drag_was_selected = FALSE;

  hit = _tp_canvas_hit_test_widget (self, x, y);
  if (hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    {
      self->drag_on_dot = TRUE;
      self->drag_element = g_object_ref (hit.element);
      self->dot_lane = hit.lane_index;
      self->dot_score = 0;
      return;
    }

  /* A header is selected alone, even with Shift or Ctrl, and can be
   * dragged to reorder the stages or lanes. */
  if (hit.kind == TP_LAYOUT_HIT_STAGE_HEADER || hit.kind == TP_LAYOUT_HIT_LANE_HEADER)
    {
      _tp_canvas_select_only (self, hit.element);
      self->drag_element = g_object_ref (hit.element);
      return;
    }
  if (!_tp_canvas_hit_is_card (&hit))
    {
      if (!extend)
        _tp_canvas_select_only (self, NULL);
      return;
    }

  self->drag_element = g_object_ref (hit.element);
  self->drag_was_selected = g_hash_table_contains (self->selection, hit.element);
  if (extend)
    _tp_canvas_toggle_selected (self, hit.element);
  else if (!self->drag_was_selected)
    _tp_canvas_select_only (self, hit.element);
  else
    _tp_canvas_set_cursor (self, hit.element);
}

void
_tp_canvas_update_drop (TpCanvas *self)
{
  double doc_x, doc_y;

  _tp_canvas_widget_to_document_pinned (self, self->drag_x, self->drag_y, &doc_x, &doc_y);
  if (self->drag_mode == DRAG_NOTE)
    {
      /* Notes and opportunities go to the touchpoint under the pointer,
       * or else to the stage whose column it is in. */
      TpTouchpoint *touchpoint = touchpoint_at (self, doc_x, doc_y);

      self->note_target = (TpElement *) touchpoint;
      if (touchpoint == NULL)
        self->note_target = (TpElement *) stage_at (self, doc_x, doc_y);
      self->drop_valid = FALSE;
      return;
    }
  self->drop_valid = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &self->drop);
}

static void canvas_drag_to (TpCanvas *self, double x, double y);

#define AUTOSCROLL_EDGE 32.0

/* How far past (or into) the edge zone the pointer is, per axis. */
static double
edge_speed (double position,
            double size)
{
  if (position < AUTOSCROLL_EDGE)
    return -(AUTOSCROLL_EDGE - MAX (position, -AUTOSCROLL_EDGE));
  if (position > size - AUTOSCROLL_EDGE)
    return MIN (position, size + AUTOSCROLL_EDGE) - (size - AUTOSCROLL_EDGE);
  return 0;
}

/* Dragging a card or a band near the edge scrolls the view. */
static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  double sx, sy;

  if (self->drag_mode != DRAG_CARD && self->drag_mode != DRAG_NOTE && self->drag_mode != DRAG_BAND
      && self->drag_mode != DRAG_HEADER)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  sx = edge_speed (self->drag_x, gtk_widget_get_width (widget)) / 2;
  sy = edge_speed (self->drag_y, gtk_widget_get_height (widget)) / 2;
  if (sx == 0 && sy == 0)
    return G_SOURCE_CONTINUE;

  {
    double ox0, oy0, ox1, oy1;

    _tp_canvas_get_origin (self, &ox0, &oy0);
    if (self->hadjustment != NULL && sx != 0)
      gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + sx);
    if (self->vadjustment != NULL && sy != 0)
      gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) + sy);
    _tp_canvas_get_origin (self, &ox1, &oy1);
    if (ox1 == ox0 && oy1 == oy0)
      return G_SOURCE_CONTINUE;

    /* The start of the drag moves with the document. */
    self->drag_x0 += ox1 - ox0;
    self->drag_y0 += oy1 - oy0;
  }
  canvas_drag_to (self, self->drag_x, self->drag_y);
  return G_SOURCE_CONTINUE;
}

static void
canvas_drag_to (TpCanvas *self,
                double    x,
                double    y)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  self->drag_x = x;
  self->drag_y = y;
  _tp_canvas_ensure_layout (self);

  if (self->drag_mode == DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), (int) self->drag_x0, (int) self->drag_y0,
                                     (int) x, (int) y))
        return;

      if (self->drag_element == NULL)
        {
          self->drag_mode = DRAG_BAND;
          if (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
            {
              GHashTableIter iter;
              gpointer key;

              self->band_base = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
              g_hash_table_iter_init (&iter, self->selection);
              while (g_hash_table_iter_next (&iter, &key, NULL))
                if (!_tp_canvas_is_header (key))
                  g_hash_table_add (self->band_base, g_object_ref (key));
            }
        }
      else if (self->drag_on_dot)
        self->drag_mode = DRAG_DOT;
      else if (TP_IS_STAGE (self->drag_element) || TP_IS_LANE (self->drag_element))
        self->drag_mode = DRAG_HEADER;
      else if (TP_IS_TOUCHPOINT (self->drag_element))
        self->drag_mode = DRAG_CARD;
      else
        self->drag_mode = DRAG_NOTE;
    }

  if ((self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE || self->drag_mode == DRAG_BAND
       || self->drag_mode == DRAG_HEADER)
      && self->autoscroll_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick, NULL, NULL);

  if (self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE)
    {
      _tp_canvas_update_drop (self);
    }
  else if (self->drag_mode == DRAG_HEADER)
    {
      self->header_insert = header_insert_at (self, x, y);
    }
  else if (self->drag_mode == DRAG_DOT)
    {
      double doc_y;

      tp_canvas_widget_to_document (self, x, y, NULL, &doc_y);
      self->dot_score = CLAMP ((int) round (score_at (self, self->dot_lane, doc_y)), TP_SCORE_MIN, TP_SCORE_MAX);
    }
  else if (self->drag_mode == DRAG_BAND)
    {
      double x0, y0, x1, y1;
      g_autoptr(GPtrArray) items = NULL;
      TpRect band;

      tp_canvas_widget_to_document (self, MIN (self->drag_x0, x), MIN (self->drag_y0, y), &x0, &y0);
      tp_canvas_widget_to_document (self, MAX (self->drag_x0, x), MAX (self->drag_y0, y), &x1, &y1);
      band = TP_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
      items = tp_layout_items_in_rect (self->layout, &band);

      g_hash_table_remove_all (self->selection);
      if (self->band_base != NULL)
        {
          GHashTableIter iter;
          gpointer key;

          g_hash_table_iter_init (&iter, self->band_base);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_hash_table_add (self->selection, g_object_ref (key));
        }
      for (guint i = 0; i < items->len; i++)
        if (!g_hash_table_contains (self->selection, g_ptr_array_index (items, i)))
          g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (items, i)));
      _tp_canvas_selection_changed (self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The index @drop means for tp_document_move_touchpoint(), which counts
 * the cell's touchpoints without the one being moved. */
static guint
drop_index_without (TpCanvas           *self,
                    const TpLayoutDrop *drop,
                    TpTouchpoint       *moving)
{
  g_autoptr(GPtrArray) cell = NULL;
  guint index;

  if (drop->before == NULL)
    return G_MAXUINT;
  if (drop->before == moving)
    return drop->index;

  cell = tp_journey_get_cell_touchpoints (self->journey,
                                          tp_element_get_id (TP_ELEMENT (drop->stage)),
                                          tp_element_get_id (TP_ELEMENT (drop->lane)));
  g_ptr_array_remove (cell, moving);
  if (g_ptr_array_find (cell, drop->before, &index))
    return index;
  return G_MAXUINT;
}

static void
move_touchpoint_to (TpCanvas           *self,
                    TpTouchpoint       *touchpoint,
                    const TpLayoutDrop *drop)
{
  g_autoptr(GPtrArray) cell = NULL;
  const char *stage_id = tp_element_get_id (TP_ELEMENT (drop->stage));
  const char *lane_id = tp_element_get_id (TP_ELEMENT (drop->lane));
  guint index = drop_index_without (self, drop, touchpoint);
  guint current;

  /* Nothing to record when it would land where it is. */
  if (g_strcmp0 (stage_id, tp_touchpoint_get_stage_id (touchpoint)) == 0
      && g_strcmp0 (lane_id, tp_touchpoint_get_lane_id (touchpoint)) == 0)
    {
      cell = tp_journey_get_cell_touchpoints (self->journey, stage_id, lane_id);
      if (g_ptr_array_find (cell, touchpoint, &current)
          && (index == current || (index == G_MAXUINT && current == cell->len - 1)))
        return;
    }

  tp_document_move_touchpoint (self->document, touchpoint, stage_id, lane_id, index, NULL);
}

/* The number of stages (lanes) before the pointer: where a dragged stage
 * (lane) header would be put. */
static guint
header_insert_at (TpCanvas *self,
                  double    x,
                  double    y)
{
  gboolean stage = TP_IS_STAGE (self->drag_element);
  guint n = stage ? tp_layout_get_n_stages (self->layout) : tp_layout_get_n_lanes (self->layout);
  double doc_x, doc_y;
  guint insert = 0;

  tp_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  for (guint i = 0; i < n; i++)
    {
      TpRect rect;

      if (stage ? !tp_layout_get_stage_rect (self->layout, i, &rect)
                : !tp_layout_get_lane_rect (self->layout, i, &rect))
        continue;
      if (stage ? doc_x > rect.x + rect.width / 2 : doc_y > rect.y + rect.height / 2)
        insert = i + 1;
    }
  return insert;
}

/* Moves a stage or lane to just before the one at @insert (or last);
 * one undo step, none when it stays. */
static void
move_header_to (TpCanvas  *self,
                TpElement *element,
                guint      insert)
{
  guint from = 0, to;

  if (!tp_journey_get_position (self->journey, element, &from))
    return;
  to = insert > from ? insert - 1 : insert;
  if (to != from)
    tp_document_reorder (self->document, element, to);
}

/* Attaches a dragged note or opportunity to a touchpoint or stage: one
 * undo step, none when nothing changes. */
static void
reattach (TpCanvas  *self,
          TpElement *element,
          TpElement *target)
{
  const char *target_id = tp_element_get_id (target);

  if (TP_IS_EMPLOYEE_NOTE (element))
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (element);

      if (TP_IS_TOUCHPOINT (target))
        {
          if (g_strcmp0 (tp_employee_note_get_touchpoint_id (note), target_id) != 0)
            tp_document_attach_note (self->document, note, target_id, NULL, NULL);
        }
      else if (TP_IS_STAGE (target))
        {
          if (g_strcmp0 (tp_employee_note_get_stage_id (note), target_id) != 0)
            tp_document_attach_note (self->document, note, NULL, target_id, NULL);
        }
    }
  else if (TP_IS_OPPORTUNITY (element))
    {
      TpOpportunity *opportunity = TP_OPPORTUNITY (element);

      if (TP_IS_TOUCHPOINT (target))
        {
          if (g_strcmp0 (tp_opportunity_get_touchpoint_id (opportunity), target_id) != 0)
            tp_document_attach_opportunity (self->document, opportunity, target_id, NULL, NULL);
        }
      else if (TP_IS_STAGE (target))
        {
          if (g_strcmp0 (tp_opportunity_get_stage_id (opportunity), target_id) != 0)
            tp_document_attach_opportunity (self->document, opportunity, NULL, target_id, NULL);
        }
    }
}

static void
canvas_release (TpCanvas *self,
                double    x,
                double    y)
{
  if (self->drag_mode == DRAG_NONE)
    return;

  canvas_drag_to (self, x, y);

  if (self->drag_mode == DRAG_PENDING)
    {
      /* A click on a card that was already selected selects only it. */
      if (self->drag_element != NULL && self->drag_on_dot)
        _tp_canvas_select_only (self, self->drag_element);
      else if (self->drag_element != NULL && self->drag_was_selected
               && (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) == 0)
        _tp_canvas_select_only (self, self->drag_element);
    }
  else if (self->drag_mode == DRAG_CARD && self->drop_valid && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      TpLayoutDrop drop = self->drop;

      _tp_canvas_clear_drag (self);
      move_touchpoint_to (self, TP_TOUCHPOINT (element), &drop);
      tp_canvas_scroll_to_element (self, element);
      return;
    }
  else if (self->drag_mode == DRAG_HEADER && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      guint insert = self->header_insert;

      _tp_canvas_clear_drag (self);
      move_header_to (self, element, insert);
      return;
    }
  else if (self->drag_mode == DRAG_NOTE && self->note_target != NULL && self->document != NULL)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      g_autoptr(TpElement) target = g_object_ref (self->note_target);

      _tp_canvas_clear_drag (self);
      reattach (self, element, target);
      _tp_canvas_select_only (self, element);
      tp_canvas_scroll_to_element (self, element);
      return;
    }
  else if (self->drag_mode == DRAG_DOT && self->document != NULL
           && self->dot_score >= TP_SCORE_MIN)
    {
      g_autoptr(TpElement) element = g_object_ref (self->drag_element);
      int score = self->dot_score;
      int old = 0;

      _tp_canvas_clear_drag (self);
      g_object_get (element, "score", &old, NULL);
      if (old != score)
        tp_document_set_int (self->document, element, "score", score, NULL);
      _tp_canvas_select_only (self, element);
      return;
    }

  _tp_canvas_clear_drag (self);
}

/* Escape during a drag: nothing changes. */
gboolean
_tp_canvas_cancel_drag (TpCanvas *self)
{
  if (self->drag_mode == DRAG_NONE || self->drag_mode == DRAG_PENDING)
    return FALSE;

  if (self->drag_mode == DRAG_BAND && self->band_base == NULL)
    _tp_canvas_select_only (self, NULL);
  _tp_canvas_clear_drag (self);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag_gesture));
  return TRUE;
}

void
_tp_canvas_on_drag_begin (GtkGestureDrag *gesture,
                          double          x,
                          double          y,
                          TpCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->gesture_x = x;
  self->gesture_y = y;
  canvas_press (self, x, y, state);
}

void
_tp_canvas_on_drag_update (GtkGestureDrag *gesture,
                           double          dx,
                           double          dy,
                           TpCanvas       *self)
{
  canvas_drag_to (self, self->gesture_x + dx, self->gesture_y + dy);
}

void
_tp_canvas_on_drag_end (GtkGestureDrag *gesture,
                        double          dx,
                        double          dy,
                        TpCanvas       *self)
{
  canvas_release (self, self->gesture_x + dx, self->gesture_y + dy);
}

void
_tp_canvas_on_drag_cancel (GtkGesture       *gesture,
                           GdkEventSequence *sequence,
                           TpCanvas         *self)
{
  _tp_canvas_cancel_drag (self);
}

/* ---------------------------------------------------------------- palette drops */

static gboolean
parse_item (const char *item,
            GType      *type,
            int        *detail)
{
  if (item == NULL)
    return FALSE;
  if (g_str_has_prefix (item, "channel:"))
    {
      *type = TP_TYPE_TOUCHPOINT;
      return tp_enum_from_nick (TP_TYPE_CHANNEL, item + strlen ("channel:"), detail);
    }
  if (g_str_equal (item, "blocker") || g_str_equal (item, "enabler"))
    {
      *type = TP_TYPE_EMPLOYEE_NOTE;
      *detail = g_str_equal (item, "blocker") ? TP_NOTE_KIND_BLOCKER : TP_NOTE_KIND_ENABLER;
      return TRUE;
    }
  if (g_str_equal (item, "opportunity"))
    {
      *type = TP_TYPE_OPPORTUNITY;
      *detail = 0;
      return TRUE;
    }
  return FALSE;
}

/* The touchpoint whose card (or one of whose notes) is at a point. */
static TpTouchpoint *
touchpoint_at (TpCanvas *self,
               double    doc_x,
               double    doc_y)
{
  TpLayoutHit hit = tp_layout_hit_test (self->layout, doc_x, doc_y, DOT_TOLERANCE_PX / self->zoom);

  if (hit.kind == TP_LAYOUT_HIT_TOUCHPOINT || hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    return TP_IS_TOUCHPOINT (hit.element) ? TP_TOUCHPOINT (hit.element) : NULL;
  if (hit.kind == TP_LAYOUT_HIT_EMPLOYEE_NOTE)
    {
      const char *id = tp_employee_note_get_touchpoint_id (TP_EMPLOYEE_NOTE (hit.element));

      return id != NULL && *id != '\0' ? tp_journey_lookup_touchpoint (self->journey, id) : NULL;
    }
  return NULL;
}

static TpStage *
stage_at (TpCanvas *self,
          double    doc_x,
          double    doc_y)
{
  TpLayoutHit hit = tp_layout_hit_test (self->layout, doc_x, doc_y, 0);

  return hit.stage;
}

/* Where in the touchpoint list a new touchpoint goes for @drop. */
guint
_tp_canvas_list_position_for_drop (TpCanvas           *self,
                                   const TpLayoutDrop *drop)
{
  g_autoptr(GPtrArray) cell = NULL;
  guint position = G_MAXUINT;

  if (drop->before != NULL && tp_journey_get_position (self->journey, TP_ELEMENT (drop->before), &position))
    return position;

  cell = tp_journey_get_cell_touchpoints (self->journey,
                                          tp_element_get_id (TP_ELEMENT (drop->stage)),
                                          tp_element_get_id (TP_ELEMENT (drop->lane)));
  if (cell->len > 0 && tp_journey_get_position (self->journey, g_ptr_array_index (cell, cell->len - 1), &position))
    return position + 1;
  return G_MAXUINT;
}

static TpElement *
add_item (TpCanvas           *self,
          const char         *item,
          const TpLayoutDrop *drop,
          TpTouchpoint       *touchpoint,
          TpStage            *stage)
{
  g_autoptr(TpElement) element = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) error = NULL;
  guint position = G_MAXUINT;
  GType type;
  int detail;

  if (self->document == NULL || !parse_item (item, &type, &detail))
    return NULL;

  id = tp_journey_make_id (self->journey, type);
  if (type == TP_TYPE_TOUCHPOINT)
    {
      TpCardKind kind;

      if (drop == NULL)
        return NULL;
      /* A card in the actions or thoughts lane is what that lane holds. */
      kind = tp_lane_kind_get_card_kind (tp_lane_get_kind (drop->lane));
      element = TP_ELEMENT (tp_touchpoint_new (id,
                                               kind == TP_CARD_KIND_ACTION ? _("New customer action")
                                               : kind == TP_CARD_KIND_THOUGHT ? _("New thought or feeling")
                                               : _("New touchpoint"),
                                               tp_element_get_id (TP_ELEMENT (drop->stage)),
                                               tp_element_get_id (TP_ELEMENT (drop->lane)),
                                               detail));
      g_object_set (element, "kind", kind, NULL);
      position = _tp_canvas_list_position_for_drop (self, drop);
    }
  else if (type == TP_TYPE_EMPLOYEE_NOTE)
    {
      element = TP_ELEMENT (tp_employee_note_new (id, detail,
                                                  detail == TP_NOTE_KIND_BLOCKER ? _("New blocker")
                                                                                 : _("New enabler")));
      if (touchpoint != NULL)
        g_object_set (element, "touchpoint-id", tp_element_get_id (TP_ELEMENT (touchpoint)), NULL);
      else if (stage != NULL)
        g_object_set (element, "stage-id", tp_element_get_id (TP_ELEMENT (stage)), NULL);
      else
        return NULL;
    }
  else
    {
      element = TP_ELEMENT (tp_opportunity_new (id, _("New opportunity")));
      /* On the touchpoint under it, or else on the stage whose column it is in. */
      if (touchpoint != NULL)
        g_object_set (element, "touchpoint-id", tp_element_get_id (TP_ELEMENT (touchpoint)), NULL);
      else if (stage != NULL)
        g_object_set (element, "stage-id", tp_element_get_id (TP_ELEMENT (stage)), NULL);
    }

  if (!tp_document_add (self->document, element, position, &error))
    {
      g_warning ("Could not add %s: %s", item, error->message);
      return NULL;
    }

  _tp_canvas_select_only (self, element);
  _tp_canvas_ensure_layout (self);
  tp_canvas_scroll_to_element (self, element);
  /* Ready to type its title. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    tp_canvas_start_editing (self, element);
  return element;
}

TpElement *
tp_canvas_add_item_at (TpCanvas   *self,
                       const char *item,
                       double      doc_x,
                       double      doc_y)
{
  TpLayoutDrop drop;
  gboolean have_drop;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return NULL;

  have_drop = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &drop);
  return add_item (self, item, have_drop ? &drop : NULL,
                   touchpoint_at (self, doc_x, doc_y), stage_at (self, doc_x, doc_y));
}

/* The first cell of a touchpoints lane, or of any lane, in the column of
 * the selected stage or else the first. */
gboolean
_tp_canvas_first_cell_drop (TpCanvas     *self,
                            TpLayoutDrop *drop)
{
  guint n_lanes = tp_layout_get_n_lanes (self->layout);
  TpElement *selected = _tp_canvas_get_primary_selected (self);
  guint column = 0;

  if (tp_layout_get_n_stages (self->layout) == 0 || n_lanes == 0)
    return FALSE;
  /* With a stage selected, its column. */
  if (selected != NULL && TP_IS_STAGE (selected)
      && !tp_journey_get_position (self->journey, selected, &column))
    column = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint l = 0; l < n_lanes; l++)
      {
        TpRect cell;
        TpLayoutHit hit;

        if (!tp_layout_get_cell_rect (self->layout, column, l, &cell))
          continue;
        hit = tp_layout_hit_test (self->layout, cell.x + 1, cell.y + 1, 0);
        if (hit.lane == NULL || (pass == 0 && tp_lane_get_kind (hit.lane) != TP_LANE_KIND_TOUCHPOINTS))
          continue;
        return tp_layout_get_drop_position (self->layout, cell.x + 1, cell.y + cell.height - 1, drop);
      }
  return FALSE;
}

TpElement *
tp_canvas_add_item (TpCanvas   *self,
                    const char *item)
{
  TpElement *selected;
  TpTouchpoint *touchpoint = NULL;
  TpLayoutDrop drop;
  gboolean have_drop = FALSE;
  TpStage *stage = NULL;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return NULL;

  selected = _tp_canvas_get_primary_selected (self);
  if (selected != NULL && TP_IS_TOUCHPOINT (selected))
    {
      TpRect rect;

      touchpoint = TP_TOUCHPOINT (selected);
      stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (touchpoint));
      /* After the selected card, in its cell. */
      if (tp_layout_get_card_rect (self->layout, selected, &rect))
        have_drop = tp_layout_get_drop_position (self->layout, rect.x + 1,
                                                 rect.y + rect.height - 1, &drop);
    }
  if (!have_drop)
    have_drop = _tp_canvas_first_cell_drop (self, &drop);
  if (stage == NULL && have_drop)
    stage = drop.stage;

  return add_item (self, item, have_drop ? &drop : NULL, touchpoint, stage);
}

static const char *
drop_item_from_value (const GValue *value)
{
  const char *text;

  if (value == NULL || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  text = g_value_get_string (value);
  if (text == NULL || !g_str_has_prefix (text, "touchpoint-palette:"))
    return NULL;
  return text + strlen ("touchpoint-palette:");
}

static void
update_dnd (TpCanvas   *self,
            const char *item,
            double      x,
            double      y)
{
  double doc_x, doc_y;
  GType type = G_TYPE_INVALID;
  int detail;

  _tp_canvas_ensure_layout (self);
  _tp_canvas_widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  self->dnd_active = TRUE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;

  /* Before the data has arrived, show where a touchpoint would go. */
  if (item == NULL || (parse_item (item, &type, &detail) && type == TP_TYPE_TOUCHPOINT))
    self->dnd_drop_valid = tp_layout_get_drop_position (self->layout, doc_x, doc_y, &self->dnd_drop);
  else
    self->dnd_target = (TpElement *) touchpoint_at (self, doc_x, doc_y);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkDragAction
_tp_canvas_on_dnd_enter (GtkDropTarget *target,
                         double         x,
                         double         y,
                         TpCanvas      *self)
{
  update_dnd (self, drop_item_from_value (gtk_drop_target_get_value (target)), x, y);
  return GDK_ACTION_COPY;
}

GdkDragAction
_tp_canvas_on_dnd_motion (GtkDropTarget *target,
                          double         x,
                          double         y,
                          TpCanvas      *self)
{
  update_dnd (self, drop_item_from_value (gtk_drop_target_get_value (target)), x, y);
  return GDK_ACTION_COPY;
}

void
_tp_canvas_on_dnd_leave (GtkDropTarget *target,
                         TpCanvas      *self)
{
  self->dnd_active = FALSE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
canvas_drop (TpCanvas   *self,
             const char *item,
             double      x,
             double      y)
{
  double doc_x, doc_y;

  self->dnd_active = FALSE;
  self->dnd_drop_valid = FALSE;
  self->dnd_target = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (item == NULL)
    return FALSE;
  _tp_canvas_widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  _tp_canvas_stop_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  return tp_canvas_add_item_at (self, item, doc_x, doc_y) != NULL;
}

gboolean
_tp_canvas_on_dnd_drop (GtkDropTarget *target,
                        const GValue  *value,
                        double         x,
                        double         y,
                        TpCanvas      *self)
{
  return canvas_drop (self, drop_item_from_value (value), x, y);
}

/* ---------------------------------------------------------------- tests */

void
tp_canvas_test_drag (TpCanvas        *self,
                     double           x0,
                     double           y0,
                     double           x1,
                     double           y1,
                     GdkModifierType  state,
                     gboolean         cancel)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  canvas_press (self, x0, y0, state);
  /* Through the middle, as a pointer would go. */
  canvas_drag_to (self, (x0 + x1) / 2, (y0 + y1) / 2);
  canvas_drag_to (self, x1, y1);
  if (cancel)
    {
      _tp_canvas_cancel_drag (self);
      return;
    }
  canvas_release (self, x1, y1);
}

void
tp_canvas_test_click (TpCanvas        *self,
                      double           x,
                      double           y,
                      int              n_press,
                      GdkModifierType  state)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  canvas_press (self, x, y, state);
  canvas_release (self, x, y);
  if (n_press == 2)
    {
      TpElement *element = _tp_canvas_double_click_target (self, x, y);

      if (element != NULL)
        tp_canvas_start_editing (self, element);
    }
}

gboolean
tp_canvas_test_drop (TpCanvas   *self,
                     const char *item,
                     double      x,
                     double      y)
{
  g_autofree char *text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  text = g_strconcat ("touchpoint-palette:", item, NULL);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  update_dnd (self, item, x, y);
  return canvas_drop (self, drop_item_from_value (&value), x, y);
}

void
tp_canvas_test_press (TpCanvas        *self,
                      double           x,
                      double           y,
                      GdkModifierType  state)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_press (self, x, y, state);
}

void
tp_canvas_test_motion (TpCanvas *self,
                       double    x,
                       double    y)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_drag_to (self, x, y);
}

void
tp_canvas_test_release (TpCanvas *self,
                        double    x,
                        double    y)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  canvas_release (self, x, y);
}

gboolean
tp_canvas_test_cancel (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);
  return _tp_canvas_cancel_drag (self);
}
