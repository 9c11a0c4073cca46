/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-department.h"
#include "tp-report-private.h"

/* The report's parts about action: the opportunities per department with
 * their workflow, and how much of the map rests on evidence. */

/* ---- evidence ---- */

void
tp_report_build_evidence (TpReportBuilder *b)
{
  TpEvidenceStats stats;
  g_autofree char *share = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *sources = NULL;

  tp_journey_get_evidence_stats (b->journey, &stats);
  add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("How the map is backed"), "evidence");
  if (stats.n_cards == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("The map has no cards yet."));
      return;
    }

  /* Translators: "Evidence backs 14 of 30 cards (47 %)"; cards are
   * touchpoints, customer actions, thoughts and employee notes. The last
   * number is a percentage. */
  share = g_strdup_printf (ngettext ("Evidence backs %u of %u card (%u %%)",
                                     "Evidence backs %u of %u cards (%u %%)",
                                     stats.n_cards),
                           stats.n_evidence, stats.n_cards,
                           (guint) ((stats.n_evidence * 100 + stats.n_cards / 2) / stats.n_cards));
  if (stats.n_evidence == 0)
    {
      add_textf (b, TP_REPORT_TEXT_BODY, "%s.", share);
    }
  else
    {
      if (stats.respondents > 0)
        /* Translators: cards reported by customers, with the responses
         * behind them (one person may answer for several cards) */
        reported = g_strdup_printf (ngettext ("%u reported by customers (%u response)",
                                              "%u reported by customers (%u responses)",
                                              stats.respondents),
                                    stats.n_reported, stats.respondents);
      else
        /* Translators: a number of cards reported by customers */
        reported = g_strdup_printf (_("%u reported by customers"), stats.n_reported);
      /* Translators: "5 observed, 4 reported by customers (68 responses)" */
      sources = g_strdup_printf (_("%u observed, %s"), stats.n_observed, reported);
      /* Translators: the first %s is "Evidence backs 14 of 30 cards
       * (47 %)", the second the kinds of evidence */
      add_textf (b, TP_REPORT_TEXT_BODY, _("%s: %s."), share, sources);
    }

  /* Assumed is a statement that nobody checked: no evidence. */
  if (stats.n_assumed > 0)
    add_textf (b, TP_REPORT_TEXT_MUTED,
               /* Translators: cards whose content is marked as assumed */
               ngettext ("%u card is marked as assumed: worth checking with customers or employees.",
                         "%u cards are marked as assumed: worth checking with customers or employees.",
                         stats.n_assumed),
               stats.n_assumed);
}

/* ---- employee notes ---- */

char *
tp_report_note_departments (TpEmployeeNote *note)
{
  g_autofree char *felt = tp_department_display_name (tp_employee_note_get_department (note));
  g_autofree char *caused = tp_department_display_name (tp_employee_note_get_caused_by (note));
  g_autofree char *felt_key = tp_department_key (felt);
  g_autofree char *caused_key = tp_department_key (caused);

  if (caused == NULL || g_strcmp0 (felt_key, caused_key) == 0)
    return g_steal_pointer (&felt);
  if (felt == NULL)
    /* Translators: the department an employee note comes from */
    return g_strdup_printf (_("caused by %s"), caused);
  /* Translators: the department whose employees run into a blocker or
   * enabler, and the department it comes from */
  return g_strdup_printf (_("felt by %s, caused by %s"), felt, caused);
}

/* ---- opportunities ---- */

/* "High\nimpact 5 · effort 1", or what there is of it. */
static char *
priority_text (TpOpportunity *opportunity)
{
  int impact = tp_opportunity_get_impact (opportunity);
  int effort = tp_opportunity_get_effort (opportunity);
  int priority = tp_opportunity_get_priority (opportunity);
  g_autofree char *impact_text = NULL;
  g_autofree char *effort_text = NULL;

  if (impact == 0 && effort == 0)
    return g_strdup ("–");
  /* Translators: an opportunity's impact, 1 to 5 */
  impact_text = impact > 0 ? g_strdup_printf (_("impact %d"), impact) : g_strdup ("");
  /* Translators: an opportunity's effort, 1 to 5 */
  effort_text = effort > 0 ? g_strdup_printf (_("effort %d"), effort) : g_strdup ("");
  return g_strdup_printf ("%s%s%s%s%s",
                          tp_priority_get_display_name (priority),
                          priority > 0 ? "\n" : "",
                          impact_text,
                          impact > 0 && effort > 0 ? " · " : "",
                          effort_text);
}

/* A due date in the user's language; "" for none. */
static char *
due_text (const char *due)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (due == NULL || *due == '\0' || sscanf (due, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (due != NULL ? due : "");
  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (due);
  /* Translators: an opportunity's due date in a table, see
   * g_date_time_format(); "%-d %b %Y" gives "31 Mar 2027" */
  return g_date_time_format (date, C_("due date", "%-d %b %Y"));
}

static char *
today_text (TpReportBuilder *b)
{
  return g_date_time_format (b->report->options.date, "%Y-%m-%d");
}

void
tp_report_build_opportunities (TpReportBuilder *b)
{
  GListModel *opportunities = tp_journey_get_opportunities (b->journey);
  guint n = g_list_model_get_n_items (opportunities);
  g_autoptr(GPtrArray) groups = tp_journey_get_open_opportunities (b->journey);
  g_autofree char *today = today_text (b);
  guint n_open = 0;
  TpReportBlock *table = NULL;

  add_section (b, TP_REPORT_SECTION_OPPORTUNITIES);
  if (n == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("No opportunities have been recorded yet."));
      return;
    }
  for (guint g = 0; g < groups->len; g++)
    n_open += ((TpDepartmentOpportunities *) g_ptr_array_index (groups, g))->opportunities->len;

  /* Translators: the lead of the opportunities section; %u are numbers of
   * opportunities */
  add_textf (b, TP_REPORT_TEXT_LEAD,
             ngettext ("What to change, and who owns the change: %u open opportunity of %u, "
                       "by department, the highest priority first (a large impact for little "
                       "effort), then the earliest due date.",
                       "What to change, and who owns the change: %u open opportunities of %u, "
                       "by department, the highest priority first (a large impact for little "
                       "effort), then the earliest due date.",
                       n_open),
             n_open, n);

  for (guint g = 0; g < groups->len; g++)
    {
      TpDepartmentOpportunities *group = g_ptr_array_index (groups, g);

      add_heading (b, 2, TP_REPORT_SECTION_OPPORTUNITIES,
                   group->department != NULL ? group->department : _("No department given"), NULL);
      table = add_table (b, _("Opportunity"), 4.0, _("Status"), 1.5, _("Priority"), 2.2,
                         _("Owner"), 2.2, _("Due"), 1.6, _("Attached to"), 2.5, NULL);
      for (guint i = 0; i < group->opportunities->len; i++)
        {
          TpOpportunity *opportunity = g_ptr_array_index (group->opportunities, i);
          const char *owner = tp_opportunity_get_owner (opportunity);
          const char *due = tp_opportunity_get_due (opportunity);

          cell (table, tp_opportunity_get_text (opportunity));
          cell (table, tp_opportunity_status_get_display_name (tp_opportunity_get_status (opportunity)));
          cell_take (table, priority_text (opportunity))->highlight =
            tp_opportunity_get_priority (opportunity) >= TP_PRIORITY_HIGH;
          cell (table, *owner != '\0' ? owner : _("No owner yet"));
          /* Overdue on the report's date: stressed. */
          cell_take (table, due_text (due))->highlight = *due != '\0' && strcmp (due, today) < 0;
          cell_take (table, tp_journey_describe_opportunity_place (b->journey, opportunity));
        }
    }
  if (n_open == 0)
    add_text (b, TP_REPORT_TEXT_MUTED, _("Every opportunity is done or dropped."));

  /* Closed ones, briefly: what was done, and what was decided against. */
  table = NULL;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpOpportunity) opportunity = g_list_model_get_item (opportunities, i);
      const char *department;

      if (tp_opportunity_is_open (opportunity))
        continue;
      if (table == NULL)
        {
          add_heading (b, 2, TP_REPORT_SECTION_OPPORTUNITIES, _("Done and dropped"), NULL);
          table = add_table (b, _("Opportunity"), 5.0, _("Status"), 1.5, _("Department"), 2.6,
                             _("Attached to"), 2.9, NULL);
        }
      department = tp_journey_get_opportunity_department (b->journey, opportunity);
      cell (table, tp_opportunity_get_text (opportunity));
      cell (table, tp_opportunity_status_get_display_name (tp_opportunity_get_status (opportunity)));
      cell (table, department != NULL ? department : "");
      cell_take (table, tp_journey_describe_opportunity_place (b->journey, opportunity));
    }
}
