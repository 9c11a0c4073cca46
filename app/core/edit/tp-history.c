/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-command-group.h"
#include "tp-history.h"

/* The undo/redo history of one document.
 *
 * Commands live on two stacks.  A step is "at depth n" when n commands
 * are on the undo stack; the document state is fully described by that
 * depth, because every push drops the redo stack and merging is never
 * allowed into the step at the saved depth.  That lets the saved marker
 * be a plain depth.
 *
 * Labels are read from the commands on demand: changing the label of a
 * command that is already recorded does not notify "undo-label".
 */

/* The saved state was dropped from the redo stack and can't come back. */
#define SAVED_DEPTH_NONE G_MAXUINT

struct _TpHistory
{
  GObject         parent_instance;

  GPtrArray      *undo;         /* of TpCommand, oldest first */
  GPtrArray      *redo;         /* of TpCommand, next to redo last */

  TpCommandGroup *group;        /* the outermost open group, or NULL */
  guint           group_depth;

  guint           saved_depth;  /* undo->len at the last save */

  guint           coalesce_broken : 1;
  guint           busy : 1;     /* inside a command's apply/revert/merge */
};

G_DEFINE_FINAL_TYPE (TpHistory, tp_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the properties said before an operation, so that we notify only
 * for values that really changed.  Labels are copied because the
 * commands owning them may be finalized by the operation. */
typedef struct
{
  char     *undo_label;
  char     *redo_label;
  gboolean  can_undo;
  gboolean  can_redo;
  gboolean  modified;
} HistoryState;

static void
history_state_save (TpHistory    *self,
                    HistoryState *state)
{
  state->undo_label = g_strdup (tp_history_get_undo_label (self));
  state->redo_label = g_strdup (tp_history_get_redo_label (self));
  state->can_undo = tp_history_can_undo (self);
  state->can_redo = tp_history_can_redo (self);
  state->modified = tp_history_is_modified (self);
}

/* Ends an operation: notifies what changed, then emits ::changed. */
static void
tp_history_finish (TpHistory    *self,
                   HistoryState *before)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  if (before->can_undo != tp_history_can_undo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
  if (before->can_redo != tp_history_can_redo (self))
    g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
  if (g_strcmp0 (before->undo_label, tp_history_get_undo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (before->redo_label, tp_history_get_redo_label (self)) != 0)
    g_object_notify_by_pspec (object, properties[PROP_REDO_LABEL]);
  if (before->modified != tp_history_is_modified (self))
    g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);

  g_clear_pointer (&before->undo_label, g_free);
  g_clear_pointer (&before->redo_label, g_free);

  g_object_thaw_notify (object);

  g_signal_emit (self, signals[CHANGED], 0);
}

static TpCommand *
stack_peek (GPtrArray *stack)
{
  return stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;
}

static void
tp_history_drop_redo (TpHistory *self)
{
  if (self->redo->len == 0)
    return;

  /* The saved state is only reachable through the redo stack. */
  if (self->saved_depth != SAVED_DEPTH_NONE &&
      self->saved_depth > self->undo->len)
    self->saved_depth = SAVED_DEPTH_NONE;

  g_ptr_array_set_size (self->redo, 0);
}

static void
tp_history_record (TpHistory *self,
                   TpCommand *command,
                   gboolean   apply)
{
  HistoryState before;
  TpCommand *top;

  self->busy = TRUE;

  if (apply)
    tp_command_apply (command);

  if (self->group != NULL)
    {
      /* The group becomes visible in the history when it ends. */
      tp_command_group_add (self->group, command);
      self->busy = FALSE;
      return;
    }

  history_state_save (self, &before);

  tp_history_drop_redo (self);

  /* Never merge into the step at the saved depth: undoing the merged
   * step would then go back past the saved state. */
  top = stack_peek (self->undo);
  if (self->coalesce_broken ||
      top == NULL ||
      self->saved_depth == self->undo->len ||
      !tp_command_merge (top, command))
    g_ptr_array_add (self->undo, g_object_ref (command));

  self->coalesce_broken = FALSE;
  self->busy = FALSE;

  tp_history_finish (self, &before);
}

static void
tp_history_dispose (GObject *object)
{
  TpHistory *self = TP_HISTORY (object);

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  g_clear_object (&self->group);
  self->group_depth = 0;

  G_OBJECT_CLASS (tp_history_parent_class)->dispose (object);
}

static void
tp_history_finalize (GObject *object)
{
  TpHistory *self = TP_HISTORY (object);

  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_history_parent_class)->finalize (object);
}

static void
tp_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpHistory *self = TP_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tp_history_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tp_history_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, tp_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, tp_history_get_redo_label (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, tp_history_is_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_history_class_init (TpHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_history_dispose;
  object_class->finalize = tp_history_finalize;
  object_class->get_property = tp_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpHistory::changed:
   *
   * Emitted after every operation that may change what the history
   * shows: a push outside a group, the end or cancellation of the
   * outermost group, undo, redo, mark_saved and clear.  Pushes into an
   * open group are reported once, when the group ends.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
tp_history_init (TpHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
  self->saved_depth = 0;
}

TpHistory *
tp_history_new (void)
{
  return g_object_new (TP_TYPE_HISTORY, NULL);
}

/**
 * tp_history_push:
 * @self: a #TpHistory
 * @command: (transfer none): a command that has not been applied yet
 *
 * Applies @command, then records it; the history takes its own
 * reference.  Inside a group the command goes into the group.
 * Otherwise, unless coalescing was broken, the command on top of the
 * undo stack may absorb it (see tp_command_merge()).  Either way the
 * redo stack is dropped.
 */
void
tp_history_push (TpHistory *self,
                 TpCommand *command)
{
  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (TP_IS_COMMAND (command));
  g_return_if_fail (!self->busy);

  tp_history_record (self, command, TRUE);
}

/**
 * tp_history_push_applied:
 * @self: a #TpHistory
 * @command: (transfer none): a command whose change is already done
 *
 * Like tp_history_push() for a change the caller has already made,
 * e.g. at the end of a drag.  @command is not applied again.
 */
void
tp_history_push_applied (TpHistory *self,
                         TpCommand *command)
{
  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (TP_IS_COMMAND (command));
  g_return_if_fail (!self->busy);

  tp_history_record (self, command, FALSE);
}

/**
 * tp_history_begin_group:
 * @self: a #TpHistory
 * @label: (nullable): the label of the step
 *
 * Starts collecting pushed commands into one undo step.  Groups nest;
 * only the outermost one becomes a step, with the outermost @label.
 * Until it ends, the properties keep describing the history as it was
 * before the group (pushed commands are applied right away, though).
 */
void
tp_history_begin_group (TpHistory  *self,
                        const char *label)
{
  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (!self->busy);

  if (self->group_depth++ == 0)
    self->group = tp_command_group_new (label);
}

/**
 * tp_history_end_group:
 * @self: a #TpHistory
 *
 * Closes the innermost open group.  Closing the outermost one records
 * the group as one step, or nothing at all if it is empty (then the
 * redo stack is kept, too).
 */
void
tp_history_end_group (TpHistory *self)
{
  g_autoptr(TpCommandGroup) group = NULL;
  HistoryState before;

  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);
  g_return_if_fail (!self->busy);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);

  history_state_save (self, &before);

  if (tp_command_group_get_size (group) > 0)
    {
      tp_history_drop_redo (self);
      g_ptr_array_add (self->undo, g_object_ref (group));
      /* A group is a deliberate unit; keep the next edit apart. */
      self->coalesce_broken = TRUE;
    }

  tp_history_finish (self, &before);
}

/**
 * tp_history_cancel_group:
 * @self: a #TpHistory
 *
 * Reverts everything pushed since the outermost open group began and
 * forgets it, e.g. when Escape is pressed during a drag.  This closes
 * all open groups, nested ones included: do not call
 * tp_history_end_group() for them afterwards.  The redo stack is kept,
 * since the document is back where it was.
 */
void
tp_history_cancel_group (TpHistory *self)
{
  g_autoptr(TpCommandGroup) group = NULL;
  HistoryState before;

  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);
  g_return_if_fail (!self->busy);

  group = g_steal_pointer (&self->group);
  self->group_depth = 0;

  history_state_save (self, &before);

  self->busy = TRUE;
  tp_command_revert (TP_COMMAND (group));
  self->busy = FALSE;

  tp_history_finish (self, &before);
}

/**
 * tp_history_in_group:
 * @self: a #TpHistory
 *
 * Returns: %TRUE if a group is open
 */
gboolean
tp_history_in_group (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);

  return self->group_depth > 0;
}

/**
 * tp_history_undo:
 * @self: a #TpHistory
 *
 * Reverts the last step.  Must not be called while a group is open.
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
tp_history_undo (TpHistory *self)
{
  HistoryState before;
  TpCommand *command;

  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (self->undo->len == 0)
    return FALSE;

  history_state_save (self, &before);

  command = g_ptr_array_steal_index (self->undo, self->undo->len - 1);

  self->busy = TRUE;
  tp_command_revert (command);
  self->busy = FALSE;

  g_ptr_array_add (self->redo, command);
  /* Merging into a step the user went back to would be surprising. */
  self->coalesce_broken = TRUE;

  tp_history_finish (self, &before);

  return TRUE;
}

/**
 * tp_history_redo:
 * @self: a #TpHistory
 *
 * Applies the last undone step again.  Must not be called while a group
 * is open.
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
tp_history_redo (TpHistory *self)
{
  HistoryState before;
  TpCommand *command;

  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);
  g_return_val_if_fail (!self->busy, FALSE);

  if (self->redo->len == 0)
    return FALSE;

  history_state_save (self, &before);

  command = g_ptr_array_steal_index (self->redo, self->redo->len - 1);

  self->busy = TRUE;
  tp_command_apply (command);
  self->busy = FALSE;

  g_ptr_array_add (self->undo, command);
  /* Already broken by the undo before; kept so redo stands on its own. */
  self->coalesce_broken = TRUE;

  tp_history_finish (self, &before);

  return TRUE;
}

gboolean
tp_history_can_undo (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);

  return self->undo->len > 0;
}

gboolean
tp_history_can_redo (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);

  return self->redo->len > 0;
}

/**
 * tp_history_get_undo_label:
 * @self: a #TpHistory
 *
 * Returns: (nullable): the label of the step tp_history_undo() would
 *   revert, or %NULL if there is none
 */
const char *
tp_history_get_undo_label (TpHistory *self)
{
  TpCommand *top;

  g_return_val_if_fail (TP_IS_HISTORY (self), NULL);

  top = stack_peek (self->undo);

  return top != NULL ? tp_command_get_label (top) : NULL;
}

/**
 * tp_history_get_redo_label:
 * @self: a #TpHistory
 *
 * Returns: (nullable): the label of the step tp_history_redo() would
 *   apply, or %NULL if there is none
 */
const char *
tp_history_get_redo_label (TpHistory *self)
{
  TpCommand *top;

  g_return_val_if_fail (TP_IS_HISTORY (self), NULL);

  top = stack_peek (self->redo);

  return top != NULL ? tp_command_get_label (top) : NULL;
}

/**
 * tp_history_break_coalescing:
 * @self: a #TpHistory
 *
 * Makes the next push a step of its own, e.g. because focus moved to
 * another field.
 */
void
tp_history_break_coalescing (TpHistory *self)
{
  g_return_if_fail (TP_IS_HISTORY (self));

  self->coalesce_broken = TRUE;
}

/**
 * tp_history_mark_saved:
 * @self: a #TpHistory
 *
 * Remembers the current step as the saved state of the document.  Must
 * not be called while a group is open.
 */
void
tp_history_mark_saved (TpHistory *self)
{
  HistoryState before;

  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);
  g_return_if_fail (!self->busy);

  history_state_save (self, &before);

  self->saved_depth = self->undo->len;
  self->coalesce_broken = TRUE;

  tp_history_finish (self, &before);
}

/**
 * tp_history_mark_unsaved:
 * @self: a #TpHistory
 *
 * Forgets which step was saved: no undo or redo reaches an unmodified
 * state again.  For a journey recovered from a draft, which differs from
 * its file from the start.  Must not be called while a group is open.
 */
void
tp_history_mark_unsaved (TpHistory *self)
{
  HistoryState before;

  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);
  g_return_if_fail (!self->busy);

  history_state_save (self, &before);
  self->saved_depth = SAVED_DEPTH_NONE;
  tp_history_finish (self, &before);
}

/**
 * tp_history_is_modified:
 * @self: a #TpHistory
 *
 * Returns: %TRUE unless the history is at the saved step
 */
gboolean
tp_history_is_modified (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), FALSE);

  return self->saved_depth != self->undo->len;
}

/**
 * tp_history_clear:
 * @self: a #TpHistory
 *
 * Forgets all steps; the current state counts as saved.  Must not be
 * called while a group is open.
 */
void
tp_history_clear (TpHistory *self)
{
  HistoryState before;

  g_return_if_fail (TP_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);
  g_return_if_fail (!self->busy);

  history_state_save (self, &before);

  self->busy = TRUE;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->busy = FALSE;

  self->saved_depth = 0;
  self->coalesce_broken = FALSE;

  tp_history_finish (self, &before);
}

guint
tp_history_get_undo_depth (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), 0);

  return self->undo->len;
}

guint
tp_history_get_redo_depth (TpHistory *self)
{
  g_return_val_if_fail (TP_IS_HISTORY (self), 0);

  return self->redo->len;
}
