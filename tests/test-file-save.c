/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "tp-file-save.h"
#include "tp-test-util.h"

#define GOOD "<journey>good</journey>\n"
#define TMPFS_DIR_VAR "TP_TEST_TMPFS_DIR"

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tp-file-save-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The sorted names in @dir, comma-separated: shows any stray temporary file. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

#define assert_listing(dir, expected) \
  G_STMT_START { \
    g_autofree char *listing_ = list_dir (dir); \
    g_assert_cmpstr (listing_, ==, expected); \
  } G_STMT_END

static void
assert_contents (const char *path,
                 const char *expected,
                 gsize       expected_length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, expected_length);
}

#define assert_text(path, text) assert_contents (path, text, strlen (text))

static void
save_ok (GFile      *file,
         const char *text,
         gboolean    make_backup)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_file_replace_atomically (file, text, strlen (text), make_backup,
                                             NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  g_assert_no_error (error);
  return g_strdup (g_file_info_get_etag (info));
}

static char *
big_data (gsize size)
{
  char *data = g_malloc (size);

  memset (data, 'x', size);
  return data;
}

/* Private tmpfs: a child process enters its own mount namespace, so the
 * small file system it mounts disappears with it, whatever happens. */

/* In the child of run_in_private_tmpfs(). */
static const char *
enter_private_tmpfs (const char *options)
{
  const char *dir = g_getenv (TMPFS_DIR_VAR);

  g_assert_nonnull (dir);
  if (!tp_test_mount_private_tmpfs (dir, options))
    g_error ("Cannot mount a private tmpfs on %s: %s", dir, g_strerror (errno));

  return dir;
}

static void
leave_private_tmpfs (const char *dir)
{
  g_assert_cmpint (umount2 (dir, 0), ==, 0);
}

/* Whether a folder without write permission stops this process, found by
 * trying rather than from the user id. */
static gboolean
permissions_apply (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "probe", NULL);
  gboolean written;

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  written = g_file_set_contents (path, "", 0, NULL);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  remove_tree (dir);
  return !written;
}

/* Runs the current test again in a child process, which mounts the tmpfs. */
static void
run_in_private_tmpfs (void)
{
  g_autofree char *dir = NULL;

  if (!tp_test_require_private_tmpfs ())
    return;

  dir = make_tmp_dir ();
  g_setenv (TMPFS_DIR_VAR, dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (TMPFS_DIR_VAR);
  /* The tmpfs was private to the child: nothing may be left here. */
  assert_listing (dir, "");
  remove_tree (dir);
  g_test_trap_assert_passed ();
}

/* Tests */

static void
test_new_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *on_disk = NULL;

  g_assert_true (tp_file_replace_atomically (file, GOOD, strlen (GOOD), TRUE, NULL, &etag,
                                             NULL, &error));
  g_assert_no_error (error);
  assert_text (path, GOOD);
  /* Nothing to back up yet. */
  assert_listing (dir, "doc.journey");

  on_disk = query_etag (file);
  g_assert_nonnull (etag);
  g_assert_cmpstr (etag, ==, on_disk);

  /* Empty data is a valid (empty) file. */
  g_assert_true (tp_file_replace_atomically (file, NULL, 0, FALSE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_text (path, "");

  remove_tree (dir);
}

static void
test_replace_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *backup = g_build_filename (dir, "doc.journey~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_ok (file, "old", FALSE);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  save_ok (file, "new", TRUE);
  assert_text (path, "new");
  assert_text (backup, "old");
  assert_listing (dir, "doc.journey,doc.journey~");

  /* The file keeps its permissions. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  }

  /* The backup is always the previous version. */
  save_ok (file, "newer", TRUE);
  assert_text (path, "newer");
  assert_text (backup, "new");

  /* Without a backup, an existing one is left alone. */
  save_ok (file, "newest", FALSE);
  assert_text (path, "newest");
  assert_text (backup, "new");
  assert_listing (dir, "doc.journey,doc.journey~");

  remove_tree (dir);
}

static void
test_replace_no_backup (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_ok (file, "old", FALSE);
  save_ok (file, "new", FALSE);
  assert_text (path, "new");
  assert_listing (dir, "doc.journey");

  remove_tree (dir);
}

static void
test_etag (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *unused = NULL;
  g_autoptr(GDateTime) later = NULL;

  save_ok (file, GOOD, FALSE);
  loaded = query_etag (file);

  /* Unchanged on disk: the save goes through. */
  g_assert_true (tp_file_replace_atomically (file, "mine", 4, FALSE, loaded, &saved,
                                             NULL, &error));
  g_assert_no_error (error);
  assert_text (path, "mine");
  g_assert_nonnull (saved);
  {
    g_autofree char *now = query_etag (file);

    g_assert_cmpstr (saved, ==, now);
  }

  /* Someone else writes the file, with a clearly different time. */
  g_assert_true (g_file_set_contents (path, "theirs", -1, NULL));
  later = g_date_time_new_now_utc ();
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_date_time_to_unix (later) + 3600,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (tp_file_replace_atomically (file, "mine again", 10, TRUE, saved, &unused,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_null (unused);
  assert_text (path, "theirs");
  assert_listing (dir, "doc.journey");

  remove_tree (dir);
}

static void
test_target_is_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *inside = g_build_filename (target, "inside.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));

  for (int make_backup = 0; make_backup <= 1; make_backup++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tp_file_replace_atomically (file, GOOD, strlen (GOOD), make_backup,
                                                  NULL, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
      g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
      assert_text (inside, "keep");
      assert_listing (dir, "doc.journey");
      assert_listing (target, "inside.txt");
    }

  remove_tree (dir);
}

/* A named pipe is not replaced by a file. */
static void
test_target_is_fifo (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *target = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (mkfifo (target, 0600), ==, 0);
  g_assert_false (tp_file_replace_atomically (file, GOOD, strlen (GOOD), TRUE, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "doc.journey"));
  assert_listing (dir, "doc.journey");

  remove_tree (dir);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "nope", NULL);
  g_autofree char *path = g_build_filename (missing, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_file_replace_atomically (file, GOOD, strlen (GOOD), TRUE, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "doc.journey"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_listing (dir, "");

  remove_tree (dir);
}

static void
test_cancelled (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  save_ok (file, GOOD, FALSE);
  g_cancellable_cancel (cancellable);
  g_assert_false (tp_file_replace_atomically (file, "new", 3, TRUE, NULL, NULL,
                                              cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_text (path, GOOD);
  assert_listing (dir, "doc.journey");

  remove_tree (dir);
}

static void
test_symlink (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *real = g_build_filename (dir, "real.journey", NULL);
  g_autofree char *link = g_build_filename (dir, "link.journey", NULL);
  g_autofree char *real_backup = g_build_filename (dir, "real.journey~", NULL);
  g_autoptr(GFile) real_file = g_file_new_for_path (real);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);

  save_ok (real_file, "old", FALSE);
  g_assert_cmpint (symlink ("real.journey", link), ==, 0);

  save_ok (link_file, "new", TRUE);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_text (real, "new");
  assert_text (real_backup, "old");
  assert_listing (dir, "link.journey,real.journey,real.journey~");

  remove_tree (dir);
}

/* Rewriting in place would not be atomic: the file is replaced under this
 * name only, and its other names keep the previous content. */
static void
test_hard_link (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *other = g_build_filename (dir, "other.journey", NULL);
  g_autofree char *backup = g_build_filename (dir, "doc.journey~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_ok (file, "old", FALSE);
  g_assert_cmpint (link (path, other), ==, 0);

  save_ok (file, "new", FALSE);
  assert_text (path, "new");
  assert_text (other, "old");
  assert_listing (dir, "doc.journey,other.journey");

  save_ok (file, "newer", TRUE);
  assert_text (path, "newer");
  assert_text (backup, "new");
  assert_text (other, "old");
  assert_listing (dir, "doc.journey,doc.journey~,other.journey");

  remove_tree (dir);
}

/* A dangling link names the file to create: it is made there, and the link
 * keeps pointing at it. */
static void
test_dangling_symlink (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *sub = g_build_filename (dir, "sub", NULL);
  g_autofree char *real = g_build_filename (sub, "real.journey", NULL);
  g_autofree char *link = g_build_filename (dir, "link.journey", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.journey", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "nowhere.journey", NULL);
  g_autofree char *loop = g_build_filename (dir, "loop.journey", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) chain_file = g_file_new_for_path (chain);
  g_autoptr(GFile) nowhere_file = g_file_new_for_path (nowhere);
  g_autoptr(GFile) loop_file = g_file_new_for_path (loop);
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink ("sub/real.journey", link), ==, 0);
  g_assert_cmpint (symlink ("link.journey", chain), ==, 0);

  g_assert_true (tp_file_replace_atomically (chain_file, "new", 3, TRUE, NULL, &etag,
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (etag);
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_text (real, "new");
  assert_listing (sub, "real.journey");

  save_ok (link_file, "newer", TRUE);
  assert_text (real, "newer");
  assert_listing (sub, "real.journey,real.journey~");
  assert_listing (dir, "chain.journey,link.journey,sub");

  /* Into a missing folder, or round in circles: an error, nothing changed. */
  g_assert_cmpint (symlink ("missing/real.journey", nowhere), ==, 0);
  g_assert_false (tp_file_replace_atomically (nowhere_file, "x", 1, TRUE, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (symlink ("loop.journey", loop), ==, 0);
  g_assert_false (tp_file_replace_atomically (loop_file, "x", 1, TRUE, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, "loop.journey"));
  assert_listing (dir, "chain.journey,link.journey,loop.journey,nowhere.journey,sub");

  remove_tree (dir);
}

#define FOREIGN_UID 4242

/* In a sticky, world-writable folder another user's link could point at any
 * of our files (fs.protected_symlinks): it is refused, whatever the sysctl. */
static void
test_foreign_symlink (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *shared = g_build_filename (dir, "shared", NULL);
  g_autofree char *real = g_build_filename (dir, "real.journey", NULL);
  g_autofree char *link = g_build_filename (shared, "doc.journey", NULL);
  g_autoptr(GFile) real_file = g_file_new_for_path (real);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;

  save_ok (real_file, "mine", FALSE);
  g_assert_cmpint (g_mkdir (shared, 0755), ==, 0);
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);
  g_assert_cmpint (symlink ("../real.journey", link), ==, 0);

  if (lchown (link, FOREIGN_UID, FOREIGN_UID) != 0)
    {
      remove_tree (dir);
      g_test_skip ("Cannot give a symbolic link to another user here");
      return;
    }

  g_assert_false (tp_file_replace_atomically (link_file, "theirs", 6, TRUE, NULL, NULL,
                                              NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "doc.journey"));
  g_assert_nonnull (strstr (error->message, "symbolic link"));
  assert_text (real, "mine");
  assert_listing (dir, "real.journey,shared");
  assert_listing (shared, "doc.journey");

  /* The same link is followed when the folder is not shared... */
  g_assert_cmpint (g_chmod (shared, 0777), ==, 0);
  save_ok (link_file, "ours", FALSE);
  assert_text (real, "ours");

  /* ...or when it is ours. */
  g_assert_cmpint (g_chmod (shared, 01777), ==, 0);
  g_assert_cmpint (lchown (link, geteuid (), getegid ()), ==, 0);
  save_ok (link_file, "still ours", FALSE);
  assert_text (real, "still ours");

  remove_tree (dir);
}

/* The name of the only temporary file of ours in @dir. */
static char *
find_temporary (const char *dir,
                const char *basename)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", basename, ".tp-", NULL);
  char *found = NULL;
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      if (!g_str_has_prefix (name, prefix))
        continue;
      g_assert_null (found);
      g_assert_cmpuint (strlen (name), ==, strlen (prefix) + 6);
      found = g_build_filename (dir, name, NULL);
    }
  g_assert_nonnull (found);
  return found;
}

static void
make_old (const char *path)
{
  struct timespec times[2] = { { 0, UTIME_OMIT }, { 0, 0 } };

  times[1].tv_sec = time (NULL) - 120;
  g_assert_cmpint (utimensat (AT_FDCWD, path, times, AT_SYMLINK_NOFOLLOW), ==, 0);
}

#define CRASH_DIR_VAR "TP_TEST_CRASH_DIR"
#define CRASH_SIZE (4 * 1024 * 1024)
#define CRASH_FILE_LIMIT (64 * 1024)

static void
kill_myself (int signum)
{
  kill (getpid (), SIGKILL);
}

/* In the child: the kernel stops the first write past the file size limit
 * with SIGXFSZ, which kills the process outright in the middle of a save. */
static void
child_killed_while_saving (void)
{
  const char *dir = g_getenv (CRASH_DIR_VAR);
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *big = big_data (CRASH_SIZE);
  struct rlimit limit = { CRASH_FILE_LIMIT, CRASH_FILE_LIMIT };

  signal (SIGXFSZ, kill_myself);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  tp_file_replace_atomically (file, big, CRASH_SIZE, TRUE, NULL, NULL, NULL, NULL);
  g_assert_not_reached ();
}

/* Saves @old_text (NULL: nothing) as doc.journey, then has a child killed
 * while it saves a large new version; returns the folder. */
static char *
kill_a_save (const char *old_text)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (old_text != NULL)
    save_ok (file, old_text, FALSE);

  g_setenv (CRASH_DIR_VAR, dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv (CRASH_DIR_VAR);
  g_test_trap_assert_failed ();
  return g_steal_pointer (&dir);
}

static void
test_killed_new_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temporary = NULL;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      child_killed_while_saving ();
      return;
    }

  dir = kill_a_save (NULL);
  path = g_build_filename (dir, "doc.journey", NULL);

  /* The final name never held a partial file; the killed save left its
   * temporary file, as much as the limit let it write. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  temporary = find_temporary (dir, "doc.journey");
  g_assert_cmpint (g_stat (temporary, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, CRASH_FILE_LIMIT);

  remove_tree (dir);
}

static void
test_killed_existing_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *expected = NULL;

  if (g_test_subprocess ())
    {
      child_killed_while_saving ();
      return;
    }

  dir = kill_a_save (GOOD);
  path = g_build_filename (dir, "doc.journey", NULL);
  assert_text (path, GOOD);
  temporary = find_temporary (dir, "doc.journey");
  {
    g_autofree char *name = g_path_get_basename (temporary);

    /* No backup either: the old version is still the file itself. */
    expected = g_strconcat (name, ",doc.journey", NULL);
  }
  assert_listing (dir, expected);

  remove_tree (dir);
}

static void
touch_old (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "left over", -1, NULL));
  make_old (path);
}

/* Only what a killed save of ours (or of GIO) left, as a regular file of
 * ours untouched for a minute, is removed. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *young = g_build_filename (dir, ".doc.journey.tp-Young1", NULL);
  g_autofree char *folder = g_build_filename (dir, ".goutputstream-Dir123", NULL);
  g_autofree char *link = g_build_filename (dir, ".goutputstream-Link12", NULL);
  g_autofree char *foreign = g_build_filename (dir, ".goutputstream-Other1", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *kept;

  touch_old (dir, ".doc.journey.tp-a1B2c3");
  touch_old (dir, ".goutputstream-Q9w8E7");
  touch_old (dir, ".other.journey.tp-a1B2c3");
  touch_old (dir, ".doc.journey.tp-toolong");
  touch_old (dir, ".doc.journey.tp-ab.def");
  touch_old (dir, ".goutputstream-Other1");
  g_assert_true (g_file_set_contents (young, "saving", -1, NULL));
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  make_old (folder);
  g_assert_cmpint (symlink ("doc.journey", link), ==, 0);
  make_old (link);

  kept = ".doc.journey.tp-Young1,.doc.journey.tp-ab.def,.doc.journey.tp-toolong,"
         ".goutputstream-Dir123,.goutputstream-Link12,.goutputstream-Other1,"
         ".other.journey.tp-a1B2c3,doc.journey";
  if (lchown (foreign, FOREIGN_UID, FOREIGN_UID) != 0)
    {
      g_test_message ("Cannot give a file to another user: its case is not checked");
      g_unlink (foreign);
      kept = ".doc.journey.tp-Young1,.doc.journey.tp-ab.def,.doc.journey.tp-toolong,"
             ".goutputstream-Dir123,.goutputstream-Link12,"
             ".other.journey.tp-a1B2c3,doc.journey";
    }

  save_ok (file, GOOD, FALSE);
  assert_listing (dir, kept);
  assert_text (path, GOOD);

  remove_tree (dir);
}

/* What a killed save leaves is cleaned up by a later one. */
static void
test_killed_then_saved (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temporary = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_test_subprocess ())
    {
      child_killed_while_saving ();
      return;
    }

  dir = kill_a_save (GOOD);
  path = g_build_filename (dir, "doc.journey", NULL);
  file = g_file_new_for_path (path);
  temporary = find_temporary (dir, "doc.journey");

  /* Too young: it might be another save under way. */
  save_ok (file, "second", FALSE);
  g_assert_true (g_file_test (temporary, G_FILE_TEST_EXISTS));

  make_old (temporary);
  save_ok (file, "third", TRUE);
  assert_text (path, "third");
  assert_listing (dir, "doc.journey,doc.journey~");

  remove_tree (dir);
}

static void
assert_read_only_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
                 g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED));
}

static void
check_read_only_dir (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);

  for (int make_backup = 0; make_backup <= 1; make_backup++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tp_file_replace_atomically (file, "new", 3, make_backup, NULL, NULL,
                                                  NULL, &error));
      assert_read_only_error (error);
      assert_text (path, GOOD);
      assert_listing (dir, "doc.journey");
      g_clear_error (&error);

      g_assert_false (tp_file_replace_atomically (fresh_file, "new", 3, make_backup, NULL,
                                                  NULL, NULL, &error));
      assert_read_only_error (error);
      assert_listing (dir, "doc.journey");
    }
}

static void
child_read_only (void)
{
  const char *dir = enter_private_tmpfs ("size=64k");
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_ok (file, GOOD, FALSE);
  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, NULL), ==, 0);
  check_read_only_dir (dir);
  leave_private_tmpfs (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_test_subprocess ())
    {
      child_read_only ();
      return;
    }

  /* Whoever ignores permissions (root with CAP_DAC_OVERRIDE) needs a
   * read-only file system. */
  if (!permissions_apply ())
    {
      run_in_private_tmpfs ();
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "doc.journey", NULL);
  file = g_file_new_for_path (path);
  save_ok (file, GOOD, FALSE);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  check_read_only_dir (dir);
  remove_tree (dir);
}

/* A file the user made read-only is not replaced behind their back. */
/* Whether a child of this process can become the user nobody. */
static gboolean
setuid_possible (void)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    _exit (setgid (65534) == 0 && setuid (65534) == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == EXIT_SUCCESS;
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (g_test_subprocess ())
    {
      /* As an ordinary user, for whom permissions apply. */
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
      g_assert_true (permissions_apply ());
    }
  else if (!permissions_apply ())
    {
      /* Root: try again as nobody, if this process may become nobody. */
      if (setuid_possible ())
        {
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
          g_test_trap_assert_passed ();
        }
      else
        g_test_skip ("Permissions do not apply to this user, who cannot become another");
      return;
    }

  dir = make_tmp_dir ();
  path = g_build_filename (dir, "doc.journey", NULL);
  file = g_file_new_for_path (path);
  save_ok (file, GOOD, FALSE);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_assert_false (tp_file_replace_atomically (file, "new", 3, TRUE, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_text (path, GOOD);
  assert_listing (dir, "doc.journey");

  remove_tree (dir);
}

/* The trap: a write that fails midway must not end up over the original. */
static void
child_full_disk (void)
{
  const char *dir = enter_private_tmpfs ("size=64k");
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  gsize big_size = 256 * 1024;
  g_autofree char *big = big_data (big_size);
  g_autofree char *etag = NULL;

  save_ok (file, GOOD, FALSE);
  etag = query_etag (file);

  for (int make_backup = 0; make_backup <= 1; make_backup++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tp_file_replace_atomically (file, big, big_size, make_backup, etag,
                                                  NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      assert_text (path, GOOD);
      /* No temporary file left, no backup made. */
      assert_listing (dir, "doc.journey");
    }

  /* A new file that does not fit is not left behind half-written. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (tp_file_replace_atomically (fresh_file, big, big_size, FALSE, NULL, NULL,
                                                NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    assert_listing (dir, "doc.journey");
  }

  /* The failures freed their space: saving works again. */
  save_ok (file, "<journey>better</journey>\n", TRUE);
  assert_text (path, "<journey>better</journey>\n");
  assert_listing (dir, "doc.journey,doc.journey~");

  leave_private_tmpfs (dir);
}

static void
test_full_disk (void)
{
  if (g_test_subprocess ())
    child_full_disk ();
  else
    run_in_private_tmpfs ();
}

/* A hard-linked file is replaced like any other: on a full disk neither of
 * its names changes, and no backup is needed. */
static void
child_full_disk_hard_link (void)
{
  const char *dir = enter_private_tmpfs ("size=64k");
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *other = g_build_filename (dir, "other.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize big_size = 256 * 1024;
  g_autofree char *big = big_data (big_size);

  save_ok (file, GOOD, FALSE);
  g_assert_cmpint (link (path, other), ==, 0);

  g_assert_false (tp_file_replace_atomically (file, big, big_size, TRUE, NULL, NULL, NULL,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "doc.journey"));
  assert_text (path, GOOD);
  assert_text (other, GOOD);
  assert_listing (dir, "doc.journey,other.journey");

  leave_private_tmpfs (dir);
}

static void
test_full_disk_hard_link (void)
{
  if (g_test_subprocess ())
    child_full_disk_hard_link ();
  else
    run_in_private_tmpfs ();
}

/* Without an inode for its temporary file, GIO would silently rewrite the
 * file in place; nothing may be written instead. */
static void
child_no_inodes (void)
{
  const char *dir = enter_private_tmpfs ("size=1m,nr_inodes=2");
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_ok (file, GOOD, FALSE);

  for (int make_backup = 0; make_backup <= 1; make_backup++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tp_file_replace_atomically (file, "new", 3, make_backup, NULL, NULL,
                                                  NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
      g_assert_nonnull (strstr (error->message, "doc.journey"));
      assert_text (path, GOOD);
      assert_listing (dir, "doc.journey");
    }

  leave_private_tmpfs (dir);
}

static void
test_no_inodes (void)
{
  if (g_test_subprocess ())
    child_no_inodes ();
  else
    run_in_private_tmpfs ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-save/new-file", test_new_file);
  g_test_add_func ("/file-save/replace-backup", test_replace_backup);
  g_test_add_func ("/file-save/replace-no-backup", test_replace_no_backup);
  g_test_add_func ("/file-save/etag", test_etag);
  g_test_add_func ("/file-save/target-is-directory", test_target_is_directory);
  g_test_add_func ("/file-save/target-is-fifo", test_target_is_fifo);
  g_test_add_func ("/file-save/missing-folder", test_missing_folder);
  g_test_add_func ("/file-save/cancelled", test_cancelled);
  g_test_add_func ("/file-save/symlink", test_symlink);
  g_test_add_func ("/file-save/hard-link", test_hard_link);
  g_test_add_func ("/file-save/dangling-symlink", test_dangling_symlink);
  g_test_add_func ("/file-save/foreign-symlink", test_foreign_symlink);
  g_test_add_func ("/file-save/killed-new-file", test_killed_new_file);
  g_test_add_func ("/file-save/killed-existing-file", test_killed_existing_file);
  g_test_add_func ("/file-save/killed-then-saved", test_killed_then_saved);
  g_test_add_func ("/file-save/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/file-save/read-only", test_read_only);
  g_test_add_func ("/file-save/read-only-file", test_read_only_file);
  g_test_add_func ("/file-save/full-disk", test_full_disk);
  g_test_add_func ("/file-save/full-disk-hard-link", test_full_disk_hard_link);
  g_test_add_func ("/file-save/no-inodes", test_no_inodes);

  return g_test_run ();
}
