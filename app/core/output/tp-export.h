/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include <cairo.h>

#include "tp-journey.h"
#include "tp-poster.h"

G_BEGIN_DECLS

/* Export of a journey map to PNG, SVG and PDF (pages and posters), GTK-free.
 *
 * Everything is drawn by tp_render_journey() in the print palette, from a
 * TpLayout whose document unit is 1 pt in PDF and SVG. The output is built
 * in memory and then written with tp_file_replace_atomically(), so a failed
 * export never leaves half a file and never harms the file it replaces. */

#define TP_EXPORT_ERROR (tp_export_error_quark ())

typedef enum {
  TP_EXPORT_ERROR_INVALID_OPTIONS,
  TP_EXPORT_ERROR_RENDER,
} TpExportError;

GQuark tp_export_error_quark (void);

typedef enum {
  TP_EXPORT_FORMAT_PNG,
  TP_EXPORT_FORMAT_SVG,
  TP_EXPORT_FORMAT_PDF,
} TpExportFormat;

typedef enum {
  TP_PAPER_NATURAL,   /* the page is the diagram plus margins */
  TP_PAPER_A4,
  TP_PAPER_A3,
  TP_PAPER_LETTER,
  TP_PAPER_A2,
  TP_PAPER_A1,
  TP_PAPER_A0,
  TP_PAPER_CUSTOM,    /* custom_width_mm × custom_height_mm, as given */
} TpPaper;

typedef enum {
  TP_ORIENTATION_LANDSCAPE,
  TP_ORIENTATION_PORTRAIT,
  /* Pages and posters: turned like the map. Sheets of a tiled poster:
   * whichever needs fewer sheets. */
  TP_ORIENTATION_AUTO,
} TpOrientation;

/* PNG sides are capped here (cairo's own limit); larger maps are scaled
 * down and the report says so. */
#define TP_EXPORT_MAX_PNG_SIDE 32767
/* And the whole image (64 megapixels): the export streams, but viewers
 * would have to hold it all. */
#define TP_EXPORT_MAX_PNG_PIXELS (64 * 1024 * 1024)
/* The largest PDF page readers accept: 200 inches a side. Larger natural
 * sizes are scaled down, with a warning. */
#define TP_EXPORT_MAX_PDF_PAGE 14400.0
/* Text on a poster below this many points is hard to read from a distance. */
#define TP_EXPORT_MIN_READABLE_PT 8.0

typedef struct {
  TpExportFormat format;

  /* PNG: device pixels per document unit, 1–4; dpi > 0 overrides it
   * (a document unit is 1/72 inch, as in PDF). */
  double         scale;
  double         dpi;
  gboolean       transparent;

  /* PDF: the page (or the poster, when tiled). */
  TpPaper        paper;
  TpOrientation  orientation;
  double         custom_width_mm;
  double         custom_height_mm;
  double         margin_mm;
  /* PDF: cairo's writer rather than ours, for comparisons (the command
   * line and the app set it from TOUCHPOINT_PDF_BACKEND=cairo). */
  gboolean       use_cairo_pdf;
  /* PDF: the creation date (the command line and the app set it from
   * SOURCE_DATE_EPOCH); NULL: now. Owned, see tp_export_options_clear(). */
  GDateTime     *creation_date;

  /* PDF only: print the poster over several sheets of @tile_paper with an
   * overview page first. The poster is @paper, or (when @paper is
   * TP_PAPER_NATURAL) as wide as @sheets_across sheets. */
  gboolean       tile;
  TpPaper        tile_paper;
  TpOrientation  tile_orientation;
  guint          sheets_across;
  double         overlap_mm;

  /* A block above the diagram: title, persona, scope, date, legend. */
  gboolean       title_block;

  /* Layers. */
  gboolean       show_employee_overlay;
  /* Ids of lanes to leave out, with their touchpoints; NULL: none. */
  char         **hidden_lanes;
} TpExportOptions;

/* What an export produced; free the strings with tp_export_report_clear(). */
typedef struct {
  int      width_px;        /* PNG */
  int      height_px;
  guint    n_pages;         /* PDF */
  guint    rows;            /* tiled poster */
  guint    columns;
  guint    n_sheets;        /* printed: blank ones are left out */
  double   poster_width_mm; /* the PDF page, or the tiled poster */
  double   poster_height_mm;
  /* Output size (pt, or px for PNG) per document unit. */
  double   scale;
  /* The smallest text as it comes out, in pt and mm (PNG: at 96 dpi). */
  double   smallest_text_pt;
  double   smallest_text_mm;
  /* Translated, NULL when all is well: small text, a scaled-down PNG. */
  char    *warning;
} TpExportReport;

void     tp_export_options_init          (TpExportOptions *options);
/* Frees @hidden_lanes and @creation_date. */
void     tp_export_options_clear         (TpExportOptions *options);

/* Sets the layers from a comma list: "all", "employee" (the employee
 * overlay and lanes), lane kinds ("touchpoints", "emotion-curve", ...) and
 * lane ids; "no-" before an item leaves it out. A list of only "no-" items
 * starts from everything, otherwise from nothing. */
gboolean tp_export_options_set_layers    (TpExportOptions *options,
                                          TpJourney       *journey,
                                          const char      *spec,
                                          GError         **error);

/* From a file name's extension (.png, .svg, .pdf); FALSE when unknown. */
gboolean tp_export_format_from_filename  (const char      *filename,
                                          TpExportFormat  *format);
/* "a4", "a3", "letter", "a2", "a1", "a0", "natural". */
gboolean tp_paper_from_string            (const char      *name,
                                          TpPaper         *paper);
/* The size in mm, turned for @orientation (custom sizes are as given). */
void     tp_paper_get_size_mm            (TpPaper          paper,
                                          TpOrientation    orientation,
                                          double           custom_width_mm,
                                          double           custom_height_mm,
                                          double          *width_mm,
                                          double          *height_mm);

void     tp_export_report_clear          (TpExportReport  *report);

/* The date SOURCE_DATE_EPOCH gives (seconds since 1970, UTC, as text) for
 * the creation_date options; NULL when @epoch is NULL or no such number. */
GDateTime *tp_export_date_from_epoch     (const char      *epoch);

/* Renders the export into memory. @report (may be NULL) is filled in. */
GBytes  *tp_export_to_bytes              (TpJourney             *journey,
                                          const TpExportOptions *options,
                                          TpExportReport        *report,
                                          GCancellable          *cancellable,
                                          GError               **error);
gboolean tp_export_to_stream             (TpJourney             *journey,
                                          GOutputStream         *stream,
                                          const TpExportOptions *options,
                                          TpExportReport        *report,
                                          GCancellable          *cancellable,
                                          GError               **error);
/* Renders, then replaces @file atomically. Errors name the file. */
gboolean tp_export_to_file               (TpJourney             *journey,
                                          GFile                 *file,
                                          const TpExportOptions *options,
                                          TpExportReport        *report,
                                          GCancellable          *cancellable,
                                          GError               **error);

/* The export's content (title block and map) for drawing elsewhere:
 * printing, previews, the clipboard. Built from a journey and options
 * like an export (layers, title block), then drawn as often as needed. */
typedef struct _TpExportPainter TpExportPainter;

TpExportPainter *tp_export_painter_new       (TpJourney             *journey,
                                              const TpExportOptions *options,
                                              GError               **error);
void     tp_export_painter_free              (TpExportPainter       *self);
/* What a PDF export with @options would give (pages, sheets, scale,
 * smallest text, warning), planned as the export plans it but not drawn.
 * The painter's own options set the content (title block, layers). */
gboolean tp_export_painter_estimate          (TpExportPainter       *self,
                                              const TpExportOptions *options,
                                              TpExportReport        *report,
                                              GError               **error);
/* In document units (1 unit = 1 pt on paper). */
void     tp_export_painter_get_size          (TpExportPainter       *self,
                                              double                *width,
                                              double                *height);
/* The map alone, without the title block. */
void     tp_export_painter_get_map_size      (TpExportPainter       *self,
                                              double                *width,
                                              double                *height);
/* The smallest text size in document units: times the output scale it
 * gives the size on paper in pt. */
double   tp_export_painter_get_smallest_text (TpExportPainter       *self);
/* Draws at (0, 0) in document units; @zoom is output units per document
 * unit. Without @full_detail, small zooms draw the simplified map. */
void     tp_export_painter_draw              (TpExportPainter       *self,
                                              cairo_t               *cr,
                                              double                 zoom,
                                              gboolean               full_detail);
/* Fits the content uniformly on a page of that size in pt, centred. */
void     tp_export_painter_fit_page          (TpExportPainter       *self,
                                              cairo_t               *cr,
                                              double                 page_width,
                                              double                 page_height,
                                              double                 margin,
                                              TpExportReport        *report);
/* The options' poster (paper, or sheets_across) on sheets of the given
 * size in pt, e.g. a printer's paper; @info receives the overview text. */
gboolean tp_export_painter_plan_poster       (TpExportPainter       *self,
                                              double                 sheet_width,
                                              double                 sheet_height,
                                              double                 margin,
                                              TpPosterPlan          *plan,
                                              TpExportReport        *report,
                                              char                 **info,
                                              GError               **error);
/* Page @index of a tiled poster: -1 is the overview, then the printed
 * sheets row by row (tp_poster_plan_count_printed(); blank ones left out). */
void     tp_export_painter_draw_sheet        (TpExportPainter       *self,
                                              cairo_t               *cr,
                                              const TpPosterPlan    *plan,
                                              int                    index,
                                              const char            *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpExportPainter, tp_export_painter_free)

#define TP_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)
#define TP_PT_TO_MM(pt) ((pt) * 25.4 / 72.0)

G_END_DECLS
