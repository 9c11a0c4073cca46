/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-command.h"

typedef struct
{
  char *label;
} TpCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TpCommand, tp_command, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tp_command_real_apply (TpCommand *self)
{
  g_critical ("%s does not implement TpCommand.apply()",
              G_OBJECT_TYPE_NAME (self));
}

static void
tp_command_real_revert (TpCommand *self)
{
  g_critical ("%s does not implement TpCommand.revert()",
              G_OBJECT_TYPE_NAME (self));
}

static gboolean
tp_command_real_merge (TpCommand *self,
                       TpCommand *next)
{
  return FALSE;
}

static void
tp_command_finalize (GObject *object)
{
  TpCommand *self = TP_COMMAND (object);
  TpCommandPrivate *priv = tp_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);

  G_OBJECT_CLASS (tp_command_parent_class)->finalize (object);
}

static void
tp_command_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpCommand *self = TP_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, tp_command_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_command_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TpCommand *self = TP_COMMAND (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      tp_command_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_command_class_init (TpCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_command_finalize;
  object_class->get_property = tp_command_get_property;
  object_class->set_property = tp_command_set_property;

  klass->apply = tp_command_real_apply;
  klass->revert = tp_command_real_revert;
  klass->merge = tp_command_real_merge;

  /**
   * TpCommand:label:
   *
   * What the command does, for "Undo <label>" menu items, e.g.
   * "Move Touchpoint".  Already translated by the caller; may be %NULL.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_command_init (TpCommand *self)
{
}

/**
 * tp_command_apply:
 * @self: a #TpCommand
 *
 * Does the change, or does it again after tp_command_revert().
 */
void
tp_command_apply (TpCommand *self)
{
  g_return_if_fail (TP_IS_COMMAND (self));

  TP_COMMAND_GET_CLASS (self)->apply (self);
}

/**
 * tp_command_revert:
 * @self: a #TpCommand
 *
 * Undoes what tp_command_apply() did.
 */
void
tp_command_revert (TpCommand *self)
{
  g_return_if_fail (TP_IS_COMMAND (self));

  TP_COMMAND_GET_CLASS (self)->revert (self);
}

/**
 * tp_command_merge:
 * @self: a #TpCommand
 * @next: a #TpCommand applied right after @self
 *
 * Tries to absorb @next into @self so that both become one step.
 * @self decides; @next may be of another type.  When this returns
 * %TRUE the caller drops @next instead of recording it.
 *
 * Returns: %TRUE if @next was merged into @self
 */
gboolean
tp_command_merge (TpCommand *self,
                  TpCommand *next)
{
  g_return_val_if_fail (TP_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (TP_IS_COMMAND (next), FALSE);
  g_return_val_if_fail (self != next, FALSE);

  return TP_COMMAND_GET_CLASS (self)->merge (self, next);
}

/**
 * tp_command_get_label:
 * @self: a #TpCommand
 *
 * Returns: (nullable): the label of the command
 */
const char *
tp_command_get_label (TpCommand *self)
{
  TpCommandPrivate *priv;

  g_return_val_if_fail (TP_IS_COMMAND (self), NULL);

  priv = tp_command_get_instance_private (self);

  return priv->label;
}

/**
 * tp_command_set_label:
 * @self: a #TpCommand
 * @label: (nullable): a translated label
 *
 * Sets the label shown for the command, e.g. in "Undo Move Touchpoint".
 */
void
tp_command_set_label (TpCommand  *self,
                      const char *label)
{
  TpCommandPrivate *priv;

  g_return_if_fail (TP_IS_COMMAND (self));

  priv = tp_command_get_instance_private (self);

  /* g_set_str() is newer than our GLib baseline. */
  if (g_strcmp0 (priv->label, label) == 0)
    return;

  g_free (priv->label);
  priv->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
