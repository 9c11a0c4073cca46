/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-draft.h"
#include "tp-journey.h"

G_BEGIN_DECLS

/* Recovery at start: the drafts that a crashed or killed Touchpoint left,
 * taken over by this process (tp_draft_claim_orphans()), parsed and drawn
 * as thumbnails on a worker thread, then offered in a dialog. */

typedef struct {
  TpDraft *draft;
  TpJourney *journey;
  cairo_surface_t *thumbnail;   /* NULL when it could not be drawn */
  int thumbnail_scale;          /* device pixels per thumbnail pixel */
} TpRecoveredDraft;

void tp_recovered_draft_free (TpRecoveredDraft *recovered);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpRecoveredDraft, tp_recovered_draft_free)

/* Claims the orphaned drafts in @folder for @owner and prepares them:
 * thumbnails in the dark palette when @dark, at @scale device pixels per
 * pixel. The result is a GPtrArray of TpRecoveredDraft, oldest first. */
void       tp_recovery_find_drafts_async  (const char           *folder,
                                           const char           *owner,
                                           gboolean              dark,
                                           int                   scale,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GPtrArray *tp_recovery_find_drafts_finish (GAsyncResult         *result,
                                           GError              **error);

#define TP_TYPE_RECOVERY_DIALOG (tp_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpRecoveryDialog, tp_recovery_dialog, TP, RECOVERY_DIALOG, AdwMessageDialog)

/* Lists @drafts (TpRecoveredDraft) with their title, time, file and
 * thumbnail. "Recover" emits ::recover for each draft, which opens it;
 * "Discard" removes the draft files; closing the dialog (Escape) keeps
 * them for the next start. With several drafts each row has its own
 * buttons too. Takes the drafts out of @drafts. */
TpRecoveryDialog *tp_recovery_dialog_new (GtkWindow *parent,
                                          GPtrArray *drafts);

G_END_DECLS
