/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include "tp-journey-format.h"
#include "tp-test-util.h"

/* Opening a journey in the window as a user does: the real binary,
 * spawned on a file, with TOUCHPOINT_BENCH_OPEN=1 (app/tp-application.c)
 * so that it reports its first frame with the journey and quits once
 * idle. Per journey, medians of RUNS runs of:
 *   first frame  spawn to the first frame painted with the canvas;
 *   CPU to frame the child's user+sys CPU at that frame (its getrusage):
 *                unlike the wall time, not inflated by other load;
 *   CPU to idle  the child's user+sys CPU when the main loop went idle
 *                after that frame (its getrusage);
 *   CPU to exit  the same to the child's exit (wait4), teardown included.
 * Goals (issue "opening speed"): the sample's first frame in 0.3 s,
 * 1,000 touchpoints in 0.5 s of CPU. Timing never fails the benchmark;
 * a child that does not report does. Run under xvfb-run.
 * "bench-open --keep DIR" writes the generated journeys to DIR and stops
 * there: the files to profile the app on. */

#define RUNS 5

typedef struct {
  double first_frame[RUNS];
  double cpu_frame[RUNS];
  double cpu_idle[RUNS];
  double cpu_exit[RUNS];
} Figures;

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_stime.tv_sec
         + (usage->ru_utime.tv_usec + usage->ru_stime.tv_usec) / 1e6;
}

static gboolean
run_open (const char *binary,
          const char *input,
          Figures    *figures,
          guint       run)
{
  const char *argv[] = { binary, input, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "TOUCHPOINT_BENCH_OPEN", "1", TRUE);
  struct rusage usage;
  gint64 start, frame_us = -1, frame_cpu_us = -1, idle_cpu_us = -1;
  char line[128];
  GPid pid;
  FILE *out;
  int out_fd, status;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("cannot run %s: %s\n", binary, error->message);
      return FALSE;
    }
  out = fdopen (out_fd, "r");
  while (fgets (line, sizeof line, out) != NULL)
    {
      gint64 value, cpu;

      if (sscanf (line, "first-frame %" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &value, &cpu) == 2)
        {
          frame_us = value;
          frame_cpu_us = cpu;
        }
      else if (sscanf (line, "idle %" G_GINT64_FORMAT, &value) == 1)
        idle_cpu_us = value;
    }
  fclose (out);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || frame_us < 0 || idle_cpu_us < 0)
    {
      g_printerr ("%s %s: status %d, %s\n", binary, input, status,
                  frame_us < 0 ? "no first frame reported" : "no idle reported");
      return FALSE;
    }
  /* Both are CLOCK_MONOTONIC: comparable across processes. */
  figures->first_frame[run] = (frame_us - start) / 1e6;
  figures->cpu_frame[run] = frame_cpu_us / 1e6;
  figures->cpu_idle[run] = idle_cpu_us / 1e6;
  figures->cpu_exit[run] = cpu_seconds (&usage);
  return TRUE;
}

static double
median (double *values)
{
  tp_test_sort_times (values, RUNS);
  return values[RUNS / 2];
}

static char *
write_generated (const char *dir,
                 guint       n_touchpoints)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, n_touchpoints, 1);
  g_autoptr(GBytes) bytes = tp_journey_format_write (journey);
  char *path = g_strdup_printf ("%s/open-%u.journey", dir, n_touchpoints);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return path;
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("TOUCHPOINT_BIN");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *load = NULL;
  struct {
    const char *label;
    char *path;
    gboolean generated;
  } journeys[] = {
    { "sample (hospital)", NULL, FALSE },
    { "1,000 touchpoints", NULL, TRUE },
    { "5,000 touchpoints", NULL, TRUE },
  };
  static const guint sizes[] = { 0, 1000, 5000 };
  gboolean ok = TRUE;

  g_test_init (&argc, &argv, NULL);
  if (argc == 3 && g_str_equal (argv[1], "--keep"))
    {
      for (guint j = 1; j < G_N_ELEMENTS (journeys); j++)
        g_free (write_generated (argv[2], sizes[j]));
      return 0;
    }
  if (binary == NULL)
    {
      g_printerr ("TOUCHPOINT_BIN is not set\n");
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("No display: run under xvfb-run\n");
      return 77;
    }
  dir = g_dir_make_tmp ("tp-bench-open-XXXXXX", &error);
  g_assert_no_error (error);
  journeys[0].path = tp_test_sample_path ();
  for (guint j = 1; j < G_N_ELEMENTS (journeys); j++)
    journeys[j].path = write_generated (dir, sizes[j]);

  if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    g_strchomp (load);
  g_print ("# touchpoint FILE, spawned; medians of %d runs; load %s\n", RUNS, load != NULL ? load : "?");
  g_print ("# %-20s %14s %14s %14s %14s\n", "journey", "first frame s", "CPU to frame s",
           "CPU to idle s", "CPU to exit s");

  for (guint j = 0; j < G_N_ELEMENTS (journeys); j++)
    {
      Figures figures = { 0 };
      gboolean run_ok = TRUE;

      for (guint r = 0; r < RUNS && run_ok; r++)
        run_ok = run_open (binary, journeys[j].path, &figures, r);
      if (run_ok)
        g_print ("  %-20s %14.3f %14.3f %14.3f %14.3f\n", journeys[j].label,
                 median (figures.first_frame), median (figures.cpu_frame),
                 median (figures.cpu_idle), median (figures.cpu_exit));
      else
        g_print ("  %-20s %14s\n", journeys[j].label, "failed");
      ok &= run_ok;
      if (journeys[j].generated)
        g_remove (journeys[j].path);
      g_free (journeys[j].path);
    }
  g_rmdir (dir);
  g_print ("# goals: sample first frame <= 0.3 s, 1,000 touchpoints <= 0.5 s of CPU\n");
  return ok ? 0 : 1;
}
