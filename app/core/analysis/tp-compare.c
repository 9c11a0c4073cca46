/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-compare.h"
#include "tp-department.h"

gboolean
tp_compare_card_has_delta (const TpCompareCard *card)
{
  g_return_val_if_fail (card != NULL, FALSE);

  return card->status == TP_COMPARE_MATCHED && card->kind == TP_CARD_KIND_TOUCHPOINT
         && card->before != TP_SCORE_UNSET && card->after != TP_SCORE_UNSET;
}

int
tp_compare_card_get_delta (const TpCompareCard *card)
{
  return tp_compare_card_has_delta (card) ? card->after - card->before : 0;
}

static void
card_free (TpCompareCard *card)
{
  g_free (card->id);
  g_free (card->title);
  g_free (card->stage_id);
  g_free (card);
}

static void
stage_free (TpCompareStage *stage)
{
  g_free (stage->id);
  g_free (stage->name);
  g_free (stage);
}

static void
note_free (TpCompareNote *note)
{
  g_free (note->id);
  g_free (note->text);
  g_free (note->old_text);
  g_free (note->place);
  g_free (note->department);
  g_free (note);
}

void
tp_comparison_free (TpComparison *comparison)
{
  if (comparison == NULL)
    return;
  g_free (comparison->title_before);
  g_free (comparison->title_after);
  g_ptr_array_unref (comparison->moments_reached);
  g_ptr_array_unref (comparison->moments_fallen);
  g_ptr_array_unref (comparison->cards);
  g_ptr_array_unref (comparison->stages);
  g_ptr_array_unref (comparison->blockers_removed);
  g_ptr_array_unref (comparison->blockers_added);
  g_ptr_array_unref (comparison->blockers_changed);
  g_ptr_array_unref (comparison->findings_gone);
  g_ptr_array_unref (comparison->findings_new);
  g_free (comparison);
}

gboolean
tp_compare_other_is_before (TpJourney *journey,
                            TpJourney *other)
{
  g_return_val_if_fail (TP_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (TP_IS_JOURNEY (other), FALSE);

  return tp_journey_get_state (journey) == TP_JOURNEY_STATE_TO_BE
         && tp_journey_get_state (other) == TP_JOURNEY_STATE_AS_IS;
}

/* ------------------------------------------------------------- ordering */

/* Ids in one order: @after's, each followed by the ids only in @before
 * that came after it there (those before any shared id first). Cards
 * and stages alike: a removed card stays where people last saw it. */
static GPtrArray *
merge_order (GPtrArray  *before_ids,
             GPtrArray  *after_ids)
{
  g_autoptr(GHashTable) in_after = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) followers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) leading = g_ptr_array_new ();
  GPtrArray *merged = g_ptr_array_new ();
  const char *anchor = NULL;

  for (guint i = 0; i < after_ids->len; i++)
    g_hash_table_add (in_after, g_ptr_array_index (after_ids, i));
  for (guint i = 0; i < before_ids->len; i++)
    {
      const char *id = g_ptr_array_index (before_ids, i);
      GPtrArray *list;

      if (g_hash_table_contains (in_after, id))
        {
          anchor = id;
          continue;
        }
      if (anchor == NULL)
        {
          g_ptr_array_add (leading, (gpointer) id);
          continue;
        }
      list = g_hash_table_lookup (followers, anchor);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (followers, (gpointer) anchor, list);
        }
      g_ptr_array_add (list, (gpointer) id);
    }

  g_ptr_array_extend (merged, leading, NULL, NULL);
  for (guint i = 0; i < after_ids->len; i++)
    {
      const char *id = g_ptr_array_index (after_ids, i);
      GPtrArray *list = g_hash_table_lookup (followers, id);

      g_ptr_array_add (merged, (gpointer) id);
      if (list != NULL)
        g_ptr_array_extend (merged, list, NULL, NULL);
    }
  return merged;
}

static GPtrArray *
element_ids (GPtrArray *elements)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < elements->len; i++)
    g_ptr_array_add (ids, (gpointer) tp_element_get_id (g_ptr_array_index (elements, i)));
  return ids;
}

static GPtrArray *
list_elements (GListModel *list)
{
  GPtrArray *elements = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (elements, g_list_model_get_item (list, i));
  return elements;
}

/* ---------------------------------------------------------------- cards */

static gboolean
on_target (TpTouchpoint *card,
           int           target)
{
  return card != NULL && tp_touchpoint_is_moment (card)
         && tp_touchpoint_get_score (card) != TP_SCORE_UNSET
         && tp_touchpoint_get_score (card) >= target;
}

static void
count_moments (TpJourney *journey,
               guint     *n_moments,
               guint     *n_on_target)
{
  GListModel *cards = tp_journey_get_touchpoints (journey);
  int target = tp_journey_get_moment_target (journey);

  *n_moments = *n_on_target = 0;
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TpTouchpoint) card = g_list_model_get_item (cards, i);

      if (tp_touchpoint_is_moment (card))
        (*n_moments)++;
      if (on_target (card, target))
        (*n_on_target)++;
    }
}

static void
compare_cards (TpComparison *self,
               TpJourney    *before,
               TpJourney    *after)
{
  g_autoptr(GPtrArray) before_cards = tp_journey_get_ordered_touchpoints (before);
  g_autoptr(GPtrArray) after_cards = tp_journey_get_ordered_touchpoints (after);
  g_autoptr(GPtrArray) before_ids = element_ids (before_cards);
  g_autoptr(GPtrArray) after_ids = element_ids (after_cards);
  g_autoptr(GPtrArray) order = merge_order (before_ids, after_ids);
  int target_before = tp_journey_get_moment_target (before);
  int target_after = tp_journey_get_moment_target (after);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      TpTouchpoint *was = tp_journey_lookup_touchpoint (before, id);
      TpTouchpoint *is = tp_journey_lookup_touchpoint (after, id);
      TpTouchpoint *shown = is != NULL ? is : was;
      TpCompareCard *card = g_new0 (TpCompareCard, 1);

      card->status = was == NULL ? TP_COMPARE_ADDED : is == NULL ? TP_COMPARE_REMOVED : TP_COMPARE_MATCHED;
      card->id = g_strdup (id);
      card->title = g_strdup (tp_touchpoint_get_title (shown));
      card->stage_id = g_strdup (tp_touchpoint_get_stage_id (shown));
      card->kind = tp_touchpoint_get_kind (shown);
      card->before = was != NULL ? tp_touchpoint_get_score (was) : TP_SCORE_UNSET;
      card->after = is != NULL ? tp_touchpoint_get_score (is) : TP_SCORE_UNSET;
      card->moment_before = was != NULL && tp_touchpoint_is_moment (was);
      card->moment_after = is != NULL && tp_touchpoint_is_moment (is);
      g_ptr_array_add (self->cards, card);

      if (on_target (is, target_after) && !on_target (was, target_before))
        g_ptr_array_add (self->moments_reached, card);
      else if (on_target (was, target_before) && is != NULL && tp_touchpoint_is_moment (is)
               && !on_target (is, target_after))
        g_ptr_array_add (self->moments_fallen, card);
    }
}

/* --------------------------------------------------------------- stages */

static double
stage_average (GArray     *stats,
               const char *id)
{
  for (guint i = 0; i < stats->len; i++)
    {
      TpStageStats *s = &g_array_index (stats, TpStageStats, i);

      if (g_str_equal (s->stage_id, id))
        return s->scores.average;
    }
  return NAN;
}

static void
compare_stages (TpComparison *self,
                TpJourney    *before,
                TpJourney    *after)
{
  g_autoptr(GPtrArray) before_stages = list_elements (tp_journey_get_stages (before));
  g_autoptr(GPtrArray) after_stages = list_elements (tp_journey_get_stages (after));
  g_autoptr(GPtrArray) before_ids = element_ids (before_stages);
  g_autoptr(GPtrArray) after_ids = element_ids (after_stages);
  g_autoptr(GPtrArray) order = merge_order (before_ids, after_ids);
  g_autoptr(GArray) before_stats = tp_journey_get_stage_stats (before);
  g_autoptr(GArray) after_stats = tp_journey_get_stage_stats (after);

  for (guint i = 0; i < order->len; i++)
    {
      const char *id = g_ptr_array_index (order, i);
      TpStage *was = tp_journey_lookup_stage (before, id);
      TpStage *is = tp_journey_lookup_stage (after, id);
      TpCompareStage *stage = g_new0 (TpCompareStage, 1);

      stage->status = was == NULL ? TP_COMPARE_ADDED : is == NULL ? TP_COMPARE_REMOVED : TP_COMPARE_MATCHED;
      stage->id = g_strdup (id);
      stage->name = g_strdup (tp_stage_get_name (is != NULL ? is : was));
      stage->before = was != NULL ? stage_average (before_stats, id) : NAN;
      stage->after = is != NULL ? stage_average (after_stats, id) : NAN;
      g_ptr_array_add (self->stages, stage);
    }
}

/* ------------------------------------------------------------- blockers */

static TpEmployeeNote *
lookup_blocker (TpJourney  *journey,
                const char *id)
{
  TpElement *element = tp_journey_lookup (journey, id);

  if (element == NULL || !TP_IS_EMPLOYEE_NOTE (element)
      || tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (element)) != TP_NOTE_KIND_BLOCKER)
    return NULL;
  return TP_EMPLOYEE_NOTE (element);
}

static TpCompareNote *
note_new (TpJourney      *journey,
          TpEmployeeNote *blocker)
{
  TpCompareNote *note = g_new0 (TpCompareNote, 1);
  const char *touchpoint_id = tp_employee_note_get_touchpoint_id (blocker);
  TpTouchpoint *card = *touchpoint_id != '\0' ? tp_journey_lookup_touchpoint (journey, touchpoint_id) : NULL;
  TpStage *stage = card == NULL ? tp_journey_lookup_stage (journey, tp_employee_note_get_stage_id (blocker))
                                : NULL;

  note->id = g_strdup (tp_element_get_id (TP_ELEMENT (blocker)));
  note->text = g_strdup (tp_employee_note_get_text (blocker));
  note->place = g_strdup (card != NULL ? tp_touchpoint_get_title (card)
                          : stage != NULL ? tp_stage_get_name (stage) : "");
  note->department = g_strdup (tp_employee_note_get_department (blocker));
  note->severity = tp_employee_note_get_severity (blocker);
  return note;
}

/* Blockers removed: walks @from; with @changed, also those kept with
 * another text. */
static void
diff_blockers (TpJourney *from,
               TpJourney *to,
               GPtrArray *missing,
               GPtrArray *changed)
{
  GListModel *notes = tp_journey_get_employee_notes (from);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      TpEmployeeNote *other;

      if (tp_employee_note_get_kind (note) != TP_NOTE_KIND_BLOCKER)
        continue;
      other = lookup_blocker (to, tp_element_get_id (TP_ELEMENT (note)));
      if (other == NULL)
        g_ptr_array_add (missing, note_new (from, note));
      else if (changed != NULL
               && !g_str_equal (tp_employee_note_get_text (note), tp_employee_note_get_text (other)))
        {
          TpCompareNote *entry = note_new (to, other);

          entry->old_text = g_strdup (tp_employee_note_get_text (note));
          g_ptr_array_add (changed, entry);
        }
    }
}

/* ------------------------------------------------------------- findings */

/* Kind and ids: the same finding about the same things, whatever its
 * message now says (a moment of truth still below target at 6 instead of
 * 3 is still that finding). A blocked moment is the moment's, however
 * many blockers it has left; a department not involved is the
 * department's, whichever touchpoints it owns. */
static char *
finding_key (TpFinding *finding)
{
  const char * const *ids = tp_finding_get_ids (finding);
  const char *department = tp_finding_get_department (finding);
  g_autofree char *joined = NULL;
  g_autofree char *department_key = NULL;

  if (tp_finding_get_kind (finding) == TP_FINDING_BLOCKED_MOMENT)
    joined = g_strdup (ids[0] != NULL ? ids[0] : "");
  else if (tp_finding_get_kind (finding) != TP_FINDING_DEPARTMENT_NOT_INVOLVED)
    joined = g_strjoinv ("\x1f", (char **) ids);
  if (tp_finding_get_kind (finding) != TP_FINDING_DEPARTMENT_NOT_INVOLVED)
    department = NULL;
  /* Departments compare as the analysis compares them. */
  department_key = department != NULL ? tp_department_key (department) : NULL;
  return g_strdup_printf ("%d\x1e%s\x1e%s", tp_finding_get_kind (finding), joined != NULL ? joined : "",
                          department_key != NULL ? department_key : "");
}

static void
diff_findings (GPtrArray *from,
               GPtrArray *to,
               GPtrArray *missing)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < to->len; i++)
    g_hash_table_add (keys, finding_key (g_ptr_array_index (to, i)));
  for (guint i = 0; i < from->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (from, i);
      g_autofree char *key = finding_key (finding);

      if (!g_hash_table_contains (keys, key))
        g_ptr_array_add (missing, tp_finding_ref (finding));
    }
}

/* ------------------------------------------------------------------ new */

TpComparison *
tp_comparison_new (TpJourney *before,
                   TpJourney *after)
{
  TpComparison *self;
  g_autoptr(GPtrArray) findings_before = NULL;
  g_autoptr(GPtrArray) findings_after = NULL;

  g_return_val_if_fail (TP_IS_JOURNEY (before), NULL);
  g_return_val_if_fail (TP_IS_JOURNEY (after), NULL);

  self = g_new0 (TpComparison, 1);
  self->title_before = g_strdup (tp_journey_get_title (before));
  self->title_after = g_strdup (tp_journey_get_title (after));
  self->target_before = tp_journey_get_moment_target (before);
  self->target_after = tp_journey_get_moment_target (after);
  self->good_enough = tp_journey_get_good_enough (after);
  tp_journey_get_score_stats (before, &self->stats_before);
  tp_journey_get_score_stats (after, &self->stats_after);
  count_moments (before, &self->moments_before, &self->moments_on_target_before);
  count_moments (after, &self->moments_after, &self->moments_on_target_after);

  self->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  self->moments_reached = g_ptr_array_new ();
  self->moments_fallen = g_ptr_array_new ();
  compare_cards (self, before, after);

  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) stage_free);
  compare_stages (self, before, after);

  self->blockers_removed = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->blockers_added = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  self->blockers_changed = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  diff_blockers (before, after, self->blockers_removed, self->blockers_changed);
  diff_blockers (after, before, self->blockers_added, NULL);

  findings_before = tp_analyze_journey (before);
  findings_after = tp_analyze_journey (after);
  self->n_findings_before = findings_before->len;
  self->n_findings_after = findings_after->len;
  self->findings_gone = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_finding_unref);
  self->findings_new = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_finding_unref);
  diff_findings (findings_before, findings_after, self->findings_gone);
  diff_findings (findings_after, findings_before, self->findings_new);
  return self;
}
