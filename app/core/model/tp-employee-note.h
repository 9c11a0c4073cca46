/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_EMPLOYEE_NOTE (tp_employee_note_get_type ())
G_DECLARE_FINAL_TYPE (TpEmployeeNote, tp_employee_note, TP, EMPLOYEE_NOTE, TpElement)

#define TP_SEVERITY_MIN 1
#define TP_SEVERITY_MAX 3
#define TP_SEVERITY_DEFAULT 2

/* What an employee runs into: a blocker or an enabler, attached to exactly
 * one touchpoint or one stage. */
TpEmployeeNote *tp_employee_note_new               (const char *id,
                                                    TpNoteKind  kind,
                                                    const char *text);
TpNoteKind      tp_employee_note_get_kind          (TpEmployeeNote *self);
const char     *tp_employee_note_get_role          (TpEmployeeNote *self);
const char     *tp_employee_note_get_department    (TpEmployeeNote *self);
const char     *tp_employee_note_get_text          (TpEmployeeNote *self);
int             tp_employee_note_get_severity      (TpEmployeeNote *self);
int             tp_employee_note_get_score         (TpEmployeeNote *self); /* 0 = unset */
/* "" when attached to the other kind of target. */
const char     *tp_employee_note_get_touchpoint_id (TpEmployeeNote *self);
const char     *tp_employee_note_get_stage_id      (TpEmployeeNote *self);

G_END_DECLS
