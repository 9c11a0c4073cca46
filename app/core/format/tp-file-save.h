/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces @file with @data atomically: never a half-written file over a
 * good one. The data goes to a temporary file next to the target, which is
 * renamed over it only once everything was written; on any error the
 * temporary file is deleted and the target left as it was (a new file that
 * could not be written completely is removed).
 *
 * @make_backup keeps the previous version as "NAME~". If @expected_etag is
 * non-NULL and the file on disk changed since (different etag), this fails
 * with G_IO_ERROR_WRONG_ETAG and changes nothing. On success, *@new_etag (if
 * non-NULL) receives the new etag.
 *
 * A symbolic link is followed: its target is replaced (and backed up next to
 * the target) and the link kept. A local file that GIO can only rewrite in
 * place (several hard links, or an owner that cannot be preserved) gets a
 * "NAME~" backup before it is touched, whatever @make_backup says, so its old
 * content survives a failed write (the backup is removed again after a
 * successful save without @make_backup). When no temporary file can be
 * created in the folder, nothing is written at all.
 *
 * Errors are in the G_IO_ERROR domain with GIO's (translated) messages. */
gboolean tp_file_replace_atomically (GFile         *file,
                                     const char    *data,
                                     gsize          length,
                                     gboolean       make_backup,
                                     const char    *expected_etag,
                                     char         **new_etag,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
