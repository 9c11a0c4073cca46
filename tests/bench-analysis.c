/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-analysis.h"
#include "tp-test-util.h"

/* Time to analyse the sample and generated journeys: all findings, and the
 * statistics the insights panel shows next to them. Prints the median and
 * maximum over several runs; the figures are for reading, not pass/fail. */

#define RUNS 21

static void
measure (const char *label,
         TpJourney  *journey)
{
  double findings_ms[RUNS], stats_ms[RUNS];
  guint n_findings = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GPtrArray) findings = NULL;
      g_autoptr(GArray) stages = NULL;
      g_autoptr(TpTouchpoint) lowest = NULL;
      g_auto(TpDrop) drop = { 0 };
      TpChannelMix mix;
      gint64 start = g_get_monotonic_time ();

      findings = tp_analyze_journey (journey);
      findings_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_findings = findings->len;

      start = g_get_monotonic_time ();
      stages = tp_journey_get_stage_stats (journey);
      tp_journey_get_channel_mix (journey, &mix);
      lowest = tp_journey_lowest_point (journey);
      tp_journey_steepest_drop (journey, &drop);
      stats_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  tp_test_sort_times (findings_ms, RUNS);
  tp_test_sort_times (stats_ms, RUNS);
  g_print ("%-28s %5u findings   analyse median %6.2f ms (max %6.2f)   statistics median %6.2f ms (max %6.2f)\n",
           label, n_findings, findings_ms[RUNS / 2], findings_ms[RUNS - 1],
           stats_ms[RUNS / 2], stats_ms[RUNS - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample_path = NULL;
  g_autoptr(TpJourney) sample = NULL;
  guint sizes[] = { 1000, 5000 };

  g_test_init (&argc, &argv, NULL);

  sample_path = tp_test_sample_path ();
  sample = tp_test_load_journey (sample_path);
  measure ("sample (hospital)", sample);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(TpJourney) journey = tp_test_generate_journey (12, sizes[i], 1);
      g_autofree char *label = g_strdup_printf ("generated, %u touchpoints", sizes[i]);

      measure (label, journey);
    }

  return 0;
}
