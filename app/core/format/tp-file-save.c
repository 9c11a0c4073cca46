/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-file-save.h"
#include "tp-journey-format.h"

/* As many links as Linux follows in one path. */
#define MAX_LINKS 40
/* Keeps ".NAME.tp-XXXXXX" under the usual 255-byte name limit. */
#define MAX_NAME_IN_TEMPORARY 200
#define TEMPORARY_INFIX ".tp-"
#define GIO_TEMPORARY_PREFIX ".goutputstream-"
#define RANDOM_SUFFIX_LENGTH 6
/* A younger temporary file may belong to a save still under way. */
#define STALE_AFTER_SECONDS 60
#define WRITE_CHUNK (1024 * 1024)

/* Where a save goes once symbolic links are followed. */
typedef struct
{
  char     *path;
  gboolean  exists;
  GStatBuf  st;     /* valid when it exists */
} Target;

static void
target_clear (Target *target)
{
  g_clear_pointer (&target->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Target, target_clear)

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               /* Translators: the first %s is a file name, the second a system error. */
               _("Cannot save “%s”: %s"), display_name, g_strerror (errsv));
  return FALSE;
}

static void
set_changed_error (GError     **error,
                   const char  *display_name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
               /* Translators: %s is a file name. */
               _("“%s” was changed on disk by another program"), display_name);
}

/* The kernel's fs.protected_symlinks rule, applied whatever the setting: in
 * a sticky, world-writable folder such as /tmp, a link made by neither us
 * nor the folder's owner may point wherever another user likes. */
static gboolean
link_may_be_followed (const char      *link_path,
                      const GStatBuf  *link_st,
                      GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (link_path);
  g_autofree char *display_name = NULL;
  GStatBuf dir_st;

  if (g_stat (dir, &dir_st) != 0
      || (dir_st.st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH)
      || link_st->st_uid == geteuid () || link_st->st_uid == dir_st.st_uid)
    return TRUE;

  display_name = g_filename_display_name (link_path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
               /* Translators: %s is a file name. */
               _("Cannot save “%s”: it is a symbolic link that another user made in a shared "
                 "folder, and following it could overwrite any of your files"),
               display_name);
  return FALSE;
}

/* Follows symbolic links one by one, so that a dangling link leads to the
 * path it names: the file is created there and the link keeps its meaning. */
static gboolean
resolve_target (const char  *path,
                Target      *target,
                GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (int hops = 0; hops <= MAX_LINKS; hops++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *dir = NULL;

      if (g_lstat (current, &target->st) != 0)
        {
          if (errno != ENOENT)
            return set_errno_error (error, errno, path);
          target->path = g_steal_pointer (&current);
          target->exists = FALSE;
          return TRUE;
        }

      if (!S_ISLNK (target->st.st_mode))
        {
          target->path = g_steal_pointer (&current);
          target->exists = TRUE;
          return TRUE;
        }

      if (!link_may_be_followed (current, &target->st, error))
        return FALSE;

      contents = g_file_read_link (current, error);
      if (contents == NULL)
        return FALSE;

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (contents) ? g_steal_pointer (&contents)
                                              : g_build_filename (dir, contents, NULL);
    }

  return set_errno_error (error, ELOOP, path);
}

static char *
temporary_prefix (const char *basename)
{
  int length = (int) MIN (strlen (basename), MAX_NAME_IN_TEMPORARY);

  return g_strdup_printf (".%.*s" TEMPORARY_INFIX, length, basename);
}

/* PREFIX followed by what g_mkstemp() puts in place of "XXXXXX". */
static gboolean
is_temporary_name (const char *name,
                   const char *prefix)
{
  size_t prefix_length = strlen (prefix);

  if (strncmp (name, prefix, prefix_length) != 0
      || strlen (name) != prefix_length + RANDOM_SUFFIX_LENGTH)
    return FALSE;
  for (const char *p = name + prefix_length; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* Saves killed midway (or by older versions through GIO) leave temporary
 * files; only regular files of ours, with our pattern for this name or
 * GIO's, untouched for a minute, are removed. */
static void
remove_stale_temporaries (const char *dir,
                          const char *prefix)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!is_temporary_name (name, prefix) && !is_temporary_name (name, GIO_TEMPORARY_PREFIX))
        continue;

      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ()
          && now - (gint64) st.st_mtime >= STALE_AFTER_SECONDS)
        g_unlink (path);
    }
}

/* Gives the temporary file what the target had; an owner we may not give
 * it becomes ours, as with any program that saves by renaming. */
static void
copy_ownership (int             fd,
                const GStatBuf *st)
{
  if ((st->st_uid != geteuid () || st->st_gid != getegid ())
      && fchown (fd, st->st_uid, st->st_gid) != 0
      && fchown (fd, (uid_t) -1, st->st_gid) != 0)
    {
      /* Neither: the file becomes ours, with our group. */
    }
  fchmod (fd, st->st_mode & 0777);
}

static gboolean
write_all (int            fd,
           const char    *data,
           gsize          length,
           const char    *path,
           GCancellable  *cancellable,
           GError       **error)
{
  while (length > 0)
    {
      gssize written;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      written = write (fd, data, MIN (length, WRITE_CHUNK));
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, path);
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

/* Writes the whole temporary file and makes sure it is on the disk before
 * it can take the target's name. Closes @fd in any case. */
static gboolean
fill_temporary (int            fd,
                const Target  *target,
                const char    *data,
                gsize          length,
                GCancellable  *cancellable,
                GError       **error)
{
  gboolean ok;

  if (target->exists)
    copy_ownership (fd, &target->st);

  ok = write_all (fd, data, length, target->path, cancellable, error);
  if (ok && fsync (fd) != 0)
    ok = set_errno_error (error, errno, target->path);
  if (close (fd) != 0 && ok)
    ok = set_errno_error (error, errno, target->path);
  return ok;
}

/* A second name for the old file: the target keeps all its content until the
 * rename, whatever happens. Copies where hard links are not possible. */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (g_unlink (backup) != 0 && errno != ENOENT)
    return set_errno_error (error, errno, backup);
  if (link (path, backup) == 0)
    return TRUE;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (backup);
  if (g_file_copy (from, to, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL, error))
    return TRUE;
  g_unlink (backup);
  return FALSE;
}

char *
tp_file_query_etag (GFile        *file,
                    GCancellable *cancellable,
                    GError      **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
check_etag (GFile         *file,
            const char    *expected_etag,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *etag = tp_file_query_etag (file, cancellable, error);
  g_autofree char *display_name = NULL;

  if (etag == NULL)
    return FALSE;
  if (g_strcmp0 (etag, expected_etag) == 0)
    return TRUE;

  display_name = tp_file_dup_display_basename (file);
  set_changed_error (error, display_name);
  return FALSE;
}

/* Without it the rename might not survive a power cut; not fatal. */
static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

static gboolean
replace_local (const char    *path,
               const char    *data,
               gsize          length,
               gboolean       make_backup,
               const char    *expected_etag,
               char         **new_etag,
               GCancellable  *cancellable,
               GError       **error)
{
  g_auto(Target) target = { 0, };
  g_autoptr(GFile) target_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *temporary = NULL;
  int fd;

  if (!resolve_target (path, &target, error))
    return FALSE;
  if (target.exists && S_ISDIR (target.st.st_mode))
    return set_errno_error (error, EISDIR, path);
  if (target.exists && !S_ISREG (target.st.st_mode))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* Translators: %s is a file name. */
                   _("Cannot save “%s”: it is not a regular file"), display_name);
      return FALSE;
    }

  /* Renaming would get past a file the user made read-only; GIO refused. */
  if (target.exists && g_access (target.path, W_OK) != 0)
    return set_errno_error (error, errno, path);

  target_file = g_file_new_for_path (target.path);
  if (target.exists && expected_etag != NULL
      && !check_etag (target_file, expected_etag, cancellable, error))
    return FALSE;

  dir = g_path_get_dirname (target.path);
  basename = g_path_get_basename (target.path);
  prefix = temporary_prefix (basename);
  remove_stale_temporaries (dir, prefix);

  temporary = g_strconcat (dir, G_DIR_SEPARATOR_S, prefix, "XXXXXX", NULL);
  /* A new file gets 0666 less the umask, as open() would give it. */
  fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC,
                       target.exists ? (int) (target.st.st_mode & 0777) : 0666);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  if (!fill_temporary (fd, &target, data, length, cancellable, error)
      || (make_backup && target.exists && !keep_backup (target.path, error)))
    {
      g_unlink (temporary);
      return FALSE;
    }

  if (g_rename (temporary, target.path) != 0)
    {
      int errsv = errno;

      g_unlink (temporary);
      return set_errno_error (error, errsv, path);
    }
  sync_folder (dir);

  if (new_etag != NULL)
    *new_etag = tp_file_query_etag (target_file, NULL, NULL);
  return TRUE;
}

/* Closing normally would make GIO rename the partly written temporary file
 * over the original. A close that is already cancelled makes it delete the
 * temporary file instead. */
static void
abandon_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

/* Not local: the GVFS backend decides how to replace. */
static gboolean
replace_remote (GFile         *file,
                const char    *data,
                gsize          length,
                gboolean       make_backup,
                const char    *expected_etag,
                char         **new_etag,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, expected_etag, make_backup, G_FILE_CREATE_NONE,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, NULL,
                                  cancellable, error)
      || !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    {
      abandon_stream (G_OUTPUT_STREAM (stream));
      return FALSE;
    }

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (stream);
  return TRUE;
}

gboolean
tp_file_replace_atomically (GFile         *file,
                            const char    *data,
                            gsize          length,
                            gboolean       make_backup,
                            const char    *expected_etag,
                            char         **new_etag,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    return replace_remote (file, data, length, make_backup, expected_etag, new_etag,
                           cancellable, error);
  return replace_local (path, data, length, make_backup, expected_etag, new_etag,
                        cancellable, error);
}

char *
tp_file_checksum (const char *data,
                  gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) (data ? data : ""),
                                      length);
}

gboolean
tp_file_check_contents (GFile         *file,
                        gsize          length,
                        const char    *checksum,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) sum = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display_name = NULL;
  g_autofree guchar *buffer = NULL;
  gsize total = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (checksum != NULL, FALSE);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      /* Gone: nothing of anyone else's is overwritten. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Streamed, and stopped as soon as it is longer: the file may be huge now. */
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (64 * 1024);
  while (total <= length)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 64 * 1024,
                                      cancellable, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      g_checksum_update (sum, buffer, n);
      total += n;
    }

  if (total == length && g_str_equal (g_checksum_get_string (sum), checksum))
    return TRUE;

  display_name = tp_file_dup_display_basename (file);
  set_changed_error (error, display_name);
  return FALSE;
}
