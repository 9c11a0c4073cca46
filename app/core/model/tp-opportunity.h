/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_OPPORTUNITY (tp_opportunity_get_type ())
G_DECLARE_FINAL_TYPE (TpOpportunity, tp_opportunity, TP, OPPORTUNITY, TpElement)

/* An idea for change, attached to one touchpoint, to one stage, or to the
 * journey as a whole, with the workflow that turns it into action: who owns
 * it, its department, status, impact and effort (1..5, 0 when not set) and an
 * optional due date (YYYY-MM-DD, "" when none). */
TpOpportunity       *tp_opportunity_new               (const char *id,
                                                       const char *text);
const char          *tp_opportunity_get_text          (TpOpportunity *self);
const char          *tp_opportunity_get_owner         (TpOpportunity *self);
const char          *tp_opportunity_get_touchpoint_id (TpOpportunity *self); /* "" if none */
const char          *tp_opportunity_get_stage_id      (TpOpportunity *self); /* "" if none */
const char          *tp_opportunity_get_department    (TpOpportunity *self);
const char          *tp_opportunity_get_due           (TpOpportunity *self);
TpOpportunityStatus  tp_opportunity_get_status        (TpOpportunity *self);
int                  tp_opportunity_get_impact        (TpOpportunity *self);
int                  tp_opportunity_get_effort        (TpOpportunity *self);
/* Not done and not dropped. */
gboolean             tp_opportunity_is_open           (TpOpportunity *self);

/* Priority from impact and effort: impact × (6 − effort), 1..25, so a
 * large change that costs little comes first; 0 when either is not set. */
int                  tp_opportunity_get_priority      (TpOpportunity *self);
#define TP_PRIORITY_HIGH 15
#define TP_PRIORITY_MEDIUM 8
/* "High", "Medium", "Low", or "" for 0. */
const char          *tp_priority_get_display_name     (int priority);

/* "" or a real calendar date written YYYY-MM-DD. */
gboolean             tp_date_is_valid                 (const char *text);

G_END_DECLS
