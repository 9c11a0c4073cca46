/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-analysis.h"
#include "tp-department.h"

G_DEFINE_ENUM_TYPE (TpFindingKind, tp_finding_kind,
  G_DEFINE_ENUM_VALUE (TP_FINDING_MOMENT_BELOW_TARGET, "moment-below-target"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_BELOW_GOOD_ENOUGH, "below-good-enough"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_UNSCORED_TOUCHPOINT, "unscored-touchpoint"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_UNSCORED_MOMENT, "unscored-moment"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_LOWEST_POINT, "lowest-point"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_STEEPEST_DROP, "steepest-drop"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_BLOCKED_MOMENT, "blocked-moment"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_DEPARTMENT_NOT_INVOLVED, "department-not-involved"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_EMPLOYEE_CUSTOMER_GAP, "employee-customer-gap"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_STAGE_BELOW_GOOD_ENOUGH, "stage-below-good-enough"),
  G_DEFINE_ENUM_VALUE (TP_FINDING_OPEN_OPPORTUNITY, "open-opportunity"))

G_DEFINE_ENUM_TYPE (TpSeverity, tp_severity,
  G_DEFINE_ENUM_VALUE (TP_SEVERITY_INFO, "info"),
  G_DEFINE_ENUM_VALUE (TP_SEVERITY_WARNING, "warning"),
  G_DEFINE_ENUM_VALUE (TP_SEVERITY_CRITICAL, "critical"))

const char *
tp_severity_get_display_name (TpSeverity severity)
{
  switch (severity)
    {
    case TP_SEVERITY_INFO:
      return C_("finding severity", "info");
    case TP_SEVERITY_WARNING:
      return C_("finding severity", "warning");
    case TP_SEVERITY_CRITICAL:
      return C_("finding severity", "critical");
    default:
      g_return_val_if_reached ("");
    }
}

/* TpFinding */

struct _TpFinding
{
  TpFindingKind kind;
  TpSeverity severity;
  char *message;
  GStrv ids;
  char *department;
};

G_DEFINE_BOXED_TYPE (TpFinding, tp_finding, tp_finding_ref, tp_finding_unref)

TpFinding *
tp_finding_new (TpFindingKind       kind,
                TpSeverity          severity,
                const char         *message,
                const char * const *ids,
                const char         *department)
{
  TpFinding *self;

  g_return_val_if_fail (message != NULL, NULL);

  self = g_atomic_rc_box_new0 (TpFinding);
  self->kind = kind;
  self->severity = severity;
  self->message = g_strdup (message);
  self->ids = ids != NULL ? g_strdupv ((char **) ids) : g_new0 (char *, 1);
  self->department = g_strdup (department);
  return self;
}

TpFinding *
tp_finding_ref (TpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
tp_finding_clear (gpointer data)
{
  TpFinding *self = data;

  g_free (self->message);
  g_strfreev (self->ids);
  g_free (self->department);
}

void
tp_finding_unref (TpFinding *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, tp_finding_clear);
}

TpFindingKind
tp_finding_get_kind (const TpFinding *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kind;
}

TpSeverity
tp_finding_get_severity (const TpFinding *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->severity;
}

const char *
tp_finding_get_message (const TpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->message;
}

const char * const *
tp_finding_get_ids (const TpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->ids;
}

const char *
tp_finding_get_department (const TpFinding *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->department;
}

gboolean
tp_finding_concerns (const TpFinding *self,
                     const char      *id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return id != NULL && g_strv_contains ((const char * const *) self->ids, id);
}

void
tp_drop_clear (TpDrop *drop)
{
  g_clear_object (&drop->from);
  g_clear_object (&drop->to);
  drop->delta = 0;
}

/* Journey order */

typedef struct
{
  GPtrArray *touchpoints; /* TpTouchpoint, in journey order */
  GPtrArray *stages;      /* TpStage, in stage order */
  /* Touchpoints of stage s are touchpoints[starts[s] .. starts[s + 1]).
   * A last, nameless bucket holds touchpoints whose stage does not resolve,
   * which a valid journey never has. */
  guint *starts;
} Order;

static void
order_clear (Order *order)
{
  g_clear_pointer (&order->touchpoints, g_ptr_array_unref);
  g_clear_pointer (&order->stages, g_ptr_array_unref);
  g_clear_pointer (&order->starts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Order, order_clear)

static GPtrArray *
list_to_array (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  /* GListStore remembers the last position, so reading in order is linear. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* A stable bucket sort of the touchpoint list by stage: linear, where
 * sorting with a comparison would cost n log n lookups. */
static void
order_init (Order     *order,
            TpJourney *journey)
{
  g_autoptr(GPtrArray) list = list_to_array (tp_journey_get_touchpoints (journey));
  g_autoptr(GHashTable) stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *bucket = g_new (guint, list->len);
  g_autofree guint *next = NULL;
  guint n_stages;

  order->stages = list_to_array (tp_journey_get_stages (journey));
  n_stages = order->stages->len;
  order->starts = g_new0 (guint, n_stages + 2);

  for (guint s = 0; s < n_stages; s++)
    g_hash_table_insert (stage_index,
                         (gpointer) tp_element_get_id (g_ptr_array_index (order->stages, s)),
                         GUINT_TO_POINTER (s + 1));

  for (guint i = 0; i < list->len; i++)
    {
      const char *stage_id = tp_touchpoint_get_stage_id (g_ptr_array_index (list, i));
      guint s;

      /* Neighbours in the list mostly share a stage: skip the hashing. */
      if (i > 0 && g_str_equal (stage_id, tp_touchpoint_get_stage_id (g_ptr_array_index (list, i - 1))))
        {
          bucket[i] = bucket[i - 1];
        }
      else
        {
          s = GPOINTER_TO_UINT (g_hash_table_lookup (stage_index, stage_id));
          bucket[i] = s > 0 ? s - 1 : n_stages;
        }
      order->starts[bucket[i] + 1]++;
    }

  for (guint s = 0; s <= n_stages; s++)
    order->starts[s + 1] += order->starts[s];

  next = g_memdup2 (order->starts, (n_stages + 1) * sizeof (guint));
  order->touchpoints = g_ptr_array_new_full (list->len, g_object_unref);
  g_ptr_array_set_size (order->touchpoints, list->len);
  for (guint i = 0; i < list->len; i++)
    order->touchpoints->pdata[next[bucket[i]]++] = g_object_ref (g_ptr_array_index (list, i));
}

GPtrArray *
tp_journey_get_ordered_touchpoints (TpJourney *journey)
{
  g_auto(Order) order = { 0 };

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  order_init (&order, journey);
  return g_steal_pointer (&order.touchpoints);
}

/* Statistics */

static void
score_stats_init (TpScoreStats *stats)
{
  *stats = (TpScoreStats) { .average = NAN };
}

/* Adds one card; @sum carries the running total of the scores. Every
 * scored card is a point of the curve; only touchpoints proper count as
 * touchpoints. */
static void
score_stats_add (TpScoreStats *stats,
                 guint        *sum,
                 TpTouchpoint *card)
{
  int score = tp_touchpoint_get_score (card);

  stats->n_cards++;
  if (tp_touchpoint_is_contact (card))
    {
      stats->n_touchpoints++;
      if (score != TP_SCORE_UNSET)
        stats->n_touchpoints_scored++;
    }
  if (score == TP_SCORE_UNSET)
    return;

  if (stats->n_scored == 0 || score < stats->min)
    stats->min = score;
  if (stats->n_scored == 0 || score > stats->max)
    stats->max = score;
  stats->n_scored++;
  *sum += score;
}

static void
score_stats_finish (TpScoreStats *stats,
                    guint         sum)
{
  stats->average = stats->n_scored > 0 ? (double) sum / stats->n_scored : NAN;
}

void
tp_journey_get_score_stats (TpJourney    *journey,
                            TpScoreStats *out_stats)
{
  GListModel *touchpoints;
  guint n, sum = 0;

  g_return_if_fail (TP_IS_JOURNEY (journey));
  g_return_if_fail (out_stats != NULL);

  /* Order does not matter here. */
  touchpoints = tp_journey_get_touchpoints (journey);
  n = g_list_model_get_n_items (touchpoints);
  score_stats_init (out_stats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      score_stats_add (out_stats, &sum, tp);
    }
  score_stats_finish (out_stats, sum);
}

static void
stage_stats_clear (gpointer data)
{
  TpStageStats *stats = data;

  g_clear_pointer (&stats->stage_id, g_free);
}

/* Per stage; also the sums, for callers that compare averages exactly. */
static GArray *
stage_stats_from_order (const Order *order,
                        guint      **out_sums)
{
  guint n_stages = order->stages->len;
  GArray *result = g_array_sized_new (FALSE, TRUE, sizeof (TpStageStats), n_stages);
  guint *sums = g_new0 (guint, n_stages);

  g_array_set_clear_func (result, stage_stats_clear);
  g_array_set_size (result, n_stages);

  for (guint s = 0; s < n_stages; s++)
    {
      TpStageStats *stats = &g_array_index (result, TpStageStats, s);

      stats->stage_id = g_strdup (tp_element_get_id (g_ptr_array_index (order->stages, s)));
      score_stats_init (&stats->scores);
      for (guint i = order->starts[s]; i < order->starts[s + 1]; i++)
        score_stats_add (&stats->scores, &sums[s], g_ptr_array_index (order->touchpoints, i));
      score_stats_finish (&stats->scores, sums[s]);
    }

  if (out_sums != NULL)
    *out_sums = sums;
  else
    g_free (sums);
  return result;
}

GArray *
tp_journey_get_stage_stats (TpJourney *journey)
{
  g_auto(Order) order = { 0 };

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  order_init (&order, journey);
  return stage_stats_from_order (&order, NULL);
}

void
tp_journey_get_channel_mix (TpJourney    *journey,
                            TpChannelMix *out_mix)
{
  GListModel *touchpoints;
  guint n, online_sum = 0, offline_sum = 0;

  g_return_if_fail (TP_IS_JOURNEY (journey));
  g_return_if_fail (out_mix != NULL);

  touchpoints = tp_journey_get_touchpoints (journey);
  n = g_list_model_get_n_items (touchpoints);
  score_stats_init (&out_mix->online);
  score_stats_init (&out_mix->offline);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      /* An action's or a thought's channel means nothing. */
      if (!tp_touchpoint_is_contact (tp))
        continue;
      if (tp_touchpoint_is_online (tp))
        score_stats_add (&out_mix->online, &online_sum, tp);
      else
        score_stats_add (&out_mix->offline, &offline_sum, tp);
    }
  score_stats_finish (&out_mix->online, online_sum);
  score_stats_finish (&out_mix->offline, offline_sum);
}

/* Index of the lowest scored touchpoint in @touchpoints, or -1. */
static int
find_lowest (GPtrArray *touchpoints)
{
  int lowest = -1;
  int lowest_score = G_MAXINT;

  for (guint i = 0; i < touchpoints->len; i++)
    {
      int score = tp_touchpoint_get_score (g_ptr_array_index (touchpoints, i));

      /* Strictly lower, so a tie keeps the first. */
      if (score != TP_SCORE_UNSET && score < lowest_score)
        {
          lowest = i;
          lowest_score = score;
        }
    }
  return lowest;
}

/* Indices of the touchpoints around the steepest fall, and the fall. */
static gboolean
find_drop (GPtrArray *touchpoints,
           guint     *out_from,
           guint     *out_to,
           int       *out_delta)
{
  int previous = -1;
  int steepest = 0;

  for (guint i = 0; i < touchpoints->len; i++)
    {
      int score = tp_touchpoint_get_score (g_ptr_array_index (touchpoints, i));

      if (score == TP_SCORE_UNSET)
        continue;

      if (previous >= 0)
        {
          int delta = score - tp_touchpoint_get_score (g_ptr_array_index (touchpoints, previous));

          if (delta < steepest)
            {
              steepest = delta;
              *out_from = previous;
              *out_to = i;
            }
        }
      previous = i;
    }

  *out_delta = steepest;
  return steepest < 0;
}

TpTouchpoint *
tp_journey_lowest_point (TpJourney *journey)
{
  g_autoptr(GPtrArray) touchpoints = NULL;
  int lowest;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  touchpoints = tp_journey_get_ordered_touchpoints (journey);
  lowest = find_lowest (touchpoints);
  return lowest >= 0 ? g_object_ref (g_ptr_array_index (touchpoints, lowest)) : NULL;
}

gboolean
tp_journey_steepest_drop (TpJourney *journey,
                          TpDrop    *out_drop)
{
  g_autoptr(GPtrArray) touchpoints = NULL;
  guint from, to;
  int delta;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), FALSE);
  g_return_val_if_fail (out_drop != NULL, FALSE);

  *out_drop = (TpDrop) { 0 };
  touchpoints = tp_journey_get_ordered_touchpoints (journey);
  if (!find_drop (touchpoints, &from, &to, &delta))
    return FALSE;

  out_drop->from = g_object_ref (g_ptr_array_index (touchpoints, from));
  out_drop->to = g_object_ref (g_ptr_array_index (touchpoints, to));
  out_drop->delta = delta;
  return TRUE;
}

/* Findings */

typedef struct
{
  TpFinding *finding;
  guint64 position; /* stage index << 32 | (0 for the stage, or 1 + touchpoint index) */
  guint sequence;
} Pending;

typedef struct
{
  char *name;        /* as first written, trimmed */
  GPtrArray *ids;    /* touchpoints it owns, in journey order (borrowed) */
  guint64 position;  /* of its first touchpoint */
  gboolean involved; /* named in an employee note */
} Department;

static void
department_free (gpointer data)
{
  Department *department = data;

  g_free (department->name);
  g_ptr_array_unref (department->ids);
  g_free (department);
}

typedef struct
{
  int good_enough;
  int moment_target;
  Order order;
  guint *stage_of;         /* stage index of each ordered touchpoint */
  GHashTable *index_of;    /* touchpoint id → 1 + journey-order index, or NULL */
  GHashTable *stage_index; /* stage id → 1 + stage index */
  GHashTable *dept_keys;   /* department as written → comparison key, or "" */
  const char *last_department;
  const char *last_key;
  GHashTable *departments; /* comparison key → Department */
  GPtrArray *dept_list;    /* Department, in order of first touchpoint */
  GPtrArray *notes;        /* TpEmployeeNote, in list order */
  GHashTable *blockers;    /* touchpoint or stage id → GPtrArray of blockers */
  GArray *stage_stats;
  guint *stage_sums;
  GArray *pending;
} Analysis;

static void
analysis_clear (Analysis *a)
{
  for (guint i = 0; a->pending != NULL && i < a->pending->len; i++)
    g_clear_pointer (&g_array_index (a->pending, Pending, i).finding, tp_finding_unref);
  g_clear_pointer (&a->pending, g_array_unref);
  g_clear_pointer (&a->stage_stats, g_array_unref);
  g_clear_pointer (&a->stage_sums, g_free);
  g_clear_pointer (&a->blockers, g_hash_table_unref);
  g_clear_pointer (&a->notes, g_ptr_array_unref);
  g_clear_pointer (&a->dept_list, g_ptr_array_unref);
  g_clear_pointer (&a->departments, g_hash_table_unref);
  g_clear_pointer (&a->dept_keys, g_hash_table_unref);
  g_clear_pointer (&a->stage_index, g_hash_table_unref);
  g_clear_pointer (&a->index_of, g_hash_table_unref);
  g_clear_pointer (&a->stage_of, g_free);
  order_clear (&a->order);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Analysis, analysis_clear)

static guint64
touchpoint_position (Analysis *a,
                     guint     index)
{
  return ((guint64) a->stage_of[index] << 32) | (index + 1);
}

static guint64
stage_position (guint stage)
{
  return (guint64) stage << 32;
}

/* tp_department_key(), cached since a journey names few departments many
 * times; blank ones are cached as "", which no key equals. */
static const char *
department_key (Analysis   *a,
                const char *department)
{
  const char *key;

  if (department == NULL)
    return NULL;

  if (a->last_department != NULL
      && (department == a->last_department || g_str_equal (department, a->last_department)))
    return a->last_key;

  key = g_hash_table_lookup (a->dept_keys, department);
  if (key == NULL)
    {
      char *new_key = tp_department_key (department);

      key = new_key != NULL ? new_key : g_strdup ("");
      g_hash_table_insert (a->dept_keys, g_strdup (department), (gpointer) key);
    }
  /* The model's own string: valid while the analysis holds its element. */
  a->last_department = department;
  a->last_key = *key != '\0' ? key : NULL;
  return a->last_key;
}

static void
add_finding_ids (Analysis           *a,
                 TpFindingKind       kind,
                 TpSeverity          severity,
                 guint64             position,
                 const char         *department,
                 const char         *message,
                 const char * const *ids)
{
  Pending pending;

  pending.finding = tp_finding_new (kind, severity, message, ids, department);
  pending.position = position;
  pending.sequence = a->pending->len;
  g_array_append_val (a->pending, pending);
}

static void
add_finding (Analysis      *a,
             TpFindingKind  kind,
             TpSeverity     severity,
             guint64        position,
             const char    *department,
             const char    *message,
             const char    *first_id,
             ...) G_GNUC_NULL_TERMINATED;

/* Takes the ids as a NULL-terminated list from @first_id on. */
static void
add_finding (Analysis      *a,
             TpFindingKind  kind,
             TpSeverity     severity,
             guint64        position,
             const char    *department,
             const char    *message,
             const char    *first_id,
             ...)
{
  const char *ids[8];
  guint n = 0;
  va_list args;

  va_start (args, first_id);
  for (const char *id = first_id; id != NULL; id = va_arg (args, const char *))
    {
      g_assert (n < G_N_ELEMENTS (ids) - 1);
      ids[n++] = id;
    }
  va_end (args);
  ids[n] = NULL;

  add_finding_ids (a, kind, severity, position, department, message, ids);
}

/* A title or name for a message: a finding is one line, whatever the text
 * holds. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return line;
}

/* A department's name for display, on one line; NULL when blank. */
static char *
department_name (const char *text)
{
  g_autofree char *name = tp_department_display_name (text);

  return name != NULL ? one_line (name) : NULL;
}

static void
analysis_init (Analysis  *a,
               TpJourney *journey)
{
  a->good_enough = tp_journey_get_good_enough (journey);
  a->moment_target = tp_journey_get_moment_target (journey);
  order_init (&a->order, journey);

  a->stage_of = g_new (guint, MAX (a->order.touchpoints->len, 1));
  for (guint s = 0; s <= a->order.stages->len; s++)
    for (guint i = a->order.starts[s]; i < a->order.starts[s + 1]; i++)
      a->stage_of[i] = s;

  a->stage_index = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint s = 0; s < a->order.stages->len; s++)
    g_hash_table_insert (a->stage_index,
                         (gpointer) tp_element_get_id (g_ptr_array_index (a->order.stages, s)),
                         GUINT_TO_POINTER (s + 1));

  a->dept_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a->departments = g_hash_table_new (g_str_hash, g_str_equal);
  a->dept_list = g_ptr_array_new_with_free_func (department_free);
  a->notes = list_to_array (tp_journey_get_employee_notes (journey));
  a->blockers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  a->stage_stats = stage_stats_from_order (&a->order, &a->stage_sums);
  a->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
}

/* Moments of truth below target, touchpoints below good enough, unscored:
 * touchpoints proper only, since actions and thoughts are no contact
 * moments and need no score. */
static void
check_scores (Analysis *a)
{
  for (guint i = 0; i < a->order.touchpoints->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (a->order.touchpoints, i);
      const char *id = tp_element_get_id (TP_ELEMENT (tp));
      gboolean moment = tp_touchpoint_is_moment (tp);
      int score = tp_touchpoint_get_score (tp);
      guint64 position = touchpoint_position (a, i);
      g_autofree char *title = NULL;
      g_autofree char *message = NULL;

      if (!tp_touchpoint_is_contact (tp))
        continue;
      if (score != TP_SCORE_UNSET && score >= a->good_enough
          && (!moment || score >= a->moment_target))
        continue;

      title = one_line (tp_touchpoint_get_title (tp));
      if (score == TP_SCORE_UNSET)
        {
          if (moment)
            /* Translators: %s is a touchpoint's title */
            message = g_strdup_printf (_("Moment of truth “%s” has no score"), title);
          else
            /* Translators: %s is a touchpoint's title */
            message = g_strdup_printf (_("Touchpoint “%s” has no score"), title);
          add_finding (a, moment ? TP_FINDING_UNSCORED_MOMENT : TP_FINDING_UNSCORED_TOUCHPOINT,
                       TP_SEVERITY_INFO, position, NULL, message, id, NULL);
        }
      else if (moment && score < a->moment_target)
        {
          /* Translators: %s is a touchpoint's title; the numbers are scores from 1 to 10 */
          message = g_strdup_printf (_("Moment of truth “%s” scores %d, below the target of %d"),
                                     title, score, a->moment_target);
          add_finding (a, TP_FINDING_MOMENT_BELOW_TARGET, TP_SEVERITY_CRITICAL, position,
                       NULL, message, id, NULL);
        }
      else if (score < a->good_enough)
        {
          /* Translators: %s is a touchpoint's title; the numbers are scores from 1 to 10 */
          message = g_strdup_printf (_("Touchpoint “%s” scores %d, below the good-enough level of %d"),
                                     title, score, a->good_enough);
          add_finding (a, TP_FINDING_BELOW_GOOD_ENOUGH, TP_SEVERITY_WARNING, position,
                       NULL, message, id, NULL);
        }
    }
}

static void
check_curve (Analysis *a)
{
  GPtrArray *touchpoints = a->order.touchpoints;
  int lowest = find_lowest (touchpoints);
  guint from, to;
  int delta;

  if (lowest >= 0)
    {
      TpTouchpoint *tp = g_ptr_array_index (touchpoints, lowest);
      g_autofree char *title = one_line (tp_touchpoint_get_title (tp));
      g_autofree char *message =
        /* Translators: %s is a touchpoint's title; %d its score from 1 to 10 */
        g_strdup_printf (_("The lowest point of the journey is “%s”, scored %d"),
                         title, tp_touchpoint_get_score (tp));

      add_finding (a, TP_FINDING_LOWEST_POINT, TP_SEVERITY_INFO, touchpoint_position (a, lowest),
                   NULL, message, tp_element_get_id (TP_ELEMENT (tp)), NULL);
    }

  if (find_drop (touchpoints, &from, &to, &delta))
    {
      TpTouchpoint *before = g_ptr_array_index (touchpoints, from);
      TpTouchpoint *after = g_ptr_array_index (touchpoints, to);
      g_autofree char *before_title = one_line (tp_touchpoint_get_title (before));
      g_autofree char *after_title = one_line (tp_touchpoint_get_title (after));
      g_autofree char *message =
        /* Translators: the first number is a number of points; then a
         * touchpoint's title and its score, twice */
        g_strdup_printf (ngettext ("The steepest drop is %d point, from “%s” (%d) to “%s” (%d)",
                                   "The steepest drop is %d points, from “%s” (%d) to “%s” (%d)",
                                   -delta),
                         -delta,
                         before_title, tp_touchpoint_get_score (before),
                         after_title, tp_touchpoint_get_score (after));

      /* Placed where the customer feels it: at the touchpoint after the drop. */
      add_finding (a, TP_FINDING_STEEPEST_DROP,
                   -delta >= TP_ANALYSIS_GAP ? TP_SEVERITY_WARNING : TP_SEVERITY_INFO,
                   touchpoint_position (a, to), NULL, message,
                   tp_element_get_id (TP_ELEMENT (before)), tp_element_get_id (TP_ELEMENT (after)),
                   NULL);
    }
}

static void
check_stages (Analysis *a)
{
  for (guint s = 0; s < a->order.stages->len; s++)
    {
      const TpScoreStats *stats = &g_array_index (a->stage_stats, TpStageStats, s).scores;
      TpStage *stage = g_ptr_array_index (a->order.stages, s);
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      /* In integers, so an average exactly at the level never counts. */
      if (stats->n_scored == 0 || a->stage_sums[s] >= (guint) a->good_enough * stats->n_scored)
        continue;

      name = one_line (tp_stage_get_name (stage));
      /* Translators: %s is a stage's name; %.1f an average score, %d a score from 1 to 10 */
      message = g_strdup_printf (_("Stage “%s” averages %.1f, below the good-enough level of %d"),
                                 name, stats->average, a->good_enough);
      add_finding (a, TP_FINDING_STAGE_BELOW_GOOD_ENOUGH, TP_SEVERITY_WARNING, stage_position (s),
                   NULL, message, tp_element_get_id (TP_ELEMENT (stage)), NULL);
    }
}

/* Marks the department of @key, when it owns touchpoints, as involved. */
static void
mark_involved (Analysis   *a,
               const char *key)
{
  Department *department = key != NULL ? g_hash_table_lookup (a->departments, key) : NULL;

  if (department != NULL)
    department->involved = TRUE;
}

/* Collects the departments that own touchpoints (proper), then those that
 * feel or cause notes, and the blockers by what they are attached to. */
static void
collect_departments (Analysis *a)
{
  for (guint i = 0; i < a->order.touchpoints->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (a->order.touchpoints, i);
      const char *key;
      Department *department;

      if (!tp_touchpoint_is_contact (tp))
        continue;
      key = department_key (a, tp_touchpoint_get_department (tp));
      if (key == NULL)
        continue;

      department = g_hash_table_lookup (a->departments, key);
      if (department == NULL)
        {
          department = g_new0 (Department, 1);
          department->name = department_name (tp_touchpoint_get_department (tp));
          department->ids = g_ptr_array_new ();
          department->position = touchpoint_position (a, i);
          g_hash_table_insert (a->departments, (gpointer) key, department);
          g_ptr_array_add (a->dept_list, department);
        }
      g_ptr_array_add (department->ids, (gpointer) tp_element_get_id (TP_ELEMENT (tp)));
    }

  for (guint n = 0; n < a->notes->len; n++)
    {
      TpEmployeeNote *note = g_ptr_array_index (a->notes, n);

      /* A department that causes a note is as involved as the one that
       * feels it: a rule from Finance is Finance's business. */
      mark_involved (a, department_key (a, tp_employee_note_get_department (note)));
      mark_involved (a, department_key (a, tp_employee_note_get_causing_department (note)));

      /* Every blocker: one on a moment of truth is related to it whoever
       * feels or causes it. */
      if (tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER)
        {
          const char *target = tp_employee_note_get_touchpoint_id (note);
          GPtrArray *list;

          if (target == NULL || *target == '\0')
            target = tp_employee_note_get_stage_id (note);
          if (target == NULL || *target == '\0')
            continue;

          list = g_hash_table_lookup (a->blockers, target);
          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (a->blockers, (gpointer) target, list);
            }
          g_ptr_array_add (list, note);
        }
    }
}

/* Adds the ids of the blockers in @target's list that department @key
 * feels or causes; all of them when @key is NULL. */
static void
add_matching_blockers (Analysis   *a,
                       GPtrArray  *ids,
                       const char *target,
                       const char *key)
{
  GPtrArray *list = target != NULL ? g_hash_table_lookup (a->blockers, target) : NULL;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TpEmployeeNote *note = g_ptr_array_index (list, i);

      if (key == NULL
          || g_strcmp0 (department_key (a, tp_employee_note_get_department (note)), key) == 0
          || g_strcmp0 (department_key (a, tp_employee_note_get_causing_department (note)), key) == 0)
        g_ptr_array_add (ids, (gpointer) tp_element_get_id (TP_ELEMENT (note)));
    }
}

static void
check_blocked_moments (Analysis *a)
{
  for (guint i = 0; i < a->order.touchpoints->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (a->order.touchpoints, i);
      const char *key;
      g_autoptr(GPtrArray) ids = NULL;
      g_autofree char *title = NULL;
      g_autofree char *message = NULL;
      g_autofree char *department = NULL;
      guint n_blockers;

      if (!tp_touchpoint_is_moment (tp))
        continue;
      key = department_key (a, tp_touchpoint_get_department (tp));

      /* As tp_journey_get_related_blockers(), through the table. */
      ids = g_ptr_array_new ();
      g_ptr_array_add (ids, (gpointer) tp_element_get_id (TP_ELEMENT (tp)));
      add_matching_blockers (a, ids, tp_element_get_id (TP_ELEMENT (tp)), NULL);
      if (key != NULL)
        add_matching_blockers (a, ids, tp_touchpoint_get_stage_id (tp), key);
      n_blockers = ids->len - 1;
      if (n_blockers == 0)
        continue;
      g_ptr_array_add (ids, NULL);

      title = one_line (tp_touchpoint_get_title (tp));
      department = department_name (tp_touchpoint_get_department (tp));
      /* Translators: %s is a touchpoint's title; "here" is this touchpoint
       * or its stage, and the blockers may come from any department */
      message = g_strdup_printf (ngettext ("Moment of truth “%s” has %u blocker here",
                                           "Moment of truth “%s” has %u blockers here",
                                           n_blockers),
                                 title, n_blockers);
      add_finding_ids (a, TP_FINDING_BLOCKED_MOMENT, TP_SEVERITY_WARNING, touchpoint_position (a, i),
                       department, message, (const char * const *) ids->pdata);
    }
}

static void
check_departments_involved (Analysis *a)
{
  for (guint d = 0; d < a->dept_list->len; d++)
    {
      Department *department = g_ptr_array_index (a->dept_list, d);
      g_autofree char *message = NULL;

      if (department->involved)
        continue;

      /* Translators: %s is a department, %u a number of touchpoints */
      message = g_strdup_printf (ngettext ("Department “%s” owns %u touchpoint but appears in no employee note",
                                           "Department “%s” owns %u touchpoints but appears in no employee note",
                                           department->ids->len),
                                 department->name, department->ids->len);
      g_ptr_array_add (department->ids, NULL);
      add_finding_ids (a, TP_FINDING_DEPARTMENT_NOT_INVOLVED, TP_SEVERITY_WARNING, department->position,
                       department->name, message, (const char * const *) department->ids->pdata);
      g_ptr_array_set_size (department->ids, department->ids->len - 1);
    }
}

/* Journey-order index + 1 of a touchpoint, or 0. Built on first use: only
 * scored notes on touchpoints need it. */
static guint
index_of_touchpoint (Analysis   *a,
                     const char *id)
{
  if (a->index_of == NULL)
    {
      a->index_of = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < a->order.touchpoints->len; i++)
        g_hash_table_insert (a->index_of,
                             (gpointer) tp_element_get_id (g_ptr_array_index (a->order.touchpoints, i)),
                             GUINT_TO_POINTER (i + 1));
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (a->index_of, id));
}

static void
check_gaps (Analysis *a)
{
  for (guint n = 0; n < a->notes->len; n++)
    {
      TpEmployeeNote *note = g_ptr_array_index (a->notes, n);
      int employee = tp_employee_note_get_score (note);
      const char *note_id = tp_element_get_id (TP_ELEMENT (note));
      const char *tp_id = tp_employee_note_get_touchpoint_id (note);
      const char *stage_id = tp_employee_note_get_stage_id (note);
      g_autofree char *department = NULL;
      g_autofree char *title = NULL;
      g_autofree char *message = NULL;
      guint index;

      if (employee == TP_SCORE_UNSET)
        continue;

      if (tp_id != NULL && *tp_id != '\0'
          && (index = index_of_touchpoint (a, tp_id)) > 0)
        {
          TpTouchpoint *tp = g_ptr_array_index (a->order.touchpoints, index - 1);
          int customer = tp_touchpoint_get_score (tp);

          if (customer == TP_SCORE_UNSET || ABS (employee - customer) < TP_ANALYSIS_GAP)
            continue;

          title = one_line (tp_touchpoint_get_title (tp));
          department = department_name (tp_employee_note_get_department (note));
          /* Translators: %s is a touchpoint's title; the numbers are scores from 1 to 10 */
          message = g_strdup_printf (_("At “%s” the employee scores %d and the customer %d"),
                                     title, employee, customer);
          add_finding (a, TP_FINDING_EMPLOYEE_CUSTOMER_GAP, TP_SEVERITY_WARNING,
                       touchpoint_position (a, index - 1), department,
                       message, tp_id, note_id, NULL);
        }
      else if (stage_id != NULL && *stage_id != '\0'
               && (index = GPOINTER_TO_UINT (g_hash_table_lookup (a->stage_index, stage_id))) > 0)
        {
          const TpScoreStats *stats = &g_array_index (a->stage_stats, TpStageStats, index - 1).scores;
          gint64 sum = a->stage_sums[index - 1];
          gint64 n_scored = stats->n_scored;

          /* |employee - sum / n| >= GAP, without rounding. */
          if (n_scored == 0 || ABS (employee * n_scored - sum) < TP_ANALYSIS_GAP * n_scored)
            continue;

          title = one_line (tp_stage_get_name (g_ptr_array_index (a->order.stages, index - 1)));
          department = department_name (tp_employee_note_get_department (note));
          /* Translators: %s is a stage's name; %d a score from 1 to 10, %.1f an average score */
          message = g_strdup_printf (_("In stage “%s” the employee scores %d and customers %.1f on average"),
                                     title, employee, stats->average);
          add_finding (a, TP_FINDING_EMPLOYEE_CUSTOMER_GAP, TP_SEVERITY_WARNING,
                       stage_position (index - 1), department,
                       message, stage_id, note_id, NULL);
        }
    }
}

static int
compare_pending (gconstpointer pa,
                 gconstpointer pb)
{
  const Pending *a = pa, *b = pb;

  if (a->finding->severity != b->finding->severity)
    return a->finding->severity > b->finding->severity ? -1 : 1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  if (a->finding->kind != b->finding->kind)
    return a->finding->kind < b->finding->kind ? -1 : 1;
  return (a->sequence > b->sequence) - (a->sequence < b->sequence);
}

GPtrArray *
tp_analyze_journey (TpJourney *journey)
{
  g_auto(Analysis) a = { 0 };
  GPtrArray *findings;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  analysis_init (&a, journey);
  check_scores (&a);
  check_curve (&a);
  check_stages (&a);
  collect_departments (&a);
  check_blocked_moments (&a);
  check_departments_involved (&a);
  check_gaps (&a);

  g_array_sort (a.pending, compare_pending);
  findings = g_ptr_array_new_full (a.pending->len, (GDestroyNotify) tp_finding_unref);
  for (guint i = 0; i < a.pending->len; i++)
    g_ptr_array_add (findings, g_steal_pointer (&g_array_index (a.pending, Pending, i).finding));
  return findings;
}
