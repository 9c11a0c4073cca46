/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-findings.h"

G_BEGIN_DECLS

#define TP_TYPE_INSIGHTS_PANEL (tp_insights_panel_get_type ())
G_DECLARE_FINAL_TYPE (TpInsightsPanel, tp_insights_panel, TP, INSIGHTS_PANEL, GtkWidget)

/* Shows the findings it is given, grouped by severity and counted, and
 * follows their "changed"; it analyses nothing itself. Activating one
 * emits "finding-activated". */
GtkWidget  *tp_insights_panel_new          (void);
TpFindings *tp_insights_panel_get_findings (TpInsightsPanel *self);
void        tp_insights_panel_set_findings (TpInsightsPanel *self,
                                            TpFindings      *findings);

G_END_DECLS
