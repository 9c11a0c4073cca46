/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "tp-inspector-private.h"

/* The inspector's forms, one for each kind of thing it edits, built from
 * the fields of tp-inspector.c. */

/* ---- departments: pick one already used in the journey */

static void
add_department (GPtrArray  *departments,
                const char *department)
{
  if (department == NULL || *department == '\0')
    return;
  for (guint i = 0; i < departments->len; i++)
    if (g_str_equal (g_ptr_array_index (departments, i), department))
      return;
  g_ptr_array_add (departments, (gpointer) department);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

static void
create_department_menu (GtkMenuButton *button,
                        gpointer       user_data)
{
  TpInspector *self = TP_INSPECTOR (user_data);
  /* Which entry the chosen department goes into. */
  const char *key = g_object_get_data (G_OBJECT (button), "tp-department-key");
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();
  g_autoptr(GMenu) menu = g_menu_new ();

  if (self->journey != NULL)
    {
      GListModel *touchpoints = tp_journey_get_touchpoints (self->journey);
      GListModel *notes = tp_journey_get_employee_notes (self->journey);

      for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
        {
          g_autoptr(TpTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
          add_department (departments, tp_touchpoint_get_department (touchpoint));
        }
      for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
        {
          g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
          add_department (departments, tp_employee_note_get_department (note));
          add_department (departments, tp_employee_note_get_caused_by (note));
        }
    }
  g_ptr_array_sort (departments, compare_strings);

  for (guint i = 0; i < departments->len; i++)
    {
      const char *department = g_ptr_array_index (departments, i);
      g_auto(GStrv) parts = g_strsplit (department, "_", -1);
      g_autofree char *label = g_strjoinv ("__", parts);   /* no mnemonics */
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "inspector.use-department",
                                               g_variant_new ("(ss)", key, department));
      g_menu_append_item (menu, item);
    }
  if (departments->len == 0)
    g_menu_append (menu, _("No departments yet"), "inspector.none");

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

void
_tp_inspector_use_department_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  TpInspector *self = TP_INSPECTOR (widget);
  const char *key, *department;
  GtkWidget *entry;

  g_variant_get (parameter, "(&s&s)", &key, &department);
  entry = tp_inspector_get_field_widget (self, key);
  if (entry == NULL || self->document == NULL)
    return;
  /* Its own undo step. */
  tp_history_break_coalescing (tp_document_get_history (self->document));
  gtk_editable_set_text (GTK_EDITABLE (entry), department);
  tp_history_break_coalescing (tp_document_get_history (self->document));
  gtk_widget_grab_focus (entry);
}

static Field *
add_department_entry (TpInspector *self,
                      GtkWidget   *group,
                      const char  *title,
                      gpointer     object,
                      const char  *property)
{
  Field *field = _tp_inspector_add_entry (self, group, title, object, property);
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-list-bullet-symbolic");
  gtk_widget_set_tooltip_text (button, _("Departments in This Journey"));
  _tp_inspector_set_label (button, _("Departments in This Journey"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "tp-department-key", (gpointer) field->key);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_department_menu, self, NULL);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field->row), button);
  return field;
}

/* AdwEntryRow has no placeholder property in libadwaita 1.2: its text
 * widget takes one, shown once the row has the focus and the title has
 * moved up out of the way. */
static void
add_placeholder (Field      *field,
                 const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (field->row));

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), text);
  gtk_widget_set_tooltip_text (field->row, text);
}

/* ---- when rows apply */

static gboolean
is_contact (GObject *object)
{
  return tp_touchpoint_is_contact (TP_TOUCHPOINT (object));
}

/* Touchpoints and thoughts have a score; an action keeps showing one it has. */
static gboolean
has_score_row (GObject *object)
{
  TpTouchpoint *touchpoint = TP_TOUCHPOINT (object);

  return tp_touchpoint_get_kind (touchpoint) != TP_CARD_KIND_ACTION || tp_touchpoint_get_score (touchpoint) > 0;
}

static gboolean
is_reported (GObject *object)
{
  TpEvidence evidence = TP_IS_TOUCHPOINT (object) ? tp_touchpoint_get_evidence (TP_TOUCHPOINT (object))
                                                  : tp_employee_note_get_evidence (TP_EMPLOYEE_NOTE (object));

  return evidence == TP_EVIDENCE_REPORTED;
}

static gboolean
is_blocker (GObject *object)
{
  return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (object)) == TP_NOTE_KIND_BLOCKER;
}

static gboolean
is_enabler (GObject *object)
{
  return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (object)) == TP_NOTE_KIND_ENABLER;
}

static void
add_evidence (TpInspector *self,
              GtkWidget   *page,
              gpointer     object)
{
  GtkWidget *group = _tp_inspector_add_group (page, _("Evidence"), _("Where this comes from"));
  Field *field;

  _tp_inspector_add_enum (self, group, _("Evidence"), object, "evidence", TP_TYPE_EVIDENCE);
  field = _tp_inspector_add_spin (self, group, _("Respondents"), _("How many customers said so"),
                                  object, "respondents", 0, TP_RESPONDENTS_MAX);
  _tp_inspector_show_when (self, field->row, object, is_reported);
}

/* ---- forms */

static void
build_journey (TpInspector *self,
               GtkWidget   *page)
{
  TpJourney *journey = self->journey;
  GtkWidget *group;

  group = _tp_inspector_add_group (page, _("Journey"), NULL);
  _tp_inspector_add_entry (self, group, _("Title"), journey, "title");
  _tp_inspector_add_entry (self, group, _("Author"), journey, "author");
  /* Translators: the language the journey's texts are written in */
  _tp_inspector_add_entry (self, group, _("Language (en, nl, …)"), journey, "language");
  _tp_inspector_add_text (self, group, _("Description"), journey, "description");

  group = _tp_inspector_add_group (page, _("Persona"), _("The customer this journey is mapped for"));
  _tp_inspector_add_entry (self, group, _("Name"), journey, "persona-name");
  _tp_inspector_add_entry (self, group, _("Segment"), journey, "persona-segment");
  _tp_inspector_add_text (self, group, _("Description"), journey, "persona-description");
  _tp_inspector_add_text (self, group, _("Goals"), journey, "persona-goals");
  _tp_inspector_add_text (self, group, _("Frustrations"), journey, "persona-frustrations");

  group = _tp_inspector_add_group (page, _("Scope"), NULL);
  _tp_inspector_add_enum (self, group, _("Scope"), journey, "scope", TP_TYPE_SCOPE);
  _tp_inspector_add_enum (self, group, _("State"), journey, "state", TP_TYPE_JOURNEY_STATE);

  group = _tp_inspector_add_group (page, _("Thresholds"), _("Scores on the scale of 1 to 10"));
  _tp_inspector_add_spin (self, group, _("Good Enough"), _("Every touchpoint should score at least this"),
                          journey, "good-enough", TP_SCORE_MIN, TP_SCORE_MAX);
  _tp_inspector_add_spin (self, group, _("Moment of Truth Target"),
                          _("Moments of truth should score at least this"),
                          journey, "moment-target", TP_SCORE_MIN, TP_SCORE_MAX);
}

static void
build_touchpoint (TpInspector  *self,
                  GtkWidget    *page,
                  TpTouchpoint *touchpoint)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (touchpoint);
  GtkWidget *group;
  Field *field;

  /* Translators: a card in a customer lane: a touchpoint, customer action or thought */
  group = _tp_inspector_add_group (page, _("Card"), NULL);
  _tp_inspector_add_enum (self, group, _("Kind"), touchpoint, "kind", TP_TYPE_CARD_KIND);
  _tp_inspector_add_entry (self, group, _("Title"), touchpoint, "title");
  _tp_inspector_add_text (self, group, _("Description"), touchpoint, "description");

  group = _tp_inspector_add_group (page, _("Placement"), NULL);
  field = _tp_inspector_add_enum (self, group, _("Channel"), touchpoint, "channel", TP_TYPE_CHANNEL);
  _tp_inspector_show_when (self, field->row, touchpoint, is_contact);
  _tp_inspector_add_reference (self, group, FIELD_STAGE, "stage-id", _("Stage"), touchpoint, "stage-id", NULL);
  _tp_inspector_add_reference (self, group, FIELD_LANE, "lane-id", _("Lane"), touchpoint, "lane-id", NULL);

  group = _tp_inspector_add_group (page, _("Experience"), NULL);
  field = _tp_inspector_add_score (self, group, _("Emotion Score"), objects);
  /* Its hint depends on the flag and the kind too. */
  field->property2 = g_intern_static_string ("moment-of-truth");
  _tp_inspector_field_refresh (field);
  _tp_inspector_show_when (self, field->row, touchpoint, has_score_row);
  field = _tp_inspector_add_switch (self, group, _("Moment of Truth"), _("A moment that should move the customer"),
                                    objects, "moment-of-truth");
  _tp_inspector_show_when (self, field->row, touchpoint, is_contact);
  _tp_inspector_add_text (self, group, _("Customer Quote"), touchpoint, "quote");

  add_evidence (self, page, touchpoint);

  group = _tp_inspector_add_group (page, _("Organisation"), _("Who delivers this touchpoint"));
  _tp_inspector_show_when (self, group, touchpoint, is_contact);
  add_department_entry (self, group, _("Department"), touchpoint, "department");
  _tp_inspector_add_entry (self, group, _("Role"), touchpoint, "role");

  group = _tp_inspector_add_group (page, NULL, NULL);
  _tp_inspector_add_text (self, group, _("Notes"), touchpoint, "notes");
}

static void
build_employee_note (TpInspector    *self,
                     GtkWidget      *page,
                     TpEmployeeNote *note)
{
  g_autoptr(GPtrArray) objects = _tp_inspector_objects_of (note);
  GtkWidget *group;
  Field *field;

  group = _tp_inspector_add_group (page, _("Employee Note"), NULL);
  _tp_inspector_add_enum (self, group, _("Kind"), note, "kind", TP_TYPE_NOTE_KIND);
  _tp_inspector_add_text (self, group, _("Text"), note, "text");
  _tp_inspector_add_reference (self, group, FIELD_ATTACH, "attached-to", _("Attached To"), note,
                               "touchpoint-id", "stage-id");

  group = _tp_inspector_add_group (page, _("Employee"), NULL);
  _tp_inspector_add_entry (self, group, _("Role"), note, "role");
  add_department_entry (self, group, _("Felt by (department)"), note, "department");
  field = add_department_entry (self, group, _("Caused by (department)"), note, "caused-by");
  add_placeholder (field, _("Same department"));
  field = _tp_inspector_add_spin (self, group, _("Severity"), _("From 1, minor, to 3, severe"),
                                  note, "severity", TP_SEVERITY_MIN, TP_SEVERITY_MAX);
  _tp_inspector_show_when (self, field->row, note, is_blocker);
  /* Translators: an enabler's strength that is not given */
  field = _tp_inspector_add_int_combo (self, group, _("Strength"), note, "strength",
                                       C_("strength", "Not set"), TP_STRENGTH_MAX);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _("From 1, some help, to 3, a great help"));
  _tp_inspector_show_when (self, field->row, note, is_enabler);
  _tp_inspector_add_score (self, group, _("Employee Score"), objects);

  add_evidence (self, page, note);
}

static void
build_opportunity (TpInspector   *self,
                   GtkWidget     *page,
                   TpOpportunity *opportunity)
{
  GtkWidget *group = _tp_inspector_add_group (page, _("Opportunity"), NULL);
  Field *field;

  _tp_inspector_add_text (self, group, _("Text"), opportunity, "text");
  _tp_inspector_add_reference (self, group, FIELD_PLACE, "attached-to", _("Attached To"), opportunity,
                               "stage-id", "touchpoint-id");
  field = _tp_inspector_add_reference (self, group, FIELD_LINK, "touchpoint-id",
                                       C_("journey element", "Touchpoint"), opportunity, "touchpoint-id", NULL);
  /* Its stage goes with it. */
  field->property2 = g_intern_static_string ("stage-id");

  group = _tp_inspector_add_group (page, _("Follow-up"), _("Who acts on it, and when"));
  _tp_inspector_add_entry (self, group, _("Owner"), opportunity, "owner");
  add_department_entry (self, group, _("Department"), opportunity, "department");
  _tp_inspector_add_enum (self, group, _("Status"), opportunity, "status", TP_TYPE_OPPORTUNITY_STATUS);
  /* Translators: an opportunity's impact or effort that is not given */
  field = _tp_inspector_add_int_combo (self, group, _("Impact"), opportunity, "impact",
                                       C_("rating", "Not set"), TP_RATING_MAX);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _("From 1, small, to 5, large"));
  field = _tp_inspector_add_int_combo (self, group, _("Effort"), opportunity, "effort",
                                       C_("rating", "Not set"), TP_RATING_MAX);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _("From 1, little work, to 5, a lot"));
  _tp_inspector_add_priority (self, group, opportunity);
  _tp_inspector_add_date (self, group, _("Due Date"), opportunity, "due");
}

static void
build_stage (TpInspector *self,
             GtkWidget   *page,
             TpStage     *stage)
{
  GtkWidget *group = _tp_inspector_add_group (page, _("Stage"), NULL);

  _tp_inspector_add_entry (self, group, _("Name"), stage, "name");
  _tp_inspector_add_text (self, group, _("Description"), stage, "description");
}

static void
build_lane (TpInspector *self,
            GtkWidget   *page,
            TpLane      *lane)
{
  GtkWidget *group = _tp_inspector_add_group (page, _("Lane"), NULL);

  _tp_inspector_add_entry (self, group, _("Name"), lane, "name");
  _tp_inspector_add_enum (self, group, _("Kind"), lane, "kind", TP_TYPE_LANE_KIND);
}

static void
build_several (TpInspector *self,
               GtkWidget   *page)
{
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *group;
  Field *field;

  for (guint i = 0; i < self->selection->len; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (self->selection, i)))
      g_ptr_array_add (touchpoints, g_object_ref (g_ptr_array_index (self->selection, i)));

  title = g_strdup_printf (ngettext ("%u item selected", "%u items selected", self->selection->len),
                           self->selection->len);
  if (touchpoints->len == 0)
    description = g_strdup (_("Select one item to edit it."));
  else
    description = g_strdup_printf (ngettext ("Changes below apply to the selected touchpoint.",
                                             "Changes below apply to the %u selected touchpoints.",
                                             touchpoints->len),
                                   touchpoints->len);
  group = _tp_inspector_add_group (page, title, description);
  if (touchpoints->len == 0)
    return;

  _tp_inspector_add_score (self, group, _("Emotion Score"), touchpoints);
  field = _tp_inspector_add_switch (self, group, _("Moment of Truth"), NULL, touchpoints, "moment-of-truth");
  field->group_label = _("Change Moment of Truth");
}

/* The form for what is selected, in @page. */
void
_tp_inspector_build_form (TpInspector *self,
                          GtkWidget   *page)
{
  if (self->selection->len == 0)
    build_journey (self, page);
  else if (self->selection->len > 1)
    build_several (self, page);
  else
    {
      TpElement *element = g_ptr_array_index (self->selection, 0);

      if (TP_IS_TOUCHPOINT (element))
        build_touchpoint (self, page, TP_TOUCHPOINT (element));
      else if (TP_IS_EMPLOYEE_NOTE (element))
        build_employee_note (self, page, TP_EMPLOYEE_NOTE (element));
      else if (TP_IS_OPPORTUNITY (element))
        build_opportunity (self, page, TP_OPPORTUNITY (element));
      else if (TP_IS_STAGE (element))
        build_stage (self, page, TP_STAGE (element));
      else if (TP_IS_LANE (element))
        build_lane (self, page, TP_LANE (element));
    }
}
