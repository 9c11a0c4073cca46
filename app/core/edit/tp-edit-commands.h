/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-command.h"
#include "tp-journey.h"

G_BEGIN_DECLS

/* The commands that change a journey; TpDocument builds them. */

#define TP_TYPE_SET_COMMAND (tp_set_command_get_type ())
G_DECLARE_FINAL_TYPE (TpSetCommand, tp_set_command, TP, SET_COMMAND, TpCommand)

/* Sets one property of the journey or an element. Consecutive sets of the
 * same property of the same object merge into one step (typing a title). */
TpCommand *tp_set_command_new (const char   *label,
                               GObject      *object,
                               const char   *property,
                               const GValue *value);

#define TP_TYPE_INSERT_COMMAND (tp_insert_command_get_type ())
G_DECLARE_FINAL_TYPE (TpInsertCommand, tp_insert_command, TP, INSERT_COMMAND, TpCommand)

/* Inserts (or, with @remove, removes) an element at a position in its list. */
TpCommand *tp_insert_command_new (const char *label,
                                  TpJourney  *journey,
                                  TpElement  *element,
                                  guint       position,
                                  gboolean    remove);

#define TP_TYPE_MOVE_COMMAND (tp_move_command_get_type ())
G_DECLARE_FINAL_TYPE (TpMoveCommand, tp_move_command, TP, MOVE_COMMAND, TpCommand)

/* Moves an element from one position of its list to another. */
TpCommand *tp_move_command_new (const char *label,
                                TpJourney  *journey,
                                TpElement  *element,
                                guint       from,
                                guint       to);

G_END_DECLS
