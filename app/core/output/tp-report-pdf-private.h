/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "tp-layout.h"
#include "tp-pdf.h"
#include "tp-report-band.h"
#include "tp-report-pdf.h"
#include "tp-report-probe.h"

G_BEGIN_DECLS

/* What the parts of the PDF writer share: tp-report-pdf.c (pages, text,
 * headings, charts, the cover), tp-report-pdf-table.c (tables and key
 * figures) and tp-report-pdf-map.c (the journey map over landscape
 * pages). */

/* Page geometry in points. Generous margins: a management report is read
 * on paper, with a pen. */
#define MARGIN_SIDE 58.0
#define MARGIN_TOP 74.0
#define MARGIN_BOTTOM 70.0
/* Header and footer sit this far from the paper's edge. */
#define FURNITURE_INSET 36.0

typedef enum {
  FONT_H1,
  FONT_H2,
  FONT_H3,
  FONT_BODY,
  FONT_LEAD,
  FONT_MUTED,
  FONT_QUOTE,
  FONT_LABEL,
  FONT_CELL,
  FONT_CELL_BOLD,
  FONT_HEADER_CELL,
  FONT_FURNITURE,
  FONT_FIGURE,
  FONT_COVER_TITLE,
  FONT_COVER_SUBTITLE,
  N_FONTS,
} Font;

typedef struct {
  double size;
  PangoWeight weight;
  PangoStyle style;
  guint32 color;
} TpReportFontSpec;

extern const TpReportFontSpec tp_report_pdf_fonts[N_FONTS];
#define fonts tp_report_pdf_fonts

typedef struct {
  TpReport        *report;
  /* Where the pages go: our writer (its pages own their cairo_t), else
   * cairo's PDF surface, else images. */
  TpPdf           *writer;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  gboolean         context_for_pdf_surface; /* what it was made for */
  PangoFontDescription *fonts[N_FONTS];
  /* Layouts as measured in the first pass, drawn again in the second:
   * LayoutKey → PangoLayout, never changed after make_shared_layout().
   * Kept with the context, which both passes share when they draw to the
   * same kind of target (the same font options). */
  GHashTable      *layouts;

  double           page_width;   /* portrait paper */
  double           page_height;
  double           width;        /* the current page */
  double           height;
  double           x0, x1, y0, y1; /* its text area */
  double           y;

  guint            page;         /* 1-based; 0 before the first */
  guint            n_pages;      /* known in the second pass; 0 in the first */
  gboolean         page_has_furniture;
  gboolean         page_empty;   /* nothing below the header yet */
  const char      *section;      /* for the running header */
  int              outline_parent;

  /* Page of each section, filled in the first pass, used by the contents
   * page in the second (which has the same pagination). */
  GArray          *section_pages;
  guint            section_index;

  /* Drawing pages as images (tp_report_render_pages()) rather than into
   * the PDF: the same code, a new image surface per page. NULL for PDF. */
  GPtrArray       *images;
  guint            max_images;
  double           image_scale;
  GCancellable    *cancellable;

  /* Fitted column widths per table block (TpReportBlock → double[]),
   * measured once for both passes. */
  GHashTable      *column_widths;
  /* The longest word and line of a table cell's text, per font: "font
   * letter + text" → its Extent (tp-report-pdf-table.c). Kept with the
   * context. */
  GHashTable      *text_extents;
  /* The journey map's layout for paper, made once for both passes. */
  TpLayout        *map_layout;
  /* Tests: where text went in the final pass (tp-report-probe.h). */
  TpReportProbe   *probe;
  gboolean         final_pass;
  /* The page about to end closes a section (for the probe's page fill). */
  gboolean         closing_section;
  /* Map pages: the smallest text drawn, in points; 0 on other pages. */
  double           page_smallest_text;
  gboolean         page_map_overview; /* the whole map, too small: with the poster's note */
} Pdf;


#define set_color tp_report_pdf_set_color
#define make_layout tp_report_pdf_make_layout
#define make_shared_layout tp_report_pdf_make_shared_layout
#define layout_height tp_report_pdf_layout_height
#define layout_width tp_report_pdf_layout_width
#define show_layout tp_report_pdf_show_layout
#define begin_page tp_report_pdf_begin_page
#define new_page tp_report_pdf_new_page
#define ensure_space tp_report_pdf_ensure_space
#define add_outline tp_report_pdf_add_outline
#define draw_table tp_report_pdf_draw_table
#define measure_table tp_report_pdf_measure_table
#define draw_figures tp_report_pdf_draw_figures
#define measure_figures tp_report_pdf_measure_figures
#define draw_diagram tp_report_pdf_draw_diagram

G_GNUC_INTERNAL void         set_color          (cairo_t *cr, guint32 hex);
G_GNUC_INTERNAL PangoLayout *make_layout        (Pdf *pdf, Font font, const char *text, double width);
G_GNUC_INTERNAL PangoLayout *make_shared_layout (Pdf *pdf, Font font, const char *text, double width,
                                                 PangoAlignment alignment);
G_GNUC_INTERNAL double       layout_height      (PangoLayout *layout);
G_GNUC_INTERNAL double       layout_width       (PangoLayout *layout);
G_GNUC_INTERNAL void         show_layout        (Pdf *pdf, PangoLayout *layout, Font font, double x, double y);
G_GNUC_INTERNAL void         begin_page         (Pdf *pdf, gboolean landscape, gboolean furniture);
G_GNUC_INTERNAL void         new_page           (Pdf *pdf);
G_GNUC_INTERNAL void         ensure_space       (Pdf *pdf, double needed);
G_GNUC_INTERNAL int          add_outline        (Pdf *pdf, int parent, const char *name, double y);

/* tp-report-pdf-table.c */
G_GNUC_INTERNAL void         draw_table         (Pdf *pdf, const TpReportBlock *block);
G_GNUC_INTERNAL double       measure_table      (Pdf *pdf, const TpReportBlock *block);
G_GNUC_INTERNAL GHashTable  *tp_report_pdf_new_text_measures (void);
G_GNUC_INTERNAL void         draw_figures       (Pdf *pdf, const TpReportBlock *block);
G_GNUC_INTERNAL double       measure_figures    (Pdf *pdf, const TpReportBlock *block);

/* tp-report-pdf-map.c: the map section, from its heading. */
G_GNUC_INTERNAL void         draw_diagram       (Pdf *pdf, const TpReportBlock *heading,
                                                 const TpReportBlock *block);

G_END_DECLS
