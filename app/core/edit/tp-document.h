/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-history.h"
#include "tp-journey.h"

G_BEGIN_DECLS

#define TP_TYPE_DOCUMENT (tp_document_get_type ())
G_DECLARE_FINAL_TYPE (TpDocument, tp_document, TP, DOCUMENT, GObject)

/* A journey with its undo history and the file it lives in. Every change the
 * user makes goes through the functions below, one undo step each. */

TpDocument *tp_document_new               (TpJourney     *journey);
TpDocument *tp_document_new_from_file     (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
/* A journey recovered from a draft: modified from the start, with @file
 * (NULL: never saved) for the next Save, which still stops when the file
 * no longer holds what it did when loaded (@etag, @size and @checksum,
 * from tp_document_get_file_state(); NULL when unknown). */
TpDocument *tp_document_new_recovered     (TpJourney     *journey,
                                           GFile         *file,
                                           const char    *etag,
                                           gsize          size,
                                           const char    *checksum);

TpJourney  *tp_document_get_journey       (TpDocument *self);
TpHistory  *tp_document_get_history       (TpDocument *self);
GFile      *tp_document_get_file          (TpDocument *self); /* NULL when never saved */
gboolean    tp_document_get_modified      (TpDocument *self);
/* What the file held when last loaded or saved: its etag, size and
 * SHA-256 (NULL, 0 when unknown). For drafts. */
void        tp_document_get_file_state    (TpDocument   *self,
                                           const char  **etag,
                                           gsize        *size,
                                           const char  **checksum);
/* The file's name, or the journey title for a new document. */
char       *tp_document_dup_display_name  (TpDocument *self);

/* Saves to @file (NULL: the current file), atomically, keeping a backup.
 * When the file changed on disk since it was loaded or saved (its etag, or
 * its size or SHA-256 even with an unchanged modification time), fails with
 * G_IO_ERROR_WRONG_ETAG unless @overwrite_changes. */
gboolean    tp_document_save              (TpDocument    *self,
                                           GFile         *file,
                                           gboolean       overwrite_changes,
                                           GCancellable  *cancellable,
                                           GError       **error);

/* ---- edits ---- */

/* Sets a property of the journey or one of its elements. */
gboolean    tp_document_set_value         (TpDocument    *self,
                                           gpointer       object,
                                           const char    *property,
                                           const GValue  *value,
                                           GError       **error);
gboolean    tp_document_set_string        (TpDocument    *self,
                                           gpointer       object,
                                           const char    *property,
                                           const char    *value,
                                           GError       **error);
gboolean    tp_document_set_int           (TpDocument    *self,
                                           gpointer       object,
                                           const char    *property,
                                           int            value,
                                           GError       **error);
gboolean    tp_document_set_boolean       (TpDocument    *self,
                                           gpointer       object,
                                           const char    *property,
                                           gboolean       value,
                                           GError       **error);
gboolean    tp_document_set_enum          (TpDocument    *self,
                                           gpointer       object,
                                           const char    *property,
                                           int            value,
                                           GError       **error);

/* Adds a new element at @position of its list (G_MAXUINT appends). */
gboolean    tp_document_add               (TpDocument    *self,
                                           TpElement     *element,
                                           guint          position,
                                           GError       **error);
/* Deletes an element and what depends on it, as one step: a stage or lane
 * takes its touchpoints and their notes along (its opportunities then
 * belong to the journey); a touchpoint's own blockers, enablers and
 * opportunities move to its stage. */
void        tp_document_delete            (TpDocument    *self,
                                           TpElement     *element);
/* Deletes several elements as one step. */
void        tp_document_delete_many       (TpDocument    *self,
                                           GPtrArray     *elements);
/* Moves a stage or lane to @position in its list. */
void        tp_document_reorder           (TpDocument    *self,
                                           TpElement     *element,
                                           guint          position);
/* Puts a touchpoint in a cell at @index among that cell's touchpoints
 * (G_MAXUINT: last). */
gboolean    tp_document_move_touchpoint   (TpDocument    *self,
                                           TpTouchpoint  *touchpoint,
                                           const char    *stage_id,
                                           const char    *lane_id,
                                           guint          index,
                                           GError       **error);
/* Attaches an employee note to a touchpoint or (touchpoint_id NULL) a stage. */
gboolean    tp_document_attach_note       (TpDocument     *self,
                                           TpEmployeeNote *note,
                                           const char     *touchpoint_id,
                                           const char     *stage_id,
                                           GError        **error);

/* Attaches an opportunity to a touchpoint, else to a stage, else (both
 * NULL) to the journey as a whole. */
gboolean    tp_document_attach_opportunity (TpDocument     *self,
                                            TpOpportunity  *opportunity,
                                            const char     *touchpoint_id,
                                            const char     *stage_id,
                                            GError        **error);

void        tp_document_begin_group       (TpDocument    *self,
                                           const char    *label);
void        tp_document_end_group         (TpDocument    *self);
gboolean    tp_document_undo              (TpDocument    *self);
gboolean    tp_document_redo              (TpDocument    *self);

G_END_DECLS
