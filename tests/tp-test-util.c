/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tp-employee-note.h"
#include "tp-journey-format.h"
#include "tp-lane.h"
#include "tp-opportunity.h"
#include "tp-touchpoint.h"
#include "tp-test-util.h"

char *
tp_test_sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "templates", "hospital.journey", NULL);
}

char *
tp_test_sample_nl_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "templates", "hospital.nl.journey", NULL);
}

TpJourney *
tp_test_load_journey (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpJourney *journey = tp_journey_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (journey);
  return journey;
}

char *
tp_test_write_to_string (TpJourney *journey)
{
  g_autoptr(GBytes) bytes = tp_journey_format_write (journey);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strndup (data, length);
}

TpJourney *
tp_test_generate_journey (guint   n_stages,
                          guint   n_touchpoints,
                          guint32 seed)
{
  static const TpLaneKind kinds[] = {
    TP_LANE_KIND_CUSTOMER_ACTIONS, TP_LANE_KIND_TOUCHPOINTS, TP_LANE_KIND_THOUGHTS_FEELINGS,
    TP_LANE_KIND_EMOTION_CURVE, TP_LANE_KIND_EMPLOYEE, TP_LANE_KIND_OPPORTUNITIES,
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  TpJourney *journey = tp_journey_new ();

  g_object_set (journey, "title", "Generated journey", "persona-name", "Test persona", NULL);

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      g_autoptr(TpStage) stage = tp_stage_new (id, name);
      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (stage), G_MAXUINT, NULL));
    }

  for (guint l = 0; l < G_N_ELEMENTS (kinds); l++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", l + 1);
      g_autoptr(TpLane) lane = tp_lane_new (id, tp_lane_kind_get_display_name (kinds[l]), kinds[l]);
      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (lane), G_MAXUINT, NULL));
    }

  for (guint t = 0; t < n_touchpoints; t++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", t + 1);
      g_autofree char *title = g_strdup_printf ("Touchpoint %u with a longer title", t + 1);
      g_autofree char *stage_id = g_strdup_printf ("s%u", t * n_stages / MAX (n_touchpoints, 1) + 1);
      /* Most cards in the touchpoints lane, some in the others. */
      g_autofree char *lane_id = g_strdup_printf ("l%u", g_rand_int_range (rand, 0, 4) == 0 ? 1 : 2);
      g_autoptr(TpTouchpoint) tp = tp_touchpoint_new (id, title, stage_id, lane_id,
                                                      g_rand_int_range (rand, 0, TP_N_CHANNELS));

      g_object_set (tp,
                    "score", g_rand_int_range (rand, 0, 11),
                    "moment-of-truth", g_rand_int_range (rand, 0, 10) == 0,
                    "department", g_rand_boolean (rand) ? "Sales" : "Service",
                    "description", "A description of what happens here.",
                    NULL);
      g_assert_true (tp_journey_insert (journey, TP_ELEMENT (tp), G_MAXUINT, NULL));

      if (t % 10 == 0)
        {
          g_autofree char *note_id = g_strdup_printf ("e%u", t / 10 + 1);
          g_autoptr(TpEmployeeNote) note =
            tp_employee_note_new (note_id, g_rand_boolean (rand) ? TP_NOTE_KIND_BLOCKER : TP_NOTE_KIND_ENABLER,
                                  "Something the employee runs into");
          g_object_set (note, "touchpoint-id", id, "department", "Service",
                        "severity", g_rand_int_range (rand, 1, 4), NULL);
          g_assert_true (tp_journey_insert (journey, TP_ELEMENT (note), G_MAXUINT, NULL));
        }

      if (t % 25 == 0)
        {
          g_autofree char *opp_id = g_strdup_printf ("o%u", t / 25 + 1);
          g_autoptr(TpOpportunity) opportunity = tp_opportunity_new (opp_id, "An idea");
          g_object_set (opportunity, "touchpoint-id", id, "owner", "Owner", NULL);
          g_assert_true (tp_journey_insert (journey, TP_ELEMENT (opportunity), G_MAXUINT, NULL));
        }
    }

  return journey;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

void
tp_test_sort_times (double *ms,
                    guint   n)
{
  qsort (ms, n, sizeof (double), compare_doubles);
}

double
tp_test_p95 (const double *ms,
             guint         n)
{
  return ms[MIN (n - 1, (guint) ceil (n * 0.95) - 1)];
}

void
tp_test_layout_fixture_set_up (TpTestLayoutFixture *f,
                               gconstpointer        data)
{
  g_autofree char *path = tp_test_sample_path ();

  f->journey = tp_test_load_journey (path);
  f->layout = tp_layout_new (f->journey, NULL);
}

void
tp_test_layout_fixture_tear_down (TpTestLayoutFixture *f,
                                  gconstpointer        data)
{
  g_assert_finalize_object (f->layout);
  g_assert_finalize_object (f->journey);
}

void
tp_test_run_clear (TpTestRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

char **
tp_test_headless_environ (void)
{
  char **envp = g_get_environ ();

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  return envp;
}

void
tp_test_run_sync (TpTestRun          *run,
                  const char * const *argv,
                  char              **envp)
{
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->exit_code = WEXITSTATUS (wait_status);
}

char *
tp_test_run_tool (const char *env,
                  const char *first_arg,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *tool = g_getenv (env);
  char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  va_list args;

  /* meson requires the tools, so a missing one is a broken set-up, not a skip. */
  if (tool == NULL || tool[0] == '\0')
    g_error ("%s is not set: run the tests through meson", env);

  g_ptr_array_add (argv, (gpointer) tool);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", tool, error->message, err);
  return out;
}

gboolean
tp_test_mount_private_tmpfs (const char *dir,
                             const char *options)
{
  return unshare (CLONE_NEWNS) == 0
         && mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0
         && mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0;
}

gboolean
tp_test_can_mount_private_tmpfs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-tmpfs-probe-XXXXXX", &error);
  int status = 0;
  pid_t pid;

  g_assert_no_error (error);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  /* The child only makes system calls: its mount goes with it. */
  if (pid == 0)
    _exit (tp_test_mount_private_tmpfs (dir, "size=64k") ? EXIT_SUCCESS : EXIT_FAILURE);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_rmdir (dir);
  return WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SUCCESS;
}

gboolean
tp_test_require_private_tmpfs (void)
{
  static int available = -1;

  if (available < 0)
    available = tp_test_can_mount_private_tmpfs ();
  if (available)
    return TRUE;

  if (g_strcmp0 (g_getenv ("TP_TEST_ALLOW_NO_TMPFS"), "1") == 0)
    {
      g_test_skip ("Cannot mount a private tmpfs (needs CAP_SYS_ADMIN); "
                   "skipped because TP_TEST_ALLOW_NO_TMPFS=1");
      return FALSE;
    }
  g_test_fail_printf ("Cannot mount a private tmpfs to simulate a full or read-only disk "
                      "(needs CAP_SYS_ADMIN). Run the tests where mounting works, or set "
                      "TP_TEST_ALLOW_NO_TMPFS=1 to skip the tests that need it.");
  return FALSE;
}

/* ------------------------------------------------- English and Dutch twins */

static void
compare_ids (GListModel *en,
             GListModel *nl)
{
  guint n = g_list_model_get_n_items (en);

  g_assert_cmpuint (g_list_model_get_n_items (nl), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpElement) a = g_list_model_get_item (en, i);
      g_autoptr(TpElement) b = g_list_model_get_item (nl, i);

      g_assert_cmpstr (tp_element_get_id (a), ==, tp_element_get_id (b));
    }
}

void
tp_test_assert_twins (TpJourney *en,
                      TpJourney *nl)
{
  GListModel *en_list, *nl_list;

  g_assert_cmpint (tp_journey_get_scope (en), ==, tp_journey_get_scope (nl));
  g_assert_cmpint (tp_journey_get_state (en), ==, tp_journey_get_state (nl));
  g_assert_cmpint (tp_journey_get_good_enough (en), ==, tp_journey_get_good_enough (nl));
  g_assert_cmpint (tp_journey_get_moment_target (en), ==, tp_journey_get_moment_target (nl));
  g_assert_cmpstr (tp_journey_get_persona_name (en), ==, tp_journey_get_persona_name (nl));
  /* Translated, not copied. */
  g_assert_cmpstr (tp_journey_get_title (en), !=, tp_journey_get_title (nl));

  compare_ids (tp_journey_get_stages (en), tp_journey_get_stages (nl));
  compare_ids (tp_journey_get_lanes (en), tp_journey_get_lanes (nl));
  compare_ids (tp_journey_get_touchpoints (en), tp_journey_get_touchpoints (nl));
  compare_ids (tp_journey_get_employee_notes (en), tp_journey_get_employee_notes (nl));
  compare_ids (tp_journey_get_opportunities (en), tp_journey_get_opportunities (nl));

  en_list = tp_journey_get_lanes (en);
  nl_list = tp_journey_get_lanes (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpLane) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpLane) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpint (tp_lane_get_kind (a), ==, tp_lane_get_kind (b));
    }

  en_list = tp_journey_get_touchpoints (en);
  nl_list = tp_journey_get_touchpoints (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpTouchpoint) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpTouchpoint) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpint (tp_touchpoint_get_kind (a), ==, tp_touchpoint_get_kind (b));
      g_assert_cmpstr (tp_touchpoint_get_stage_id (a), ==, tp_touchpoint_get_stage_id (b));
      g_assert_cmpstr (tp_touchpoint_get_lane_id (a), ==, tp_touchpoint_get_lane_id (b));
      g_assert_cmpint (tp_touchpoint_get_channel (a), ==, tp_touchpoint_get_channel (b));
      g_assert_cmpint (tp_touchpoint_get_score (a), ==, tp_touchpoint_get_score (b));
      g_assert_cmpint (tp_touchpoint_get_moment_of_truth (a), ==, tp_touchpoint_get_moment_of_truth (b));
      g_assert_cmpint (tp_touchpoint_get_evidence (a), ==, tp_touchpoint_get_evidence (b));
      g_assert_cmpint (tp_touchpoint_get_respondents (a), ==, tp_touchpoint_get_respondents (b));
      /* A department or role in one is there in the other. */
      g_assert_cmpint (*tp_touchpoint_get_department (a) == '\0', ==, *tp_touchpoint_get_department (b) == '\0');
      g_assert_cmpint (*tp_touchpoint_get_role (a) == '\0', ==, *tp_touchpoint_get_role (b) == '\0');
    }

  en_list = tp_journey_get_employee_notes (en);
  nl_list = tp_journey_get_employee_notes (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpEmployeeNote) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpEmployeeNote) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpint (tp_employee_note_get_kind (a), ==, tp_employee_note_get_kind (b));
      g_assert_cmpint (tp_employee_note_get_severity (a), ==, tp_employee_note_get_severity (b));
      g_assert_cmpint (tp_employee_note_get_strength (a), ==, tp_employee_note_get_strength (b));
      g_assert_cmpint (tp_employee_note_get_score (a), ==, tp_employee_note_get_score (b));
      g_assert_cmpstr (tp_employee_note_get_touchpoint_id (a), ==, tp_employee_note_get_touchpoint_id (b));
      g_assert_cmpstr (tp_employee_note_get_stage_id (a), ==, tp_employee_note_get_stage_id (b));
      g_assert_cmpint (*tp_employee_note_get_caused_by (a) == '\0', ==, *tp_employee_note_get_caused_by (b) == '\0');
    }

  en_list = tp_journey_get_opportunities (en);
  nl_list = tp_journey_get_opportunities (nl);
  for (guint i = 0; i < g_list_model_get_n_items (en_list); i++)
    {
      g_autoptr(TpOpportunity) a = g_list_model_get_item (en_list, i);
      g_autoptr(TpOpportunity) b = g_list_model_get_item (nl_list, i);

      g_assert_cmpstr (tp_opportunity_get_touchpoint_id (a), ==, tp_opportunity_get_touchpoint_id (b));
      g_assert_cmpstr (tp_opportunity_get_stage_id (a), ==, tp_opportunity_get_stage_id (b));
      g_assert_cmpint (tp_opportunity_get_status (a), ==, tp_opportunity_get_status (b));
      g_assert_cmpint (tp_opportunity_get_impact (a), ==, tp_opportunity_get_impact (b));
      g_assert_cmpint (tp_opportunity_get_effort (a), ==, tp_opportunity_get_effort (b));
      g_assert_cmpstr (tp_opportunity_get_due (a), ==, tp_opportunity_get_due (b));
    }
}


void
tp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        tp_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

char *
tp_test_make_dir (const char *template_name)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (template_name, &error);

  g_assert_no_error (error);
  return dir;
}
