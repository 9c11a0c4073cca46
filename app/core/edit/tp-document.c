/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document.h"
#include "tp-edit-commands.h"
#include "tp-file-save.h"
#include "tp-journey-format.h"

struct _TpDocument
{
  GObject parent_instance;

  TpJourney *journey;
  TpHistory *history;
  GFile *file;
  char *etag;
  /* The bytes last loaded or saved: a change that keeps the modification
   * time (and so the etag) still shows in them. */
  gsize size;
  char *checksum;
  /* The file's display name, read once when the file is set: the window
   * title asks for it on every edit of the journey's title. */
  char *file_display_name;
};

G_DEFINE_FINAL_TYPE (TpDocument, tp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_FILE,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_history_modified (TpDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
tp_document_dispose (GObject *object)
{
  TpDocument *self = TP_DOCUMENT (object);

  g_clear_object (&self->history);
  g_clear_object (&self->journey);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (tp_document_parent_class)->dispose (object);
}

static void
tp_document_finalize (GObject *object)
{
  TpDocument *self = TP_DOCUMENT (object);

  g_free (self->etag);
  g_free (self->checksum);
  g_free (self->file_display_name);

  G_OBJECT_CLASS (tp_document_parent_class)->finalize (object);
}

static void
tp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpDocument *self = TP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tp_document_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_document_class_init (TpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_document_dispose;
  object_class->finalize = tp_document_finalize;
  object_class->get_property = tp_document_get_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, TP_TYPE_JOURNEY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_document_init (TpDocument *self)
{
  self->history = tp_history_new ();
  g_signal_connect_object (self->history, "notify::modified",
                           G_CALLBACK (on_history_modified), self, G_CONNECT_SWAPPED);
}

TpDocument *
tp_document_new (TpJourney *journey)
{
  TpDocument *self;

  g_return_val_if_fail (journey == NULL || TP_IS_JOURNEY (journey), NULL);

  self = g_object_new (TP_TYPE_DOCUMENT, NULL);
  self->journey = journey ? g_object_ref (journey) : tp_journey_new_default ();
  return self;
}

static void
remember_contents (TpDocument *self,
                   const char *data,
                   gsize       length)
{
  g_free (self->checksum);
  self->checksum = tp_file_checksum (data, length);
  self->size = length;
}

static char *
query_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

static void
set_file (TpDocument *self,
          GFile      *file)
{
  g_set_object (&self->file, file);
  g_free (self->file_display_name);
  self->file_display_name = file ? query_display_name (file) : NULL;
}

TpDocument *
tp_document_new_from_file (GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TpDocument *self;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  journey = tp_journey_format_load_file_bytes (file, &bytes, cancellable, error);
  if (journey == NULL)
    return NULL;

  self = tp_document_new (journey);
  set_file (self, file);
  self->etag = tp_file_query_etag (file, cancellable, NULL);
  data = g_bytes_get_data (bytes, &length);
  remember_contents (self, data, length);
  return self;
}

TpDocument *
tp_document_new_recovered (TpJourney  *journey,
                           GFile      *file,
                           const char *etag,
                           gsize       size,
                           const char *checksum)
{
  TpDocument *self;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = tp_document_new (journey);
  if (file != NULL)
    {
      set_file (self, file);
      self->etag = g_strdup (etag);
      if (checksum != NULL)
        {
          self->size = size;
          self->checksum = g_strdup (checksum);
        }
    }
  /* It differs from its file (or has none) until saved. */
  tp_history_mark_unsaved (self->history);
  return self;
}

void
tp_document_get_file_state (TpDocument  *self,
                            const char **etag,
                            gsize       *size,
                            const char **checksum)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));

  if (etag != NULL)
    *etag = self->etag;
  if (size != NULL)
    *size = self->size;
  if (checksum != NULL)
    *checksum = self->checksum;
}

TpJourney *
tp_document_get_journey (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  return self->journey;
}

TpHistory *
tp_document_get_history (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  return self->history;
}

GFile *
tp_document_get_file (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
tp_document_get_modified (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  return tp_history_is_modified (self->history);
}

char *
tp_document_dup_display_name (TpDocument *self)
{
  const char *title;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  if (self->file_display_name != NULL)
    return g_strdup (self->file_display_name);

  title = tp_journey_get_title (self->journey);
  return g_strdup (*title != '\0' ? title : _("Untitled journey"));
}

gboolean
tp_document_save (TpDocument    *self,
                  GFile         *file,
                  gboolean       overwrite_changes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *new_etag = NULL;
  const char *expected_etag = NULL;
  gboolean same_file;
  gsize length;
  const char *data;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;
  same_file = self->file != NULL && g_file_equal (file, self->file);
  if (same_file && !overwrite_changes)
    expected_etag = self->etag;

  bytes = tp_journey_format_write (self->journey);
  if (!tp_journey_format_check_size (bytes, file, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  if (same_file && !overwrite_changes && self->checksum != NULL
      && !tp_file_check_contents (file, self->size, self->checksum, cancellable, error))
    return FALSE;
  if (!tp_file_replace_atomically (file, data, length, TRUE, expected_etag, &new_etag,
                                   cancellable, error))
    return FALSE;

  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  remember_contents (self, data, length);
  if (!same_file)
    {
      set_file (self, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  tp_history_mark_saved (self->history);
  return TRUE;
}

/* ---------------------------------------------------------------- edits */

static const struct {
  const char *property;
  const char *label;
} property_labels[] = {
  { "title", N_("Change Title") },
  { "name", N_("Rename") },
  { "description", N_("Change Description") },
  { "author", N_("Change Author") },
  { "language", N_("Change Language") },
  { "scope", N_("Change Scope") },
  { "state", N_("Change State") },
  { "persona-name", N_("Change Persona") },
  { "persona-segment", N_("Change Persona") },
  { "persona-description", N_("Change Persona") },
  { "persona-goals", N_("Change Persona") },
  { "persona-frustrations", N_("Change Persona") },
  { "good-enough", N_("Change Threshold") },
  { "moment-target", N_("Change Threshold") },
  { "kind", N_("Change Kind") },
  { "channel", N_("Change Channel") },
  { "score", N_("Change Score") },
  { "moment-of-truth", N_("Change Moment of Truth") },
  { "department", N_("Change Department") },
  { "role", N_("Change Role") },
  { "quote", N_("Change Quote") },
  { "notes", N_("Change Notes") },
  { "text", N_("Change Text") },
  { "owner", N_("Change Owner") },
  { "severity", N_("Change Severity") },
  { "strength", N_("Change Strength") },
  { "caused-by", N_("Change Causing Department") },
  { "evidence", N_("Change Evidence") },
  { "respondents", N_("Change Respondents") },
  { "status", N_("Change Status") },
  { "impact", N_("Change Impact") },
  { "effort", N_("Change Effort") },
  { "due", N_("Change Due Date") },
  { "stage-id", N_("Move") },
  { "lane-id", N_("Move") },
  { "touchpoint-id", N_("Change Link") },
};

static const char *
label_for_property (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (property_labels); i++)
    if (g_str_equal (property_labels[i].property, property))
      return _(property_labels[i].label);
  return _("Change");
}

gboolean
tp_document_set_value (TpDocument    *self,
                       gpointer       object,
                       const char    *property,
                       const GValue  *value,
                       GError       **error)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_autoptr(TpCommand) command = NULL;
  GParamSpec *pspec;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  if (!tp_journey_check_change (self->journey, object, property, value, error))
    return FALSE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, property, &current);
  if (g_param_values_cmp (pspec, &current, value) == 0)
    return TRUE;

  command = tp_set_command_new (label_for_property (property), object, property, value);
  tp_history_push (self->history, command);
  return TRUE;
}

gboolean
tp_document_set_string (TpDocument  *self,
                        gpointer     object,
                        const char  *property,
                        const char  *value,
                        GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  return tp_document_set_value (self, object, property, &gvalue, error);
}

gboolean
tp_document_set_int (TpDocument  *self,
                     gpointer     object,
                     const char  *property,
                     int          value,
                     GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  return tp_document_set_value (self, object, property, &gvalue, error);
}

gboolean
tp_document_set_boolean (TpDocument  *self,
                         gpointer     object,
                         const char  *property,
                         gboolean     value,
                         GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, value);
  return tp_document_set_value (self, object, property, &gvalue, error);
}

gboolean
tp_document_set_enum (TpDocument  *self,
                      gpointer     object,
                      const char  *property,
                      int          value,
                      GError     **error)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  if (pspec == NULL || !G_IS_PARAM_SPEC_ENUM (pspec))
    {
      g_set_error (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_INVALID,
                   _("“%s” cannot be changed"), property);
      return FALSE;
    }

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  return tp_document_set_value (self, object, property, &gvalue, error);
}

static const char *
add_label (TpElement *element)
{
  if (TP_IS_STAGE (element))
    return _("Add Stage");
  if (TP_IS_LANE (element))
    return _("Add Lane");
  if (TP_IS_TOUCHPOINT (element))
    return _("Add Touchpoint");
  if (TP_IS_EMPLOYEE_NOTE (element))
    return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (element)) == TP_NOTE_KIND_BLOCKER
           ? _("Add Blocker") : _("Add Enabler");
  return _("Add Opportunity");
}

static const char *
delete_label (TpElement *element)
{
  if (TP_IS_STAGE (element))
    return _("Delete Stage");
  if (TP_IS_LANE (element))
    return _("Delete Lane");
  if (TP_IS_TOUCHPOINT (element))
    return _("Delete Touchpoint");
  if (TP_IS_EMPLOYEE_NOTE (element))
    return _("Delete Employee Note");
  return _("Delete Opportunity");
}

gboolean
tp_document_add (TpDocument  *self,
                 TpElement   *element,
                 guint        position,
                 GError     **error)
{
  g_autoptr(TpCommand) command = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  /* Insert once to learn whether it is valid; the command then owns the change. */
  if (!tp_journey_insert (self->journey, element, position, error))
    return FALSE;
  tp_journey_get_position (self->journey, element, &position);

  command = tp_insert_command_new (add_label (element), self->journey, element, position, FALSE);
  tp_history_push_applied (self->history, command);
  return TRUE;
}

static void
delete_recursive (TpDocument *self,
                  TpElement  *element)
{
  g_autoptr(GPtrArray) referrers = NULL;
  g_autoptr(TpCommand) command = NULL;
  guint position;

  if (!tp_journey_get_position (self->journey, element, &position))
    return;

  referrers = tp_journey_get_referrers (self->journey, element);
  for (guint i = 0; i < referrers->len; i++)
    {
      TpElement *referrer = g_ptr_array_index (referrers, i);

      /* An opportunity outlives what it belongs to, then about the journey. */
      if (TP_IS_OPPORTUNITY (referrer))
        tp_document_set_string (self, referrer,
                                TP_IS_STAGE (element) ? "stage-id" : "touchpoint-id", "", NULL);
      else
        delete_recursive (self, referrer);
    }

  if (!tp_journey_get_position (self->journey, element, &position))
    return;
  command = tp_insert_command_new (delete_label (element), self->journey, element, position, TRUE);
  tp_history_push (self->history, command);
}

/* Deleting a touchpoint the user chose keeps what was noted about it: its
 * blockers, enablers and opportunities move to its stage. A stage or lane
 * still takes the cards and notes that sit in it. */
static void
delete_chosen (TpDocument *self,
               TpElement  *element)
{
  if (TP_IS_TOUCHPOINT (element) && tp_journey_get_position (self->journey, element, NULL))
    {
      g_autoptr(GPtrArray) referrers = tp_journey_get_referrers (self->journey, element);
      const char *stage_id = tp_touchpoint_get_stage_id (TP_TOUCHPOINT (element));

      for (guint i = 0; i < referrers->len; i++)
        {
          gpointer referrer = g_ptr_array_index (referrers, i);

          if (TP_IS_EMPLOYEE_NOTE (referrer))
            tp_document_attach_note (self, referrer, NULL, stage_id, NULL);
          else if (TP_IS_OPPORTUNITY (referrer))
            tp_document_attach_opportunity (self, referrer, NULL, stage_id, NULL);
        }
    }
  delete_recursive (self, element);
}

void
tp_document_delete (TpDocument *self,
                    TpElement  *element)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (TP_IS_ELEMENT (element));

  tp_history_begin_group (self->history, delete_label (element));
  delete_chosen (self, element);
  tp_history_end_group (self->history);
}

void
tp_document_delete_many (TpDocument *self,
                         GPtrArray  *elements)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (elements != NULL);

  if (elements->len == 1)
    {
      tp_document_delete (self, g_ptr_array_index (elements, 0));
      return;
    }

  tp_history_begin_group (self->history, _("Delete"));
  for (guint i = 0; i < elements->len; i++)
    delete_chosen (self, g_ptr_array_index (elements, i));
  tp_history_end_group (self->history);
}

void
tp_document_reorder (TpDocument *self,
                     TpElement  *element,
                     guint       position)
{
  g_autoptr(TpCommand) command = NULL;
  GListModel *list;
  guint from;

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (tp_journey_get_position (self->journey, element, &from));

  list = tp_journey_get_list_for_type (self->journey, G_OBJECT_TYPE (element));
  position = MIN (position, g_list_model_get_n_items (list) - 1);
  if (position == from)
    return;

  command = tp_move_command_new (TP_IS_STAGE (element) ? _("Move Stage")
                                 : TP_IS_LANE (element) ? _("Move Lane") : _("Move"),
                                 self->journey, element, from, position);
  tp_history_push (self->history, command);
}

gboolean
tp_document_move_touchpoint (TpDocument    *self,
                             TpTouchpoint  *touchpoint,
                             const char    *stage_id,
                             const char    *lane_id,
                             guint          index,
                             GError       **error)
{
  g_autoptr(GPtrArray) cell = NULL;
  g_autoptr(TpCommand) command = NULL;
  g_autoptr(TpTouchpoint) anchor = NULL;
  guint from, anchor_position, to;
  gboolean after_anchor;
  TpLaneKind lane_kind;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TP_IS_TOUCHPOINT (touchpoint), FALSE);

  if (tp_journey_lookup_stage (self->journey, stage_id) == NULL
      || tp_journey_lookup_lane (self->journey, lane_id) == NULL)
    {
      g_set_error_literal (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE,
                           _("There is no such stage or lane"));
      return FALSE;
    }

  tp_history_begin_group (self->history, _("Move Touchpoint"));
  tp_document_set_string (self, touchpoint, "stage-id", stage_id, NULL);
  tp_document_set_string (self, touchpoint, "lane-id", lane_id, NULL);
  /* A card dropped in the actions, thoughts or touchpoints lane becomes
   * what that lane holds; other lanes take any kind. */
  lane_kind = tp_lane_get_kind (tp_journey_lookup_lane (self->journey, lane_id));
  if (lane_kind == TP_LANE_KIND_TOUCHPOINTS || lane_kind == TP_LANE_KIND_CUSTOMER_ACTIONS
      || lane_kind == TP_LANE_KIND_THOUGHTS_FEELINGS)
    tp_document_set_enum (self, touchpoint, "kind", tp_lane_kind_get_card_kind (lane_kind), NULL);

  /* Order within a cell is order in the touchpoint list: place it just
   * before the cell member now at @index, or just after the last one. */
  cell = tp_journey_get_cell_touchpoints (self->journey, stage_id, lane_id);
  g_ptr_array_remove (cell, touchpoint);
  if (cell->len > 0)
    {
      after_anchor = index >= cell->len;
      anchor = g_object_ref (g_ptr_array_index (cell, after_anchor ? cell->len - 1 : index));
      tp_journey_get_position (self->journey, TP_ELEMENT (touchpoint), &from);
      tp_journey_get_position (self->journey, TP_ELEMENT (anchor), &anchor_position);

      to = anchor_position + (after_anchor ? 1 : 0);
      if (from < anchor_position)
        to--;
      if (to != from)
        {
          command = tp_move_command_new (_("Move Touchpoint"), self->journey,
                                         TP_ELEMENT (touchpoint), from, to);
          tp_history_push (self->history, command);
        }
    }

  tp_history_end_group (self->history);
  return TRUE;
}

gboolean
tp_document_attach_note (TpDocument      *self,
                         TpEmployeeNote  *note,
                         const char      *touchpoint_id,
                         const char      *stage_id,
                         GError         **error)
{
  gboolean on_touchpoint = touchpoint_id != NULL && *touchpoint_id != '\0';

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (note), FALSE);

  if (on_touchpoint ? tp_journey_lookup_touchpoint (self->journey, touchpoint_id) == NULL
                    : tp_journey_lookup_stage (self->journey, stage_id) == NULL)
    {
      g_set_error_literal (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE,
                           _("There is no such touchpoint or stage"));
      return FALSE;
    }

  tp_history_begin_group (self->history, _("Attach Employee Note"));
  /* Set the new target before clearing the old, so no step has neither. */
  if (on_touchpoint)
    {
      tp_document_set_string (self, note, "touchpoint-id", touchpoint_id, NULL);
      tp_document_set_string (self, note, "stage-id", "", NULL);
    }
  else
    {
      tp_document_set_string (self, note, "stage-id", stage_id, NULL);
      tp_document_set_string (self, note, "touchpoint-id", "", NULL);
    }
  tp_history_end_group (self->history);
  return TRUE;
}

gboolean
tp_document_attach_opportunity (TpDocument     *self,
                                TpOpportunity  *opportunity,
                                const char     *touchpoint_id,
                                const char     *stage_id,
                                GError        **error)
{
  gboolean on_touchpoint = touchpoint_id != NULL && *touchpoint_id != '\0';
  gboolean on_stage = !on_touchpoint && stage_id != NULL && *stage_id != '\0';

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (TP_IS_OPPORTUNITY (opportunity), FALSE);

  if ((on_touchpoint && tp_journey_lookup_touchpoint (self->journey, touchpoint_id) == NULL)
      || (on_stage && tp_journey_lookup_stage (self->journey, stage_id) == NULL))
    {
      g_set_error_literal (error, TP_JOURNEY_ERROR, TP_JOURNEY_ERROR_DANGLING_REFERENCE,
                           _("There is no such touchpoint or stage"));
      return FALSE;
    }

  tp_history_begin_group (self->history, _("Move Opportunity"));
  /* Clear the old target first, so no step has both. */
  if (!on_touchpoint)
    tp_document_set_string (self, opportunity, "touchpoint-id", "", NULL);
  if (!on_stage)
    tp_document_set_string (self, opportunity, "stage-id", "", NULL);
  if (on_touchpoint)
    tp_document_set_string (self, opportunity, "touchpoint-id", touchpoint_id, NULL);
  else if (on_stage)
    tp_document_set_string (self, opportunity, "stage-id", stage_id, NULL);
  tp_history_end_group (self->history);
  return TRUE;
}

void
tp_document_begin_group (TpDocument *self,
                         const char *label)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  tp_history_begin_group (self->history, label);
}

void
tp_document_end_group (TpDocument *self)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  tp_history_end_group (self->history);
}

gboolean
tp_document_undo (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  return tp_history_undo (self->history);
}

gboolean
tp_document_redo (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  return tp_history_redo (self->history);
}
