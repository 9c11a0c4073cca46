/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-analysis.h"

G_BEGIN_DECLS

/* The findings of one journey, analysed once for all the views that show
 * them (insights panel, canvas marks, tab label). They follow the journey:
 * edits come in bursts (a drag, typing), so the first change of a burst
 * starts a TP_FINDINGS_DELAY ms wait, then one analysis covers it all and
 * "changed" is emitted once. */

#define TP_FINDINGS_DELAY 150

#define TP_TYPE_FINDINGS (tp_findings_get_type ())
G_DECLARE_FINAL_TYPE (TpFindings, tp_findings, TP, FINDINGS, GObject)

/* Analyses @journey at once. */
TpFindings *tp_findings_new            (TpJourney  *journey);
TpJourney  *tp_findings_get_journey    (TpFindings *self);
/* As tp_analyze_journey() gives them (element type TpFinding). A new
 * array after every analysis: take a reference to keep this one. */
GPtrArray  *tp_findings_get_findings   (TpFindings *self);
/* How many findings have @severity. */
guint       tp_findings_get_count      (TpFindings *self,
                                        TpSeverity  severity);
/* The marks the canvas draws: TpTouchpoint (key) → GINT_TO_POINTER
 * (TpSeverity) of the most urgent warning or critical finding that
 * concerns it. A new table after every analysis. */
GHashTable *tp_findings_get_marks      (TpFindings *self);
/* Analyses now instead of at the end of the wait; for tests and for
 * callers that need the findings of the journey as it is now. */
void        tp_findings_refresh        (TpFindings *self);
/* How many analyses this object has made; for tests. */
guint       tp_findings_get_n_analyses (TpFindings *self);

G_END_DECLS
