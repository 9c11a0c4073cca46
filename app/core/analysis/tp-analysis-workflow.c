/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-department.h"

/* What the analysis says beyond findings: the blockers related to a card,
 * where the map's content comes from, and the open opportunities per
 * department. */

/* Related blockers */

static gboolean
note_concerns_department (TpEmployeeNote *note,
                          const char     *key)
{
  g_autofree char *felt = tp_department_key (tp_employee_note_get_department (note));
  g_autofree char *caused = tp_department_key (tp_employee_note_get_causing_department (note));

  return g_strcmp0 (felt, key) == 0 || g_strcmp0 (caused, key) == 0;
}

GPtrArray *
tp_journey_get_related_blockers (TpJourney    *journey,
                                 TpTouchpoint *touchpoint)
{
  GListModel *notes;
  g_autofree char *key = NULL;
  const char *id;
  const char *stage_id;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TP_IS_JOURNEY (journey), result);
  g_return_val_if_fail (TP_IS_TOUCHPOINT (touchpoint), result);

  notes = tp_journey_get_employee_notes (journey);
  key = tp_department_key (tp_touchpoint_get_department (touchpoint));
  id = tp_element_get_id (TP_ELEMENT (touchpoint));
  stage_id = tp_touchpoint_get_stage_id (touchpoint);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);

      if (tp_employee_note_get_kind (note) != TP_NOTE_KIND_BLOCKER)
        continue;
      if (g_str_equal (tp_employee_note_get_touchpoint_id (note), id)
          || (key != NULL && g_str_equal (tp_employee_note_get_stage_id (note), stage_id)
              && note_concerns_department (note, key)))
        g_ptr_array_add (result, g_steal_pointer (&note));
    }
  return result;
}

/* Evidence */

static void
evidence_add (TpEvidenceStats *stats,
              TpEvidence       evidence,
              int              respondents)
{
  stats->n_cards++;
  switch (evidence)
    {
    case TP_EVIDENCE_OBSERVED:
      stats->n_observed++;
      stats->n_evidence++;
      break;
    case TP_EVIDENCE_REPORTED:
      stats->n_reported++;
      stats->n_evidence++;
      stats->respondents += MAX (respondents, 0);
      break;
    case TP_EVIDENCE_ASSUMED:
      stats->n_assumed++;
      break;
    case TP_EVIDENCE_NONE:
    default:
      break;
    }
}

void
tp_journey_get_evidence_stats (TpJourney       *journey,
                               TpEvidenceStats *out_stats)
{
  GListModel *cards;
  GListModel *notes;

  g_return_if_fail (TP_IS_JOURNEY (journey));
  g_return_if_fail (out_stats != NULL);

  *out_stats = (TpEvidenceStats) { 0 };
  cards = tp_journey_get_touchpoints (journey);
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (cards, i);

      evidence_add (out_stats, tp_touchpoint_get_evidence (tp), tp_touchpoint_get_respondents (tp));
    }
  notes = tp_journey_get_employee_notes (journey);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);

      evidence_add (out_stats, tp_employee_note_get_evidence (note),
                    tp_employee_note_get_respondents (note));
    }
}

/* Opportunities */

static gboolean
is_blank (const char *text)
{
  g_autofree char *name = tp_department_display_name (text);

  return name == NULL;
}

const char *
tp_journey_get_opportunity_department (TpJourney     *journey,
                                       TpOpportunity *opportunity)
{
  const char *department;
  const char *touchpoint_id;
  TpTouchpoint *tp;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (TP_IS_OPPORTUNITY (opportunity), NULL);

  department = tp_opportunity_get_department (opportunity);
  if (!is_blank (department))
    return department;
  touchpoint_id = tp_opportunity_get_touchpoint_id (opportunity);
  tp = *touchpoint_id != '\0' ? tp_journey_lookup_touchpoint (journey, touchpoint_id) : NULL;
  if (tp != NULL && !is_blank (tp_touchpoint_get_department (tp)))
    return tp_touchpoint_get_department (tp);
  return NULL;
}

typedef struct {
  TpOpportunity *opportunity;
  guint position; /* in the journey's list */
} Entry;

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb)
{
  const Entry *a = pa, *b = pb;
  int pr_a = tp_opportunity_get_priority (a->opportunity);
  int pr_b = tp_opportunity_get_priority (b->opportunity);
  const char *due_a = tp_opportunity_get_due (a->opportunity);
  const char *due_b = tp_opportunity_get_due (b->opportunity);

  /* The highest priority first; 0 (not set) sorts last by being lowest. */
  if (pr_a != pr_b)
    return pr_a > pr_b ? -1 : 1;
  /* YYYY-MM-DD sorts as text; no date after every date. */
  if ((*due_a == '\0') != (*due_b == '\0'))
    return *due_a == '\0' ? 1 : -1;
  if (strcmp (due_a, due_b) != 0)
    return strcmp (due_a, due_b);
  return (a->position > b->position) - (a->position < b->position);
}

typedef struct {
  char   *key;   /* "" for no department */
  char   *name;
  GArray *entries;
} Group;

static void
group_free (gpointer data)
{
  Group *group = data;

  g_free (group->key);
  g_free (group->name);
  g_array_unref (group->entries);
  g_free (group);
}

static int
compare_groups (gconstpointer pa,
                gconstpointer pb)
{
  const Group *a = *(Group **) pa, *b = *(Group **) pb;

  /* "No department" last. */
  if ((*a->key == '\0') != (*b->key == '\0'))
    return *a->key == '\0' ? 1 : -1;
  return g_utf8_collate (a->key, b->key);
}

static void
department_opportunities_free (gpointer data)
{
  TpDepartmentOpportunities *group = data;

  g_free (group->department);
  g_ptr_array_unref (group->opportunities);
  g_free (group);
}

GPtrArray *
tp_journey_get_open_opportunities (TpJourney *journey)
{
  GListModel *opportunities;
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (group_free);
  GPtrArray *result = g_ptr_array_new_with_free_func (department_opportunities_free);

  g_return_val_if_fail (TP_IS_JOURNEY (journey), result);

  opportunities = tp_journey_get_opportunities (journey);
  for (guint i = 0; i < g_list_model_get_n_items (opportunities); i++)
    {
      g_autoptr(TpOpportunity) opportunity = g_list_model_get_item (opportunities, i);
      const char *department;
      g_autofree char *key = NULL;
      Group *group;
      Entry entry;

      if (!tp_opportunity_is_open (opportunity))
        continue;
      department = tp_journey_get_opportunity_department (journey, opportunity);
      key = tp_department_key (department);
      if (key == NULL)
        key = g_strdup ("");
      group = g_hash_table_lookup (by_key, key);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->key = g_steal_pointer (&key);
          group->name = tp_department_display_name (department);
          group->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
          g_hash_table_insert (by_key, group->key, group);
          g_ptr_array_add (groups, group);
        }
      /* The journey's list holds a reference for as long as we read it. */
      entry.opportunity = opportunity;
      entry.position = i;
      g_array_append_val (group->entries, entry);
    }

  g_ptr_array_sort (groups, compare_groups);
  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = g_ptr_array_index (groups, g);
      TpDepartmentOpportunities *out = g_new0 (TpDepartmentOpportunities, 1);

      g_array_sort (group->entries, compare_entries);
      out->department = g_steal_pointer (&group->name);
      out->opportunities = g_ptr_array_new_full (group->entries->len, g_object_unref);
      for (guint i = 0; i < group->entries->len; i++)
        g_ptr_array_add (out->opportunities,
                         g_object_ref (g_array_index (group->entries, Entry, i).opportunity));
      g_ptr_array_add (result, out);
    }
  return result;
}

char *
tp_journey_describe_opportunity_place (TpJourney     *journey,
                                       TpOpportunity *opportunity)
{
  const char *touchpoint_id;
  const char *stage_id;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (TP_IS_OPPORTUNITY (opportunity), NULL);

  touchpoint_id = tp_opportunity_get_touchpoint_id (opportunity);
  stage_id = tp_opportunity_get_stage_id (opportunity);
  if (*touchpoint_id != '\0')
    {
      TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, touchpoint_id);

      if (tp != NULL)
        return g_strdup (tp_touchpoint_get_title (tp));
    }
  if (*stage_id != '\0')
    {
      TpStage *stage = tp_journey_lookup_stage (journey, stage_id);

      if (stage != NULL)
        /* Translators: where an opportunity is attached: a whole stage */
        return g_strdup_printf (_("Stage “%s”"), tp_stage_get_name (stage));
    }
  /* Translators: where an opportunity is attached: neither a touchpoint
   * nor a stage */
  return g_strdup (_("Whole journey"));
}
