/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-department.h"
#include "tp-report-private.h"

/* ---- options ---- */

static const struct {
  TpReportSections section;
  const char *nick;
} section_nicks[] = {
  { TP_REPORT_SECTION_COVER, "cover" },
  { TP_REPORT_SECTION_DIAGRAM, "diagram" },
  { TP_REPORT_SECTION_SUMMARY, "summary" },
  { TP_REPORT_SECTION_STAGES, "stages" },
  { TP_REPORT_SECTION_MOMENTS, "moments" },
  { TP_REPORT_SECTION_EMPLOYEES, "employees" },
  { TP_REPORT_SECTION_CHANNELS, "channels" },
  { TP_REPORT_SECTION_OPPORTUNITIES, "opportunities" },
  { TP_REPORT_SECTION_FINDINGS, "findings" },
  { TP_REPORT_SECTION_APPENDIX, "appendix" },
};

void
tp_report_options_init (TpReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->sections = TP_REPORT_SECTION_ALL;
  options->paper = TP_REPORT_PAPER_A4;
  options->date = NULL;
  options->creation_date = NULL;
  options->use_cairo_pdf = FALSE;
  options->compare_with = NULL;
}

gboolean
tp_report_sections_from_string (const char       *text,
                                TpReportSections *sections)
{
  g_auto(GStrv) parts = NULL;
  TpReportSections result = 0;

  g_return_val_if_fail (text != NULL && sections != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean found = FALSE;

      if (g_str_equal (part, "all"))
        {
          result |= TP_REPORT_SECTION_ALL;
          continue;
        }
      for (guint s = 0; s < G_N_ELEMENTS (section_nicks); s++)
        if (g_str_equal (part, section_nicks[s].nick))
          {
            result |= section_nicks[s].section;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }

  if (result == 0)
    return FALSE;
  *sections = result;
  return TRUE;
}

const char *
tp_report_section_to_nick (TpReportSections section)
{
  for (guint s = 0; s < G_N_ELEMENTS (section_nicks); s++)
    if (section_nicks[s].section == section)
      return section_nicks[s].nick;
  return NULL;
}

const char *
tp_report_section_get_title (TpReportSections section)
{
  switch ((int) section)
    {
    case TP_REPORT_SECTION_COVER: return _("Cover");
    case TP_REPORT_SECTION_DIAGRAM: return _("Journey map");
    case TP_REPORT_SECTION_SUMMARY: return _("Summary");
    case TP_REPORT_SECTION_STAGES: return _("Stage by stage");
    case TP_REPORT_SECTION_MOMENTS: return _("Moments of truth");
    case TP_REPORT_SECTION_EMPLOYEES: return _("The employee view");
    case TP_REPORT_SECTION_CHANNELS: return _("Channel mix");
    case TP_REPORT_SECTION_OPPORTUNITIES: return _("Opportunities");
    case TP_REPORT_SECTION_FINDINGS: return _("Findings");
    case TP_REPORT_SECTION_APPENDIX: return _("Appendix: all cards");
    default: return "";
    }
}

gboolean
tp_report_paper_from_string (const char    *text,
                             TpReportPaper *paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *paper = TP_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = TP_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
tp_report_paper_get_size (TpReportPaper  paper,
                          double        *width,
                          double        *height)
{
  if (paper == TP_REPORT_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      /* 210 × 297 mm */
      *width = 210 / 25.4 * 72;
      *height = 297 / 25.4 * 72;
    }
}

/* ---- small helpers ---- */

char *
tp_report_format_score (double score)
{
  if (isnan (score) || score < TP_SCORE_MIN)
    return g_strdup ("–");
  /* Whole scores without a decimal; the C library uses the locale's
   * decimal separator ("6,5" in Dutch). */
  if (fabs (score - round (score)) < 0.05)
    return g_strdup_printf ("%.0f", score);
  return g_strdup_printf ("%.1f", score);
}

static TpReportItem *
item_new (const char *text,
          double      score)
{
  TpReportItem *item = g_new0 (TpReportItem, 1);

  item->text = g_strdup (text != NULL ? text : "");
  item->score = score;
  return item;
}

static TpReportItem *
item_take (char   *text,
           double  score)
{
  TpReportItem *item = g_new0 (TpReportItem, 1);

  item->text = text;
  item->score = score;
  return item;
}

static void
item_free (TpReportItem *item)
{
  g_free (item->text);
  g_free (item->detail);
  g_free (item);
}

static void
block_free (TpReportBlock *block)
{
  g_free (block->anchor);
  g_free (block->text);
  g_strfreev (block->headers);
  g_free (block->widths);
  g_clear_pointer (&block->items, g_ptr_array_unref);
  g_free (block);
}

void
tp_report_free (TpReport *report)
{
  if (report == NULL)
    return;
  g_clear_object (&report->journey);
  g_clear_pointer (&report->options.date, g_date_time_unref);
  g_clear_pointer (&report->options.creation_date, g_date_time_unref);
  g_ptr_array_unref (report->blocks);
  g_free (report->title);
  g_free (report->subtitle);
  g_free (report->date);
  g_free (report->meta);
  g_free (report->author);
  g_free (report->description);
  g_free (report->generator);
  g_free (report);
}

guint
tp_report_table_get_n_rows (const TpReportBlock *table)
{
  g_return_val_if_fail (table->kind == TP_REPORT_BLOCK_TABLE && table->n_columns > 0, 0);
  return table->items->len / table->n_columns;
}

TpReportItem *
tp_report_table_get_cell (const TpReportBlock *table,
                          guint                row,
                          guint                column)
{
  return g_ptr_array_index (table->items, row * table->n_columns + column);
}

/* ---- building ---- */

typedef TpReportBuilder Builder;

TpReportBlock *
add_block (Builder           *b,
           TpReportBlockKind  kind)
{
  TpReportBlock *block = g_new0 (TpReportBlock, 1);

  block->kind = kind;
  block->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (b->report->blocks, block);
  return block;
}

void
add_heading (Builder          *b,
             int               level,
             TpReportSections  section,
             const char       *text,
             const char       *anchor)
{
  TpReportBlock *block = add_block (b, TP_REPORT_BLOCK_HEADING);

  block->level = level;
  block->section = section;
  block->text = g_strdup (text);
  block->anchor = g_strdup (anchor);
  block->keep_together = TRUE;
}

void
add_section (Builder          *b,
             TpReportSections  section)
{
  add_heading (b, 1, section, tp_report_section_get_title (section),
               tp_report_section_to_nick (section));
}

void
add_text (Builder           *b,
          TpReportTextStyle  style,
          const char        *text)
{
  TpReportBlock *block;

  if (text == NULL || *text == '\0')
    return;
  block = add_block (b, TP_REPORT_BLOCK_PARAGRAPH);
  block->style = style;
  block->text = g_strdup (text);
}

void
add_textf (Builder           *b,
           TpReportTextStyle  style,
           const char        *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add_text (b, style, text);
}

/* A table; @columns is "header", width, "header", width, ..., NULL. */
TpReportBlock *
add_table (Builder    *b,
           const char *first_header,
           ...)
{
  TpReportBlock *block = add_block (b, TP_REPORT_BLOCK_TABLE);
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  va_list args;

  va_start (args, first_header);
  for (const char *header = first_header; header != NULL; header = va_arg (args, const char *))
    {
      double width = va_arg (args, double);

      g_ptr_array_add (headers, g_strdup (header));
      g_array_append_val (widths, width);
    }
  va_end (args);

  block->n_columns = headers->len;
  g_ptr_array_add (headers, NULL);
  block->headers = (char **) g_ptr_array_free (g_steal_pointer (&headers), FALSE);
  block->widths = (double *) (void *) g_array_free (g_steal_pointer (&widths), FALSE);
  return block;
}

TpReportItem *
cell (TpReportBlock *table,
      const char    *text)
{
  TpReportItem *item = item_new (text, TP_SCORE_UNSET);

  g_ptr_array_add (table->items, item);
  return item;
}

TpReportItem *
cell_take (TpReportBlock *table,
           char          *text)
{
  TpReportItem *item = item_take (text, TP_SCORE_UNSET);

  g_ptr_array_add (table->items, item);
  return item;
}

static void
cell_score (TpReportBlock *table,
            double         score)
{
  g_ptr_array_add (table->items, item_take (tp_report_format_score (score), score));
}

static TpReportBlock *
add_chart (Builder           *b,
           TpReportChartKind  kind,
           const char        *title,
           double             height)
{
  TpReportBlock *block = add_block (b, TP_REPORT_BLOCK_CHART);

  block->chart = kind;
  block->text = g_strdup (title);
  block->height = height;
  block->good_enough = b->good_enough;
  block->moment_target = b->target;
  return block;
}

void
add_figure (TpReportBlock *figures,
            char          *value,
            const char    *label,
            double         score)
{
  TpReportItem *item = item_take (value, score);

  item->detail = g_strdup (label);
  g_ptr_array_add (figures->items, item);
}

const char *
stage_name (Builder    *b,
            const char *stage_id)
{
  TpStage *stage = stage_id != NULL && *stage_id != '\0'
                   ? tp_journey_lookup_stage (b->journey, stage_id) : NULL;

  return stage != NULL ? tp_stage_get_name (stage) : "";
}

static double
score_or_unset (int score)
{
  return score == TP_SCORE_UNSET ? TP_SCORE_UNSET : (double) score;
}

/* ---- sections ---- */

/* A card's title, with its kind when it is no touchpoint: "Did he even
 * read my referral? (Thought or feeling)". */
static char *
card_title (TpTouchpoint *card)
{
  if (tp_touchpoint_is_contact (card))
    return g_strdup (tp_touchpoint_get_title (card));
  /* Translators: a card's title and its kind ("Customer action", "Thought
   * or feeling") */
  return g_strdup_printf (C_("card title", "%s (%s)"), tp_touchpoint_get_title (card),
                          tp_card_kind_get_display_name (tp_touchpoint_get_kind (card)));
}

static int
compare_by_score (gconstpointer a,
                  gconstpointer b)
{
  TpTouchpoint *ta = *(TpTouchpoint **) a;
  TpTouchpoint *tb = *(TpTouchpoint **) b;

  return tp_touchpoint_get_score (ta) - tp_touchpoint_get_score (tb);
}

static void
build_summary (Builder *b)
{
  TpScoreStats stats;
  g_auto(TpDrop) drop = { 0 };
  g_autoptr(GPtrArray) scored = g_ptr_array_new ();
  TpReportBlock *figures;
  TpReportBlock *table;
  TpReportBlock *chart;
  guint n_stages = g_list_model_get_n_items (tp_journey_get_stages (b->journey));
  guint n_moments = 0, n_on_target = 0, n_missed = 0, n_critical = 0;

  tp_journey_get_score_stats (b->journey, &stats);
  for (guint i = 0; i < b->ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (b->ordered, i);
      int score = tp_touchpoint_get_score (tp);

      /* Every scored card is a point of the curve; moments of truth are
       * touchpoints proper. */
      if (score != TP_SCORE_UNSET)
        g_ptr_array_add (scored, tp);
      if (!tp_touchpoint_is_moment (tp))
        continue;
      n_moments++;
      if (score >= b->target)
        n_on_target++;
      else if (score != TP_SCORE_UNSET)
        n_missed++;
    }
  for (guint i = 0; i < b->findings->len; i++)
    if (tp_finding_get_severity (g_ptr_array_index (b->findings, i)) == TP_SEVERITY_CRITICAL)
      n_critical++;

  add_section (b, TP_REPORT_SECTION_SUMMARY);

  /* Translators: the opening sentence of a report's summary; %s are the
   * journey's title and the persona's name */
  add_textf (b, TP_REPORT_TEXT_LEAD, _("The journey “%s” as %s experiences it, measured against "
                                       "the rule of thumb: move the customer (%d or more) at the "
                                       "moments of truth, make everything else simply right (%d or "
                                       "more)."),
             tp_journey_get_title (b->journey),
             *tp_journey_get_persona_name (b->journey) != '\0'
               ? tp_journey_get_persona_name (b->journey) : _("the customer"),
             b->target, b->good_enough);

  figures = add_block (b, TP_REPORT_BLOCK_FIGURES);
  add_figure (figures, g_strdup_printf ("%u", n_stages), _("stages"), TP_SCORE_UNSET);
  {
    /* Translators: a key figure, "25 touchpoints, 18 scored" */
    g_autofree char *label = g_strdup_printf (_("touchpoints, %u scored"), stats.n_touchpoints_scored);

    add_figure (figures, g_strdup_printf ("%u", stats.n_touchpoints), label, TP_SCORE_UNSET);
  }
  /* The curve's average: thoughts scored count as the map draws them. */
  add_figure (figures, tp_report_format_score (stats.average), _("average on the emotion curve"),
              stats.average);
  /* Figures about targets are coloured as a score would be: green when
   * all is well, red when not. */
  add_figure (figures, g_strdup_printf ("%u / %u", n_on_target, n_moments),
              _("moments of truth on target"),
              n_moments == 0 ? TP_SCORE_UNSET : n_on_target == n_moments ? TP_SCORE_MAX : 1);
  add_figure (figures, g_strdup_printf ("%u", n_missed), _("moments of truth missed"),
              n_missed > 0 ? 1 : n_moments > 0 ? TP_SCORE_MAX : TP_SCORE_UNSET);
  add_figure (figures, g_strdup_printf ("%u", n_critical), _("critical findings"),
              n_critical > 0 ? 1 : TP_SCORE_MAX);

  chart = add_chart (b, TP_REPORT_CHART_CURVE, _("Emotion curve"), 150);
  {
    GListModel *stages = tp_journey_get_stages (b->journey);
    guint n = g_list_model_get_n_items (stages);

    chart->n_columns = n;
    chart->headers = g_new0 (char *, n + 1);
    for (guint s = 0; s < n; s++)
      {
        g_autoptr(TpStage) stage = g_list_model_get_item (stages, s);
        chart->headers[s] = g_strdup (tp_stage_get_name (stage));
      }
    for (guint i = 0; i < b->ordered->len; i++)
      {
        TpTouchpoint *tp = g_ptr_array_index (b->ordered, i);
        TpReportItem *item;
        guint position = 0;

        if (tp_touchpoint_get_score (tp) == TP_SCORE_UNSET)
          continue;
        item = item_new (tp_touchpoint_get_title (tp), tp_touchpoint_get_score (tp));
        item->highlight = tp_touchpoint_is_moment (tp);
        tp_journey_get_position (b->journey,
                                 TP_ELEMENT (tp_journey_lookup_stage (b->journey, tp_touchpoint_get_stage_id (tp))),
                                 &position);
        item->count = position;
        g_ptr_array_add (chart->items, item);
      }
  }

  add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("The steepest drop"), NULL);
  if (tp_journey_steepest_drop (b->journey, &drop))
    /* Translators: %s are touchpoint titles, %d scores and the size of the fall */
    add_textf (b, TP_REPORT_TEXT_BODY, ngettext ("From “%s” (%d) to “%s” (%d): the experience falls %d point "
                                                 "between two consecutive points of the emotion curve.",
                                                 "From “%s” (%d) to “%s” (%d): the experience falls %d points "
                                                 "between two consecutive points of the emotion curve.",
                                                 (unsigned long) -drop.delta),
               tp_touchpoint_get_title (drop.from), tp_touchpoint_get_score (drop.from),
               tp_touchpoint_get_title (drop.to), tp_touchpoint_get_score (drop.to), -drop.delta);
  else
    add_text (b, TP_REPORT_TEXT_MUTED, _("The emotion curve never falls from one point to the next."));

  add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("The lowest points"), NULL);
  if (scored->len == 0)
    add_text (b, TP_REPORT_TEXT_MUTED, _("Nothing on the map has a score yet."));
  else
    {
      /* Stable: equal scores stay in journey order. Thoughts count: the
       * curve is the customer's experience, contact or not. */
      g_ptr_array_sort (scored, compare_by_score);
      table = add_table (b, _("On the emotion curve"), 5.8, _("Stage"), 2.0, _("Department"), 3.0,
                         _("Score"), 1.4, NULL);
      table->score_columns = 1 << 3;
      for (guint i = 0; i < MIN (3, scored->len); i++)
        {
          TpTouchpoint *tp = g_ptr_array_index (scored, i);

          cell_take (table, card_title (tp))->highlight = tp_touchpoint_is_moment (tp);
          cell (table, stage_name (b, tp_touchpoint_get_stage_id (tp)));
          cell (table, tp_touchpoint_get_department (tp));
          cell_score (table, tp_touchpoint_get_score (tp));
        }
    }

  tp_report_build_evidence (b);

  /* The cover shows the description already. */
  if (*tp_journey_get_description (b->journey) != '\0'
      && !(b->report->options.sections & TP_REPORT_SECTION_COVER))
    {
      add_heading (b, 2, TP_REPORT_SECTION_SUMMARY, _("About this journey"), NULL);
      add_text (b, TP_REPORT_TEXT_BODY, tp_journey_get_description (b->journey));
    }
}

static GPtrArray *
stage_touchpoints (Builder    *b,
                   const char *stage_id)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < b->ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (b->ordered, i);

      if (g_str_equal (tp_touchpoint_get_stage_id (tp), stage_id))
        g_ptr_array_add (result, tp);
    }
  return result;
}

static void
build_stages (Builder *b)
{
  g_autoptr(GArray) stats = tp_journey_get_stage_stats (b->journey);
  TpReportBlock *chart;

  add_section (b, TP_REPORT_SECTION_STAGES);
  add_text (b, TP_REPORT_TEXT_LEAD,
            _("The average score of each stage, with a line from its lowest to its highest "
              "touchpoint. A long line means the stage is uneven: one poor touchpoint can spoil "
              "an otherwise good stage."));

  chart = add_chart (b, TP_REPORT_CHART_STAGE_BARS, _("Average score per stage"), 200);
  for (guint s = 0; s < stats->len; s++)
    {
      TpStageStats *st = &g_array_index (stats, TpStageStats, s);
      TpReportItem *item = item_new (stage_name (b, st->stage_id), st->scores.average);

      if (st->scores.n_scored == 0)
        item->score = NAN;
      item->min = st->scores.min;
      item->max = st->scores.max;
      item->count = st->scores.n_touchpoints;
      g_ptr_array_add (chart->items, item);
    }

  for (guint s = 0; s < stats->len; s++)
    {
      TpStageStats *st = &g_array_index (stats, TpStageStats, s);
      TpStage *stage = tp_journey_lookup_stage (b->journey, st->stage_id);
      g_autoptr(GPtrArray) tps = stage_touchpoints (b, st->stage_id);
      g_autofree char *anchor = g_strdup_printf ("stage-%u", s + 1);
      g_autofree char *avg = tp_report_format_score (st->scores.average);
      TpReportBlock *table;
      TpReportBlock *bars;

      add_heading (b, 2, TP_REPORT_SECTION_STAGES, tp_stage_get_name (stage), anchor);
      add_text (b, TP_REPORT_TEXT_BODY, tp_stage_get_description (stage));
      if (st->scores.n_scored > 0)
        /* Translators: a stage's figures in the report: its touchpoints
         * (contact moments), then its scored cards of any kind (touchpoints
         * and thoughts) and their scores */
        add_textf (b, TP_REPORT_TEXT_MUTED, _("Touchpoints: %u · points on the emotion curve: %u · "
                                              "average %s · lowest %d · highest %d"),
                   st->scores.n_touchpoints, st->scores.n_scored, avg, st->scores.min, st->scores.max);
      else
        /* Translators: a stage's figures when nothing in it has a score */
        add_textf (b, TP_REPORT_TEXT_MUTED, _("Touchpoints: %u · nothing scored"), st->scores.n_touchpoints);

      if (tps->len == 0)
        continue;

      if (st->scores.n_scored > 0)
        {
          bars = add_chart (b, TP_REPORT_CHART_SCORE_BARS, NULL, 70);
          for (guint i = 0; i < tps->len; i++)
            {
              TpTouchpoint *tp = g_ptr_array_index (tps, i);
              TpReportItem *item;

              if (tp_touchpoint_get_score (tp) == TP_SCORE_UNSET)
                continue;
              item = item_new (tp_touchpoint_get_title (tp), tp_touchpoint_get_score (tp));
              item->highlight = tp_touchpoint_is_moment (tp);
              g_ptr_array_add (bars->items, item);
            }
        }

      /* Every card of the stage: actions and thoughts show their kind
       * where a touchpoint shows its channel. */
      table = add_table (b, _("Card"), 5.0, _("Channel or kind"), 2.2, _("Department"), 2.8,
                         _("Score"), 1.3, NULL);
      table->score_columns = 1 << 3;
      for (guint i = 0; i < tps->len; i++)
        {
          TpTouchpoint *tp = g_ptr_array_index (tps, i);

          if (tp_touchpoint_is_moment (tp))
            {
              /* Translators: after a touchpoint's title in a table */
              cell_take (table, g_strdup_printf (_("%s (moment of truth)"),
                                                 tp_touchpoint_get_title (tp)))->highlight = TRUE;
            }
          else
            cell (table, tp_touchpoint_get_title (tp));
          if (tp_touchpoint_is_contact (tp))
            cell (table, tp_channel_get_display_name (tp_touchpoint_get_channel (tp)));
          else
            cell (table, tp_card_kind_get_display_name (tp_touchpoint_get_kind (tp)));
          cell (table, tp_touchpoint_get_department (tp));
          cell_score (table, score_or_unset (tp_touchpoint_get_score (tp)));
        }
    }
}

static void
build_moments (Builder *b)
{
  TpReportBlock *table = NULL;

  add_section (b, TP_REPORT_SECTION_MOMENTS);
  /* Translators: %d is the moment target (9 by default) */
  add_textf (b, TP_REPORT_TEXT_LEAD, _("Moments of truth are the few touchpoints that decide how "
                                       "the customer remembers the journey. Each should move the "
                                       "customer: a score of %d or more."), b->target);

  for (guint i = 0; i < b->ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (b->ordered, i);
      g_autoptr(GPtrArray) blockers = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *key = NULL;
      int score = tp_touchpoint_get_score (tp);

      if (!tp_touchpoint_is_moment (tp))
        continue;
      key = tp_department_key (tp_touchpoint_get_department (tp));

      if (table == NULL)
        {
          table = add_table (b, _("Moment of truth"), 3.0, _("Stage"), 2.3, _("Score"), 1.3,
                             _("Result"), 2.1, _("Department"), 2.4, _("Related blockers"), 4.0,
                             NULL);
          table->score_columns = 1 << 2;
        }

      cell (table, tp_touchpoint_get_title (tp));
      cell (table, stage_name (b, tp_touchpoint_get_stage_id (tp)));
      cell_score (table, score_or_unset (score));
      if (score == TP_SCORE_UNSET)
        cell (table, _("Not scored"));
      else if (score >= b->target)
        cell (table, _("On target"));
      else
        /* Translators: a moment of truth's score is this many points below target */
        cell_take (table, g_strdup_printf (ngettext ("Missed by %d point", "Missed by %d points",
                                                     b->target - score), b->target - score));
      cell (table, tp_touchpoint_get_department (tp));

      /* Whichever department causes them, as the analysis relates them. */
      blockers = tp_journey_get_related_blockers (b->journey, tp);
      for (guint n = 0; n < blockers->len; n++)
        {
          TpEmployeeNote *note = g_ptr_array_index (blockers, n);
          g_autofree char *felt = tp_department_key (tp_employee_note_get_department (note));
          g_autofree char *caused = tp_department_key (tp_employee_note_get_causing_department (note));
          g_autofree char *departments = NULL;

          /* Departments named only where they are not the moment's own. */
          if (g_strcmp0 (felt, key) != 0 || g_strcmp0 (caused, key) != 0)
            departments = tp_report_note_departments (note);

          if (n > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "• %s", tp_employee_note_get_text (note));
          if (departments != NULL)
            g_string_append_printf (text, " (%s)", departments);
        }
      cell (table, blockers->len > 0 ? text->str : _("None recorded"));
    }

  if (table == NULL)
    add_text (b, TP_REPORT_TEXT_MUTED, _("No touchpoint is marked as a moment of truth."));
}

typedef struct {
  char      *key;   /* "" for the notes without a department */
  char      *name;  /* NULL for the notes without a department */
  GPtrArray *notes; /* TpEmployeeNote it feels, then those it causes for others */
  guint      n_felt;
} Department;

static void
department_free (Department *d)
{
  g_free (d->key);
  g_free (d->name);
  g_ptr_array_unref (d->notes);
  g_free (d);
}

static Department *
department_for (GPtrArray  *departments,
                GHashTable *by_key,
                const char *department)
{
  g_autofree char *key = tp_department_key (department);
  Department *d;

  /* Notes without a department make one group, under "" (no key). */
  if (key == NULL)
    key = g_strdup ("");
  d = g_hash_table_lookup (by_key, key);
  if (d == NULL)
    {
      d = g_new0 (Department, 1);
      d->name = tp_department_display_name (department);
      d->notes = g_ptr_array_new_with_free_func (g_object_unref);
      d->key = g_strdup (key);
      g_ptr_array_add (departments, d);
      g_hash_table_insert (by_key, d->key, d);
    }
  return d;
}

/* "2 of 3" for a blocker's severity or an enabler's strength; "" for an
 * enabler without one. */
static char *
note_weight (TpEmployeeNote *note)
{
  int value = tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER
              ? tp_employee_note_get_severity (note) : tp_employee_note_get_strength (note);

  if (value == 0)
    return g_strdup ("");
  /* Translators: a blocker's severity or an enabler's strength, "2 of 3" */
  return g_strdup_printf (_("%d of %d"), value, TP_SEVERITY_MAX);
}

/* Who feels a note: "Specialist, Cardiology", whichever of the two is
 * given. */
static char *
note_felt_by (TpEmployeeNote *note)
{
  g_autofree char *department = tp_department_display_name (tp_employee_note_get_department (note));
  const char *role = tp_employee_note_get_role (note);

  if (department != NULL && *role != '\0')
    return g_strdup_printf ("%s, %s", role, department);
  return g_strdup (department != NULL ? department : role);
}

static char *
note_target (Builder        *b,
             TpEmployeeNote *note)
{
  const char *touchpoint_id = tp_employee_note_get_touchpoint_id (note);

  if (*touchpoint_id != '\0')
    {
      TpTouchpoint *tp = tp_journey_lookup_touchpoint (b->journey, touchpoint_id);
      return g_strdup (tp != NULL ? tp_touchpoint_get_title (tp) : "");
    }
  /* Translators: an employee note about a whole stage */
  return g_strdup_printf (_("Stage: %s"), stage_name (b, tp_employee_note_get_stage_id (note)));
}

static void
build_employees (Builder *b)
{
  GListModel *notes = tp_journey_get_employee_notes (b->journey);
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func ((GDestroyNotify) department_free);
  /* Keys are owned by the departments. */
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_not_involved = FALSE;
  TpReportBlock *table;

  add_section (b, TP_REPORT_SECTION_EMPLOYEES);
  add_text (b, TP_REPORT_TEXT_LEAD,
            _("The employee travels along. Blockers are what gets in the way of good service "
              "(silos, targets, procedures); enablers are what lets employees shine. Removing "
              "blockers and strengthening enablers is how the organisation puts the customer "
              "first."));

  /* Each note under the department that feels it... */
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      Department *d = department_for (departments, by_key, tp_employee_note_get_department (note));

      g_ptr_array_add (d->notes, g_steal_pointer (&note));
      d->n_felt++;
    }
  /* ...and under the one that causes it, when that is another: a rule from
   * Finance is Finance's to change. */
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      g_autofree char *felt = tp_department_key (tp_employee_note_get_department (note));
      g_autofree char *caused = tp_department_key (tp_employee_note_get_causing_department (note));
      Department *d;

      if (caused == NULL || g_strcmp0 (felt, caused) == 0)
        continue;
      d = department_for (departments, by_key, tp_employee_note_get_causing_department (note));
      g_ptr_array_add (d->notes, g_steal_pointer (&note));
    }

  if (departments->len == 0)
    add_text (b, TP_REPORT_TEXT_MUTED, _("The journey has no employee notes yet."));

  for (guint i = 0; i < departments->len; i++)
    {
      Department *d = g_ptr_array_index (departments, i);
      guint n_blockers = 0;
      guint n_caused = d->notes->len - d->n_felt;

      for (guint n = 0; n < d->n_felt; n++)
        if (tp_employee_note_get_kind (g_ptr_array_index (d->notes, n)) == TP_NOTE_KIND_BLOCKER)
          n_blockers++;

      add_heading (b, 2, TP_REPORT_SECTION_EMPLOYEES,
                   d->name != NULL ? d->name : _("No department given"), NULL);
      {
        /* Translators: "2 blockers, 1 enabler" for one department */
        g_autofree char *blockers = g_strdup_printf (ngettext ("%u blocker", "%u blockers", n_blockers),
                                                     n_blockers);
        /* Translators: the second half of "2 blockers, 1 enabler" */
        g_autofree char *enablers = g_strdup_printf (ngettext ("%u enabler", "%u enablers",
                                                               d->n_felt - n_blockers),
                                                     d->n_felt - n_blockers);

        if (n_caused > 0 && d->n_felt == 0)
          add_textf (b, TP_REPORT_TEXT_MUTED,
                     /* Translators: a department that only causes notes that
                      * other departments feel */
                     ngettext ("Causes %u blocker or enabler felt by other departments",
                               "Causes %u blockers or enablers felt by other departments", n_caused),
                     n_caused);
        else if (n_caused > 0)
          add_textf (b, TP_REPORT_TEXT_MUTED,
                     /* Translators: "2 blockers, 1 enabler; causes 1 felt by other
                      * departments" */
                     ngettext ("%s, %s; causes %u felt by other departments",
                               "%s, %s; causes %u felt by other departments", n_caused),
                     blockers, enablers, n_caused);
        else
          add_textf (b, TP_REPORT_TEXT_MUTED, "%s, %s", blockers, enablers);
      }

      /* Severity is a blocker's, strength an enabler's. */
      /* Room for Dutch words that do not break ("Blokkade", "Veroorzaakt"). */
      table = add_table (b, _("Kind"), 1.8, _("Note"), 3.0, _("Affects"), 2.2, _("Felt by"), 2.0,
                         _("Caused by"), 2.4, _("Severity or strength"), 1.9, NULL);
      table->number_columns = 1 << 5;
      /* Blockers first: they are what management has to act on. */
      for (int kind = TP_NOTE_KIND_BLOCKER; kind <= TP_NOTE_KIND_ENABLER; kind++)
        for (guint n = 0; n < d->notes->len; n++)
          {
            TpEmployeeNote *note = g_ptr_array_index (d->notes, n);
            g_autofree char *felt = tp_department_key (tp_employee_note_get_department (note));
            g_autofree char *caused = tp_department_key (tp_employee_note_get_causing_department (note));

            if ((int) tp_employee_note_get_kind (note) != kind)
              continue;
            cell (table, tp_note_kind_get_display_name (kind))->highlight = kind == TP_NOTE_KIND_BLOCKER;
            cell (table, tp_employee_note_get_text (note));
            cell_take (table, note_target (b, note));
            cell_take (table, note_felt_by (note));
            /* Named only when another department causes it. */
            cell_take (table, caused != NULL && g_strcmp0 (felt, caused) != 0
                              ? tp_department_display_name (tp_employee_note_get_causing_department (note))
                              : g_strdup (""));
            cell_take (table, note_weight (note));
          }
    }

  add_heading (b, 2, TP_REPORT_SECTION_EMPLOYEES, _("Departments not involved"), "not-involved");
  table = NULL;
  for (guint i = 0; i < b->findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (b->findings, i);
      const char * const *ids = tp_finding_get_ids (finding);
      g_autoptr(GString) titles = g_string_new (NULL);

      if (tp_finding_get_kind (finding) != TP_FINDING_DEPARTMENT_NOT_INVOLVED)
        continue;
      if (table == NULL)
        {
          add_text (b, TP_REPORT_TEXT_BODY,
                    _("These departments own touchpoints but appear nowhere in the employee "
                      "layer. One department that is not involved can spoil the whole journey."));
          table = add_table (b, _("Department"), 3.0, _("Touchpoints it owns"), 8.0, NULL);
        }
      any_not_involved = TRUE;
      for (guint n = 0; ids[n] != NULL; n++)
        {
          TpTouchpoint *tp = tp_journey_lookup_touchpoint (b->journey, ids[n]);

          if (tp == NULL)
            continue;
          if (titles->len > 0)
            g_string_append (titles, "; ");
          g_string_append (titles, tp_touchpoint_get_title (tp));
        }
      cell (table, tp_finding_get_department (finding));
      cell (table, titles->str);
    }
  if (!any_not_involved)
    add_text (b, TP_REPORT_TEXT_MUTED,
              _("Every department that owns touchpoints appears in the employee layer."));
}

static void
build_channels (Builder *b)
{
  TpChannelMix mix;
  TpScoreStats per_channel[TP_N_CHANNELS] = { 0 };
  double sums[TP_N_CHANNELS] = { 0 };
  TpReportBlock *figures;
  TpReportBlock *chart;
  TpReportBlock *table;

  tp_journey_get_channel_mix (b->journey, &mix);
  for (guint i = 0; i < b->ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (b->ordered, i);
      TpScoreStats *st = &per_channel[tp_touchpoint_get_channel (tp)];
      int score = tp_touchpoint_get_score (tp);

      /* Channels are the touchpoints': actions and thoughts have none. */
      if (!tp_touchpoint_is_contact (tp))
        continue;
      st->n_touchpoints++;
      if (score == TP_SCORE_UNSET)
        continue;
      st->min = st->n_scored == 0 ? score : MIN (st->min, score);
      st->max = st->n_scored == 0 ? score : MAX (st->max, score);
      st->n_scored++;
      sums[tp_touchpoint_get_channel (tp)] += score;
    }

  add_section (b, TP_REPORT_SECTION_CHANNELS);
  add_text (b, TP_REPORT_TEXT_LEAD,
            _("Where the customer meets the organisation, online and offline. A customer-centric "
              "organisation integrates all its channels, so the experience does not depend on "
              "the channel the customer happens to choose."));

  figures = add_block (b, TP_REPORT_BLOCK_FIGURES);
  {
    g_autofree char *online_avg = tp_report_format_score (mix.online.average);
    g_autofree char *offline_avg = tp_report_format_score (mix.offline.average);

    /* Translators: key figures: touchpoints online/offline and their average */
    add_figure (figures, g_strdup_printf ("%u", mix.online.n_touchpoints), _("online touchpoints"), TP_SCORE_UNSET);
    add_figure (figures, g_strdup (online_avg), _("average online"), mix.online.average);
    add_figure (figures, g_strdup_printf ("%u", mix.offline.n_touchpoints), _("offline touchpoints"), TP_SCORE_UNSET);
    add_figure (figures, g_strdup (offline_avg), _("average offline"), mix.offline.average);
  }

  chart = add_chart (b, TP_REPORT_CHART_CHANNEL_BARS, _("Touchpoints per channel"), 0);
  /* Widths leave room for longer translations of the headers (Dutch). */
  table = add_table (b, _("Channel"), 2.6, _("Online or offline"), 1.9,
                     /* Translators: column header: the number of touchpoints per channel */
                     C_("channel table", "Touchpoints"), 1.6,
                     _("Average"), 2.0, _("Lowest"), 1.5, _("Highest"), 1.5, NULL);
  table->number_columns = (1 << 2) | (1 << 4) | (1 << 5);
  table->score_columns = 1 << 3;
  for (int c = 0; c < TP_N_CHANNELS; c++)
    {
      TpScoreStats *st = &per_channel[c];
      double avg = st->n_scored > 0 ? sums[c] / st->n_scored : NAN;
      TpReportItem *item;

      if (st->n_touchpoints == 0)
        continue;
      item = item_new (tp_channel_get_display_name (c), avg);
      item->count = st->n_touchpoints;
      g_ptr_array_add (chart->items, item);

      cell (table, tp_channel_get_display_name (c));
      cell (table, tp_channel_is_online (c) ? _("online") : _("offline"));
      cell_take (table, g_strdup_printf ("%u", st->n_touchpoints));
      cell_score (table, avg);
      cell_take (table, st->n_scored > 0 ? g_strdup_printf ("%d", st->min) : g_strdup ("–"));
      cell_take (table, st->n_scored > 0 ? g_strdup_printf ("%d", st->max) : g_strdup ("–"));
    }
  chart->height = 16 + 18.0 * chart->items->len;
}

static void
build_findings (Builder *b)
{
  static const struct {
    TpSeverity severity;
    const char *title;
  } groups[] = {
    { TP_SEVERITY_CRITICAL, N_("Critical findings") },
    { TP_SEVERITY_WARNING, N_("Warnings") },
    { TP_SEVERITY_INFO, N_("For information") },
  };
  guint counts[3] = { 0 };

  for (guint i = 0; i < b->findings->len; i++)
    counts[tp_finding_get_severity (g_ptr_array_index (b->findings, i))]++;

  add_section (b, TP_REPORT_SECTION_FINDINGS);
  if (b->findings->len == 0)
    {
      add_text (b, TP_REPORT_TEXT_MUTED, _("The analysis found nothing to report."));
      return;
    }
  /* Translators: %u are numbers of findings */
  add_textf (b, TP_REPORT_TEXT_LEAD, _("The analysis checks every touchpoint against the rule of "
                                       "thumb and the employee layer against the customer’s side. "
                                       "Critical: %u · warnings: %u · for information: %u."),
             counts[TP_SEVERITY_CRITICAL], counts[TP_SEVERITY_WARNING], counts[TP_SEVERITY_INFO]);

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      TpReportBlock *table = NULL;
      guint number = 0;

      for (guint i = 0; i < b->findings->len; i++)
        {
          TpFinding *finding = g_ptr_array_index (b->findings, i);
          const char *department = tp_report_finding_department (b, finding);

          if (tp_finding_get_severity (finding) != groups[g].severity)
            continue;
          if (table == NULL)
            {
              g_autofree char *title = g_strdup_printf ("%s (%u)", _(groups[g].title),
                                                        counts[groups[g].severity]);

              add_heading (b, 2, TP_REPORT_SECTION_FINDINGS, title, NULL);
              table = add_table (b, _("No."), 0.7, _("Finding"), 6.0, _("Stage"), 2.0,
                                 _("Touchpoint"), 2.4, _("Department"), 2.4, NULL);
              table->number_columns = 1 << 0;
            }
          cell_take (table, g_strdup_printf ("%u", ++number));
          cell (table, tp_finding_get_message (finding))->highlight =
            groups[g].severity == TP_SEVERITY_CRITICAL;
          /* Where to act and who: the stage, the touchpoint, its owner. */
          {
            const char * const *ids = tp_finding_get_ids (finding);
            TpTouchpoint *tp = ids[0] != NULL ? tp_journey_lookup_touchpoint (b->journey, ids[0]) : NULL;
            TpStage *stage = ids[0] != NULL ? tp_journey_lookup_stage (b->journey, ids[0]) : NULL;

            cell (table, tp != NULL ? stage_name (b, tp_touchpoint_get_stage_id (tp))
                         : stage != NULL ? tp_stage_get_name (stage) : "");
            cell (table, tp != NULL ? tp_touchpoint_get_title (tp) : "");
          }
          cell (table, department);
        }
    }
}

static void
build_appendix (Builder *b)
{
  GListModel *stages = tp_journey_get_stages (b->journey);

  add_section (b, TP_REPORT_SECTION_APPENDIX);
  add_text (b, TP_REPORT_TEXT_MUTED,
            _("Every card of the journey (touchpoints, customer actions, thoughts and feelings) in "
              "journey order, with everything recorded about it."));

  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (stages, s);
      g_autoptr(GPtrArray) tps = stage_touchpoints (b, tp_element_get_id (TP_ELEMENT (stage)));

      add_heading (b, 2, TP_REPORT_SECTION_APPENDIX, tp_stage_get_name (stage), NULL);
      /* A long list: fill the pages, keeping only each touchpoint whole. */
      ((TpReportBlock *) g_ptr_array_index (b->report->blocks, b->report->blocks->len - 1))->keep_together = FALSE;
      for (guint i = 0; i < tps->len; i++)
        {
          TpTouchpoint *tp = g_ptr_array_index (tps, i);
          TpLane *lane = tp_journey_lookup_lane (b->journey, tp_touchpoint_get_lane_id (tp));
          g_autoptr(GString) facts = g_string_new (NULL);
          int score = tp_touchpoint_get_score (tp);

          add_heading (b, 3, TP_REPORT_SECTION_APPENDIX, tp_touchpoint_get_title (tp), NULL);

          if (lane != NULL)
            g_string_append (facts, tp_lane_get_name (lane));
          if (tp_touchpoint_is_contact (tp))
            g_string_append_printf (facts, " · %s (%s)",
                                    tp_channel_get_display_name (tp_touchpoint_get_channel (tp)),
                                    tp_touchpoint_is_online (tp) ? _("online") : _("offline"));
          else
            g_string_append_printf (facts, " · %s",
                                    tp_card_kind_get_display_name (tp_touchpoint_get_kind (tp)));
          if (score != TP_SCORE_UNSET)
            {
              g_string_append (facts, " · ");
              /* Translators: a touchpoint's emotion score in the appendix */
              g_string_append_printf (facts, _("score %d"), score);
            }
          if (tp_touchpoint_is_moment (tp))
            g_string_append_printf (facts, " · %s", _("moment of truth"));
          if (tp_touchpoint_get_evidence (tp) == TP_EVIDENCE_REPORTED
              && tp_touchpoint_get_respondents (tp) > 0)
            {
              g_string_append (facts, " · ");
              /* Translators: where a card's content comes from */
              g_string_append_printf (facts, ngettext ("reported by %d customer", "reported by %d customers",
                                                       tp_touchpoint_get_respondents (tp)),
                                      tp_touchpoint_get_respondents (tp));
            }
          else if (tp_touchpoint_get_evidence (tp) != TP_EVIDENCE_NONE)
            g_string_append_printf (facts, " · %s",
                                    tp_evidence_get_display_name (tp_touchpoint_get_evidence (tp)));
          if (*tp_touchpoint_get_department (tp) != '\0' || *tp_touchpoint_get_role (tp) != '\0')
            g_string_append_printf (facts, " · %s%s%s", tp_touchpoint_get_department (tp),
                                    *tp_touchpoint_get_department (tp) != '\0'
                                      && *tp_touchpoint_get_role (tp) != '\0' ? ", " : "",
                                    tp_touchpoint_get_role (tp));
          add_text (b, TP_REPORT_TEXT_MUTED, facts->str);
          add_text (b, TP_REPORT_TEXT_BODY, tp_touchpoint_get_description (tp));
          add_text (b, TP_REPORT_TEXT_QUOTE, tp_touchpoint_get_quote (tp));
          if (*tp_touchpoint_get_notes (tp) != '\0')
            {
              add_text (b, TP_REPORT_TEXT_LABEL, _("Notes"));
              add_text (b, TP_REPORT_TEXT_BODY, tp_touchpoint_get_notes (tp));
            }
        }
    }
}

static char *
format_date (GDateTime *date)
{
  /* Translators: the report's date on its cover, see g_date_time_format();
   * "%-d %B %Y" gives "23 November 2026" */
  return g_date_time_format (date, C_("report date", "%-d %B %Y"));
}

TpReport *
tp_report_build (TpJourney             *journey,
                 const TpReportOptions *options)
{
  TpReport *report;
  Builder b = { 0 };
  TpReportOptions defaults;
  const char *persona;
  const char *segment;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  if (options == NULL)
    {
      tp_report_options_init (&defaults);
      options = &defaults;
    }

  report = g_new0 (TpReport, 1);
  report->journey = g_object_ref (journey);
  report->options = *options;
  report->options.compare_with = NULL;
  report->options.date = options->date != NULL ? g_date_time_ref (options->date)
                                               : g_date_time_new_now_local ();
  report->options.creation_date = g_date_time_ref (options->creation_date != NULL ? options->creation_date
                                                                                 : report->options.date);
  report->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  report->title = g_strdup (*tp_journey_get_title (journey) != '\0' ? tp_journey_get_title (journey)
                                                                   : _("Untitled journey"));
  persona = tp_journey_get_persona_name (journey);
  segment = tp_journey_get_persona_segment (journey);
  if (*persona != '\0' && *segment != '\0')
    report->subtitle = g_strdup_printf ("%s — %s", persona, segment);
  else
    report->subtitle = g_strdup (*persona != '\0' ? persona : segment);
  report->date = format_date (report->options.date);
  report->meta = g_strdup_printf ("%s · %s", tp_scope_get_display_name (tp_journey_get_scope (journey)),
                                  tp_journey_state_get_display_name (tp_journey_get_state (journey)));
  report->author = g_strdup (tp_journey_get_author (journey));
  report->description = g_strdup (tp_journey_get_description (journey));
  report->generator = g_strdup_printf ("Touchpoint %s", PACKAGE_VERSION);

  b.report = report;
  b.journey = journey;
  b.ordered = tp_journey_get_ordered_touchpoints (journey);
  b.findings = tp_analyze_journey (journey);
  b.good_enough = tp_journey_get_good_enough (journey);
  b.target = tp_journey_get_moment_target (journey);

  /* On the contents page, right after the cover: what to do first. */
  if (options->sections & (TP_REPORT_SECTION_COVER | TP_REPORT_SECTION_SUMMARY))
    tp_report_build_executive (&b);
  if (options->sections & TP_REPORT_SECTION_SUMMARY)
    {
      build_summary (&b);
      tp_report_build_persona (&b);
      tp_report_build_analytics (&b);
    }
  if (options->sections & TP_REPORT_SECTION_DIAGRAM)
    {
      TpReportBlock *diagram;

      add_section (&b, TP_REPORT_SECTION_DIAGRAM);
      diagram = add_block (&b, TP_REPORT_BLOCK_DIAGRAM);
      diagram->text = g_strdup (report->title);
    }
  if (options->sections & TP_REPORT_SECTION_STAGES)
    build_stages (&b);
  if (options->sections & TP_REPORT_SECTION_MOMENTS)
    build_moments (&b);
  if (options->sections & TP_REPORT_SECTION_EMPLOYEES)
    build_employees (&b);
  if (options->sections & TP_REPORT_SECTION_CHANNELS)
    build_channels (&b);
  if (options->sections & TP_REPORT_SECTION_OPPORTUNITIES)
    tp_report_build_opportunities (&b);
  if (options->sections & TP_REPORT_SECTION_FINDINGS)
    build_findings (&b);
  if (options->compare_with != NULL)
    tp_report_build_comparison (&b, options->compare_with);
  if (options->sections & TP_REPORT_SECTION_APPENDIX)
    build_appendix (&b);

  g_ptr_array_unref (b.ordered);
  g_ptr_array_unref (b.findings);
  return report;
}
