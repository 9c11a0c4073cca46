/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "tp-journey-format.h"
#include "tp-test-util.h"

/* The command-line export as a user runs it: the real binary, spawned,
 * timed from spawn to exit, with the peak memory of that one process
 * (wait4's ru_maxrss). Budget (issue #5): 5,000 touchpoints to PDF in
 * under 0.25 s and 120 MB, growing linearly. */

#define BUDGET_SECONDS 0.25
#define BUDGET_MB 120.0
#define RUNS 3

typedef struct {
  double seconds;  /* best of RUNS */
  double peak_mb;  /* largest of RUNS */
  gint64 bytes;
} Figures;

static gboolean
run_export (const char *binary,
            const char *input,
            const char *output,
            const char * const extra[],
            Figures    *figures)
{
  const char *argv[8] = { binary, "--export", output, input, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  struct rusage usage;
  GPid pid;
  int status;
  gint64 start;
  double seconds;
  GStatBuf st;

  for (guint i = 0; extra[i] != NULL && i < 3; i++)
    argv[4 + i] = extra[i];
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  start = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("cannot run %s: %s\n", binary, error->message);
      return FALSE;
    }
  if (wait4 (pid, &status, 0, &usage) != pid)
    return FALSE;
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_spawn_close_pid (pid);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_printerr ("%s --export %s failed (status %d)\n", binary, output, status);
      return FALSE;
    }

  figures->seconds = MIN (figures->seconds, seconds);
  /* ru_maxrss is in KiB on Linux. */
  figures->peak_mb = MAX (figures->peak_mb, usage.ru_maxrss / 1024.0);
  if (g_stat (output, &st) == 0)
    figures->bytes = st.st_size;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 1000, 5000 };
  static const struct {
    const char *ext;
    const char *extra[3];
    const char *label;
  } formats[] = {
    { "pdf", { NULL }, "PDF, natural size" },
    { "pdf", { "--paper=a4", NULL }, "PDF, on A4" },
    { "pdf", { "--poster=a0", "--tile=a4", NULL }, "PDF, A0 on A4 sheets" },
    { "svg", { NULL }, "SVG" },
    { "png", { NULL }, "PNG, scale 2" },
    { "png", { "--scale=1", NULL }, "PNG, scale 1" },
  };
  const char *binary = g_getenv ("TOUCHPOINT_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  double pdf_seconds[G_N_ELEMENTS (sizes)] = { 0 };
  double pdf_mb[G_N_ELEMENTS (sizes)] = { 0 };
  gboolean ok = TRUE;

  g_test_init (&argc, &argv, NULL);
  if (binary == NULL)
    {
      g_printerr ("TOUCHPOINT_BIN is not set\n");
      return 1;
    }
  dir = g_dir_make_tmp ("tp-bench-export-XXXXXX", &error);
  g_assert_no_error (error);

  g_print ("# touchpoint --export, spawned, best of %d runs; peak RSS of the process\n", RUNS);
  g_print ("# %-26s %12s %10s %10s %12s\n", "format", "touchpoints", "seconds", "peak MB", "file KB");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(TpJourney) journey = tp_test_generate_journey (12, sizes[s], 1);
      g_autoptr(GBytes) bytes = tp_journey_format_write (journey);
      g_autofree char *input = g_strdup_printf ("%s/in-%u.journey", dir, sizes[s]);

      g_assert_true (g_file_set_contents (input, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL));

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autofree char *output = g_strdup_printf ("%s/out-%u-%u.%s", dir, sizes[s], f, formats[f].ext);
          Figures figures = { .seconds = G_MAXDOUBLE };

          for (int r = 0; r < RUNS; r++)
            {
              ok &= run_export (binary, input, output, formats[f].extra, &figures);
            }

          g_print ("  %-26s %12u %10.3f %10.1f %12.0f\n", formats[f].label, sizes[s],
                   figures.seconds, figures.peak_mb, figures.bytes / 1024.0);
          if (f == 0)
            {
              pdf_seconds[s] = figures.seconds;
              pdf_mb[s] = figures.peak_mb;
            }
          g_remove (output);
        }
      g_remove (input);
    }
  g_rmdir (dir);

  g_print ("# PDF 5,000 vs 1,000 touchpoints: time x%.1f, memory x%.1f (linear: x5 at most)\n",
           pdf_seconds[1] / pdf_seconds[0], pdf_mb[1] / pdf_mb[0]);
  g_print ("# budget for 5,000 touchpoints to PDF: %.2f s and %.0f MB: %s\n",
           BUDGET_SECONDS, BUDGET_MB,
           pdf_seconds[1] < BUDGET_SECONDS && pdf_mb[1] < BUDGET_MB ? "met" : "NOT MET");
  return ok ? 0 : 1;
}
