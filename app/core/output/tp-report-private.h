/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tp-analysis.h"
#include "tp-report.h"

G_BEGIN_DECLS

/* What the parts of tp_report_build() share: tp-report.c builds the
 * sections about the experience, tp-report-actions.c those about what to
 * do (opportunities) and how well the map is backed (evidence). */

typedef struct {
  TpReport   *report;
  TpJourney  *journey;
  GPtrArray  *ordered;   /* cards in journey order */
  GPtrArray  *findings;
  int         good_enough;
  int         target;
} TpReportBuilder;

/* Internal to the output library; short names, since the builders use them
 * on nearly every line. */
#define add_block tp_report_builder_add_block
#define add_heading tp_report_builder_add_heading
#define add_section tp_report_builder_add_section
#define add_text tp_report_builder_add_text
#define add_textf tp_report_builder_add_textf
#define add_table tp_report_builder_add_table
#define add_figure tp_report_builder_add_figure
#define cell tp_report_builder_cell
#define cell_take tp_report_builder_cell_take
#define stage_name tp_report_builder_stage_name

G_GNUC_INTERNAL TpReportBlock *add_block    (TpReportBuilder   *b,
                                             TpReportBlockKind  kind);
G_GNUC_INTERNAL void           add_heading  (TpReportBuilder   *b,
                                             int                level,
                                             TpReportSections   section,
                                             const char        *text,
                                             const char        *anchor);
G_GNUC_INTERNAL void           add_section  (TpReportBuilder   *b,
                                             TpReportSections   section);
G_GNUC_INTERNAL void           add_text     (TpReportBuilder   *b,
                                             TpReportTextStyle  style,
                                             const char        *text);
G_GNUC_INTERNAL void           add_textf    (TpReportBuilder   *b,
                                             TpReportTextStyle  style,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (3, 4);
/* A table; the arguments are "header", width (double), ..., NULL. */
G_GNUC_INTERNAL TpReportBlock *add_table    (TpReportBuilder   *b,
                                             const char        *first_header,
                                             ...) G_GNUC_NULL_TERMINATED;
G_GNUC_INTERNAL void           add_figure   (TpReportBlock     *figures,
                                             char              *value,
                                             const char        *label,
                                             double             score);
G_GNUC_INTERNAL TpReportItem  *cell         (TpReportBlock     *table,
                                             const char        *text);
G_GNUC_INTERNAL TpReportItem  *cell_take    (TpReportBlock     *table,
                                             char              *text);
/* "" when @stage_id is blank or unknown. */
G_GNUC_INTERNAL const char    *stage_name   (TpReportBuilder   *b,
                                             const char        *stage_id);

/* tp-report-actions.c */
/* The part of the summary on where the map's content comes from. */
G_GNUC_INTERNAL void           tp_report_build_evidence      (TpReportBuilder *b);
/* The opportunities section: open ones per department, then closed ones. */
G_GNUC_INTERNAL void           tp_report_build_opportunities (TpReportBuilder *b);
/* "felt by X, caused by Y", "X", or NULL when the note names neither. */
G_GNUC_INTERNAL char          *tp_report_note_departments    (TpEmployeeNote  *note);

/* tp-report-analytics.c */
/* The three most important actions, from findings and opportunities. */
G_GNUC_INTERNAL void           tp_report_build_executive     (TpReportBuilder *b);
G_GNUC_INTERNAL void           tp_report_build_persona       (TpReportBuilder *b);
G_GNUC_INTERNAL void           tp_report_build_analytics     (TpReportBuilder *b);
/* The department a finding is about: its own, else its touchpoint's; "". */
G_GNUC_INTERNAL const char    *tp_report_finding_department  (TpReportBuilder *b,
                                                              TpFinding       *finding);

/* tp-report-compare.c: the section comparing with another journey. */
G_GNUC_INTERNAL void           tp_report_build_comparison    (TpReportBuilder *b,
                                                              TpJourney       *other);

G_END_DECLS
