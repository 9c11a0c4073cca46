/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_TOUCHPOINT (tp_touchpoint_get_type ())
G_DECLARE_FINAL_TYPE (TpTouchpoint, tp_touchpoint, TP, TOUCHPOINT, TpElement)

/* A contact moment, placed in one stage × lane cell. Its order within the
 * cell is its order in the journey's touchpoint list. */
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

G_END_DECLS
