/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
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

  /* GIO rewrites a hard-linked file in place, so both names see it; the
   * forced safety backup goes away after success. */
  save_ok (file, "new", FALSE);
  assert_text (path, "new");
  assert_text (other, "new");
  assert_listing (dir, "doc.journey,other.journey");

  save_ok (file, "newer", TRUE);
  assert_text (path, "newer");
  assert_text (backup, "new");
  assert_listing (dir, "doc.journey,doc.journey~,other.journey");

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

/* A hard-linked file can only be rewritten in place: the forced backup keeps
 * the old content when the disk fills up, and the error says where. */
static void
child_full_disk_in_place (void)
{
  const char *dir = enter_private_tmpfs ("size=64k");
  g_autofree char *path = g_build_filename (dir, "doc.journey", NULL);
  g_autofree char *other = g_build_filename (dir, "other.journey", NULL);
  g_autofree char *backup = g_build_filename (dir, "doc.journey~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gsize big_size = 256 * 1024;
  g_autofree char *big = big_data (big_size);

  save_ok (file, GOOD, FALSE);
  g_assert_cmpint (link (path, other), ==, 0);

  g_assert_false (tp_file_replace_atomically (file, big, big_size, FALSE, NULL, NULL, NULL,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_text (backup, GOOD);
  g_assert_nonnull (strstr (error->message, "doc.journey~"));
  assert_listing (dir, "doc.journey,doc.journey~,other.journey");

  leave_private_tmpfs (dir);
}

static void
test_full_disk_in_place (void)
{
  if (g_test_subprocess ())
    child_full_disk_in_place ();
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
  g_test_add_func ("/file-save/missing-folder", test_missing_folder);
  g_test_add_func ("/file-save/cancelled", test_cancelled);
  g_test_add_func ("/file-save/symlink", test_symlink);
  g_test_add_func ("/file-save/hard-link", test_hard_link);
  g_test_add_func ("/file-save/read-only", test_read_only);
  g_test_add_func ("/file-save/full-disk", test_full_disk);
  g_test_add_func ("/file-save/full-disk-in-place", test_full_disk_in_place);
  g_test_add_func ("/file-save/no-inodes", test_no_inodes);

  return g_test_run ();
}
