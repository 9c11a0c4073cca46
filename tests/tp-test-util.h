/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tp-journey.h"
#include "tp-layout.h"

G_BEGIN_DECLS

/* Path of the bundled sample journey in the source tree. */
char      *tp_test_sample_path       (void);
/* Path of the Dutch translation of the bundled sample in the source tree. */
char      *tp_test_sample_nl_path    (void);
/* Removes @path and everything under it (symbolic links, not what they
 * point at). */
void       tp_test_remove_tree       (const char *path);
/* A new folder in the temporary folder, from a template ending in XXXXXX. */
char      *tp_test_make_dir          (const char *template_name);
/* Loads a journey or fails the test. */
TpJourney *tp_test_load_journey      (const char *path);
/* Serialises a journey to a newly allocated string. */
char      *tp_test_write_to_string   (TpJourney *journey);
/* A journey and its translation: the same ids in the same order and the
 * same kinds, scores, links and workflow; only the texts differ. */
void       tp_test_assert_twins      (TpJourney *en,
                                      TpJourney *nl);
/* A journey of @n_stages stages and @n_touchpoints touchpoints spread over
 * them, with scores, notes and opportunities; the same for the same seed. */
TpJourney *tp_test_generate_journey  (guint n_stages,
                                      guint n_touchpoints,
                                      guint32 seed);
/* Sorts @n timings in place, fastest first: ms[n / 2] is then the median
 * and ms[n - 1] the slowest. */
void       tp_test_sort_times        (double *ms,
                                      guint   n);
/* The 95th percentile of @n timings sorted by tp_test_sort_times(). */
double     tp_test_p95               (const double *ms,
                                      guint         n);

/* The bundled sample and its layout: a g_test_add() fixture. */
typedef struct {
  TpJourney *journey;
  TpLayout *layout;
} TpTestLayoutFixture;

void       tp_test_layout_fixture_set_up    (TpTestLayoutFixture *f,
                                             gconstpointer        data);
/* Asserts that both are freed: nothing the test did kept a reference. */
void       tp_test_layout_fixture_tear_down (TpTestLayoutFixture *f,
                                             gconstpointer        data);

/* A program run to its end: exit code and captured output. */
typedef struct
{
  int exit_code;
  char *out;
  char *err;
} TpTestRun;

void       tp_test_run_clear         (TpTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TpTestRun, tp_test_run_clear)

/* This process's environment without DISPLAY and WAYLAND_DISPLAY:
 * headless work must not need a display. */
char     **tp_test_headless_environ  (void);
/* Runs @argv with @envp and waits; asserts it exited rather than died. */
void       tp_test_run_sync          (TpTestRun          *run,
                                      const char * const *argv,
                                      char              **envp);

/* Runs the checking tool an environment variable names (meson sets them
 * from find_program) with the arguments up to NULL; returns its standard
 * output. Fails the test when the variable is unset or the tool fails. */
char      *tp_test_run_tool          (const char *env,
                                      const char *first_arg,
                                      ...) G_GNUC_NULL_TERMINATED;

/* A small tmpfs on @dir, private to this process: call it in a child
 * (g_test_trap_subprocess), whose mount namespace takes it away. */
gboolean   tp_test_mount_private_tmpfs   (const char *dir,
                                          const char *options);
/* Whether a private tmpfs can be mounted here, found by trying in a forked
 * child: root in a chroot or container may lack CAP_SYS_ADMIN. */
gboolean   tp_test_can_mount_private_tmpfs (void);
/* TRUE when the test can have its tmpfs. Otherwise the test fails, or is
 * skipped when TP_TEST_ALLOW_NO_TMPFS=1 says so: it never passes silently. */
gboolean   tp_test_require_private_tmpfs (void);

G_END_DECLS
