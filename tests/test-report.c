/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-colors.h"
#include "tp-csv.h"
#include "tp-report-html.h"
#include "tp-report-pdf.h"
#include "tp-test-util.h"

/* The reports, checked from the outside: poppler's tools read the PDF,
 * libxml2's HTML parser and xmllint read the HTML, and the real binary
 * is run without a display for the command line. */

typedef TpTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, tp_test_run_clear)

static void
run_argv (Run                *run,
          const char * const *argv,
          const char * const *extra_env)
{
  g_auto(GStrv) envp = tp_test_headless_environ ();

  for (guint i = 0; extra_env != NULL && extra_env[i] != NULL; i += 2)
    envp = g_environ_setenv (envp, extra_env[i], extra_env[i + 1], TRUE);
  tp_test_run_sync (run, argv, envp);
  g_test_message ("%s: exit %d\nstderr: %s", argv[0], run->exit_code, run->err);
}

static const char *
tool (const char *variable)
{
  const char *path = g_getenv (variable);

  g_assert_nonnull (path);
  return path;
}

/* Runs `touchpoint` with the arguments, under @extra_env (name, value, ...). */
static void
run_touchpoint (Run                *run,
                const char * const *extra_env,
                const char         *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (argv, (gpointer) tool ("TOUCHPOINT_BIN"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_argv (run, (const char * const *) argv->pdata, extra_env);
}

/* White space removed: pdftotext breaks lines where the report wraps
 * them, and guesses word spaces from glyph gaps (not always right for
 * bold text in content order). */
static char *
strip_space (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (result, *p);
  return g_string_free (result, FALSE);
}

static char *
pdf_text (const char *pdf)
{
  /* Content order: each table cell in one piece, not columns interleaved. */
  const char *argv[] = { tool ("PDFTOTEXT"), "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_auto(Run) run = { 0 };

  run_argv (&run, argv, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  return strip_space (run.out);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *normal = strip_space (needle);

  if (strstr (haystack, normal) == NULL)
    g_error ("“%s” not found in the report", normal);
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-report-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  /* For looking at the reports: TP_TEST_KEEP_REPORTS=1 keeps them. */
  if (g_getenv ("TP_TEST_KEEP_REPORTS") != NULL)
    {
      g_test_message ("kept %s", path);
      return;
    }
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (dir);
}

static char *
write_pdf (TpJourney  *journey,
           const char *name,
           guint      *n_pages)
{
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tp_report_pdf_write (report, n_pages, &error);
  char *path = temp_path (name);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

static const TpReportSections all_sections[] = {
  TP_REPORT_SECTION_DIAGRAM, TP_REPORT_SECTION_SUMMARY, TP_REPORT_SECTION_STAGES,
  TP_REPORT_SECTION_MOMENTS, TP_REPORT_SECTION_EMPLOYEES, TP_REPORT_SECTION_CHANNELS,
  TP_REPORT_SECTION_OPPORTUNITIES, TP_REPORT_SECTION_FINDINGS, TP_REPORT_SECTION_APPENDIX,
};

/* ---- helpers ---- */

static double
relative_luminance (const double rgb[3])
{
  double linear[3];

  for (guint i = 0; i < 3; i++)
    linear[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
}

static void
test_options (void)
{
  TpReportSections sections = 0;
  TpReportPaper paper;
  g_autofree char *whole = NULL;
  g_autofree char *half = NULL;
  g_autofree char *none = NULL;

  g_assert_true (tp_report_sections_from_string ("summary, findings", &sections));
  g_assert_cmpint (sections, ==, TP_REPORT_SECTION_SUMMARY | TP_REPORT_SECTION_FINDINGS);
  g_assert_true (tp_report_sections_from_string ("all", &sections));
  g_assert_cmpint (sections, ==, TP_REPORT_SECTION_ALL);
  g_assert_false (tp_report_sections_from_string ("summary,nonsense", &sections));
  g_assert_false (tp_report_sections_from_string ("", &sections));
  for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
    {
      g_assert_true (tp_report_sections_from_string (tp_report_section_to_nick (all_sections[i]), &sections));
      g_assert_cmpint (sections, ==, all_sections[i]);
    }

  g_assert_true (tp_report_paper_from_string ("Letter", &paper));
  g_assert_cmpint (paper, ==, TP_REPORT_PAPER_LETTER);
  g_assert_false (tp_report_paper_from_string ("a5", &paper));

  /* Whole scores without decimals, averages with one, nothing as a dash. */
  whole = tp_report_format_score (7.0);
  half = tp_report_format_score (6.66);
  none = tp_report_format_score (NAN);
  g_assert_cmpstr (whole, ==, "7");
  g_assert_cmpstr (half, ==, "6.7");
  g_assert_cmpstr (none, ==, "–");

  /* The report colours scores on the map's scale: an average takes the
   * colour of the whole score it has reached, and no score is grey. */
  for (int score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
    {
      double rgb[3];
      guint32 hex = tp_score_hex (score);
      double text[3];

      tp_score_color (score, TP_PALETTE_PRINT, rgb);
      g_assert_cmpint ((hex >> 16) & 0xff, ==, (int) lround (rgb[0] * 255));
      g_assert_cmpint ((hex >> 8) & 0xff, ==, (int) lround (rgb[1] * 255));
      g_assert_cmpint (hex & 0xff, ==, (int) lround (rgb[2] * 255));

      /* Text in the score's colour stays readable on white (WCAG 4.5:1). */
      tp_color_hex_to_rgb (tp_score_text_hex (score), text);
      g_assert_cmpfloat (relative_luminance (text), <=, 1.05 / 4.5 - 0.05);
    }
  g_assert_cmphex (tp_score_hex (6.66), ==, tp_score_hex (6));
  g_assert_cmphex (tp_score_hex (7.0), ==, tp_score_hex (7));
  g_assert_cmphex (tp_score_hex (10.0), ==, tp_score_hex (10));
  g_assert_cmphex (tp_score_hex (NAN), !=, tp_score_hex (1));
  g_assert_cmphex (tp_score_hex (NAN), ==, tp_score_hex (0));
  /* Numbers on the amber middle of the scale are dark, on red and green white. */
  g_assert_true (tp_score_hex_wants_dark_text (6));
  g_assert_false (tp_score_hex_wants_dark_text (1));
  g_assert_false (tp_score_hex_wants_dark_text (10));
}

static void
test_build_no_scores (void)
{
  /* An empty journey still gives a complete, if short, report. */
  g_autoptr(TpJourney) journey = tp_journey_new_default ();
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = tp_report_pdf_write (report, NULL, &error);
  g_autoptr(GBytes) html = tp_report_html_write (report);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_nonnull (html);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
}

/* The employee section has one part per department that feels or causes
 * notes: spellings that differ only in case and surrounding white space
 * are one department, and the notes without one (blank or white space)
 * share "No department given". */
static void
test_build_departments (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  GListModel *notes = tp_journey_get_employee_notes (journey);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TpEmployeeNote) first = g_list_model_get_item (notes, 0);
  g_autoptr(TpEmployeeNote) second = g_list_model_get_item (notes, 1);
  g_autoptr(TpEmployeeNote) third = g_list_model_get_item (notes, 2);
  g_autofree char *shouted = g_strdup_printf ("  %s ", tp_employee_note_get_department (third));
  TpReportOptions options;
  g_autoptr(TpReport) report = NULL;
  guint n_parts = 0, n_without = 0;

  g_object_set (first, "department", "  ", NULL);
  g_object_set (second, "department", "", NULL);
  for (char *p = shouted; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  g_object_set (third, "department", shouted, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      g_autofree char *trimmed = g_strstrip (g_strdup (tp_employee_note_get_department (note)));
      g_autofree char *cause = g_strstrip (g_strdup (tp_employee_note_get_caused_by (note)));

      g_hash_table_add (keys, g_utf8_casefold (trimmed, -1));
      /* A department that causes notes for others has a part too. */
      if (*cause != '\0')
        g_hash_table_add (keys, g_utf8_casefold (cause, -1));
    }

  tp_report_options_init (&options);
  options.sections = TP_REPORT_SECTION_EMPLOYEES;
  report = tp_report_build (journey, &options);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind != TP_REPORT_BLOCK_HEADING || block->level != 2
          || g_strcmp0 (block->anchor, "not-involved") == 0)
        continue;
      n_parts++;
      n_without += g_str_equal (block->text, _("No department given"));
      /* Named as written, trimmed. */
      g_assert_false (g_ascii_isspace (block->text[0]));
    }
  /* "" is the key of the two blank ones. */
  g_assert_cmpuint (n_without, ==, 1);
  g_assert_cmpuint (n_parts, ==, g_hash_table_size (keys));
}

/* ---- PDF ---- */

static void
test_pdf_sample (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);
  g_autofree char *pdf = temp_path ("report.pdf");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  gboolean seen_below_target = FALSE, seen_blocked = FALSE;

  run_touchpoint (&run, NULL, "--export", pdf, "--report", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  text = pdf_text (pdf);

  assert_contains (text, "Hospital outpatient visit");
  assert_contains (text, "Eline de Vries");
  assert_contains (text, _("Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
    assert_contains (text, tp_report_section_get_title (all_sections[i]));

  /* The sample's story: the consult, a moment of truth, scores 3 where 9
   * is the target, and its department has a blocker. */
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      if (!tp_finding_concerns (finding, "t19"))
        continue;
      if (tp_finding_get_kind (finding) == TP_FINDING_MOMENT_BELOW_TARGET)
        seen_below_target = TRUE;
      if (tp_finding_get_kind (finding) == TP_FINDING_BLOCKED_MOMENT)
        seen_blocked = TRUE;
    }
  g_assert_true (seen_below_target && seen_blocked);
  for (guint i = 0; i < findings->len; i++)
    assert_contains (text, tp_finding_get_message (g_ptr_array_index (findings, i)));
  assert_contains (text, "Three-minute consult with the cardiologist");
  assert_contains (text, "Missed by 6 points");
  assert_contains (text, "The schedule is overbooked with three-minute slots");
  assert_contains (text, "Book 10-minute consults for first visits.");
  assert_contains (text, "Head of Cardiology");
  /* Every page numbered against the total. */
  assert_contains (text, "Page 2 of ");

  remove_temp (pdf);
}

static void
test_pdf_info_and_fonts (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  guint n_pages = 0;
  g_autofree char *pdf = write_pdf (journey, "report.pdf", &n_pages);
  const char *info_argv[] = { tool ("PDFINFO"), pdf, NULL };
  const char *fonts_argv[] = { tool ("PDFFONTS"), pdf, NULL };
  g_auto(Run) info = { 0 };
  g_auto(Run) fonts = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autofree char *pages_line = NULL;
  guint n_fonts = 0;

  run_argv (&info, info_argv, NULL);
  g_assert_cmpint (info.exit_code, ==, 0);
  g_assert_nonnull (strstr (info.out, "Title:           Hospital outpatient visit\n"));
  g_assert_nonnull (strstr (info.out, "Author:          Anouk Jansen, Team Patiëntervaring\n"));
  g_assert_nonnull (strstr (info.out, "(A4)"));
  pages_line = g_strdup_printf ("Pages:           %u\n", n_pages);
  g_assert_nonnull (strstr (info.out, pages_line));
  g_assert_cmpuint (n_pages, >, 5);

  /* Every font embedded: the "emb" column says yes on every line. */
  run_argv (&fonts, fonts_argv, NULL);
  g_assert_cmpint (fonts.exit_code, ==, 0);
  lines = g_strsplit (fonts.out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      columns = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      n = g_strv_length (columns);
      g_assert_cmpuint (n, >=, 7);
      /* name type... encoding emb sub uni object ID: emb is 5th from the end. */
      g_assert_cmpstr (columns[n - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);

  remove_temp (pdf);
}

static void
test_pdf_letter (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  TpReportOptions options;
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = temp_path ("letter.pdf");
  const char *info_argv[] = { tool ("PDFINFO"), pdf, NULL };
  g_auto(Run) info = { 0 };

  tp_report_options_init (&options);
  options.paper = TP_REPORT_PAPER_LETTER;
  options.sections = TP_REPORT_SECTION_COVER | TP_REPORT_SECTION_SUMMARY;
  report = tp_report_build (journey, &options);
  bytes = tp_report_pdf_write (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (pdf, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));

  run_argv (&info, info_argv, NULL);
  g_assert_nonnull (strstr (info.out, "612 x 792 pts (letter)"));
  remove_temp (pdf);
}

/* A journey built to overflow: 300 touchpoints, unbreakable words, a
 * blocker whose text is longer than a page (its table row must split)
 * and notes that run over several pages. */
static TpJourney *
large_journey (void)
{
  TpJourney *journey = tp_test_generate_journey (8, 300, 7);
  TpTouchpoint *tp = tp_journey_lookup_touchpoint (journey, "t5");
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(TpEmployeeNote) note = NULL;

  for (int i = 0; i < 160; i++)
    g_string_append (long_text, "The schedule is overbooked and nobody can change it. ");
  for (int i = 0; i < 60; i++)
    g_string_append (long_word, "Klantreis");

  /* Long texts on the cover and in the running header too. */
  g_object_set (journey,
                "title", "A journey whose title goes on and on, because nobody dared to shorten "
                         "it in the workshop: Klantcontactcentrumreorganisatieprojectvoorstel",
                "persona-name", long_word->str,
                "author", long_text->str,
                "description", long_text->str,
                NULL);
  g_object_set (tp, "moment-of-truth", TRUE, "department", "Service",
                "description", long_word->str, "notes", long_text->str, NULL);
  note = tp_employee_note_new ("e-long", TP_NOTE_KIND_BLOCKER, long_text->str);
  g_object_set (note, "touchpoint-id", "t5", "department", long_word->str, NULL);
  g_assert_true (tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, NULL));
  return journey;
}

static void
test_pdf_large (void)
{
  g_autoptr(TpJourney) journey = large_journey ();
  guint n_pages = 0;
  g_autofree char *pdf = write_pdf (journey, "large.pdf", &n_pages);
  g_autofree char *text = pdf_text (pdf);
  g_autofree char *bbox_path = g_strconcat (pdf, ".html", NULL);
  const char *bbox_argv[] = { tool ("PDFTOTEXT"), "-bbox", "-enc", "UTF-8", pdf, bbox_path, NULL };
  g_auto(Run) bbox = { 0 };
  g_autofree char *bbox_html = NULL;
  g_autoptr(GRegex) page_re = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">", 0, 0, NULL);
  g_autoptr(GRegex) word_re = g_regex_new ("<word xMin=\"([0-9.-]+)\" yMin=\"([0-9.-]+)\" "
                                           "xMax=\"([0-9.-]+)\" yMax=\"([0-9.-]+)\">([^<]*)</word>",
                                           0, 0, NULL);
  g_auto(GStrv) pages = NULL;
  guint n_words = 0;
  guint n_counted_pages = 0;

  g_assert_cmpuint (n_pages, >, 20);

  /* Every touchpoint's title made it into the tables. */
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Touchpoint %u with a longer title", i);
      assert_contains (text, title);
    }
  assert_contains (text, "Page 3 of");

  /* Nothing outside the page's margins: every word lies between the
   * running header and footer (36 pt from the edge) and within the side
   * margins (58 pt). A little tolerance for glyph boxes. */
  run_argv (&bbox, bbox_argv, NULL);
  g_assert_cmpint (bbox.exit_code, ==, 0);
  g_assert_true (g_file_get_contents (bbox_path, &bbox_html, NULL, NULL));
  pages = g_strsplit (bbox_html, "<page ", -1);
  for (guint p = 1; pages[p] != NULL; p++)
    {
      g_autofree char *page = g_strconcat ("<page ", pages[p], NULL);
      g_autoptr(GMatchInfo) match = NULL;
      double width, height;

      g_assert_true (g_regex_match (page_re, page, 0, &match));
      {
        g_autofree char *w = g_match_info_fetch (match, 1);
        g_autofree char *h = g_match_info_fetch (match, 2);

        width = g_ascii_strtod (w, NULL);
        height = g_ascii_strtod (h, NULL);
      }
      g_clear_pointer (&match, g_match_info_free);
      n_counted_pages++;

      g_regex_match (word_re, page, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *x0 = g_match_info_fetch (match, 1);
          g_autofree char *y0 = g_match_info_fetch (match, 2);
          g_autofree char *x1 = g_match_info_fetch (match, 3);
          g_autofree char *y1 = g_match_info_fetch (match, 4);
          g_autofree char *word = g_match_info_fetch (match, 5);
          double left = g_ascii_strtod (x0, NULL), top = g_ascii_strtod (y0, NULL);
          double right = g_ascii_strtod (x1, NULL), bottom = g_ascii_strtod (y1, NULL);
          /* Map pages (landscape) use narrower side margins, for one more stage. */
          double side = width > height ? 36 : 58;

          if (left < side - 1 || right > width - side + 1 || top < 36 - 4 || bottom > height - 36 + 4)
            g_error ("page %u: “%s” at %.1f,%.1f–%.1f,%.1f is outside the margins of %.0f × %.0f",
                     p, word, left, top, right, bottom, width, height);
          n_words++;
          g_match_info_next (match, NULL);
        }
    }
  g_assert_cmpuint (n_counted_pages, ==, n_pages);
  g_assert_cmpuint (n_words, >, 3000);

  remove_temp (pdf);
}

static void
test_pdf_sections (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *pdf = temp_path ("part.pdf");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  run_touchpoint (&run, NULL, "--export", pdf, "--report", "--sections", "summary,findings", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  text = pdf_text (pdf);
  assert_contains (text, tp_report_section_get_title (TP_REPORT_SECTION_SUMMARY));
  assert_contains (text, tp_report_section_get_title (TP_REPORT_SECTION_FINDINGS));
  g_assert_null (strstr (text, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS)));
  g_assert_null (strstr (text, tp_report_section_get_title (TP_REPORT_SECTION_APPENDIX)));
  remove_temp (pdf);
}

/* The preview: the first pages drawn by the PDF's own code as images,
 * landscape for the map, with the PDF's page count. */
static gboolean
image_has_ink (cairo_surface_t *image)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      if (((const guint32 *) (data + y * stride))[x] != 0xffffffff)
        return TRUE;
  return FALSE;
}

static void
test_render_pages (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = tp_report_build (journey, NULL);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pdf_pages = 0, n_pages = 0, n_landscape = 0;
  double width, height;

  pdf = tp_report_pdf_write (report, &n_pdf_pages, &error);
  g_assert_no_error (error);
  /* Far enough to reach the map, after the summary, persona and analytics. */
  images = tp_report_render_pages (report, 8, 0.5, &n_pages, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, n_pdf_pages);
  g_assert_cmpuint (images->len, ==, 8);

  tp_report_paper_get_size (TP_REPORT_PAPER_A4, &width, &height);
  for (guint i = 0; i < images->len; i++)
    {
      cairo_surface_t *image = g_ptr_array_index (images, i);

      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_true (image_has_ink (image));
      /* Portrait pages and the map on a landscape page. */
      if (cairo_image_surface_get_width (image) == (int) ceil (height * 0.5))
        n_landscape++;
      else
        g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width * 0.5));
    }
  g_assert_cmpuint (n_landscape, >=, 1);

  /* Fewer pages than asked for: all of them. */
  g_clear_pointer (&report, tp_report_free);
  g_clear_pointer (&images, g_ptr_array_unref);
  {
    TpReportOptions options;

    tp_report_options_init (&options);
    options.sections = TP_REPORT_SECTION_SUMMARY;
    report = tp_report_build (journey, &options);
  }
  images = tp_report_render_pages (report, 3, 0.25, &n_pages, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, MIN (n_pages, 3));
  g_assert_cmpuint (n_pages, <, n_pdf_pages);

  /* A preview that is no longer wanted stops. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GPtrArray) none = NULL;

    g_cancellable_cancel (cancellable);
    none = tp_report_render_pages (report, 3, 0.25, NULL, cancellable, &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (none);
    g_clear_error (&error);
  }
}

/* ---- HTML ---- */

static void
walk_html (xmlNode *node,
           guint   *n_scripts,
           guint   *n_event_attributes,
           guint   *n_svgs)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (g_ascii_strcasecmp ((const char *) node->name, "script") == 0
          || g_ascii_strcasecmp ((const char *) node->name, "iframe") == 0
          || g_ascii_strcasecmp ((const char *) node->name, "object") == 0
          || g_ascii_strcasecmp ((const char *) node->name, "img") == 0
          || g_ascii_strcasecmp ((const char *) node->name, "link") == 0)
        (*n_scripts)++;
      if (g_ascii_strcasecmp ((const char *) node->name, "svg") == 0)
        (*n_svgs)++;
      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        if (g_ascii_strncasecmp ((const char *) attr->name, "on", 2) == 0
            || g_ascii_strcasecmp ((const char *) attr->name, "src") == 0)
          (*n_event_attributes)++;
      walk_html (node->children, n_scripts, n_event_attributes, n_svgs);
    }
}

static char *
html_title (htmlDocPtr doc)
{
  for (xmlNode *node = xmlDocGetRootElement (doc)->children; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, "head"))
      for (xmlNode *child = node->children; child != NULL; child = child->next)
        if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "title"))
          {
            xmlChar *content = xmlNodeGetContent (child);
            char *title = g_strdup ((const char *) content);

            xmlFree (content);
            return title;
          }
  return NULL;
}

/* xmllint's HTML parser is HTML 4: it knows no SVG elements and says so.
 * Anything else it reports is a real error. */
static void
assert_xmllint_clean (const char *path)
{
  const char *argv[] = { tool ("XMLLINT"), "--html", "--noout", path, NULL };
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) svg_tag = g_regex_new ("HTML parser error : Tag (svg|g|path|use|defs|symbol|rect|"
                                           "clipPath|image|mask|linearGradient|radialGradient|stop|"
                                           "pattern|filter|text) invalid$", 0, 0, NULL);

  run_argv (&run, argv, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  lines = g_strsplit (run.err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "HTML parser error") == NULL && strstr (lines[i], "error") == NULL
          && strstr (lines[i], "warning") == NULL)
        continue; /* the context and caret lines under a message */
      if (!g_regex_match (svg_tag, lines[i], 0, NULL))
        g_error ("xmllint: %s", lines[i]);
    }
}

static void
test_html_sample (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *path = temp_path ("report.html");
  g_autofree char *html = NULL;
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };
  gsize length;
  htmlDocPtr doc;
  guint n_scripts = 0, n_events = 0, n_svgs = 0;

  run_touchpoint (&run, NULL, "--export", path, "--report", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_true (g_file_get_contents (path, &html, &length, NULL));
  assert_xmllint_clean (path);

  /* Self-contained: nothing refers to anything outside the file. */
  g_assert_null (strstr (html, "://"));
  g_assert_null (strstr (html, "@import"));
  g_assert_nonnull (strstr (html, "<style>"));
  g_assert_nonnull (strstr (html, "@media print"));

  doc = htmlReadMemory (html, (int) length, "report.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  walk_html (xmlDocGetRootElement (doc), &n_scripts, &n_events, &n_svgs);
  g_assert_cmpuint (n_scripts, ==, 0);
  g_assert_cmpuint (n_events, ==, 0);
  /* Four charts of the summary, stages and channels, five small stage
   * charts and the map. */
  g_assert_cmpuint (n_svgs, >=, 8);
  xmlFreeDoc (doc);

  text = strip_space (html);
  for (guint i = 0; i < G_N_ELEMENTS (all_sections); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (tp_report_section_get_title (all_sections[i]), -1);
      assert_contains (text, escaped);
    }
  assert_contains (text, "Three-minute consult with the cardiologist");
  assert_contains (text, "Referral &amp; appointment");

  remove_temp (path);
}

static void
test_html_escapes (void)
{
  const char *evil_title = "<script>alert(1)</script>";
  const char *evil_text = "\"><img src=x onerror=alert(2)><svg onload=alert(3)>&amp;";
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *path = temp_path ("evil.html");
  const char *html;
  gsize length;
  htmlDocPtr doc;
  guint n_scripts = 0, n_events = 0, n_svgs = 0;

  g_object_set (journey, "title", evil_title, "author", evil_text, "persona-name", evil_text, NULL);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t19"), "title", evil_text, "quote", evil_title, NULL);
  g_object_set (tp_journey_lookup_stage (journey, "s1"), "name", evil_text, NULL);
  g_object_set (tp_journey_lookup (journey, "e1"), "department", evil_title, NULL);

  report = tp_report_build (journey, NULL);
  bytes = tp_report_html_write (report);
  html = g_bytes_get_data (bytes, &length);
  g_assert_true (g_file_set_contents (path, html, length, NULL));
  assert_xmllint_clean (path);

  g_assert_null (g_strstr_len (html, length, "<script"));
  g_assert_null (g_strstr_len (html, length, "<img"));
  g_assert_nonnull (g_strstr_len (html, length, "&lt;script&gt;alert(1)&lt;/script&gt;"));

  doc = htmlReadMemory (html, (int) length, "evil.html", "UTF-8",
                        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  walk_html (xmlDocGetRootElement (doc), &n_scripts, &n_events, &n_svgs);
  g_assert_cmpuint (n_scripts, ==, 0);
  g_assert_cmpuint (n_events, ==, 0);
  /* The text survives as text. */
  title = html_title (doc);
  g_assert_cmpstr (title, ==, evil_title);
  xmlFreeDoc (doc);

  remove_temp (path);
}

/* ---- CSV and the command line ---- */

static void
test_cli_csv (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *path = temp_path ("touchpoints.csv");
  g_autofree char *notes_path = NULL;
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GBytes) expected = tp_csv_write_touchpoints (journey);
  g_autoptr(GBytes) expected_notes = tp_csv_write_employee_notes (journey);
  g_autofree char *data = NULL;
  gsize length;

  {
    g_auto(Run) run = { 0 };

    run_touchpoint (&run, NULL, "--export", path, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    g_assert_cmpmem (data, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
    g_clear_pointer (&data, g_free);
  }

  notes_path = g_strconcat (path, ".notes.csv", NULL);
  {
    g_auto(Run) run = { 0 };

    run_touchpoint (&run, NULL, "--export", notes_path, "--csv", "employee-notes", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    g_assert_true (g_file_get_contents (notes_path, &data, &length, NULL));
    g_assert_cmpmem (data, length, g_bytes_get_data (expected_notes, NULL), g_bytes_get_size (expected_notes));
  }

  /* Usage errors. */
  {
    g_auto(Run) run = { 0 };
    run_touchpoint (&run, NULL, "--export", path, "--csv", "nonsense", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_touchpoint (&run, NULL, "--export", path, "--report", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
    run_touchpoint (&run, NULL, "--export", pdf, "--csv", "touchpoints", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *pdf = g_strconcat (path, ".pdf", NULL);
    run_touchpoint (&run, NULL, "--export", pdf, "--report", "--sections", "cover,nonsense", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    run_touchpoint (&run, NULL, "--report", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *html = g_strconcat (path, ".html", NULL);
    run_touchpoint (&run, NULL, "--export", html, "--report", "/nonexistent/x.journey", NULL);
    g_assert_cmpint (run.exit_code, ==, 1);
  }

  remove_temp (path);
}

/* ---- what the report says about kinds, departments, opportunities ---- */

static TpReport *
build_sections (TpJourney        *journey,
                TpReportSections  sections)
{
  TpReportOptions options;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2027, 2, 1, 12, 0, 0);

  tp_report_options_init (&options);
  options.sections = sections;
  options.date = date;
  return tp_report_build (journey, &options);
}

/* The first block of @kind after the heading @heading (any level). */
static TpReportBlock *
block_after (TpReport          *report,
             const char        *heading,
             TpReportBlockKind  kind)
{
  gboolean seen = FALSE;

  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == TP_REPORT_BLOCK_HEADING && g_strcmp0 (block->text, heading) == 0)
        seen = TRUE;
      else if (seen && block->kind == kind)
        return block;
    }
  g_error ("no block after “%s”", heading);
  return NULL;
}

static const char *
cell_text (TpReportBlock *table,
           guint          row,
           guint          column)
{
  return tp_report_table_get_cell (table, row, column)->text;
}

/* The row whose first cell is @first, or -1. */
static int
find_row (TpReportBlock *table,
          const char    *first)
{
  for (guint r = 0; r < tp_report_table_get_n_rows (table); r++)
    if (g_str_equal (cell_text (table, r, 0), first))
      return r;
  return -1;
}

/* Counts and the channel mix are of touchpoints proper: the sample has 15
 * of 25 cards; actions and thoughts show their kind in a stage's table. */
static void
test_build_kinds (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = build_sections (journey, TP_REPORT_SECTION_SUMMARY | TP_REPORT_SECTION_STAGES
                                                        | TP_REPORT_SECTION_CHANNELS);
  TpReportBlock *figures = block_after (report, tp_report_section_get_title (TP_REPORT_SECTION_SUMMARY),
                                        TP_REPORT_BLOCK_FIGURES);
  TpReportBlock *channels = block_after (report, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS),
                                         TP_REPORT_BLOCK_FIGURES);
  TpReportBlock *consult = block_after (report, "Consultation", TP_REPORT_BLOCK_TABLE);
  TpReportBlock *channel_table = block_after (report, tp_report_section_get_title (TP_REPORT_SECTION_CHANNELS),
                                              TP_REPORT_BLOCK_TABLE);
  guint in_channels = 0;

  g_assert_cmpstr (((TpReportItem *) g_ptr_array_index (figures->items, 1))->text, ==, "15");
  g_assert_cmpstr (((TpReportItem *) g_ptr_array_index (figures->items, 1))->detail, ==, "touchpoints, 15 scored");
  /* Online 3, offline 12. */
  g_assert_cmpstr (((TpReportItem *) g_ptr_array_index (channels->items, 0))->text, ==, "3");
  g_assert_cmpstr (((TpReportItem *) g_ptr_array_index (channels->items, 2))->text, ==, "12");
  for (guint r = 0; r < tp_report_table_get_n_rows (channel_table); r++)
    in_channels += atoi (cell_text (channel_table, r, 2));
  g_assert_cmpuint (in_channels, ==, 15);
  g_assert_cmpint (find_row (channel_table, "Other"), ==, -1);

  /* The consultation: an action, the consult, a thought. */
  g_assert_cmpuint (tp_report_table_get_n_rows (consult), ==, 3);
  g_assert_cmpstr (cell_text (consult, 0, 1), ==, "Customer action");
  g_assert_cmpstr (cell_text (consult, 1, 1), ==, "Shop or desk");
  g_assert_cmpstr (cell_text (consult, 2, 1), ==, "Thought or feeling");
}

/* Blockers show their severity, enablers their strength or nothing; a
 * blocker caused by another department names both, and is listed under
 * the department that causes it too. */
static void
test_build_note_weights (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = NULL;
  TpReportBlock *hospitality, *poli, *cardiology, *planning;
  int row;

  /* An enabler without a strength. */
  g_object_set (tp_journey_lookup (journey, "e5"), "strength", 0, NULL);
  report = build_sections (journey, TP_REPORT_SECTION_EMPLOYEES);
  hospitality = block_after (report, "Hospitality", TP_REPORT_BLOCK_TABLE);
  poli = block_after (report, "Poliklinieken", TP_REPORT_BLOCK_TABLE);
  cardiology = block_after (report, "Cardiology outpatient clinic", TP_REPORT_BLOCK_TABLE);
  planning = block_after (report, "Planning", TP_REPORT_BLOCK_TABLE);

  g_assert_cmpuint (hospitality->n_columns, ==, 6);
  g_assert_cmpstr (cell_text (hospitality, 0, 0), ==, "Enabler");
  g_assert_cmpstr (cell_text (hospitality, 0, 5), ==, "3 of 3");
  g_assert_cmpstr (cell_text (poli, 0, 5), ==, "");
  g_assert_cmpstr (cell_text (cardiology, 0, 5), ==, "3 of 3");

  /* e3: felt by the specialist, caused by Planning. */
  row = find_row (cardiology, "Blocker");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpuint (tp_report_table_get_n_rows (planning), ==, 1);
  g_assert_cmpstr (cell_text (planning, 0, 1), ==,
                   "The planning system only offers fixed slots; a longer first consult cannot be booked.");
  g_assert_cmpstr (cell_text (planning, 0, 3), ==, "Specialist, Cardiology outpatient clinic");
  g_assert_cmpstr (cell_text (planning, 0, 4), ==, "Planning");
}

/* A blocker on the moment's stage, caused by the moment's department but
 * felt by another, is related to it; the report names both departments. */
static void
test_build_related_blockers (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = NULL;
  TpReportBlock *moments;
  int row;

  g_object_set (tp_journey_lookup (journey, "e3"), "touchpoint-id", "", "stage-id", "s4",
                "department", "Planning", "caused-by", "Cardiology outpatient clinic", NULL);
  g_object_set (tp_journey_lookup (journey, "e1"), "caused-by", "Finance", NULL);
  report = build_sections (journey, TP_REPORT_SECTION_MOMENTS);
  moments = block_after (report, tp_report_section_get_title (TP_REPORT_SECTION_MOMENTS), TP_REPORT_BLOCK_TABLE);
  row = find_row (moments, "Three-minute consult with the cardiologist");
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpstr (cell_text (moments, row, 5), ==,
                   "• The schedule is overbooked with three-minute slots; there is no room for questions "
                   "or explanation. (felt by Cardiology outpatient clinic, caused by Finance)\n"
                   "• No time to read the referral letter before the patient walks in.\n"
                   "• The planning system only offers fixed slots; a longer first consult cannot be booked. "
                   "(felt by Planning, caused by Cardiology outpatient clinic)");
}

/* Open opportunities per department, by priority then due date, with
 * their workflow and where they are attached; closed ones apart. */
static void
test_build_opportunities (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  TpReportBlock *cardiology, *poli, *closed;
  gboolean in_section = FALSE;

  /* A second Cardiology one, done. */
  g_object_set (tp_journey_lookup (journey, "o2"), "status", TP_OPPORTUNITY_STATUS_DONE, NULL);
  report = build_sections (journey, TP_REPORT_SECTION_OPPORTUNITIES | TP_REPORT_SECTION_FINDINGS);
  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind == TP_REPORT_BLOCK_HEADING && block->level == 1)
        in_section = block->section == TP_REPORT_SECTION_OPPORTUNITIES;
      else if (in_section && block->kind == TP_REPORT_BLOCK_HEADING)
        g_ptr_array_add (parts, block->text);
    }
  g_ptr_array_add (parts, NULL);
  g_assert_cmpstrv ((const char * const *) parts->pdata,
                    ((const char * const []) { "Cardiology outpatient clinic", "Patient experience",
                                               "Poliklinieken", "Done and dropped", NULL }));

  cardiology = block_after (report, "Cardiology outpatient clinic", TP_REPORT_BLOCK_TABLE);
  g_assert_cmpuint (tp_report_table_get_n_rows (cardiology), ==, 1);
  g_assert_cmpstr (cell_text (cardiology, 0, 0), ==, "Book 10-minute consults for first visits.");
  g_assert_cmpstr (cell_text (cardiology, 0, 1), ==, "Planned");
  g_assert_cmpstr (cell_text (cardiology, 0, 2), ==, "High\nimpact 5 · effort 3");
  g_assert_cmpstr (cell_text (cardiology, 0, 3), ==, "Head of Cardiology");
  g_assert_cmpstr (cell_text (cardiology, 0, 4), ==, "31 Mar 2027");
  g_assert_false (tp_report_table_get_cell (cardiology, 0, 4)->highlight);
  g_assert_cmpstr (cell_text (cardiology, 0, 5), ==, "Three-minute consult with the cardiologist");

  poli = block_after (report, "Poliklinieken", TP_REPORT_BLOCK_TABLE);
  g_assert_cmpstr (cell_text (poli, 0, 2), ==, "High\nimpact 3 · effort 1");
  g_assert_cmpstr (cell_text (poli, 0, 4), ==, "");
  g_assert_cmpstr (cell_text (poli, 0, 5), ==, "Stage “Consultation”");

  closed = block_after (report, "Done and dropped", TP_REPORT_BLOCK_TABLE);
  g_assert_cmpuint (tp_report_table_get_n_rows (closed), ==, 1);
  g_assert_cmpstr (cell_text (closed, 0, 1), ==, "Done");
  g_assert_cmpstr (cell_text (closed, 0, 2), ==, "Cardiology outpatient clinic");
}

/* How much of the map is evidence-based: observed and reported count,
 * assumed does not. */
static void
test_build_evidence (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(TpReport) report = build_sections (journey, TP_REPORT_SECTION_SUMMARY);
  TpReportBlock *share = block_after (report, "How the map is backed", TP_REPORT_BLOCK_PARAGRAPH);
  TpReportBlock *assumed = NULL;

  g_assert_cmpstr (share->text, ==,
                   "Evidence backs 9 of 30 cards (30 %): 5 observed, 4 reported by customers (68 responses).");
  for (guint i = 0; i < report->blocks->len; i++)
    if (g_ptr_array_index (report->blocks, i) == share && i + 1 < report->blocks->len)
      assumed = g_ptr_array_index (report->blocks, i + 1);
  g_assert_nonnull (assumed);
  g_assert_cmpstr (assumed->text, ==, "1 card is marked as assumed: worth checking with customers or employees.");
}

/* ---- language ---- */

static void
test_dutch (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *pdf = temp_path ("rapport.pdf");
  g_autofree char *text = NULL;
  g_autofree char *old_locale = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = NULL;
  const char *env[] = { "LANGUAGE", "nl", "LC_ALL", "nl_NL.UTF-8", "TOUCHPOINT_LOCALEDIR", localedir, NULL };
  g_auto(Run) run = { 0 };

  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("the nl_NL.UTF-8 locale is not installed");
      return;
    }
  month = g_date_time_format (now, "%B");
  setlocale (LC_ALL, old_locale);

  run_touchpoint (&run, env, "--export", pdf, "--report", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  text = pdf_text (pdf);

  /* Dates and numbers follow the locale whatever the catalogue says: a
   * Dutch month name, and the sample's average 6.7 written 6,7. */
  assert_contains (text, month);
  assert_contains (text, "6,7");
  g_assert_null (strstr (text, "6.7"));

  /* Headings follow the interface language. */
  assert_contains (text, "Samenvatting");
  assert_contains (text, "Momenten van de waarheid");
  remove_temp (pdf);
}

/* Hostile texts are bounded work: a description of 50,000 lines (which
 * never finished) and a word of 100,000 letters (47 s) are laid out up to
 * what a few pages hold, and the report says where it shortened them. */
static void
test_pdf_bounded_texts (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *word = g_strnfill (100000, 'x');
  guint n_pages = 0;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (lines, "line %u\n", i);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t1"), "description", lines->str, NULL);
  g_object_set (tp_journey_lookup_touchpoint (journey, "t2"), "title", word, NULL);

  pdf = write_pdf (journey, "bounded.pdf", &n_pages);
  /* The sample's report is about 30 pages (the map takes 8); each capped
   * text adds a few. */
  g_assert_cmpuint (n_pages, <, 80);
  text = pdf_text (pdf);
  assert_contains (text, "line 398");
  g_assert_null (strstr (text, "line401"));
  assert_contains (text, "(shortened here:");
  remove_temp (pdf);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/options", test_options);
  g_test_add_func ("/report/build-no-scores", test_build_no_scores);
  g_test_add_func ("/report/build-departments", test_build_departments);
  g_test_add_func ("/report/build/kinds", test_build_kinds);
  g_test_add_func ("/report/build/note-weights", test_build_note_weights);
  g_test_add_func ("/report/build/related-blockers", test_build_related_blockers);
  g_test_add_func ("/report/build/opportunities", test_build_opportunities);
  g_test_add_func ("/report/build/evidence", test_build_evidence);
  g_test_add_func ("/report/pdf/sample", test_pdf_sample);
  g_test_add_func ("/report/pdf/info-and-fonts", test_pdf_info_and_fonts);
  g_test_add_func ("/report/pdf/letter", test_pdf_letter);
  g_test_add_func ("/report/pdf/large", test_pdf_large);
  g_test_add_func ("/report/pdf/sections", test_pdf_sections);
  g_test_add_func ("/report/pdf/render-pages", test_render_pages);
  g_test_add_func ("/report/html/sample", test_html_sample);
  g_test_add_func ("/report/html/escapes", test_html_escapes);
  g_test_add_func ("/report/cli/csv", test_cli_csv);
  g_test_add_func ("/report/dutch", test_dutch);
  g_test_add_func ("/report/pdf/bounded-texts", test_pdf_bounded_texts);

  return g_test_run ();
}
