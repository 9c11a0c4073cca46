/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-inspector-private.h"

/* How it works: a selection change builds a new form (an AdwPreferencesPage
 * of groups and rows) for what is selected. Each editing widget carries a
 * Field that knows the edited objects and the property. A change in the
 * widget goes to the document (one undoable command, which coalesces while
 * the user types into one field); a change in the model, from anywhere,
 * comes back through the journey's "notify" and "element-changed" signals
 * and refreshes the matching fields. While the inspector writes to a
 * widget, `syncing` stops the widget from writing back; the field being
 * applied is not refreshed from the change it caused, so the cursor stays
 * where the user is typing. */

G_DEFINE_FINAL_TYPE (TpInspector, tp_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (TpInspector *self);

/* ---------------------------------------------------------------- values */

static const char *
enum_display_name (GType type,
                   int   value)
{
  if (type == TP_TYPE_SCOPE)
    return tp_scope_get_display_name (value);
  if (type == TP_TYPE_JOURNEY_STATE)
    return tp_journey_state_get_display_name (value);
  if (type == TP_TYPE_LANE_KIND)
    return tp_lane_kind_get_display_name (value);
  if (type == TP_TYPE_CHANNEL)
    return tp_channel_get_display_name (value);
  if (type == TP_TYPE_NOTE_KIND)
    return tp_note_kind_get_display_name (value);
  if (type == TP_TYPE_CARD_KIND)
    return tp_card_kind_get_display_name (value);
  if (type == TP_TYPE_EVIDENCE)
    return tp_evidence_get_display_name (value);
  if (type == TP_TYPE_OPPORTUNITY_STATUS)
    return tp_opportunity_status_get_display_name (value);
  return "";
}

static char *
dup_string (GObject    *object,
            const char *property)
{
  char *value = NULL;

  g_object_get (object, property, &value, NULL);
  return value ? value : g_strdup ("");
}

static int
get_int (GObject    *object,
         const char *property)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  if (G_VALUE_HOLDS_BOOLEAN (&value))
    return g_value_get_boolean (&value);
  return g_value_get_int (&value);
}

/* The value all objects of @field share; FALSE when they differ. */
static gboolean
common_int (Field *field,
            int   *out)
{
  int first = get_int (g_ptr_array_index (field->objects, 0), field->property);

  for (guint i = 1; i < field->objects->len; i++)
    if (get_int (g_ptr_array_index (field->objects, i), field->property) != first)
      return FALSE;
  *out = first;
  return TRUE;
}

static gboolean
field_has_object (Field   *field,
                  gpointer object)
{
  for (guint i = 0; i < field->objects->len; i++)
    if (g_ptr_array_index (field->objects, i) == object)
      return TRUE;
  return FALSE;
}

static GObject *
field_object (Field *field)
{
  return g_ptr_array_index (field->objects, 0);
}

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_pointer (&field->objects, g_ptr_array_unref);
  g_clear_pointer (&field->choice_ids, g_ptr_array_unref);
  g_clear_object (&field->choices);
  g_free (field);
}

/* ---------------------------------------------------------------- choices */

static char *
element_label (TpElement *element)
{
  const char *text = "";

  if (TP_IS_STAGE (element))
    text = tp_stage_get_name (TP_STAGE (element));
  else if (TP_IS_LANE (element))
    text = tp_lane_get_name (TP_LANE (element));
  else if (TP_IS_TOUCHPOINT (element))
    text = tp_touchpoint_get_title (TP_TOUCHPOINT (element));

  if (text == NULL || *text == '\0')
    /* Translators: an element without a name, shown by its id */
    return g_strdup_printf (_("Untitled (%s)"), tp_element_get_id (element));
  return g_strdup (text);
}

/* @id_prefix: "" for plain names, "s:" and "t:" for "Stage: …" and "Touchpoint: …". */
static void
append_choices (GPtrArray   *ids,
                GPtrArray   *names,
                GListModel  *list,
                const char  *id_prefix)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpElement) element = g_list_model_get_item (list, i);
      g_autofree char *label = element_label (element);

      g_ptr_array_add (ids, g_strconcat (id_prefix, tp_element_get_id (element), NULL));
      if (g_str_equal (id_prefix, "s:"))
        /* Translators: an employee note's target in a list; %s is a stage name */
        g_ptr_array_add (names, g_strdup_printf (_("Stage: %s"), label));
      else if (g_str_equal (id_prefix, "t:"))
        /* Translators: an employee note's target in a list; %s is a touchpoint title */
        g_ptr_array_add (names, g_strdup_printf (_("Touchpoint: %s"), label));
      else
        g_ptr_array_add (names, g_steal_pointer (&label));
    }
}

static gboolean
string_list_equals (GtkStringList *list,
                    GPtrArray     *names)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) != names->len)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), g_ptr_array_index (names, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Fills a reference combo's choices from the journey; TRUE when they changed. */
static gboolean
field_update_choices (Field *field)
{
  TpJourney *journey = field->inspector->journey;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean same_ids;

  switch (field->kind)
    {
    case FIELD_STAGE:
      append_choices (ids, names, tp_journey_get_stages (journey), "");
      break;
    case FIELD_LANE:
      append_choices (ids, names, tp_journey_get_lanes (journey), "");
      break;
    case FIELD_ATTACH:
      append_choices (ids, names, tp_journey_get_stages (journey), "s:");
      append_choices (ids, names, tp_journey_get_touchpoints (journey), "t:");
      break;
    case FIELD_LINK:
      g_ptr_array_add (ids, g_strdup (""));
      /* Translators: an opportunity linked to no touchpoint */
      g_ptr_array_add (names, g_strdup (C_("touchpoint", "None")));
      append_choices (ids, names, tp_journey_get_touchpoints (journey), "");
      break;
    case FIELD_PLACE:
      {
        TpOpportunity *opportunity = TP_OPPORTUNITY (field_object (field));
        const char *touchpoint_id = tp_opportunity_get_touchpoint_id (opportunity);
        TpElement *touchpoint = *touchpoint_id != '\0' ? tp_journey_lookup (journey, touchpoint_id) : NULL;

        g_ptr_array_add (ids, g_strdup (""));
        /* Translators: an opportunity about the journey as a whole, in a list of stages */
        g_ptr_array_add (names, g_strdup (_("Whole journey")));
        append_choices (ids, names, tp_journey_get_stages (journey), "s:");
        /* Its touchpoint, when it has one; the Touchpoint row picks another. */
        if (touchpoint != NULL)
          {
            g_autofree char *label = element_label (touchpoint);

            g_ptr_array_add (ids, g_strconcat ("t:", touchpoint_id, NULL));
            g_ptr_array_add (names, g_strdup_printf (_("Touchpoint: %s"), label));
          }
      }
      break;
    case FIELD_ENTRY:
    case FIELD_TEXT:
    case FIELD_ENUM:
    case FIELD_INT_COMBO:
    case FIELD_SPIN:
    case FIELD_SWITCH:
    case FIELD_DATE:
    case FIELD_PRIORITY:
    default:
      return FALSE;
    }

  same_ids = field->choice_ids != NULL && field->choice_ids->len == ids->len;
  for (guint i = 0; same_ids && i < ids->len; i++)
    same_ids = g_str_equal (g_ptr_array_index (ids, i), g_ptr_array_index (field->choice_ids, i));
  if (same_ids && string_list_equals (field->choices, names))
    return FALSE;

  g_ptr_array_add (names, NULL);
  g_clear_pointer (&field->choice_ids, g_ptr_array_unref);
  field->choice_ids = g_steal_pointer (&ids);
  field->inspector->syncing++;
  gtk_string_list_splice (field->choices, 0, g_list_model_get_n_items (G_LIST_MODEL (field->choices)),
                          (const char * const *) names->pdata);
  field->inspector->syncing--;
  return TRUE;
}

/* The id of the choice that matches the model now. */
static char *
field_current_choice (Field *field)
{
  GObject *object = field_object (field);

  switch (field->kind)
    {
    case FIELD_STAGE:
      return g_strdup (tp_touchpoint_get_stage_id (TP_TOUCHPOINT (object)));
    case FIELD_LANE:
      return g_strdup (tp_touchpoint_get_lane_id (TP_TOUCHPOINT (object)));
    case FIELD_ATTACH:
      {
        const char *touchpoint_id = tp_employee_note_get_touchpoint_id (TP_EMPLOYEE_NOTE (object));

        if (touchpoint_id != NULL && *touchpoint_id != '\0')
          return g_strconcat ("t:", touchpoint_id, NULL);
        return g_strconcat ("s:", tp_employee_note_get_stage_id (TP_EMPLOYEE_NOTE (object)), NULL);
      }
    case FIELD_LINK:
      return g_strdup (tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (object)));
    case FIELD_PLACE:
      {
        TpOpportunity *opportunity = TP_OPPORTUNITY (object);

        if (*tp_opportunity_get_touchpoint_id (opportunity) != '\0')
          return g_strconcat ("t:", tp_opportunity_get_touchpoint_id (opportunity), NULL);
        if (*tp_opportunity_get_stage_id (opportunity) != '\0')
          return g_strconcat ("s:", tp_opportunity_get_stage_id (opportunity), NULL);
        return g_strdup ("");
      }
    case FIELD_ENTRY:
    case FIELD_TEXT:
    case FIELD_ENUM:
    case FIELD_INT_COMBO:
    case FIELD_SPIN:
    case FIELD_SWITCH:
    case FIELD_DATE:
    case FIELD_PRIORITY:
    default:
      return NULL;
    }
}

/* ---------------------------------------------------------------- model -> widgets */

static void
set_mixed (Field    *field,
           gboolean  mixed)
{
  if (field->objects->len > 1)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), mixed ? _("Mixed values") : "");
}

/* A single touchpoint's score against the journey's thresholds. */
static void
score_hint (Field *field,
            int    score)
{
  TpJourney *journey = field->inspector->journey;
  TpTouchpoint *touchpoint = TP_TOUCHPOINT (field_object (field));
  g_autofree char *hint = NULL;

  /* The thresholds are for touchpoints: a thought's score only draws the curve. */
  if (score == TP_SCORE_UNSET || !tp_touchpoint_is_contact (touchpoint))
    ;
  else if (tp_touchpoint_get_moment_of_truth (touchpoint)
           && score < tp_journey_get_moment_target (journey))
    hint = g_strdup_printf (_("Below the target of %d for a moment of truth"),
                            tp_journey_get_moment_target (journey));
  else if (score < tp_journey_get_good_enough (journey))
    hint = g_strdup_printf (_("Below the good-enough mark of %d"),
                            tp_journey_get_good_enough (journey));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), hint ? hint : "");
}

void
_tp_inspector_field_refresh (Field *field)
{
  TpInspector *self = field->inspector;
  int value = 0;

  if (self == NULL || field == self->applying)
    return;

  self->syncing++;
  gtk_widget_remove_css_class (field->row, "error");

  switch (field->kind)
    {
    case FIELD_ENTRY:
      {
        g_autofree char *text = dup_string (field_object (field), field->property);

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), text) != 0)
          {
            int position = gtk_editable_get_position (GTK_EDITABLE (field->widget));

            gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
            gtk_editable_set_position (GTK_EDITABLE (field->widget),
                                       MIN (position, (int) g_utf8_strlen (text, -1)));
          }
      }
      break;

    case FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        g_autofree char *text = dup_string (field_object (field), field->property);
        g_autofree char *shown = NULL;
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        if (g_strcmp0 (shown, text) != 0)
          {
            GtkTextIter cursor;
            int offset;

            gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
            offset = gtk_text_iter_get_offset (&cursor);
            gtk_text_buffer_set_text (buffer, text, -1);
            gtk_text_buffer_get_iter_at_offset (buffer, &cursor, offset);
            gtk_text_buffer_place_cursor (buffer, &cursor);
          }
      }
      break;

    case FIELD_ENUM:
    case FIELD_INT_COMBO:
      {
        gboolean same = common_int (field, &value);
        guint position = same ? (guint) (value - field->offset) : GTK_INVALID_LIST_POSITION;

        if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), position);
        set_mixed (field, !same);
        if (field->kind == FIELD_INT_COMBO && field->property2 != NULL && same)
          score_hint (field, value);
        if (g_str_equal (field->property, "channel") && same)
          adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row),
                                       tp_channel_is_online (value) ? _("Online channel")
                                                                    : _("Offline channel"));
      }
      break;

    case FIELD_SPIN:
      if (common_int (field, &value)
          && gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)) != value)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (field->widget), value);
      break;

    case FIELD_SWITCH:
      {
        gboolean same = common_int (field, &value);

        /* Several flags that differ show as off: turning it on sets them all. */
        gtk_switch_set_active (GTK_SWITCH (field->widget), same && value);
        set_mixed (field, !same);
      }
      break;

    case FIELD_DATE:
      _tp_inspector_date_refresh (field);
      break;

    case FIELD_PRIORITY:
      _tp_inspector_priority_refresh (field);
      break;

    case FIELD_STAGE:
    case FIELD_LANE:
    case FIELD_ATTACH:
    case FIELD_LINK:
    case FIELD_PLACE:
      {
        g_autofree char *current = field_current_choice (field);
        guint position = GTK_INVALID_LIST_POSITION;

        field_update_choices (field);
        for (guint i = 0; i < field->choice_ids->len; i++)
          if (g_strcmp0 (g_ptr_array_index (field->choice_ids, i), current) == 0)
            {
              position = i;
              break;
            }
        if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->row)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->row), position);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  self->syncing--;
}

/* ---------------------------------------------------------------- widgets -> model */

static gboolean
apply_to_object (Field     *field,
                 GObject   *object,
                 GError   **error)
{
  TpDocument *document = field->inspector->document;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      return tp_document_set_string (document, object, field->property,
                                     gtk_editable_get_text (GTK_EDITABLE (field->widget)), error);

    case FIELD_TEXT:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget));
        g_autofree char *text = NULL;
        GtkTextIter start, end;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        return tp_document_set_string (document, object, field->property, text, error);
      }

    case FIELD_ENUM:
    case FIELD_INT_COMBO:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
        int value = (int) selected + field->offset;

        if (selected == GTK_INVALID_LIST_POSITION)
          return TRUE;
        if (field->kind == FIELD_ENUM)
          return tp_document_set_enum (document, object, field->property, value, error);
        return tp_document_set_int (document, object, field->property, value, error);
      }

    case FIELD_SPIN:
      return tp_document_set_int (document, object, field->property,
                                  gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field->widget)),
                                  error);

    case FIELD_SWITCH:
      return tp_document_set_boolean (document, object, field->property,
                                      gtk_switch_get_active (GTK_SWITCH (field->widget)), error);

    case FIELD_DATE:
      return _tp_inspector_date_apply (field, object, error);

    case FIELD_PRIORITY:
      return TRUE;

    case FIELD_STAGE:
    case FIELD_LANE:
    case FIELD_ATTACH:
    case FIELD_LINK:
    case FIELD_PLACE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->row));
        g_autofree char *current = field_current_choice (field);
        const char *id;

        if (selected == GTK_INVALID_LIST_POSITION || selected >= field->choice_ids->len)
          return TRUE;
        id = g_ptr_array_index (field->choice_ids, selected);
        if (g_strcmp0 (id, current) == 0)
          return TRUE;

        if (field->kind == FIELD_STAGE || field->kind == FIELD_LANE)
          {
            TpTouchpoint *touchpoint = TP_TOUCHPOINT (object);
            const char *stage_id = tp_touchpoint_get_stage_id (touchpoint);
            const char *lane_id = tp_touchpoint_get_lane_id (touchpoint);

            /* To the end of the target cell. */
            return tp_document_move_touchpoint (document, touchpoint,
                                                field->kind == FIELD_STAGE ? id : stage_id,
                                                field->kind == FIELD_LANE ? id : lane_id,
                                                G_MAXUINT, error);
          }
        if (field->kind == FIELD_ATTACH)
          return tp_document_attach_note (document, TP_EMPLOYEE_NOTE (object),
                                          g_str_has_prefix (id, "t:") ? id + 2 : NULL,
                                          g_str_has_prefix (id, "s:") ? id + 2 : NULL,
                                          error);
        if (field->kind == FIELD_PLACE)
          return tp_document_attach_opportunity (document, TP_OPPORTUNITY (object),
                                                 g_str_has_prefix (id, "t:") ? id + 2 : NULL,
                                                 g_str_has_prefix (id, "s:") ? id + 2 : NULL,
                                                 error);
        /* FIELD_LINK: to a touchpoint; "None" leaves it on that touchpoint's
         * stage, as deleting the touchpoint would. */
        if (*id == '\0')
          {
            TpTouchpoint *touchpoint =
              tp_journey_lookup_touchpoint (field->inspector->journey,
                                            tp_opportunity_get_touchpoint_id (TP_OPPORTUNITY (object)));

            return tp_document_attach_opportunity (document, TP_OPPORTUNITY (object), NULL,
                                                   touchpoint != NULL ? tp_touchpoint_get_stage_id (touchpoint)
                                                                      : NULL,
                                                   error);
          }
        return tp_document_attach_opportunity (document, TP_OPPORTUNITY (object), id, NULL, error);
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

void
_tp_inspector_field_apply (Field *field)
{
  TpInspector *self = field->inspector;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;
  gboolean grouped;

  if (self == NULL || self->syncing > 0 || self->document == NULL)
    return;

  grouped = field->objects->len > 1;
  self->applying = field;
  if (grouped)
    tp_document_begin_group (self->document, field->group_label);
  for (guint i = 0; ok && i < field->objects->len; i++)
    ok = apply_to_object (field, g_ptr_array_index (field->objects, i), &error);
  if (grouped)
    tp_document_end_group (self->document);
  self->applying = NULL;

  if (!ok)
    {
      g_debug ("Inspector: cannot change “%s”: %s", field->key, error->message);
      gtk_widget_add_css_class (field->row, "error");
    }
  else
    {
      /* A date field marks half-typed dates itself. */
      if (field->kind != FIELD_DATE)
        gtk_widget_remove_css_class (field->row, "error");
      /* Show the result of an edit that the model did not take as it was. */
      if (field->kind != FIELD_ENTRY && field->kind != FIELD_TEXT && field->kind != FIELD_DATE)
        _tp_inspector_field_refresh (field);
    }
}

static void
on_field_changed (GtkWidget *widget,
                  Field     *field)
{
  _tp_inspector_field_apply (field);
}

static void
on_field_notify (GObject    *widget,
                 GParamSpec *pspec,
                 Field      *field)
{
  _tp_inspector_field_apply (field);
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   Field         *field)
{
  _tp_inspector_field_apply (field);
}

/* Leaving a field ends its undo step: the next edit, here or elsewhere,
 * starts a new one. */
static void
on_focus_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  if (field->inspector != NULL && field->inspector->document != NULL)
    tp_history_break_coalescing (tp_document_get_history (field->inspector->document));
}

/* ---------------------------------------------------------------- building */

Field *
_tp_inspector_field_new (TpInspector *self,
                         FieldKind    kind,
                         const char  *key,
                         const char  *property,
                         GPtrArray   *objects,
                         GtkWidget   *row,
                         GtkWidget   *widget)
{
  Field *field = g_new0 (Field, 1);
  GtkEventController *focus;

  field->inspector = self;
  field->kind = kind;
  field->key = g_intern_string (key);
  field->property = g_intern_string (property);
  field->objects = g_ptr_array_ref (objects);
  field->row = row;
  field->widget = widget;
  g_object_set_data_full (G_OBJECT (widget), "tp-inspector-field", field, field_free);
  g_ptr_array_add (self->fields, field);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (row, focus);

  return field;
}

GPtrArray *
_tp_inspector_objects_of (gpointer object)
{
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (objects, g_object_ref (object));
  return objects;
}

void
_tp_inspector_set_label (GtkWidget  *widget,
                         const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

GtkWidget *
_tp_inspector_add_group (GtkWidget  *page,
                         const char *title,
                         const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return group;
}

Field *
_tp_inspector_add_entry (TpInspector *self,
                         GtkWidget   *group,
                         const char  *title,
                         gpointer     object,
                         const char  *property)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  GtkWidget *row = adw_entry_row_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Undo is the document's: Ctrl+Z must reach the window, not the entry. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  _tp_inspector_set_label (row, title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_ENTRY, property, property, objects, row, row);
  _tp_inspector_field_refresh (field);
  g_signal_connect (row, "changed", G_CALLBACK (on_field_changed), field);
  return field;
}

static void
text_row_clicked (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkWidget       *text_view)
{
  gtk_widget_grab_focus (text_view);
}

/* GTK 4.8 lays out a text view's lines when it is first allocated and drops
 * the resize that the new height asks for then, so a text view that is not
 * in a scrolled window stays too short. Its vertical adjustment learns the
 * real height: ask again on the next frame, outside the allocation. */
static gboolean
text_view_resize_tick (GtkWidget     *view,
                       GdkFrameClock *clock,
                       gpointer       user_data)
{
  g_object_set_data (G_OBJECT (view), "tp-resize-pending", NULL);
  gtk_widget_queue_resize (view);
  return G_SOURCE_REMOVE;
}

static void
on_text_view_upper (GtkAdjustment *adjustment,
                    GParamSpec    *pspec,
                    GtkWidget     *view)
{
  if (gtk_adjustment_get_upper (adjustment) > gtk_widget_get_height (view)
      && g_object_get_data (G_OBJECT (view), "tp-resize-pending") == NULL)
    {
      g_object_set_data (G_OBJECT (view), "tp-resize-pending", GINT_TO_POINTER (1));
      gtk_widget_add_tick_callback (view, text_view_resize_tick, NULL, NULL);
    }
}

Field *
_tp_inspector_add_text (TpInspector *self,
                        GtkWidget   *group,
                        const char  *title,
                        gpointer     object,
                        const char  *property)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkGesture *click;
  Field *field;

  /* An AdwPreferencesRow, so that the group puts it in its boxed list. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_add_css_class (row, "tp-inspector-text-row");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next field. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_widget_add_css_class (view, "tp-inspector-text");
  gtk_widget_set_size_request (view, -1, 36);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view)), "notify::upper",
                           G_CALLBACK (on_text_view_upper), view, 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A click anywhere in the row puts the cursor in the text. */
  click = gtk_gesture_click_new ();
  g_signal_connect_object (click, "released", G_CALLBACK (text_row_clicked), view, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_TEXT, property, property, objects, view, view);
  field->row = row;
  _tp_inspector_field_refresh (field);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_buffer_changed), field);
  return field;
}

static Field *
add_combo (TpInspector   *self,
           GtkWidget     *group,
           FieldKind      kind,
           const char    *key,
           const char    *title,
           GPtrArray     *objects,
           const char    *property,
           GtkStringList *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  _tp_inspector_set_label (row, title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, kind, key, property, objects, row, row);
  field->choices = g_object_ref (choices);
  _tp_inspector_field_refresh (field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_field_notify), field);
  return field;
}

Field *
_tp_inspector_add_enum (TpInspector *self,
                        GtkWidget   *group,
                        const char  *title,
                        gpointer     object,
                        const char  *property,
                        GType        enum_type)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);

  /* The enums count from 0 without gaps: index = value. */
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (choices, enum_display_name (enum_type, enum_class->values[i].value));
  return add_combo (self, group, FIELD_ENUM, property, title, objects, property, choices);
}

Field *
_tp_inspector_add_score (TpInspector *self,
                         GtkWidget   *group,
                         const char  *title,
                         GPtrArray   *objects)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  Field *field;

  /* Translators: a touchpoint or employee note without a score */
  gtk_string_list_append (choices, _("Not scored"));
  for (int score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
    {
      g_autofree char *text = g_strdup_printf ("%d", score);
      gtk_string_list_append (choices, text);
    }
  field = add_combo (self, group, FIELD_INT_COMBO, "score", title, objects, "score", choices);
  field->group_label = _("Change Score");
  return field;
}

/* An int property of 0 (@unset_label) to @max, one choice each. */
Field *
_tp_inspector_add_int_combo (TpInspector *self,
                             GtkWidget   *group,
                             const char  *title,
                             gpointer     object,
                             const char  *property,
                             const char  *unset_label,
                             int          max)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, unset_label);
  for (int i = 1; i <= max; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i);
      gtk_string_list_append (choices, text);
    }
  return add_combo (self, group, FIELD_INT_COMBO, property, title, objects, property, choices);
}

void
_tp_inspector_show_when (TpInspector *self,
                         GtkWidget   *widget,
                         gpointer     object,
                         VisibleFunc  visible)
{
  Condition condition = { widget, object, visible };

  g_array_append_val (self->conditions, condition);
  gtk_widget_set_visible (widget, visible (object));
}

/* After any change to the edited element: a new kind or evidence shows
 * other rows; undo brings them back. */
void
_tp_inspector_update_visibility (TpInspector *self)
{
  for (guint i = 0; i < self->conditions->len; i++)
    {
      Condition *condition = &g_array_index (self->conditions, Condition, i);
      gboolean visible = condition->visible (condition->object);

      if (gtk_widget_get_visible (condition->widget) != visible)
        gtk_widget_set_visible (condition->widget, visible);
    }
}

Field *
_tp_inspector_add_reference (TpInspector *self,
                             GtkWidget   *group,
                             FieldKind    kind,
                             const char  *key,
                             const char  *title,
                             gpointer     object,
                             const char  *property,
                             const char  *property2)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Names can be long: show the choice under the title, where it wraps. */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  _tp_inspector_set_label (row, title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, kind, key, property, objects, row, row);
  field->property2 = property2 ? g_intern_string (property2) : NULL;
  field->choices = g_object_ref (choices);
  _tp_inspector_field_refresh (field);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_field_notify), field);
  return field;
}

Field *
_tp_inspector_add_spin (TpInspector *self,
                        GtkWidget   *group,
                        const char  *title,
                        const char  *subtitle,
                        gpointer     object,
                        const char  *property,
                        int          min,
                        int          max)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  _tp_inspector_set_label (spin, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_SPIN, property, property, objects, row, spin);
  _tp_inspector_field_refresh (field);
  g_signal_connect (spin, "notify::value", G_CALLBACK (on_field_notify), field);
  return field;
}

Field *
_tp_inspector_add_switch (TpInspector *self,
                          GtkWidget   *group,
                          const char  *title,
                          const char  *subtitle,
                          GPtrArray   *objects,
                          const char  *property)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  _tp_inspector_set_label (toggle, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_SWITCH, property, property, objects, row, toggle);
  _tp_inspector_field_refresh (field);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_field_notify), field);
  return field;
}

static void
teardown (TpInspector *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    ((Field *) g_ptr_array_index (self->fields, i))->inspector = NULL;
  g_ptr_array_set_size (self->fields, 0);
  g_array_set_size (self->conditions, 0);
  self->applying = NULL;
  g_clear_pointer (&self->page, gtk_widget_unparent);
}

static void
build_form (TpInspector *self)
{
  GtkWidget *page;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->stale = FALSE;
  teardown (self);
  if (self->document != NULL)
    tp_history_break_coalescing (tp_document_get_history (self->document));

  if (self->journey == NULL)
    {
      page = adw_status_page_new ();
      adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Journey"));
      adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "document-properties-symbolic");
      gtk_widget_add_css_class (page, "compact");
    }
  else
    {
      page = adw_preferences_page_new ();
      _tp_inspector_build_form (self, page);
      _tp_inspector_update_visibility (self);
    }

  self->page = page;
  gtk_widget_set_parent (page, GTK_WIDGET (self));
}

/* A hidden inspector (Insights in front, as when a journey opens) builds
 * its form when it is shown or looked at: a form is a twentieth of the
 * CPU of opening the sample. Without a window (tests) it builds at once. */
static void
rebuild (TpInspector *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    {
      build_form (self);
      return;
    }
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  /* No stale field may edit an element that changed or left meanwhile. */
  teardown (self);
  self->stale = TRUE;
}

static void
tp_inspector_map (GtkWidget *widget)
{
  TpInspector *self = TP_INSPECTOR (widget);

  if (self->stale)
    build_form (self);
  GTK_WIDGET_CLASS (tp_inspector_parent_class)->map (widget);
}

/* ---------------------------------------------------------------- following the model */

static void
refresh_property (TpInspector *self,
                  gpointer     object,
                  const char  *property)
{
  /* A copy: refreshing never rebuilds the form, but stay safe. */
  g_autoptr(GPtrArray) fields = g_ptr_array_copy (self->fields, NULL, NULL);

  property = g_intern_string (property);
  for (guint i = 0; i < fields->len; i++)
    {
      Field *field = g_ptr_array_index (fields, i);

      if ((field->property == property || field->property2 == property)
          && field_has_object (field, object))
        _tp_inspector_field_refresh (field);
    }
}

static void
on_journey_notify (TpJourney   *journey,
                   GParamSpec  *pspec,
                   TpInspector *self)
{
  GtkWidget *score;

  refresh_property (self, journey, pspec->name);

  /* The thresholds that a touchpoint's score hint refers to. */
  score = tp_inspector_get_field_widget (self, "score");
  if (score != NULL
      && (g_str_equal (pspec->name, "good-enough") || g_str_equal (pspec->name, "moment-target")))
    _tp_inspector_field_refresh (g_object_get_data (G_OBJECT (score), "tp-inspector-field"));
}

static void
on_element_changed (TpJourney   *journey,
                    TpElement   *element,
                    GParamSpec  *pspec,
                    TpInspector *self)
{
  refresh_property (self, element, pspec->name);
  /* A touchpoint's score hint depends on its kind. */
  if (g_str_equal (pspec->name, "kind"))
    refresh_property (self, element, "score");
  _tp_inspector_update_visibility (self);
}

static gboolean
in_journey (TpInspector *self,
            TpElement   *element)
{
  return tp_journey_lookup (self->journey, tp_element_get_id (element)) == element;
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TpInspector *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Brings a pending rebuild forward, for callers that look at the form. */
static void
flush_rebuild (TpInspector *self)
{
  if (self->rebuild_id != 0 || self->stale)
    build_form (self);
}

static void
on_journey_changed (TpJourney   *journey,
                    TpInspector *self)
{
  gboolean lost = FALSE;

  /* An element that left the journey (deleted, or its creation undone)
   * leaves the selection; with none left, the journey is shown. */
  for (guint i = self->selection->len; i > 0; i--)
    if (!in_journey (self, g_ptr_array_index (self->selection, i - 1)))
      {
        g_ptr_array_remove_index (self->selection, i - 1);
        lost = TRUE;
      }
  if (lost)
    {
      /* No field may edit an element that left. A deletion can take many
       * selected elements one by one: build the new form once, before the
       * next frame. */
      teardown (self);
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
      return;
    }

  /* Names of stages, lanes and touchpoints in the combos. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->choice_ids != NULL && field != self->applying && field_update_choices (field))
        _tp_inspector_field_refresh (field);
    }
}

/* ---------------------------------------------------------------- public */

GtkWidget *
tp_inspector_new (void)
{
  return g_object_new (TP_TYPE_INSPECTOR, NULL);
}

TpDocument *
tp_inspector_get_document (TpInspector *self)
{
  g_return_val_if_fail (TP_IS_INSPECTOR (self), NULL);
  return self->document;
}

void
tp_inspector_set_document (TpInspector *self,
                           TpDocument  *document)
{
  g_return_if_fail (TP_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  teardown (self);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  g_clear_object (&self->journey);
  g_set_object (&self->document, document);
  g_ptr_array_set_size (self->selection, 0);

  if (document != NULL)
    {
      self->journey = g_object_ref (tp_document_get_journey (document));
      g_signal_connect_object (self->journey, "notify", G_CALLBACK (on_journey_notify), self, 0);
      g_signal_connect_object (self->journey, "element-changed", G_CALLBACK (on_element_changed), self, 0);
      g_signal_connect_object (self->journey, "changed", G_CALLBACK (on_journey_changed), self, 0);
    }

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
tp_inspector_set_selection (TpInspector *self,
                            GPtrArray   *elements)
{
  g_autoptr(GPtrArray) selection = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean same;

  g_return_if_fail (TP_IS_INSPECTOR (self));

  for (guint i = 0; self->journey != NULL && elements != NULL && i < elements->len; i++)
    {
      TpElement *element = g_ptr_array_index (elements, i);

      g_return_if_fail (TP_IS_ELEMENT (element));
      if (in_journey (self, element) && !g_ptr_array_find (selection, element, NULL))
        g_ptr_array_add (selection, g_object_ref (element));
    }

  /* The same selection again keeps the form, and the cursor in it. */
  same = selection->len == self->selection->len;
  for (guint i = 0; same && i < selection->len; i++)
    same = g_ptr_array_index (selection, i) == g_ptr_array_index (self->selection, i);
  if (same && self->page != NULL)
    return;

  g_ptr_array_unref (self->selection);
  self->selection = g_steal_pointer (&selection);
  rebuild (self);
}

GPtrArray *
tp_inspector_get_selection (TpInspector *self)
{
  g_return_val_if_fail (TP_IS_INSPECTOR (self), NULL);
  flush_rebuild (self);
  return self->selection;
}

GtkWidget *
tp_inspector_get_field_widget (TpInspector *self,
                               const char  *key)
{
  g_return_val_if_fail (TP_IS_INSPECTOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  flush_rebuild (self);
  key = g_intern_string (key);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->key == key)
        return field->widget;
    }
  return NULL;
}

/* ---------------------------------------------------------------- class */

static void
tp_inspector_dispose (GObject *object)
{
  TpInspector *self = TP_INSPECTOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  teardown (self);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_data (self->journey, self);
  g_clear_object (&self->journey);
  g_clear_object (&self->document);
  if (self->selection != NULL)
    g_ptr_array_set_size (self->selection, 0);

  G_OBJECT_CLASS (tp_inspector_parent_class)->dispose (object);
}

static void
tp_inspector_finalize (GObject *object)
{
  TpInspector *self = TP_INSPECTOR (object);

  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_array_unref);

  G_OBJECT_CLASS (tp_inspector_parent_class)->finalize (object);
}

static void
tp_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpInspector *self = TP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpInspector *self = TP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_inspector_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_inspector_class_init (TpInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_inspector_dispose;
  widget_class->map = tp_inspector_map;
  object_class->finalize = tp_inspector_finalize;
  object_class->get_property = tp_inspector_get_property;
  object_class->set_property = tp_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "inspector.use-department", "(ss)",
                                   _tp_inspector_use_department_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tp_inspector_init (TpInspector *self)
{
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->fields = g_ptr_array_new ();
  self->conditions = g_array_new (FALSE, FALSE, sizeof (Condition));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Inspector"), -1);
  gtk_widget_set_size_request (GTK_WIDGET (self), 280, -1);
  rebuild (self);
}
