/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-csv.h"
#include "tp-department.h"

static const char *table_names[] = { "touchpoints", "employee-notes", "opportunities" };

gboolean
tp_csv_table_from_string (const char *name,
                          TpCsvTable *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (table_names); i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      {
        *table = (TpCsvTable) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tp_csv_table_to_string (TpCsvTable table)
{
  g_return_val_if_fail ((guint) table < G_N_ELEMENTS (table_names), NULL);
  return table_names[table];
}

/* A plain decimal number, such as a score or a negative change. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.' || *p == ',')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/* Spreadsheets run a cell that starts with one of these as a formula: a
 * title "=HYPERLINK(…)" from an untrusted file must stay text. */
static gboolean
starts_like_formula (const char *value)
{
  return strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0' && !is_plain_number (value);
}

void
tp_csv_append_field (GString    *row,
                     gboolean    first,
                     const char *value)
{
  gboolean formula;

  if (!first)
    g_string_append_c (row, ',');
  if (value == NULL)
    return;

  /* The model keeps line ends as \n; a spreadsheet cell keeps them as they
   * are, so they go out unchanged, inside quotes. */
  formula = starts_like_formula (value);
  if (!formula && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (row, value);
      return;
    }

  g_string_append_c (row, '"');
  /* The apostrophe marks the cell as text, as when typed. */
  if (formula)
    g_string_append_c (row, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  g_string_append_c (row, '"');
}

static GString *
csv_start (void)
{
  /* Without a byte order mark Excel reads a .csv in the system's ANSI code
   * page and LibreOffice guesses; with it both take the file as UTF-8, so
   * “Patiëntervaring” and curly quotes survive a double click. */
  return g_string_new (TP_CSV_BOM);
}

static void
csv_end_row (GString *csv)
{
  g_string_append (csv, "\r\n");
}

static void
csv_row (GString    *csv,
         const char *first,
         ...)
{
  va_list args;
  gboolean is_first = TRUE;

  /* NULL ends the row; empty fields are passed as "". */
  va_start (args, first);
  for (const char *value = first; value != NULL; value = va_arg (args, const char *))
    {
      tp_csv_append_field (csv, is_first, value);
      is_first = FALSE;
    }
  va_end (args);
  csv_end_row (csv);
}

static GBytes *
csv_finish (GString *csv)
{
  return g_string_free_to_bytes (csv);
}

static const char *
stage_name (TpJourney  *journey,
            const char *stage_id)
{
  TpStage *stage = stage_id != NULL && *stage_id != '\0'
                   ? tp_journey_lookup_stage (journey, stage_id) : NULL;

  return stage != NULL ? tp_stage_get_name (stage) : "";
}

/* A number, or an empty field for 0 (not set). */
static char *
score_text (int score)
{
  return score == TP_SCORE_UNSET ? g_strdup ("") : g_strdup_printf ("%d", score);
}

static const char *
evidence_text (TpEvidence evidence)
{
  return evidence == TP_EVIDENCE_NONE ? "" : tp_evidence_get_display_name (evidence);
}

GBytes *
tp_csv_write_touchpoints (TpJourney *journey)
{
  g_autoptr(GPtrArray) ordered = NULL;
  GString *csv;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  ordered = tp_journey_get_ordered_touchpoints (journey);
  csv = csv_start ();

  /* Translators: column headers of the touchpoints spreadsheet export */
  csv_row (csv, _("ID"), _("Stage"), _("Lane"), _("Kind"), _("Order"), _("Title"), _("Description"),
           _("Channel"), _("Online or offline"), _("Score"), _("Moment of truth"),
           _("Department"), _("Role"), _("Quote"), _("Notes"), _("Evidence"), _("Respondents"), NULL);

  for (guint i = 0; i < ordered->len; i++)
    {
      TpTouchpoint *tp = g_ptr_array_index (ordered, i);
      TpLane *lane = tp_journey_lookup_lane (journey, tp_touchpoint_get_lane_id (tp));
      g_autofree char *order = g_strdup_printf ("%u", i + 1);
      g_autofree char *score = score_text (tp_touchpoint_get_score (tp));
      g_autofree char *respondents = score_text (tp_touchpoint_get_respondents (tp));
      /* Only a touchpoint proper has a channel that means something. */
      gboolean contact = tp_touchpoint_is_contact (tp);

      csv_row (csv,
               tp_element_get_id (TP_ELEMENT (tp)),
               stage_name (journey, tp_touchpoint_get_stage_id (tp)),
               lane != NULL ? tp_lane_get_name (lane) : "",
               tp_card_kind_get_display_name (tp_touchpoint_get_kind (tp)),
               order,
               tp_touchpoint_get_title (tp),
               tp_touchpoint_get_description (tp),
               contact ? tp_channel_get_display_name (tp_touchpoint_get_channel (tp)) : "",
               !contact ? "" : tp_touchpoint_is_online (tp) ? _("online") : _("offline"),
               score,
               tp_touchpoint_is_moment (tp) ? _("yes") : _("no"),
               tp_touchpoint_get_department (tp),
               tp_touchpoint_get_role (tp),
               tp_touchpoint_get_quote (tp),
               tp_touchpoint_get_notes (tp),
               evidence_text (tp_touchpoint_get_evidence (tp)),
               respondents,
               NULL);
    }

  return csv_finish (csv);
}

GBytes *
tp_csv_write_employee_notes (TpJourney *journey)
{
  GListModel *notes;
  GString *csv;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  notes = tp_journey_get_employee_notes (journey);
  csv = csv_start ();

  /* Translators: column headers of the employee notes spreadsheet export */
  csv_row (csv, _("ID"), _("Kind"), C_("journey element", "Touchpoint"), _("Stage"), _("Role"), _("Department"),
           _("Caused by"), _("Severity"), _("Strength"), _("Score"), _("Evidence"), _("Respondents"),
           _("Text"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
      const char *touchpoint_id = tp_employee_note_get_touchpoint_id (note);
      TpTouchpoint *tp = *touchpoint_id != '\0'
                         ? tp_journey_lookup_touchpoint (journey, touchpoint_id) : NULL;
      /* A note on a touchpoint belongs to that touchpoint's stage. */
      const char *stage_id = tp != NULL ? tp_touchpoint_get_stage_id (tp)
                                        : tp_employee_note_get_stage_id (note);
      gboolean blocker = tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER;
      /* Severity is a blocker's, strength an enabler's (empty when not set). */
      g_autofree char *severity = blocker ? g_strdup_printf ("%d", tp_employee_note_get_severity (note))
                                          : g_strdup ("");
      g_autofree char *strength = blocker ? g_strdup ("") : score_text (tp_employee_note_get_strength (note));
      g_autofree char *score = score_text (tp_employee_note_get_score (note));
      g_autofree char *respondents = score_text (tp_employee_note_get_respondents (note));
      g_autofree char *caused_by = tp_department_display_name (tp_employee_note_get_causing_department (note));

      csv_row (csv,
               tp_element_get_id (TP_ELEMENT (note)),
               tp_note_kind_get_display_name (tp_employee_note_get_kind (note)),
               tp != NULL ? tp_touchpoint_get_title (tp) : "",
               stage_name (journey, stage_id),
               tp_employee_note_get_role (note),
               tp_employee_note_get_department (note),
               caused_by != NULL ? caused_by : "",
               severity,
               strength,
               score,
               evidence_text (tp_employee_note_get_evidence (note)),
               respondents,
               tp_employee_note_get_text (note),
               NULL);
    }

  return csv_finish (csv);
}

GBytes *
tp_csv_write_opportunities (TpJourney *journey)
{
  GListModel *opportunities;
  GString *csv;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  opportunities = tp_journey_get_opportunities (journey);
  csv = csv_start ();

  /* Translators: column headers of the opportunities spreadsheet export */
  csv_row (csv, _("ID"), _("Opportunity"), _("Owner"), C_("journey element", "Touchpoint"), _("Stage"),
           _("Department"), _("Status"), _("Impact"), _("Effort"), _("Priority"), _("Due date"), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (opportunities); i++)
    {
      g_autoptr(TpOpportunity) opportunity = g_list_model_get_item (opportunities, i);
      const char *touchpoint_id = tp_opportunity_get_touchpoint_id (opportunity);
      TpTouchpoint *tp = *touchpoint_id != '\0'
                         ? tp_journey_lookup_touchpoint (journey, touchpoint_id) : NULL;
      /* On a touchpoint: that touchpoint's stage; else its own, if any. */
      const char *stage_id = tp != NULL ? tp_touchpoint_get_stage_id (tp)
                                        : tp_opportunity_get_stage_id (opportunity);
      const char *department = tp_journey_get_opportunity_department (journey, opportunity);
      g_autofree char *impact = score_text (tp_opportunity_get_impact (opportunity));
      g_autofree char *effort = score_text (tp_opportunity_get_effort (opportunity));
      g_autofree char *priority = score_text (tp_opportunity_get_priority (opportunity));

      csv_row (csv,
               tp_element_get_id (TP_ELEMENT (opportunity)),
               tp_opportunity_get_text (opportunity),
               tp_opportunity_get_owner (opportunity),
               tp != NULL ? tp_touchpoint_get_title (tp) : "",
               stage_name (journey, stage_id),
               department != NULL ? department : "",
               tp_opportunity_status_get_display_name (tp_opportunity_get_status (opportunity)),
               impact,
               effort,
               priority,
               tp_opportunity_get_due (opportunity),
               NULL);
    }

  return csv_finish (csv);
}

GBytes *
tp_csv_write (TpJourney  *journey,
              TpCsvTable  table)
{
  switch (table)
    {
    case TP_CSV_TOUCHPOINTS: return tp_csv_write_touchpoints (journey);
    case TP_CSV_EMPLOYEE_NOTES: return tp_csv_write_employee_notes (journey);
    case TP_CSV_OPPORTUNITIES: return tp_csv_write_opportunities (journey);
    default: g_return_val_if_reached (NULL);
    }
}
