/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_AUTOSAVE (tp_autosave_get_type ())
G_DECLARE_FINAL_TYPE (TpAutosave, tp_autosave, TP, AUTOSAVE, GObject)

/* Time from an edit to its draft: the delay after the last edit, but never
 * more than TP_AUTOSAVE_MAX_WAIT_MS after the first unwritten one, so that
 * steady editing is written too. */
#define TP_AUTOSAVE_DEFAULT_DELAY_MS 1000
#define TP_AUTOSAVE_MAX_WAIT_MS 4000

/* Keeps the draft at @draft_path (see tp-draft.h) in step with @document
 * while it has unsaved changes: each edit is written there soon after,
 * serialised and saved on a worker thread from a snapshot. When the
 * document is saved, or undone back to its saved state, the draft goes. */
TpAutosave *tp_autosave_new            (TpDocument *document,
                                        const char *draft_path);
const char *tp_autosave_get_draft_path (TpAutosave *self);
void        tp_autosave_set_delay      (TpAutosave *self,
                                        guint       delay_ms);
/* Removes the draft now (the user discarded the changes), after a write
 * under way has finished; no write asked for before this happens later. */
void        tp_autosave_discard        (TpAutosave *self);

G_END_DECLS
