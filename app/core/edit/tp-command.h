/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TP_TYPE_COMMAND (tp_command_get_type ())

G_DECLARE_DERIVABLE_TYPE (TpCommand, tp_command, TP, COMMAND, GObject)

/* One reversible change of a document.  TpCommand is abstract:
 * subclasses must implement apply and revert. */
struct _TpCommandClass
{
  GObjectClass parent_class;

  /* Do (and redo) the change. */
  void     (*apply)  (TpCommand *self);
  /* Undo it. */
  void     (*revert) (TpCommand *self);
  /* Absorb @next into @self (e.g. two edits of the same field of the same
   * object: keep self's old value, take next's new value), so that applying
   * or reverting @self afterwards equals doing so for both.  @next has
   * already been applied when this is called.  Return TRUE if merged.
   * The default returns FALSE. */
  gboolean (*merge)  (TpCommand *self,
                      TpCommand *next);
};

void        tp_command_apply     (TpCommand  *self);
void        tp_command_revert    (TpCommand  *self);
gboolean    tp_command_merge     (TpCommand  *self,
                                  TpCommand  *next);
const char *tp_command_get_label (TpCommand  *self);
void        tp_command_set_label (TpCommand  *self,
                                  const char *label);

G_END_DECLS
