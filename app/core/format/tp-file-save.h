/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces @file with @data atomically: never a half-written file under its
 * name, new or not. The data goes to a temporary file ".NAME.tp-XXXXXX" in
 * the same folder, is written and synced, then renamed over the target (and
 * the folder synced). On any error the temporary file is deleted and the
 * target left as it was. Before writing, leftovers of killed saves next to
 * the target are removed: regular files of ours named ".NAME.tp-XXXXXX" or
 * GIO's ".goutputstream-XXXXXX", untouched for a minute.
 *
 * @make_backup keeps the previous version as "NAME~" (a hard link to it, or a
 * copy). If @expected_etag is non-NULL and the file on disk changed since
 * (different etag), this fails with G_IO_ERROR_WRONG_ETAG and changes
 * nothing. On success, *@new_etag (if non-NULL) receives the new etag.
 *
 * Symbolic links are followed one by one and the file they end at replaced
 * (and backed up next to it), the links kept; a dangling link's file is
 * created where it points. A link in a sticky, world-writable folder (/tmp)
 * made by neither the user nor the folder's owner is refused with
 * G_IO_ERROR_PERMISSION_DENIED. A file with several hard links is replaced
 * under this name only: its other names keep the previous content. The new
 * file keeps the old one's permissions, and its owner and group where the
 * system allows; otherwise it becomes the user's. A file the user may not
 * write is refused, as GIO did, although renaming could get past it.
 *
 * Non-local files are replaced by their GVFS backend. Errors are in the
 * G_IO_ERROR domain, with translated messages. */
gboolean tp_file_replace_atomically (GFile         *file,
                                     const char    *data,
                                     gsize          length,
                                     gboolean       make_backup,
                                     const char    *expected_etag,
                                     char         **new_etag,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* The etag GIO gives @file now (size and modification time), or NULL. */
char    *tp_file_query_etag         (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);

/* The SHA-256 of @data, as tp_file_check_contents() expects it. */
char    *tp_file_checksum           (const char    *data,
                                     gsize          length);

/* Whether @file still holds the @length bytes whose tp_file_checksum() is
 * @checksum, however its modification time looks: if not, fails with
 * G_IO_ERROR_WRONG_ETAG, as a changed etag does. A missing file is no
 * change anyone would lose. */
gboolean tp_file_check_contents     (GFile         *file,
                                     gsize          length,
                                     const char    *checksum,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
