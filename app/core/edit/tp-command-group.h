/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-command.h"

G_BEGIN_DECLS

#define TP_TYPE_COMMAND_GROUP (tp_command_group_get_type ())

G_DECLARE_FINAL_TYPE (TpCommandGroup, tp_command_group, TP, COMMAND_GROUP, TpCommand)

TpCommandGroup *tp_command_group_new       (const char     *label);
void            tp_command_group_add       (TpCommandGroup *self,
                                            TpCommand      *child);
guint           tp_command_group_get_size  (TpCommandGroup *self);
TpCommand      *tp_command_group_get_child (TpCommandGroup *self,
                                            guint           position);

G_END_DECLS
