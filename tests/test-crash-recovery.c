/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "tp-draft.h"
#include "tp-journey-format.h"
#include "tp-test-util.h"

/* The real application, killed with SIGKILL after edits: its draft holds
 * exactly the journey it had on screen, and the file it was editing is
 * untouched. Runs the binary (TOUCHPOINT_BIN) as a child process on a
 * display (xvfb-run); TOUCHPOINT_TEST_EDIT makes it edit the journey as a
 * user would and write what it then shows to a file for comparison. */

/* Reads lines from the app until @line (or end of output: fails). */
static void
wait_for_line (GDataInputStream *out,
               const char       *line)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *read = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (read == NULL)
        g_error ("The application ended before printing “%s”", line);
      if (g_str_equal (read, line))
        return;
    }
}

static void
test_kill_after_edits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("touchpoint-crash-XXXXXX", &error);
  g_autofree char *data_home = g_build_filename (top, "data", NULL);
  g_autofree char *drafts = g_build_filename (data_home, "touchpoint", "drafts", NULL);
  g_autofree char *journey_path = g_build_filename (top, "hospital.journey", NULL);
  g_autofree char *screen_path = g_build_filename (top, "on-screen.journey", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  g_autofree char *sample_contents = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *screen = NULL;
  g_autofree char *owner = tp_draft_owner_current ();
  g_autofree char *journey_uri = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GFile) journey_file = NULL;
  const char *binary = g_getenv ("TOUCHPOINT_BIN");
  TpDraft *draft;
  gsize sample_length, length, screen_length;
  static const char *user_dirs[] = { "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };

  g_assert_no_error (error);
  g_assert_nonnull (binary);
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* As the other GUI tests: a missing display fails, unless allowed. */
      if (g_strcmp0 (g_getenv ("TP_TEST_ALLOW_NO_DISPLAY"), "1") != 0)
        g_error ("No display: run the GUI tests under xvfb-run");
      g_rmdir (top);
      g_test_skip ("No display and TP_TEST_ALLOW_NO_DISPLAY=1");
      return;
    }
  g_assert_true (g_file_get_contents (sample, &sample_contents, &sample_length, NULL));
  g_assert_true (g_file_set_contents (journey_path, sample_contents, sample_length, NULL));
  journey_file = g_file_new_for_path (journey_path);
  journey_uri = g_file_get_uri (journey_file);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *dir = g_build_filename (top, user_dirs[i], NULL);

      g_subprocess_launcher_setenv (launcher, user_dirs[i], dir, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "TOUCHPOINT_NON_UNIQUE", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "TOUCHPOINT_TEST_EDIT", screen_path, TRUE);
  app = g_subprocess_launcher_spawn (launcher, &error, binary, journey_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (app));

  wait_for_line (out, "edited");
  wait_for_line (out, "draft-written");

  /* While it runs, its draft is nobody else's to take. */
  found = tp_draft_claim_orphans (drafts, owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_subprocess_send_signal (app, SIGKILL);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (app));
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);

  /* What the next start finds: one draft, of that file, holding the
   * journey as it was on screen, byte for byte. */
  found = tp_draft_claim_orphans (drafts, owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  draft = g_ptr_array_index (found, 0);
  g_assert_cmpstr (draft->original_uri, ==, journey_uri);
  g_assert_cmpstr (draft->title, ==, "hospital.journey");
  g_assert_true (g_file_get_contents (screen_path, &screen, &screen_length, NULL));
  g_assert_nonnull (strstr (screen, "<title>Edited before the crash</title>"));
  g_assert_nonnull (strstr (screen, "Added before the crash"));
  g_assert_cmpuint (g_bytes_get_size (draft->journey), ==, screen_length);
  g_assert_true (memcmp (g_bytes_get_data (draft->journey, NULL), screen, screen_length) == 0);
  /* It reads back as a journey, the same one. */
  {
    g_autoptr(TpJourney) recovered = tp_journey_format_read (g_bytes_get_data (draft->journey, NULL),
                                                             screen_length, "draft", &error);
    g_autoptr(GBytes) again = NULL;

    g_assert_no_error (error);
    again = tp_journey_format_write (recovered);
    g_assert_true (g_bytes_equal (again, draft->journey));
  }

  /* The file it was editing was never written. */
  g_assert_true (g_file_get_contents (journey_path, &contents, &length, NULL));
  g_assert_true (length == sample_length && memcmp (contents, sample_contents, length) == 0);

  tp_test_remove_tree (top);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/crash-recovery/kill-after-edits", test_kill_after_edits);

  return g_test_run ();
}
