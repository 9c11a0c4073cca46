/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-report-html.h"
#include "tp-report-pdf.h"
#include "tp-report-probe.h"
#include "tp-test-util.h"

/* The report's typography and figures, checked on its layout (the PDF
 * writer's probe: every cell's PangoLayout, every chart label's rectangle,
 * every page's fill) for the English and Dutch samples and a stress
 * journey (25 stages, long Dutch compounds, 30 cards in one cell). */

typedef enum { SAMPLE_EN, SAMPLE_NL, STRESS } Journey;

static gboolean
use_dutch (gboolean dutch)
{
  static char *old_locale;
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (old_locale == NULL)
    old_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (!dutch)
    {
      g_unsetenv ("LANGUAGE");
      setlocale (LC_ALL, old_locale);
      return TRUE;
    }
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    return FALSE;
  g_setenv ("LANGUAGE", "nl", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* Make gettext see the new LANGUAGE. */
  textdomain (textdomain (NULL));
  return TRUE;
}

static char *
journey_path (Journey which)
{
  switch (which)
    {
    case SAMPLE_EN: return tp_test_sample_path ();
    case SAMPLE_NL: return tp_test_sample_nl_path ();
    case STRESS:
    default: return g_test_build_filename (G_TEST_DIST, "data", "report-stress.journey", NULL);
    }
}

/* The report of @which (in Dutch for the Dutch sample and the stress
 * journey), its probe filled; NULL when Dutch is not installed. */
static TpReport *
build (Journey         which,
       TpReportProbe **out_probe,
       GBytes        **out_pdf)
{
  g_autofree char *path = journey_path (which);
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpReportProbe) probe = tp_report_probe_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 23, 12, 0, 0);
  TpReportOptions options;
  TpReport *report;
  GBytes *pdf;

  if (!use_dutch (which != SAMPLE_EN))
    return NULL;
  tp_report_options_init (&options);
  options.date = date;
  report = tp_report_build (journey, &options);
  pdf = tp_report_pdf_write_probed (report, probe, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  use_dutch (FALSE);
  g_assert_cmpuint (probe->pages->len, >, 0);
  if (out_pdf != NULL)
    *out_pdf = pdf;
  else
    g_bytes_unref (pdf);
  *out_probe = g_steal_pointer (&probe);
  return report;
}

static const char *
journey_name (Journey which)
{
  return which == SAMPLE_EN ? "English sample" : which == SAMPLE_NL ? "Dutch sample" : "stress journey";
}

/* ---- 1. words broken only where no column can hold them ---- */

static double
text_width (PangoLayout *like,
            const char  *text,
            int          length)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (pango_layout_get_context (like));
  int width, height;

  pango_layout_set_font_description (layout, pango_layout_get_font_description (like));
  pango_layout_set_attributes (layout, pango_layout_get_attributes (like));
  pango_layout_set_text (layout, text, length);
  pango_layout_get_size (layout, &width, &height);
  return (double) width / PANGO_SCALE;
}

static void
test_no_broken_words (void)
{
  for (Journey which = SAMPLE_EN; which <= STRESS; which++)
    {
      g_autoptr(TpReportProbe) probe = NULL;
      g_autoptr(TpReport) report = build (which, &probe, NULL);
      guint n_cells = 0, n_forced = 0;

      if (report == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      for (guint i = 0; i < probe->items->len; i++)
        {
          TpReportProbeItem *item = g_ptr_array_index (probe->items, i);
          const char *text;
          const PangoLogAttr *attrs;
          int n_attrs;
          GSList *lines;

          if (item->kind != TP_REPORT_PROBE_CELL && item->kind != TP_REPORT_PROBE_HEADER_CELL)
            continue;
          n_cells++;
          text = pango_layout_get_text (item->layout);
          attrs = pango_layout_get_log_attrs_readonly (item->layout, &n_attrs);
          lines = pango_layout_get_lines_readonly (item->layout);
          for (GSList *l = lines != NULL ? lines->next : NULL; l != NULL; l = l->next)
            {
              PangoLayoutLine *line = l->data;
              int offset = (int) g_utf8_pointer_to_offset (text, text + line->start_index);
              int from = offset, to = offset;
              const char *start, *end;
              double width;

              if (offset >= n_attrs || attrs[offset].is_line_break)
                continue;
              /* A break inside a word: the whole word, and its width. */
              while (from > 0 && !attrs[from].is_line_break)
                from--;
              while (to < n_attrs - 1 && !attrs[to].is_line_break)
                to++;
              while (to > from && attrs[to - 1].is_white)
                to--;
              start = g_utf8_offset_to_pointer (text, from);
              end = g_utf8_offset_to_pointer (text, to);
              width = text_width (item->layout, start, (int) (end - start));
              if (width > item->width + 0.01)
                {
                  n_forced++;
                  continue;
                }
              g_error ("%s, page %u: “%.*s” (%.1f pt) broken in a column of %.1f pt",
                       journey_name (which), item->page, (int) (end - start), start, width, item->width);
            }
        }
      g_test_message ("%s: %u cells, %u words too long for any column", journey_name (which), n_cells, n_forced);
      g_assert_cmpuint (n_cells, >, 50);
      /* The samples hold no word that needs breaking. */
      if (which != STRESS)
        g_assert_cmpuint (n_forced, ==, 0);
    }
}

/* The same seen from outside: pdftotext's text has no word broken with
 * a hyphen at a line's end that the journey does not write so. */
static void
test_pdftotext_hyphens (void)
{
  for (Journey which = SAMPLE_EN; which <= SAMPLE_NL; which++)
    {
      g_autoptr(TpReportProbe) probe = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(TpReport) report = build (which, &probe, &pdf);
      g_autofree char *file = NULL;
      g_autofree char *text = NULL;
      g_autofree char *source = NULL;
      g_autofree char *source_path = NULL;
      g_autoptr(GString) all = g_string_new (NULL);
      g_autoptr(GRegex) regex = g_regex_new ("(\\w+)-(?: {2,}|$)", G_REGEX_MULTILINE, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      int fd;

      if (report == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      fd = g_file_open_tmp ("tp-layout-XXXXXX.pdf", &file, NULL);
      g_assert_cmpint (fd, >=, 0);
      close (fd);
      g_assert_true (g_file_set_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
      text = tp_test_run_tool ("PDFTOTEXT", "-layout", "-enc", "UTF-8", file, "-", NULL);
      g_remove (file);
      g_assert_nonnull (text);

      /* Hyphens the journey or the report itself writes ("e-mail"). */
      source_path = journey_path (which);
      g_file_get_contents (source_path, &source, NULL, NULL);
      g_string_append (all, source);
      for (guint i = 0; i < report->blocks->len; i++)
        {
          TpReportBlock *block = g_ptr_array_index (report->blocks, i);

          if (block->text != NULL)
            g_string_append_printf (all, "%s\n", block->text);
          for (guint h = 0; h < block->n_columns && block->headers != NULL && block->kind == TP_REPORT_BLOCK_TABLE; h++)
            g_string_append_printf (all, "%s\n", block->headers[h]);
          for (guint c = 0; c < block->items->len; c++)
            g_string_append_printf (all, "%s\n", ((TpReportItem *) g_ptr_array_index (block->items, c))->text);
        }
      g_regex_match (regex, text, 0, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *word = g_match_info_fetch (match, 1);
          g_autofree char *hyphenated = g_strdup_printf ("%s-", word);
          g_autofree char *lower = g_utf8_strdown (all->str, -1);
          g_autofree char *lower_word = g_utf8_strdown (hyphenated, -1);

          if (strstr (lower, lower_word) == NULL)
            g_error ("%s: “%s” broken with a hyphen in pdftotext -layout", journey_name (which), hyphenated);
        }
    }
}

/* ---- 2. chart labels never overlap ---- */

static void
test_chart_labels (void)
{
  for (Journey which = SAMPLE_EN; which <= STRESS; which++)
    {
      g_autoptr(TpReportProbe) probe = NULL;
      g_autoptr(TpReport) report = build (which, &probe, NULL);
      guint n_labels = 0;

      if (report == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      g_assert_cmpuint (probe->n_charts, >, 2);
      for (guint i = 0; i < probe->items->len; i++)
        {
          TpReportProbeItem *a = g_ptr_array_index (probe->items, i);

          if (a->kind != TP_REPORT_PROBE_CHART_LABEL)
            continue;
          n_labels++;
          /* Inside the chart: the right margin holds the guides' names. */
          g_assert_cmpfloat (a->text_x, >=, -0.5);
          g_assert_cmpfloat (a->text_x + a->text_width, <=, a->width + 0.5);
          g_assert_cmpfloat (a->text_y + a->text_height, <=, a->height + 0.5);
          for (guint j = i + 1; j < probe->items->len; j++)
            {
              TpReportProbeItem *b = g_ptr_array_index (probe->items, j);
              double dx, dy;

              if (b->kind != TP_REPORT_PROBE_CHART_LABEL || b->chart != a->chart)
                continue;
              dx = MIN (a->text_x + a->text_width, b->text_x + b->text_width) - MAX (a->text_x, b->text_x);
              dy = MIN (a->text_y + a->text_height, b->text_y + b->text_height) - MAX (a->text_y, b->text_y);
              if (dx > 0.5 && dy > 0.5)
                g_error ("%s, chart %u on page %u: labels at (%.1f, %.1f) and (%.1f, %.1f) overlap",
                         journey_name (which), a->chart, a->page, a->text_x, a->text_y, b->text_x, b->text_y);
            }
        }
      g_assert_cmpuint (n_labels, >, 10);
    }
}

/* ---- 3. key figures fit their tiles ---- */

static void
test_figures_fit (void)
{
  for (Journey which = SAMPLE_EN; which <= STRESS; which++)
    {
      g_autoptr(TpReportProbe) probe = NULL;
      g_autoptr(TpReport) report = build (which, &probe, NULL);
      guint n = 0;

      if (report == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      for (guint i = 0; i < probe->items->len; i++)
        {
          TpReportProbeItem *item = g_ptr_array_index (probe->items, i);

          if (item->kind != TP_REPORT_PROBE_FIGURE)
            continue;
          n++;
          if (item->text_x + item->text_width > item->x + item->width + 0.5
              || item->text_y + item->text_height > item->y + item->height + 0.5)
            g_error ("%s, page %u: “%s” (%.1f × %.1f) leaves its tile", journey_name (which), item->page,
                     pango_layout_get_text (item->layout), item->text_width, item->text_height);
        }
      g_assert_cmpuint (n, >=, 12);
    }
}

/* ---- 7. the map readable; 8. no near-empty pages ---- */

static void
test_pages (void)
{
  for (Journey which = SAMPLE_EN; which <= STRESS; which++)
    {
      g_autoptr(TpReportProbe) probe = NULL;
      g_autoptr(TpReport) report = build (which, &probe, NULL);
      guint n_map = 0;

      if (report == NULL)
        {
          g_test_skip ("the nl_NL.UTF-8 locale is not installed");
          return;
        }
      for (guint p = 0; p < probe->pages->len; p++)
        {
          TpReportProbePage *page = &g_array_index (probe->pages, TpReportProbePage, p);

          if (page->map)
            {
              n_map++;
              g_assert_true (page->landscape);
              /* Too large for pages: one overview and where the poster is. */
              if (page->map_overview)
                continue;
              if (page->smallest_text < 7.0 - 0.01)
                g_error ("%s, page %u: map text %.1f pt", journey_name (which), p + 1, page->smallest_text);
              continue;
            }
          if (!page->section_ends && page->fill < 1 / 3.0)
            g_error ("%s, page %u: %.0f %% full in the middle of a section", journey_name (which), p + 1,
                     page->fill * 100);
        }
      g_assert_cmpuint (n_map, >=, 1);
    }
}

/* ---- 4. counts; 5. departments in findings; 6. persona ---- */

static TpReportBlock *
find_block_after (TpReport          *report,
                  TpReportBlockKind  kind,
                  const char        *heading)
{
  gboolean seen = heading == NULL;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == TP_REPORT_BLOCK_HEADING && block->text != NULL
          && heading != NULL && g_str_has_prefix (block->text, heading))
        seen = TRUE;
      else if (seen && block->kind == kind)
        return block;
    }
  return NULL;
}

static void
test_counts (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  GListModel *cards = tp_journey_get_touchpoints (journey);
  TpReportBlock *figures = find_block_after (report, TP_REPORT_BLOCK_FIGURES, NULL);
  guint n_in_lane = 0, n_cards = g_list_model_get_n_items (cards);
  g_autofree char *expected = NULL;
  TpReportItem *count;

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (cards, i);
      TpLane *lane = tp_journey_lookup_lane (journey, tp_touchpoint_get_lane_id (tp));

      if (tp_lane_get_kind (lane) == TP_LANE_KIND_TOUCHPOINTS
          && tp_touchpoint_get_kind (tp) == TP_CARD_KIND_TOUCHPOINT)
        n_in_lane++;
    }
  /* The sample has actions and thoughts besides: the count is not all cards. */
  g_assert_cmpuint (n_in_lane, <, n_cards);
  g_assert_nonnull (figures);
  count = g_ptr_array_index (figures->items, 1);
  expected = g_strdup_printf ("%u", n_in_lane);
  g_assert_cmpstr (count->text, ==, expected);
  g_assert_true (g_str_has_prefix (count->detail, "touchpoints"));
}

static void
test_finding_departments (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  TpReportBlock *table = find_block_after (report, TP_REPORT_BLOCK_TABLE, "Critical findings");
  guint n_rows;

  g_assert_nonnull (table);
  g_assert_cmpuint (table->n_columns, ==, 5);
  g_assert_cmpstr (table->headers[2], ==, "Stage");
  g_assert_cmpstr (table->headers[3], ==, "Touchpoint");
  g_assert_cmpstr (table->headers[4], ==, "Department");
  n_rows = tp_report_table_get_n_rows (table);
  g_assert_cmpuint (n_rows, ==, 2);
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert_cmpstr (tp_report_table_get_cell (table, r, 2)->text, !=, "");
      g_assert_cmpstr (tp_report_table_get_cell (table, r, 3)->text, !=, "");
      g_assert_cmpstr (tp_report_table_get_cell (table, r, 4)->text, ==, "Cardiology outpatient clinic");
    }
}

static void
test_persona (void)
{
  g_autoptr(TpReportProbe) probe = NULL;
  g_autoptr(TpReport) report = build (SAMPLE_EN, &probe, NULL);
  TpJourney *journey = report->journey;
  const char *texts[] = { tp_journey_get_persona_description (journey), tp_journey_get_persona_goals (journey),
                          tp_journey_get_persona_frustrations (journey) };
  guint summary = G_MAXUINT, persona = G_MAXUINT;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == TP_REPORT_BLOCK_HEADING && block->level == 1 && summary == G_MAXUINT)
        summary = i;
      else if (block->kind == TP_REPORT_BLOCK_HEADING && block->level == 1 && persona == G_MAXUINT)
        {
          persona = i;
          g_assert_cmpstr (block->text, ==, "Persona");
        }
    }
  g_assert_cmpuint (summary, <, persona);
  g_assert_cmpstr (((TpReportBlock *) g_ptr_array_index (report->blocks, summary))->text, ==, "Summary");
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      gboolean found = FALSE;

      g_assert_cmpstr (texts[t], !=, "");
      for (guint i = persona + 1; i < report->blocks->len && !found; i++)
        found = g_strcmp0 (((TpReportBlock *) g_ptr_array_index (report->blocks, i))->text, texts[t]) == 0;
      g_assert_true (found);
    }
}

/* ---- 9. Dutch wording ---- */

static void
test_dutch_wording (void)
{
  const char *wrong[] = { "Op doel", "Geen vastgelegd", "niets te melden gevonden", "Uitslag", "Kritiek (" };
  g_autoptr(TpReportProbe) probe = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(TpReport) report = build (SAMPLE_NL, &probe, &pdf);
  g_autoptr(GString) all = g_string_new (NULL);

  if (report == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed");
      return;
    }
  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->text != NULL)
        g_string_append_printf (all, "%s\n", block->text);
      for (guint h = 0; block->kind == TP_REPORT_BLOCK_TABLE && h < block->n_columns; h++)
        g_string_append_printf (all, "%s\n", block->headers[h]);
      for (guint c = 0; c < block->items->len; c++)
        g_string_append_printf (all, "%s\n", ((TpReportItem *) g_ptr_array_index (block->items, c))->text);
    }
  /* The report really is in Dutch. */
  g_assert_nonnull (strstr (all->str, "Samenvatting"));
  for (guint w = 0; w < G_N_ELEMENTS (wrong); w++)
    if (strstr (all->str, wrong[w]) != NULL)
      g_error ("the Dutch report says “%s”", wrong[w]);
}

/* ---- 10. HTML charts with real text ---- */

static void
test_html_chart_text (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  g_autoptr(GBytes) bytes = tp_report_html_write (report);
  g_autofree char *html = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  const char *chart = strstr (html, "<div class=\"chart\">");
  const char *end;
  g_autofree char *part = NULL;

  g_assert_nonnull (chart);
  end = strstr (chart, "</div>");
  part = g_strndup (chart, end - chart);
  g_assert_nonnull (strstr (part, "<text"));
  g_assert_null (strstr (part, "glyph"));
  /* The stage names as text in the stage chart. */
  g_assert_nonnull (strstr (html, ">Consultation</text>"));
}

/* ---- 11. analytics and the executive summary ---- */

static void
test_analytics_section (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  TpReportBlock *table = find_block_after (report, TP_REPORT_BLOCK_TABLE, "Journey analytics");
  TpReportBlock *actions = find_block_after (report, TP_REPORT_BLOCK_TABLE, "Executive summary");
  TpReportBlock *first = g_ptr_array_index (report->blocks, 0);
  gboolean peak_end = FALSE;

  g_assert_nonnull (table);
  g_assert_cmpuint (tp_report_table_get_n_rows (table), ==, 9);
  for (guint r = 0; r < 9; r++)
    g_assert_cmpstr (tp_report_table_get_cell (table, r, 2)->text, !=, "");
  g_assert_cmpstr (tp_report_table_get_cell (table, 8, 0)->text, ==, "NPS-style index");
  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      peak_end |= block->text != NULL && strstr (block->text, "peak-end rule") != NULL;
    }
  g_assert_true (peak_end);

  /* First in the report, so on the contents page: three actions, owned. */
  g_assert_cmpstr (first->text, ==, "Executive summary");
  g_assert_nonnull (actions);
  g_assert_cmpuint (tp_report_table_get_n_rows (actions), ==, 3);
  for (guint r = 0; r < 3; r++)
    g_assert_cmpstr (tp_report_table_get_cell (actions, r, 3)->text, !=, "No owner yet");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-layout/no-broken-words", test_no_broken_words);
  g_test_add_func ("/report-layout/pdftotext-hyphens", test_pdftotext_hyphens);
  g_test_add_func ("/report-layout/chart-labels", test_chart_labels);
  g_test_add_func ("/report-layout/figures-fit", test_figures_fit);
  g_test_add_func ("/report-layout/pages", test_pages);
  g_test_add_func ("/report-layout/counts", test_counts);
  g_test_add_func ("/report-layout/finding-departments", test_finding_departments);
  g_test_add_func ("/report-layout/persona", test_persona);
  g_test_add_func ("/report-layout/dutch-wording", test_dutch_wording);
  g_test_add_func ("/report-layout/html-chart-text", test_html_chart_text);
  g_test_add_func ("/report-layout/analytics", test_analytics_section);
  return g_test_run ();
}
