/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-document.h"
#include "tp-test-util.h"

/* Hundreds of random edits on the sample: undoing them all gives the
 * original bytes, redoing them all gives the final bytes. */

static gpointer
pick (GRand      *rand,
      GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    return NULL;
  return g_list_model_get_item (list, g_rand_int_range (rand, 0, n));
}

#define N_OPERATIONS 24

/* How often each operation ran with something to edit: every one must. */
static guint done[N_OPERATIONS];

static const char *
random_date (GRand *rand)
{
  static const char *dates[] = { "", "2027-03-31", "2028-02-29", "2026-12-01" };

  return dates[g_rand_int_range (rand, 0, G_N_ELEMENTS (dates))];
}

static void
random_edit (TpDocument *document,
             GRand      *rand,
             guint       step)
{
  TpJourney *journey = tp_document_get_journey (document);
  g_autoptr(TpTouchpoint) tp = pick (rand, tp_journey_get_touchpoints (journey));
  g_autoptr(TpStage) stage = pick (rand, tp_journey_get_stages (journey));
  g_autoptr(TpLane) lane = pick (rand, tp_journey_get_lanes (journey));
  g_autofree char *text = g_strdup_printf ("Edit %u <&>\nline", step);
  g_autoptr(TpEmployeeNote) some_note = pick (rand, tp_journey_get_employee_notes (journey));
  g_autoptr(TpOpportunity) opportunity = pick (rand, tp_journey_get_opportunities (journey));
  int operation = g_rand_int_range (rand, 0, N_OPERATIONS);
  gboolean has_target = TRUE;

  switch (operation)
    {
    case 0:
      if (tp)
        tp_document_set_string (document, tp, "title", text, NULL);
      break;
    case 1:
      if (tp)
        tp_document_set_int (document, tp, "score", g_rand_int_range (rand, 0, 11), NULL);
      break;
    case 2:
      if (tp)
        tp_document_set_boolean (document, tp, "moment-of-truth", g_rand_boolean (rand), NULL);
      break;
    case 3:
      if (stage && lane)
        {
          g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_TOUCHPOINT);
          g_autoptr(TpTouchpoint) added = tp_touchpoint_new (id, text, tp_element_get_id (TP_ELEMENT (stage)),
                                                             tp_element_get_id (TP_ELEMENT (lane)),
                                                             g_rand_int_range (rand, 0, TP_N_CHANNELS));
          g_assert_true (tp_document_add (document, TP_ELEMENT (added), g_rand_int (rand), NULL));
        }
      break;
    case 4:
      if (tp && g_rand_int_range (rand, 0, 3) == 0)
        tp_document_delete (document, TP_ELEMENT (tp));
      break;
    case 5:
      if (tp && stage && lane)
        g_assert_true (tp_document_move_touchpoint (document, tp, tp_element_get_id (TP_ELEMENT (stage)),
                                                    tp_element_get_id (TP_ELEMENT (lane)),
                                                    g_rand_int_range (rand, 0, 4), NULL));
      break;
    case 6:
      if (stage)
        tp_document_reorder (document, TP_ELEMENT (stage), g_rand_int_range (rand, 0, 6));
      break;
    case 7:
      if (stage && g_rand_int_range (rand, 0, 8) == 0)
        tp_document_delete (document, TP_ELEMENT (stage));
      else
        {
          g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_STAGE);
          g_autoptr(TpStage) added = tp_stage_new (id, text);
          g_assert_true (tp_document_add (document, TP_ELEMENT (added), g_rand_int_range (rand, 0, 8), NULL));
        }
      break;
    case 8:
      if (tp)
        {
          g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_EMPLOYEE_NOTE);
          g_autoptr(TpEmployeeNote) note = tp_employee_note_new (id, g_rand_int_range (rand, 0, 2), text);
          g_object_set (note, "touchpoint-id", tp_element_get_id (TP_ELEMENT (tp)), NULL);
          g_assert_true (tp_document_add (document, TP_ELEMENT (note), G_MAXUINT, NULL));
        }
      break;
    case 9:
      {
        g_autoptr(TpEmployeeNote) note = pick (rand, tp_journey_get_employee_notes (journey));
        if (note && stage)
          g_assert_true (tp_document_attach_note (document, note, NULL, tp_element_get_id (TP_ELEMENT (stage)), NULL));
      }
      break;
    case 10:
      tp_document_set_int (document, journey, "good-enough", g_rand_int_range (rand, 1, 11), NULL);
      break;
    case 11:
      if (lane)
        tp_document_set_string (document, lane, "name", text, NULL);
      break;
    /* Format version 2: kinds, evidence, departments, workflow. */
    case 12:
      if ((has_target = tp != NULL))
        g_assert_true (tp_document_set_enum (document, tp, "kind", g_rand_int_range (rand, 0, 3), NULL));
      break;
    case 13:
      if ((has_target = tp != NULL))
        {
          g_assert_true (tp_document_set_enum (document, tp, "evidence", g_rand_int_range (rand, 0, 4), NULL));
          g_assert_true (tp_document_set_int (document, tp, "respondents", g_rand_int_range (rand, 0, 40), NULL));
        }
      break;
    case 14:
      if ((has_target = some_note != NULL))
        g_assert_true (tp_document_set_string (document, some_note, "caused-by",
                                               g_rand_boolean (rand) ? "" : "Planning", NULL));
      break;
    case 15:
      if ((has_target = some_note != NULL))
        g_assert_true (tp_document_set_int (document, some_note, "strength",
                                            g_rand_int_range (rand, 0, TP_STRENGTH_MAX + 1), NULL));
      break;
    case 16:
      if ((has_target = some_note != NULL))
        {
          g_assert_true (tp_document_set_enum (document, some_note, "evidence", g_rand_int_range (rand, 0, 4), NULL));
          g_assert_true (tp_document_set_int (document, some_note, "respondents", g_rand_int_range (rand, 0, 40), NULL));
        }
      break;
    case 17:
      if ((has_target = opportunity != NULL))
        g_assert_true (tp_document_set_enum (document, opportunity, "status", g_rand_int_range (rand, 0, 5), NULL));
      break;
    case 18:
      if ((has_target = opportunity != NULL))
        {
          g_assert_true (tp_document_set_int (document, opportunity, "impact",
                                              g_rand_int_range (rand, 0, TP_RATING_MAX + 1), NULL));
          g_assert_true (tp_document_set_int (document, opportunity, "effort",
                                              g_rand_int_range (rand, 0, TP_RATING_MAX + 1), NULL));
        }
      break;
    case 19:
      if ((has_target = opportunity != NULL))
        {
          /* A date that is no date is refused and changes nothing. */
          g_assert_false (tp_document_set_string (document, opportunity, "due", "2027-02-30", NULL));
          g_assert_true (tp_document_set_string (document, opportunity, "due", random_date (rand), NULL));
        }
      break;
    case 20:
      if ((has_target = opportunity != NULL))
        g_assert_true (tp_document_set_string (document, opportunity, "department", text, NULL));
      break;
    case 21:
      /* To a stage, a touchpoint or the whole journey. */
      if ((has_target = opportunity != NULL))
        {
          int target = g_rand_int_range (rand, 0, 3);

          g_assert_true (tp_document_attach_opportunity (document, opportunity,
                                                         target == 0 && tp ? tp_element_get_id (TP_ELEMENT (tp)) : NULL,
                                                         target == 1 && stage ? tp_element_get_id (TP_ELEMENT (stage)) : NULL,
                                                         NULL));
        }
      break;
    case 22:
      if ((has_target = stage != NULL))
        {
          g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_OPPORTUNITY);
          g_autoptr(TpOpportunity) added = tp_opportunity_new (id, text);

          g_object_set (added, "stage-id", tp_element_get_id (TP_ELEMENT (stage)), "impact", 3, NULL);
          g_assert_true (tp_document_add (document, TP_ELEMENT (added), G_MAXUINT, NULL));
        }
      break;
    case 23:
      if ((has_target = some_note != NULL))
        g_assert_true (tp_document_set_string (document, some_note, "department", text, NULL));
      break;
    default:
      g_assert_not_reached ();
    }
  if (has_target)
    done[operation]++;
}

static void
test_random_edits_undo_redo (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpDocument) document = tp_document_new (journey);
  TpHistory *history = tp_document_get_history (document);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree char *original = tp_test_write_to_string (journey);
  g_autofree char *final = NULL;
  guint steps = 0;

  for (guint i = 0; i < 1200; i++)
    {
      random_edit (document, rand, i);
      /* Break coalescing now and then so both merged and separate steps occur. */
      if (g_rand_int_range (rand, 0, 3) == 0)
        tp_history_break_coalescing (history);
      g_assert_true (tp_journey_validate (journey, NULL));
    }

  for (guint i = 0; i < N_OPERATIONS; i++)
    if (done[i] == 0)
      g_error ("Random edit %u never ran", i);

  final = tp_test_write_to_string (journey);
  g_assert_cmpstr (final, !=, original);
  g_assert_true (tp_document_get_modified (document));

  while (tp_document_undo (document))
    {
      steps++;
      g_assert_true (tp_journey_validate (journey, NULL));
    }
  g_assert_cmpuint (steps, >, 200);
  {
    g_autofree char *undone = tp_test_write_to_string (journey);
    g_assert_cmpstr (undone, ==, original);
  }
  g_assert_false (tp_document_get_modified (document));

  while (tp_document_redo (document))
    steps--;
  g_assert_cmpuint (steps, ==, 0);
  {
    g_autofree char *redone = tp_test_write_to_string (journey);
    g_assert_cmpstr (redone, ==, final);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/random-edits/undo-redo", test_random_edits_undo_redo);

  return g_test_run ();
}
