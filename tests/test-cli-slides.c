/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "tp-test-util.h"

/* `touchpoint --slides OUT.pdf FILE`: the real binary with no display,
 * its deck read back with poppler's pdfinfo and pdftotext. */

static void
run_touchpoint (TpTestRun   *run,
                const char **env,
                const char  *first_arg,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = tp_test_headless_environ ();
  const char *binary = g_getenv ("TOUCHPOINT_BIN");
  va_list args;

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (gpointer) binary);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  tp_test_run_sync (run, (const char * const *) argv->pdata, envp);
  g_test_message ("exit %d\nstdout: %s\nstderr: %s", run->exit_code, run->out, run->err);
}

/* The value of pdfinfo's line @key ("Pages"), stripped. */
static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

/* Pages and their size from pdfinfo. */
static void
check_pdfinfo (const char *path,
               guint       n_pages)
{
  g_autofree char *info = tp_test_run_tool ("PDFINFO", path, NULL);
  g_autofree char *pages = info_value (info, "Pages");
  g_autofree char *size = info_value (info, "Page size");
  g_autofree char *title = info_value (info, "Title");
  g_autofree char *expected = g_strdup_printf ("%u", n_pages);

  g_assert_cmpstr (pages, ==, expected);
  /* 16:9: 960 × 540 pt. */
  g_assert_cmpstr (size, ==, "960 x 540 pts");
  g_assert_cmpstr (title, ==, "Hospital outpatient visit");
}

static void
test_sample (void)
{
  g_autofree char *dir = tp_test_make_dir ("tp-slides-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *text = NULL;
  g_auto(TpTestRun) run = { 0 };

  run_touchpoint (&run, NULL, "--slides", out, sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  g_assert_nonnull (strstr (run.out, "7 slides, 16:9"));
  check_pdfinfo (out, 7);

  /* Title, stages, a moment of truth, an employee note, the findings. */
  text = tp_test_run_tool ("PDFTOTEXT", out, "-", NULL);
  g_assert_nonnull (strstr (text, "Hospital outpatient visit"));
  g_assert_nonnull (strstr (text, "Persona: Eline de Vries"));
  g_assert_nonnull (strstr (text, "Stage 4 of 5"));
  g_assert_nonnull (strstr (text, "Consultation"));
  g_assert_nonnull (strstr (text, "Moment of truth"));
  g_assert_nonnull (strstr (text, "The schedule is overbooked"));
  g_assert_nonnull (strstr (text, "Findings and opportunities"));
  g_assert_nonnull (strstr (text, "Critical:"));
  g_assert_nonnull (strstr (text, "Top open opportunities"));
  /* One page per slide: pdftotext ends each with a form feed. */
  {
    guint n_feeds = 0;

    for (const char *p = text; *p != '\0'; p++)
      n_feeds += *p == '\f';
    g_assert_cmpuint (n_feeds, ==, 7);
  }
  tp_test_remove_tree (dir);
}

/* Without the employee layer no note is there; cairo's writer makes the
 * same deck; dark is an option. */
static void
test_options (void)
{
  g_autofree char *dir = tp_test_make_dir ("tp-slides-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  const char *cairo_env[] = { "TOUCHPOINT_PDF_BACKEND=cairo", NULL };

  {
    g_auto(TpTestRun) run = { 0 };
    g_autofree char *text = NULL;

    run_touchpoint (&run, NULL, "--slides", out, "--no-employee", "--dark", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    text = tp_test_run_tool ("PDFTOTEXT", out, "-", NULL);
    g_assert_null (strstr (text, "The schedule is overbooked"));
    g_assert_nonnull (strstr (text, "Consultation"));
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, cairo_env, "--slides", out, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 0);
    check_pdfinfo (out, 7);
  }
  tp_test_remove_tree (dir);
}

/* In Dutch, with the Dutch sample. */
static void
test_dutch (void)
{
  g_autofree char *dir = tp_test_make_dir ("tp-slides-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "presentatie.pdf", NULL);
  g_autofree char *sample = tp_test_sample_nl_path ();
  const char *env[] = { "LANGUAGE=nl", "LC_ALL=nl_NL.UTF-8", NULL };
  g_autofree char *text = NULL;
  g_auto(TpTestRun) run = { 0 };

  run_touchpoint (&run, env, "--slides", out, sample, NULL);
  g_assert_cmpint (run.exit_code, ==, 0);
  text = tp_test_run_tool ("PDFTOTEXT", out, "-", NULL);
  g_assert_nonnull (strstr (text, "Fase 4 van 5"));
  g_assert_nonnull (strstr (text, "Moment van de waarheid"));
  tp_test_remove_tree (dir);
}

/* Usage errors exit with 2, a failed write with 1; nothing is left. */
static void
test_errors (void)
{
  g_autofree char *dir = tp_test_make_dir ("tp-slides-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "deck.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "deck.pdf", NULL);
  g_autofree char *sample = tp_test_sample_path ();

  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, NULL, "--slides", png, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, NULL, "--slides", out, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, NULL, "--dark", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, NULL, "--slides", out, "--check", sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 2);
  }
  {
    g_auto(TpTestRun) run = { 0 };

    run_touchpoint (&run, NULL, "--slides", missing, sample, NULL);
    g_assert_cmpint (run.exit_code, ==, 1);
  }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  tp_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-slides/sample", test_sample);
  g_test_add_func ("/cli-slides/options", test_options);
  g_test_add_func ("/cli-slides/dutch", test_dutch);
  g_test_add_func ("/cli-slides/errors", test_errors);
  return g_test_run ();
}
