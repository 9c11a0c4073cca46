/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-compare.h"
#include "tp-test-util.h"

/* The comparison of an as-is with its to-be, on a pair built in code: one
 * score change, an added and a removed touchpoint, a moment of truth that
 * reaches its target, a blocker removed, a finding that disappears. */

static TpJourney *
journey_new (TpJourneyState state)
{
  TpJourney *journey = tp_journey_new ();
  g_autoptr(TpLane) lane = tp_lane_new ("l1", "Touchpoints", TP_LANE_KIND_TOUCHPOINTS);
  g_autoptr(TpLane) thoughts = tp_lane_new ("l2", "Thoughts", TP_LANE_KIND_THOUGHTS_FEELINGS);

  g_object_set (journey, "title", state == TP_JOURNEY_STATE_AS_IS ? "Visit" : "Visit (to-be)",
                "state", state, NULL);
  for (guint s = 1; s <= 3; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s);
      g_autofree char *name = g_strdup_printf ("Stage %u", s);
      g_autoptr(TpStage) stage = tp_stage_new (id, name);

      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
    }
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (lane), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (thoughts), G_MAXUINT, NULL));
  return journey;
}

static void
add_card (TpJourney  *journey,
          const char *id,
          const char *stage_id,
          int         score,
          gboolean    moment)
{
  g_autofree char *title = g_strdup_printf ("Title of %s", id);
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, title, stage_id, "l1", TP_CHANNEL_SHOP);
  g_autoptr(GError) error = NULL;

  g_object_set (tp, "score", score, "moment-of-truth", moment, "department", "Desk", NULL);
  tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, &error);
  g_assert_no_error (error);
}

static void
add_thought (TpJourney  *journey,
             const char *id,
             const char *stage_id,
             int         score)
{
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, "A thought", stage_id, "l2", TP_CHANNEL_OTHER);

  g_object_set (tp, "score", score, "kind", TP_CARD_KIND_THOUGHT, NULL);
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, NULL));
}

static void
add_blocker (TpJourney  *journey,
             const char *id,
             const char *touchpoint_id,
             const char *text)
{
  g_autoptr(TpEmployeeNote) note = tp_employee_note_new (id, TP_NOTE_KIND_BLOCKER, text);

  g_object_set (note, "touchpoint-id", touchpoint_id, "department", "Desk", NULL);
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, NULL));
}

/* As-is: t1 7, t2 5, t3 (moment) 6, t4 8, a thought 4; blockers e1 on t3
 * and e2 on t1. To-be: t1 7, t2 8 (+3), t3 (moment) 9, t4 gone, t5 new
 * (7), the thought 6; e1 gone, e2 reworded, e3 new. */
static void
make_pair (TpJourney **before,
           TpJourney **after)
{
  TpJourney *a = journey_new (TP_JOURNEY_STATE_AS_IS);
  TpJourney *b = journey_new (TP_JOURNEY_STATE_TO_BE);

  add_card (a, "t1", "s1", 7, FALSE);
  add_card (a, "t2", "s1", 5, FALSE);
  add_thought (a, "t9", "s2", 4);
  add_card (a, "t3", "s2", 6, TRUE);
  add_card (a, "t4", "s3", 8, FALSE);
  add_blocker (a, "e1", "t3", "Fixed three-minute slots");
  add_blocker (a, "e2", "t1", "Old text");

  add_card (b, "t1", "s1", 7, FALSE);
  add_card (b, "t2", "s1", 8, FALSE);
  add_thought (b, "t9", "s2", 6);
  add_card (b, "t3", "s2", 9, TRUE);
  add_card (b, "t5", "s3", 7, FALSE);
  add_blocker (b, "e2", "t1", "New text");
  add_blocker (b, "e3", "t5", "A new rule");

  *before = a;
  *after = b;
}

static TpCompareCard *
find_card (TpComparison *c,
           const char   *id)
{
  for (guint i = 0; i < c->cards->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (c->cards, i);

      if (g_str_equal (card->id, id))
        return card;
    }
  g_assert_not_reached ();
}

static void
test_cards (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;
  g_autoptr(TpComparison) c = NULL;
  TpCompareCard *card;
  const char *order[] = { "t1", "t2", "t9", "t3", "t4", "t5" };

  make_pair (&a, &b);
  c = tp_comparison_new (a, b);

  /* The to-be's order; the removed t4 right after t3, which it followed. */
  g_assert_cmpuint (c->cards->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpstr (((TpCompareCard *) g_ptr_array_index (c->cards, i))->id, ==, order[i]);

  card = find_card (c, "t2");
  g_assert_cmpint (card->status, ==, TP_COMPARE_MATCHED);
  g_assert_cmpint (card->before, ==, 5);
  g_assert_cmpint (card->after, ==, 8);
  g_assert_true (tp_compare_card_has_delta (card));
  g_assert_cmpint (tp_compare_card_get_delta (card), ==, 3);

  card = find_card (c, "t1");
  g_assert_true (tp_compare_card_has_delta (card));
  g_assert_cmpint (tp_compare_card_get_delta (card), ==, 0);

  card = find_card (c, "t4");
  g_assert_cmpint (card->status, ==, TP_COMPARE_REMOVED);
  g_assert_cmpint (card->before, ==, 8);
  g_assert_cmpint (card->after, ==, TP_SCORE_UNSET);
  g_assert_false (tp_compare_card_has_delta (card));
  g_assert_cmpstr (card->stage_id, ==, "s3");

  card = find_card (c, "t5");
  g_assert_cmpint (card->status, ==, TP_COMPARE_ADDED);
  g_assert_cmpint (card->after, ==, 7);
  g_assert_false (tp_compare_card_has_delta (card));

  /* A thought draws on the curves but has no per-touchpoint change. */
  card = find_card (c, "t9");
  g_assert_cmpint (card->kind, ==, TP_CARD_KIND_THOUGHT);
  g_assert_cmpint (card->before, ==, 4);
  g_assert_cmpint (card->after, ==, 6);
  g_assert_false (tp_compare_card_has_delta (card));

  /* Curve averages: every scored card. */
  g_assert_cmpuint (c->stats_before.n_scored, ==, 5);
  g_assert_cmpfloat_with_epsilon (c->stats_before.average, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (c->stats_after.average, 7.4, 1e-9);
  g_assert_cmpstr (c->title_before, ==, "Visit");
  g_assert_cmpstr (c->title_after, ==, "Visit (to-be)");
}

static void
test_moments (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;
  g_autoptr(TpComparison) c = NULL;

  make_pair (&a, &b);
  c = tp_comparison_new (a, b);
  g_assert_cmpuint (c->moments_reached->len, ==, 1);
  g_assert_cmpstr (((TpCompareCard *) g_ptr_array_index (c->moments_reached, 0))->id, ==, "t3");
  g_assert_cmpuint (c->moments_fallen->len, ==, 0);
  g_assert_cmpuint (c->moments_on_target_before, ==, 0);
  g_assert_cmpuint (c->moments_on_target_after, ==, 1);
  g_assert_cmpuint (c->moments_after, ==, 1);
  g_clear_pointer (&c, tp_comparison_free);

  /* The other way round it falls below. */
  c = tp_comparison_new (b, a);
  g_assert_cmpuint (c->moments_reached->len, ==, 0);
  g_assert_cmpuint (c->moments_fallen->len, ==, 1);
  g_clear_pointer (&c, tp_comparison_free);

  /* A target raised to 10 in the to-be: 9 no longer reaches it. */
  g_object_set (b, "moment-target", 10, NULL);
  c = tp_comparison_new (a, b);
  g_assert_cmpuint (c->moments_reached->len, ==, 0);
}

static void
test_blockers (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;
  g_autoptr(TpComparison) c = NULL;
  TpCompareNote *note;

  make_pair (&a, &b);
  c = tp_comparison_new (a, b);
  g_assert_cmpuint (c->blockers_removed->len, ==, 1);
  note = g_ptr_array_index (c->blockers_removed, 0);
  g_assert_cmpstr (note->id, ==, "e1");
  g_assert_cmpstr (note->text, ==, "Fixed three-minute slots");
  g_assert_cmpstr (note->place, ==, "Title of t3");

  g_assert_cmpuint (c->blockers_added->len, ==, 1);
  note = g_ptr_array_index (c->blockers_added, 0);
  g_assert_cmpstr (note->id, ==, "e3");
  g_assert_cmpstr (note->place, ==, "Title of t5");

  g_assert_cmpuint (c->blockers_changed->len, ==, 1);
  note = g_ptr_array_index (c->blockers_changed, 0);
  g_assert_cmpstr (note->id, ==, "e2");
  g_assert_cmpstr (note->text, ==, "New text");
  g_assert_cmpstr (note->old_text, ==, "Old text");

  /* An enabler is no blocker: one that became an enabler was removed. */
  g_clear_pointer (&c, tp_comparison_free);
  g_object_set (tp_journey_lookup (b, "e2"), "kind", TP_NOTE_KIND_ENABLER, NULL);
  c = tp_comparison_new (a, b);
  g_assert_cmpuint (c->blockers_removed->len, ==, 2);
  g_assert_cmpuint (c->blockers_changed->len, ==, 0);
}

static gboolean
has_finding (GPtrArray     *findings,
             TpFindingKind  kind,
             const char    *id)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      if (tp_finding_get_kind (finding) == kind && g_strv_contains (tp_finding_get_ids (finding), id))
        return TRUE;
    }
  return FALSE;
}

static void
test_findings (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;
  g_autoptr(TpComparison) c = NULL;

  make_pair (&a, &b);
  c = tp_comparison_new (a, b);
  /* t3 was a moment of truth below target (and blocked): gone. */
  g_assert_true (has_finding (c->findings_gone, TP_FINDING_MOMENT_BELOW_TARGET, "t3"));
  g_assert_true (has_finding (c->findings_gone, TP_FINDING_BLOCKED_MOMENT, "t3"));
  g_assert_true (has_finding (c->findings_gone, TP_FINDING_BELOW_GOOD_ENOUGH, "t2"));
  g_assert_false (has_finding (c->findings_new, TP_FINDING_MOMENT_BELOW_TARGET, "t3"));
  g_assert_cmpuint (c->n_findings_before, >, c->n_findings_after - c->findings_new->len);

  /* The same finding with another message is no change: t2 still below
   * good enough at 6 instead of 5. */
  g_clear_pointer (&c, tp_comparison_free);
  g_object_set (tp_journey_lookup_touchpoint (b, "t2"), "score", 6, NULL);
  c = tp_comparison_new (a, b);
  g_assert_false (has_finding (c->findings_gone, TP_FINDING_BELOW_GOOD_ENOUGH, "t2"));
  g_assert_false (has_finding (c->findings_new, TP_FINDING_BELOW_GOOD_ENOUGH, "t2"));

  /* A journey against itself: nothing changes. */
  g_clear_pointer (&c, tp_comparison_free);
  c = tp_comparison_new (a, a);
  g_assert_cmpuint (c->findings_gone->len + c->findings_new->len, ==, 0);
  g_assert_cmpuint (c->blockers_removed->len + c->blockers_added->len + c->blockers_changed->len, ==, 0);
  g_assert_cmpuint (c->moments_reached->len + c->moments_fallen->len, ==, 0);
}

static void
test_stages (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;
  g_autoptr(TpComparison) c = NULL;
  g_autoptr(TpStage) extra = tp_stage_new ("s9", "Only before");
  TpCompareStage *stage;

  make_pair (&a, &b);
  g_assert_true (tp_journey_insert (a, TP_ELEMENT (extra), 1, NULL));
  c = tp_comparison_new (a, b);
  g_assert_cmpuint (c->stages->len, ==, 4);
  stage = g_ptr_array_index (c->stages, 0);
  g_assert_cmpstr (stage->id, ==, "s1");
  g_assert_cmpfloat_with_epsilon (stage->before, 6.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stage->after, 7.5, 1e-9);
  /* After the stage it followed. */
  stage = g_ptr_array_index (c->stages, 1);
  g_assert_cmpstr (stage->id, ==, "s9");
  g_assert_cmpint (stage->status, ==, TP_COMPARE_REMOVED);
  g_assert_true (isnan (stage->before));
  g_assert_true (isnan (stage->after));
  stage = g_ptr_array_index (c->stages, 3);
  g_assert_cmpfloat_with_epsilon (stage->before, 8.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stage->after, 7.0, 1e-9);
}

static void
test_which_is_before (void)
{
  g_autoptr(TpJourney) a = NULL;
  g_autoptr(TpJourney) b = NULL;

  make_pair (&a, &b);
  g_assert_false (tp_compare_other_is_before (a, b));
  g_assert_true (tp_compare_other_is_before (b, a));
  /* Two of the same state: as given. */
  g_assert_false (tp_compare_other_is_before (a, a));
  g_assert_false (tp_compare_other_is_before (b, b));
}

/* The bundled pair: the hospital's as-is and the to-be in tests/data. */
static void
test_hospital (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *to_be_path = g_test_build_filename (G_TEST_DIST, "data", "hospital-to-be.journey", NULL);
  g_autoptr(TpJourney) a = tp_test_load_journey (sample);
  g_autoptr(TpJourney) b = tp_test_load_journey (to_be_path);
  g_autoptr(TpComparison) c = tp_comparison_new (a, b);
  TpCompareCard *card = find_card (c, "t19");

  g_assert_cmpint (card->before, ==, 3);
  g_assert_cmpint (card->after, ==, 8);
  g_assert_cmpint (tp_compare_card_get_delta (card), ==, 5);
  g_assert_cmpuint (c->blockers_removed->len, ==, 1);
  g_assert_cmpstr (((TpCompareNote *) g_ptr_array_index (c->blockers_removed, 0))->id, ==, "e1");
  g_assert_true (has_finding (c->findings_gone, TP_FINDING_LOWEST_POINT, "t19"));
  /* Still blocked, by fewer blockers: the same finding. */
  g_assert_false (has_finding (c->findings_gone, TP_FINDING_BLOCKED_MOMENT, "t19"));
  g_assert_false (has_finding (c->findings_new, TP_FINDING_BLOCKED_MOMENT, "t19"));
  g_assert_true (has_finding (c->findings_gone, TP_FINDING_MOMENT_BELOW_TARGET, "t22"));
  g_assert_cmpuint (c->moments_reached->len, ==, 1);
  g_assert_cmpstr (((TpCompareCard *) g_ptr_array_index (c->moments_reached, 0))->id, ==, "t22");
  g_assert_cmpint (find_card (c, "t23")->status, ==, TP_COMPARE_REMOVED);
  g_assert_cmpint (find_card (c, "t26")->status, ==, TP_COMPARE_ADDED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/cards", test_cards);
  g_test_add_func ("/compare/moments", test_moments);
  g_test_add_func ("/compare/blockers", test_blockers);
  g_test_add_func ("/compare/findings", test_findings);
  g_test_add_func ("/compare/stages", test_stages);
  g_test_add_func ("/compare/which-is-before", test_which_is_before);
  g_test_add_func ("/compare/hospital", test_hospital);
  return g_test_run ();
}
