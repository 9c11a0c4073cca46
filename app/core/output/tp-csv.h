/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-journey.h"

G_BEGIN_DECLS

/* Spreadsheet export of a journey's data, one table per file.
 *
 * The files follow RFC 4180 (comma separated, CRLF line ends, fields with
 * a comma, quote, CR or LF quoted, quotes doubled) and are UTF-8 with a
 * byte order mark. The header row is in the user's language. */

typedef enum {
  TP_CSV_TOUCHPOINTS,
  TP_CSV_EMPLOYEE_NOTES,
  TP_CSV_OPPORTUNITIES,
} TpCsvTable;

#define TP_CSV_BOM "\xEF\xBB\xBF"

/* "touchpoints", "employee-notes", "opportunities" <-> TpCsvTable. */
gboolean    tp_csv_table_from_string (const char *name,
                                      TpCsvTable *table);
const char *tp_csv_table_to_string   (TpCsvTable  table);

/* Appends one field to @row, quoted when RFC 4180 requires it, with a
 * comma before it unless it is the first field of the row. A field that a
 * spreadsheet would run as a formula (=, +, -, @, tab or carriage return
 * first, other than a plain number) is quoted after an apostrophe, so it
 * shows as text. */
void        tp_csv_append_field      (GString    *row,
                                      gboolean    first,
                                      const char *value);

/* Cards of the customer lanes (touchpoints, actions, thoughts) in journey
 * order: id, stage, lane, kind, order, title, description, channel,
 * online/offline (both empty for actions and thoughts), score, moment of
 * truth, department, role, quote, notes, evidence, respondents. */
GBytes     *tp_csv_write_touchpoints    (TpJourney *journey);
/* Employee notes in list order: id, kind, touchpoint, stage, role,
 * department (felt by), caused by (the causing department, its own when
 * no other is named), severity (blockers), strength (enablers, empty when
 * not set), score, evidence, respondents, text. */
GBytes     *tp_csv_write_employee_notes (TpJourney *journey);
/* Opportunities in list order: id, text, owner, touchpoint, stage (its
 * touchpoint's or its own), department (tp_journey_get_opportunity_department()),
 * status, impact, effort, priority (impact × (6 − effort)), due date;
 * numbers empty when not set. */
GBytes     *tp_csv_write_opportunities  (TpJourney *journey);

GBytes     *tp_csv_write                (TpJourney *journey,
                                         TpCsvTable table);

G_END_DECLS
