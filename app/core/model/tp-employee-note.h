/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_EMPLOYEE_NOTE (tp_employee_note_get_type ())
G_DECLARE_FINAL_TYPE (TpEmployeeNote, tp_employee_note, TP, EMPLOYEE_NOTE, TpElement)


/* What an employee runs into: a blocker or an enabler, attached to exactly
 * one touchpoint or one stage. Its department is the one that feels it (the
 * employee's); caused-by names the department it comes from when that is
 * another one (a rule from Finance that Customer Service runs into).
 * Severity (1..3) is a blocker's; strength (0 = not set, 1..3) an enabler's. */
TpEmployeeNote *tp_employee_note_new               (const char *id,
                                                    TpNoteKind  kind,
                                                    const char *text);
TpNoteKind      tp_employee_note_get_kind          (TpEmployeeNote *self);
const char     *tp_employee_note_get_role          (TpEmployeeNote *self);
const char     *tp_employee_note_get_department    (TpEmployeeNote *self);
const char     *tp_employee_note_get_caused_by     (TpEmployeeNote *self); /* "" = its own */
/* The department the note comes from: caused-by, or its own when blank. */
const char     *tp_employee_note_get_causing_department (TpEmployeeNote *self);
int             tp_employee_note_get_strength      (TpEmployeeNote *self);
TpEvidence      tp_employee_note_get_evidence      (TpEmployeeNote *self);
int             tp_employee_note_get_respondents   (TpEmployeeNote *self);
const char     *tp_employee_note_get_text          (TpEmployeeNote *self);
int             tp_employee_note_get_severity      (TpEmployeeNote *self);
int             tp_employee_note_get_score         (TpEmployeeNote *self); /* 0 = unset */
/* "" when attached to the other kind of target. */
const char     *tp_employee_note_get_touchpoint_id (TpEmployeeNote *self);
const char     *tp_employee_note_get_stage_id      (TpEmployeeNote *self);

G_END_DECLS
