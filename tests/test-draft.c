/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "tp-autosave.h"
#include "tp-document.h"
#include "tp-draft.h"
#include "tp-journey-format.h"
#include "tp-test-util.h"

/* The draft store (format/tp-draft.c) and the autosave that keeps a
 * document's draft (edit/tp-autosave.c), without a display. */

typedef struct {
  char *dir;      /* the drafts folder */
  char *owner;    /* this process */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("tp-draft-XXXXXX", &error);

  g_assert_no_error (error);
  /* A folder that does not exist yet: writing a draft creates it. */
  f->dir = g_build_filename (top, "touchpoint", "drafts", NULL);
  f->owner = tp_draft_owner_current ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *drafts = g_path_get_dirname (f->dir);
  g_autofree char *top = g_path_get_dirname (drafts);

  tp_test_remove_tree (top);
  g_free (f->dir);
  g_free (f->owner);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted, one a line. */
static char *
list_names (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (text, "%s\n", (char *) g_ptr_array_index (names, i));
  return g_string_free (text, FALSE);
}

static guint
count_files (const char *dir)
{
  g_autofree char *names = list_names (dir);
  guint n = 0;

  for (const char *p = names; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

static GBytes *
sample_bytes (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  return tp_journey_format_write (journey);
}

static TpDraft *
make_draft (void)
{
  TpDraft *draft = tp_draft_new ();

  draft->title = g_strdup ("Hospital “visit”\nwith [brackets] = and # marks");
  draft->original_uri = g_strdup ("file:///home/someone/My%20journeys/hospital.journey");
  draft->original_etag = g_strdup ("1700000000:123456");
  draft->original_size = 4321;
  draft->original_checksum = g_strdup ("ab12");
  draft->journey = sample_bytes ();
  return draft;
}

/* ---------------------------------------------------------------- store */

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(TpDraft) draft = make_draft ();
  g_autoptr(TpDraft) read = NULL;
  g_autoptr(TpDraft) untitled = tp_draft_new ();
  g_autoptr(TpDraft) untitled_read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autofree char *path = tp_draft_new_path (f->dir, f->owner);
  g_autofree char *path2 = tp_draft_new_path (f->dir, f->owner);
  g_autofree char *owner = tp_draft_path_get_owner (path);

  g_assert_cmpstr (path, !=, path2);
  g_assert_cmpstr (owner, ==, f->owner);

  g_assert_true (tp_draft_write (draft, path, &error));
  g_assert_no_error (error);
  read = tp_draft_read (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->path, ==, path);
  g_assert_cmpstr (read->title, ==, draft->title);
  g_assert_cmpstr (read->original_uri, ==, draft->original_uri);
  g_assert_cmpstr (read->original_etag, ==, draft->original_etag);
  g_assert_cmpuint (read->original_size, ==, 4321);
  g_assert_cmpstr (read->original_checksum, ==, "ab12");
  g_assert_true (g_bytes_equal (read->journey, draft->journey));
  g_assert_cmpint (g_date_time_to_unix (read->time), >=, g_date_time_to_unix (before));
  /* Only the draft: the atomic write left no temporary file. */
  g_assert_cmpuint (count_files (f->dir), ==, 1);

  /* An untitled journey has no original. */
  untitled->journey = sample_bytes ();
  g_assert_true (tp_draft_write (untitled, path2, &error));
  untitled_read = tp_draft_read (path2, &error);
  g_assert_no_error (error);
  g_assert_null (untitled_read->original_uri);
  g_assert_null (untitled_read->original_checksum);
  g_assert_cmpstr (untitled_read->title, ==, "");

  g_assert_true (tp_draft_remove (path, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  /* Removing it again is no error. */
  g_assert_true (tp_draft_remove (path, &error));
  g_assert_no_error (error);
}

static void
test_incomplete_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TpDraft) draft = make_draft ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_draft_new_path (f->dir, f->owner);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (tp_draft_write (draft, path, &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* Cut anywhere, or a byte longer: never taken for a whole draft. */
  for (gsize cut = 0; cut < length; cut += 997)
    {
      g_autoptr(TpDraft) read = NULL;

      g_assert_true (g_file_set_contents (path, contents, cut, NULL));
      read = tp_draft_read (path, &error);
      g_assert_null (read);
      g_assert_error (error, TP_DRAFT_ERROR, TP_DRAFT_ERROR_INVALID);
      g_clear_error (&error);
    }
  {
    g_autofree char *longer = g_strconcat (contents, "x", NULL);
    g_autoptr(TpDraft) read = NULL;

    g_assert_true (g_file_set_contents (path, longer, length + 1, NULL));
    read = tp_draft_read (path, &error);
    g_assert_error (error, TP_DRAFT_ERROR, TP_DRAFT_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(TpDraft) read = NULL;

    g_assert_true (g_file_set_contents (path, "[Something else]\nversion=1\n\n<x/>", -1, NULL));
    read = tp_draft_read (path, &error);
    g_assert_error (error, TP_DRAFT_ERROR, TP_DRAFT_ERROR_INVALID);
  }
}

/* A child that reports its owner string on a pipe and waits to be killed. */
static pid_t
spawn_owner (char **owner)
{
  int fds[2];
  char buffer[256];
  ssize_t n;
  pid_t pid;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autofree char *mine = tp_draft_owner_current ();

      close (fds[0]);
      if (write (fds[1], mine, strlen (mine)) < 0)
        _exit (1);
      close (fds[1]);
      for (;;)
        pause ();
    }
  close (fds[1]);
  n = read (fds[0], buffer, sizeof buffer - 1);
  close (fds[0]);
  g_assert_cmpint (n, >, 0);
  buffer[n] = '\0';
  *owner = g_strdup (buffer);
  return pid;
}

static void
kill_and_reap (pid_t pid)
{
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
test_owner_alive (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *child_owner = NULL;
  g_auto(GStrv) parts = g_strsplit (f->owner, "-", -1);
  g_autofree char *other_boot = NULL;
  g_autofree char *other_start = NULL;
  pid_t child;

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  g_assert_true (tp_draft_owner_is_alive (f->owner));

  /* Another boot: whatever runs now under that PID is someone else. */
  other_boot = g_strdup_printf ("%s-%s-%s", g_str_equal (parts[0], "0") ? "1" : "0", parts[1], parts[2]);
  g_assert_false (tp_draft_owner_is_alive (other_boot));
  /* The same PID started at another time: a reused PID. */
  if (!g_str_equal (parts[2], "0"))
    {
      other_start = g_strdup_printf ("%s-%s-%s1", parts[0], parts[1], parts[2]);
      g_assert_false (tp_draft_owner_is_alive (other_start));
    }
  g_assert_false (tp_draft_owner_is_alive ("not an owner"));
  g_assert_false (tp_draft_owner_is_alive (""));

  child = spawn_owner (&child_owner);
  g_assert_cmpstr (child_owner, !=, f->owner);
  g_assert_true (tp_draft_owner_is_alive (child_owner));
  kill_and_reap (child);
  g_assert_false (tp_draft_owner_is_alive (child_owner));
}

static void
write_draft_for (Fixture    *f,
                 const char *owner,
                 const char *title,
                 char      **path_out)
{
  g_autoptr(TpDraft) draft = make_draft ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = tp_draft_new_path (f->dir, owner);

  g_free (draft->title);
  draft->title = g_strdup (title);
  g_assert_true (tp_draft_write (draft, path, &error));
  g_assert_no_error (error);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
}

static void
test_claim_orphans (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *alive_owner = NULL;
  g_autofree char *dead_owner = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *alive = NULL;
  g_autofree char *dead_temporary = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GPtrArray) claimed = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  pid_t alive_pid;
  pid_t dead_pid;

  /* No folder yet: nothing to recover. */
  claimed = tp_draft_claim_orphans (f->dir, f->owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claimed->len, ==, 0);
  g_clear_pointer (&claimed, g_ptr_array_unref);

  alive_pid = spawn_owner (&alive_owner);
  dead_pid = spawn_owner (&dead_owner);

  write_draft_for (f, f->owner, "Mine", &mine);
  write_draft_for (f, alive_owner, "Another instance's", &alive);
  write_draft_for (f, dead_owner, "Crashed first", NULL);
  g_usleep (G_USEC_PER_SEC / 100);
  write_draft_for (f, dead_owner, "Crashed second", NULL);
  /* A draft cut short and a temporary file of a killed write. */
  {
    g_autofree char *broken = tp_draft_new_path (f->dir, dead_owner);
    g_autofree char *base = NULL;
    g_autofree char *temporary = NULL;

    g_assert_true (g_file_set_contents (broken, "[Touchpoint Draft]\nversion=1\n", -1, NULL));
    base = g_path_get_basename (broken);
    temporary = g_strdup_printf (".%s.tp-AbC123", base);
    dead_temporary = g_build_filename (f->dir, temporary, NULL);
    g_assert_true (g_file_set_contents (dead_temporary, "half", -1, NULL));
  }
  kill_and_reap (dead_pid);

  claimed = tp_draft_claim_orphans (f->dir, f->owner, &error);
  g_assert_no_error (error);
  /* The dead owner's readable drafts, oldest first, now under our name. */
  g_assert_cmpuint (claimed->len, ==, 2);
  g_assert_cmpstr (((TpDraft *) g_ptr_array_index (claimed, 0))->title, ==, "Crashed first");
  g_assert_cmpstr (((TpDraft *) g_ptr_array_index (claimed, 1))->title, ==, "Crashed second");
  for (guint i = 0; i < claimed->len; i++)
    {
      TpDraft *draft = g_ptr_array_index (claimed, i);
      g_autofree char *owner = tp_draft_path_get_owner (draft->path);
      g_autoptr(GBytes) expected = sample_bytes ();

      g_assert_cmpstr (owner, ==, f->owner);
      g_assert_true (g_file_test (draft->path, G_FILE_TEST_IS_REGULAR));
      g_assert_true (g_bytes_equal (draft->journey, expected));
    }
  /* Ours and the live instance's stay where they are. */
  g_assert_true (g_file_test (mine, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (alive, G_FILE_TEST_IS_REGULAR));
  /* The cut draft is set aside, the dead temporary file gone. */
  g_assert_false (g_file_test (dead_temporary, G_FILE_TEST_EXISTS));
  names = list_names (f->dir);
  g_assert_nonnull (strstr (names, ".draft.broken\n"));
  g_assert_cmpuint (count_files (f->dir), ==, 5);

  /* The live instance finds nothing to take: we own them now. */
  again = tp_draft_claim_orphans (f->dir, alive_owner, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* Once that instance is gone, its draft is ours to offer. */
  kill_and_reap (alive_pid);
  again = tp_draft_claim_orphans (f->dir, f->owner, &error);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (((TpDraft *) g_ptr_array_index (again, 0))->title, ==, "Another instance's");
  g_assert_false (g_file_test (alive, G_FILE_TEST_EXISTS));
}

/* ---------------------------------------------------------------- autosave */

static TpDocument *
sample_document (void)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  return tp_document_new (journey);
}

static void
on_written (TpAutosave *autosave,
            guint      *count)
{
  (*count)++;
}

/* Runs the main loop until *@count changes or @seconds pass. */
static void
wait_for_count (guint *count,
                guint  from,
                double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (*count == from && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* Runs the main loop for @ms, so that writes under way finish. */
static void
spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

static void
assert_draft_holds (const char *path,
                    TpDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDraft) draft = tp_draft_read (path, &error);
  g_autoptr(GBytes) expected = tp_journey_format_write (tp_document_get_journey (document));
  g_autofree char *name = tp_document_dup_display_name (document);

  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (draft->journey, expected));
  g_assert_cmpstr (draft->title, ==, name);
}

static void
test_autosave_writes_and_removes (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(TpDocument) document = sample_document ();
  g_autofree char *path = tp_draft_new_path (f->dir, f->owner);
  g_autoptr(TpAutosave) autosave = tp_autosave_new (document, path);
  TpJourney *journey = tp_document_get_journey (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts_parent = g_path_get_dirname (f->dir);
  g_autofree char *saved_path = g_build_filename (drafts_parent, "saved.journey", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  g_autoptr(TpDraft) draft = NULL;
  guint written = 0;
  gint64 edited;

  g_signal_connect (autosave, "written", G_CALLBACK (on_written), &written);

  /* Unmodified: nothing is written. */
  spin (100);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* An edit is in the draft within 5 s, with the default delay. */
  edited = g_get_monotonic_time ();
  g_assert_true (tp_document_set_string (document, journey, "title", "Edited", NULL));
  wait_for_count (&written, 0, 10);
  g_assert_cmpuint (written, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - edited, <, 5 * G_USEC_PER_SEC);
  assert_draft_holds (path, document);
  draft = tp_draft_read (path, NULL);
  g_assert_null (draft->original_uri);

  /* Edits in quick succession: one write with the last of them. */
  tp_autosave_set_delay (autosave, 200);
  for (int score = 1; score <= 5; score++)
    g_assert_true (tp_document_set_int (document, tp_journey_lookup_touchpoint (journey, "t2"),
                                        "score", score, NULL));
  wait_for_count (&written, 1, 10);
  spin (300);
  g_assert_cmpuint (written, ==, 2);
  assert_draft_holds (path, document);

  /* Undone back to the state it was loaded in: no unsaved changes. */
  while (tp_document_undo (document))
    ;
  g_assert_false (tp_document_get_modified (document));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Saved: the draft goes; it now names the file. */
  g_assert_true (tp_document_set_string (document, journey, "author", "Someone", NULL));
  wait_for_count (&written, 2, 10);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (tp_document_save (document, saved, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (tp_document_set_string (document, journey, "author", "Someone else", NULL));
  wait_for_count (&written, 3, 10);
  g_clear_pointer (&draft, tp_draft_free);
  draft = tp_draft_read (path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *uri = g_file_get_uri (saved);
    const char *checksum;

    tp_document_get_file_state (document, NULL, NULL, &checksum);
    g_assert_cmpstr (draft->original_uri, ==, uri);
    g_assert_nonnull (checksum);
    g_assert_cmpstr (draft->original_checksum, ==, checksum);
  }

  /* Discarded: gone. */
  tp_autosave_discard (autosave);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (saved_path, G_FILE_TEST_EXISTS));
}

/* A write on its way when the user discards never brings the draft back. */
static void
test_autosave_discard_wins (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(TpDocument) document = sample_document ();
  g_autofree char *path = tp_draft_new_path (f->dir, f->owner);
  g_autoptr(TpAutosave) autosave = tp_autosave_new (document, path);
  TpJourney *journey = tp_document_get_journey (document);
  guint written = 0;

  g_signal_connect (autosave, "written", G_CALLBACK (on_written), &written);
  tp_autosave_set_delay (autosave, 0);

  for (int round = 0; round < 20; round++)
    {
      g_autofree char *title = g_strdup_printf ("Round %d", round);

      g_assert_true (tp_document_set_string (document, journey, "title", title, NULL));
      /* Let the timeout start the worker, then discard at once. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      tp_autosave_discard (autosave);
      spin (20);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  /* Editing after a discard keeps a draft again. */
  g_assert_true (tp_document_set_string (document, journey, "title", "After", NULL));
  wait_for_count (&written, written, 10);
  assert_draft_holds (path, document);
}

/* ---------------------------------------------------------------- recovered */

static void
test_recovered_document (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_path_get_dirname (f->dir);
  g_autofree char *original_path = g_build_filename (top, "original.journey", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (original_path);
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(TpDocument) recovered = NULL;
  g_autoptr(TpDocument) recovered2 = NULL;
  g_autoptr(GBytes) sample = sample_bytes ();
  g_autoptr(TpJourney) journey = NULL;
  g_autofree char *on_disk = NULL;
  const char *etag;
  const char *checksum;
  gsize size;

  g_mkdir_with_parents (top, 0700);
  g_assert_true (g_file_set_contents (original_path, g_bytes_get_data (sample, NULL),
                                      g_bytes_get_size (sample), NULL));
  loaded = tp_document_new_from_file (original, NULL, &error);
  g_assert_no_error (error);
  tp_document_get_file_state (loaded, &etag, &size, &checksum);
  g_assert_cmpuint (size, ==, g_bytes_get_size (sample));

  journey = tp_journey_snapshot (tp_document_get_journey (loaded));
  g_object_set (journey, "title", "Recovered", NULL);
  recovered = tp_document_new_recovered (journey, original, etag, size, checksum);
  /* Modified from the start, with the file for the next Save. */
  g_assert_true (tp_document_get_modified (recovered));
  g_assert_true (g_file_equal (tp_document_get_file (recovered), original));
  g_assert_false (tp_document_undo (recovered));
  g_assert_true (tp_document_get_modified (recovered));

  /* The original is untouched until saved; then it holds the recovered journey. */
  g_assert_true (g_file_get_contents (original_path, &on_disk, &size, NULL));
  g_assert_true (size == g_bytes_get_size (sample)
                 && memcmp (on_disk, g_bytes_get_data (sample, NULL), size) == 0);
  g_assert_true (tp_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tp_document_get_modified (recovered));
  g_clear_pointer (&on_disk, g_free);
  g_assert_true (g_file_get_contents (original_path, &on_disk, NULL, NULL));
  g_assert_nonnull (strstr (on_disk, "Recovered"));

  /* A draft of a file that changed since: saving stops and asks. */
  recovered2 = tp_document_new_recovered (journey, original, etag, size, checksum);
  g_assert_false (tp_document_save (recovered2, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/draft/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/draft/incomplete-refused", Fixture, NULL, fixture_set_up, test_incomplete_refused,
              fixture_tear_down);
  g_test_add ("/draft/owner-alive", Fixture, NULL, fixture_set_up, test_owner_alive, fixture_tear_down);
  g_test_add ("/draft/claim-orphans", Fixture, NULL, fixture_set_up, test_claim_orphans,
              fixture_tear_down);
  g_test_add ("/autosave/writes-and-removes", Fixture, NULL, fixture_set_up,
              test_autosave_writes_and_removes, fixture_tear_down);
  g_test_add ("/autosave/discard-wins", Fixture, NULL, fixture_set_up, test_autosave_discard_wins,
              fixture_tear_down);
  g_test_add ("/autosave/recovered-document", Fixture, NULL, fixture_set_up, test_recovered_document,
              fixture_tear_down);

  return g_test_run ();
}
