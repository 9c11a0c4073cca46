/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-autosave.h"
#include "tp-draft.h"
#include "tp-journey-format.h"

struct _TpAutosave
{
  GObject parent_instance;

  TpDocument *document;
  char *draft_path;
  guint delay_ms;
  guint timeout_id;
  gint64 first_unwritten;   /* monotonic µs of the oldest unwritten edit */
  /* A draft may be on disk: worth removing. */
  gboolean may_exist;

  /* Writes run on worker threads and may finish out of order; each has a
   * number. Under @lock: the file, the newest number written and the
   * number up to which a removal has voided writes. */
  GMutex lock;
  guint requested;
  guint written;
  guint removed;
};

G_DEFINE_FINAL_TYPE (TpAutosave, tp_autosave, G_TYPE_OBJECT)

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  TpJourney *snapshot;
  TpDraft *draft;
  guint number;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_object (&data->snapshot);
  tp_draft_free (data->draft);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TpAutosave *self = source_object;
  WriteData *data = task_data;
  GError *error = NULL;
  gboolean wrote = FALSE;

  /* The slow part outside the lock, so a removal waits for a file write
   * at most. */
  data->draft->journey = tp_journey_format_write (data->snapshot);

  g_mutex_lock (&self->lock);
  if (data->number > self->removed && data->number > self->written)
    {
      wrote = tp_draft_write (data->draft, self->draft_path, &error);
      if (wrote)
        self->written = data->number;
    }
  g_mutex_unlock (&self->lock);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, wrote);
}

static void
on_written (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  TpAutosave *self = TP_AUTOSAVE (source);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_signal_emit (self, signals[WRITTEN], 0);
  else if (error != NULL)
    g_warning ("Could not write the draft of an unsaved journey: %s", error->message);
}

static void
start_write (TpAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  GFile *file = tp_document_get_file (self->document);
  WriteData *data = g_new0 (WriteData, 1);
  const char *etag;
  const char *checksum;
  gsize size;

  /* The snapshot is taken here, on the main thread, where the journey
   * lives; the worker only reads its copy. */
  data->snapshot = tp_journey_snapshot (tp_document_get_journey (self->document));
  data->draft = tp_draft_new ();
  data->draft->title = tp_document_dup_display_name (self->document);
  if (file != NULL)
    {
      data->draft->original_uri = g_file_get_uri (file);
      tp_document_get_file_state (self->document, &etag, &size, &checksum);
      data->draft->original_etag = g_strdup (etag);
      data->draft->original_size = size;
      data->draft->original_checksum = g_strdup (checksum);
    }
  data->number = ++self->requested;
  self->may_exist = TRUE;

  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  TpAutosave *self = user_data;

  self->timeout_id = 0;
  self->first_unwritten = 0;
  start_write (self);
  return G_SOURCE_REMOVE;
}

static void
remove_draft (TpAutosave *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->first_unwritten = 0;
  if (!self->may_exist)
    return;

  g_mutex_lock (&self->lock);
  self->removed = self->requested;
  if (!tp_draft_remove (self->draft_path, &error))
    g_warning ("%s", error->message);
  g_mutex_unlock (&self->lock);
  self->may_exist = FALSE;
}

static void
on_history_changed (TpAutosave *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 waited_ms;
  guint delay;

  if (!tp_document_get_modified (self->document))
    {
      remove_draft (self);
      return;
    }

  if (self->first_unwritten == 0)
    self->first_unwritten = now;
  waited_ms = (now - self->first_unwritten) / 1000;
  delay = MIN (self->delay_ms, (guint) MAX (0, TP_AUTOSAVE_MAX_WAIT_MS - waited_ms));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, timeout_cb, self);
}

static void
tp_autosave_dispose (GObject *object)
{
  TpAutosave *self = TP_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tp_autosave_parent_class)->dispose (object);
}

static void
tp_autosave_finalize (GObject *object)
{
  TpAutosave *self = TP_AUTOSAVE (object);

  g_free (self->draft_path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tp_autosave_parent_class)->finalize (object);
}

static void
tp_autosave_class_init (TpAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_autosave_dispose;
  object_class->finalize = tp_autosave_finalize;

  /* A draft was written (on the main thread, after the worker's write). */
  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tp_autosave_init (TpAutosave *self)
{
  g_mutex_init (&self->lock);
  self->delay_ms = TP_AUTOSAVE_DEFAULT_DELAY_MS;
}

TpAutosave *
tp_autosave_new (TpDocument *document,
                 const char *draft_path)
{
  TpAutosave *self;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (draft_path != NULL, NULL);

  self = g_object_new (TP_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->draft_path = g_strdup (draft_path);
  /* A recovered draft is there already. */
  self->may_exist = g_file_test (draft_path, G_FILE_TEST_EXISTS);
  g_signal_connect_object (tp_document_get_history (document), "changed",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
  return self;
}

const char *
tp_autosave_get_draft_path (TpAutosave *self)
{
  g_return_val_if_fail (TP_IS_AUTOSAVE (self), NULL);
  return self->draft_path;
}

void
tp_autosave_set_delay (TpAutosave *self,
                       guint       delay_ms)
{
  g_return_if_fail (TP_IS_AUTOSAVE (self));
  self->delay_ms = delay_ms;
}

void
tp_autosave_discard (TpAutosave *self)
{
  g_return_if_fail (TP_IS_AUTOSAVE (self));
  remove_draft (self);
}
