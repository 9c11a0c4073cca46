/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-element.h"

G_BEGIN_DECLS

#define TP_TYPE_OPPORTUNITY (tp_opportunity_get_type ())
G_DECLARE_FINAL_TYPE (TpOpportunity, tp_opportunity, TP, OPPORTUNITY, TpElement)

/* An idea for change, with who owns it, optionally about one touchpoint. */
TpOpportunity *tp_opportunity_new               (const char *id,
                                                 const char *text);
const char    *tp_opportunity_get_text          (TpOpportunity *self);
const char    *tp_opportunity_get_owner         (TpOpportunity *self);
const char    *tp_opportunity_get_touchpoint_id (TpOpportunity *self); /* "" if none */

G_END_DECLS
