/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_TOUCHPOINT (tp_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (TpTouchpoint, tp_touchpoint, TP, TOUCHPOINT, TpElement)

/* A card in a customer lane, placed in one stage × lane cell: a touchpoint
 * (a contact moment), a customer action or a thought or feeling, as its
 * kind says. Its order within the cell is its order in the journey's
 * touchpoint list. Channel, owner and moment of truth mean something for
 * touchpoints only; any kind may carry a score for the emotion curve. */
TpTouchpoint *tp_touchpoint_new                 (const char *id,
                                                 const char *title,
                                                 const char *stage_id,
                                                 const char *lane_id,
                                                 TpChannel   channel);
const char   *tp_touchpoint_get_title           (TpTouchpoint *self);
const char   *tp_touchpoint_get_description     (TpTouchpoint *self);
const char   *tp_touchpoint_get_stage_id        (TpTouchpoint *self);
const char   *tp_touchpoint_get_lane_id         (TpTouchpoint *self);
TpChannel     tp_touchpoint_get_channel         (TpTouchpoint *self);
gboolean      tp_touchpoint_is_online           (TpTouchpoint *self);
int           tp_touchpoint_get_score           (TpTouchpoint *self); /* 0 = unset */
gboolean      tp_touchpoint_get_moment_of_truth (TpTouchpoint *self);
const char   *tp_touchpoint_get_department      (TpTouchpoint *self);
const char   *tp_touchpoint_get_role            (TpTouchpoint *self);
const char   *tp_touchpoint_get_quote           (TpTouchpoint *self);
const char   *tp_touchpoint_get_notes           (TpTouchpoint *self);
TpCardKind    tp_touchpoint_get_kind            (TpTouchpoint *self);
TpEvidence    tp_touchpoint_get_evidence        (TpTouchpoint *self);
int           tp_touchpoint_get_respondents     (TpTouchpoint *self); /* 0 = not stated */
/* A touchpoint proper, not an action or a thought. */
gboolean      tp_touchpoint_is_contact          (TpTouchpoint *self);
/* A touchpoint flagged as a moment of truth (other kinds never are one). */
gboolean      tp_touchpoint_is_moment           (TpTouchpoint *self);

G_END_DECLS
