/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-renderer-private.h"

/* The emotion curve */

/* The vertical tangent at @p1 between its neighbours: Catmull-Rom's,
 * flattened at a peak or trough and limited on a slope, so the curve never
 * swings past the scores it passes through (a dip below a 3 would claim a
 * score nobody gave). */
static double
tangent_y (const TpCurvePoint *p0,
           const TpCurvePoint *p1,
           const TpCurvePoint *p2)
{
  double before = p1->y - p0->y;
  double after = p2->y - p1->y;
  double m = (p2->y - p0->y) / 2;

  if (before * after <= 0)
    return 0;
  /* Fritsch–Carlson: at most three times the gentler neighbouring slope. */
  return CLAMP (m, -3 * MIN (fabs (before), fabs (after)), 3 * MIN (fabs (before), fabs (after)));
}

static void
curve_path (cairo_t            *cr,
            const TpCurvePoint *p,
            guint               n,
            guint               first,
            guint               last,
            gboolean            smooth)
{
  cairo_move_to (cr, p[first].x, p[first].y);

  for (guint i = first; i + 1 < last; i++)
    {
      const TpCurvePoint *p0 = &p[i > 0 ? i - 1 : i];
      const TpCurvePoint *p1 = &p[i];
      const TpCurvePoint *p2 = &p[i + 1];
      const TpCurvePoint *p3 = &p[i + 2 < n ? i + 2 : i + 1];

      if (!smooth)
        {
          cairo_line_to (cr, p2->x, p2->y);
          continue;
        }

      /* Catmull-Rom through p1 and p2 as a cubic Bézier: control points a
       * third of the tangent (half the neighbours' difference) away. */
      cairo_curve_to (cr,
                      p1->x + (p2->x - p0->x) / 6, p1->y + tangent_y (p0, p1, p2) / 3,
                      p2->x - (p3->x - p1->x) / 6, p2->y - tangent_y (p1, p2, p3) / 3,
                      p2->x, p2->y);
    }
}

/* A round dot, or a square one for a score below good enough. */
static void
dot_path (cairo_t            *cr,
          const TpCurvePoint *point,
          double              radius,
          gboolean            square)
{
  if (square)
    tp_path_rounded_rect (cr, point->x - radius, point->y - radius, 2 * radius, 2 * radius, radius * 0.25);
  else
    cairo_arc (cr, point->x, point->y, radius, 0, 2 * G_PI);
}

static void
draw_curve_dot (Ctx                *ctx,
                const TpCurvePoint *point)
{
  cairo_t *cr = ctx->cr;
  TpTouchpoint *tp = TP_TOUCHPOINT (point->element);
  gboolean big = point->radius >= TP_LAYOUT_DOT_RADIUS;
  gboolean moment = tp_touchpoint_is_moment (tp);
  gboolean low = tp_renderer_score_is_low (ctx, point->score);

  cairo_new_path (cr);
  dot_path (cr, point, point->radius + (big ? 2 : 1), low);
  set_source (cr, &ctx->pal->background);
  tp_render_backend_fill (ctx->backend, cr);

  if (moment)
    {
      /* A moment of truth: a gold ring around its dot. */
      dot_path (cr, point, point->radius + (big ? 4 : 2.5), low);
      set_source (cr, &ctx->pal->gold_dark);
      cairo_set_line_width (cr, big ? 2.5 : 1.5);
      tp_render_backend_stroke (ctx->backend, cr);
    }

  dot_path (cr, point, point->radius, low);
  set_score_source (ctx, point->score);
  tp_render_backend_fill (ctx->backend, cr);

  if (big)
    {
      TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_BADGE, -1, score_label (point->score));

      show_text (ctx, label, point->x - label->text_width / 2, point->y - label->height / 2,
                 on_score (ctx, point->score));
    }

  if (is_selected (ctx, point->element))
    {
      cairo_new_path (cr);
      cairo_arc (cr, point->x, point->y, point->radius + 6, 0, 2 * G_PI);
      set_source (cr, &ctx->pal->accent);
      cairo_set_line_width (cr, clamp_line (ctx, 2.5));
      tp_render_backend_stroke (ctx->backend, cr);
    }
}

/* The employee line counts only the departments shown: the points of
 * notes of hidden departments left out (a new array either way). */
static GArray *
visible_employee_points (Ctx          *ctx,
                         const GArray *points)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TpCurvePoint), points->len);

  for (guint i = 0; i < points->len; i++)
    {
      const TpCurvePoint *point = &g_array_index (points, TpCurvePoint, i);

      if (TP_IS_EMPLOYEE_NOTE (point->element) && note_hidden (ctx, TP_EMPLOYEE_NOTE (point->element)))
        continue;
      g_array_append_val (out, *point);
    }
  return out;
}

void
tp_renderer_draw_curve_lane (Ctx         *ctx,
                             TpLayoutRow *row)
{
  g_autoptr(GArray) employee = NULL;
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpRect *plot = &row->plot;
  const TpCurvePoint *points = (const TpCurvePoint *) (gpointer) row->curve->data;
  guint n = row->curve->len;
  double x0 = MAX (ctx->visible.x, plot->x);
  double x1 = MIN (ctx->visible.x + ctx->visible.width, plot->x + plot->width);
  double y_target = tp_layout_plot_y (plot, ctx->layout->moment_target);
  double y_good = tp_layout_plot_y (plot, ctx->layout->good_enough);
  double bottom = plot->y + plot->height;
  guint first, last;

  if (x0 >= x1)
    return;

  /* Zones: above the moment-of-truth target, and below good enough. */
  set_source (cr, &pal->zone_target);
  cairo_rectangle (cr, x0, plot->y, x1 - x0, y_target - plot->y);
  tp_render_backend_fill (ctx->backend, cr);
  set_source (cr, &pal->zone_low);
  cairo_rectangle (cr, x0, y_good, x1 - x0, bottom - y_good);
  tp_render_backend_fill (ctx->backend, cr);

  cairo_set_line_width (cr, clamp_line (ctx, 1.25));
  set_dash (ctx, 6, 4, x0);
  set_source (cr, &pal->guide_target);
  cairo_move_to (cr, x0, y_target);
  cairo_line_to (cr, x1, y_target);
  tp_render_backend_stroke (ctx->backend, cr);
  set_source (cr, &pal->guide_good);
  cairo_move_to (cr, x0, y_good);
  cairo_line_to (cr, x1, y_good);
  tp_render_backend_stroke (ctx->backend, cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Points just outside the view still shape the visible segments. */
  tp_layout_get_curve_range (row->curve, x0 - TP_LAYOUT_DOT_RADIUS - 6, x1 + TP_LAYOUT_DOT_RADIUS + 6,
                             &first, &last);
  if (n > 0)
    {
      guint from = first > 0 ? first - 1 : 0;
      guint to = MIN (last + 1, n);

      if (to - from >= 2)
        {
          if (!ctx->simplified)
            {
              curve_path (cr, points, n, from, to, TRUE);
              cairo_line_to (cr, points[to - 1].x, bottom);
              cairo_line_to (cr, points[from].x, bottom);
              cairo_close_path (cr);
              set_source (cr, &pal->curve_fill);
              tp_render_backend_fill (ctx->backend, cr);
            }

          curve_path (cr, points, n, from, to, !ctx->simplified);
          set_source (cr, &pal->curve);
          cairo_set_line_width (cr, clamp_line (ctx, 2.5));
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          tp_render_backend_stroke (ctx->backend, cr);
        }
    }

  /* The employee travels along: a dashed line of their own scores. */
  if (ctx->options->show_employee_overlay && row->employee_curve->len > 0)
    employee = visible_employee_points (ctx, row->employee_curve);
  if (employee != NULL && employee->len > 0)
    {
      const TpCurvePoint *e = (const TpCurvePoint *) (gpointer) employee->data;
      guint ne = employee->len;
      guint efirst, elast;

      tp_layout_get_curve_range (employee, x0 - 400, x1 + 400, &efirst, &elast);
      efirst = efirst > 0 ? efirst - 1 : 0;
      elast = MIN (elast + 1, ne);

      if (elast - efirst >= 2)
        {
          /* Straight segments: a handful of notes are data points, not a trend. */
          curve_path (cr, e, ne, efirst, elast, FALSE);
          set_source (cr, &pal->employee);
          cairo_set_line_width (cr, clamp_line (ctx, 2));
          set_dash (ctx, 7, 5, e[efirst].x);
          tp_render_backend_stroke (ctx->backend, cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }

      if (!ctx->simplified)
        {
          TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, -1, _("Employee"));
          const TpCurvePoint *end = &e[ne - 1];
          double lx = end->x + 9;

          for (guint i = efirst; i < elast; i++)
            {
              /* Diamonds, so they are not mistaken for the customer's dots. */
              cairo_move_to (cr, e[i].x, e[i].y - 5);
              cairo_line_to (cr, e[i].x + 5, e[i].y);
              cairo_line_to (cr, e[i].x, e[i].y + 5);
              cairo_line_to (cr, e[i].x - 5, e[i].y);
              cairo_close_path (cr);
            }
          set_source (cr, &pal->employee);
          tp_render_backend_fill (ctx->backend, cr);

          if (lx + label->text_width > plot->x + plot->width - 4)
            lx = end->x - 9 - label->text_width;
          show_text (ctx, label, lx, end->y - label->height - 2, &pal->employee);
        }
    }

  /* A dragged card keeps its dot: the touchpoint is still where it was
   * until it is dropped. */
  if (!ctx->simplified)
    for (guint i = first; i < last; i++)
      draw_curve_dot (ctx, &points[i]);
}
