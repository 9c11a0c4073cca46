/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-department.h"
#include "tp-journey-format.h"
#include "tp-journey.h"
#include "tp-test-util.h"

static TpJourney *
small_journey (void)
{
  TpJourney *journey = tp_journey_new ();
  g_autoptr(TpStage) s1 = tp_stage_new ("s1", "Orient");
  g_autoptr(TpStage) s2 = tp_stage_new ("s2", "Buy");
  g_autoptr(TpLane) l1 = tp_lane_new ("l1", "Touchpoints", TP_LANE_KIND_TOUCHPOINTS);
  g_autoptr(TpTouchpoint) t1 = tp_touchpoint_new ("t1", "Website", "s1", "l1", TP_CHANNEL_WEBSITE);
  g_autoptr(TpTouchpoint) t2 = tp_touchpoint_new ("t2", "Desk", "s2", "l1", TP_CHANNEL_SHOP);
  g_autoptr(TpTouchpoint) t3 = tp_touchpoint_new ("t3", "Letter", "s1", "l1", TP_CHANNEL_LETTER);

  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (s1), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (s2), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (l1), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (t1), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (t2), G_MAXUINT, NULL));
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (t3), G_MAXUINT, NULL));
  return journey;
}

static void
test_ids_unique (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  g_autoptr(TpStage) clash = tp_stage_new ("t1", "Same id as a touchpoint");
  g_autoptr(TpStage) no_id = tp_stage_new (NULL, "No id");
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = tp_journey_make_id (journey, TP_TYPE_TOUCHPOINT);

  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (clash), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DUPLICATE_ID);
  g_clear_error (&error);
  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (no_id), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID);

  g_assert_null (tp_journey_lookup (journey, fresh));
  g_assert_true (g_str_has_prefix (fresh, "t"));
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_stages (journey)), ==, 2);
}

static void
test_references_resolve (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  g_autoptr(TpTouchpoint) orphan = tp_touchpoint_new ("t9", "x", "s9", "l1", TP_CHANNEL_APP);
  g_autoptr(TpTouchpoint) wrong_type = tp_touchpoint_new ("t8", "x", "l1", "l1", TP_CHANNEL_APP);
  g_autoptr(TpEmployeeNote) both = tp_employee_note_new ("e1", TP_NOTE_KIND_BLOCKER, "x");
  g_autoptr(TpEmployeeNote) neither = tp_employee_note_new ("e2", TP_NOTE_KIND_ENABLER, "x");
  g_autoptr(TpOpportunity) dangling = tp_opportunity_new ("o1", "x");
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (orphan), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  /* A lane id where a stage id belongs does not resolve. */
  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (wrong_type), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE);
  g_clear_error (&error);

  g_object_set (both, "touchpoint-id", "t1", "stage-id", "s1", NULL);
  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (both), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (neither), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (dangling, "touchpoint-id", "t77", NULL);
  g_assert_false (tp_journey_insert (journey, TP_ELEMENT (dangling), G_MAXUINT, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE);

  g_assert_true (tp_journey_validate (journey, NULL));
}

static void
test_remove_in_use_refused (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  g_autoptr(GPtrArray) referrers = NULL;
  g_autoptr(GError) error = NULL;
  TpElement *stage = tp_journey_lookup (journey, "s1");

  referrers = tp_journey_get_referrers (journey, stage);
  g_assert_cmpuint (referrers->len, ==, 2);

  g_assert_false (tp_journey_remove (journey, stage, &error));
  g_assert_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_IN_USE);
  g_assert_nonnull (tp_journey_lookup (journey, "s1"));

  g_assert_true (tp_journey_remove (journey, tp_journey_lookup (journey, "t2"), NULL));
  g_assert_true (tp_journey_remove (journey, tp_journey_lookup (journey, "s2"), NULL));
  g_assert_null (tp_journey_lookup (journey, "s2"));
}

static void
test_check_change (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t1");
  g_auto(GValue) score = G_VALUE_INIT;
  g_auto(GValue) stage = G_VALUE_INIT;

  g_value_init (&score, G_TYPE_INT);
  g_value_set_int (&score, 11);
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (tp), "score", &score, NULL));
  g_value_set_int (&score, 10);
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (tp), "score", &score, NULL));
  g_value_set_int (&score, 0);
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (tp), "score", &score, NULL));
  g_value_set_int (&score, 0);
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (journey), "good-enough", &score, NULL));

  g_value_init (&stage, G_TYPE_STRING);
  g_value_set_string (&stage, "s2");
  g_assert_true (tp_journey_check_change (journey, G_OBJECT (tp), "stage-id", &stage, NULL));
  g_value_set_string (&stage, "s42");
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (tp), "stage-id", &stage, NULL));
  g_value_set_string (&stage, "");
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (tp), "stage-id", &stage, NULL));
  g_assert_false (tp_journey_check_change (journey, G_OBJECT (tp), "no-such-property", &stage, NULL));
}

static void
test_cell_order_and_move (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  g_autoptr(GPtrArray) cell = tp_journey_get_cell_touchpoints (journey, "s1", "l1");
  g_autoptr(GPtrArray) after = NULL;

  g_assert_cmpuint (cell->len, ==, 2);
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (cell, 0)), ==, "t1");
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (cell, 1)), ==, "t3");

  tp_journey_move (journey, tp_journey_lookup (journey, "t3"), 0);
  after = tp_journey_get_cell_touchpoints (journey, "s1", "l1");
  g_assert_cmpstr (tp_element_get_id (g_ptr_array_index (after, 0)), ==, "t3");
}

static void
on_changed (guint *count)
{
  (*count)++;
}

static void
test_change_signals (void)
{
  g_autoptr(TpJourney) journey = small_journey ();
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t1");
  guint changed = 0;
  guint score_changed = 0;

  g_signal_connect_swapped (journey, "changed", G_CALLBACK (on_changed), &changed);
  g_signal_connect_swapped (journey, "element-changed::score", G_CALLBACK (on_changed), &score_changed);

  g_object_set (tp, "score", 5, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (score_changed, ==, 1);

  /* Setting the same value again is no change. */
  g_object_set (tp, "score", 5, NULL);
  g_assert_cmpuint (changed, ==, 1);

  g_object_set (tp, "title", "Other", NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (score_changed, ==, 1);

  g_object_set (journey, "title", "Renamed", NULL);
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_channels_online (void)
{
  g_assert_true (tp_channel_is_online (TP_CHANNEL_WEBSITE));
  g_assert_true (tp_channel_is_online (TP_CHANNEL_EMAIL));
  g_assert_false (tp_channel_is_online (TP_CHANNEL_SHOP));
  g_assert_false (tp_channel_is_online (TP_CHANNEL_WORD_OF_MOUTH));

  for (int c = 0; c < TP_N_CHANNELS; c++)
    {
      int back;
      g_assert_true (tp_enum_from_nick (TP_TYPE_CHANNEL, tp_enum_to_nick (TP_TYPE_CHANNEL, c), &back));
      g_assert_cmpint (back, ==, c);
      g_assert_cmpstr (tp_channel_get_display_name (c), !=, "");
    }
  g_assert_false (tp_enum_from_nick (TP_TYPE_CHANNEL, "telepathy", &(int) { 0 }));
}

static void
test_elements_finalized (void)
{
  TpJourney *journey = small_journey ();
  TpElement *tp = tp_journey_lookup (journey, "t1");

  g_object_add_weak_pointer (G_OBJECT (tp), (gpointer *) &tp);
  g_object_unref (journey);
  g_assert_null (tp);
}

/* Case and surrounding white space do not matter; blank is no department. */
static void
test_department_key (void)
{
  g_autofree char *a = tp_department_key ("  Planning ");
  g_autofree char *b = tp_department_key ("PLANNING");
  g_autofree char *name = tp_department_display_name ("\t Planning  ");

  g_assert_cmpstr (a, ==, b);
  g_assert_null (tp_department_key (NULL));
  g_assert_null (tp_department_key ("   "));
  g_assert_null (tp_department_key (""));
  g_assert_cmpstr (name, ==, "Planning");
  g_assert_null (tp_department_display_name (NULL));
  g_assert_null (tp_department_display_name (" \n "));
}

/* Every object of @journey, the journey and its elements, by address. */
static void
collect_objects (TpJourney  *journey,
                 GHashTable *objects)
{
  GType types[] = { TP_TYPE_STAGE, TP_TYPE_LANE, TP_TYPE_TOUCHPOINT, TP_TYPE_EMPLOYEE_NOTE, TP_TYPE_OPPORTUNITY };

  g_hash_table_add (objects, journey);
  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *list = tp_journey_get_list_for_type (journey, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) element = g_list_model_get_item (list, i);

          g_hash_table_add (objects, element);
        }
    }
}

static void
assert_snapshot_same (TpJourney *journey)
{
  g_autoptr(TpJourney) snapshot = tp_journey_snapshot (journey);
  g_autoptr(GBytes) original = tp_journey_format_write (journey);
  g_autoptr(GBytes) copy = tp_journey_format_write (snapshot);
  g_autoptr(GHashTable) mine = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) theirs = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer object;

  g_assert_true (g_bytes_equal (original, copy));
  g_assert_true (tp_journey_validate (snapshot, NULL));

  collect_objects (journey, mine);
  collect_objects (snapshot, theirs);
  g_assert_cmpuint (g_hash_table_size (mine), ==, g_hash_table_size (theirs));
  g_hash_table_iter_init (&iter, theirs);
  while (g_hash_table_iter_next (&iter, &object, NULL))
    g_assert_false (g_hash_table_contains (mine, object));
}

static void
test_snapshot (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) sample = tp_test_load_journey (path);
  g_autoptr(TpJourney) generated = tp_test_generate_journey (6, 200, 7);
  g_autoptr(TpJourney) journey = small_journey ();
  g_autoptr(TpJourney) snapshot = NULL;

  /* Fields a fresh journey does not have. */
  g_object_set (journey, "title", "T", "author", "A", "description", "D", "persona-name", "P",
                "persona-segment", "S", "persona-description", "PD", "persona-goals", "G",
                "persona-frustrations", "F", "scope", TP_SCOPE_USER_JOURNEY,
                "state", TP_JOURNEY_STATE_TO_BE, "good-enough", 5, "moment-target", 8, NULL);
  assert_snapshot_same (sample);
  assert_snapshot_same (generated);
  assert_snapshot_same (journey);

  /* Changing the snapshot leaves the original alone. */
  snapshot = tp_journey_snapshot (journey);
  g_object_set (tp_journey_lookup (snapshot, "t1"), "title", "Changed", NULL);
  g_assert_cmpstr (tp_touchpoint_get_title (tp_journey_lookup_touchpoint (journey, "t1")), ==, "Website");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/ids-unique", test_ids_unique);
  g_test_add_func ("/model/references-resolve", test_references_resolve);
  g_test_add_func ("/model/remove-in-use-refused", test_remove_in_use_refused);
  g_test_add_func ("/model/check-change", test_check_change);
  g_test_add_func ("/model/cell-order-and-move", test_cell_order_and_move);
  g_test_add_func ("/model/change-signals", test_change_signals);
  g_test_add_func ("/model/channels-online", test_channels_online);
  g_test_add_func ("/model/elements-finalized", test_elements_finalized);
  g_test_add_func ("/model/department-key", test_department_key);
  g_test_add_func ("/model/snapshot", test_snapshot);

  return g_test_run ();
}
