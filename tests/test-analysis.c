/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-test-util.h"

/* Small journeys built in code: stages s1..sN and one lane l1. */

static TpJourney *
journey_new (guint n_stages)
{
  TpJourney *journey = tp_journey_new ();
  g_autoptr(TpLane) lane = tp_lane_new ("l1", "Touchpoints", TP_LANE_KIND_TOUCHPOINTS);

  for (guint s = 1; s <= n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s);
      g_autoptr(TpStage) stage = tp_stage_new (id, name);

      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
    }
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (lane), G_MAXUINT, NULL));
  return journey;
}

/* Titled "Title of ID", so messages can be checked for the title. */
static void
add_touchpoint_full (TpJourney  *journey,
                     const char *id,
                     const char *stage_id,
                     int         score,
                     gboolean    moment,
                     const char *department,
                     TpChannel   channel)
{
  g_autofree char *title = g_strdup_printf ("Title of %s", id);
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, title, stage_id, "l1", channel);
  g_autoptr(GError) error = NULL;

  g_object_set (tp, "score", score, "moment-of-truth", moment,
                "department", department != NULL ? department : "", NULL);
  tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, &error);
  g_assert_no_error (error);
}

static void
add_touchpoint (TpJourney  *journey,
                const char *id,
                const char *stage_id,
                int         score,
                gboolean    moment,
                const char *department)
{
  add_touchpoint_full (journey, id, stage_id, score, moment, department, TP_CHANNEL_SHOP);
}

/* @target is a touchpoint id ("t…") or a stage id ("s…"). */
static void
add_note (TpJourney  *journey,
          const char *id,
          TpNoteKind  kind,
          const char *target,
          const char *department,
          int         score)
{
  g_autoptr(TpEmployeeNote) note = tp_employee_note_new (id, kind, "Something the employee runs into");
  g_autoptr(GError) error = NULL;

  g_object_set (note,
                target[0] == 's' ? "stage-id" : "touchpoint-id", target,
                "department", department,
                "score", score,
                NULL);
  tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, &error);
  g_assert_no_error (error);
}

/* A card of another kind than touchpoint (an action or a thought). */
static void
set_kind (TpJourney  *journey,
          const char *id,
          TpCardKind  kind)
{
  g_object_set (tp_journey_lookup_touchpoint (journey, id), "kind", kind, NULL);
}

/* A note felt by @department and caused by @caused_by. */
static void
add_caused_note (TpJourney  *journey,
                 const char *id,
                 TpNoteKind  kind,
                 const char *target,
                 const char *department,
                 const char *caused_by)
{
  add_note (journey, id, kind, target, department, 0);
  g_object_set (tp_journey_lookup (journey, id), "caused-by", caused_by, NULL);
}

/* "kind-nick(severity-nick) id id …" per finding, one a line: compact
 * enough to compare whole results, readable when a comparison fails. */
static char *
describe (GPtrArray *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);
      const char * const *ids = tp_finding_get_ids (finding);

      g_string_append_printf (out, "%s(%s)",
                              tp_enum_to_nick (TP_TYPE_FINDING_KIND, tp_finding_get_kind (finding)),
                              tp_enum_to_nick (TP_TYPE_SEVERITY, tp_finding_get_severity (finding)));
      for (guint j = 0; ids[j] != NULL; j++)
        g_string_append_printf (out, " %s", ids[j]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static char *
analyze_and_describe (TpJourney *journey)
{
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);

  return describe (findings);
}

/* Findings of one kind only, described as above. */
static char *
describe_kind (TpJourney     *journey,
               TpFindingKind  kind)
{
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();

  for (guint i = 0; i < findings->len; i++)
    if (tp_finding_get_kind (g_ptr_array_index (findings, i)) == kind)
      g_ptr_array_add (selected, g_ptr_array_index (findings, i));
  return describe (selected);
}

static TpFinding *
find_finding (GPtrArray     *findings,
              TpFindingKind  kind,
              const char    *id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      if (tp_finding_get_kind (finding) == kind && tp_finding_concerns (finding, id))
        return finding;
    }
  return NULL;
}

/* Score rules */

static void
test_moment_target_boundary (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 9, TRUE, NULL);  /* exactly at target */
  add_touchpoint (journey, "t2", "s1", 8, TRUE, NULL);  /* one below */
  add_touchpoint (journey, "t3", "s1", 10, TRUE, NULL);

  result = describe_kind (journey, TP_FINDING_MOMENT_BELOW_TARGET);
  g_assert_cmpstr (result, ==, "moment-below-target(critical) t2\n");
}

static void
test_moment_not_also_below_good_enough (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  /* Far below both levels: reported once, as the critical finding. */
  add_touchpoint (journey, "t1", "s1", 2, TRUE, NULL);
  add_touchpoint (journey, "t2", "s1", 2, FALSE, NULL);

  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==,
                   "moment-below-target(critical) t1\n"
                   "stage-below-good-enough(warning) s1\n"
                   "below-good-enough(warning) t2\n"
                   "lowest-point(info) t1\n");
}

static void
test_good_enough_boundary (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 7, FALSE, NULL);  /* exactly good enough */
  add_touchpoint (journey, "t2", "s1", 6, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 1, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 10, FALSE, NULL);

  result = describe_kind (journey, TP_FINDING_BELOW_GOOD_ENOUGH);
  g_assert_cmpstr (result, ==,
                   "below-good-enough(warning) t2\n"
                   "below-good-enough(warning) t3\n");
}

static void
test_thresholds_from_journey (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *defaults = NULL;
  g_autofree char *stricter = NULL;
  g_autofree char *low_target = NULL;

  add_touchpoint (journey, "t1", "s1", 7, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 9, TRUE, NULL);
  add_touchpoint (journey, "t3", "s1", 6, TRUE, NULL);

  g_assert_cmpint (tp_journey_get_good_enough (journey), ==, TP_DEFAULT_GOOD_ENOUGH);
  g_assert_cmpint (tp_journey_get_moment_target (journey), ==, TP_DEFAULT_MOMENT_TARGET);
  defaults = analyze_and_describe (journey);
  g_assert_cmpstr (defaults, ==,
                   "moment-below-target(critical) t3\n"
                   "steepest-drop(warning) t2 t3\n"
                   "lowest-point(info) t3\n");

  g_object_set (journey, "good-enough", 8, "moment-target", 10, NULL);
  stricter = analyze_and_describe (journey);
  g_assert_cmpstr (stricter, ==,
                   "moment-below-target(critical) t2\n"
                   "moment-below-target(critical) t3\n"
                   "stage-below-good-enough(warning) s1\n"
                   "below-good-enough(warning) t1\n"
                   "steepest-drop(warning) t2 t3\n"
                   "lowest-point(info) t3\n");

  /* A target below good enough: a moment that meets the target can still
   * fall short of good enough, and is reported for that. */
  g_object_set (journey, "good-enough", 7, "moment-target", 5, NULL);
  low_target = analyze_and_describe (journey);
  g_assert_cmpstr (low_target, ==,
                   "below-good-enough(warning) t3\n"
                   "steepest-drop(warning) t2 t3\n"
                   "lowest-point(info) t3\n");
}

static void
test_unscored (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autoptr(TpTouchpoint) lowest = NULL;
  g_auto(TpDrop) drop = { .delta = 1 };
  g_autoptr(GArray) stages = NULL;
  g_autofree char *result = NULL;
  TpScoreStats stats;

  add_touchpoint (journey, "t1", "s2", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", TP_SCORE_UNSET, TRUE, NULL);
  add_touchpoint (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL);

  /* No scores at all: every touchpoint reported, in journey order, a moment
   * of truth only as an unscored moment; no lowest point, no drop. */
  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==,
                   "unscored-moment(info) t2\n"
                   "unscored-touchpoint(info) t3\n"
                   "unscored-touchpoint(info) t1\n");

  lowest = tp_journey_lowest_point (journey);
  g_assert_null (lowest);
  g_assert_false (tp_journey_steepest_drop (journey, &drop));
  g_assert_null (drop.from);
  g_assert_null (drop.to);
  g_assert_cmpint (drop.delta, ==, 0);

  tp_journey_get_score_stats (journey, &stats);
  g_assert_cmpuint (stats.n_touchpoints, ==, 3);
  g_assert_cmpuint (stats.n_scored, ==, 0);
  g_assert_true (isnan (stats.average));
  g_assert_cmpint (stats.min, ==, TP_SCORE_UNSET);
  g_assert_cmpint (stats.max, ==, TP_SCORE_UNSET);

  stages = tp_journey_get_stage_stats (journey);
  g_assert_cmpuint (stages->len, ==, 2);
  g_assert_true (isnan (g_array_index (stages, TpStageStats, 0).scores.average));
  g_assert_cmpuint (g_array_index (stages, TpStageStats, 0).scores.n_touchpoints, ==, 2);
}

static void
test_empty_journey (void)
{
  g_autoptr(TpJourney) empty = tp_journey_new ();
  g_autoptr(TpJourney) stages_only = journey_new (3);
  g_autoptr(GPtrArray) none = tp_analyze_journey (empty);
  g_autoptr(GPtrArray) none_either = tp_analyze_journey (stages_only);
  g_autoptr(GArray) stats = tp_journey_get_stage_stats (stages_only);
  g_autoptr(TpTouchpoint) lowest = tp_journey_lowest_point (empty);
  TpChannelMix mix;

  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (none_either->len, ==, 0);
  g_assert_null (lowest);
  g_assert_cmpuint (stats->len, ==, 3);
  g_assert_cmpstr (g_array_index (stats, TpStageStats, 2).stage_id, ==, "s3");
  g_assert_cmpuint (g_array_index (stats, TpStageStats, 2).scores.n_touchpoints, ==, 0);

  tp_journey_get_channel_mix (empty, &mix);
  g_assert_cmpuint (mix.online.n_touchpoints, ==, 0);
  g_assert_cmpuint (mix.offline.n_touchpoints, ==, 0);
  g_assert_true (isnan (mix.online.average));
  g_assert_true (isnan (mix.offline.average));
}

static void
test_single_touchpoint (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autoptr(TpTouchpoint) lowest = NULL;
  g_auto(TpDrop) drop = { 0 };
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, NULL);

  /* One score is its own lowest point; there is nothing to drop from. */
  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==, "lowest-point(info) t1\n");
  lowest = tp_journey_lowest_point (journey);
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (lowest)), ==, "t1");
  g_assert_false (tp_journey_steepest_drop (journey, &drop));
}

static void
test_single_stage (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 9, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 5, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 8, TRUE, NULL);

  /* Average 22 / 3 = 7.3: the stage itself is good enough. */
  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==,
                   "moment-below-target(critical) t4\n"
                   "below-good-enough(warning) t2\n"
                   "steepest-drop(warning) t1 t2\n"
                   "lowest-point(info) t2\n"
                   "unscored-touchpoint(info) t3\n");
}

/* The curve */

static void
test_journey_order (void)
{
  g_autoptr(TpJourney) journey = journey_new (3);
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(TpStage) s3 = NULL;
  const char *expected[] = { "t2", "t5", "t4", "t1", "t3" };

  /* List order mixes stages; journey order follows the stages first. */
  add_touchpoint (journey, "t1", "s3", 5, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 5, FALSE, NULL);
  add_touchpoint (journey, "t3", "s3", 5, FALSE, NULL);
  add_touchpoint (journey, "t4", "s2", 5, FALSE, NULL);
  add_touchpoint (journey, "t5", "s1", 5, FALSE, NULL);

  ordered = tp_journey_get_ordered_touchpoints (journey);
  g_assert_cmpuint (ordered->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ordered->len; i++)
    g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (ordered, i)), ==, expected[i]);

  /* Reordering stages reorders the journey. */
  s3 = g_object_ref (tp_journey_lookup_stage (journey, "s3"));
  tp_journey_move (journey, TP_ELEMENT (s3), 0);
  g_clear_pointer (&ordered, g_ptr_array_unref);
  ordered = tp_journey_get_ordered_touchpoints (journey);
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (ordered, 0)), ==, "t1");
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (ordered, 1)), ==, "t3");
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (ordered, 2)), ==, "t2");
}

static void
test_lowest_point (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autoptr(TpTouchpoint) lowest = NULL;
  g_autofree char *result = NULL;

  /* Tie at 4: t3 comes first in journey order though t1 comes first in the
   * list; unscored touchpoints never count as low. */
  add_touchpoint (journey, "t1", "s2", 4, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 4, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 6, FALSE, NULL);

  lowest = tp_journey_lowest_point (journey);
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (lowest)), ==, "t3");
  result = describe_kind (journey, TP_FINDING_LOWEST_POINT);
  g_assert_cmpstr (result, ==, "lowest-point(info) t3\n");
}

static void
test_steepest_drop (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_auto(TpDrop) drop = { 0 };
  g_autofree char *result = NULL;

  /* Journey order: t1 8, t2 -, t3 5, t4 9, t5 6, t6 10 (t6 is in s2).
   * Drops: t1→t3 -3 (across the unscored t2) and t4→t5 -3: the first wins. */
  add_touchpoint (journey, "t6", "s2", 10, FALSE, NULL);
  add_touchpoint (journey, "t1", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 5, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 9, FALSE, NULL);
  add_touchpoint (journey, "t5", "s1", 6, FALSE, NULL);

  g_assert_true (tp_journey_steepest_drop (journey, &drop));
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (drop.from)), ==, "t1");
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (drop.to)), ==, "t3");
  g_assert_cmpint (drop.delta, ==, -3);
  result = describe_kind (journey, TP_FINDING_STEEPEST_DROP);
  g_assert_cmpstr (result, ==, "steepest-drop(warning) t1 t3\n");
  tp_drop_clear (&drop);

  /* A steeper drop later, across the stage boundary (t5 6 → t7 1). */
  add_touchpoint (journey, "t7", "s2", 1, FALSE, NULL);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t6"), "score", TP_SCORE_UNSET, NULL);
  g_assert_true (tp_journey_steepest_drop (journey, &drop));
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (drop.from)), ==, "t5");
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (drop.to)), ==, "t7");
  g_assert_cmpint (drop.delta, ==, -5);
}

static void
test_small_drop_is_info (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 10, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 8, FALSE, NULL);

  result = describe_kind (journey, TP_FINDING_STEEPEST_DROP);
  g_assert_cmpstr (result, ==, "steepest-drop(info) t2 t3\n");
}

static void
test_no_drop (void)
{
  g_autoptr(TpJourney) equal = journey_new (2);
  g_autoptr(TpJourney) rising = journey_new (1);
  g_auto(TpDrop) drop = { 0 };
  g_autofree char *equal_result = NULL;
  g_autofree char *rising_result = NULL;
  g_autoptr(TpTouchpoint) lowest = NULL;

  /* All equal: no drop; the lowest point is the first. */
  add_touchpoint (equal, "t1", "s1", 8, FALSE, NULL);
  add_touchpoint (equal, "t2", "s1", 8, FALSE, NULL);
  add_touchpoint (equal, "t3", "s2", 8, FALSE, NULL);
  g_assert_false (tp_journey_steepest_drop (equal, &drop));
  equal_result = analyze_and_describe (equal);
  g_assert_cmpstr (equal_result, ==, "lowest-point(info) t1\n");
  lowest = tp_journey_lowest_point (equal);
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (lowest)), ==, "t1");

  /* Only rises: no drop either. */
  add_touchpoint (rising, "t1", "s1", 7, FALSE, NULL);
  add_touchpoint (rising, "t2", "s1", 9, FALSE, NULL);
  add_touchpoint (rising, "t3", "s1", 10, FALSE, NULL);
  g_assert_false (tp_journey_steepest_drop (rising, &drop));
  rising_result = describe_kind (rising, TP_FINDING_STEEPEST_DROP);
  g_assert_cmpstr (rising_result, ==, "");
}

/* Consistency of the employee layer */

static void
test_blocked_moment (void)
{
  g_autoptr(TpJourney) journey = journey_new (3);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *result = NULL;
  TpFinding *finding;

  add_touchpoint (journey, "t1", "s1", 9, TRUE, "Cardiology");
  add_touchpoint (journey, "t2", "s1", 9, TRUE, "Planning");
  add_touchpoint (journey, "t3", "s2", 9, TRUE, "Cardiology");
  add_touchpoint (journey, "t4", "s3", 9, TRUE, "Cardiology");
  add_touchpoint (journey, "t5", "s3", 9, FALSE, "Cardiology");
  add_touchpoint (journey, "t6", "s3", 9, TRUE, "");
  add_touchpoint (journey, "t7", "s3", 9, TRUE, "Planning");

  /* t1: a blocker of its own department on the touchpoint, another on the
   * stage (written differently), one of another department on the
   * touchpoint itself (related all the same), an enabler. */
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t1", "Cardiology", 0);
  add_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "s1", "  cARDIOLOGY\t", 0);
  add_note (journey, "e3", TP_NOTE_KIND_BLOCKER, "t1", "Planning", 0);
  add_note (journey, "e4", TP_NOTE_KIND_ENABLER, "t1", "Cardiology", 0);
  /* t2 (Planning, s1) is only blocked through its stage, by e6; e3 sits on
   * t1, not on t2. */
  add_note (journey, "e6", TP_NOTE_KIND_BLOCKER, "s1", "planning", 0);
  /* t3 (s2): only an enabler and a blocker in another stage. */
  add_note (journey, "e5", TP_NOTE_KIND_ENABLER, "t3", "Cardiology", 0);
  /* s3: a Cardiology blocker; t4 is blocked, t5 is no moment of truth, t6
   * has no department, t7 is another department. */
  add_note (journey, "e7", TP_NOTE_KIND_BLOCKER, "s3", "Cardiology", 0);
  /* A blocker without a department on the moment itself is related to it;
   * on a stage it relates to no department's moment. */
  add_note (journey, "e8", TP_NOTE_KIND_BLOCKER, "t7", " ", 0);
  add_note (journey, "e9", TP_NOTE_KIND_BLOCKER, "s3", " ", 0);

  /* On the touchpoint first, then on its stage, in list order. */
  result = describe_kind (journey, TP_FINDING_BLOCKED_MOMENT);
  g_assert_cmpstr (result, ==,
                   "blocked-moment(warning) t1 e1 e3 e2\n"
                   "blocked-moment(warning) t2 e6\n"
                   "blocked-moment(warning) t4 e7\n"
                   "blocked-moment(warning) t7 e8\n");

  findings = tp_analyze_journey (journey);
  finding = find_finding (findings, TP_FINDING_BLOCKED_MOMENT, "t1");
  g_assert_nonnull (finding);
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "Cardiology");
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "Title of t1"));
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "3 blockers"));
  finding = find_finding (findings, TP_FINDING_BLOCKED_MOMENT, "t4");
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "1 blocker "));
}

static void
test_department_not_involved (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *result = NULL;
  TpFinding *finding;

  add_touchpoint (journey, "t1", "s2", 8, FALSE, "Facilities");
  add_touchpoint (journey, "t2", "s1", 8, FALSE, " Hospitality ");
  add_touchpoint (journey, "t3", "s1", 8, FALSE, "facilities ");
  add_touchpoint (journey, "t4", "s1", 8, FALSE, "Planning");
  add_touchpoint (journey, "t5", "s1", 8, FALSE, "Communications");
  add_touchpoint (journey, "t6", "s1", 8, FALSE, "");
  add_touchpoint (journey, "t7", "s1", 8, FALSE, "   ");

  /* Involvement through any note: blocker or enabler, on a touchpoint that
   * is not its own, or on a stage; case and spaces do not matter. */
  add_note (journey, "e1", TP_NOTE_KIND_ENABLER, "t1", "HOSPITALITY", 0);
  add_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "s2", "planning  ", 0);
  /* A note's department that owns no touchpoint changes nothing. */
  add_note (journey, "e3", TP_NOTE_KIND_BLOCKER, "s2", "Legal", 0);
  add_note (journey, "e4", TP_NOTE_KIND_BLOCKER, "s2", "", 0);

  /* Facilities owns t3 and t1 (journey order) and comes first through t3;
   * empty departments are no department. */
  result = describe_kind (journey, TP_FINDING_DEPARTMENT_NOT_INVOLVED);
  g_assert_cmpstr (result, ==,
                   "department-not-involved(warning) t3 t1\n"
                   "department-not-involved(warning) t5\n");

  findings = tp_analyze_journey (journey);
  finding = find_finding (findings, TP_FINDING_DEPARTMENT_NOT_INVOLVED, "t3");
  /* Named as first written in journey order, trimmed. */
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "facilities");
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "“facilities”"));
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "2 touchpoints"));
  finding = find_finding (findings, TP_FINDING_DEPARTMENT_NOT_INVOLVED, "t5");
  g_assert_nonnull (strstr (tp_finding_get_message (finding), "1 touchpoint "));
}

static void
test_employee_customer_gap (void)
{
  g_autoptr(TpJourney) journey = journey_new (3);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *result = NULL;
  TpFinding *finding;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, "Sales");
  add_touchpoint (journey, "t2", "s1", 4, FALSE, "Sales");
  add_touchpoint (journey, "t3", "s2", TP_SCORE_UNSET, FALSE, "Sales");
  add_touchpoint (journey, "t4", "s3", 6, FALSE, "Sales");
  add_touchpoint (journey, "t5", "s3", 7, FALSE, "Sales");

  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t1", "Sales", 5);  /* exactly 3: gap */
  add_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "t1", "Sales", 6);  /* 2: none */
  add_note (journey, "e3", TP_NOTE_KIND_ENABLER, "t2", "Sales", 7);  /* 3 the other way */
  add_note (journey, "e4", TP_NOTE_KIND_ENABLER, "t2", "Sales", 0);  /* no employee score */
  add_note (journey, "e5", TP_NOTE_KIND_ENABLER, "t3", "Sales", 1);  /* no customer score */
  add_note (journey, "e6", TP_NOTE_KIND_BLOCKER, "s1", " Sales ", 9); /* stage average 6: 3 */
  add_note (journey, "e7", TP_NOTE_KIND_BLOCKER, "s3", "Sales", 4);  /* average 6.5: 2.5 */
  add_note (journey, "e8", TP_NOTE_KIND_BLOCKER, "s2", "Sales", 10); /* stage unscored */
  add_note (journey, "e9", TP_NOTE_KIND_BLOCKER, "s3", "Sales", 10); /* 3.5 */

  /* Stage-wide ones first in their stage. */
  result = describe_kind (journey, TP_FINDING_EMPLOYEE_CUSTOMER_GAP);
  g_assert_cmpstr (result, ==,
                   "employee-customer-gap(warning) s1 e6\n"
                   "employee-customer-gap(warning) t1 e1\n"
                   "employee-customer-gap(warning) t2 e3\n"
                   "employee-customer-gap(warning) s3 e9\n");

  findings = tp_analyze_journey (journey);
  finding = find_finding (findings, TP_FINDING_EMPLOYEE_CUSTOMER_GAP, "e1");
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "Sales");
  g_assert_cmpstr (tp_finding_get_message (finding), ==,
                   "At “Title of t1” the employee scores 5 and the customer 8");
  finding = find_finding (findings, TP_FINDING_EMPLOYEE_CUSTOMER_GAP, "e6");
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "Sales");
  g_assert_cmpstr (tp_finding_get_message (finding), ==,
                   "In stage “Stage 1” the employee scores 9 and customers 6.0 on average");
}

static void
test_stage_below_good_enough (void)
{
  g_autoptr(TpJourney) journey = journey_new (3);
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *result = NULL;
  TpFinding *finding;

  /* s1 averages exactly 7; s2 6.5; s3 is unscored. */
  add_touchpoint (journey, "t1", "s1", 10, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 4, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t4", "s2", 7, FALSE, NULL);
  add_touchpoint (journey, "t5", "s2", 6, FALSE, NULL);
  add_touchpoint (journey, "t6", "s3", TP_SCORE_UNSET, FALSE, NULL);

  result = describe_kind (journey, TP_FINDING_STAGE_BELOW_GOOD_ENOUGH);
  g_assert_cmpstr (result, ==, "stage-below-good-enough(warning) s2\n");

  findings = tp_analyze_journey (journey);
  finding = find_finding (findings, TP_FINDING_STAGE_BELOW_GOOD_ENOUGH, "s2");
  g_assert_cmpstr (tp_finding_get_message (finding), ==,
                   "Stage “Stage 2” averages 6.5, below the good-enough level of 7");
  g_assert_null (tp_finding_get_department (finding));
}

/* Order and messages */

static void
test_sorted_by_severity_then_journey (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s2", 3, TRUE, NULL);
  add_touchpoint (journey, "t2", "s2", 6, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 5, TRUE, NULL);
  add_touchpoint (journey, "t5", "s1", 8, FALSE, NULL);

  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==,
                   "moment-below-target(critical) t4\n"
                   "moment-below-target(critical) t1\n"
                   "stage-below-good-enough(warning) s1\n"
                   "stage-below-good-enough(warning) s2\n"
                   "steepest-drop(warning) t5 t1\n"
                   "below-good-enough(warning) t2\n"
                   "unscored-touchpoint(info) t3\n"
                   "lowest-point(info) t1\n");
}

static void
test_messages (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autoptr(GPtrArray) findings = NULL;
  guint n_kinds = 0;
  guint seen = 0;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, "Sales");
  add_touchpoint (journey, "t2", "s1", 3, TRUE, "Service");
  add_touchpoint (journey, "t3", "s1", 2, FALSE, "Sales");
  add_touchpoint (journey, "t4", "s2", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t5", "s2", TP_SCORE_UNSET, TRUE, NULL);
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t2", "Service", 9);
  add_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "s1", "Service", 9);

  findings = tp_analyze_journey (journey);
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);
      const char *message = tp_finding_get_message (finding);
      const char * const *ids = tp_finding_get_ids (finding);

      g_test_message ("%s", message);
      g_assert_cmpstr (message, !=, "");
      g_assert_true (g_utf8_validate (message, -1, NULL));
      g_assert_null (strchr (message, '\n'));
      g_assert_nonnull (ids[0]);
      seen |= 1u << tp_finding_get_kind (finding);

      /* Each touchpoint it concerns is named by its title, quoted. */
      for (guint j = 0; ids[j] != NULL; j++)
        {
          TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, ids[j]);
          g_autofree char *quoted = NULL;

          if (tp == NULL || tp_finding_get_kind (finding) == TP_FINDING_DEPARTMENT_NOT_INVOLVED)
            continue;
          quoted = g_strdup_printf ("“%s”", tp_touchpoint_get_title (tp));
          g_assert_nonnull (strstr (message, quoted));
        }
    }

  /* Every kind occurred, so every message was checked; the analysis never
   * makes the last, OPEN_OPPORTUNITY. */
  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (TP_TYPE_FINDING_KIND);
    n_kinds = klass->n_values - 1;
    g_assert_cmpint (TP_FINDING_OPEN_OPPORTUNITY, ==, n_kinds);
  }
  g_assert_cmphex (seen, ==, (1u << n_kinds) - 1);

  g_assert_cmpstr (tp_finding_get_message (find_finding (findings, TP_FINDING_MOMENT_BELOW_TARGET, "t2")), ==,
                   "Moment of truth “Title of t2” scores 3, below the target of 9");
  g_assert_cmpstr (tp_finding_get_message (find_finding (findings, TP_FINDING_STEEPEST_DROP, "t2")), ==,
                   "The steepest drop is 5 points, from “Title of t1” (8) to “Title of t2” (3)");
}

/* Text from the model may hold line breaks; a message never does. */
static void
test_messages_one_line (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autoptr(GPtrArray) findings = NULL;

  add_touchpoint (journey, "t1", "s1", 9, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 3, TRUE, "Cardiology\noutpatient clinic");
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t2", "cardiology\noutpatient clinic ", 8);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t2"), "title", "Three-minute\nconsult", NULL);
  g_object_set (tp_journey_lookup_stage (journey, "s1"), "name", "Consul-\ntation", NULL);

  findings = tp_analyze_journey (journey);
  g_assert_cmpuint (findings->len, >=, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%s", tp_finding_get_message (finding));
      g_assert_null (strchr (tp_finding_get_message (finding), '\n'));
    }
  g_assert_cmpstr (tp_finding_get_message (g_ptr_array_index (findings, 0)), ==,
                   "Moment of truth “Three-minute consult” scores 3, below the target of 9");
  g_assert_cmpstr (tp_finding_get_department (find_finding (findings, TP_FINDING_BLOCKED_MOMENT, "t2")), ==,
                   "Cardiology outpatient clinic");
}

static void
test_finding_boxed (void)
{
  const char *ids[] = { "t1", "e1", NULL };
  g_autoptr(TpFinding) finding = tp_finding_new (TP_FINDING_BLOCKED_MOMENT, TP_SEVERITY_WARNING,
                                                 "A message", ids, "Sales");
  g_autoptr(TpFinding) bare = tp_finding_new (TP_FINDING_LOWEST_POINT, TP_SEVERITY_INFO,
                                              "Another", NULL, NULL);
  TpFinding *copy;

  g_assert_true (G_TYPE_IS_BOXED (TP_TYPE_FINDING));
  copy = g_boxed_copy (TP_TYPE_FINDING, finding);
  g_assert_true (copy == finding);
  g_boxed_free (TP_TYPE_FINDING, copy);

  g_assert_cmpint (tp_finding_get_kind (finding), ==, TP_FINDING_BLOCKED_MOMENT);
  g_assert_cmpint (tp_finding_get_severity (finding), ==, TP_SEVERITY_WARNING);
  g_assert_cmpstr (tp_finding_get_message (finding), ==, "A message");
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "Sales");
  g_assert_cmpstrv (tp_finding_get_ids (finding), ids);
  g_assert_true (tp_finding_concerns (finding, "e1"));
  g_assert_false (tp_finding_concerns (finding, "e2"));
  g_assert_false (tp_finding_concerns (finding, NULL));

  g_assert_nonnull (tp_finding_get_ids (bare));
  g_assert_null (tp_finding_get_ids (bare)[0]);
  g_assert_null (tp_finding_get_department (bare));

  g_assert_cmpstr (tp_severity_get_display_name (TP_SEVERITY_CRITICAL), ==, "critical");
  g_assert_cmpstr (tp_severity_get_display_name (TP_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (tp_severity_get_display_name (TP_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (tp_enum_to_nick (TP_TYPE_FINDING_KIND, TP_FINDING_DEPARTMENT_NOT_INVOLVED), ==,
                   "department-not-involved");
}

/* Statistics */

static void
test_stage_stats (void)
{
  g_autoptr(TpJourney) journey = journey_new (3);
  g_autoptr(GArray) stats = NULL;
  const TpStageStats *s1, *s2, *s3;
  TpScoreStats all;

  add_touchpoint (journey, "t1", "s1", 4, FALSE, NULL);
  add_touchpoint (journey, "t2", "s2", 9, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 9, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t5", "s1", 6, TRUE, NULL);
  /* Employee scores never count for the customer. */
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t1", "Sales", 1);
  add_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "s3", "Sales", 1);

  stats = tp_journey_get_stage_stats (journey);
  g_assert_cmpuint (stats->len, ==, 3);
  s1 = &g_array_index (stats, TpStageStats, 0);
  s2 = &g_array_index (stats, TpStageStats, 1);
  s3 = &g_array_index (stats, TpStageStats, 2);

  g_assert_cmpstr (s1->stage_id, ==, "s1");
  g_assert_cmpuint (s1->scores.n_touchpoints, ==, 4);
  g_assert_cmpuint (s1->scores.n_scored, ==, 3);
  g_assert_cmpfloat_with_epsilon (s1->scores.average, 19.0 / 3, 1e-9);
  g_assert_cmpint (s1->scores.min, ==, 4);
  g_assert_cmpint (s1->scores.max, ==, 9);

  g_assert_cmpstr (s2->stage_id, ==, "s2");
  g_assert_cmpuint (s2->scores.n_touchpoints, ==, 1);
  g_assert_cmpfloat (s2->scores.average, ==, 9.0);
  g_assert_cmpint (s2->scores.min, ==, 9);
  g_assert_cmpint (s2->scores.max, ==, 9);

  g_assert_cmpstr (s3->stage_id, ==, "s3");
  g_assert_cmpuint (s3->scores.n_touchpoints, ==, 0);
  g_assert_cmpuint (s3->scores.n_scored, ==, 0);
  g_assert_true (isnan (s3->scores.average));
  g_assert_cmpint (s3->scores.min, ==, TP_SCORE_UNSET);
  g_assert_cmpint (s3->scores.max, ==, TP_SCORE_UNSET);

  tp_journey_get_score_stats (journey, &all);
  g_assert_cmpuint (all.n_touchpoints, ==, 5);
  g_assert_cmpuint (all.n_scored, ==, 4);
  g_assert_cmpfloat (all.average, ==, 7.0);
  g_assert_cmpint (all.min, ==, 4);
  g_assert_cmpint (all.max, ==, 9);
}

static void
test_channel_mix (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  TpChannelMix mix;

  add_touchpoint_full (journey, "t1", "s1", 8, FALSE, NULL, TP_CHANNEL_WEBSITE);
  add_touchpoint_full (journey, "t2", "s1", 5, FALSE, NULL, TP_CHANNEL_APP);
  add_touchpoint_full (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL, TP_CHANNEL_EMAIL);
  add_touchpoint_full (journey, "t4", "s1", 4, FALSE, NULL, TP_CHANNEL_PHONE);
  add_touchpoint_full (journey, "t5", "s1", TP_SCORE_UNSET, FALSE, NULL, TP_CHANNEL_SHOP);

  tp_journey_get_channel_mix (journey, &mix);
  g_assert_cmpuint (mix.online.n_touchpoints, ==, 3);
  g_assert_cmpuint (mix.online.n_scored, ==, 2);
  g_assert_cmpfloat (mix.online.average, ==, 6.5);
  g_assert_cmpint (mix.online.min, ==, 5);
  g_assert_cmpint (mix.online.max, ==, 8);
  g_assert_cmpuint (mix.offline.n_touchpoints, ==, 2);
  g_assert_cmpuint (mix.offline.n_scored, ==, 1);
  g_assert_cmpfloat (mix.offline.average, ==, 4.0);

  /* Offline only: online has nothing to average. */
  g_object_set (tp_journey_lookup_touchpoint (journey, "t1"), "channel", TP_CHANNEL_LETTER, NULL);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t2"), "channel", TP_CHANNEL_LETTER, NULL);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t3"), "channel", TP_CHANNEL_LETTER, NULL);
  tp_journey_get_channel_mix (journey, &mix);
  g_assert_cmpuint (mix.online.n_touchpoints, ==, 0);
  g_assert_true (isnan (mix.online.average));
  g_assert_cmpuint (mix.offline.n_touchpoints, ==, 5);
  g_assert_cmpuint (mix.offline.n_scored, ==, 3);
  g_assert_cmpfloat_with_epsilon (mix.offline.average, 17.0 / 3, 1e-9);
}

/* Card kinds: actions and thoughts are no contact moments */

static void
test_kinds_unscored (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", TP_SCORE_UNSET, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL);
  set_kind (journey, "t2", TP_CARD_KIND_ACTION);
  set_kind (journey, "t3", TP_CARD_KIND_THOUGHT);
  /* A thought flagged as a moment of truth is no moment of truth. */
  add_touchpoint (journey, "t4", "s1", TP_SCORE_UNSET, TRUE, NULL);
  set_kind (journey, "t4", TP_CARD_KIND_THOUGHT);

  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==, "unscored-touchpoint(info) t1\n");
}

static void
test_kinds_scores (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autofree char *result = NULL;
  g_autofree char *curve = NULL;

  /* A thought scored low: on the curve, but no touchpoint below good
   * enough or below target, even when flagged a moment of truth. */
  add_touchpoint (journey, "t1", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 2, TRUE, NULL);
  set_kind (journey, "t2", TP_CARD_KIND_THOUGHT);
  add_touchpoint (journey, "t3", "s2", 8, FALSE, NULL);
  add_touchpoint (journey, "t4", "s2", 6, FALSE, NULL);
  set_kind (journey, "t4", TP_CARD_KIND_ACTION);

  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==,
                   "stage-below-good-enough(warning) s1\n"
                   "steepest-drop(warning) t1 t2\n"
                   "lowest-point(info) t2\n");
  curve = describe_kind (journey, TP_FINDING_BELOW_GOOD_ENOUGH);
  g_assert_cmpstr (curve, ==, "");
}

static void
test_kinds_counts (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autoptr(GArray) stages = NULL;
  TpScoreStats stats;
  TpChannelMix mix;

  add_touchpoint_full (journey, "t1", "s1", 8, FALSE, NULL, TP_CHANNEL_WEBSITE);
  add_touchpoint_full (journey, "t2", "s1", TP_SCORE_UNSET, FALSE, NULL, TP_CHANNEL_SHOP);
  add_touchpoint_full (journey, "t3", "s1", TP_SCORE_UNSET, FALSE, NULL, TP_CHANNEL_OTHER);
  add_touchpoint_full (journey, "t4", "s1", 4, FALSE, NULL, TP_CHANNEL_OTHER);
  add_touchpoint_full (journey, "t5", "s1", 6, FALSE, NULL, TP_CHANNEL_WEBSITE);
  set_kind (journey, "t3", TP_CARD_KIND_ACTION);
  set_kind (journey, "t4", TP_CARD_KIND_THOUGHT);
  set_kind (journey, "t5", TP_CARD_KIND_ACTION);

  /* Two touchpoints, one scored; three points on the curve. */
  tp_journey_get_score_stats (journey, &stats);
  g_assert_cmpuint (stats.n_cards, ==, 5);
  g_assert_cmpuint (stats.n_touchpoints, ==, 2);
  g_assert_cmpuint (stats.n_touchpoints_scored, ==, 1);
  g_assert_cmpuint (stats.n_scored, ==, 3);
  g_assert_cmpfloat (stats.average, ==, 6.0);
  g_assert_cmpint (stats.min, ==, 4);

  stages = tp_journey_get_stage_stats (journey);
  g_assert_cmpuint (g_array_index (stages, TpStageStats, 0).scores.n_touchpoints, ==, 2);
  g_assert_cmpuint (g_array_index (stages, TpStageStats, 0).scores.n_scored, ==, 3);

  /* The action on the website is no online touchpoint. */
  tp_journey_get_channel_mix (journey, &mix);
  g_assert_cmpuint (mix.online.n_touchpoints, ==, 1);
  g_assert_cmpuint (mix.online.n_scored, ==, 1);
  g_assert_cmpfloat (mix.online.average, ==, 8.0);
  g_assert_cmpuint (mix.offline.n_touchpoints, ==, 1);
  g_assert_cmpuint (mix.offline.n_scored, ==, 0);
}

static void
test_kinds_departments (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  /* A department on an action owns no touchpoint, and a thought is no
   * moment of truth to block. */
  add_touchpoint (journey, "t1", "s1", 8, FALSE, "Legal");
  set_kind (journey, "t1", TP_CARD_KIND_ACTION);
  add_touchpoint (journey, "t2", "s1", 8, TRUE, "Sales");
  set_kind (journey, "t2", TP_CARD_KIND_THOUGHT);
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t2", "Sales", 0);

  result = analyze_and_describe (journey);
  g_assert_cmpstr (result, ==, "lowest-point(info) t1\n");
}

/* Departments that cause notes for other departments */

static void
test_caused_by_involved (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autofree char *result = NULL;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, "Finance");
  add_touchpoint (journey, "t2", "s1", 8, FALSE, "Customer Service");
  add_touchpoint (journey, "t3", "s1", 8, FALSE, "Legal");
  /* Felt by Customer Service, caused by Finance: both are involved. */
  add_caused_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t2", "Customer Service", " finance ");
  /* An enabler caused by Legal, felt by nobody in particular. */
  add_caused_note (journey, "e2", TP_NOTE_KIND_ENABLER, "s1", "", "LEGAL");

  result = describe_kind (journey, TP_FINDING_DEPARTMENT_NOT_INVOLVED);
  g_assert_cmpstr (result, ==, "");
}

static void
test_caused_by_blocked_moment (void)
{
  g_autoptr(TpJourney) journey = journey_new (2);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) related = NULL;
  g_autofree char *result = NULL;
  TpFinding *finding;

  /* A Customer Service moment of truth: waiving a fee. */
  add_touchpoint (journey, "t1", "s1", 5, TRUE, "Customer Service");
  add_touchpoint (journey, "t2", "s2", 9, TRUE, "Customer Service");
  add_touchpoint (journey, "t3", "s2", 9, TRUE, "Finance");
  /* Finance's rule on the moment itself, felt by Finance: related. */
  add_caused_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t1", "Finance", "");
  /* On t2's stage: felt by Customer Service, caused by Finance (related
   * to t2 and, since Finance causes it, to Finance's t3); felt by Finance
   * and caused by Customer Service (related to both); Finance's own. */
  add_caused_note (journey, "e2", TP_NOTE_KIND_BLOCKER, "s2", "Customer Service", "Finance");
  add_caused_note (journey, "e3", TP_NOTE_KIND_BLOCKER, "s2", "Finance", "customer service");
  add_caused_note (journey, "e4", TP_NOTE_KIND_BLOCKER, "s2", "Finance", "");

  result = describe_kind (journey, TP_FINDING_BLOCKED_MOMENT);
  g_assert_cmpstr (result, ==,
                   "blocked-moment(warning) t1 e1\n"
                   "blocked-moment(warning) t2 e2 e3\n"
                   "blocked-moment(warning) t3 e2 e3 e4\n");

  findings = tp_analyze_journey (journey);
  finding = find_finding (findings, TP_FINDING_BLOCKED_MOMENT, "t1");
  g_assert_cmpstr (tp_finding_get_department (finding), ==, "Customer Service");

  /* The report's list is the same. */
  related = tp_journey_get_related_blockers (journey, tp_journey_lookup_touchpoint (journey, "t2"));
  g_assert_cmpuint (related->len, ==, 2);
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (related, 0)), ==, "e2");
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (related, 1)), ==, "e3");
}

/* Open opportunities per department */

static void
add_opportunity (TpJourney           *journey,
                 const char          *id,
                 const char          *touchpoint_id,
                 const char          *department,
                 TpOpportunityStatus  status,
                 int                  impact,
                 int                  effort,
                 const char          *due)
{
  g_autoptr(TpOpportunity) opportunity = tp_opportunity_new (id, "An idea");
  g_autoptr(GError) error = NULL;

  g_object_set (opportunity, "touchpoint-id", touchpoint_id, "department", department,
                "status", status, "impact", impact, "effort", effort, "due", due, NULL);
  tp_journey_insert (journey, TP_ELEMENT (opportunity), G_MAXUINT, &error);
  g_assert_no_error (error);
}

static char *
describe_open (GPtrArray *groups)
{
  GString *out = g_string_new (NULL);

  for (guint g = 0; g < groups->len; g++)
    {
      TpDepartmentOpportunities *group = g_ptr_array_index (groups, g);

      g_string_append_printf (out, "%s:", group->department != NULL ? group->department : "(none)");
      for (guint i = 0; i < group->opportunities->len; i++)
        g_string_append_printf (out, " %s",
                                tp_element_get_id (g_ptr_array_index (group->opportunities, i)));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_open_opportunities (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *result = NULL;
  g_autofree char *place = NULL;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, " Sales ");
  add_touchpoint (journey, "t2", "s1", 8, FALSE, "");
  /* Sales through its touchpoint: priority 5 × 5 = 25, then 3 × 4 = 12
   * twice (earlier date first, a date before none), then unset. */
  add_opportunity (journey, "o1", "", "sales", TP_OPPORTUNITY_STATUS_IDEA, 3, 2, "");
  add_opportunity (journey, "o2", "t1", "", TP_OPPORTUNITY_STATUS_PLANNED, 0, 0, "2027-01-01");
  add_opportunity (journey, "o3", "t1", "", TP_OPPORTUNITY_STATUS_DOING, 5, 1, "");
  add_opportunity (journey, "o4", "t1", "", TP_OPPORTUNITY_STATUS_IDEA, 3, 2, "2027-05-01");
  /* Done and dropped ones are closed. */
  add_opportunity (journey, "o5", "t1", "", TP_OPPORTUNITY_STATUS_DONE, 5, 1, "");
  add_opportunity (journey, "o6", "", "Finance", TP_OPPORTUNITY_STATUS_DROPPED, 5, 1, "");
  /* No department at all: last. */
  add_opportunity (journey, "o7", "t2", "", TP_OPPORTUNITY_STATUS_IDEA, 1, 5, "");
  add_opportunity (journey, "o8", "", "", TP_OPPORTUNITY_STATUS_IDEA, 0, 0, "");
  /* Its own department wins over its touchpoint's. */
  add_opportunity (journey, "o9", "t1", "Billing", TP_OPPORTUNITY_STATUS_IDEA, 1, 1, "");

  groups = tp_journey_get_open_opportunities (journey);
  result = describe_open (groups);
  g_assert_cmpstr (result, ==,
                   "Billing: o9\n"
                   "sales: o3 o4 o1 o2\n"
                   "(none): o7 o8\n");

  place = tp_journey_describe_opportunity_place (journey, g_ptr_array_index (
    ((TpDepartmentOpportunities *) g_ptr_array_index (groups, 2))->opportunities, 1));
  g_assert_cmpstr (place, ==, "Whole journey");
  g_clear_pointer (&place, g_free);
  place = tp_journey_describe_opportunity_place (journey, g_ptr_array_index (
    ((TpDepartmentOpportunities *) g_ptr_array_index (groups, 2))->opportunities, 0));
  g_assert_cmpstr (place, ==, "Title of t2");
}

/* Evidence */

static void
test_evidence (void)
{
  g_autoptr(TpJourney) journey = journey_new (1);
  TpEvidenceStats stats;

  add_touchpoint (journey, "t1", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t2", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t3", "s1", 8, FALSE, NULL);
  add_touchpoint (journey, "t4", "s1", 8, FALSE, NULL);
  set_kind (journey, "t3", TP_CARD_KIND_THOUGHT);
  g_object_set (tp_journey_lookup (journey, "t1"), "evidence", TP_EVIDENCE_OBSERVED, NULL);
  g_object_set (tp_journey_lookup (journey, "t2"), "evidence", TP_EVIDENCE_REPORTED, "respondents", 40, NULL);
  g_object_set (tp_journey_lookup (journey, "t3"), "evidence", TP_EVIDENCE_REPORTED, "respondents", 12, NULL);
  g_object_set (tp_journey_lookup (journey, "t4"), "evidence", TP_EVIDENCE_ASSUMED, NULL);
  add_note (journey, "e1", TP_NOTE_KIND_BLOCKER, "t1", "Sales", 0);
  add_note (journey, "e2", TP_NOTE_KIND_ENABLER, "t1", "Sales", 0);
  g_object_set (tp_journey_lookup (journey, "e1"), "evidence", TP_EVIDENCE_OBSERVED, NULL);

  /* Assumed and nothing stated are no evidence. */
  tp_journey_get_evidence_stats (journey, &stats);
  g_assert_cmpuint (stats.n_cards, ==, 6);
  g_assert_cmpuint (stats.n_observed, ==, 2);
  g_assert_cmpuint (stats.n_reported, ==, 2);
  g_assert_cmpuint (stats.n_assumed, ==, 1);
  g_assert_cmpuint (stats.n_evidence, ==, 4);
  g_assert_cmpuint (stats.respondents, ==, 52);
}

/* The sample journey */

static void
test_sample_findings (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autofree char *result = analyze_and_describe (journey);

  /* The whole list, so that a change to the rules is a deliberate one. */
  g_assert_cmpstr (result, ==,
                   "moment-below-target(critical) t19\n"
                   "moment-below-target(critical) t22\n"
                   "department-not-involved(warning) t2\n"
                   "department-not-involved(warning) t3 t6 t9\n"
                   "department-not-involved(warning) t10\n"
                   "stage-below-good-enough(warning) s4\n"
                   "steepest-drop(warning) t17 t19\n"
                   "blocked-moment(warning) t19 e1 e3 e2\n"
                   "stage-below-good-enough(warning) s5\n"
                   "below-good-enough(warning) t23\n"
                   "below-good-enough(warning) t24\n"
                   "lowest-point(info) t19\n");
}

static void
test_sample_consult (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);
  g_autoptr(TpTouchpoint) lowest = tp_journey_lowest_point (journey);
  g_auto(TpDrop) drop = { 0 };
  TpFinding *first = g_ptr_array_index (findings, 0);
  TpFinding *blocked;
  TpFinding *departments;

  /* The three-minute consult is the first and worst finding. */
  g_assert_cmpint (tp_finding_get_kind (first), ==, TP_FINDING_MOMENT_BELOW_TARGET);
  g_assert_cmpint (tp_finding_get_severity (first), ==, TP_SEVERITY_CRITICAL);
  g_assert_true (tp_finding_concerns (first, "t19"));
  g_assert_cmpstr (tp_finding_get_message (first), ==,
                   "Moment of truth “Three-minute consult with the cardiologist” scores 3, below the target of 9");

  /* Its department has a blocker right there (and one on the stage). */
  blocked = find_finding (findings, TP_FINDING_BLOCKED_MOMENT, "t19");
  g_assert_nonnull (blocked);
  g_assert_true (tp_finding_concerns (blocked, "e1"));
  g_assert_true (tp_finding_concerns (blocked, "e2"));
  g_assert_cmpstr (tp_finding_get_department (blocked), ==, "Cardiology outpatient clinic");

  /* The lowest point is a touchpoint scored 3: the consult itself. */
  g_assert_nonnull (lowest);
  g_assert_cmpint (tp_touchpoint_get_score (lowest), ==, 3);
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (lowest)), ==, "t19");

  g_assert_true (tp_journey_steepest_drop (journey, &drop));
  g_assert_cmpstr (tp_element_get_id (TP_ELEMENT (drop.to)), ==, "t19");
  g_assert_cmpint (drop.delta, ==, -4);

  departments = find_finding (findings, TP_FINDING_DEPARTMENT_NOT_INVOLVED, "t3");
  g_assert_cmpstr (tp_finding_get_department (departments), ==, "Communications");
}

static void
test_sample_statistics (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(GArray) stats = tp_journey_get_stage_stats (journey);
  const TpStageStats *consult = &g_array_index (stats, TpStageStats, 3);
  const TpStageStats *after = &g_array_index (stats, TpStageStats, 4);
  TpChannelMix mix;

  g_assert_cmpuint (stats->len, ==, 5);
  g_assert_cmpstr (consult->stage_id, ==, "s4");
  /* An action, the consult and a thought; both scored 3, both on the curve. */
  g_assert_cmpuint (consult->scores.n_cards, ==, 3);
  g_assert_cmpuint (consult->scores.n_touchpoints, ==, 1);
  g_assert_cmpuint (consult->scores.n_touchpoints_scored, ==, 1);
  g_assert_cmpuint (consult->scores.n_scored, ==, 2);
  g_assert_cmpfloat (consult->scores.average, ==, 3.0);
  g_assert_cmpstr (after->stage_id, ==, "s5");
  g_assert_cmpfloat (after->scores.average, ==, 4.75);
  g_assert_cmpint (after->scores.min, ==, 4);
  g_assert_cmpint (after->scores.max, ==, 6);

  /* Online: the website twice and the app, all 8. */
  tp_journey_get_channel_mix (journey, &mix);
  g_assert_cmpuint (mix.online.n_touchpoints, ==, 3);
  g_assert_cmpuint (mix.online.n_scored, ==, 3);
  g_assert_cmpfloat (mix.online.average, ==, 8.0);
  /* Touchpoints proper only: the actions and thoughts are no channel. */
  g_assert_cmpuint (mix.offline.n_touchpoints, ==, 12);
  g_assert_cmpuint (mix.offline.n_scored, ==, 12);
  g_assert_cmpfloat (mix.offline.average, ==, 81.0 / 12);
}

static void
test_sample_evidence (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  TpEvidenceStats stats;

  /* 25 cards and 5 employee notes. */
  tp_journey_get_evidence_stats (journey, &stats);
  g_assert_cmpuint (stats.n_cards, ==, 30);
  g_assert_cmpuint (stats.n_observed, ==, 5);
  g_assert_cmpuint (stats.n_reported, ==, 4);
  g_assert_cmpuint (stats.n_assumed, ==, 1);
  g_assert_cmpuint (stats.n_evidence, ==, 9);
  g_assert_cmpuint (stats.respondents, ==, 31 + 14 + 9 + 14);
}

static void
test_sample_opportunities (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(GPtrArray) groups = tp_journey_get_open_opportunities (journey);
  g_autofree char *result = describe_open (groups);
  g_autoptr(TpOpportunity) o4 = NULL;
  g_autofree char *place = NULL;

  g_assert_cmpstr (result, ==,
                   "Cardiology outpatient clinic: o1 o2\n"
                   "Patient experience: o3\n"
                   "Poliklinieken: o4\n");
  o4 = g_object_ref (TP_OPPORTUNITY (tp_journey_lookup (journey, "o4")));
  place = tp_journey_describe_opportunity_place (journey, o4);
  g_assert_cmpstr (place, ==, "Stage “Consultation”");
}

/* Large generated journeys: the findings agree with a plain recount. */
static void
test_generated_consistent (void)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, 2000, 7);
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);
  guint expected[TP_FINDING_STAGE_BELOW_GOOD_ENOUGH + 1] = { 0 };
  guint counted[TP_FINDING_STAGE_BELOW_GOOD_ENOUGH + 1] = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      int score = tp_touchpoint_get_score (tp);
      gboolean moment = tp_touchpoint_get_moment_of_truth (tp);

      if (score == TP_SCORE_UNSET)
        expected[moment ? TP_FINDING_UNSCORED_MOMENT : TP_FINDING_UNSCORED_TOUCHPOINT]++;
      else if (moment && score < TP_DEFAULT_MOMENT_TARGET)
        expected[TP_FINDING_MOMENT_BELOW_TARGET]++;
      else if (score < TP_DEFAULT_GOOD_ENOUGH)
        expected[TP_FINDING_BELOW_GOOD_ENOUGH]++;
    }

  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);
      const char * const *ids = tp_finding_get_ids (finding);

      counted[tp_finding_get_kind (finding)]++;
      for (guint j = 0; ids[j] != NULL; j++)
        g_assert_nonnull (tp_journey_lookup (journey, ids[j]));
      if (i > 0)
        g_assert_cmpint (tp_finding_get_severity (g_ptr_array_index (findings, i - 1)), >=,
                         tp_finding_get_severity (finding));
    }

  g_assert_cmpuint (counted[TP_FINDING_MOMENT_BELOW_TARGET], ==, expected[TP_FINDING_MOMENT_BELOW_TARGET]);
  g_assert_cmpuint (counted[TP_FINDING_BELOW_GOOD_ENOUGH], ==, expected[TP_FINDING_BELOW_GOOD_ENOUGH]);
  g_assert_cmpuint (counted[TP_FINDING_UNSCORED_TOUCHPOINT], ==, expected[TP_FINDING_UNSCORED_TOUCHPOINT]);
  g_assert_cmpuint (counted[TP_FINDING_UNSCORED_MOMENT], ==, expected[TP_FINDING_UNSCORED_MOMENT]);
  g_assert_cmpuint (counted[TP_FINDING_LOWEST_POINT], ==, 1);
  g_assert_cmpuint (counted[TP_FINDING_STEEPEST_DROP], ==, 1);
  /* The generator's notes all name "Service"; "Sales" is never involved. */
  g_assert_cmpuint (counted[TP_FINDING_DEPARTMENT_NOT_INVOLVED], ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/analysis/scores/moment-target-boundary", test_moment_target_boundary);
  g_test_add_func ("/analysis/scores/moment-not-also-below-good-enough", test_moment_not_also_below_good_enough);
  g_test_add_func ("/analysis/scores/good-enough-boundary", test_good_enough_boundary);
  g_test_add_func ("/analysis/scores/thresholds-from-journey", test_thresholds_from_journey);
  g_test_add_func ("/analysis/scores/unscored", test_unscored);
  g_test_add_func ("/analysis/scores/empty-journey", test_empty_journey);
  g_test_add_func ("/analysis/scores/single-touchpoint", test_single_touchpoint);
  g_test_add_func ("/analysis/scores/single-stage", test_single_stage);
  g_test_add_func ("/analysis/curve/journey-order", test_journey_order);
  g_test_add_func ("/analysis/curve/lowest-point", test_lowest_point);
  g_test_add_func ("/analysis/curve/steepest-drop", test_steepest_drop);
  g_test_add_func ("/analysis/curve/small-drop-is-info", test_small_drop_is_info);
  g_test_add_func ("/analysis/curve/no-drop", test_no_drop);
  g_test_add_func ("/analysis/employees/blocked-moment", test_blocked_moment);
  g_test_add_func ("/analysis/employees/department-not-involved", test_department_not_involved);
  g_test_add_func ("/analysis/employees/customer-gap", test_employee_customer_gap);
  g_test_add_func ("/analysis/stages/below-good-enough", test_stage_below_good_enough);
  g_test_add_func ("/analysis/findings/sorted", test_sorted_by_severity_then_journey);
  g_test_add_func ("/analysis/findings/messages", test_messages);
  g_test_add_func ("/analysis/findings/messages-one-line", test_messages_one_line);
  g_test_add_func ("/analysis/findings/boxed", test_finding_boxed);
  g_test_add_func ("/analysis/stats/stages", test_stage_stats);
  g_test_add_func ("/analysis/stats/channel-mix", test_channel_mix);
  g_test_add_func ("/analysis/kinds/unscored", test_kinds_unscored);
  g_test_add_func ("/analysis/kinds/scores", test_kinds_scores);
  g_test_add_func ("/analysis/kinds/counts", test_kinds_counts);
  g_test_add_func ("/analysis/kinds/departments", test_kinds_departments);
  g_test_add_func ("/analysis/departments/caused-by-involved", test_caused_by_involved);
  g_test_add_func ("/analysis/departments/caused-by-blocked-moment", test_caused_by_blocked_moment);
  g_test_add_func ("/analysis/opportunities/open-by-department", test_open_opportunities);
  g_test_add_func ("/analysis/evidence/stats", test_evidence);
  g_test_add_func ("/analysis/sample/findings", test_sample_findings);
  g_test_add_func ("/analysis/sample/evidence", test_sample_evidence);
  g_test_add_func ("/analysis/sample/opportunities", test_sample_opportunities);
  g_test_add_func ("/analysis/sample/consult", test_sample_consult);
  g_test_add_func ("/analysis/sample/statistics", test_sample_statistics);
  g_test_add_func ("/analysis/generated/consistent", test_generated_consistent);

  return g_test_run ();
}
