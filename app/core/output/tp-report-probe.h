/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "tp-report.h"

G_BEGIN_DECLS

/* For tests: where the PDF writer put its texts, so typography can be
 * checked on the layout itself rather than guessed from extracted text. */

typedef enum {
  TP_REPORT_PROBE_CELL,        /* a table cell; @layout wrapped to @width */
  TP_REPORT_PROBE_HEADER_CELL, /* a table's header cell */
  TP_REPORT_PROBE_FIGURE,      /* a key figure's value or label in its tile */
  TP_REPORT_PROBE_CHART_LABEL, /* a text in a chart; @chart numbers the chart */
} TpReportProbeKind;

typedef struct {
  TpReportProbeKind  kind;
  guint              page;
  guint              chart;
  /* The box the text must stay in (cells: the column's text width). */
  double             x, y, width, height;
  /* The text's logical extents, in the same coordinates. */
  double             text_x, text_y, text_width, text_height;
  PangoLayout       *layout; /* cells and figures; NULL for chart labels */
} TpReportProbeItem;

typedef struct {
  gboolean landscape;
  gboolean map;           /* a page of the journey map */
  gboolean section_ends;  /* the last page of a section, or the cover or contents */
  double   fill;          /* 0…1: how much of the text area is used */
  /* Map pages: the smallest text on the page in points; else 0. */
  double   smallest_text;
  /* The map too large for pages: shown whole, saying how to print the
   * poster. */
  gboolean map_overview;
} TpReportProbePage;

typedef struct {
  GPtrArray *items;  /* TpReportProbeItem */
  GArray    *pages;  /* TpReportProbePage, page 1 first */
  guint      n_charts;
} TpReportProbe;

TpReportProbe *tp_report_probe_new  (void);
void           tp_report_probe_free (TpReportProbe *probe);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpReportProbe, tp_report_probe_free)

/* tp_report_pdf_write() that also fills @probe from the final pass. */
GBytes        *tp_report_pdf_write_probed (TpReport       *report,
                                           TpReportProbe  *probe,
                                           guint          *n_pages,
                                           GError        **error);

/* Chart labels: tp_report_draw_chart() that appends the rectangle of
 * every text it draws (TpRect-like: x, y, width, height as 4 doubles) to
 * @rects, in the chart's coordinates. */
void           tp_report_draw_chart_probed (cairo_t             *cr,
                                            PangoContext        *context,
                                            const TpReportBlock *chart,
                                            double               width,
                                            double               height,
                                            GArray              *rects);

G_END_DECLS
