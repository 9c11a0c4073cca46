/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-journey.h"

G_BEGIN_DECLS

/* Departments are free text on touchpoints and employee notes. They compare
 * without regard to case or surrounding white space; blank text names no
 * department. One definition for the analysis, the map and the report. */

/* The form departments are compared in. NULL for NULL or blank. */
char      *tp_department_key              (const char *department);
/* The department as written, trimmed. NULL for NULL or blank. */
char      *tp_department_display_name     (const char *department);
/* The departments of the journey's employee notes, one spelling each
 * (the first in note order), sorted by key: the order of the legend and of
 * the colours. A new array of strings. */
GPtrArray *tp_journey_list_departments    (TpJourney  *journey);

G_END_DECLS
