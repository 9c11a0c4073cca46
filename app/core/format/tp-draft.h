/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Drafts: unsaved journeys kept in a folder (the app's is
 * $XDG_DATA_HOME/touchpoint/drafts) so that a crash loses nothing.
 *
 * A draft is one file, "OWNER.SERIAL.draft": a key file header (title,
 * original file, time, what the original held when loaded) followed by the
 * journey exactly as tp_journey_format_write() gives it. OWNER names the
 * process that keeps the draft up to date: "BOOTID-PID-STARTTIME" (the
 * kernel's boot id and the process's start time tell a dead process from a
 * new one that got the same PID). A draft whose owner is gone is an
 * orphan; taking it over is a rename to a name of one's own, which only
 * one process can win, so two running instances never share a draft. */

#define TP_DRAFT_SUFFIX ".draft"

#define TP_DRAFT_ERROR (tp_draft_error_quark ())

typedef enum {
  TP_DRAFT_ERROR_INVALID,
} TpDraftError;

GQuark tp_draft_error_quark (void);

typedef struct {
  char      *path;          /* the draft file */
  char      *title;         /* as the window showed it */
  char      *original_uri;  /* the journey's file; NULL when never saved */
  GDateTime *time;          /* when the draft was written */
  /* What the original held when loaded or last saved, so that saving the
   * recovered journey over it still notices changes made meanwhile; NULL
   * and 0 when unknown. */
  char      *original_etag;
  gsize      original_size;
  char      *original_checksum;
  GBytes    *journey;       /* .journey bytes, not parsed */
} TpDraft;

TpDraft  *tp_draft_new                (void);
void      tp_draft_free               (TpDraft       *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpDraft, tp_draft_free)

/* Writes @draft (all but its path and time, which is set to now) to @path
 * atomically, creating its folder (private to the user) if needed. */
gboolean  tp_draft_write              (TpDraft       *draft,
                                       const char    *path,
                                       GError       **error);
/* Reads the draft at @path; a truncated or foreign file is an error. */
TpDraft  *tp_draft_read               (const char    *path,
                                       GError       **error);
/* Removes the draft at @path; a missing one is no error. */
gboolean  tp_draft_remove             (const char    *path,
                                       GError       **error);

/* This process as a draft owner: "BOOTID-PID-STARTTIME". */
char     *tp_draft_owner_current      (void);
/* Whether the process @owner names still runs. */
gboolean  tp_draft_owner_is_alive     (const char    *owner);
/* The owner part of a draft's file name, or NULL when @path is no draft. */
char     *tp_draft_path_get_owner     (const char    *path);

/* A new draft file name in @folder, owned by @owner. */
char     *tp_draft_new_path           (const char    *folder,
                                       const char    *owner);

/* Takes over every orphaned draft in @folder: renames it to a new name
 * owned by @owner and reads it. Returns the drafts this call won, oldest
 * first (a missing folder: none). A draft that cannot be read is renamed
 * "NAME.broken", kept for a person to look at but never offered again. */
GPtrArray *tp_draft_claim_orphans     (const char    *folder,
                                       const char    *owner,
                                       GError       **error);

G_END_DECLS
