/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-edit-commands.h"

/* ---------------------------------------------------------------- set */

struct _TpSetCommand
{
  TpCommand parent_instance;
  GObject *object;
  GParamSpec *pspec;
  GValue old_value;
  GValue new_value;
};

G_DEFINE_FINAL_TYPE (TpSetCommand, tp_set_command, TP_TYPE_COMMAND)

static void
tp_set_command_apply (TpCommand *command)
{
  TpSetCommand *self = TP_SET_COMMAND (command);
  g_object_set_property (self->object, self->pspec->name, &self->new_value);
}

static void
tp_set_command_revert (TpCommand *command)
{
  TpSetCommand *self = TP_SET_COMMAND (command);
  g_object_set_property (self->object, self->pspec->name, &self->old_value);
}

static gboolean
tp_set_command_merge (TpCommand *command,
                      TpCommand *next)
{
  TpSetCommand *self = TP_SET_COMMAND (command);
  TpSetCommand *other;

  if (!TP_IS_SET_COMMAND (next))
    return FALSE;

  other = TP_SET_COMMAND (next);
  if (other->object != self->object || other->pspec != self->pspec)
    return FALSE;

  g_value_copy (&other->new_value, g_value_reset (&self->new_value));
  return TRUE;
}

static void
tp_set_command_finalize (GObject *object)
{
  TpSetCommand *self = TP_SET_COMMAND (object);

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (tp_set_command_parent_class)->finalize (object);
}

static void
tp_set_command_class_init (TpSetCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tp_set_command_finalize;
  TP_COMMAND_CLASS (klass)->apply = tp_set_command_apply;
  TP_COMMAND_CLASS (klass)->revert = tp_set_command_revert;
  TP_COMMAND_CLASS (klass)->merge = tp_set_command_merge;
}

static void
tp_set_command_init (TpSetCommand *self)
{
}

TpCommand *
tp_set_command_new (const char   *label,
                    GObject      *object,
                    const char   *property,
                    const GValue *value)
{
  TpSetCommand *self;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), NULL);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, NULL);

  self = g_object_new (TP_TYPE_SET_COMMAND, "label", label, NULL);
  self->object = g_object_ref (object);
  self->pspec = pspec;
  g_value_init (&self->old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &self->old_value);
  g_value_init (&self->new_value, pspec->value_type);
  g_value_copy (value, &self->new_value);

  return TP_COMMAND (self);
}

/* ---------------------------------------------------------------- insert/remove */

struct _TpInsertCommand
{
  TpCommand parent_instance;
  TpJourney *journey;
  TpElement *element;
  guint position;
  gboolean remove;
};

G_DEFINE_FINAL_TYPE (TpInsertCommand, tp_insert_command, TP_TYPE_COMMAND)

static void
insert_or_remove (TpInsertCommand *self,
                  gboolean         insert)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (insert)
    ok = tp_journey_insert (self->journey, self->element, self->position, &error);
  else
    ok = tp_journey_remove (self->journey, self->element, &error);

  /* TpDocument checked before building the command; a failure is a bug. */
  if (!ok)
    g_critical ("Cannot %s “%s”: %s", insert ? "insert" : "remove",
                tp_element_get_id (self->element), error->message);
}

static void
tp_insert_command_apply (TpCommand *command)
{
  TpInsertCommand *self = TP_INSERT_COMMAND (command);
  insert_or_remove (self, !self->remove);
}

static void
tp_insert_command_revert (TpCommand *command)
{
  TpInsertCommand *self = TP_INSERT_COMMAND (command);
  insert_or_remove (self, self->remove);
}

static void
tp_insert_command_finalize (GObject *object)
{
  TpInsertCommand *self = TP_INSERT_COMMAND (object);

  g_clear_object (&self->journey);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (tp_insert_command_parent_class)->finalize (object);
}

static void
tp_insert_command_class_init (TpInsertCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tp_insert_command_finalize;
  TP_COMMAND_CLASS (klass)->apply = tp_insert_command_apply;
  TP_COMMAND_CLASS (klass)->revert = tp_insert_command_revert;
}

static void
tp_insert_command_init (TpInsertCommand *self)
{
}

TpCommand *
tp_insert_command_new (const char *label,
                       TpJourney  *journey,
                       TpElement  *element,
                       guint       position,
                       gboolean    remove)
{
  TpInsertCommand *self = g_object_new (TP_TYPE_INSERT_COMMAND, "label", label, NULL);

  self->journey = g_object_ref (journey);
  self->element = g_object_ref (element);
  self->position = position;
  self->remove = remove;

  return TP_COMMAND (self);
}

/* ---------------------------------------------------------------- move */

struct _TpMoveCommand
{
  TpCommand parent_instance;
  TpJourney *journey;
  TpElement *element;
  guint from;
  guint to;
};

G_DEFINE_FINAL_TYPE (TpMoveCommand, tp_move_command, TP_TYPE_COMMAND)

static void
tp_move_command_apply (TpCommand *command)
{
  TpMoveCommand *self = TP_MOVE_COMMAND (command);
  tp_journey_move (self->journey, self->element, self->to);
}

static void
tp_move_command_revert (TpCommand *command)
{
  TpMoveCommand *self = TP_MOVE_COMMAND (command);
  tp_journey_move (self->journey, self->element, self->from);
}

static void
tp_move_command_finalize (GObject *object)
{
  TpMoveCommand *self = TP_MOVE_COMMAND (object);

  g_clear_object (&self->journey);
  g_clear_object (&self->element);

  G_OBJECT_CLASS (tp_move_command_parent_class)->finalize (object);
}

static void
tp_move_command_class_init (TpMoveCommandClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tp_move_command_finalize;
  TP_COMMAND_CLASS (klass)->apply = tp_move_command_apply;
  TP_COMMAND_CLASS (klass)->revert = tp_move_command_revert;
}

static void
tp_move_command_init (TpMoveCommand *self)
{
}

TpCommand *
tp_move_command_new (const char *label,
                     TpJourney  *journey,
                     TpElement  *element,
                     guint       from,
                     guint       to)
{
  TpMoveCommand *self = g_object_new (TP_TYPE_MOVE_COMMAND, "label", label, NULL);

  self->journey = g_object_ref (journey);
  self->element = g_object_ref (element);
  self->from = from;
  self->to = to;

  return TP_COMMAND (self);
}
