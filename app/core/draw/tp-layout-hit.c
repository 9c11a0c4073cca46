/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tp-layout-private.h"

/* What is where in a layout: hit tests, rubber bands and drops. */

static TpLayoutHitKind
hit_kind_for_item (TpLayoutItem *item)
{
  switch (item->style)
    {
    case TP_CARD_NOTE:
      return TP_LAYOUT_HIT_EMPLOYEE_NOTE;
    case TP_CARD_OPPORTUNITY:
      return TP_LAYOUT_HIT_OPPORTUNITY;
    case TP_CARD_TOUCHPOINT:
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
    default:
      return TP_LAYOUT_HIT_TOUCHPOINT;
    }
}

TpLayoutHit
tp_layout_hit_test (TpLayout *self,
                    double    x,
                    double    y,
                    double    tolerance)
{
  TpLayoutHit hit = { TP_LAYOUT_HIT_NONE, NULL, NULL, NULL, G_MAXUINT, G_MAXUINT };
  guint s, s_end, l, l_end, first, last;
  TpLayoutRow *row;

  g_return_val_if_fail (TP_IS_LAYOUT (self), hit);

  if (x < 0 || y < 0 || x >= self->width || y >= self->height)
    return hit;

  /* A point range [x, x + ε) finds the column or row holding the point;
   * an empty range means the header column or row. */
  tp_layout_get_column_range (self, x, nextafter (x, G_MAXDOUBLE), &s, &s_end);
  tp_layout_get_row_range (self, y, nextafter (y, G_MAXDOUBLE), &l, &l_end);
  if (s == s_end && y < self->header_height)
    return hit; /* the corner */

  if (y < self->header_height)
    {
      hit.kind = TP_LAYOUT_HIT_STAGE_HEADER;
      hit.stage_index = s;
      hit.stage = tp_layout_column (self, s)->stage;
      hit.element = TP_ELEMENT (hit.stage);
      return hit;
    }

  if (l == l_end)
    return hit;

  row = tp_layout_row (self, l);
  hit.lane_index = l;
  hit.lane = row->lane;

  if (s == s_end)
    {
      hit.kind = TP_LAYOUT_HIT_LANE_HEADER;
      hit.element = TP_ELEMENT (hit.lane);
      return hit;
    }

  hit.kind = TP_LAYOUT_HIT_CELL;
  hit.stage_index = s;
  hit.stage = tp_layout_column (self, s)->stage;

  tp_layout_get_cell_range (self, tp_layout_cell (self, s, l), y, nextafter (y, G_MAXDOUBLE), &first, &last);
  for (guint i = first; i < last; i++)
    {
      TpLayoutItem *item = tp_layout_item (self, i);

      if (tp_rect_contains_point (&item->rect, x, y))
        {
          hit.kind = hit_kind_for_item (item);
          hit.element = item->element;
          return hit;
        }
    }

  if (row->curve != NULL)
    {
      double best = G_MAXDOUBLE;
      guint best_index = G_MAXUINT;

      /* Dots near a column edge may belong to the next stage. */
      tp_layout_get_curve_range (row->curve, x - TP_LAYOUT_DOT_RADIUS - tolerance,
                                 x + TP_LAYOUT_DOT_RADIUS + tolerance, &first, &last);
      for (guint i = first; i < last; i++)
        {
          TpCurvePoint *point = &g_array_index (row->curve, TpCurvePoint, i);
          double d = hypot (point->x - x, point->y - y);

          if (d <= point->radius + tolerance && d < best)
            {
              best = d;
              best_index = i;
            }
        }

      if (best_index != G_MAXUINT)
        {
          TpCurvePoint *point = &g_array_index (row->curve, TpCurvePoint, best_index);
          gpointer index = g_hash_table_lookup (self->item_index, point->element);

          hit.kind = TP_LAYOUT_HIT_CURVE_DOT;
          hit.element = point->element;
          /* The dot's stage, which may differ from the column under the
           * pointer when the tolerance reaches over the edge. */
          if (index != NULL)
            {
              hit.stage_index = tp_layout_item (self, GPOINTER_TO_UINT (index) - 1)->stage;
              hit.stage = tp_layout_column (self, hit.stage_index)->stage;
            }
        }
    }

  return hit;
}

GPtrArray *
tp_layout_items_in_rect (TpLayout     *self,
                         const TpRect *rect)
{
  GPtrArray *out;
  guint s0, s1, l0, l1;

  g_return_val_if_fail (TP_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  if (tp_rect_is_empty (rect))
    return out;

  tp_layout_get_column_range (self, rect->x, rect->x + rect->width, &s0, &s1);
  tp_layout_get_row_range (self, rect->y, rect->y + rect->height, &l0, &l1);

  for (guint l = l0; l < l1; l++)
    for (guint s = s0; s < s1; s++)
      {
        guint first, last;

        tp_layout_get_cell_range (self, tp_layout_cell (self, s, l), rect->y, rect->y + rect->height,
                                  &first, &last);
        for (guint i = first; i < last; i++)
          {
            TpLayoutItem *item = tp_layout_item (self, i);

            if (tp_rect_intersects (&item->rect, rect))
              g_ptr_array_add (out, g_object_ref (item->element));
          }
      }

  return out;
}

gboolean
tp_layout_get_drop_position (TpLayout     *self,
                             double        x,
                             double        y,
                             TpLayoutDrop *drop)
{
  TpLayoutHit hit;
  guint cell, start, n = 0, index = 0;
  TpLayoutColumn *column;
  TpLayoutRow *row;
  double line_y;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (drop != NULL, FALSE);

  hit = tp_layout_hit_test (self, x, y, 0);
  if (hit.stage == NULL || hit.lane == NULL)
    return FALSE;

  column = tp_layout_column (self, hit.stage_index);
  row = tp_layout_row (self, hit.lane_index);
  cell = tp_layout_cell (self, hit.stage_index, hit.lane_index);
  start = self->cell_start[cell];

  drop->stage = hit.stage;
  drop->lane = hit.lane;
  drop->stage_index = hit.stage_index;
  drop->lane_index = hit.lane_index;
  drop->before = NULL;

  /* Touchpoint cards come first in a cell; notes and opportunities after
   * them are not drop targets. Before the first card whose middle is
   * below the point. */
  line_y = row->y + TP_LAYOUT_CELL_PADDING / 2;
  for (guint i = start; i < self->cell_start[cell + 1]; i++)
    {
      TpLayoutItem *item = tp_layout_item (self, i);

      if (!TP_IS_TOUCHPOINT (item->element))
        break;
      n++;
      if (drop->before == NULL && y < item->rect.y + item->rect.height / 2)
        {
          drop->before = TP_TOUCHPOINT (item->element);
          index = n - 1;
          line_y = item->rect.y - (index == 0 ? TP_LAYOUT_CELL_PADDING : TP_LAYOUT_CARD_GAP) / 2;
        }
      else if (drop->before == NULL)
        {
          line_y = item->rect.y + item->rect.height + TP_LAYOUT_CARD_GAP / 2;
        }
    }
  if (drop->before == NULL)
    index = n;

  drop->index = index;
  drop->indicator = TP_RECT_INIT (tp_layout_card_x (column), line_y - 1.5,
                                  TP_LAYOUT_CARD_WIDTH, 3);
  return TRUE;
}
