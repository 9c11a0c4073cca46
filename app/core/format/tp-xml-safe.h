/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "tp-load-error.h"

G_BEGIN_DECLS

/* libxml2 itself refuses deeper documents (without XML_PARSE_HUGE, which we
 * never use); a larger @max_depth is clamped to this. */
#define TP_XML_MAX_DEPTH_LIMIT 256
/* Attributes on one tag, namespace declarations included: libxml2 checks a
 * tag's attributes for duplicates pair by pair, so 100,000 of them took 17 s.
 * A tag with more fails with TP_LOAD_ERROR_TOO_LARGE before libxml2 sees it. */
#define TP_XML_MAX_ATTRIBUTES 256

/* Reads at most @max_bytes of @file with GIO (never decompressing anything).
 * A larger file fails with TP_LOAD_ERROR_TOO_LARGE: the size is checked
 * before reading, and the read is capped anyway since the size may lie or
 * grow. Folders and special files fail with TP_LOAD_ERROR_IO, as does any
 * read error (with GIO's message); cancellation keeps G_IO_ERROR_CANCELLED.
 * The returned data is followed by a NUL byte that is not part of its size. */
GBytes *tp_file_read_capped (GFile        *file,
                             gsize         max_bytes,
                             GCancellable *cancellable,
                             GError      **error);

/* Parses untrusted XML from memory. Any DOCTYPE is refused
 * (TP_LOAD_ERROR_FORBIDDEN), so no entity is ever declared or loaded.
 * Elements deeper than @max_depth (the root element is at depth 1; 0 means
 * TP_XML_MAX_DEPTH_LIMIT) fail with TP_LOAD_ERROR_TOO_DEEP; other problems,
 * namespace errors included, with TP_LOAD_ERROR_SYNTAX. CDATA sections become
 * text nodes. Nothing is printed. @display_name (UTF-8, usually the file's
 * basename) prefixes messages: error->message is exactly
 * "DISPLAY_NAME:LINE:COLUMN: message", LINE and COLUMN 1-based, COLUMN
 * counted in characters like libxml2 does. Free the result with xmlFreeDoc(). */
xmlDoc *tp_xml_read_untrusted (const char *data,
                               gsize       length,
                               const char *display_name,
                               guint       max_depth,
                               GError    **error);

typedef enum
{
  TP_XML_READ_DEFAULT = 0,
  /* Leave out whitespace-only text between elements: a run of whitespace
   * with markup on both sides, not joined to other text, followed by a
   * start tag or by the end tag of an element that holds elements. For
   * formats without mixed content, where such text means nothing; it saves
   * building and freeing a node for every line of indentation. Whitespace
   * inside an element with no element children is always kept. */
  TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS = 1 << 0,
} TpXmlReadFlags;

/* tp_xml_read_untrusted() with @flags; the same checks and errors. */
xmlDoc *tp_xml_read_untrusted_full (const char     *data,
                                    gsize           length,
                                    const char     *display_name,
                                    guint           max_depth,
                                    TpXmlReadFlags  flags,
                                    GError        **error);

/* For semantic errors found after parsing: sets @error (if non-NULL) in the
 * TP_LOAD_ERROR domain with @code and the message
 * "DISPLAY_NAME:LINE:COLUMN: <formatted message>". @data and @length must be
 * the text @node was parsed from. LINE starts from xmlGetLineNo(@node);
 * COLUMN points at the '<' of the element's start tag, found by searching
 * that line for "<name" (libxml2 records the line where a start tag ends, so
 * a start tag spanning lines is followed back to its '<' and its line is
 * used). With @attribute non-NULL, the position is that of the attribute's
 * name inside the start tag. Falls back to column 1 when nothing is found.
 * An attribute node may be passed as @node (with @attribute NULL). */
void tp_xml_set_error_at (GError     **error,
                          TpLoadError  code,
                          const char  *display_name,
                          const char  *data,
                          gsize        length,
                          xmlNode     *node,
                          const char  *attribute,
                          const char  *format,
                          ...) G_GNUC_PRINTF (8, 9);

G_END_DECLS
