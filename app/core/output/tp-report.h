/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tp-journey.h"

G_BEGIN_DECLS

/* A management report about one journey.
 *
 * tp_report_build() turns a journey into a neutral list of blocks
 * (headings, paragraphs, key figures, tables, charts, the diagram), in the
 * user's language. The PDF and HTML writers (tp-report-pdf.h,
 * tp-report-html.h) lay out the same blocks, so both reports always say
 * the same thing. Charts are drawn with cairo by tp_report_draw_chart():
 * as vectors in the PDF and as inline SVG in the HTML. */

typedef enum {
  TP_REPORT_SECTION_COVER         = 1 << 0,
  TP_REPORT_SECTION_DIAGRAM       = 1 << 1,
  TP_REPORT_SECTION_SUMMARY       = 1 << 2,
  TP_REPORT_SECTION_STAGES        = 1 << 3,
  TP_REPORT_SECTION_MOMENTS       = 1 << 4,
  TP_REPORT_SECTION_EMPLOYEES     = 1 << 5,
  TP_REPORT_SECTION_CHANNELS      = 1 << 6,
  TP_REPORT_SECTION_OPPORTUNITIES = 1 << 7,
  TP_REPORT_SECTION_FINDINGS      = 1 << 8,
  TP_REPORT_SECTION_APPENDIX      = 1 << 9,
  TP_REPORT_SECTION_ALL           = (1 << 10) - 1,
} TpReportSections;

typedef enum {
  TP_REPORT_PAPER_A4,
  TP_REPORT_PAPER_LETTER,
} TpReportPaper;

typedef struct {
  TpReportSections  sections;
  TpReportPaper     paper;
  /* The report's date, shown on the cover; NULL: now. */
  GDateTime        *date;
  /* The PDF's creation date (the command line and the app set it from
   * SOURCE_DATE_EPOCH); NULL: the report's date. */
  GDateTime        *creation_date;
  /* PDF: cairo's writer rather than ours, for comparisons (from
   * TOUCHPOINT_PDF_BACKEND=cairo). */
  gboolean          use_cairo_pdf;
  /* Another journey to compare with, as-is against to-be, in a section of
   * its own (tp-report-compare.c); NULL for none. Read by tp_report_build()
   * only. */
  TpJourney        *compare_with;
} TpReportOptions;

/* All sections, A4, today. */
void        tp_report_options_init           (TpReportOptions *options);

/* Comma separated nicks ("cover,summary,findings", or "all") <-> sections. */
gboolean    tp_report_sections_from_string   (const char       *text,
                                              TpReportSections *sections);
const char *tp_report_section_to_nick        (TpReportSections  section);
/* The section's heading in the user's language. */
const char *tp_report_section_get_title      (TpReportSections  section);

/* "a4", "letter" <-> paper; sizes in points, portrait. */
gboolean    tp_report_paper_from_string      (const char    *text,
                                              TpReportPaper *paper);
void        tp_report_paper_get_size         (TpReportPaper  paper,
                                              double        *width,
                                              double        *height);

typedef enum {
  TP_REPORT_BLOCK_HEADING,
  TP_REPORT_BLOCK_PARAGRAPH,
  TP_REPORT_BLOCK_FIGURES,
  TP_REPORT_BLOCK_TABLE,
  TP_REPORT_BLOCK_CHART,
  TP_REPORT_BLOCK_DIAGRAM,
} TpReportBlockKind;

typedef enum {
  TP_REPORT_TEXT_BODY,
  TP_REPORT_TEXT_LEAD,    /* an introduction, a little larger */
  TP_REPORT_TEXT_MUTED,   /* secondary information, grey */
  TP_REPORT_TEXT_QUOTE,   /* the customer's words, italic with a rule */
  TP_REPORT_TEXT_LABEL,   /* a small caption above what follows */
} TpReportTextStyle;

typedef enum {
  TP_REPORT_CHART_CURVE,        /* emotion curve through the scored touchpoints */
  TP_REPORT_CHART_STAGE_BARS,   /* average per stage with min–max whiskers */
  TP_REPORT_CHART_SCORE_BARS,   /* one bar per scored touchpoint of a stage */
  TP_REPORT_CHART_CHANNEL_BARS, /* touchpoints per channel, coloured by average */
} TpReportChartKind;

/* One table cell, one key figure or one chart point. */
typedef struct {
  char    *text;    /* plain text, never markup */
  char    *detail;  /* a second, muted line (figures), or NULL */
  /* Shown as a coloured badge (cells) or colours the bar (charts);
   * TP_SCORE_UNSET for none. Fractions for averages. */
  double   score;
  double   min;     /* charts: whisker ends; 0 when none */
  double   max;
  guint    count;
  gboolean highlight; /* a moment of truth, or a value to stress */
} TpReportItem;

typedef struct {
  TpReportBlockKind  kind;
  /* HEADING: 1 for a section (a new page in the PDF, a bookmark), 2 for a
   * part of one, 3 for an item inside a part. */
  int                level;
  TpReportSections   section;   /* the section a level-1 heading opens */
  char              *anchor;    /* a stable id for links, or NULL */
  /* HEADING: start a new page rather than split the heading's part when
   * it fits on one page (a stage with its chart and table). */
  gboolean           keep_together;
  TpReportTextStyle  style;
  char              *text;      /* heading or paragraph text, chart title */

  /* TABLE: @n_columns headers and relative widths; items row by row. */
  guint              n_columns;
  char             **headers;
  double            *widths;
  /* Columns shown as score badges, numbers (right-aligned) or neither. */
  guint32            score_columns;
  guint32            number_columns;

  /* FIGURES, TABLE, CHART. */
  GPtrArray         *items;     /* TpReportItem */

  /* CHART */
  TpReportChartKind  chart;
  double             height;    /* points, at the report's text width */
  int                good_enough;
  int                moment_target;
} TpReportBlock;

typedef struct {
  TpJourney        *journey;
  TpReportOptions   options;
  GPtrArray        *blocks;     /* TpReportBlock */
  /* Cover and page furniture, in the user's language. */
  char             *title;
  char             *subtitle;   /* persona and segment */
  char             *date;
  char             *meta;       /* scope · as-is/to-be */
  char             *author;
  char             *description;
  char             *generator;  /* "Touchpoint 0.1.0" */
} TpReport;

TpReport   *tp_report_build                  (TpJourney             *journey,
                                              const TpReportOptions *options);
void        tp_report_free                   (TpReport              *report);

guint       tp_report_table_get_n_rows       (const TpReportBlock   *table);
TpReportItem *tp_report_table_get_cell       (const TpReportBlock   *table,
                                              guint                  row,
                                              guint                  column);

/* The report's font families and colours, shared by both writers. */
#define TP_REPORT_FONT "Cantarell, Sans"
#define TP_REPORT_ACCENT 0x1c71d8
#define TP_REPORT_TEXT 0x241f31
#define TP_REPORT_MUTED 0x5e5c64
#define TP_REPORT_RULE 0xdeddda
#define TP_REPORT_ZEBRA 0xf6f5f4

/* "6.5" with the locale's decimal separator; "–" for NAN. */
char       *tp_report_format_score           (double                 score);

/* Draws a chart block in (0, 0, @width, @height) of @cr's user space, with
 * text from @context (a PangoCairo context). */
void        tp_report_draw_chart             (cairo_t               *cr,
                                              PangoContext          *context,
                                              const TpReportBlock   *chart,
                                              double                 width,
                                              double                 height);

/* The height a chart block takes at @width: its own, and under a chart
 * whose stage names do not fit the axis, the key to their numbers. */
double      tp_report_chart_get_height       (PangoContext          *context,
                                              const TpReportBlock   *chart,
                                              double                 width);
/* tp_report_draw_chart() with its texts appended to @svg_text as SVG
 * <text> elements (in @cr's device space) instead of drawn as glyphs. */
void        tp_report_draw_chart_svg         (cairo_t               *cr,
                                              PangoContext          *context,
                                              const TpReportBlock   *chart,
                                              double                 width,
                                              double                 height,
                                              GString               *svg_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpReport, tp_report_free)

G_END_DECLS
