/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tp-journey-format.h"
#include "tp-layout.h"
#include "tp-recovery.h"
#include "tp-renderer.h"
#include "tp-window.h"

#define THUMBNAIL_WIDTH 128
#define THUMBNAIL_MAX_HEIGHT 80

void
tp_recovered_draft_free (TpRecoveredDraft *recovered)
{
  if (recovered == NULL)
    return;
  tp_draft_free (recovered->draft);
  g_clear_object (&recovered->journey);
  g_clear_pointer (&recovered->thumbnail, cairo_surface_destroy);
  g_free (recovered);
}

/* ---------------------------------------------------------------- finding */

typedef struct {
  char *folder;
  char *owner;
  gboolean dark;
  int scale;
} FindData;

static void
find_data_free (FindData *data)
{
  g_free (data->folder);
  g_free (data->owner);
  g_free (data);
}

/* The whole map, scaled to the thumbnail's width (its top when it is very
 * tall), drawn as the canvas draws it. */
static cairo_surface_t *
draw_thumbnail (TpJourney *journey,
                gboolean   dark,
                int        scale)
{
  g_autoptr(TpLayout) layout = tp_layout_new (journey, NULL);
  TpRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, zoom;
  int thumbnail_height;

  tp_layout_get_size (layout, &width, &height);
  if (width <= 0 || height <= 0)
    return NULL;
  zoom = THUMBNAIL_WIDTH / width;
  thumbnail_height = CLAMP ((int) (height * zoom + 0.5), 1, THUMBNAIL_MAX_HEIGHT);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, THUMBNAIL_WIDTH * scale,
                                        thumbnail_height * scale);
  tp_render_options_init (&options);
  options.palette = dark ? TP_PALETTE_DARK : TP_PALETTE_LIGHT;
  cr = cairo_create (surface);
  cairo_scale (cr, zoom * scale, zoom * scale);
  tp_render_journey (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FindData *data = task_data;
  g_autoptr(GPtrArray) drafts = NULL;
  GPtrArray *found;
  GError *error = NULL;

  drafts = tp_draft_claim_orphans (data->folder, data->owner, &error);
  if (drafts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_recovered_draft_free);
  for (guint i = 0; i < drafts->len; i++)
    {
      TpDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(TpJourney) journey = NULL;
      g_autoptr(GError) parse_error = NULL;
      g_autofree char *name = g_path_get_basename (draft->path);
      TpRecoveredDraft *recovered;
      gsize length;
      const char *bytes = g_bytes_get_data (draft->journey, &length);

      journey = tp_journey_format_read (bytes, length, name, &parse_error);
      if (journey == NULL)
        {
          /* Kept for a person to look at, never offered again. */
          g_autofree char *broken = g_strconcat (draft->path, ".broken", NULL);

          g_message ("Set aside a draft whose journey cannot be read: %s", parse_error->message);
          g_rename (draft->path, broken);
          continue;
        }

      recovered = g_new0 (TpRecoveredDraft, 1);
      recovered->draft = g_steal_pointer (&g_ptr_array_index (drafts, i));
      recovered->journey = g_steal_pointer (&journey);
      recovered->thumbnail = draw_thumbnail (recovered->journey, data->dark, data->scale);
      recovered->thumbnail_scale = data->scale;
      g_ptr_array_add (found, recovered);
    }
  g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
}

void
tp_recovery_find_drafts_async (const char          *folder,
                               const char          *owner,
                               gboolean             dark,
                               int                  scale,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  FindData *data = g_new0 (FindData, 1);

  data->folder = g_strdup (folder);
  data->owner = g_strdup (owner);
  data->dark = dark;
  data->scale = MAX (scale, 1);
  g_task_set_source_tag (task, tp_recovery_find_drafts_async);
  g_task_set_task_data (task, data, (GDestroyNotify) find_data_free);
  g_task_run_in_thread (task, find_thread);
}

GPtrArray *
tp_recovery_find_drafts_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---------------------------------------------------------------- dialog */

struct _TpRecoveryDialog
{
  AdwMessageDialog parent_instance;

  GtkListBox *list;
  /* TpRecoveredDraft not yet recovered or discarded, by row. */
  GHashTable *pending;
};

G_DEFINE_FINAL_TYPE (TpRecoveryDialog, tp_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECOVER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_thumbnail_cb (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  TpRecoveredDraft *recovered = user_data;

  cairo_scale (cr, 1.0 / recovered->thumbnail_scale, 1.0 / recovered->thumbnail_scale);
  cairo_set_source_surface (cr, recovered->thumbnail, 0, 0);
  cairo_paint (cr);
}

/* "Today at 14:05", or a date and time. */
static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: when a draft was saved today, as g_date_time_format() takes it */
    return g_date_time_format (local, _("Today at %H:%M"));
  /* Translators: when a draft was saved, as g_date_time_format() takes it */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static char *
dup_subtitle (TpRecoveredDraft *recovered)
{
  g_autofree char *time = format_time (recovered->draft->time);
  g_autofree char *where = NULL;

  if (recovered->draft->original_uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (recovered->draft->original_uri);

      where = tp_window_dup_folder_text (file);
    }
  else
    where = g_strdup (_("Never saved"));
  /* The file's name is the title: its folder, on a line of its own. */
  return g_strconcat (time, "\n", where, NULL);
}

static void
remove_row (TpRecoveryDialog *self,
            GtkWidget        *row)
{
  g_hash_table_remove (self->pending, row);
  gtk_list_box_remove (self->list, row);
  if (g_hash_table_size (self->pending) == 0)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
recover_row (TpRecoveryDialog *self,
             GtkWidget        *row)
{
  TpRecoveredDraft *recovered = g_hash_table_lookup (self->pending, row);

  g_signal_emit (self, signals[RECOVER], 0, recovered);
}

static void
discard_row (TpRecoveryDialog *self,
             GtkWidget        *row)
{
  TpRecoveredDraft *recovered = g_hash_table_lookup (self->pending, row);
  g_autoptr(GError) error = NULL;

  if (!tp_draft_remove (recovered->draft->path, &error))
    g_warning ("%s", error->message);
}

static void
on_row_recover (GtkButton *button,
                GtkWidget *row)
{
  TpRecoveryDialog *self = TP_RECOVERY_DIALOG (gtk_widget_get_root (row));

  recover_row (self, row);
  remove_row (self, row);
}

static void
on_row_discard (GtkButton *button,
                GtkWidget *row)
{
  TpRecoveryDialog *self = TP_RECOVERY_DIALOG (gtk_widget_get_root (row));

  discard_row (self, row);
  remove_row (self, row);
}

static void
tp_recovery_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  TpRecoveryDialog *self = TP_RECOVERY_DIALOG (dialog);

  /* In the order they are listed. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!g_hash_table_contains (self->pending, row))
        continue;
      if (g_str_equal (response, "recover"))
        recover_row (self, row);
      else if (g_str_equal (response, "discard"))
        discard_row (self, row);
    }
  /* "later" (Escape, closing): the drafts stay for the next start. */
  g_hash_table_remove_all (self->pending);
}

static void
tp_recovery_dialog_finalize (GObject *object)
{
  TpRecoveryDialog *self = TP_RECOVERY_DIALOG (object);

  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (tp_recovery_dialog_parent_class)->finalize (object);
}

static void
tp_recovery_dialog_class_init (TpRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->finalize = tp_recovery_dialog_finalize;
  dialog_class->response = tp_recovery_dialog_response;

  /* (recovered: TpRecoveredDraft *, owned by the dialog) */
  signals[RECOVER] =
    g_signal_new ("recover", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
tp_recovery_dialog_init (TpRecoveryDialog *self)
{
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tp_recovered_draft_free);
}

static GtkWidget *
make_row (TpRecoveredDraft *recovered,
          gboolean          with_buttons)
{
  g_autofree char *subtitle = dup_subtitle (recovered);
  const char *title = recovered->draft->title;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *title != '\0' ? title : _("Untitled journey"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  if (recovered->thumbnail != NULL)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      int height = cairo_image_surface_get_height (recovered->thumbnail) / recovered->thumbnail_scale;

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMBNAIL_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_thumbnail_cb, recovered, NULL);
      gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
      gtk_widget_set_overflow (area, GTK_OVERFLOW_HIDDEN);
      gtk_widget_add_css_class (area, "draft-thumbnail");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Thumbnail of the journey"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), area);
    }

  if (with_buttons)
    {
      /* Icons, so that the title keeps its room; named for tooltips and
       * screen readers. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
      GtkWidget *recover = gtk_button_new_from_icon_name ("document-revert-symbolic");

      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (discard, _("Discard"));
      gtk_widget_set_tooltip_text (recover, _("Recover"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"), -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (recover), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recover"), -1);
      gtk_widget_add_css_class (discard, "flat");
      gtk_widget_add_css_class (recover, "flat");
      gtk_widget_add_css_class (discard, "circular");
      gtk_widget_add_css_class (recover, "circular");
      gtk_box_append (GTK_BOX (box), discard);
      gtk_box_append (GTK_BOX (box), recover);
      g_signal_connect_object (discard, "clicked", G_CALLBACK (on_row_discard), row, 0);
      g_signal_connect_object (recover, "clicked", G_CALLBACK (on_row_recover), row, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
    }
  return row;
}

TpRecoveryDialog *
tp_recovery_dialog_new (GtkWindow *parent,
                        GPtrArray *drafts)
{
  TpRecoveryDialog *self;
  AdwMessageDialog *dialog;
  guint n;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (drafts != NULL && drafts->len > 0, NULL);

  n = drafts->len;
  self = g_object_new (TP_TYPE_RECOVERY_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_set_heading (dialog, ngettext ("Recover Unsaved Journey?",
                                                    "Recover Unsaved Journeys?", n));
  adw_message_dialog_set_body (dialog, ngettext ("Touchpoint closed before this journey was saved. "
                                                 "Recovering opens it with the changes; its file stays "
                                                 "as it was until you save.",
                                                 "Touchpoint closed before these journeys were saved. "
                                                 "Recovering opens them with the changes; their files "
                                                 "stay as they were until you save.", n));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      TpRecoveredDraft *recovered = g_ptr_array_steal_index (drafts, 0);
      GtkWidget *row = make_row (recovered, n > 1);

      gtk_list_box_append (self->list, row);
      g_hash_table_insert (self->pending, row, recovered);
    }
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (self->list));

  adw_message_dialog_add_responses (dialog,
                                    "discard", n > 1 ? _("_Discard All") : _("_Discard"),
                                    "recover", n > 1 ? _("_Recover All") : _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  /* Escape decides nothing: the drafts are offered again next time. */
  adw_message_dialog_set_close_response (dialog, "later");
  return self;
}
