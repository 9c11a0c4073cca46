/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-journey.h"

G_BEGIN_DECLS

/* Journey analytics: several aggregates of the customer's scores, since no
 * single one sums up a service (the peak-end rule, that people remember a
 * journey by its peak and its end, does not always hold for services).
 *
 * Computed over the scored touchpoints proper (tp_touchpoint_is_contact()),
 * in journey order: actions and thoughts are no contact moments. */
typedef struct {
  guint         n_scored;        /* scored touchpoints; 0: nothing below is set */
  double        average;         /* NAN when n_scored is 0 */
  double        median;          /* of an even count, the mean of the middle two */
  TpTouchpoint *lowest;          /* the first in journey order on a tie (borrowed) */
  TpTouchpoint *peak;            /* the first in journey order on a tie (borrowed) */
  TpTouchpoint *end;             /* the last scored touchpoint (borrowed) */
  double        share_good;      /* 0…1: scores ≥ the journey's good enough */
  double        share_target;    /* 0…1: scores ≥ the journey's moment target */
  guint         n_moments;       /* moments of truth, scored or not */
  guint         n_moments_on_target;
  double        share_moments_on_target; /* NAN without moments of truth */
  /* An NPS-style index on the 1–10 scale: the percentage of scores 9–10
   * minus the percentage of scores 1–6, from −100 to 100. */
  double        nps_index;
} TpJourneyAnalytics;

void tp_journey_get_analytics (TpJourney          *journey,
                               TpJourneyAnalytics *out);

G_END_DECLS
