/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tp-analytics.h"
#include "tp-test-util.h"

/* Journey analytics on journeys made by hand, where every figure can be
 * worked out on paper. */

static TpJourney *
journey_new (void)
{
  TpJourney *journey = tp_journey_new ();
  g_autoptr(TpLane) lane = tp_lane_new ("l1", "Touchpoints", TP_LANE_KIND_TOUCHPOINTS);
  g_autoptr(TpStage) stage = tp_stage_new ("s1", "Stage");

  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (lane), G_MAXUINT, NULL));
  return journey;
}

static void
add_card (TpJourney  *journey,
          int         score,
          gboolean    moment,
          TpCardKind  kind)
{
  static guint counter;
  g_autofree char *id = g_strdup_printf ("t%u", ++counter);
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, id, "s1", "l1", TP_CHANNEL_SHOP);
  g_autoptr(GError) error = NULL;

  g_object_set (tp, "score", score, "moment-of-truth", moment, "kind", kind, NULL);
  tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, &error);
  g_assert_no_error (error);
}

static void
test_empty (void)
{
  g_autoptr(TpJourney) journey = journey_new ();
  TpJourneyAnalytics a;

  tp_journey_get_analytics (journey, &a);
  g_assert_cmpuint (a.n_scored, ==, 0);
  g_assert_true (isnan (a.average) && isnan (a.median) && isnan (a.nps_index));
  g_assert_true (isnan (a.share_moments_on_target));
  g_assert_null (a.lowest);
  g_assert_null (a.peak);
  g_assert_null (a.end);
}

/* Scores 9 3 7 10 6 (a thought scored 1 and an unscored touchpoint take
 * no part): average 7, median 7, promoters 2, detractors 2. */
static void
test_odd (void)
{
  g_autoptr(TpJourney) journey = journey_new ();
  TpJourneyAnalytics a;

  add_card (journey, 9, TRUE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 3, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 1, FALSE, TP_CARD_KIND_THOUGHT);
  add_card (journey, 7, TRUE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 10, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, TP_SCORE_UNSET, TRUE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 6, FALSE, TP_CARD_KIND_TOUCHPOINT);

  tp_journey_get_analytics (journey, &a);
  g_assert_cmpuint (a.n_scored, ==, 5);
  g_assert_cmpfloat_with_epsilon (a.average, 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.median, 7.0, 1e-9);
  g_assert_cmpint (tp_touchpoint_get_score (a.lowest), ==, 3);
  g_assert_cmpint (tp_touchpoint_get_score (a.peak), ==, 10);
  g_assert_cmpint (tp_touchpoint_get_score (a.end), ==, 6);
  /* ≥ 7: 9, 7, 10; ≥ 9: 9, 10. */
  g_assert_cmpfloat_with_epsilon (a.share_good, 3 / 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.share_target, 2 / 5.0, 1e-9);
  /* Three moments of truth, one unscored: one of three on target. */
  g_assert_cmpuint (a.n_moments, ==, 3);
  g_assert_cmpuint (a.n_moments_on_target, ==, 1);
  g_assert_cmpfloat_with_epsilon (a.share_moments_on_target, 1 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.nps_index, 0.0, 1e-9);
}

/* Scores 8 2 9 9: median of an even count is the mean of the middle two
 * (8 and 9), the first of equal peaks is the peak, and the index is
 * (2 promoters − 1 detractor) / 4 = 25. */
static void
test_even (void)
{
  g_autoptr(TpJourney) journey = journey_new ();
  TpJourneyAnalytics a;

  add_card (journey, 8, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 2, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 9, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 9, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (journey, 10, FALSE, TP_CARD_KIND_ACTION);

  tp_journey_get_analytics (journey, &a);
  g_assert_cmpuint (a.n_scored, ==, 4);
  g_assert_cmpfloat_with_epsilon (a.median, 8.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (a.average, 7.0, 1e-9);
  g_assert_true (a.peak != a.end);
  g_assert_cmpint (tp_touchpoint_get_score (a.peak), ==, 9);
  g_assert_cmpfloat_with_epsilon (a.nps_index, 25.0, 1e-9);
  g_assert_true (isnan (a.share_moments_on_target));
}

/* All detractors: −100; all promoters: 100. */
static void
test_index_bounds (void)
{
  g_autoptr(TpJourney) low = journey_new ();
  g_autoptr(TpJourney) high = journey_new ();
  TpJourneyAnalytics a;

  add_card (low, 1, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (low, 6, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (high, 9, FALSE, TP_CARD_KIND_TOUCHPOINT);
  add_card (high, 10, FALSE, TP_CARD_KIND_TOUCHPOINT);
  tp_journey_get_analytics (low, &a);
  g_assert_cmpfloat_with_epsilon (a.nps_index, -100.0, 1e-9);
  tp_journey_get_analytics (high, &a);
  g_assert_cmpfloat_with_epsilon (a.nps_index, 100.0, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/analytics/empty", test_empty);
  g_test_add_func ("/analytics/odd", test_odd);
  g_test_add_func ("/analytics/even", test_even);
  g_test_add_func ("/analytics/index-bounds", test_index_bounds);
  return g_test_run ();
}
