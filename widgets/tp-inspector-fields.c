/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-inspector-private.h"

/* Fields of the inspector that are more than one widget: an opportunity's
 * due date (an entry that checks YYYY-MM-DD, and a calendar) and its
 * priority (computed, read-only). */

/* ---- due date */

static void
date_show_error (Field    *field,
                 gboolean  error)
{
  gtk_widget_set_visible (field->extra, error);
  if (error)
    gtk_widget_add_css_class (field->row, "error");
  else
    gtk_widget_remove_css_class (field->row, "error");
}

void
_tp_inspector_date_refresh (Field *field)
{
  GObject *object = g_ptr_array_index (field->objects, 0);
  g_autofree char *text = NULL;

  g_object_get (object, field->property, &text, NULL);
  if (text == NULL)
    text = g_strdup ("");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  date_show_error (field, FALSE);
}

/* Half-typed dates stay in the entry, marked, and do not reach the model
 * until they are whole and real. */
gboolean
_tp_inspector_date_apply (Field    *field,
                          GObject  *object,
                          GError  **error)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));

  if (!tp_date_is_valid (text))
    {
      date_show_error (field, TRUE);
      return TRUE;
    }
  date_show_error (field, FALSE);
  return tp_document_set_string (field->inspector->document, object, field->property, text, error);
}

static void
on_date_changed (GtkEditable *editable,
                 Field       *field)
{
  _tp_inspector_field_apply (field);
}

/* A whole edit of its own: the next typing starts a new undo step. */
static void
set_date_text (Field      *field,
               const char *text)
{
  TpInspector *self = field->inspector;

  if (self == NULL || self->document == NULL)
    return;
  tp_history_break_coalescing (tp_document_get_history (self->document));
  gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
  tp_history_break_coalescing (tp_document_get_history (self->document));
}

static void
on_day_selected (GtkCalendar *calendar,
                 GtkWidget   *popover)
{
  Field *field = g_object_get_data (G_OBJECT (popover), "tp-date-field");
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  set_date_text (field, text);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_clear_clicked (GtkButton *button,
                  GtkWidget *popover)
{
  set_date_text (g_object_get_data (G_OBJECT (popover), "tp-date-field"), "");
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The calendar opens on the date in the entry, or today. */
static void
on_popover_show (GtkWidget   *popover,
                 GtkCalendar *calendar)
{
  Field *field = g_object_get_data (G_OBJECT (popover), "tp-date-field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->widget));
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (*text != '\0' && tp_date_is_valid (text) && sscanf (text, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (calendar, on_day_selected, popover);
  gtk_calendar_select_day (calendar, date);
  g_signal_handlers_unblock_by_func (calendar, on_day_selected, popover);
}

Field *
_tp_inspector_add_date (TpInspector *self,
                        GtkWidget   *group,
                        const char  *title,
                        gpointer     object,
                        const char  *property)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *error = gtk_label_new (_("Not a date"));
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = gtk_calendar_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Due Date"));
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_enable_undo (GTK_EDITABLE (row), FALSE);
  _tp_inspector_set_label (row, title);
  gtk_widget_set_tooltip_text (row, _("A date written as YYYY-MM-DD, such as 2027-03-31, or empty"));

  /* Says what is wrong where the user is looking. */
  gtk_widget_add_css_class (error, "error");
  gtk_widget_add_css_class (error, "caption");
  gtk_widget_set_tooltip_text (error, _("Write the date as YYYY-MM-DD, such as 2027-03-31"));
  gtk_widget_set_visible (error, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), error);

  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_tooltip_text (button, _("Pick a Date"));
  _tp_inspector_set_label (button, _("Pick a Date"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_DATE, property, property, objects, row, row);
  field->extra = error;
  g_object_set_data (G_OBJECT (popover), "tp-date-field", field);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (on_day_selected), popover);
  g_signal_connect (clear, "clicked", G_CALLBACK (on_clear_clicked), popover);
  g_signal_connect (popover, "show", G_CALLBACK (on_popover_show), calendar);
  _tp_inspector_field_refresh (field);
  g_signal_connect (row, "changed", G_CALLBACK (on_date_changed), field);
  return field;
}

/* ---- priority */

void
_tp_inspector_priority_refresh (Field *field)
{
  TpOpportunity *opportunity = TP_OPPORTUNITY (g_ptr_array_index (field->objects, 0));
  int priority = tp_opportunity_get_priority (opportunity);
  g_autofree char *text = NULL;

  if (priority == 0)
    text = g_strdup (_("Set impact and effort"));
  else
    /* Translators: a priority and its number, e.g. "High (20 of 25)" */
    text = g_strdup_printf (_("%s (%d of 25)"), tp_priority_get_display_name (priority), priority);
  gtk_label_set_text (GTK_LABEL (field->extra), text);
}

Field *
_tp_inspector_add_priority (TpInspector *self,
                            GtkWidget   *group,
                            gpointer     object)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (object);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);
  Field *field;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Priority"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("From impact and effort"));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  field = _tp_inspector_field_new (self, FIELD_PRIORITY, "priority", "impact", objects, row, label);
  field->property2 = g_intern_static_string ("effort");
  field->extra = label;
  _tp_inspector_field_refresh (field);
  return field;
}
