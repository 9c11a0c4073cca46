/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-analysis.h"
#include "tp-analytics.h"
#include "tp-department.h"
#include "tp-report-private.h"

/* The report's parts for a board: the executive summary (three actions
 * with their owners), the persona, and the journey analytics. */

/* ---- executive summary ---- */

typedef struct {
  char *action;
  char *why;
  char *owner;
} Action;

static void
action_clear (Action *action)
{
  g_free (action->action);
  g_free (action->why);
  g_free (action->owner);
}

/* "Jan de Boer, Cardiology", whichever is given; NULL for neither. */
static char *
opportunity_owner (TpReportBuilder *b,
                   TpOpportunity   *opportunity)
{
  const char *owner = tp_opportunity_get_owner (opportunity);
  g_autofree char *department = tp_department_display_name (tp_journey_get_opportunity_department (b->journey,
                                                                                                   opportunity));

  if (*owner != '\0' && department != NULL)
    return g_strdup_printf ("%s, %s", owner, department);
  return *owner != '\0' ? g_strdup (owner) : g_steal_pointer (&department);
}

static TpTouchpoint *
finding_touchpoint (TpReportBuilder *b,
                    TpFinding       *finding)
{
  const char * const *ids = tp_finding_get_ids (finding);

  return ids[0] != NULL ? tp_journey_lookup_touchpoint (b->journey, ids[0]) : NULL;
}

const char *
tp_report_finding_department (TpReportBuilder *b,
                              TpFinding       *finding)
{
  TpTouchpoint *tp = finding_touchpoint (b, finding);
  const char *department = tp_finding_get_department (finding);

  if (department != NULL && *department != '\0')
    return department;
  return tp != NULL ? tp_touchpoint_get_department (tp) : "";
}

static int
compare_priority (gconstpointer a,
                  gconstpointer b)
{
  TpOpportunity *oa = *(TpOpportunity **) a;
  TpOpportunity *ob = *(TpOpportunity **) b;

  return tp_opportunity_get_priority (ob) - tp_opportunity_get_priority (oa);
}

/* The three actions that matter most: critical findings first (with the
 * opportunity that answers one, where there is one), then open
 * opportunities by priority, then warnings. */
void
tp_report_build_executive (TpReportBuilder *b)
{
  GListModel *list = tp_journey_get_opportunities (b->journey);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  Action actions[3] = { { 0 } };
  guint n = 0;
  TpReportBlock *table;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpOpportunity) o = g_list_model_get_item (list, i);

      if (tp_opportunity_is_open (o))
        g_ptr_array_add (open, g_steal_pointer (&o));
    }
  /* Stable: equal priorities keep list order. */
  g_ptr_array_sort (open, compare_priority);

  for (guint pass = 0; pass < 3 && n < 3; pass++)
    {
      if (pass == 1)
        {
          for (guint i = 0; i < open->len && n < 3; i++)
            {
              TpOpportunity *o = g_ptr_array_index (open, i);
              g_autofree char *place = NULL;

              if (g_hash_table_contains (used, o))
                continue;
              place = tp_journey_describe_opportunity_place (b->journey, o);
              actions[n].action = g_strdup (tp_opportunity_get_text (o));
              /* Translators: why an opportunity is among the three actions */
              actions[n].why = g_strdup_printf (_("Opportunity with priority %s at “%s”"),
                                                tp_priority_get_display_name (tp_opportunity_get_priority (o)),
                                                place);
              actions[n++].owner = opportunity_owner (b, o);
            }
          continue;
        }
      for (guint i = 0; i < b->findings->len && n < 3; i++)
        {
          TpFinding *finding = g_ptr_array_index (b->findings, i);
          TpTouchpoint *tp = finding_touchpoint (b, finding);
          TpOpportunity *answer = NULL;

          if (tp_finding_get_severity (finding) != (pass == 0 ? TP_SEVERITY_CRITICAL : TP_SEVERITY_WARNING))
            continue;
          for (guint o = 0; tp != NULL && o < open->len && answer == NULL; o++)
            if (g_strcmp0 (tp_opportunity_get_touchpoint_id (g_ptr_array_index (open, o)),
                           tp_element_get_id (TP_ELEMENT (tp))) == 0
                && !g_hash_table_contains (used, g_ptr_array_index (open, o)))
              answer = g_ptr_array_index (open, o);
          if (answer != NULL)
            {
              g_hash_table_add (used, answer);
              actions[n].action = g_strdup (tp_opportunity_get_text (answer));
              actions[n].owner = opportunity_owner (b, answer);
            }
          else
            {
              /* Translators: the action for a finding no opportunity answers yet */
              actions[n].action = tp != NULL ? g_strdup_printf (_("Improve “%s”"), tp_touchpoint_get_title (tp))
                                             : g_strdup (tp_finding_get_message (finding));
              actions[n].owner = g_strdup (tp_report_finding_department (b, finding));
            }
          actions[n++].why = g_strdup (tp_finding_get_message (finding));
        }
    }

  add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("Executive summary"), "executive-summary");
  if (n == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("The analysis finds nothing that needs acting on first."));
      return;
    }
  add_text (b, TP_REPORT_TEXT_BODY,
            ngettext ("The action that matters most, from the findings and the opportunities:",
                      "The actions that matter most, from the findings and the opportunities:", n));
  table = add_table (b, _("No."), 0.6, _("Action"), 5.0, _("Why"), 5.0, _("Owner"), 2.4, NULL);
  table->number_columns = 1 << 0;
  for (guint i = 0; i < n; i++)
    {
      cell_take (table, g_strdup_printf ("%u", i + 1));
      cell (table, actions[i].action)->highlight = TRUE;
      cell (table, actions[i].why);
      /* Translators: an action nobody owns yet */
      cell (table, actions[i].owner != NULL && *actions[i].owner != '\0' ? actions[i].owner : _("No owner yet"));
      action_clear (&actions[i]);
    }
}

/* ---- persona ---- */

void
tp_report_build_persona (TpReportBuilder *b)
{
  const char *name = tp_journey_get_persona_name (b->journey);
  const char *segment = tp_journey_get_persona_segment (b->journey);
  const char *description = tp_journey_get_persona_description (b->journey);
  const char *goals = tp_journey_get_persona_goals (b->journey);
  const char *frustrations = tp_journey_get_persona_frustrations (b->journey);

  add_heading (b, 1, TP_REPORT_SECTION_SUMMARY, _("Persona"), "persona");
  if (*name == '\0' && *segment == '\0' && *description == '\0' && *goals == '\0' && *frustrations == '\0')
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("This journey names no persona. A journey is mapped for one "
                                           "persona: the customer does not exist."));
      return;
    }
  add_text (b, TP_REPORT_TEXT_LEAD,
            _("The journey is mapped for one persona: the customer as this person experiences it."));
  if (*name != '\0')
    add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, name, NULL);
  add_text (b, TP_REPORT_TEXT_MUTED, segment);
  add_text (b, TP_REPORT_TEXT_BODY, description);
  if (*goals != '\0')
    {
      add_text (b, TP_REPORT_TEXT_LABEL, _("Goals"));
      add_text (b, TP_REPORT_TEXT_BODY, goals);
    }
  if (*frustrations != '\0')
    {
      add_text (b, TP_REPORT_TEXT_LABEL, _("Frustrations"));
      add_text (b, TP_REPORT_TEXT_BODY, frustrations);
    }
}

/* ---- analytics ---- */

static char *
percent (double share)
{
  if (isnan (share))
    return g_strdup ("–");
  /* Translators: a percentage */
  return g_strdup_printf (_("%.0f %%"), share * 100);
}

static void
row (TpReportBlock *table,
     const char    *measure,
     char          *value,
     double         score,
     char          *reading)
{
  cell (table, measure);
  cell_take (table, value)->score = score;
  cell_take (table, reading);
}

void
tp_report_build_analytics (TpReportBuilder *b)
{
  TpJourneyAnalytics a;
  TpReportBlock *table;
  guint n_good, n_target;

  tp_journey_get_analytics (b->journey, &a);
  add_heading (b, 1, TP_REPORT_SECTION_SUMMARY, _("Journey analytics"), "analytics");
  add_text (b, TP_REPORT_TEXT_LEAD,
            _("Several measures of the touchpoints’ scores, each with what it says. No single figure "
              "sums up a journey."));
  if (a.n_scored == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("No touchpoint has a score yet."));
      return;
    }
  n_good = (guint) round (a.share_good * a.n_scored);
  n_target = (guint) round (a.share_target * a.n_scored);

  table = add_table (b, _("Measure"), 2.6, _("Value"), 1.4, _("What it says"), 7.0, NULL);
  table->score_columns = 1 << 1;
  row (table, _("Average"), tp_report_format_score (a.average), a.average,
       a.average >= b->target ? g_strdup (_("On the whole the journey moves the customer."))
       : a.average >= b->good_enough ? g_strdup (_("On the whole the journey is simply right, but it does not move the customer."))
       : g_strdup (_("On the whole the journey falls short of good enough.")));
  {
    g_autofree char *median = tp_report_format_score (a.median);

    /* Translators: %s is a score */
    row (table, _("Median"), g_strdup (median), a.median,
         g_strdup_printf (_("Half of the touchpoints score %s or more, half score less."), median));
  }
  row (table, _("Lowest point"), g_strdup_printf ("%d", tp_touchpoint_get_score (a.lowest)),
       tp_touchpoint_get_score (a.lowest),
       /* Translators: %s is a touchpoint's title */
       g_strdup_printf (_("“%s”: the moment customers are most likely to tell others about."),
                        tp_touchpoint_get_title (a.lowest)));
  row (table, _("The peak"), g_strdup_printf ("%d", tp_touchpoint_get_score (a.peak)),
       tp_touchpoint_get_score (a.peak),
       g_strdup_printf (_("“%s”: the best moment of the journey."), tp_touchpoint_get_title (a.peak)));
  row (table, _("The end"), g_strdup_printf ("%d", tp_touchpoint_get_score (a.end)),
       tp_touchpoint_get_score (a.end),
       g_strdup_printf (_("“%s”: the last scored touchpoint, the impression the customer leaves with."),
                        tp_touchpoint_get_title (a.end)));
  {
    /* Translators: a row of the analytics table, "Scores of 7 or more" */
    g_autofree char *good = g_strdup_printf (_("Scores of %d or more"), b->good_enough);
    g_autofree char *target = g_strdup_printf (_("Scores of %d or more"), b->target);

    row (table, good, percent (a.share_good), TP_SCORE_UNSET,
         /* Translators: "12 of 15 touchpoints are simply right" */
         g_strdup_printf (ngettext ("%u of %u touchpoint is at least simply right.",
                                    "%u of %u touchpoints are at least simply right.", a.n_scored),
                          n_good, a.n_scored));
    row (table, target, percent (a.share_target), TP_SCORE_UNSET,
         g_strdup_printf (ngettext ("%u of %u touchpoint moves the customer.",
                                    "%u of %u touchpoints move the customer.", a.n_scored),
                          n_target, a.n_scored));
  }
  if (a.n_moments > 0)
    row (table, _("Moments of truth on target"), percent (a.share_moments_on_target), TP_SCORE_UNSET,
         g_strdup_printf (ngettext ("%u of %u moment of truth scores %d or more.",
                                    "%u of %u moments of truth score %d or more.", a.n_moments),
                          a.n_moments_on_target, a.n_moments, b->target));
  else
    row (table, _("Moments of truth on target"), g_strdup ("–"), TP_SCORE_UNSET,
         g_strdup (_("No touchpoint is marked as a moment of truth.")));
  /* The sign always shown, with a real minus. */
  row (table, _("NPS-style index"),
       a.nps_index > 0.5 ? g_strdup_printf ("+%.0f", a.nps_index)
       : a.nps_index < -0.5 ? g_strdup_printf ("−%.0f", -a.nps_index) : g_strdup ("0"),
       TP_SCORE_UNSET,
       g_strdup (a.nps_index > 0.5 ? _("The share scoring 9 or 10 minus the share scoring 1 to 6: more "
                                       "touchpoints delight than disappoint.")
                 : a.nps_index < -0.5 ? _("The share scoring 9 or 10 minus the share scoring 1 to 6: more "
                                          "touchpoints disappoint than delight.")
                 : _("The share scoring 9 or 10 minus the share scoring 1 to 6: delight and "
                     "disappointment balance.")));

  add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("Why more than one figure"), NULL);
  add_text (b, TP_REPORT_TEXT_BODY,
            _("The peak-end rule says that people remember an experience by its best or worst moment "
              "and by its end. For services it does not always hold: a long wait, a string of small "
              "irritations or one department that lets the customer down can weigh more than the peak "
              "or the end. So this page shows the average, the median, the extremes and the shares "
              "side by side: read them together."));
}
