/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-draft.h"
#include "tp-file-save.h"
#include "tp-journey-format.h"

#define GROUP "Touchpoint Draft"
#define FORMAT_VERSION 1
#define BROKEN_SUFFIX ".broken"
/* The header is a few lines; anything longer is not a draft of ours. */
#define MAX_HEADER_LENGTH (64 * 1024)
/* A journey the reader would refuse is no use as a draft either. */
#define MAX_DRAFT_SIZE (TP_JOURNEY_MAX_FILE_SIZE + MAX_HEADER_LENGTH)

G_DEFINE_QUARK (tp-draft-error-quark, tp_draft_error)

TpDraft *
tp_draft_new (void)
{
  return g_new0 (TpDraft, 1);
}

void
tp_draft_free (TpDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->path);
  g_free (draft->title);
  g_free (draft->original_uri);
  g_clear_pointer (&draft->time, g_date_time_unref);
  g_free (draft->original_etag);
  g_free (draft->original_checksum);
  g_clear_pointer (&draft->journey, g_bytes_unref);
  g_free (draft);
}

/* ---------------------------------------------------------------- owners */

/* The kernel's id for this boot, without dashes; "0" where there is none
 * (then PIDs alone decide). */
static char *
dup_boot_id (void)
{
  g_autofree char *text = NULL;
  GString *id;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &text, NULL, NULL))
    return g_strdup ("0");
  id = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isxdigit (*p))
      g_string_append_c (id, g_ascii_tolower (*p));
  if (id->len == 0)
    g_string_append_c (id, '0');
  return g_string_free (id, FALSE);
}

/* The start time of process @pid in clock ticks since boot (field 22 of
 * /proc/PID/stat), or 0 when unknown. */
static guint64
get_start_time (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *text = NULL;
  const char *p;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  /* The command name in parentheses may hold spaces and parentheses. */
  p = strrchr (text, ')');
  if (p == NULL)
    return 0;
  p++;
  /* After ")" come fields 3, 4, ...: skip 19 to reach field 22. */
  for (int field = 3; field < 22; field++)
    {
      p = strchr (p + 1, ' ');
      if (p == NULL)
        return 0;
    }
  return g_ascii_strtoull (p + 1, NULL, 10);
}

char *
tp_draft_owner_current (void)
{
  g_autofree char *boot_id = dup_boot_id ();
  pid_t pid = getpid ();

  return g_strdup_printf ("%s-%d-%" G_GUINT64_FORMAT, boot_id, (int) pid, get_start_time (pid));
}

static gboolean
parse_owner (const char *owner,
             char      **boot_id,
             pid_t      *pid,
             guint64    *start_time)
{
  g_auto(GStrv) parts = g_strsplit (owner, "-", -1);
  guint64 value;

  if (g_strv_length (parts) != 3 || *parts[0] == '\0')
    return FALSE;
  for (const char *p = parts[0]; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT32, &value, NULL))
    return FALSE;
  *pid = (pid_t) value;
  if (!g_ascii_string_to_unsigned (parts[2], 10, 0, G_MAXUINT64, start_time, NULL))
    return FALSE;
  *boot_id = g_strdup (parts[0]);
  return TRUE;
}

gboolean
tp_draft_owner_is_alive (const char *owner)
{
  g_autofree char *boot_id = NULL;
  g_autofree char *current_boot_id = dup_boot_id ();
  pid_t pid;
  guint64 start_time;
  guint64 current_start_time;

  g_return_val_if_fail (owner != NULL, FALSE);

  if (!parse_owner (owner, &boot_id, &pid, &start_time))
    return FALSE;
  /* Every process of an earlier boot is gone. */
  if (!g_str_equal (boot_id, current_boot_id))
    return FALSE;
  if (kill (pid, 0) != 0 && errno != EPERM)
    return FALSE;
  /* The PID is taken: by the owner, or by a process started later. */
  current_start_time = get_start_time (pid);
  return start_time == 0 || current_start_time == 0 || current_start_time == start_time;
}

char *
tp_draft_path_get_owner (const char *path)
{
  g_autofree char *name = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (name[0] == '.' || !g_str_has_suffix (name, TP_DRAFT_SUFFIX))
    return NULL;
  dot = strchr (name, '.');
  if (dot == name + strlen (name) - strlen (TP_DRAFT_SUFFIX))
    return NULL;
  return g_strndup (name, dot - name);
}

char *
tp_draft_new_path (const char *folder,
                   const char *owner)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (folder != NULL && owner != NULL, NULL);

  /* Random, so that names never repeat, not even across restarts. */
  name = g_strdup_printf ("%s.%08x%08x%08x%s", owner, g_random_int (), g_random_int (),
                          g_random_int (), TP_DRAFT_SUFFIX);
  return g_build_filename (folder, name, NULL);
}

/* ---------------------------------------------------------------- files */

static void
set_optional (GKeyFile   *key_file,
              const char *key,
              const char *value)
{
  if (value != NULL)
    g_key_file_set_string (key_file, GROUP, key, value);
}

gboolean
tp_draft_write (TpDraft     *draft,
                const char  *path,
                GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *header = NULL;
  g_autofree char *time_text = NULL;
  GString *contents;
  gboolean ok;
  gsize header_length;
  gsize journey_length;
  const char *journey_data;

  g_return_val_if_fail (draft != NULL && draft->journey != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_clear_pointer (&draft->time, g_date_time_unref);
  draft->time = g_date_time_new_now_utc ();
  time_text = g_date_time_format_iso8601 (draft->time);
  journey_data = g_bytes_get_data (draft->journey, &journey_length);

  g_key_file_set_integer (key_file, GROUP, "version", FORMAT_VERSION);
  g_key_file_set_string (key_file, GROUP, "title", draft->title != NULL ? draft->title : "");
  set_optional (key_file, "file", draft->original_uri);
  g_key_file_set_string (key_file, GROUP, "time", time_text);
  set_optional (key_file, "etag", draft->original_etag);
  if (draft->original_checksum != NULL)
    {
      g_key_file_set_uint64 (key_file, GROUP, "size", draft->original_size);
      g_key_file_set_string (key_file, GROUP, "checksum", draft->original_checksum);
    }
  /* The journey is the rest of the file: its length tells a complete
   * draft from a cut one. */
  g_key_file_set_uint64 (key_file, GROUP, "journey-length", journey_length);
  header = g_key_file_to_data (key_file, &header_length, NULL);

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display_name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: the first %s is a folder, the second a system error. */
                   _("Cannot create “%s”: %s"), display_name, g_strerror (errsv));
      return FALSE;
    }

  contents = g_string_sized_new (header_length + 1 + journey_length);
  g_string_append_len (contents, header, header_length);
  g_string_append_c (contents, '\n');
  g_string_append_len (contents, journey_data, journey_length);
  file = g_file_new_for_path (path);
  ok = tp_file_replace_atomically (file, contents->str, contents->len, FALSE, NULL, NULL, NULL, error);
  g_string_free (contents, TRUE);
  return ok;
}

static gboolean
set_invalid (GError     **error,
             const char  *path)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, TP_DRAFT_ERROR, TP_DRAFT_ERROR_INVALID,
               /* Translators: %s is a file name */
               _("“%s” is not a complete Touchpoint draft"), display_name);
  return FALSE;
}

static char *
dup_optional (GKeyFile   *key_file,
              const char *key)
{
  char *value = g_key_file_get_string (key_file, GROUP, key, NULL);

  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

TpDraft *
tp_draft_read (const char  *path,
               GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(TpDraft) draft = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *time_text = NULL;
  const char *data;
  const char *end;
  gsize length;
  gsize header_length;
  guint64 journey_length;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || length > MAX_DRAFT_SIZE)
    {
      set_invalid (error, path);
      return NULL;
    }

  /* The header ends at the first empty line. */
  end = g_strstr_len (data, MIN (length, MAX_HEADER_LENGTH), "\n\n");
  if (end == NULL)
    {
      set_invalid (error, path);
      return NULL;
    }
  header_length = end - data + 1;
  if (!g_key_file_load_from_data (key_file, data, header_length, G_KEY_FILE_NONE, NULL)
      || g_key_file_get_integer (key_file, GROUP, "version", NULL) != FORMAT_VERSION)
    {
      set_invalid (error, path);
      return NULL;
    }
  journey_length = g_key_file_get_uint64 (key_file, GROUP, "journey-length", &local_error);
  if (local_error != NULL || journey_length != length - header_length - 1)
    {
      set_invalid (error, path);
      return NULL;
    }

  draft = tp_draft_new ();
  draft->path = g_strdup (path);
  draft->title = g_key_file_get_string (key_file, GROUP, "title", NULL);
  if (draft->title == NULL)
    draft->title = g_strdup ("");
  draft->original_uri = dup_optional (key_file, "file");
  time_text = g_key_file_get_string (key_file, GROUP, "time", NULL);
  if (time_text != NULL)
    draft->time = g_date_time_new_from_iso8601 (time_text, NULL);
  if (draft->time == NULL)
    {
      set_invalid (error, path);
      return NULL;
    }
  draft->original_etag = dup_optional (key_file, "etag");
  draft->original_checksum = dup_optional (key_file, "checksum");
  if (draft->original_checksum != NULL)
    draft->original_size = g_key_file_get_uint64 (key_file, GROUP, "size", NULL);
  /* A copy: the mapping must not outlive a rename or removal of the file. */
  draft->journey = g_bytes_new (data + header_length + 1, journey_length);
  return g_steal_pointer (&draft);
}

gboolean
tp_draft_remove (const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int errsv = errno;
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   /* Translators: the first %s is a file name, the second a system error. */
                   _("Cannot remove “%s”: %s"), display_name, g_strerror (errsv));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------- orphans */

static int
compare_by_time (gconstpointer a,
                 gconstpointer b)
{
  const TpDraft *draft_a = *(TpDraft * const *) a;
  const TpDraft *draft_b = *(TpDraft * const *) b;

  return g_date_time_compare (draft_a->time, draft_b->time);
}

/* A save killed half-way leaves ".NAME.draft.tp-XXXXXX"; once NAME's owner
 * is gone nobody will finish it. */
static void
remove_dead_temporary (const char *folder,
                       const char *name)
{
  g_autofree char *draft_name = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *path = NULL;
  const char *infix;

  infix = strstr (name, TP_DRAFT_SUFFIX ".tp-");
  if (name[0] != '.' || infix == NULL)
    return;
  draft_name = g_strndup (name + 1, infix + strlen (TP_DRAFT_SUFFIX) - (name + 1));
  owner = tp_draft_path_get_owner (draft_name);
  if (owner == NULL || tp_draft_owner_is_alive (owner))
    return;
  path = g_build_filename (folder, name, NULL);
  g_unlink (path);
}

GPtrArray *
tp_draft_claim_orphans (const char  *folder,
                        const char  *owner,
                        GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_draft_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL && owner != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&drafts);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *draft_owner = tp_draft_path_get_owner (path);
      g_autofree char *claimed = NULL;
      g_autoptr(GError) read_error = NULL;
      TpDraft *draft;

      if (draft_owner == NULL)
        {
          remove_dead_temporary (folder, name);
          continue;
        }
      if (g_str_equal (draft_owner, owner) || tp_draft_owner_is_alive (draft_owner))
        continue;

      /* Whoever renames it first has it; the others find it gone. */
      claimed = tp_draft_new_path (folder, owner);
      if (g_rename (path, claimed) != 0)
        continue;

      draft = tp_draft_read (claimed, &read_error);
      if (draft == NULL)
        {
          g_autofree char *broken = g_strconcat (claimed, BROKEN_SUFFIX, NULL);

          g_message ("Set aside a draft that cannot be read: %s", read_error->message);
          g_rename (claimed, broken);
          continue;
        }
      g_ptr_array_add (drafts, draft);
    }

  g_ptr_array_sort (drafts, compare_by_time);
  return g_steal_pointer (&drafts);
}
