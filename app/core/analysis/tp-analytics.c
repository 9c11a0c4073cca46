/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "tp-analysis.h"
#include "tp-analytics.h"

static int
compare_ints (const void *a,
              const void *b)
{
  return *(const int *) a - *(const int *) b;
}

void
tp_journey_get_analytics (TpJourney          *journey,
                          TpJourneyAnalytics *out)
{
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (int));
  int good_enough, target;
  guint n_good = 0, n_target = 0, n_promoters = 0, n_detractors = 0;
  double sum = 0;

  g_return_if_fail (TP_IS_JOURNEY (journey));
  g_return_if_fail (out != NULL);

  *out = (TpJourneyAnalytics) { 0 };
  out->average = out->median = out->share_good = out->share_target = NAN;
  out->share_moments_on_target = out->nps_index = NAN;
  good_enough = tp_journey_get_good_enough (journey);
  target = tp_journey_get_moment_target (journey);
  ordered = tp_journey_get_ordered_touchpoints (journey);

  for (guint i = 0; i < ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (ordered, i);
      int score = tp_touchpoint_get_score (tp);

      if (!tp_touchpoint_is_contact (tp))
        continue;
      if (tp_touchpoint_is_moment (tp))
        {
          out->n_moments++;
          if (score != TP_SCORE_UNSET && score >= target)
            out->n_moments_on_target++;
        }
      if (score == TP_SCORE_UNSET)
        continue;

      g_array_append_val (scores, score);
      sum += score;
      if (out->lowest == NULL || score < tp_touchpoint_get_score (out->lowest))
        out->lowest = tp;
      if (out->peak == NULL || score > tp_touchpoint_get_score (out->peak))
        out->peak = tp;
      out->end = tp;
      n_good += score >= good_enough;
      n_target += score >= target;
      /* The 0–10 NPS bands moved onto 1–10: promoters 9–10, detractors
       * 1–6, passives 7–8. */
      n_promoters += score >= 9;
      n_detractors += score <= 6;
    }

  if (out->n_moments > 0)
    out->share_moments_on_target = (double) out->n_moments_on_target / out->n_moments;
  out->n_scored = scores->len;
  if (scores->len == 0)
    return;

  qsort (scores->data, scores->len, sizeof (int), compare_ints);
  out->average = sum / scores->len;
  out->median = scores->len % 2 == 1
                ? g_array_index (scores, int, scores->len / 2)
                : (g_array_index (scores, int, scores->len / 2 - 1)
                   + g_array_index (scores, int, scores->len / 2)) / 2.0;
  out->share_good = (double) n_good / scores->len;
  out->share_target = (double) n_target / scores->len;
  out->nps_index = 100.0 * ((double) n_promoters - n_detractors) / scores->len;
}
