/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"

G_BEGIN_DECLS

#define TP_TYPE_STAGE (tp_stage_get_type ())
G_DECLARE_FINAL_TYPE (TpStage, tp_stage, TP, STAGE, TpElement)

/* A column of the journey: a phase on the time axis. */
TpStage    *tp_stage_new             (const char *id,
                                      const char *name);
const char *tp_stage_get_name        (TpStage *self);
const char *tp_stage_get_description (TpStage *self);

G_END_DECLS
