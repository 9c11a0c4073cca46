/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-layout-private.h"

/* The emotion curves of a layout: the customer's points and the
 * employee's line in each emotion-curve lane, and the stages' averages. */

static int
compare_curve_points (gconstpointer a,
                      gconstpointer b)
{
  const TpCurvePoint *pa = a;
  const TpCurvePoint *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

void
tp_layout_place_curves (TpLayout   *self,
                        GHashTable *stage_ids)
{
  guint n_stages = self->columns->len;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TpCurvePoint));
  g_autoptr(GArray) employee = g_array_new (FALSE, FALSE, sizeof (TpCurvePoint));
  g_autofree guint *start = g_new0 (guint, n_stages + 1);
  g_autofree double *sums = g_new0 (double, n_stages);
  GListModel *touchpoints = tp_journey_get_touchpoints (self->journey);
  GListModel *notes = tp_journey_get_employee_notes (self->journey);
  g_autoptr(GHashTable) point_x = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) scored = g_array_new (FALSE, FALSE, sizeof (TpCurvePoint));
  gboolean has_curve_lane = FALSE;

  for (guint l = 0; l < self->rows->len; l++)
    has_curve_lane |= tp_layout_row (self, l)->kind == TP_LANE_KIND_EMOTION_CURVE;

  /* One point per scored touchpoint in journey order: stage order first,
   * then list order within the stage. Bucket by stage, keeping list order. */
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      /* Every scored card counts, in a hidden lane too: layers hide cards,
       * not data. Borrowed: the journey holds a reference. */
      guint stage = tp_layout_lookup_index (stage_ids, tp_touchpoint_get_stage_id (tp));
      TpCurvePoint point = { TP_ELEMENT (tp), tp_touchpoint_get_score (tp), 0, 0, 0 };

      if (point.score <= 0 || stage == G_MAXUINT)
        continue;
      /* Borrow x for the stage index until the points are sorted. */
      point.x = stage;
      g_array_append_val (scored, point);
      start[(guint) point.x + 1]++;
    }

  for (guint s = 0; s < n_stages; s++)
    start[s + 1] += start[s];

  g_array_set_size (points, scored->len);
  {
    g_autofree guint *fill = g_memdup2 (start, sizeof (guint) * (n_stages + 1));

    for (guint i = 0; i < scored->len; i++)
      {
        TpCurvePoint *point = &g_array_index (scored, TpCurvePoint, i);
        guint s = (guint) point->x;

        g_array_index (points, TpCurvePoint, fill[s]++) = *point;
        sums[s] += point->score;
      }
  }

  /* All cards of a stage share one centre, so spread the stage's points
   * evenly across its column; dots shrink when they would overlap. */
  for (guint s = 0; s < n_stages; s++)
    {
      TpLayoutColumn *column = tp_layout_column (self, s);
      guint k = start[s + 1] - start[s];
      double step = k > 0 ? column->width / k : 0;
      double radius = step >= 2 * TP_LAYOUT_DOT_RADIUS + 4 ? TP_LAYOUT_DOT_RADIUS : TP_LAYOUT_SMALL_DOT_RADIUS;

      for (guint i = 0; i < k; i++)
        {
          TpCurvePoint *point = &g_array_index (points, TpCurvePoint, start[s] + i);

          point->x = column->x + step * (i + 0.5);
          point->radius = radius;
          g_hash_table_insert (point_x, point->element, GUINT_TO_POINTER (start[s] + i + 1));
        }

      column->average = k > 0 ? sums[s] / k : 0;
    }

  if (!has_curve_lane)
    return;

  /* The employee travels along: scored notes at their touchpoint's point,
   * or the centre of their touchpoint's or their own stage. */
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      const char *tp_id = tp_employee_note_get_touchpoint_id (note);
      TpCurvePoint point = { TP_ELEMENT (note), tp_employee_note_get_score (note), 0, 0,
                             TP_LAYOUT_SMALL_DOT_RADIUS + 1 };
      guint stage = G_MAXUINT;

      if (point.score <= 0)
        continue;

      if (*tp_id != '\0')
        {
          TpTouchpoint *tp = tp_journey_lookup_touchpoint (self->journey, tp_id);
          gpointer index = tp != NULL ? g_hash_table_lookup (point_x, tp) : NULL;

          if (index != NULL)
            point.x = g_array_index (points, TpCurvePoint, GPOINTER_TO_UINT (index) - 1).x;
          else if (tp != NULL)
            stage = tp_layout_lookup_index (stage_ids, tp_touchpoint_get_stage_id (tp));
          if (index == NULL && stage == G_MAXUINT)
            continue;
        }
      else
        {
          stage = tp_layout_lookup_index (stage_ids, tp_employee_note_get_stage_id (note));
          if (stage == G_MAXUINT)
            continue;
        }

      if (stage != G_MAXUINT)
        point.x = tp_layout_column (self, stage)->x + tp_layout_column (self, stage)->width / 2;
      g_array_append_val (employee, point);
    }
  /* Stable (since GLib 2.32): notes at the same x keep list order. */
  g_array_sort (employee, compare_curve_points);

  for (guint l = 0; l < self->rows->len; l++)
    {
      TpLayoutRow *row = tp_layout_row (self, l);

      if (row->kind != TP_LANE_KIND_EMOTION_CURVE)
        continue;

      row->curve = g_array_copy (points);
      for (guint i = 0; i < row->curve->len; i++)
        {
          TpCurvePoint *point = &g_array_index (row->curve, TpCurvePoint, i);
          point->y = tp_layout_plot_y (&row->plot, point->score);
        }

      row->employee_curve = g_array_copy (employee);
      for (guint i = 0; i < row->employee_curve->len; i++)
        {
          TpCurvePoint *point = &g_array_index (row->employee_curve, TpCurvePoint, i);
          point->y = tp_layout_plot_y (&row->plot, point->score);
        }
    }
}

/* Queries */

gboolean
tp_layout_get_curve_rect (TpLayout *self,
                          guint     lane_index,
                          TpRect   *rect)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);

  if (lane_index >= self->rows->len || tp_layout_row (self, lane_index)->kind != TP_LANE_KIND_EMOTION_CURVE)
    return FALSE;
  *rect = tp_layout_row (self, lane_index)->plot;
  return TRUE;
}

double
tp_layout_score_to_y (TpLayout *self,
                      guint     lane_index,
                      double    score)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), 0);
  g_return_val_if_fail (lane_index < self->rows->len, 0);

  return tp_layout_plot_y (&tp_layout_row (self, lane_index)->plot, score);
}

const TpCurvePoint *
tp_layout_get_curve (TpLayout *self,
                     guint     lane_index,
                     guint    *n_points)
{
  GArray *curve;

  g_return_val_if_fail (TP_IS_LAYOUT (self), NULL);

  curve = lane_index < self->rows->len ? tp_layout_row (self, lane_index)->curve : NULL;
  if (n_points != NULL)
    *n_points = curve != NULL ? curve->len : 0;
  return curve != NULL ? (const TpCurvePoint *) (gpointer) curve->data : NULL;
}

const TpCurvePoint *
tp_layout_get_employee_curve (TpLayout *self,
                              guint     lane_index,
                              guint    *n_points)
{
  GArray *curve;

  g_return_val_if_fail (TP_IS_LAYOUT (self), NULL);

  curve = lane_index < self->rows->len ? tp_layout_row (self, lane_index)->employee_curve : NULL;
  if (n_points != NULL)
    *n_points = curve != NULL ? curve->len : 0;
  return curve != NULL ? (const TpCurvePoint *) (gpointer) curve->data : NULL;
}

void
tp_layout_get_curve_range (GArray *curve,
                           double  from,
                           double  to,
                           guint  *first,
                           guint  *last)
{
  guint lo = 0, hi = curve != NULL ? curve->len : 0;
  guint end = hi;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (curve, TpCurvePoint, mid).x < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  hi = end;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (curve, TpCurvePoint, mid).x <= to)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;
}
