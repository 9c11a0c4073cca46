/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-journey.h"

G_BEGIN_DECLS

#define TP_JOURNEY_NAMESPACE "https://touchpoint.github.io/ns/journey/1"
#define TP_JOURNEY_FORMAT_VERSION 2
/* Far above any real journey (5,000 touchpoints is about 3 MB). */
#define TP_JOURNEY_MAX_FILE_SIZE (32 * 1024 * 1024)
#define TP_JOURNEY_MAX_DEPTH 16
/* One text (a title, a description, a quote): a long report runs to a
 * few thousand characters. A file with a longer one is refused at load. */
#define TP_JOURNEY_MAX_TEXT_LENGTH (1024 * 1024)

/* TRUE when @bytes, a journey written by tp_journey_format_write() for
 * @file, is small enough to be opened again; otherwise an error that names
 * the file and says why, so nothing is saved that cannot be read back. */
gboolean   tp_journey_format_check_size (GBytes      *bytes,
                                         GFile       *file,
                                         GError     **error);

/* Serialises @journey as a .journey document: same journey, same bytes. */
GBytes    *tp_journey_format_write     (TpJourney    *journey);

/* Parses an untrusted .journey document. Errors are TP_LOAD_ERROR with a
 * message "DISPLAY_NAME:LINE:COLUMN: message". */
TpJourney *tp_journey_format_read      (const char   *data,
                                        gsize         length,
                                        const char   *display_name,
                                        GError      **error);

TpJourney *tp_journey_format_load_file (GFile        *file,
                                        GCancellable *cancellable,
                                        GError      **error);

/* As tp_journey_format_load_file(), also giving the bytes it read. */
TpJourney *tp_journey_format_load_file_bytes (GFile         *file,
                                              GBytes       **bytes,
                                              GCancellable  *cancellable,
                                              GError       **error);

/* The file's name in UTF-8, as error messages show it. */
char      *tp_file_dup_display_basename (GFile *file);

G_END_DECLS
