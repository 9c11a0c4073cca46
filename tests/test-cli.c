/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-journey-format.h"
#include "tp-test-util.h"

/* Runs the real `touchpoint` binary with no display, as a user would. */
typedef TpTestRun Run;
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, tp_test_run_clear)

/* @env: NULL or a NULL-terminated list of "NAME=VALUE" to set for the run. */
static void
run_touchpoint_valist (Run         *run,
                       const char **env,
                       const char  *first_arg,
                       va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = tp_test_headless_environ ();
  const char *binary = g_getenv ("TOUCHPOINT_BIN");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_assert_nonnull (pair[1]);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  tp_test_run_sync (run, (const char * const *) argv->pdata, envp);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->exit_code, run->out, run->err);
}

static void
run_touchpoint (Run        *run,
                const char *first_arg,
                ...)
{
  va_list args;

  va_start (args, first_arg);
  run_touchpoint_valist (run, NULL, first_arg, args);
  va_end (args);
}

static void
run_touchpoint_with_env (Run         *run,
                         const char **env,
                         const char  *first_arg,
                         ...)
{
  va_list args;

  va_start (args, first_arg);
  run_touchpoint_valist (run, env, first_arg, args);
  va_end (args);
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_touchpoint (&run, "--version", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_cmpstr (run.out, ==, "touchpoint " PACKAGE_VERSION "\n");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  /* The help lists the headless options and needs no display. */
  run_touchpoint (&run, "--help", NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, "--check"));
  g_assert_nonnull (strstr (run.out, "--export"));
}

static void
test_check_sample (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_auto(Run) run = { 0 };

  run_touchpoint (&run, "--check", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, "Hospital outpatient visit"));
  g_assert_nonnull (strstr (run.out, "Stages: 5\n"));
  /* Touchpoints proper; the actions and thoughts apart. */
  g_assert_cmpuint (g_list_model_get_n_items (tp_journey_get_touchpoints (journey)), ==, 25);
  g_assert_nonnull (strstr (run.out, "Touchpoints: 15 (15 scored)\n"));
  g_assert_nonnull (strstr (run.out, "Customer actions and thoughts: 10\n"));
  g_assert_nonnull (strstr (run.out, "Moments of truth: 3\n"));
  g_assert_cmpstr (run.err, ==, "");

  /* Then the findings, the worst first; they do not fail the check. */
  g_assert_nonnull (strstr (run.out, "\nFindings: "));
  g_assert_nonnull (strstr (run.out, "\n  critical: Moment of truth “Three-minute consult with the cardiologist”"
                                     " scores 3, below the target of 9\n"));
  g_assert_true (strstr (run.out, "Findings: ") < strstr (run.out, "critical: "));
  g_assert_true (strstr (run.out, "critical: ") < strstr (run.out, "warning: "));
  g_assert_true (strstr (run.out, "warning: ") < strstr (run.out, "info: "));
}

/* The number of findings printed is the number the analysis gives. */
static void
test_check_findings_count (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);
  g_autofree char *header = g_strdup_printf ("\nFindings: %u\n", findings->len);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  guint n_finding_lines = 0;

  run_touchpoint (&run, "--check", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, header));

  lines = g_strsplit (strstr (run.out, header) + strlen (header), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_regex_match_simple ("^  (critical|warning|info): .+$", lines[i], 0, 0))
      n_finding_lines++;
  g_assert_cmpuint (n_finding_lines, ==, findings->len);
}

/* The command line speaks Dutch with a Dutch locale, from the catalogue
 * built into <build>/po (TOUCHPOINT_LOCALEDIR, set by tests/meson.build). */
static void
test_check_sample_dutch (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "score-11.journey", NULL);
  const char *localedir = g_getenv ("TOUCHPOINT_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *localedir_env = NULL;
  g_autofree char *previous_locale = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) bad_run = { 0 };
  const char *env[] = {
    "LANGUAGE=nl",
    "LANG=nl_NL.UTF-8",
    "LC_ALL=nl_NL.UTF-8",
    NULL, /* TOUCHPOINT_LOCALEDIR */
    NULL,
  };

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  /* Without the locale, gettext falls back to English whatever LANGUAGE says. */
  previous_locale = g_strdup (setlocale (LC_ALL, NULL));
  if (setlocale (LC_ALL, "nl_NL.UTF-8") == NULL)
    {
      g_test_skip ("The nl_NL.UTF-8 locale is not installed");
      return;
    }
  setlocale (LC_ALL, previous_locale);

  localedir_env = g_strconcat ("TOUCHPOINT_LOCALEDIR=", localedir, NULL);
  env[3] = localedir_env;

  run_touchpoint_with_env (&run, env, "--check", sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, ": geldige klantreis “Hospital outpatient visit”\n"));
  g_assert_nonnull (strstr (run.out, "\n  Fases: 5\n"));
  g_assert_nonnull (strstr (run.out, "\n  Contactmomenten: 15 (15 met score)\n"));
  g_assert_nonnull (strstr (run.out, "\n  Klantacties en gedachten: 10\n"));
  g_assert_nonnull (strstr (run.out, "\n  Momenten van de waarheid: 3\n"));
  g_assert_nonnull (strstr (run.out, "\n  Medewerkersnotities: "));
  g_assert_nonnull (strstr (run.out, "\n  Kansen: "));
  g_assert_nonnull (strstr (run.out, "\nBevindingen: "));
  g_assert_nonnull (strstr (run.out, "\n  kritiek: Moment van de waarheid “Three-minute consult with the cardiologist”"
                                     " scoort 3, lager dan het doel van 9\n"));
  g_assert_null (strstr (run.out, "Stages"));
  g_assert_null (strstr (run.out, "Touchpoints"));
  g_assert_null (strstr (run.out, "Findings"));
  g_assert_null (strstr (run.out, "critical"));
  g_assert_cmpstr (run.err, ==, "");

  /* Errors from the core library (its own gettext calls) too. */
  run_touchpoint_with_env (&bad_run, env, "--check", bad, NULL);
  g_assert_cmpint (bad_run.exit_code, ==, 1);
  g_assert_nonnull (strstr (bad_run.err, "is geen geheel getal van 1 tot en met 10\n"));
}

static void
test_check_bad_files (void)
{
  const struct {
    const char *name;
    const char *line;
  } cases[] = {
    { "truncated.journey", "26" },
    { "not-xml.journey", "1" },
    { "score-11.journey", "21" },
    { "dangling-stage.journey", "24" },
    { "duplicate-ids.journey", "28" },
    { "billion-laughs.journey", "2" },
    { "newer-version.journey", "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", cases[i].name, NULL);
      g_autofree char *prefix = g_strdup_printf ("%s:%s:", path, cases[i].line);
      g_auto(Run) run = { 0 };

      run_touchpoint (&run, "--check", path, NULL);
      g_assert_cmpint (run.exit_code, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, prefix));
      g_assert_true (g_regex_match_simple (":[0-9]+:[0-9]+: .+\n$", run.err, 0, 0));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  const char *cases[][4] = {
    { "--check", NULL },
    { "--check", sample, "--no-such-option", NULL },
    { "--export", "out.journey", NULL },
    { "--export", "out.journey", sample, sample },
    { "--check", sample, "--export", "x.journey" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_touchpoint (&run, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      g_assert_cmpint (run.exit_code, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
    }
}

static void
test_export_normalises (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", &error);
  g_autofree char *messy = g_build_filename (dir, "messy.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *sample_text = NULL;
  g_autofree char *out_text = NULL;
  g_autoptr(GRegex) indent = g_regex_new (">\n *<", 0, 0, NULL);
  g_autofree char *messy_text = NULL;
  g_auto(Run) run = { 0 };

  /* The sample with its indentation stripped and comments added re-saves as the sample. */
  g_assert_true (g_file_get_contents (sample, &sample_text, NULL, NULL));
  messy_text = g_regex_replace_literal (indent, sample_text, -1, 0, "><!-- c --><", 0, NULL);
  g_assert_nonnull (messy_text);
  g_assert_true (g_file_set_contents (messy, messy_text, -1, NULL));

  run_touchpoint (&run, "--export", out, messy, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_true (g_file_get_contents (out, &out_text, NULL, NULL));
  g_assert_cmpstr (out_text, ==, sample_text);

  g_remove (out);
  g_remove (messy);
  g_rmdir (dir);
}

static void
test_export_failures (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "score-11.journey", NULL);
  g_auto(Run) unwritable = { 0 };
  g_auto(Run) bad_input = { 0 };
  g_auto(Run) unknown = { 0 };

  run_touchpoint (&unwritable, "--export", "/nonexistent-dir/out.journey", sample, NULL);
  g_assert_cmpint (unwritable.exit_code, ==, 1);
  g_assert_nonnull (strstr (unwritable.err, "/nonexistent-dir/out.journey"));

  run_touchpoint (&bad_input, "--export", "/tmp/never-written.journey", bad, NULL);
  g_assert_cmpint (bad_input.exit_code, ==, 1);
  g_assert_false (g_file_test ("/tmp/never-written.journey", G_FILE_TEST_EXISTS));

  run_touchpoint (&unknown, "--export", "/tmp/out.unknown", sample, NULL);
  g_assert_cmpint (unknown.exit_code, ==, 2);
}

/* Files the app writes validate against the published schema. */
static void
test_written_files_match_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", &error);
  g_autofree char *generated = g_build_filename (dir, "generated.journey", NULL);
  g_autofree char *out = g_build_filename (dir, "out.journey", NULL);
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "data", "touchpoint-journey.rng", NULL);
  g_autoptr(TpJourney) journey = tp_test_generate_journey (8, 300, 3);
  g_autofree char *text = tp_test_write_to_string (journey);
  g_auto(Run) run = { 0 };
  const char *xmllint = g_getenv ("XMLLINT");
  const char *argv[] = { xmllint, "--noout", "--relaxng", schema, out, NULL };
  g_autofree char *lint_err = NULL;
  int wait_status;

  g_assert_nonnull (xmllint);
  g_assert_true (g_file_set_contents (generated, text, -1, NULL));
  run_touchpoint (&run, "--export", out, generated, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, &lint_err, &wait_status, &error));
  g_test_message ("xmllint: %s", lint_err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (lint_err, "validates"));

  g_remove (out);
  g_remove (generated);
  g_rmdir (dir);
}

static char *
run_pdfinfo (const char *path)
{
  const char *pdfinfo = g_getenv ("PDFINFO");
  const char *argv[] = { pdfinfo, path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  if (pdfinfo == NULL)
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

/* Each format from the output's extension, with its options. */
static void
test_export_formats (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", &error);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *png1 = g_build_filename (dir, "map1.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *a4 = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *tiled = g_build_filename (dir, "poster.pdf", NULL);
  g_autofree char *svg_text = NULL;
  g_autofree char *info = NULL;
  g_auto(Run) run_png = { 0 };
  g_auto(Run) run_png1 = { 0 };
  g_auto(Run) run_svg = { 0 };
  g_auto(Run) run_a4 = { 0 };
  g_auto(Run) run_tiled = { 0 };
  cairo_surface_t *image;
  int width2, width1;

  run_touchpoint (&run_png, "--export", png, sample, NULL);
  g_assert_cmpint (run_png.exit_code, ==, 0);
  run_touchpoint (&run_png1, "--export", png1, "--scale", "1", "--layers", "no-employee", sample, NULL);
  g_assert_cmpint (run_png1.exit_code, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width2 = cairo_image_surface_get_width (image);
  cairo_surface_destroy (image);
  image = cairo_image_surface_create_from_png (png1);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width1 = cairo_image_surface_get_width (image);
  cairo_surface_destroy (image);
  /* The default scale is 2. */
  g_assert_cmpint (ABS (width2 - 2 * width1), <=, 2);
  g_assert_nonnull (strstr (run_png.out, "pixels"));

  run_touchpoint (&run_svg, "--export", svg, "--title-block", sample, NULL);
  g_assert_cmpint (run_svg.exit_code, ==, 0);
  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, NULL));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  run_touchpoint (&run_a4, "--export", a4, "--paper", "a4", "--orientation", "portrait", sample, NULL);
  g_assert_cmpint (run_a4.exit_code, ==, 0);
  /* Small on A4: the warning goes to stderr, the summary to stdout. */
  g_assert_nonnull (strstr (run_a4.out, "210 × 297 mm"));
  g_assert_nonnull (strstr (run_a4.err, "smallest text"));

  run_touchpoint (&run_tiled, "--export", tiled, "--poster", "a0", "--orientation", "portrait",
                  "--tile", "a4", sample, NULL);
  g_assert_cmpint (run_tiled.exit_code, ==, 0);
  /* The map fills four of the five rows of sheets: the fifth is not printed. */
  g_assert_nonnull (strstr (run_tiled.out, "on 20 sheets (5 × 5, blank ones left out)"));

  info = run_pdfinfo (a4);
  if (info != NULL)
    {
      g_autofree char *tiled_info = run_pdfinfo (tiled);

      g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
      g_assert_nonnull (strstr (tiled_info, "Pages:           21\n"));
    }

  g_remove (png);
  g_remove (png1);
  g_remove (svg);
  g_remove (a4);
  g_remove (tiled);
  g_rmdir (dir);
}

static void
test_export_usage_errors (void)
{
  g_autofree char *sample = tp_test_sample_path ();
  const char *cases[][6] = {
    { "/tmp/tp-never.docx", NULL },
    { "/tmp/tp-never.pdf", "--paper", "b5", NULL },
    { "/tmp/tp-never.pdf", "--paper", "a0", NULL },
    { "/tmp/tp-never.pdf", "--orientation", "sideways", NULL },
    { "/tmp/tp-never.png", "--tile", "a4", NULL },
    { "/tmp/tp-never.svg", "--paper", "a4", NULL },
    { "/tmp/tp-never.pdf", "--tile", "a4", NULL },
    { "/tmp/tp-never.pdf", "--tile", "a5", "--poster", "a0", NULL },
    { "/tmp/tp-never.pdf", "--poster", "10x10mm", NULL },
    { "/tmp/tp-never.pdf", "--poster", "huge", NULL },
    { "/tmp/tp-never.pdf", "--poster", "a0", "--paper", "a4", NULL },
    { "/tmp/tp-never.png", "--scale", "7", NULL },
    { "/tmp/tp-never.png", "--scale", "two", NULL },
    { "/tmp/tp-never.png", "--scale", "2", "--dpi", "300", NULL },
    { "/tmp/tp-never.pdf", "--scale", "2", NULL },
    { "/tmp/tp-never.png", "--layers", "no-such-layer", NULL },
    { "/tmp/tp-never.journey", "--paper", "a4", NULL },
    { "/tmp/tp-never.pdf", "--report", "--paper", "a4", NULL },
    { "/tmp/tp-never.csv", "--title-block", NULL },
    { "/tmp/tp-never.html", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_touchpoint (&run, "--export", cases[i][0], cases[i][1], cases[i][2], cases[i][3],
                      cases[i][4], cases[i][5], NULL);
      /* The list ends early: NULL entries stop the arguments. */
      g_assert_cmpint (run.exit_code, ==, 2);
      g_assert_cmpstr (run.err, !=, "");
      g_assert_false (g_file_test (cases[i][0], G_FILE_TEST_EXISTS));
    }

  /* The export options are documented, headless too. */
  {
    g_auto(Run) run = { 0 };

    run_touchpoint (&run, "--help-export", NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    g_assert_nonnull (strstr (run.out, "--tile=SHEET"));
    g_assert_nonnull (strstr (run.out, "--layers=LIST"));
  }

  /* Export options without --export. */
  {
    g_auto(Run) run = { 0 };

    run_touchpoint (&run, "--check", sample, "--paper", "a4", NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
}

/* Destinations that cannot be written: exit 1, a message naming the
 * file, and whatever was there before is still there. */
static void
test_export_write_failures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", &error);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad", "score-11.journey", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.pdf", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(Run) missing = { 0 };
  g_auto(Run) is_folder = { 0 };
  g_auto(Run) bad_input = { 0 };

  run_touchpoint (&missing, "--export", "/nonexistent/x.pdf", sample, NULL);
  g_assert_cmpint (missing.exit_code, ==, 1);
  g_assert_nonnull (strstr (missing.err, "/nonexistent/x.pdf"));

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  run_touchpoint (&is_folder, "--export", folder, sample, NULL);
  g_assert_cmpint (is_folder.exit_code, ==, 1);
  g_assert_nonnull (strstr (is_folder.err, folder));
  g_assert_nonnull (strstr (is_folder.err, "folder"));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));

  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));
  run_touchpoint (&bad_input, "--export", existing, bad, NULL);
  g_assert_cmpint (bad_input.exit_code, ==, 1);
  g_assert_true (g_file_get_contents (existing, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "keep me");

  g_remove (existing);
  g_rmdir (folder);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/version", test_version);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/check-sample", test_check_sample);
  g_test_add_func ("/cli/check-sample-dutch", test_check_sample_dutch);
  g_test_add_func ("/cli/check-findings-count", test_check_findings_count);
  g_test_add_func ("/cli/check-bad-files", test_check_bad_files);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/export-normalises", test_export_normalises);
  g_test_add_func ("/cli/export-failures", test_export_failures);
  g_test_add_func ("/cli/written-files-match-schema", test_written_files_match_schema);
  g_test_add_func ("/cli/export-formats", test_export_formats);
  g_test_add_func ("/cli/export-usage-errors", test_export_usage_errors);
  g_test_add_func ("/cli/export-write-failures", test_export_write_failures);

  return g_test_run ();
}
