/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-canvas-private.h"

/* The journey canvas: the selection and the keyboard cursor, moving them
 * with the arrows, scrolling to a card, the accessible description of what
 * is selected; and what is under the pointer (hover, tooltips). */

static void scroll_to_stage (TpCanvas *self,
                             TpStage  *stage);

/* ---------------------------------------------------------------- selection */

static const char *
element_text (TpElement *element)
{
  if (TP_IS_TOUCHPOINT (element))
    return tp_touchpoint_get_title (TP_TOUCHPOINT (element));
  if (TP_IS_EMPLOYEE_NOTE (element))
    return tp_employee_note_get_text (TP_EMPLOYEE_NOTE (element));
  if (TP_IS_OPPORTUNITY (element))
    return tp_opportunity_get_text (TP_OPPORTUNITY (element));
  return "";
}

/* Drawn cards are not accessible objects in GTK 4.8: say what is selected
 * in the canvas's description (the outline lists the touchpoints). */
void
_tp_canvas_update_accessible_description (TpCanvas *self)
{
  guint n = g_hash_table_size (self->selection);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("Nothing selected. The journey outline lists the same touchpoints."));
  else if (n == 1)
    {
      GHashTableIter iter;
      gpointer key = NULL;

      g_hash_table_iter_init (&iter, self->selection);
      g_hash_table_iter_next (&iter, &key, NULL);
      if (TP_IS_STAGE (key))
        /* Translators: the accessible description of the journey map; %s is a stage's name */
        text = g_strdup_printf (_("Selected stage: %s"), tp_stage_get_name (key));
      else if (TP_IS_LANE (key))
        /* Translators: the accessible description of the journey map; %s is a lane's name */
        text = g_strdup_printf (_("Selected lane: %s"), tp_lane_get_name (key));
      else
        /* Translators: the accessible description of the journey map */
        text = g_strdup_printf (_("Selected: %s"), element_text (key));
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card selected", "%u cards selected", n), n);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

void
_tp_canvas_selection_changed (TpCanvas *self)
{
  self->selection_serial++;
  _tp_canvas_update_accessible_description (self);
  _tp_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, _tp_canvas_signals[SELECTION_CHANGED], 0);
}

void
_tp_canvas_set_cursor (TpCanvas  *self,
                       TpElement *element)
{
  g_set_object (&self->cursor, element);
}

void
_tp_canvas_select_only (TpCanvas  *self,
                        TpElement *element)
{
  if (element != NULL && g_hash_table_size (self->selection) == 1
      && g_hash_table_contains (self->selection, element))
    {
      _tp_canvas_set_cursor (self, element);
      return;
    }
  if (element == NULL && g_hash_table_size (self->selection) == 0)
    return;

  g_hash_table_remove_all (self->selection);
  if (element != NULL)
    g_hash_table_add (self->selection, g_object_ref (element));
  _tp_canvas_set_cursor (self, element);
  _tp_canvas_selection_changed (self);
}

static gboolean
is_header_key (gpointer key,
               gpointer value,
               gpointer user_data)
{
  return _tp_canvas_is_header (key);
}

void
_tp_canvas_toggle_selected (TpCanvas  *self,
                            TpElement *element)
{
  if (_tp_canvas_is_header (element))
    {
      _tp_canvas_select_only (self, element);
      return;
    }
  /* A card added to a selected header replaces it. */
  g_hash_table_foreach_remove (self->selection, is_header_key, NULL);
  if (!g_hash_table_remove (self->selection, element))
    g_hash_table_add (self->selection, g_object_ref (element));
  _tp_canvas_set_cursor (self, element);
  _tp_canvas_selection_changed (self);
}

GPtrArray *
tp_canvas_get_selection (TpCanvas *self)
{
  GPtrArray *out;

  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->journey == NULL || g_hash_table_size (self->selection) == 0)
    return out;

  /* Journey order, in one pass over the lists that can be selected. */
  {
    GListModel *lists[] = {
      tp_journey_get_touchpoints (self->journey),
      tp_journey_get_employee_notes (self->journey),
      tp_journey_get_opportunities (self->journey),
      tp_journey_get_stages (self->journey),
      tp_journey_get_lanes (self->journey),
    };

    for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
      {
        guint n = g_list_model_get_n_items (lists[l]);

        for (guint i = 0; i < n && out->len < g_hash_table_size (self->selection); i++)
          {
            g_autoptr(TpElement) element = g_list_model_get_item (lists[l], i);

            if (g_hash_table_contains (self->selection, element))
              g_ptr_array_add (out, g_steal_pointer (&element));
          }
      }
  }
  return out;
}

void
tp_canvas_select (TpCanvas  *self,
                  TpElement *element)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (element == NULL || TP_IS_ELEMENT (element));

  _tp_canvas_select_only (self, element);
}

void
tp_canvas_select_ids (TpCanvas           *self,
                      const char * const *ids)
{
  TpElement *first = NULL;
  TpStage *stage = NULL;

  g_return_if_fail (TP_IS_CANVAS (self));

  if (self->journey == NULL || ids == NULL)
    return;

  g_hash_table_remove_all (self->selection);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      TpElement *element = tp_journey_lookup (self->journey, ids[i]);

      if (element == NULL)
        continue;
      if (TP_IS_STAGE (element))
        {
          if (stage == NULL)
            stage = TP_STAGE (element);
          continue;
        }
      if (!TP_IS_TOUCHPOINT (element) && !TP_IS_EMPLOYEE_NOTE (element) && !TP_IS_OPPORTUNITY (element))
        continue;
      g_hash_table_add (self->selection, g_object_ref (element));
      if (first == NULL)
        first = element;
    }
  /* A finding about a stage alone (its average) selects the stage, so the
   * inspector shows it. */
  if (first == NULL && stage != NULL)
    g_hash_table_add (self->selection, g_object_ref (stage));
  _tp_canvas_set_cursor (self, first != NULL ? first : TP_ELEMENT (stage));
  _tp_canvas_selection_changed (self);

  if (first != NULL)
    tp_canvas_scroll_to_element (self, first);
  else if (stage != NULL)
    scroll_to_stage (self, stage);
}

void
tp_canvas_select_all (TpCanvas *self)
{
  GListModel *touchpoints;
  guint n;

  g_return_if_fail (TP_IS_CANVAS (self));

  if (self->journey == NULL)
    return;

  touchpoints = tp_journey_get_touchpoints (self->journey);
  n = g_list_model_get_n_items (touchpoints);
  g_hash_table_remove_all (self->selection);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (self->selection, g_list_model_get_item (touchpoints, i));
  _tp_canvas_selection_changed (self);
}

/* The first selected element in journey order, or the cursor. */
TpElement *
_tp_canvas_get_primary_selected (TpCanvas *self)
{
  g_autoptr(GPtrArray) selection = NULL;

  if (self->cursor != NULL && g_hash_table_contains (self->selection, self->cursor))
    return self->cursor;
  selection = tp_canvas_get_selection (self);
  return selection->len > 0 ? g_ptr_array_index (selection, 0) : NULL;
}

/* Brings a stage's column into view from the top (a finding about it). */
static void
scroll_to_stage (TpCanvas *self,
                 TpStage  *stage)
{
  tp_canvas_scroll_to_element (self, TP_ELEMENT (stage));
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

/* A card, a stage's column or a lane's row into view; the pinned headers
 * cover the top and left of the view. */
void
tp_canvas_scroll_to_element (TpCanvas  *self,
                             TpElement *element)
{
  TpRect rect;
  int width, height;

  g_return_if_fail (TP_IS_CANVAS (self));

  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL || element == NULL || !_tp_canvas_get_edit_rect (self, element, &rect))
    return;

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  _tp_canvas_configure_adjustments (self);

  if (self->hadjustment != NULL && width > 0 && !TP_IS_LANE (element))
    {
      double value = gtk_adjustment_get_value (self->hadjustment);
      double x0 = (rect.x - TP_LAYOUT_LANE_HEADER_WIDTH) * self->zoom - 24;
      double x1 = (rect.x + rect.width) * self->zoom + 24;

      if (x0 < value)
        gtk_adjustment_set_value (self->hadjustment, x0);
      else if (x1 > value + width)
        gtk_adjustment_set_value (self->hadjustment, MIN (x0, x1 - width));
    }
  if (self->vadjustment != NULL && height > 0 && !TP_IS_STAGE (element))
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double y0 = (rect.y - TP_LAYOUT_STAGE_HEADER_HEIGHT) * self->zoom - 24;
      double y1 = (rect.y + rect.height) * self->zoom + 24;

      if (y0 < value)
        gtk_adjustment_set_value (self->vadjustment, y0);
      else if (y1 > value + height)
        gtk_adjustment_set_value (self->vadjustment, MIN (y0, y1 - height));
    }
}

static gboolean
card_center (TpCanvas  *self,
             TpElement *element,
             double    *x,
             double    *y)
{
  TpRect rect;

  if (!tp_layout_get_card_rect (self->layout, element, &rect))
    return FALSE;
  *x = rect.x + rect.width / 2;
  *y = rect.y + rect.height / 2;
  return TRUE;
}

static void
select_and_show (TpCanvas  *self,
                 TpElement *element)
{
  _tp_canvas_select_only (self, element);
  tp_canvas_scroll_to_element (self, element);
}

/* From a stage to the next stage (Left, Right), from a lane to the next
 * lane (Up, Down); the other arrows stay on it. */
static void
select_next_header (TpCanvas  *self,
                    TpElement *header,
                    int        delta)
{
  GListModel *list = tp_journey_get_list_for_type (self->journey, G_OBJECT_TYPE (header));
  guint position = 0;
  g_autoptr(TpElement) next = NULL;

  if (delta == 0 || !tp_journey_get_position (self->journey, header, &position)
      || (delta < 0 && position == 0) || (delta > 0 && position + 1 >= g_list_model_get_n_items (list)))
    return;
  next = g_list_model_get_item (list, position + delta);
  select_and_show (self, next);
}

/* Moves the selection to the nearest card in a direction, or to the next
 * header when a header is selected. */
gboolean
_tp_canvas_select_neighbour (TpCanvas *self,
                             int       dx,
                             int       dy)
{
  g_autoptr(GPtrArray) items = NULL;
  TpElement *from, *best = NULL;
  double fx, fy, w, h, best_score = G_MAXDOUBLE;
  TpRect all;

  if (self->editor != NULL || self->layout == NULL)
    return FALSE;

  from = self->cursor != NULL ? self->cursor : _tp_canvas_get_primary_selected (self);
  if (from != NULL && _tp_canvas_is_header (from))
    {
      select_next_header (self, from, TP_IS_STAGE (from) ? dx : dy);
      return TRUE;
    }

  _tp_canvas_ensure_layout (self);
  tp_layout_get_size (self->layout, &w, &h);
  all = TP_RECT_INIT (0, 0, w, h);
  items = tp_layout_items_in_rect (self->layout, &all);
  if (items->len == 0)
    return FALSE;

  if (from == NULL || !card_center (self, from, &fx, &fy))
    {
      select_and_show (self, g_ptr_array_index (items, 0));
      return TRUE;
    }

  for (guint i = 0; i < items->len; i++)
    {
      TpElement *element = g_ptr_array_index (items, i);
      double x, y, along, across, score;

      if (element == from || !card_center (self, element, &x, &y))
        continue;
      along = (x - fx) * dx + (y - fy) * dy;
      across = fabs ((x - fx) * dy) + fabs ((y - fy) * dx);
      if (along <= 1)
        continue;
      score = along + 3 * across;
      if (score < best_score)
        {
          best_score = score;
          best = element;
        }
    }

  if (best != NULL)
    select_and_show (self, best);
  return TRUE;
}

gboolean
_tp_canvas_select_header_of_card (TpCanvas *self,
                                  GType     type)
{
  TpElement *card = _tp_canvas_get_primary_selected (self);
  TpLayoutHit hit;
  double x, y;

  if (self->editor != NULL || card == NULL || _tp_canvas_is_header (card))
    return FALSE;
  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL || !card_center (self, card, &x, &y))
    return FALSE;

  /* Where the card is drawn: a note shows in its touchpoint's stage. */
  hit = tp_layout_hit_test (self->layout, x, y, 0);
  if (type == TP_TYPE_STAGE && hit.stage != NULL)
    select_and_show (self, TP_ELEMENT (hit.stage));
  else if (type == TP_TYPE_LANE && hit.lane != NULL)
    select_and_show (self, TP_ELEMENT (hit.lane));
  else
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------- hit testing */

TpLayoutHit
_tp_canvas_hit_test_widget (TpCanvas *self,
                            double    x,
                            double    y)
{
  TpLayoutHit none = { TP_LAYOUT_HIT_NONE, NULL, NULL, NULL, G_MAXUINT, G_MAXUINT };
  double doc_x, doc_y;

  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return none;
  _tp_canvas_widget_to_document_pinned (self, x, y, &doc_x, &doc_y);
  return tp_layout_hit_test (self->layout, doc_x, doc_y, DOT_TOLERANCE_PX / self->zoom);
}

gboolean
_tp_canvas_hit_is_card (const TpLayoutHit *hit)
{
  return hit->kind == TP_LAYOUT_HIT_TOUCHPOINT
         || hit->kind == TP_LAYOUT_HIT_EMPLOYEE_NOTE
         || hit->kind == TP_LAYOUT_HIT_OPPORTUNITY;
}

void
_tp_canvas_on_motion (GtkEventControllerMotion *controller,
                      double                    x,
                      double                    y,
                      TpCanvas                 *self)
{
  TpLayoutHit hit;
  TpElement *hover = NULL;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PENDING)
    return;

  hit = _tp_canvas_hit_test_widget (self, x, y);
  if (_tp_canvas_hit_is_card (&hit) || hit.kind == TP_LAYOUT_HIT_CURVE_DOT)
    hover = hit.element;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Cards cut long titles short: the tooltip has all of it. */
gboolean
_tp_canvas_on_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_mode,
                             GtkTooltip *tooltip,
                             gpointer    user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpLayoutHit hit;
  GString *text;
  TpRect rect;
  graphene_rect_t bounds;

  if (keyboard_mode || self->drag_mode != DRAG_NONE || self->editor != NULL)
    return FALSE;

  hit = _tp_canvas_hit_test_widget (self, x, y);
  if (!_tp_canvas_hit_is_card (&hit) && hit.kind != TP_LAYOUT_HIT_CURVE_DOT)
    return FALSE;

  text = g_string_new (element_text (hit.element));
  if (TP_IS_TOUCHPOINT (hit.element))
    {
      TpTouchpoint *touchpoint = TP_TOUCHPOINT (hit.element);
      int score = tp_touchpoint_get_score (touchpoint);

      g_string_append_c (text, '\n');
      g_string_append (text, tp_channel_get_display_name (tp_touchpoint_get_channel (touchpoint)));
      if (score != TP_SCORE_UNSET)
        /* Translators: in a card's tooltip, after the channel */
        g_string_append_printf (text, _(" · score %d"), score);
      if (tp_touchpoint_get_moment_of_truth (touchpoint))
        g_string_append_printf (text, " · %s", _("Moment of truth"));
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);

  if (_tp_canvas_hit_is_card (&hit) && tp_layout_get_card_rect (self->layout, hit.element, &rect))
    {
      GdkRectangle area;

      _tp_canvas_document_rect_to_widget (self, &rect, &bounds);
      area.x = (int) bounds.origin.x;
      area.y = (int) bounds.origin.y;
      area.width = (int) bounds.size.width;
      area.height = (int) bounds.size.height;
      gtk_tooltip_set_tip_area (tooltip, &area);
    }
  return TRUE;
}

void
_tp_canvas_on_leave (GtkEventControllerMotion *controller,
                     TpCanvas                 *self)
{
  if (self->hover != NULL)
    {
      self->hover = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}
