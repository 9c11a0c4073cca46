/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-analysis.h"
#include "tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_INSIGHTS_PANEL (tp_insights_panel_get_type ())
G_DECLARE_FINAL_TYPE (TpInsightsPanel, tp_insights_panel, TP, INSIGHTS_PANEL, GtkWidget)

/* The findings of the journey's analysis, grouped by severity and counted,
 * following every change. Activating one emits "finding-activated". */
GtkWidget  *tp_insights_panel_new          (void);
TpDocument *tp_insights_panel_get_document (TpInsightsPanel *self);
void        tp_insights_panel_set_document (TpInsightsPanel *self,
                                            TpDocument      *document);
/* The findings shown now (element type TpFinding); for tests and views. */
GPtrArray  *tp_insights_panel_get_findings (TpInsightsPanel *self);
/* Recomputes now instead of at the next idle; for tests. */
void        tp_insights_panel_refresh      (TpInsightsPanel *self);

G_END_DECLS
