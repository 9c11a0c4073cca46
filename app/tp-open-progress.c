/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-journey-format.h"
#include "tp-open-progress.h"

struct _TpOpenProgress
{
  GtkWidget parent_instance;

  GFile *file;
  GCancellable *cancellable;
  gboolean done;

  GtkWidget *spinner;
  GtkWidget *label;
  GtkWidget *cancel_button;
};

G_DEFINE_FINAL_TYPE (TpOpenProgress, tp_open_progress, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_done (TpOpenProgress *self,
           TpDocument     *document,
           const GError   *error)
{
  if (self->done)
    return;
  self->done = TRUE;
  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  g_signal_emit (self, signals[DONE], 0, document, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  GError *error = NULL;
  TpDocument *document = tp_document_new_from_file (file, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TpOpenProgress *self = TP_OPEN_PROGRESS (source);
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  /* A cancelled load has already said so. */
  document = g_task_propagate_pointer (G_TASK (result), &error);
  emit_done (self, document, error);
}

static void
on_cancel_clicked (TpOpenProgress *self)
{
  tp_open_progress_cancel (self);
}

static void
tp_open_progress_dispose (GObject *object)
{
  TpOpenProgress *self = TP_OPEN_PROGRESS (object);
  GtkWidget *child;

  /* Gone with its window: the load is no longer wanted. */
  g_cancellable_cancel (self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tp_open_progress_parent_class)->dispose (object);
}

static void
tp_open_progress_finalize (GObject *object)
{
  TpOpenProgress *self = TP_OPEN_PROGRESS (object);

  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (tp_open_progress_parent_class)->finalize (object);
}

static void
tp_open_progress_class_init (TpOpenProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_open_progress_dispose;
  object_class->finalize = tp_open_progress_finalize;

  /* (document: TpDocument or NULL, error: const GError * or NULL) */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, TP_TYPE_DOCUMENT, G_TYPE_POINTER);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "openprogress");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
tp_open_progress_init (TpOpenProgress *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 12);
  self->cancellable = g_cancellable_new ();

  self->spinner = gtk_spinner_new ();
  gtk_widget_set_parent (self->spinner, GTK_WIDGET (self));
  self->label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_valign (self->cancel_button, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->cancel_button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);
}

TpOpenProgress *
tp_open_progress_new (GFile *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  TpOpenProgress *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TP_TYPE_OPEN_PROGRESS, NULL);
  self->file = g_object_ref (file);
  name = tp_file_dup_display_basename (file);
  /* Translators: shown while a journey loads; %s is a file name */
  text = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_spinner_start (GTK_SPINNER (self->spinner));

  /* The task keeps the widget (and so its signal) alive until the worker
   * is done, even when its window went first. */
  task = g_task_new (self, self->cancellable, on_loaded, NULL);
  g_task_set_source_tag (task, tp_open_progress_new);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
  return self;
}

GFile *
tp_open_progress_get_file (TpOpenProgress *self)
{
  g_return_val_if_fail (TP_IS_OPEN_PROGRESS (self), NULL);
  return self->file;
}

void
tp_open_progress_cancel (TpOpenProgress *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TP_IS_OPEN_PROGRESS (self));

  g_cancellable_cancel (self->cancellable);
  g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Opening was cancelled"));
  emit_done (self, NULL, error);
}
