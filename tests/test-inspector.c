/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-inspector.h"
#include "tp-test-util.h"

typedef struct {
  TpDocument *document;
  TpJourney *journey;
  TpHistory *history;
  TpInspector *inspector;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (path);

  fixture->document = tp_document_new (journey);
  fixture->journey = tp_document_get_journey (fixture->document);
  fixture->history = tp_document_get_history (fixture->document);
  fixture->inspector = TP_INSPECTOR (g_object_ref_sink (tp_inspector_new ()));
  tp_inspector_set_document (fixture->inspector, fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->inspector);
  g_assert_finalize_object (fixture->document);
}

static void
select_one (Fixture    *fixture,
            const char *id)
{
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  TpElement *element = tp_journey_lookup (fixture->journey, id);

  g_assert_nonnull (element);
  g_ptr_array_add (selection, element);
  tp_inspector_set_selection (fixture->inspector, selection);
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 1);
}

static GtkWidget *
field (Fixture    *fixture,
       const char *key)
{
  GtkWidget *widget = tp_inspector_get_field_widget (fixture->inspector, key);

  g_assert_nonnull (widget);
  return widget;
}

static guint
find_choice (AdwComboRow *row,
             const char  *text)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;
  g_assert_not_reached ();
  return GTK_INVALID_LIST_POSITION;
}

static const char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set_data_full (G_OBJECT (view), "test-text", text, g_free);
  return text;
}

/* Nothing selected: the journey's fields; typing is one undo step. */
static void
test_journey_title (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *title = field (fixture, "title");
  const char *original = tp_journey_get_title (fixture->journey);
  g_autofree char *saved = g_strdup (original);

  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 0);
  g_assert_true (ADW_IS_ENTRY_ROW (title));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Hospital outpatient visit");
  g_assert_nonnull (tp_inspector_get_field_widget (fixture->inspector, "persona-name"));
  g_assert_true (GTK_IS_SPIN_BUTTON (field (fixture, "good-enough")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (fixture, "moment-target"))),
                   ==, tp_journey_get_moment_target (fixture->journey));
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 0);

  /* Typing, as a user would: one step, and more characters coalesce into it. */
  gtk_editable_set_text (GTK_EDITABLE (title), "Hospital");
  g_assert_cmpstr (tp_journey_get_title (fixture->journey), ==, "Hospital");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (title), "Hospital visit");
  gtk_editable_insert_text (GTK_EDITABLE (title), "!", 1, &(int) { 14 });
  g_assert_cmpstr (tp_journey_get_title (fixture->journey), ==, "Hospital visit!");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);

  /* Undo puts the field back, without recording anything. */
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpstr (tp_journey_get_title (fixture->journey), ==, saved);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, saved);
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 0);
  g_assert_cmpuint (tp_history_get_redo_depth (fixture->history), ==, 1);

  /* Redo too. */
  g_assert_true (tp_document_redo (fixture->document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "Hospital visit!");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
}

/* Leaving a field ends its step; another field is another step. */
static void
test_separate_fields_separate_steps (Fixture       *fixture,
                                     gconstpointer  data)
{
  GtkWidget *title = field (fixture, "title");
  GtkWidget *author = field (fixture, "author");
  GtkWidget *description = field (fixture, "description");

  gtk_editable_set_text (GTK_EDITABLE (title), "A");
  gtk_editable_set_text (GTK_EDITABLE (author), "B");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (description)), "C", -1);
  g_assert_cmpstr (tp_journey_get_description (fixture->journey), ==, "C");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 3);

  /* Back in the title after a break (what leaving a field does): a new step. */
  tp_history_break_coalescing (fixture->history);
  gtk_editable_set_text (GTK_EDITABLE (title), "AB");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 4);

  /* A change made elsewhere shows in the text view. */
  tp_document_undo (fixture->document);
  tp_document_undo (fixture->document);
  g_assert_cmpstr (text_view_text (description), ==, tp_journey_get_description (fixture->journey));
  g_assert_cmpstr (tp_journey_get_description (fixture->journey), !=, "C");
}

/* In a window, moving the focus to another field ends the step. */
static void
test_focus_leave_breaks_coalescing (Fixture       *fixture,
                                    gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *title = field (fixture, "title");
  GtkWidget *author = field (fixture, "author");

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fixture->inspector));
  gtk_window_present (GTK_WINDOW (window));

  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "One");
  gtk_widget_grab_focus (author);
  gtk_widget_grab_focus (title);
  gtk_editable_set_text (GTK_EDITABLE (title), "One two");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 2);

  gtk_window_set_child (GTK_WINDOW (window), NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* t19: the three-minute consult, a moment of truth scored 3. */
static void
test_touchpoint (Fixture       *fixture,
                 gconstpointer  data)
{
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (fixture->journey, "t19");
  GtkWidget *score, *moment, *channel;

  select_one (fixture, "t19");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "title"))), ==,
                   "Three-minute consult with the cardiologist");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "department"))), ==,
                   "Cardiology outpatient clinic");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "role"))), ==, "Specialist");
  g_assert_cmpstr (text_view_text (field (fixture, "quote")), ==, tp_touchpoint_get_quote (consult));
  g_assert_cmpstr (text_view_text (field (fixture, "notes")), ==, tp_touchpoint_get_notes (consult));
  g_assert_null (tp_inspector_get_field_widget (fixture->inspector, "author"));

  score = field (fixture, "score");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (score)), ==, 3);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), ==,
                   "Below the target of 9 for a moment of truth");
  moment = field (fixture, "moment-of-truth");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (moment)));
  channel = field (fixture, "channel");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (channel)), ==, TP_CHANNEL_SHOP);

  /* The score through the widget: one undoable step. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (score), 9);
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 9);
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (score)), ==, 3);

  /* "Not scored" */
  tp_history_break_coalescing (fixture->history);
  adw_combo_row_set_selected (ADW_COMBO_ROW (score), 0);
  g_assert_cmpint (tp_touchpoint_get_score (consult), ==, TP_SCORE_UNSET);

  gtk_switch_set_active (GTK_SWITCH (moment), FALSE);
  g_assert_false (tp_touchpoint_get_moment_of_truth (consult));
  tp_document_undo (fixture->document);
  adw_combo_row_set_selected (ADW_COMBO_ROW (score), 8);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), ==,
                   "Below the target of 9 for a moment of truth");
  gtk_switch_set_active (GTK_SWITCH (moment), FALSE);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), ==, "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (score), 5);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), ==,
                   "Below the good-enough mark of 7");

  adw_combo_row_set_selected (ADW_COMBO_ROW (channel), TP_CHANNEL_PHONE);
  g_assert_cmpint (tp_touchpoint_get_channel (consult), ==, TP_CHANNEL_PHONE);

  /* A change elsewhere comes back to the widgets. */
  tp_document_set_boolean (fixture->document, consult, "moment-of-truth", TRUE, NULL);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (moment)));
  tp_document_set_int (fixture->document, consult, "score", 7, NULL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (score)), ==, 7);
}

static void
test_touchpoint_move (Fixture       *fixture,
                      gconstpointer  data)
{
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (fixture->journey, "t19");
  TpStage *stage = tp_journey_lookup_stage (fixture->journey, "s2");
  TpLane *lane = tp_journey_lookup_lane (fixture->journey, "l3");
  g_autoptr(GPtrArray) cell = NULL;
  GtkWidget *stage_row, *lane_row;

  select_one (fixture, "t19");
  stage_row = field (fixture, "stage-id");
  lane_row = field (fixture, "lane-id");
  g_assert_cmpstr (adw_combo_row_get_selected_item (ADW_COMBO_ROW (stage_row)) ?
                   gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (stage_row))) : NULL,
                   ==, tp_stage_get_name (tp_journey_lookup_stage (fixture->journey, "s4")));

  /* The card goes to the end of the target cell. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (stage_row),
                              find_choice (ADW_COMBO_ROW (stage_row), tp_stage_get_name (stage)));
  g_assert_cmpstr (tp_touchpoint_get_stage_id (consult), ==, "s2");
  g_assert_cmpstr (tp_touchpoint_get_lane_id (consult), ==, "l2");
  cell = tp_journey_get_cell_touchpoints (fixture->journey, "s2", "l2");
  g_assert_true (g_ptr_array_index (cell, cell->len - 1) == consult);
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);

  adw_combo_row_set_selected (ADW_COMBO_ROW (lane_row),
                              find_choice (ADW_COMBO_ROW (lane_row), tp_lane_get_name (lane)));
  g_assert_cmpstr (tp_touchpoint_get_lane_id (consult), ==, "l3");

  /* Undo moves it back, and the combos follow. */
  tp_document_undo (fixture->document);
  tp_document_undo (fixture->document);
  g_assert_cmpstr (tp_touchpoint_get_stage_id (consult), ==, "s4");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (stage_row))),
                   ==, tp_stage_get_name (tp_journey_lookup_stage (fixture->journey, "s4")));

  /* Renaming a stage renames the choice. */
  tp_document_set_string (fixture->document, stage, "name", "Kiezen", NULL);
  find_choice (ADW_COMBO_ROW (stage_row), "Kiezen");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (stage_row))),
                   ==, tp_stage_get_name (tp_journey_lookup_stage (fixture->journey, "s4")));
}

static void
test_employee_note (Fixture       *fixture,
                    gconstpointer  data)
{
  TpEmployeeNote *note = TP_EMPLOYEE_NOTE (tp_journey_lookup (fixture->journey, "e1"));
  TpStage *stage = tp_journey_lookup_stage (fixture->journey, "s2");
  g_autofree char *stage_choice = g_strdup_printf ("Stage: %s", tp_stage_get_name (stage));
  GtkWidget *attached;

  select_one (fixture, "e1");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (fixture, "kind"))), ==,
                    TP_NOTE_KIND_BLOCKER);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (field (fixture, "severity"))), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (field (fixture, "score"))), ==, 4);
  g_assert_cmpstr (text_view_text (field (fixture, "text")), ==, tp_employee_note_get_text (note));

  attached = field (fixture, "attached-to");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (attached))),
                   ==, "Touchpoint: Three-minute consult with the cardiologist");

  adw_combo_row_set_selected (ADW_COMBO_ROW (attached), find_choice (ADW_COMBO_ROW (attached), stage_choice));
  g_assert_cmpstr (tp_employee_note_get_stage_id (note), ==, "s2");
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);

  tp_document_undo (fixture->document);
  g_assert_cmpstr (tp_employee_note_get_touchpoint_id (note), ==, "t19");
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (attached))),
                   ==, "Touchpoint: Three-minute consult with the cardiologist");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field (fixture, "severity")), 1);
  g_assert_cmpint (tp_employee_note_get_severity (note), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "kind")), TP_NOTE_KIND_ENABLER);
  g_assert_cmpint (tp_employee_note_get_kind (note), ==, TP_NOTE_KIND_ENABLER);
}

static void
test_opportunity_stage_lane (Fixture       *fixture,
                             gconstpointer  data)
{
  TpOpportunity *opportunity = TP_OPPORTUNITY (tp_journey_lookup (fixture->journey, "o1"));
  TpStage *stage = tp_journey_lookup_stage (fixture->journey, "s1");
  TpLane *lane = tp_journey_lookup_lane (fixture->journey, "l1");
  GtkWidget *link;

  select_one (fixture, "o1");
  link = field (fixture, "touchpoint-id");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "owner"))), ==, "Head of Cardiology");
  adw_combo_row_set_selected (ADW_COMBO_ROW (link), 0);
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "");

  select_one (fixture, "s1");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "name")), "Oriënteren");
  g_assert_cmpstr (tp_stage_get_name (stage), ==, "Oriënteren");

  select_one (fixture, "l1");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "kind")), TP_LANE_KIND_NOTES);
  g_assert_cmpint (tp_lane_get_kind (lane), ==, TP_LANE_KIND_NOTES);
}

/* Whether the row of a field's widget is shown, as far as its own row
 * and group say. */
static gboolean
row_shown (Fixture    *fixture,
           const char *key)
{
  GtkWidget *widget = field (fixture, key);
  GtkWidget *row = ADW_IS_PREFERENCES_ROW (widget) ? widget
                   : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

  return gtk_widget_get_visible (row) && gtk_widget_get_visible (group);
}

static const char *
combo_text (Fixture    *fixture,
            const char *key)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (field (fixture, key)));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* A card's kind decides which rows it has; changing it is one step and
 * undo brings the rows back. */
static void
test_card_kind (Fixture       *fixture,
                gconstpointer  data)
{
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (fixture->journey, "t19");
  TpTouchpoint *action = tp_journey_lookup_touchpoint (fixture->journey, "t18");
  TpTouchpoint *thought = tp_journey_lookup_touchpoint (fixture->journey, "t20");
  GtkWidget *kind;

  select_one (fixture, "t19");
  kind = field (fixture, "kind");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, TP_CARD_KIND_TOUCHPOINT);
  g_assert_cmpstr (combo_text (fixture, "kind"), ==, "Touchpoint");
  g_assert_true (row_shown (fixture, "channel"));
  g_assert_true (row_shown (fixture, "department"));
  g_assert_true (row_shown (fixture, "role"));
  g_assert_true (row_shown (fixture, "moment-of-truth"));
  g_assert_true (row_shown (fixture, "score"));

  /* To a thought: no channel, owner or moment of truth; still a score. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), TP_CARD_KIND_THOUGHT);
  g_assert_cmpint (tp_touchpoint_get_kind (consult), ==, TP_CARD_KIND_THOUGHT);
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  g_assert_false (row_shown (fixture, "channel"));
  g_assert_false (row_shown (fixture, "department"));
  g_assert_false (row_shown (fixture, "role"));
  g_assert_false (row_shown (fixture, "moment-of-truth"));
  g_assert_true (row_shown (fixture, "score"));
  /* The thresholds are for touchpoints. */
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (field (fixture, "score"))), ==, "");

  /* Undo: a touchpoint again, and its rows are back. */
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kind)), ==, TP_CARD_KIND_TOUCHPOINT);
  g_assert_true (row_shown (fixture, "channel"));
  g_assert_true (row_shown (fixture, "moment-of-truth"));

  /* An action without a score shows none; one with a score keeps it. */
  select_one (fixture, "t18");
  g_assert_cmpstr (combo_text (fixture, "kind"), ==, "Customer action");
  g_assert_false (row_shown (fixture, "channel"));
  g_assert_false (row_shown (fixture, "score"));
  tp_document_set_int (fixture->document, action, "score", 6, NULL);
  g_assert_true (row_shown (fixture, "score"));

  select_one (fixture, "t20");
  g_assert_cmpstr (combo_text (fixture, "kind"), ==, "Thought or feeling");
  g_assert_true (row_shown (fixture, "score"));
  g_assert_false (row_shown (fixture, "moment-of-truth"));
  g_assert_cmpint (tp_touchpoint_get_kind (thought), ==, TP_CARD_KIND_THOUGHT);
}

/* Evidence, with respondents only for what customers reported. */
static void
test_evidence (Fixture       *fixture,
               gconstpointer  data)
{
  TpTouchpoint *consult = tp_journey_lookup_touchpoint (fixture->journey, "t19");
  GtkWidget *evidence, *respondents;

  select_one (fixture, "t19");
  evidence = field (fixture, "evidence");
  respondents = field (fixture, "respondents");
  g_assert_cmpstr (combo_text (fixture, "evidence"), ==, "Reported by customers");
  g_assert_true (row_shown (fixture, "respondents"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (respondents)), ==, 14);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (respondents), 20);
  g_assert_cmpint (tp_touchpoint_get_respondents (consult), ==, 20);
  tp_history_break_coalescing (fixture->history);

  adw_combo_row_set_selected (ADW_COMBO_ROW (evidence), TP_EVIDENCE_OBSERVED);
  g_assert_cmpint (tp_touchpoint_get_evidence (consult), ==, TP_EVIDENCE_OBSERVED);
  g_assert_false (row_shown (fixture, "respondents"));
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 2);

  g_assert_true (tp_document_undo (fixture->document));
  g_assert_true (row_shown (fixture, "respondents"));
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (respondents)), ==, 14);

  /* The names the user picks from. */
  g_assert_cmpuint (find_choice (ADW_COMBO_ROW (evidence), "Not stated"), ==, TP_EVIDENCE_NONE);
  g_assert_cmpuint (find_choice (ADW_COMBO_ROW (evidence), "Assumed"), ==, TP_EVIDENCE_ASSUMED);
}

/* A blocker has a severity, an enabler a strength; both a felt-by and a
 * caused-by department and evidence. */
static void
test_employee_note_departments (Fixture       *fixture,
                                gconstpointer  data)
{
  TpEmployeeNote *planning = TP_EMPLOYEE_NOTE (tp_journey_lookup (fixture->journey, "e3"));
  TpEmployeeNote *enabler = TP_EMPLOYEE_NOTE (tp_journey_lookup (fixture->journey, "e4"));
  GtkWidget *caused_by, *strength;

  select_one (fixture, "e3");
  caused_by = field (fixture, "caused-by");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caused_by)), ==, "Planning");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field (fixture, "department"))), ==,
                   "Felt by (department)");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (caused_by)), ==, "Caused by (department)");
  g_assert_true (row_shown (fixture, "severity"));
  g_assert_false (row_shown (fixture, "strength"));
  g_assert_cmpstr (combo_text (fixture, "evidence"), ==, "Observed");

  gtk_editable_set_text (GTK_EDITABLE (caused_by), "");
  g_assert_cmpstr (tp_employee_note_get_caused_by (planning), ==, "");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (caused_by)), ==, "Planning");

  /* An enabler: strength, 0 meaning not set, and no severity. */
  select_one (fixture, "e4");
  strength = field (fixture, "strength");
  g_assert_false (row_shown (fixture, "severity"));
  g_assert_true (row_shown (fixture, "strength"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (strength)), ==, 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (strength), 0);
  g_assert_cmpint (tp_employee_note_get_strength (enabler), ==, 0);
  g_assert_cmpstr (combo_text (fixture, "strength"), ==, "Not set");
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpint (tp_employee_note_get_strength (enabler), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (strength)), ==, 3);

  /* Turned into a blocker, it shows a severity instead. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "kind")), TP_NOTE_KIND_BLOCKER);
  g_assert_true (row_shown (fixture, "severity"));
  g_assert_false (row_shown (fixture, "strength"));
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_false (row_shown (fixture, "severity"));
}

/* An opportunity: where it is attached, its workflow and due date. */
static void
test_opportunity_workflow (Fixture       *fixture,
                           gconstpointer  data)
{
  TpOpportunity *opportunity = TP_OPPORTUNITY (tp_journey_lookup (fixture->journey, "o1"));
  TpStage *stage = tp_journey_lookup_stage (fixture->journey, "s3");
  g_autofree char *stage_choice = g_strdup_printf ("Stage: %s", tp_stage_get_name (stage));
  GtkWidget *attached, *impact, *effort, *priority, *due, *status;
  guint depth;

  select_one (fixture, "o1");
  attached = field (fixture, "attached-to");
  g_assert_cmpstr (combo_text (fixture, "attached-to"), ==,
                   "Touchpoint: Three-minute consult with the cardiologist");
  find_choice (ADW_COMBO_ROW (attached), "Whole journey");

  /* To a stage: one step through the document. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (attached), find_choice (ADW_COMBO_ROW (attached), stage_choice));
  g_assert_cmpstr (tp_opportunity_get_stage_id (opportunity), ==, "s3");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  g_assert_cmpstr (combo_text (fixture, "touchpoint-id"), ==, "None");
  /* Its touchpoint is no longer a choice. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (attached))), ==,
                    1 + g_list_model_get_n_items (tp_journey_get_stages (fixture->journey)));

  adw_combo_row_set_selected (ADW_COMBO_ROW (attached), 0);
  g_assert_cmpstr (tp_opportunity_get_stage_id (opportunity), ==, "");
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "");
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpstr (tp_opportunity_get_touchpoint_id (opportunity), ==, "t19");
  g_assert_cmpstr (combo_text (fixture, "attached-to"), ==,
                   "Touchpoint: Three-minute consult with the cardiologist");

  /* Status, impact, effort, and the priority they give. */
  status = field (fixture, "status");
  g_assert_cmpstr (combo_text (fixture, "status"), ==, "Planned");
  impact = field (fixture, "impact");
  effort = field (fixture, "effort");
  priority = field (fixture, "priority");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (impact)), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (effort)), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "High (15 of 25)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (effort), 5);
  g_assert_cmpint (tp_opportunity_get_effort (opportunity), ==, 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "Low (5 of 25)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (impact), 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "Set impact and effort");
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (priority)), ==, "High (15 of 25)");
  adw_combo_row_set_selected (ADW_COMBO_ROW (status), TP_OPPORTUNITY_STATUS_DONE);
  g_assert_cmpint (tp_opportunity_get_status (opportunity), ==, TP_OPPORTUNITY_STATUS_DONE);

  /* The due date: half-typed or impossible dates stay in the entry,
   * marked, and never reach the model; a real one or none does. */
  tp_history_break_coalescing (fixture->history);
  depth = tp_history_get_undo_depth (fixture->history);
  due = field (fixture, "due");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2027-03-31");
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-02-30");
  g_assert_cmpstr (tp_opportunity_get_due (opportunity), !=, "2027-02-30");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-04");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "2027-04-15");
  g_assert_cmpstr (tp_opportunity_get_due (opportunity), ==, "2027-04-15");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  /* Typing in one field is one step. */
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, depth + 1);
  tp_history_break_coalescing (fixture->history);
  gtk_editable_set_text (GTK_EDITABLE (due), "");
  g_assert_cmpstr (tp_opportunity_get_due (opportunity), ==, "");
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, depth + 2);
  g_assert_true (tp_document_undo (fixture->document));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "2027-04-15");

  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "department")), "Cardiology");
  g_assert_cmpstr (tp_opportunity_get_department (opportunity), ==, "Cardiology");
}

static void
test_several (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  TpTouchpoint *a = tp_journey_lookup_touchpoint (fixture->journey, "t19");
  TpTouchpoint *b = tp_journey_lookup_touchpoint (fixture->journey, "t22");
  GtkWidget *score, *moment;

  g_ptr_array_add (selection, a);
  g_ptr_array_add (selection, b);
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "e1"));
  tp_inspector_set_selection (fixture->inspector, selection);
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 3);
  g_assert_null (tp_inspector_get_field_widget (fixture->inspector, "title"));

  /* Both are moments of truth; their scores differ. */
  moment = field (fixture, "moment-of-truth");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (moment)));
  score = field (fixture, "score");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (score)), ==, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_selected (ADW_COMBO_ROW (score), 9);
  g_assert_cmpint (tp_touchpoint_get_score (a), ==, 9);
  g_assert_cmpint (tp_touchpoint_get_score (b), ==, 9);
  g_assert_cmpuint (tp_history_get_undo_depth (fixture->history), ==, 1);
  tp_document_undo (fixture->document);
  g_assert_cmpint (tp_touchpoint_get_score (a), ==, 3);
  g_assert_cmpint (tp_touchpoint_get_score (b), ==, 6);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (score)), ==, GTK_INVALID_LIST_POSITION);
}

/* When the selected element leaves the journey, the journey is shown. */
static void
test_deleted_selection (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TpTouchpoint) fresh = NULL;
  g_autoptr(GPtrArray) selection = g_ptr_array_new ();
  TpElement *consult = tp_journey_lookup (fixture->journey, "t19");

  select_one (fixture, "t19");
  tp_document_delete (fixture->document, consult);
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "title"))), ==,
                   tp_journey_get_title (fixture->journey));
  tp_document_undo (fixture->document);

  /* The undo of its creation. */
  fresh = tp_touchpoint_new ("t99", "New touchpoint", "s1", "l2", TP_CHANNEL_APP);
  g_assert_true (tp_document_add (fixture->document, TP_ELEMENT (fresh), G_MAXUINT, NULL));
  select_one (fixture, "t99");
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, "title")), "Push notification");
  tp_document_undo (fixture->document);
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 1);
  tp_document_undo (fixture->document);
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 0);
  g_assert_true (ADW_IS_ENTRY_ROW (field (fixture, "title")));
  g_assert_nonnull (tp_inspector_get_field_widget (fixture->inspector, "persona-name"));

  /* One of several goes: the rest stays. */
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "t19"));
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "t22"));
  tp_inspector_set_selection (fixture->inspector, selection);
  tp_document_delete (fixture->document, tp_journey_lookup (fixture->journey, "t22"));
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "title"))), ==,
                   "Three-minute consult with the cardiologist");

  /* Several at once, as one step; the form is rebuilt once, on idle. */
  g_ptr_array_set_size (selection, 0);
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "t19"));
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "t20"));
  g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "e1"));
  tp_inspector_set_selection (fixture->inspector, selection);
  tp_document_delete_many (fixture->document, selection);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (tp_inspector_get_selection (fixture->inspector)->len, ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "title"))), ==,
                   tp_journey_get_title (fixture->journey));
}

static void
test_no_document (void)
{
  GtkWidget *inspector = g_object_ref_sink (tp_inspector_new ());

  tp_inspector_set_selection (TP_INSPECTOR (inspector), NULL);
  g_assert_null (tp_inspector_get_field_widget (TP_INSPECTOR (inspector), "title"));
  g_assert_finalize_object (inspector);
}

static void
wait_for_mapped (GtkWidget *widget,
                 gboolean   mapped)
{
  for (guint i = 0; i < 500 && gtk_widget_get_mapped (widget) != mapped; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
  g_assert_true (gtk_widget_get_mapped (widget) == mapped);
}

/* In a window behind another page (Insights in front, as when a journey
 * opens) the inspector builds no form until it is shown, and then shows
 * the selection it was given meanwhile. */
static void
test_hidden_builds_when_shown (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *page;

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("Insights"), "insights");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (fixture->inspector), "inspector");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "insights");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_mapped (stack, TRUE);

  {
    g_autoptr(GPtrArray) selection = g_ptr_array_new ();

    g_ptr_array_add (selection, tp_journey_lookup (fixture->journey, "t5"));
    tp_inspector_set_selection (fixture->inspector, selection);
  }
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (fixture->inspector)));

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "inspector");
  wait_for_mapped (GTK_WIDGET (fixture->inspector), TRUE);
  page = gtk_widget_get_first_child (GTK_WIDGET (fixture->inspector));
  g_assert_true (ADW_IS_PREFERENCES_PAGE (page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (fixture, "title"))), ==,
                   tp_touchpoint_get_title (tp_journey_lookup_touchpoint (fixture->journey, "t5")));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/inspector/journey-title", test_journey_title);
  ADD ("/inspector/separate-fields", test_separate_fields_separate_steps);
  ADD ("/inspector/focus-leave", test_focus_leave_breaks_coalescing);
  ADD ("/inspector/touchpoint", test_touchpoint);
  ADD ("/inspector/touchpoint-move", test_touchpoint_move);
  ADD ("/inspector/employee-note", test_employee_note);
  ADD ("/inspector/opportunity-stage-lane", test_opportunity_stage_lane);
  ADD ("/inspector/several", test_several);
  ADD ("/inspector/card-kind", test_card_kind);
  ADD ("/inspector/evidence", test_evidence);
  ADD ("/inspector/employee-note-departments", test_employee_note_departments);
  ADD ("/inspector/opportunity-workflow", test_opportunity_workflow);
  ADD ("/inspector/deleted-selection", test_deleted_selection);
  ADD ("/inspector/hidden-builds-when-shown", test_hidden_builds_when_shown);
#undef ADD
  g_test_add_func ("/inspector/no-document", test_no_document);

  return g_test_run ();
}
