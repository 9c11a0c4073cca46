/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"
#include "tp-enums.h"

G_BEGIN_DECLS

#define TP_TYPE_LANE (tp_lane_get_type ())
G_DECLARE_FINAL_TYPE (TpLane, tp_lane, TP, LANE, TpElement)

/* A row of the journey: what kind of content it holds. */
TpLane     *tp_lane_new      (const char *id,
                              const char *name,
                              TpLaneKind  kind);
const char *tp_lane_get_name (TpLane *self);
TpLaneKind  tp_lane_get_kind (TpLane *self);

G_END_DECLS
