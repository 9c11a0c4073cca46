/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-release.h"

/* Set from the main thread before any export runs; exports in worker
 * threads (the GUI's) only read it and never defer. */
static gboolean deferred;
static GPtrArray *kept;
G_LOCK_DEFINE_STATIC (kept);

void
tp_release_set_deferred (gboolean defer)
{
  deferred = defer;
  if (!defer)
    tp_release_flush ();
}

void
tp_release (gpointer object)
{
  if (object == NULL)
    return;
  g_return_if_fail (G_IS_OBJECT (object));

  if (!deferred)
    {
      g_object_unref (object);
      return;
    }
  G_LOCK (kept);
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, object);
  G_UNLOCK (kept);
}

void
tp_release_flush (void)
{
  GPtrArray *objects;

  G_LOCK (kept);
  objects = g_steal_pointer (&kept);
  G_UNLOCK (kept);
  if (objects == NULL)
    return;
  /* Last kept, first released: a layout before the journey it lays out. */
  for (guint i = objects->len; i > 0; i--)
    g_object_unref (g_ptr_array_index (objects, i - 1));
  g_ptr_array_unref (objects);
}
