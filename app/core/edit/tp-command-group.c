/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-command-group.h"

/* A sequence of commands that is done and undone as one step. */
struct _TpCommandGroup
{
  TpCommand  parent_instance;

  GPtrArray *children;
};

G_DEFINE_FINAL_TYPE (TpCommandGroup, tp_command_group, TP_TYPE_COMMAND)

static void
tp_command_group_apply (TpCommand *command)
{
  TpCommandGroup *self = TP_COMMAND_GROUP (command);

  for (guint i = 0; i < self->children->len; i++)
    tp_command_apply (g_ptr_array_index (self->children, i));
}

static void
tp_command_group_revert (TpCommand *command)
{
  TpCommandGroup *self = TP_COMMAND_GROUP (command);

  /* Later children may depend on what earlier ones did. */
  for (guint i = self->children->len; i > 0; i--)
    tp_command_revert (g_ptr_array_index (self->children, i - 1));
}

static void
tp_command_group_dispose (GObject *object)
{
  TpCommandGroup *self = TP_COMMAND_GROUP (object);

  g_ptr_array_set_size (self->children, 0);

  G_OBJECT_CLASS (tp_command_group_parent_class)->dispose (object);
}

static void
tp_command_group_finalize (GObject *object)
{
  TpCommandGroup *self = TP_COMMAND_GROUP (object);

  g_clear_pointer (&self->children, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_command_group_parent_class)->finalize (object);
}

static void
tp_command_group_class_init (TpCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpCommandClass *command_class = TP_COMMAND_CLASS (klass);

  object_class->dispose = tp_command_group_dispose;
  object_class->finalize = tp_command_group_finalize;

  command_class->apply = tp_command_group_apply;
  command_class->revert = tp_command_group_revert;
}

static void
tp_command_group_init (TpCommandGroup *self)
{
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tp_command_group_new:
 * @label: (nullable): the label of the whole group
 *
 * Returns: (transfer full): a new, empty #TpCommandGroup
 */
TpCommandGroup *
tp_command_group_new (const char *label)
{
  return g_object_new (TP_TYPE_COMMAND_GROUP,
                       "label", label,
                       NULL);
}

/**
 * tp_command_group_add:
 * @self: a #TpCommandGroup
 * @child: (transfer none): a command; the group takes its own reference
 *
 * Appends @child, or merges it into the last child when that one accepts
 * it (see tp_command_merge()).  @child is not applied here.
 */
void
tp_command_group_add (TpCommandGroup *self,
                      TpCommand      *child)
{
  g_return_if_fail (TP_IS_COMMAND_GROUP (self));
  g_return_if_fail (TP_IS_COMMAND (child));
  g_return_if_fail ((gpointer) child != (gpointer) self);

  if (self->children->len > 0)
    {
      TpCommand *last = g_ptr_array_index (self->children,
                                           self->children->len - 1);

      if (tp_command_merge (last, child))
        return;
    }

  g_ptr_array_add (self->children, g_object_ref (child));
}

/**
 * tp_command_group_get_size:
 * @self: a #TpCommandGroup
 *
 * Returns: the number of children, after merging
 */
guint
tp_command_group_get_size (TpCommandGroup *self)
{
  g_return_val_if_fail (TP_IS_COMMAND_GROUP (self), 0);

  return self->children->len;
}

/**
 * tp_command_group_get_child:
 * @self: a #TpCommandGroup
 * @position: the index of a child, in the order they are applied
 *
 * Returns: (transfer none): the child at @position
 */
TpCommand *
tp_command_group_get_child (TpCommandGroup *self,
                            guint           position)
{
  g_return_val_if_fail (TP_IS_COMMAND_GROUP (self), NULL);
  g_return_val_if_fail (position < self->children->len, NULL);

  return g_ptr_array_index (self->children, position);
}
