/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-file-save.h"

typedef struct
{
  GFile    *target;   /* the file to replace, a symbolic link resolved */
  char     *path;     /* its local path, NULL if not local */
  gboolean  is_new;   /* nothing was there when we looked */
  gboolean  in_place; /* GIO will rewrite the existing file in place */
} SavePlan;

static void
save_plan_clear (SavePlan *plan)
{
  g_clear_object (&plan->target);
  g_clear_pointer (&plan->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SavePlan, save_plan_clear)

/* GIO falls back to rewriting the target in place, silently and without
 * atomicity, when it cannot create its temporary file next to it (read-only
 * folder, no inode or directory block left): refuse to save then. */
static gboolean
probe_temporary_file (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *probe = g_build_filename (dir, ".tp-save-probe-XXXXXX", NULL);
  int fd;

  fd = g_mkstemp_full (probe, O_RDWR, 0600);
  if (fd < 0)
    {
      int errsv = errno;
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: the first %s is a file name, the second a system error. */
                   _("Cannot save “%s” safely: no temporary file can be created in its folder (%s)"),
                   display_name, g_strerror (errsv));
      return FALSE;
    }

  g_close (fd, NULL);
  g_unlink (probe);
  return TRUE;
}

/* Mirrors GIO's test: it only uses a temporary file when it can give it the
 * owner and group of the original. Errs on the side of "cannot". */
static gboolean
owner_preservable (const GStatBuf *st)
{
  g_autofree gid_t *groups = NULL;
  uid_t euid = geteuid ();
  int n_groups;

  if (euid == 0)
    return TRUE;
  if (st->st_uid != euid)
    return FALSE;
  if (st->st_gid == getegid ())
    return TRUE;

  n_groups = getgroups (0, NULL);
  if (n_groups <= 0)
    return FALSE;
  groups = g_new (gid_t, n_groups);
  n_groups = getgroups (n_groups, groups);

  for (int i = 0; i < n_groups; i++)
    {
      if (groups[i] == st->st_gid)
        return TRUE;
    }

  return FALSE;
}

static gboolean
plan_save (GFile     *file,
           SavePlan  *plan,
           GError   **error)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf st;

  plan->target = g_object_ref (file);

  /* Not local: the GVFS backend decides how to replace. */
  if (path == NULL)
    return TRUE;

  if (g_lstat (path, &st) != 0)
    {
      /* Missing or unreachable: GIO creates it or says why not. */
      plan->is_new = errno == ENOENT;
      plan->path = g_steal_pointer (&path);
      return TRUE;
    }

  /* GIO writes through a symbolic link in place; replace its target. */
  if (S_ISLNK (st.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real == NULL)
        {
          int errsv = errno;

          if (errsv == ELOOP)
            {
              g_autofree char *display_name = g_filename_display_name (path);

              g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
                           _("Cannot save “%s”: %s"), display_name, g_strerror (errsv));
              return FALSE;
            }

          /* A dangling link: GIO creates its target. */
          plan->path = g_steal_pointer (&path);
          return TRUE;
        }

      g_free (path);
      path = g_strdup (real);
      free (real);

      g_object_unref (plan->target);
      plan->target = g_file_new_for_path (path);

      if (g_stat (path, &st) != 0)
        {
          plan->path = g_steal_pointer (&path);
          return TRUE;
        }
    }

  plan->path = g_steal_pointer (&path);

  /* Folders and special files: GIO refuses them with a clear message. */
  if (!S_ISREG (st.st_mode))
    return TRUE;

  if (!probe_temporary_file (plan->path, error))
    return FALSE;

  plan->in_place = st.st_nlink > 1 || !owner_preservable (&st);
  return TRUE;
}

/* Closing normally would rename the partly written temporary file over the
 * original (what g_file_replace_contents() does on a full disk). A close
 * that is already cancelled makes GIO delete the temporary file instead. */
static void
abandon_stream (GOutputStream *stream)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
}

/* Removes a new file that could not be written completely, but only if it
 * still is the very file GIO created for us. */
static void
remove_partial_new_file (const char *path,
                         GFileInfo  *identity)
{
  GStatBuf st;

  if (path == NULL || identity == NULL ||
      !g_file_info_has_attribute (identity, G_FILE_ATTRIBUTE_UNIX_DEVICE) ||
      !g_file_info_has_attribute (identity, G_FILE_ATTRIBUTE_UNIX_INODE))
    return;

  if (g_lstat (path, &st) == 0 &&
      (guint32) st.st_dev == g_file_info_get_attribute_uint32 (identity, G_FILE_ATTRIBUTE_UNIX_DEVICE) &&
      (guint64) st.st_ino == g_file_info_get_attribute_uint64 (identity, G_FILE_ATTRIBUTE_UNIX_INODE))
    g_unlink (path);
}

static void
mention_backup (GError     *error,
                const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *basename = NULL;
  g_autofree char *display_name = NULL;
  char *message;

  if (!g_file_test (backup, G_FILE_TEST_IS_REGULAR))
    return;

  basename = g_path_get_basename (backup);
  display_name = g_filename_display_name (basename);

  /* Translators: the first %s is an error message, the second a file name. */
  message = g_strdup_printf (_("%s. The previous version is kept in “%s”."),
                             error->message, display_name);
  g_free (error->message);
  error->message = message;
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
  g_auto(SavePlan) plan = { 0, };
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFileInfo) identity = NULL;
  GError *local_error = NULL;
  gsize written;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!plan_save (file, &plan, error))
    return FALSE;

  /* In place, a backup copy is the only way the old content survives a
   * failed write; GIO makes it before truncating, or fails. */
  stream = g_file_replace (plan.target, expected_etag, make_backup || plan.in_place,
                           G_FILE_CREATE_NONE, cancellable, error);
  if (stream == NULL)
    return FALSE;

  /* A new file is written directly under its name; remember which one. */
  if (plan.is_new)
    identity = g_file_output_stream_query_info (stream,
                                                G_FILE_ATTRIBUTE_UNIX_DEVICE ","
                                                G_FILE_ATTRIBUTE_UNIX_INODE,
                                                NULL, NULL);

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), data, length, &written,
                                  cancellable, &local_error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      /* A no-op if the failed close already cleaned up. */
      abandon_stream (G_OUTPUT_STREAM (stream));
      remove_partial_new_file (plan.path, identity);
      if (plan.in_place && plan.path != NULL)
        mention_backup (local_error, plan.path);
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (plan.in_place && !make_backup && plan.path != NULL)
    {
      g_autofree char *backup = g_strconcat (plan.path, "~", NULL);

      g_unlink (backup);
    }

  if (new_etag != NULL)
    *new_etag = g_file_output_stream_get_etag (stream);

  return TRUE;
}
