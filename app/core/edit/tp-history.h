/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tp-command.h"

G_BEGIN_DECLS

#define TP_TYPE_HISTORY (tp_history_get_type ())

G_DECLARE_FINAL_TYPE (TpHistory, tp_history, TP, HISTORY, GObject)

TpHistory  *tp_history_new              (void);

void        tp_history_push             (TpHistory  *self,
                                         TpCommand  *command);
void        tp_history_push_applied     (TpHistory  *self,
                                         TpCommand  *command);

void        tp_history_begin_group      (TpHistory  *self,
                                         const char *label);
void        tp_history_end_group        (TpHistory  *self);
void        tp_history_cancel_group     (TpHistory  *self);
gboolean    tp_history_in_group         (TpHistory  *self);

gboolean    tp_history_undo             (TpHistory  *self);
gboolean    tp_history_redo             (TpHistory  *self);
gboolean    tp_history_can_undo         (TpHistory  *self);
gboolean    tp_history_can_redo         (TpHistory  *self);
const char *tp_history_get_undo_label   (TpHistory  *self);
const char *tp_history_get_redo_label   (TpHistory  *self);

void        tp_history_break_coalescing (TpHistory  *self);

void        tp_history_mark_saved       (TpHistory  *self);
void        tp_history_mark_unsaved     (TpHistory  *self);
gboolean    tp_history_is_modified      (TpHistory  *self);

void        tp_history_clear            (TpHistory  *self);

guint       tp_history_get_undo_depth   (TpHistory  *self);
guint       tp_history_get_redo_depth   (TpHistory  *self);

G_END_DECLS
