/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-compare.h"
#include "tp-report-private.h"

/* The report's comparison section: the report's journey against another
 * (TpReportOptions.compare_with), as-is against to-be, in the same blocks
 * as every other section, so the PDF and the HTML say the same. Which of
 * the two is the as-is follows tp_compare_other_is_before(). */

static char *
score_text (int score)
{
  return score == TP_SCORE_UNSET ? g_strdup ("–") : g_strdup_printf ("%d", score);
}

static void
cell_score (TpReportBlock *table,
            int            score)
{
  cell_take (table, score_text (score))->score = score;
}

static char *
change_text (int delta)
{
  if (delta > 0)
    return g_strdup_printf ("+%d", delta);
  if (delta < 0)
    return g_strdup_printf ("−%d", -delta);
  return g_strdup ("±0");
}

static void
add_figure_take (TpReportBlock *figures,
                 char          *value,
                 char          *label)
{
  add_figure (figures, value, label, TP_SCORE_UNSET);
  g_free (label);
}

/* The to-be's figures with the as-is's beside them: a figure's value has
 * room for a short number only. */
static void
build_figures (TpReportBuilder    *b,
               const TpComparison *cmp)
{
  TpReportBlock *figures = add_block (b, TP_REPORT_BLOCK_FIGURES);
  g_autofree char *average_before = tp_report_format_score (cmp->stats_before.average);

  /* Translators: a figure of the to-be, then the as-is's: "Average score, was 6.7" */
  add_figure_take (figures, tp_report_format_score (cmp->stats_after.average),
                   g_strdup_printf (_("Average score, was %s"), average_before));
  /* Translators: "2 of 3" moments of truth on target */
  add_figure_take (figures, g_strdup_printf (_("%u of %u"), cmp->moments_on_target_after, cmp->moments_after),
                   g_strdup_printf (_("Moments of truth on target, was %u of %u"), cmp->moments_on_target_before,
                                    cmp->moments_before));
  add_figure_take (figures, g_strdup_printf ("%u", cmp->stats_after.n_touchpoints),
                   g_strdup_printf (_("Touchpoints, was %u"), cmp->stats_before.n_touchpoints));
  add_figure_take (figures, g_strdup_printf ("%u", cmp->n_findings_after),
                   g_strdup_printf (_("Findings, was %u"), cmp->n_findings_before));
}

static void
build_touchpoints (TpReportBuilder    *b,
                   const TpComparison *cmp)
{
  TpReportBlock *table;

  add_heading (b, 2, 0, _("Score per touchpoint"), NULL);
  table = add_table (b, C_("comparison", "Touchpoint"), 4.0, _("Stage"), 2.4, C_("comparison", "As-is"), 1.2, C_("comparison", "To-be"), 1.2,
                     C_("comparison", "Change"), 1.4, NULL);
  table->score_columns = (1 << 2) | (1 << 3);
  table->number_columns = 1 << 4;
  for (guint i = 0; i < cmp->cards->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (cmp->cards, i);

      if (card->kind != TP_CARD_KIND_TOUCHPOINT)
        continue;
      if (card->moment_before || card->moment_after)
        /* Translators: a moment of truth in the comparison's table */
        cell_take (table, g_strdup_printf (_("%s (moment of truth)"), card->title))->highlight = TRUE;
      else
        cell (table, card->title);
      cell (table, stage_name (b, card->stage_id));
      cell_score (table, card->before);
      cell_score (table, card->after);
      if (card->status == TP_COMPARE_ADDED)
        cell (table, _("added"));
      else if (card->status == TP_COMPARE_REMOVED)
        cell (table, _("removed"));
      else if (tp_compare_card_has_delta (card))
        cell_take (table, change_text (tp_compare_card_get_delta (card)))->highlight =
          tp_compare_card_get_delta (card) != 0;
      else
        cell (table, "");
    }
}

static void
build_stages (TpReportBuilder    *b,
              const TpComparison *cmp)
{
  TpReportBlock *table;

  add_heading (b, 2, 0, _("Average per stage"), NULL);
  table = add_table (b, _("Stage"), 4.0, C_("comparison", "As-is"), 1.2, C_("comparison", "To-be"), 1.2, C_("comparison", "Change"), 1.4, NULL);
  table->score_columns = (1 << 1) | (1 << 2);
  table->number_columns = 1 << 3;
  for (guint i = 0; i < cmp->stages->len; i++)
    {
      TpCompareStage *stage = g_ptr_array_index (cmp->stages, i);

      cell (table, stage->name);
      cell_take (table, tp_report_format_score (stage->before))->score = isnan (stage->before) ? TP_SCORE_UNSET
                                                                                               : stage->before;
      cell_take (table, tp_report_format_score (stage->after))->score = isnan (stage->after) ? TP_SCORE_UNSET
                                                                                             : stage->after;
      if (stage->status == TP_COMPARE_ADDED)
        cell (table, _("added"));
      else if (stage->status == TP_COMPARE_REMOVED)
        cell (table, _("removed"));
      else if (!isnan (stage->before) && !isnan (stage->after))
        {
          double change = round ((stage->after - stage->before) * 10) / 10;

          cell_take (table, change > 0 ? g_strdup_printf ("+%.1f", change)
                            : change < 0 ? g_strdup_printf ("−%.1f", -change) : g_strdup ("±0"));
        }
      else
        cell (table, "");
    }
}

static void
build_moments (TpReportBuilder    *b,
               GPtrArray          *moments,
               const char         *heading,
               int                 target)
{
  TpReportBlock *table;

  add_heading (b, 2, 0, heading, NULL);
  if (moments->len == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("None."));
      return;
    }
  table = add_table (b, _("Moment of truth"), 4.0, C_("comparison", "As-is"), 1.2, C_("comparison", "To-be"), 1.2, _("Target"), 1.2, NULL);
  table->score_columns = (1 << 1) | (1 << 2);
  table->number_columns = 1 << 3;
  for (guint i = 0; i < moments->len; i++)
    {
      TpCompareCard *card = g_ptr_array_index (moments, i);

      cell (table, card->title);
      cell_score (table, card->before);
      cell_score (table, card->after);
      cell_take (table, g_strdup_printf ("%d", target));
    }
}

static void
build_blockers (TpReportBuilder *b,
                GPtrArray       *notes,
                const char      *heading,
                gboolean         reworded)
{
  TpReportBlock *table;

  add_heading (b, 2, 0, heading, NULL);
  if (notes->len == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("None."));
      return;
    }
  table = add_table (b, _("Blocker"), 4.0, _("Where"), 2.6, _("Department"), 2.4, NULL);
  for (guint i = 0; i < notes->len; i++)
    {
      TpCompareNote *note = g_ptr_array_index (notes, i);

      if (reworded)
        /* Translators: a blocker's text now and before */
        cell_take (table, g_strdup_printf (_("%s (was: %s)"), note->text, note->old_text));
      else
        cell (table, note->text);
      cell (table, note->place);
      cell (table, note->department);
    }
}

static void
build_findings (TpReportBuilder *b,
                GPtrArray       *findings,
                const char      *heading)
{
  TpReportBlock *table;

  add_heading (b, 2, 0, heading, NULL);
  if (findings->len == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("None."));
      return;
    }
  table = add_table (b, _("Severity"), 1.6, _("Finding"), 7.0, NULL);
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      cell (table, tp_severity_get_display_name (tp_finding_get_severity (finding)));
      cell (table, tp_finding_get_message (finding))->highlight =
        tp_finding_get_severity (finding) == TP_SEVERITY_CRITICAL;
    }
}

void
tp_report_build_comparison (TpReportBuilder *b,
                            TpJourney       *other)
{
  gboolean other_before = tp_compare_other_is_before (b->journey, other);
  TpJourney *before = other_before ? other : b->journey;
  TpJourney *after = other_before ? b->journey : other;
  g_autoptr(TpComparison) cmp = tp_comparison_new (before, after);

  add_heading (b, 1, 0, _("As-is against to-be"), "compare");
  /* Translators: the two journeys of the report's comparison, as-is first */
  add_textf (b, TP_REPORT_TEXT_LEAD, _("“%s” (as-is) against “%s” (to-be): what changes for the customer, "
                                       "touchpoint by touchpoint, and what changes for the employees."),
             *cmp->title_before != '\0' ? cmp->title_before : _("Untitled journey"),
             *cmp->title_after != '\0' ? cmp->title_after : _("Untitled journey"));
  build_figures (b, cmp);
  build_touchpoints (b, cmp);
  build_stages (b, cmp);
  build_moments (b, cmp->moments_reached, _("Moments of truth reaching their target"), cmp->target_after);
  if (cmp->moments_fallen->len > 0)
    build_moments (b, cmp->moments_fallen, _("Moments of truth falling below their target"), cmp->target_after);
  build_blockers (b, cmp->blockers_removed, _("Blockers removed"), FALSE);
  build_blockers (b, cmp->blockers_added, _("Blockers added"), FALSE);
  if (cmp->blockers_changed->len > 0)
    build_blockers (b, cmp->blockers_changed, _("Blockers reworded"), TRUE);
  build_findings (b, cmp->findings_gone, _("Findings that disappear"));
  build_findings (b, cmp->findings_new, _("New findings"));
}
