/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tp-layout-private.h"
#include "tp-layout.h"
#include "tp-test-util.h"

/* Zoom levels and scroll offsets the canvas may show the map at. Hit
 * tests go through the same widget -> document conversion the canvas
 * does, so rounding at odd zooms is covered. */
static const double zooms[] = { 0.25, 0.5, 0.8, 1.0, 1.5, 2.0, 3.0 };
#define SCROLL_X 37.0
#define SCROLL_Y 11.0
#define TOLERANCE_PX 8.0

/* The bundled sample and its layout, for each test. */
typedef TpTestLayoutFixture Fixture;

/* The canvas: widget pixels at @zoom, scrolled by SCROLL_X/Y document units. */
static void
doc_to_widget (double  zoom,
               double  x,
               double  y,
               double *wx,
               double *wy)
{
  *wx = (x - SCROLL_X) * zoom;
  *wy = (y - SCROLL_Y) * zoom;
}

static TpLayoutHit
hit_at_widget (TpLayout *layout,
               double    zoom,
               double    wx,
               double    wy)
{
  return tp_layout_hit_test (layout, wx / zoom + SCROLL_X, wy / zoom + SCROLL_Y, TOLERANCE_PX / zoom);
}

static guint
stage_index (TpJourney  *journey,
             const char *id)
{
  guint position;

  g_assert_true (tp_journey_get_position (journey, tp_journey_lookup (journey, id), &position));
  return position;
}

static guint
lane_kind_index (TpJourney  *journey,
                 TpLaneKind  kind)
{
  GListModel *lanes = tp_journey_get_lanes (journey);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(TpLane) lane = g_list_model_get_item (lanes, i);

      if (tp_lane_get_kind (lane) == kind)
        return i;
    }
  g_assert_not_reached ();
}

static TpElement *
lookup (Fixture    *f,
        const char *id)
{
  TpElement *element = tp_journey_lookup (f->journey, id);

  g_assert_nonnull (element);
  return element;
}

static gboolean
rect_inside (const TpRect *inner,
             const TpRect *outer)
{
  return tp_rect_contains_rect (outer, inner);
}

static void
test_sizes (Fixture       *f,
            gconstpointer  data)
{
  double width, height;
  TpRect rect;

  tp_layout_get_size (f->layout, &width, &height);
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  g_assert_cmpuint (tp_layout_get_n_stages (f->layout), ==, 5);
  g_assert_cmpuint (tp_layout_get_n_lanes (f->layout), ==, 6);

  /* Equal columns of a card plus padding, after the lane header column. */
  g_assert_cmpfloat_with_epsilon (width, TP_LAYOUT_LANE_HEADER_WIDTH
                                  + 5 * (TP_LAYOUT_CARD_WIDTH + 2 * TP_LAYOUT_COLUMN_PADDING), 1e-9);

  g_assert_true (tp_layout_get_stage_header_rect (f->layout, 0, &rect));
  g_assert_cmpfloat (rect.y, ==, 0);
  g_assert_cmpfloat (rect.height, ==, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  g_assert_true (tp_layout_get_lane_header_rect (f->layout, 0, &rect));
  g_assert_cmpfloat (rect.x, ==, 0);
  g_assert_cmpfloat (rect.width, ==, TP_LAYOUT_LANE_HEADER_WIDTH);
  g_assert_cmpfloat (rect.y, ==, TP_LAYOUT_STAGE_HEADER_HEIGHT);

  g_assert_false (tp_layout_get_stage_rect (f->layout, 5, &rect));
  g_assert_false (tp_layout_get_lane_rect (f->layout, 6, &rect));
}

static void
test_columns_and_rows (Fixture       *f,
                       gconstpointer  data)
{
  double width, height;
  double x = TP_LAYOUT_LANE_HEADER_WIDTH, y = TP_LAYOUT_STAGE_HEADER_HEIGHT;

  tp_layout_get_size (f->layout, &width, &height);

  /* Ordered, touching, not overlapping, covering the map. */
  for (guint s = 0; s < tp_layout_get_n_stages (f->layout); s++)
    {
      TpRect rect;

      g_assert_true (tp_layout_get_stage_rect (f->layout, s, &rect));
      g_assert_cmpfloat_with_epsilon (rect.x, x, 1e-9);
      g_assert_cmpfloat (rect.width, >=, TP_LAYOUT_CARD_WIDTH);
      g_assert_cmpfloat (rect.height, ==, height);
      x = rect.x + rect.width;
    }
  g_assert_cmpfloat_with_epsilon (x, width, 1e-9);

  for (guint l = 0; l < tp_layout_get_n_lanes (f->layout); l++)
    {
      TpRect rect;
      g_autoptr(TpLane) lane = g_list_model_get_item (tp_journey_get_lanes (f->journey), l);

      g_assert_true (tp_layout_get_lane_rect (f->layout, l, &rect));
      g_assert_cmpfloat_with_epsilon (rect.y, y, 1e-9);
      g_assert_cmpfloat (rect.width, ==, width);
      if (tp_lane_get_kind (lane) == TP_LANE_KIND_EMOTION_CURVE)
        g_assert_cmpfloat (rect.height, ==, TP_LAYOUT_CURVE_HEIGHT);
      else
        g_assert_cmpfloat (rect.height, >=, TP_LAYOUT_MIN_LANE_HEIGHT);
      y = rect.y + rect.height;
    }
  g_assert_cmpfloat_with_epsilon (y, height, 1e-9);
}

static void
test_cards_in_cells (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *touchpoints = tp_journey_get_touchpoints (f->journey);

  g_assert_cmpuint (g_list_model_get_n_items (touchpoints), ==, 25);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      guint s = stage_index (f->journey, tp_touchpoint_get_stage_id (tp));
      guint l = stage_index (f->journey, tp_touchpoint_get_lane_id (tp));
      TpRect card, column, row, cell, badge;

      g_assert_true (tp_layout_get_card_rect (f->layout, TP_ELEMENT (tp), &card));
      g_assert_true (tp_layout_get_stage_rect (f->layout, s, &column));
      g_assert_true (tp_layout_get_lane_rect (f->layout, l, &row));
      g_assert_true (tp_layout_get_cell_rect (f->layout, s, l, &cell));

      g_assert_cmpfloat (card.width, ==, TP_LAYOUT_CARD_WIDTH);
      g_assert_cmpfloat (card.height, >, 0);
      g_assert_true (card.x >= column.x && card.x + card.width <= column.x + column.width);
      g_assert_true (card.y >= row.y && card.y + card.height <= row.y + row.height);
      g_assert_true (rect_inside (&card, &cell));

      /* Scored touchpoints show a badge on their card. */
      if (tp_touchpoint_get_score (tp) > 0)
        {
          g_assert_true (tp_layout_get_badge_rect (f->layout, TP_ELEMENT (tp), &badge));
          g_assert_true (rect_inside (&badge, &card));
        }
    }

  /* Longer titles wrap: a two-line title makes a taller card than a
   * one-line one in the same lane. */
  {
    TpRect short_card, long_card;

    g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t2"), &short_card));  /* "Referral letter" */
    g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t19"), &long_card)); /* "Three-minute consult ..." */
    g_assert_cmpfloat (long_card.height, >, short_card.height);
  }
}

static void
test_cell_order (Fixture       *f,
                 gconstpointer  data)
{
  for (guint s = 0; s < tp_layout_get_n_stages (f->layout); s++)
    for (guint l = 0; l < tp_layout_get_n_lanes (f->layout); l++)
      {
        g_autoptr(TpStage) stage = g_list_model_get_item (tp_journey_get_stages (f->journey), s);
        g_autoptr(TpLane) lane = g_list_model_get_item (tp_journey_get_lanes (f->journey), l);
        g_autoptr(GPtrArray) expected =
          tp_journey_get_cell_touchpoints (f->journey, tp_element_get_id (TP_ELEMENT (stage)),
                                           tp_element_get_id (TP_ELEMENT (lane)));
        guint n = tp_layout_get_cell_n_cards (f->layout, s, l);
        double bottom = -1;

        /* Touchpoints first, in list order; then the lane's own cards. */
        g_assert_cmpuint (n, >=, expected->len);
        for (guint i = 0; i < n; i++)
          {
            TpRect rect;
            TpElement *element = tp_layout_get_cell_card (f->layout, s, l, i, &rect);

            if (i < expected->len)
              g_assert_true (element == g_ptr_array_index (expected, i));
            else
              g_assert_false (TP_IS_TOUCHPOINT (element));

            /* Stacked top to bottom, with a gap, never overlapping. */
            g_assert_cmpfloat (rect.y, >=, bottom + TP_LAYOUT_CARD_GAP - 1e-9);
            bottom = rect.y + rect.height;
          }
        g_assert_null (tp_layout_get_cell_card (f->layout, s, l, n, NULL));
      }
}

static void
test_notes_and_opportunities (Fixture       *f,
                              gconstpointer  data)
{
  guint employee = lane_kind_index (f->journey, TP_LANE_KIND_EMPLOYEE);
  guint opportunities = lane_kind_index (f->journey, TP_LANE_KIND_OPPORTUNITIES);
  struct {
    const char *id;
    guint lane;
    const char *stage;
  } expected[] = {
    { "e1", employee, "s4" },      /* on t19, in s4 */
    { "e2", employee, "s4" },      /* on stage s4 */
    { "e3", employee, "s4" },      /* on t19, caused by Planning */
    { "e4", employee, "s2" },      /* on t11 */
    { "e5", employee, "s3" },      /* on t16 */
    { "o1", opportunities, "s4" }, /* about t19 */
    { "o2", opportunities, "s5" }, /* about t23 */
    { "o3", opportunities, "s1" }, /* about the journey: first stage */
    { "o4", opportunities, "s4" }, /* about stage s4 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TpRect card, cell;

      g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, expected[i].id), &card));
      g_assert_true (tp_layout_get_cell_rect (f->layout, stage_index (f->journey, expected[i].stage),
                                              expected[i].lane, &cell));
      g_assert_true (rect_inside (&card, &cell));
    }

  /* In the employee cell of s4, the note on t19 comes before the stage's
   * note, following the list. */
  {
    TpRect e1, e2;

    tp_layout_get_card_rect (f->layout, lookup (f, "e1"), &e1);
    tp_layout_get_card_rect (f->layout, lookup (f, "e2"), &e2);
    g_assert_cmpfloat (e1.y + e1.height, <, e2.y);
  }

  /* Scored notes show a badge, unscored ones none; opportunities never. */
  g_assert_true (tp_layout_get_badge_rect (f->layout, lookup (f, "e1"), NULL));
  g_assert_false (tp_layout_get_badge_rect (f->layout, lookup (f, "e2"), NULL));
  g_assert_false (tp_layout_get_badge_rect (f->layout, lookup (f, "o1"), NULL));
}

/* A hidden lane leaves out its row and its cards, and the lanes below move
 * up; what is noted about its cards stays in their stages' columns, and
 * the curve, averages and employee line are those of the whole journey:
 * layers hide cards, not data. */
static void
test_hidden_lane (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *touchpoints = tp_journey_get_touchpoints (f->journey);
  const char *hidden[] = { "l2", NULL };
  g_autoptr(TpLayout) layout = tp_layout_new_full (f->journey, NULL, hidden);
  guint l2 = lane_kind_index (f->journey, TP_LANE_KIND_TOUCHPOINTS);
  guint opportunities;
  const TpCurvePoint *curve;
  guint n_points, n_hidden = 0;
  TpRect gone, before, after;

  g_assert_true (tp_layout_get_lane_rect (f->layout, l2, &gone));
  g_assert_cmpuint (tp_layout_get_n_lanes (layout), ==, tp_layout_get_n_lanes (f->layout) - 1);
  g_assert_cmpuint (tp_layout_get_n_stages (layout), ==, tp_layout_get_n_stages (f->layout));

  /* The lane above stays; the one below takes the hidden one's place. */
  g_assert_true (tp_layout_get_lane_rect (f->layout, 0, &before));
  g_assert_true (tp_layout_get_lane_rect (layout, 0, &after));
  g_assert_cmpfloat (after.y, ==, before.y);
  g_assert_cmpfloat (after.height, ==, before.height);
  g_assert_true (tp_layout_get_lane_rect (f->layout, l2 + 1, &before));
  g_assert_true (tp_layout_get_lane_rect (layout, l2, &after));
  g_assert_cmpfloat (after.y, ==, gone.y);
  g_assert_cmpfloat (after.height, ==, before.height);

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      const char *lane = tp_touchpoint_get_lane_id (tp);

      g_assert_true (tp_layout_get_card_rect (f->layout, TP_ELEMENT (tp), &before));
      if (g_str_equal (lane, "l2"))
        {
          g_assert_false (tp_layout_get_card_rect (layout, TP_ELEMENT (tp), &after));
          n_hidden++;
          continue;
        }
      g_assert_true (tp_layout_get_card_rect (layout, TP_ELEMENT (tp), &after));
      g_assert_cmpfloat (after.x, ==, before.x);
      g_assert_cmpfloat (after.height, ==, before.height);
      /* l1 above, l3 below. */
      g_assert_cmpfloat (after.y, ==, g_str_equal (lane, "l1") ? before.y : before.y - gone.height);
    }
  g_assert_cmpuint (n_hidden, >, 0);

  /* Notes on its touchpoints stay, in their touchpoints' stages. */
  for (guint i = 0; i < 3; i++)
    {
      const char *ids[] = { "e1", "e2", "e3" };
      TpRect card, cell;

      g_assert_true (tp_layout_get_card_rect (layout, lookup (f, ids[i]), &card));
      g_assert_true (tp_layout_get_cell_rect (layout, 3, lane_kind_index (f->journey, TP_LANE_KIND_EMPLOYEE) - 1,
                                              &cell));
      g_assert_true (rect_inside (&card, &cell));
    }

  /* Opportunities about its touchpoints (t19 in s4, t23 in s5) stay there. */
  opportunities = lane_kind_index (f->journey, TP_LANE_KIND_OPPORTUNITIES) - 1;
  for (guint i = 0; i < 2; i++)
    {
      TpRect card, cell;

      g_assert_true (tp_layout_get_card_rect (layout, lookup (f, i == 0 ? "o1" : "o2"), &card));
      g_assert_true (tp_layout_get_cell_rect (layout, i == 0 ? 3 : 4, opportunities, &cell));
      g_assert_true (rect_inside (&card, &cell));
    }

  /* The same curve, averages and employee line as with every lane. */
  {
    guint curve_lane = lane_kind_index (f->journey, TP_LANE_KIND_EMOTION_CURVE);
    guint n_all, n_all_employee;
    const TpCurvePoint *all = tp_layout_get_curve (f->layout, curve_lane, &n_all);
    const TpCurvePoint *employee_all = tp_layout_get_employee_curve (f->layout, curve_lane, &n_all_employee);
    const TpCurvePoint *employee;

    curve = tp_layout_get_curve (layout, curve_lane - 1, &n_points);
    g_assert_cmpuint (n_points, ==, n_all);
    for (guint i = 0; i < n_points; i++)
      {
        g_assert_true (curve[i].element == all[i].element);
        g_assert_cmpint (curve[i].score, ==, all[i].score);
        g_assert_cmpfloat (curve[i].x, ==, all[i].x);
      }
    employee = tp_layout_get_employee_curve (layout, curve_lane - 1, &n_points);
    g_assert_cmpuint (n_points, ==, n_all_employee);
    for (guint i = 0; i < n_points; i++)
      g_assert_true (employee[i].element == employee_all[i].element);
    for (guint s = 0; s < tp_layout_get_n_stages (layout); s++)
      g_assert_cmpfloat (tp_layout_column (layout, s)->average, ==, tp_layout_column (f->layout, s)->average);
  }
}

static void
test_curve (Fixture       *f,
            gconstpointer  data)
{
  guint lane = lane_kind_index (f->journey, TP_LANE_KIND_EMOTION_CURVE);
  GListModel *touchpoints = tp_journey_get_touchpoints (f->journey);
  const TpCurvePoint *points, *employee;
  guint n, n_employee, n_scored = 0, k = 0;
  TpRect plot, lane_rect;
  double y_good, y_target;

  g_assert_true (tp_layout_get_curve_rect (f->layout, lane, &plot));
  g_assert_false (tp_layout_get_curve_rect (f->layout, 0, &plot) && lane != 0);
  g_assert_true (tp_layout_get_curve_rect (f->layout, lane, &plot));
  g_assert_true (tp_layout_get_lane_rect (f->layout, lane, &lane_rect));
  g_assert_true (rect_inside (&plot, &lane_rect));
  g_assert_null (tp_layout_get_curve (f->layout, 0, &n));
  g_assert_cmpuint (n, ==, 0);

  points = tp_layout_get_curve (f->layout, lane, &n);

  /* One point per scored touchpoint, in journey order: stage by stage,
   * list order within a stage. */
  for (guint s = 0; s < tp_layout_get_n_stages (f->layout); s++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (tp_journey_get_stages (f->journey), s);
      TpRect column;

      tp_layout_get_stage_rect (f->layout, s, &column);
      for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
        {
          g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);

          if (tp_touchpoint_get_score (tp) <= 0
              || g_strcmp0 (tp_touchpoint_get_stage_id (tp), tp_element_get_id (TP_ELEMENT (stage))) != 0)
            continue;

          n_scored++;
          g_assert_cmpuint (k, <, n);
          g_assert_true (points[k].element == TP_ELEMENT (tp));
          g_assert_cmpint (points[k].score, ==, tp_touchpoint_get_score (tp));
          /* Inside the stage's column, inside the plot. */
          g_assert_cmpfloat (points[k].x, >, column.x);
          g_assert_cmpfloat (points[k].x, <, column.x + column.width);
          g_assert_cmpfloat_with_epsilon (points[k].y, tp_layout_score_to_y (f->layout, lane, points[k].score), 1e-9);
          g_assert_cmpfloat (points[k].y, >=, plot.y);
          g_assert_cmpfloat (points[k].y, <=, plot.y + plot.height);
          k++;
        }
    }
  g_assert_cmpuint (n, ==, n_scored);
  g_assert_cmpuint (n, ==, 19);

  /* Dots spread out: x strictly increasing, never overlapping. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (points[i].x - points[i - 1].x, >=, points[i].radius + points[i - 1].radius);

  /* Higher scores sit higher; thresholds fall between. */
  y_good = tp_layout_score_to_y (f->layout, lane, 7);
  y_target = tp_layout_score_to_y (f->layout, lane, 9);
  g_assert_cmpfloat (tp_layout_score_to_y (f->layout, lane, 10), <, y_target);
  g_assert_cmpfloat (y_target, <, y_good);
  g_assert_cmpfloat (y_good, <, tp_layout_score_to_y (f->layout, lane, 1));
  g_assert_cmpfloat_with_epsilon (tp_layout_score_to_y (f->layout, lane, 10), plot.y, 1e-9);
  g_assert_cmpfloat_with_epsilon (tp_layout_score_to_y (f->layout, lane, 1), plot.y + plot.height, 1e-9);

  /* The employee line: e4 (t11), e5 (t16), e1 and e3 (both t19) by x;
   * e2 has no score. Notes on a scored touchpoint share its x. */
  employee = tp_layout_get_employee_curve (f->layout, lane, &n_employee);
  g_assert_cmpuint (n_employee, ==, 4);
  g_assert_true (employee[0].element == lookup (f, "e4"));
  g_assert_true (employee[1].element == lookup (f, "e5"));
  g_assert_true (employee[2].element == lookup (f, "e1"));
  g_assert_true (employee[3].element == lookup (f, "e3"));
  g_assert_cmpfloat (employee[2].x, ==, employee[3].x);
  for (guint i = 0; i < n; i++)
    if (points[i].element == lookup (f, "t11"))
      g_assert_cmpfloat (points[i].x, ==, employee[0].x);
  g_assert_cmpfloat_with_epsilon (employee[0].y, tp_layout_score_to_y (f->layout, lane, 9), 1e-9);
}

static void
test_hit_cards (Fixture       *f,
                gconstpointer  data)
{
  GListModel *lists[] = {
    tp_journey_get_touchpoints (f->journey),
    tp_journey_get_employee_notes (f->journey),
    tp_journey_get_opportunities (f->journey),
  };
  TpLayoutHitKind kinds[] = { TP_LAYOUT_HIT_TOUCHPOINT, TP_LAYOUT_HIT_EMPLOYEE_NOTE, TP_LAYOUT_HIT_OPPORTUNITY };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint list = 0; list < G_N_ELEMENTS (lists); list++)
      for (guint i = 0; i < g_list_model_get_n_items (lists[list]); i++)
        {
          g_autoptr(TpElement) element = g_list_model_get_item (lists[list], i);
          TpRect card;
          double wx, wy;
          TpLayoutHit hit;

          g_assert_true (tp_layout_get_card_rect (f->layout, element, &card));
          doc_to_widget (zooms[z], card.x + card.width / 2, card.y + card.height / 2, &wx, &wy);
          hit = hit_at_widget (f->layout, zooms[z], wx, wy);

          g_assert_cmpint (hit.kind, ==, kinds[list]);
          g_assert_true (hit.element == element);
          g_assert_nonnull (hit.stage);
          g_assert_nonnull (hit.lane);

          /* Just inside the top-left corner still hits the card. */
          doc_to_widget (zooms[z], card.x + 1, card.y + 1, &wx, &wy);
          hit = hit_at_widget (f->layout, zooms[z], wx, wy);
          g_assert_true (hit.element == element);
        }
}

static void
test_hit_headers_cells_outside (Fixture       *f,
                                gconstpointer  data)
{
  double width, height;
  guint touchpoints_lane = lane_kind_index (f->journey, TP_LANE_KIND_TOUCHPOINTS);

  tp_layout_get_size (f->layout, &width, &height);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      double zoom = zooms[z];
      double wx, wy;
      TpLayoutHit hit;
      TpRect rect, card;
      guint waiting = stage_index (f->journey, "s3");
      guint n;

      for (guint s = 0; s < tp_layout_get_n_stages (f->layout); s++)
        {
          g_autoptr(TpStage) stage = g_list_model_get_item (tp_journey_get_stages (f->journey), s);

          tp_layout_get_stage_header_rect (f->layout, s, &rect);
          doc_to_widget (zoom, rect.x + rect.width / 2, rect.y + rect.height / 2, &wx, &wy);
          hit = hit_at_widget (f->layout, zoom, wx, wy);
          g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_STAGE_HEADER);
          g_assert_true (hit.stage == stage);
          g_assert_true (hit.element == TP_ELEMENT (stage));
          g_assert_cmpuint (hit.stage_index, ==, s);
          g_assert_null (hit.lane);
        }

      for (guint l = 0; l < tp_layout_get_n_lanes (f->layout); l++)
        {
          g_autoptr(TpLane) lane = g_list_model_get_item (tp_journey_get_lanes (f->journey), l);

          tp_layout_get_lane_header_rect (f->layout, l, &rect);
          doc_to_widget (zoom, rect.x + rect.width / 2, rect.y + rect.height / 2, &wx, &wy);
          hit = hit_at_widget (f->layout, zoom, wx, wy);
          g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_LANE_HEADER);
          g_assert_true (hit.lane == lane);
          g_assert_cmpuint (hit.lane_index, ==, l);
          g_assert_null (hit.stage);
        }

      /* An empty spot: below the last card of Waiting × Touchpoints. */
      n = tp_layout_get_cell_n_cards (f->layout, waiting, touchpoints_lane);
      g_assert_cmpuint (n, ==, 2);
      tp_layout_get_cell_card (f->layout, waiting, touchpoints_lane, n - 1, &card);
      tp_layout_get_cell_rect (f->layout, waiting, touchpoints_lane, &rect);
      g_assert_cmpfloat (rect.y + rect.height, >, card.y + card.height + 40);
      doc_to_widget (zoom, card.x + card.width / 2, card.y + card.height + 30, &wx, &wy);
      hit = hit_at_widget (f->layout, zoom, wx, wy);
      g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_CELL);
      g_assert_null (hit.element);
      g_assert_cmpuint (hit.stage_index, ==, waiting);
      g_assert_cmpuint (hit.lane_index, ==, touchpoints_lane);
      g_assert_true (hit.stage == TP_STAGE (lookup (f, "s3")));

      /* The gap between two cards is the cell, not a card. */
      tp_layout_get_cell_card (f->layout, waiting, touchpoints_lane, 0, &card);
      doc_to_widget (zoom, card.x + card.width / 2, card.y + card.height + TP_LAYOUT_CARD_GAP / 2, &wx, &wy);
      hit = hit_at_widget (f->layout, zoom, wx, wy);
      g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_CELL);

      /* The corner and everything outside the map: nothing. */
      doc_to_widget (zoom, 10, 10, &wx, &wy);
      g_assert_cmpint (hit_at_widget (f->layout, zoom, wx, wy).kind, ==, TP_LAYOUT_HIT_NONE);
      doc_to_widget (zoom, -5, height / 2, &wx, &wy);
      g_assert_cmpint (hit_at_widget (f->layout, zoom, wx, wy).kind, ==, TP_LAYOUT_HIT_NONE);
      doc_to_widget (zoom, width + 5, height / 2, &wx, &wy);
      g_assert_cmpint (hit_at_widget (f->layout, zoom, wx, wy).kind, ==, TP_LAYOUT_HIT_NONE);
      doc_to_widget (zoom, width / 2, height + 5, &wx, &wy);
      g_assert_cmpint (hit_at_widget (f->layout, zoom, wx, wy).kind, ==, TP_LAYOUT_HIT_NONE);
      doc_to_widget (zoom, width / 2, -1, &wx, &wy);
      g_assert_cmpint (hit_at_widget (f->layout, zoom, wx, wy).kind, ==, TP_LAYOUT_HIT_NONE);
    }
}

static void
test_hit_curve_dots (Fixture       *f,
                     gconstpointer  data)
{
  guint lane = lane_kind_index (f->journey, TP_LANE_KIND_EMOTION_CURVE);
  const TpCurvePoint *points;
  guint n;

  points = tp_layout_get_curve (f->layout, lane, &n);
  g_assert_cmpuint (n, >, 0);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (guint i = 0; i < n; i++)
      {
        double zoom = zooms[z];
        const TpCurvePoint *p = &points[i];
        double reach_px = p->radius * zoom + TOLERANCE_PX;
        double wx, wy;
        TpLayoutHit hit;

        /* At the centre. */
        doc_to_widget (zoom, p->x, p->y, &wx, &wy);
        hit = hit_at_widget (f->layout, zoom, wx, wy);
        g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_CURVE_DOT);
        g_assert_true (hit.element == p->element);
        g_assert_cmpuint (hit.lane_index, ==, lane);
        g_assert_true (hit.stage == TP_STAGE (tp_journey_lookup (f->journey, tp_touchpoint_get_stage_id (TP_TOUCHPOINT (p->element)))));

        /* Within the tolerance, straight down (neighbours are beside). */
        hit = hit_at_widget (f->layout, zoom, wx, wy + reach_px - 1);
        g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_CURVE_DOT);
        g_assert_true (hit.element == p->element);

        /* Beyond it, unless the plot holds another dot there. */
        hit = hit_at_widget (f->layout, zoom, wx, wy + reach_px + 2);
        g_assert_true (hit.kind != TP_LAYOUT_HIT_CURVE_DOT || hit.element != p->element);
      }

  /* Closest dot wins when tolerances overlap: halfway-minus-a-bit between
   * two neighbours at the same height picks the nearer one. */
  for (guint i = 0; i + 1 < n; i++)
    if (points[i].score == points[i + 1].score)
      {
        double x = points[i].x + (points[i + 1].x - points[i].x) * 0.4;
        TpLayoutHit hit = tp_layout_hit_test (f->layout, x, points[i].y, 100);

        g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_CURVE_DOT);
        g_assert_true (hit.element == points[i].element);
      }
}

static void
test_drop_position (Fixture       *f,
                    gconstpointer  data)
{
  guint touchpoints_lane = lane_kind_index (f->journey, TP_LANE_KIND_TOUCHPOINTS);
  guint employee_lane = lane_kind_index (f->journey, TP_LANE_KIND_EMPLOYEE);
  guint s1 = stage_index (f->journey, "s1");
  guint s2 = stage_index (f->journey, "s2");
  TpLayoutDrop drop;
  TpRect card0, card1, card4, cell, header;

  /* s1 × Touchpoints holds t2..t6. */
  g_assert_cmpuint (tp_layout_get_cell_n_cards (f->layout, s1, touchpoints_lane), ==, 5);
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 0, &card0);
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 1, &card1);
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 4, &card4);

  /* Upper half of the first card: before it. */
  g_assert_true (tp_layout_get_drop_position (f->layout, card0.x + 20, card0.y + 5, &drop));
  g_assert_cmpuint (drop.stage_index, ==, s1);
  g_assert_cmpuint (drop.lane_index, ==, touchpoints_lane);
  g_assert_true (drop.stage == TP_STAGE (lookup (f, "s1")));
  g_assert_cmpuint (drop.index, ==, 0);
  g_assert_true (drop.before == TP_TOUCHPOINT (lookup (f, "t2")));
  g_assert_cmpfloat (drop.indicator.y + drop.indicator.height, <=, card0.y);

  /* Lower half of the first card: before the second. */
  g_assert_true (tp_layout_get_drop_position (f->layout, card0.x + 20, card0.y + card0.height - 3, &drop));
  g_assert_cmpuint (drop.index, ==, 1);
  g_assert_true (drop.before == TP_TOUCHPOINT (lookup (f, "t3")));
  g_assert_cmpfloat (drop.indicator.y, >=, card0.y + card0.height);
  g_assert_cmpfloat (drop.indicator.y + drop.indicator.height, <=, card1.y);

  /* In the gap above the second card: before it, too. */
  g_assert_true (tp_layout_get_drop_position (f->layout, card1.x + 20, card1.y - 2, &drop));
  g_assert_cmpuint (drop.index, ==, 1);

  /* Below the last card: at the end. */
  g_assert_true (tp_layout_get_drop_position (f->layout, card4.x + 20, card4.y + card4.height + 6, &drop));
  g_assert_cmpuint (drop.index, ==, 5);
  g_assert_null (drop.before);
  g_assert_cmpfloat (drop.indicator.y, >=, card4.y + card4.height);

  /* An empty cell: index 0, indicator at its top. */
  g_assert_cmpuint (tp_layout_get_cell_n_cards (f->layout, s2, employee_lane), ==, 1);
  tp_layout_get_cell_rect (f->layout, s2, lane_kind_index (f->journey, TP_LANE_KIND_OPPORTUNITIES), &cell);
  g_assert_true (tp_layout_get_drop_position (f->layout, cell.x + 50, cell.y + cell.height - 5, &drop));
  g_assert_cmpuint (drop.index, ==, 0);
  g_assert_null (drop.before);
  g_assert_true (tp_rect_intersects (&drop.indicator, &cell));

  /* Notes are not drop targets: a cell with only a note counts no cards. */
  tp_layout_get_cell_rect (f->layout, s2, employee_lane, &cell);
  g_assert_true (tp_layout_get_drop_position (f->layout, cell.x + 50, cell.y + cell.height - 5, &drop));
  g_assert_cmpuint (drop.index, ==, 0);

  /* Headers and outside: no drop. */
  tp_layout_get_lane_header_rect (f->layout, touchpoints_lane, &header);
  g_assert_false (tp_layout_get_drop_position (f->layout, header.x + 5, header.y + 5, &drop));
  tp_layout_get_stage_header_rect (f->layout, s1, &header);
  g_assert_false (tp_layout_get_drop_position (f->layout, header.x + 50, header.y + 5, &drop));
  g_assert_false (tp_layout_get_drop_position (f->layout, -10, 300, &drop));
}

static void
test_items_in_rect (Fixture       *f,
                    gconstpointer  data)
{
  guint touchpoints_lane = lane_kind_index (f->journey, TP_LANE_KIND_TOUCHPOINTS);
  guint s1 = stage_index (f->journey, "s1");
  TpRect card0, card1, band;
  double width, height;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  /* A rubber band from inside the first card to inside the second. */
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 0, &card0);
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 1, &card1);
  band = TP_RECT_INIT (card0.x + 30, card0.y + 10, 50, card1.y + 5 - (card0.y + 10));
  two = tp_layout_items_in_rect (f->layout, &band);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_true (g_ptr_array_index (two, 0) == lookup (f, "t2"));
  g_assert_true (g_ptr_array_index (two, 1) == lookup (f, "t3"));

  /* Everything: 25 cards, 5 notes, 4 opportunities. */
  tp_layout_get_size (f->layout, &width, &height);
  band = TP_RECT_INIT (-10, -10, width + 20, height + 20);
  all = tp_layout_items_in_rect (f->layout, &band);
  g_assert_cmpuint (all->len, ==, 34);

  /* Headers only, or nothing at all. */
  band = TP_RECT_INIT (0, 0, width, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  none = tp_layout_items_in_rect (f->layout, &band);
  g_assert_cmpuint (none->len, ==, 0);
  band = TP_RECT_INIT (100, 100, 0, 0);
  empty = tp_layout_items_in_rect (f->layout, &band);
  g_assert_cmpuint (empty->len, ==, 0);
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  guint touchpoints_lane = lane_kind_index (f->journey, TP_LANE_KIND_TOUCHPOINTS);
  guint s1 = stage_index (f->journey, "s1");
  g_autoptr(TpTouchpoint) added = NULL;
  g_autoptr(GError) error = NULL;
  TpRect before, after, card, last;
  double height_before, height_after;
  guint n_points_before, n_points_after;
  guint curve_lane = lane_kind_index (f->journey, TP_LANE_KIND_EMOTION_CURVE);

  tp_layout_get_lane_rect (f->layout, touchpoints_lane, &before);
  tp_layout_get_size (f->layout, NULL, &height_before);
  tp_layout_get_curve (f->layout, curve_lane, &n_points_before);

  /* A touchpoint at the end of the fullest cell of the lane. */
  added = tp_touchpoint_new ("t-new", "A brand new touchpoint", "s1", "l2", TP_CHANNEL_CHAT);
  g_object_set (added, "score", 6, NULL);
  g_assert_true (tp_journey_insert (f->journey, TP_ELEMENT (added), G_MAXUINT, &error));
  g_assert_no_error (error);

  /* Nothing moves until the update. */
  g_assert_false (tp_layout_get_card_rect (f->layout, TP_ELEMENT (added), &card));
  tp_layout_update (f->layout);

  tp_layout_get_lane_rect (f->layout, touchpoints_lane, &after);
  tp_layout_get_size (f->layout, NULL, &height_after);
  g_assert_true (tp_layout_get_card_rect (f->layout, TP_ELEMENT (added), &card));
  g_assert_cmpfloat (after.height, >, before.height);
  g_assert_cmpfloat_with_epsilon (height_after - height_before, after.height - before.height, 1e-9);
  g_assert_cmpuint (tp_layout_get_cell_n_cards (f->layout, s1, touchpoints_lane), ==, 6);
  tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 5, &last);
  g_assert_true (tp_layout_get_cell_card (f->layout, s1, touchpoints_lane, 5, NULL) == TP_ELEMENT (added));
  g_assert_true (rect_inside (&card, &after));
  tp_layout_get_curve (f->layout, curve_lane, &n_points_after);
  g_assert_cmpuint (n_points_after, ==, n_points_before + 1);

  /* A longer title makes the card taller. */
  g_object_set (added, "title", "A brand new touchpoint with a much longer title that wraps onto more lines", NULL);
  tp_layout_update (f->layout);
  {
    TpRect taller;

    g_assert_true (tp_layout_get_card_rect (f->layout, TP_ELEMENT (added), &taller));
    g_assert_cmpfloat (taller.height, >, card.height);
  }

  /* And removing it gives the old geometry back. */
  g_assert_true (tp_journey_remove (f->journey, TP_ELEMENT (added), &error));
  g_assert_no_error (error);
  tp_layout_update (f->layout);
  g_assert_false (tp_layout_get_card_rect (f->layout, TP_ELEMENT (added), NULL));
  tp_layout_get_lane_rect (f->layout, touchpoints_lane, &after);
  g_assert_cmpfloat (after.height, ==, before.height);
}

static void
test_empty_journey (void)
{
  g_autoptr(TpJourney) journey = tp_journey_new ();
  g_autoptr(TpLayout) layout = tp_layout_new (journey, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TpStage) stage = tp_stage_new ("s1", "Only stage");
  TpRect all = TP_RECT_INIT (0, 0, 1000, 1000);
  TpLayoutDrop drop;
  double width, height;

  tp_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, ==, TP_LAYOUT_LANE_HEADER_WIDTH);
  g_assert_cmpfloat (height, ==, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  g_assert_cmpint (tp_layout_hit_test (layout, 10, 10, 8).kind, ==, TP_LAYOUT_HIT_NONE);
  g_assert_false (tp_layout_get_drop_position (layout, 10, 10, &drop));
  items = tp_layout_items_in_rect (layout, &all);
  g_assert_cmpuint (items->len, ==, 0);

  /* A stage without lanes: a header and nothing under it. */
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
  tp_layout_update (layout);
  tp_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, TP_LAYOUT_LANE_HEADER_WIDTH);
  g_assert_cmpint (tp_layout_hit_test (layout, TP_LAYOUT_LANE_HEADER_WIDTH + 10, 10, 8).kind, ==,
                   TP_LAYOUT_HIT_STAGE_HEADER);
}

/* A big journey lays out without overlaps and cheaply re-lays out. */
static void
test_generated (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 2000, 7);
  g_autoptr(TpLayout) layout = tp_layout_new (journey, NULL);
  guint total = 0;

  for (guint s = 0; s < tp_layout_get_n_stages (layout); s++)
    for (guint l = 0; l < tp_layout_get_n_lanes (layout); l++)
      {
        double bottom = -G_MAXDOUBLE;
        TpRect cell;

        tp_layout_get_cell_rect (layout, s, l, &cell);
        for (guint i = 0; i < tp_layout_get_cell_n_cards (layout, s, l); i++)
          {
            TpRect rect;

            tp_layout_get_cell_card (layout, s, l, i, &rect);
            g_assert_cmpfloat (rect.y, >, bottom);
            g_assert_true (tp_rect_contains_rect (&cell, &rect));
            bottom = rect.y + rect.height;
            total++;
          }
      }
  /* Touchpoints, a note per 10, an opportunity per 25. */
  g_assert_cmpuint (total, ==, 2000 + 200 + 80);
}

/* A long stage name widens its column (up to a limit); the cards stay
 * centred in it and hit testing follows. */
static void
test_column_fits_stage_name (Fixture       *f,
                             gconstpointer  data)
{
  guint s4 = stage_index (f->journey, "s4");
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (f->journey, "t19");
  TpRect column_before, column_after, other_before, other_after, card;
  TpLayoutHit hit;

  tp_layout_get_stage_rect (f->layout, s4, &column_before);
  tp_layout_get_stage_rect (f->layout, 0, &other_before);

  g_object_set (tp_journey_lookup_stage (f->journey, "s4"),
                "name", "Consultation with the specialist, and the questions afterwards", NULL);
  tp_layout_update (f->layout);

  tp_layout_get_stage_rect (f->layout, s4, &column_after);
  tp_layout_get_stage_rect (f->layout, 0, &other_after);
  g_assert_cmpfloat (column_after.width, >, column_before.width);
  g_assert_cmpfloat (column_after.width, <=, TP_LAYOUT_MAX_COLUMN_WIDTH);
  g_assert_cmpfloat (other_after.width, ==, other_before.width);

  g_assert_true (tp_layout_get_card_rect (f->layout, TP_ELEMENT (consult), &card));
  g_assert_cmpfloat (fabs ((card.x - column_after.x) - (column_after.x + column_after.width - card.x - card.width)), <=, 1.0);
  hit = tp_layout_hit_test (f->layout, card.x + card.width / 2, card.y + card.height / 2, 0);
  g_assert_cmpint (hit.kind, ==, TP_LAYOUT_HIT_TOUCHPOINT);
  g_assert_true (hit.element == TP_ELEMENT (consult));

  /* A short name gives the card width back. */
  g_object_set (tp_journey_lookup_stage (f->journey, "s4"), "name", "Consult", NULL);
  tp_layout_update (f->layout);
  tp_layout_get_stage_rect (f->layout, s4, &column_after);
  g_assert_cmpfloat (column_after.width, ==, column_before.width);
}

/* Many new texts are measured on two threads, each with its own font
 * map: the geometry must be what one thread measures. */
/* Every part of every card is inside the card, and the evidence mark
 * overlaps nothing else drawn on it. */
static guint
check_card_parts (TpLayout *layout)
{
  guint n_marks = 0;

  for (guint i = 0; i < layout->items->len; i++)
    {
      TpLayoutItem *item = tp_layout_item (layout, i);
      TpRect inner = TP_RECT_INIT (item->rect.x + 1, item->rect.y + 1, item->rect.width - 2, item->rect.height - 2);
      TpRect parts[6];
      guint n_parts = 0;
      TpRect evidence, badge;

      tp_layout_item_get_text_rect (item, &parts[n_parts]);
      g_assert_true (rect_inside (&parts[n_parts++], &inner));
      if (tp_layout_item_get_header_label_rect (item, &parts[n_parts]))
        g_assert_true (rect_inside (&parts[n_parts++], &inner));
      for (guint line = 0; line < 2; line++)
        if (tp_layout_item_get_caption_rect (item, line, &parts[n_parts]))
          g_assert_true (rect_inside (&parts[n_parts++], &inner));
      if (tp_layout_item_get_badge_rect (item, &badge))
        parts[n_parts++] = badge;
      if (tp_layout_item_get_due_rect (item, &parts[n_parts]))
        g_assert_true (rect_inside (&parts[n_parts++], &inner));

      if (!tp_layout_item_get_evidence_rect (item, &evidence))
        continue;
      n_marks++;
      g_assert_true (rect_inside (&evidence, &inner));
      for (guint p = 0; p < n_parts; p++)
        g_assert_false (tp_rect_intersects (&evidence, &parts[p]));
      /* The title is measured narrower, not drawn under the mark. */
      if (item->style == TP_CARD_ACTION || item->style == TP_CARD_THOUGHT)
        g_assert_cmpfloat (item->rect.x + TP_CARD_PADDING + item->text->width / (double) PANGO_SCALE
                           + (item->style == TP_CARD_ACTION ? TP_CARD_ACTION_BAR : 0), <=, evidence.x);
    }
  return n_marks;
}

/* Evidence marks: in the sample, and on cards whose titles fill every
 * line and whose respondents make a wide number. */
static void
test_evidence_marks (Fixture       *f,
                     gconstpointer  data)
{
  static const char *long_title = "Waiting and waiting and waiting for the doctor who never seems to come "
                                  "while the delay screen says nothing at all about it";
  TpRect card, mark;
  guint n;

  n = check_card_parts (f->layout);
  g_assert_cmpuint (n, >=, 8);
  g_assert_true (tp_layout_get_evidence_rect (f->layout, lookup (f, "t19"), &mark));
  g_assert_true (tp_layout_get_card_rect (f->layout, lookup (f, "t19"), &card));
  g_assert_true (rect_inside (&mark, &card));
  g_assert_false (tp_layout_get_evidence_rect (f->layout, lookup (f, "t1"), NULL));
  g_assert_false (tp_layout_get_evidence_rect (f->layout, lookup (f, "o1"), NULL));

  /* Every kind and every evidence, with long titles. */
  for (guint i = 0; i < g_list_model_get_n_items (tp_journey_get_touchpoints (f->journey)); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (tp_journey_get_touchpoints (f->journey), i);

      g_object_set (tp, "title", long_title, "evidence", 1 + i % 3, "respondents", 123456,
                    "kind", i % 3, "moment-of-truth", i % 2 == 0, "score", i % 4 == 0 ? 0 : 5, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (tp_journey_get_employee_notes (f->journey)); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (tp_journey_get_employee_notes (f->journey), i);

      g_object_set (note, "evidence", 1 + i % 3, "respondents", 99999, "caused-by", "Planning and scheduling",
                    NULL);
    }
  tp_layout_update (f->layout);
  n = check_card_parts (f->layout);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (tp_journey_get_touchpoints (f->journey))
                           + g_list_model_get_n_items (tp_journey_get_employee_notes (f->journey)));
}

/* Blockers have severity bars; enablers strength dots, and none when
 * their strength is not set: the kind label then starts at the edge. */
static void
test_note_meters (Fixture       *f,
                  gconstpointer  data)
{
  TpElement *enabler = lookup (f, "e4");
  TpLayoutItem *item;
  TpRect label;

  item = tp_layout_item (f->layout, GPOINTER_TO_UINT (g_hash_table_lookup (f->layout->item_index, enabler)) - 1);
  g_assert_cmpint (tp_layout_item_get_meter (item), ==, 3);
  g_assert_true (tp_layout_item_get_header_label_rect (item, &label));
  g_assert_cmpfloat (label.x, >, item->rect.x + TP_CARD_PADDING);

  g_object_set (enabler, "strength", 0, "severity", 3, NULL);
  tp_layout_update (f->layout);
  item = tp_layout_item (f->layout, GPOINTER_TO_UINT (g_hash_table_lookup (f->layout->item_index, enabler)) - 1);
  g_assert_cmpint (tp_layout_item_get_meter (item), ==, 0);
  g_assert_true (tp_layout_item_get_header_label_rect (item, &label));
  g_assert_cmpfloat (label.x, ==, item->rect.x + TP_CARD_PADDING);

  item = tp_layout_item (f->layout, GPOINTER_TO_UINT (g_hash_table_lookup (f->layout->item_index,
                                                                           lookup (f, "e1"))) - 1);
  g_assert_cmpint (tp_layout_item_get_meter (item), ==, 3);
}

static void
test_parallel_measuring (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (8, 700, 11);
  g_autoptr(TpLayout) parallel = NULL;
  g_autoptr(TpLayout) serial = NULL;
  g_autoptr(GHashTable) contexts = g_hash_table_new (NULL, NULL);
  double w1, h1, w2, h2;

  parallel = tp_layout_new (journey, NULL);
  tp_layout_set_parallel_min_texts (G_MAXUINT);
  serial = tp_layout_new (journey, NULL);
  tp_layout_set_parallel_min_texts (256);

  tp_layout_get_size (parallel, &w1, &h1);
  tp_layout_get_size (serial, &w2, &h2);
  g_assert_cmpfloat (w1, ==, w2);
  g_assert_cmpfloat (h1, ==, h2);
  g_assert_cmpuint (parallel->items->len, ==, serial->items->len);
  g_assert_cmpuint (parallel->items->len, ==, 700 + 70 + 28);

  for (guint i = 0; i < parallel->items->len; i++)
    {
      TpLayoutItem *a = tp_layout_item (parallel, i);
      TpLayoutItem *b = tp_layout_item (serial, i);

      g_assert_true (a->element == b->element);
      g_assert_cmpfloat (a->rect.x, ==, b->rect.x);
      g_assert_cmpfloat (a->rect.y, ==, b->rect.y);
      g_assert_cmpfloat (a->rect.height, ==, b->rect.height);
      g_assert_cmpint (a->text->n_lines, ==, b->text->n_lines);
      g_assert_cmpfloat (a->text->text_width, ==, b->text->text_width);
      g_assert_cmpfloat (a->text->height, ==, b->text->height);
      g_hash_table_add (contexts, pango_layout_get_context (a->text->layout));
    }
  /* Usually both threads did some of the work (a busy machine may leave
   * it all to one): the main context and at most one more. */
  g_test_message ("texts measured with %u contexts", g_hash_table_size (contexts));
  g_assert_cmpuint (g_hash_table_size (contexts), >=, 1);
  g_assert_cmpuint (g_hash_table_size (contexts), <=, 2);
}

/* On paper nothing is elided: every card holds its whole text and
 * captions, the legend its whole department names, and all of it inside
 * the card. On screen the same journey keeps compact, elided cards. */
static void
test_paper_whole_text (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpLayout) paper = NULL;
  g_autoptr(TpLayout) screen = NULL;
  TpEmployeeNote *e1 = TP_EMPLOYEE_NOTE (tp_journey_lookup (journey, "e1"));
  TpOpportunity *o1 = TP_OPPORTUNITY (tp_journey_lookup (journey, "o1"));
  guint screen_elided = 0;

  g_object_set (e1, "text", "Het spreekuur is overboekt met plekken van drie minuten; er is geen ruimte "
                "voor vragen of uitleg, en de Klantcontactmomentenregistratiesysteembeheerder kan "
                "daar niets aan veranderen omdat het rooster maanden vooruit vastligt.",
                "department", "Polikliniek Cardiologie en Vaatchirurgie, Academisch Centrum", NULL);
  g_object_set (o1, "owner", "Afdelingshoofd Cardiologie en Hoofd Zorgadministratie samen", NULL);
  paper = tp_layout_new_for_paper (journey, NULL, NULL);
  screen = tp_layout_new (journey, NULL);

  for (guint i = 0; i < paper->items->len; i++)
    {
      TpLayoutItem *item = tp_layout_item (paper, i);
      TpLayoutText *texts[] = { item->text, item->caption, item->caption2 };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          TpRect rect;

          if (texts[t] == NULL)
            continue;
          g_assert_false (pango_layout_is_ellipsized (texts[t]->layout));
          if (t > 0)
            {
              g_assert_true (tp_layout_item_get_caption_rect (item, t - 1, &rect));
              g_assert_cmpfloat (rect.y + texts[t]->height, <=, item->rect.y + item->rect.height + 1e-6);
              g_assert_cmpfloat (rect.height, >=, texts[t]->height - 1e-6);
            }
        }
    }
  {
    g_autoptr(GPtrArray) departments = tp_layout_list_departments (paper);

    for (guint i = 0; i < departments->len; i++)
      g_assert_false (pango_layout_is_ellipsized (
        tp_layout_get_legend_label (paper, g_ptr_array_index (departments, i))->layout));
  }

  /* The screen's cards do elide these texts: the check above can fail. */
  for (guint i = 0; i < screen->items->len; i++)
    {
      TpLayoutItem *item = tp_layout_item (screen, i);

      if (pango_layout_is_ellipsized (item->text->layout)
          || (item->caption != NULL && pango_layout_is_ellipsized (item->caption->layout)))
        screen_elided++;
    }
  g_assert_cmpuint (screen_elided, >=, 2);
}

/* The employee lane holds its whole legend, however few cards it has. */
static void
test_legend_fits_lane (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 12, 5);
  g_autoptr(TpLayout) layout = NULL;
  /* One note per stage: the lane is one card tall, the legend twelve lines. */
  const char *departments[] = { "Sales", "Service", "Finance", "Legal", "Planning", "Facilities",
                                "IT", "Marketing", "Logistics", "Purchasing", "Quality", "Security" };
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autofree char *id = g_strdup_printf ("x%u", i);
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      g_autoptr(TpEmployeeNote) note = tp_employee_note_new (id, TP_NOTE_KIND_BLOCKER, "Slow");

      g_object_set (note, "touchpoint-id", tp_element_get_id (TP_ELEMENT (tp)),
                    "department", departments[i], NULL);
      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, NULL));
    }
  layout = tp_layout_new_for_paper (journey, NULL, NULL);

  for (guint l = 0; l < tp_layout_get_n_lanes (layout); l++)
    {
      TpLayoutRow *row = tp_layout_row (layout, l);
      g_autoptr(GPtrArray) names = NULL;
      double bottom;

      if (row->kind != TP_LANE_KIND_EMPLOYEE)
        continue;
      names = tp_layout_list_departments (layout);
      g_assert_cmpuint (names->len, >=, G_N_ELEMENTS (departments));
      bottom = row->y + TP_LAYOUT_LEGEND_TOP + row->name->height + TP_LAYOUT_LEGEND_GAP
               + tp_layout_legend_step (tp_layout_get_legend_label (layout, "Blocker"))
               + tp_layout_legend_step (tp_layout_get_legend_label (layout, "Enabler"));
      for (guint i = 0; i < names->len; i++)
        bottom += tp_layout_legend_step (tp_layout_get_legend_label (layout, g_ptr_array_index (names, i)));
      g_assert_cmpfloat (bottom, <=, row->y + row->height);
    }
}

/* Words that fit on a line are never broken: a card breaks a word only
 * when the word alone is wider than the card (Dutch compounds included). */
static void
check_text_breaks (PangoLayout *text)
{
  const char *str = pango_layout_get_text (text);
  int width = pango_layout_get_width (text);

  for (GSList *l = pango_layout_get_lines_readonly (text); l != NULL && l->next != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      int end = line->start_index + line->length;
      const char *before, *word_start, *word_end;
      g_autoptr(PangoLayout) alone = NULL;
      int word_width;

      if (end <= 0 || str[end] == '\0')
        continue;
      before = g_utf8_prev_char (str + end);
      if (!g_unichar_isalnum (g_utf8_get_char (before)) || !g_unichar_isalnum (g_utf8_get_char (str + end)))
        continue;
      /* A break inside a word: the whole word must not fit a line. */
      for (word_start = before; word_start > str; word_start = g_utf8_prev_char (word_start))
        if (!g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (word_start))))
          break;
      for (word_end = str + end; *word_end != '\0' && g_unichar_isalnum (g_utf8_get_char (word_end)); )
        word_end = g_utf8_next_char (word_end);
      alone = pango_layout_copy (text);
      pango_layout_set_width (alone, -1);
      pango_layout_set_text (alone, word_start, (int) (word_end - word_start));
      pango_layout_get_size (alone, &word_width, NULL);
      g_test_message ("broken: %.*s", (int) (word_end - word_start), word_start);
      g_assert_cmpint (word_width, >, width);
    }
}

static void
check_no_needless_breaks (TpLayout *layout)
{
  for (guint i = 0; i < layout->items->len; i++)
    check_text_breaks (tp_layout_item (layout, i)->text->layout);
  /* Lane and stage names too ("Contactmomenten" must not become
   * "Contactmoment-en"). */
  for (guint l = 0; l < tp_layout_get_n_lanes (layout); l++)
    check_text_breaks (tp_layout_row (layout, l)->name->layout);
  for (guint s = 0; s < tp_layout_get_n_stages (layout); s++)
    check_text_breaks (tp_layout_column (layout, s)->name->layout);
}

static void
test_no_needless_breaks (void)
{
  const char *names[] = { "hospital.journey", "hospital.nl.journey", "newspaper-holiday-stop.nl.journey",
                          "moving-to-a-flat.nl.journey" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", names[i], NULL);
      g_autoptr(TpJourney) journey = tp_test_load_journey (path);
      g_autoptr(TpLayout) paper = tp_layout_new_for_paper (journey, NULL, NULL);
      g_autoptr(TpLayout) screen = tp_layout_new (journey, NULL);

      check_no_needless_breaks (paper);
      check_no_needless_breaks (screen);
    }
}

/* On paper, stage names and the title wrap whole and the stage headers
 * grow to hold them; the screen keeps its fixed header band. */
static void
test_paper_headers_grow (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "map-stress.journey", NULL);
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpLayout) paper = tp_layout_new_for_paper (journey, NULL, NULL);
  g_autoptr(TpLayout) screen = tp_layout_new (journey, NULL);
  TpRect lane;
  guint elided_on_screen = 0;

  g_assert_cmpfloat (tp_layout_get_header_height (screen), ==, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  g_assert_cmpfloat (tp_layout_get_header_height (paper), >, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  g_assert_false (pango_layout_is_ellipsized (paper->heading->layout));
  g_assert_cmpfloat (paper->heading->height + 16, <=, tp_layout_get_header_height (paper) + 1e-6);
  for (guint s = 0; s < tp_layout_get_n_stages (paper); s++)
    {
      TpLayoutColumn *column = tp_layout_column (paper, s);
      TpRect header;

      g_assert_false (pango_layout_is_ellipsized (column->name->layout));
      g_assert_true (tp_layout_get_stage_header_rect (paper, s, &header));
      /* The name, from 8 units down, ends inside the chevron (6 from the bottom). */
      g_assert_cmpfloat (8 + column->name->height, <=, header.height - 6 + 1e-6);
      elided_on_screen += pango_layout_is_ellipsized (tp_layout_column (screen, s)->name->layout);
    }
  g_assert_cmpuint (elided_on_screen, >, 0);
  /* The first lane starts under the headers. */
  g_assert_true (tp_layout_get_lane_rect (paper, 0, &lane));
  g_assert_cmpfloat (lane.y, ==, tp_layout_get_header_height (paper));
}

/* Hostile text costs bounded work: whatever a title holds, no more than
 * TP_LAYOUT_MAX_TEXT_CHARS characters reach Pango, on screen or paper. */
static void
test_text_bounded (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (2, 3, 9);
  g_autoptr(TpTouchpoint) tp = g_list_model_get_item (tp_journey_get_touchpoints (journey), 0);
  g_autofree char *word = g_strnfill (200000, 'x');
  gboolean papers[] = { FALSE, TRUE };

  g_object_set (tp, "title", word, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(TpLayout) layout = papers[i] ? tp_layout_new_for_paper (journey, NULL, NULL)
                                             : tp_layout_new (journey, NULL);
      gpointer index = g_hash_table_lookup (layout->item_index, tp);
      PangoLayout *text;

      g_assert_nonnull (index);
      text = tp_layout_item (layout, GPOINTER_TO_UINT (index) - 1)->text->layout;
      g_assert_cmpint (g_utf8_strlen (pango_layout_get_text (text), -1), <=, TP_LAYOUT_MAX_TEXT_CHARS + 1);
      g_assert_true (g_str_has_suffix (pango_layout_get_text (text), "…"));
      g_assert_cmpint (pango_layout_get_line_count (text), <=, TP_LAYOUT_MAX_WHOLE_LINES);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, tp_test_layout_fixture_set_up, func, \
                                           tp_test_layout_fixture_tear_down)
  ADD ("/layout/sample/sizes", test_sizes);
  ADD ("/layout/sample/columns-and-rows", test_columns_and_rows);
  ADD ("/layout/sample/cards-in-cells", test_cards_in_cells);
  ADD ("/layout/sample/cell-order", test_cell_order);
  ADD ("/layout/sample/notes-and-opportunities", test_notes_and_opportunities);
  ADD ("/layout/sample/curve", test_curve);
  ADD ("/layout/sample/hidden-lane", test_hidden_lane);
  ADD ("/layout/hit/cards", test_hit_cards);
  ADD ("/layout/hit/headers-cells-outside", test_hit_headers_cells_outside);
  ADD ("/layout/hit/curve-dots", test_hit_curve_dots);
  ADD ("/layout/drop-position", test_drop_position);
  ADD ("/layout/items-in-rect", test_items_in_rect);
  ADD ("/layout/update", test_update);
  ADD ("/layout/column-fits-stage-name", test_column_fits_stage_name);
  ADD ("/layout/sample/evidence-marks", test_evidence_marks);
  ADD ("/layout/sample/note-meters", test_note_meters);
#undef ADD
  g_test_add_func ("/layout/empty-journey", test_empty_journey);
  g_test_add_func ("/layout/paper-whole-text", test_paper_whole_text);
  g_test_add_func ("/layout/no-needless-breaks", test_no_needless_breaks);
  g_test_add_func ("/layout/paper-headers-grow", test_paper_headers_grow);
  g_test_add_func ("/layout/text-bounded", test_text_bounded);
  g_test_add_func ("/layout/legend-fits-lane", test_legend_fits_lane);
  g_test_add_func ("/layout/generated", test_generated);
  g_test_add_func ("/layout/parallel-measuring", test_parallel_measuring);

  return g_test_run ();
}
