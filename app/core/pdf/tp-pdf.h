/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A PDF writer for the map exports, faster than cairo 1.16's PDF surface on
 * large maps (which records, replays twice, formats every number with
 * printf and compresses at zlib's default level).
 *
 * Drawing code stays cairo code: a page is a cairo_t on an empty recording
 * surface of the page's size, which keeps the path, the transformation and
 * the graphics state. The painting calls go through the draw layer's
 * render backend (tp-render-backend.h), whose PDF backend writes them as
 * operators with the functions at the end of this file. So the canvas,
 * PNG, SVG, print and this writer share one drawing path.
 *
 * Text is written with the fonts pango chose, subset with HarfBuzz and
 * embedded, with a ToUnicode map so it can be selected and searched. A
 * font it cannot embed (variable instances, bitmap fonts) or a non-solid
 * source makes tp_pdf_finish() fail with TP_PDF_ERROR_UNSUPPORTED; the
 * caller then draws with cairo's PDF surface instead. */

#define TP_PDF_ERROR (tp_pdf_error_quark ())

typedef enum {
  TP_PDF_ERROR_UNSUPPORTED,
} TpPdfError;

GQuark tp_pdf_error_quark (void);

typedef struct _TpPdf TpPdf;

typedef enum {
  TP_PDF_METADATA_TITLE,
  TP_PDF_METADATA_AUTHOR,
  TP_PDF_METADATA_SUBJECT,
  TP_PDF_METADATA_CREATOR,
  TP_PDF_N_METADATA,
} TpPdfMetadata;

TpPdf   *tp_pdf_new            (void);
void     tp_pdf_free           (TpPdf         *self);
void     tp_pdf_set_metadata   (TpPdf         *self,
                                TpPdfMetadata  key,
                                const char    *value);
/* The creation date; without it, now. (Callers read SOURCE_DATE_EPOCH.) */
void     tp_pdf_set_creation_date (TpPdf      *self,
                                   GDateTime  *date);
/* A page of @width × @height pt; draw on the returned cairo_t with cairo
 * for paths and state and the painting functions below for painting
 * (tp_render_backend_pdf_begin_page() attaches a backend that does), then
 * end the page. */
cairo_t *tp_pdf_begin_page     (TpPdf         *self,
                                double         width,
                                double         height);
void     tp_pdf_end_page       (TpPdf         *self);
/* Bookmarks: an entry under @parent (0: the top level; else an id this
 * returned) leading to @y (points from the top) on @page (1-based, which
 * need not be drawn yet). Returns the entry's id. */
int      tp_pdf_add_outline    (TpPdf         *self,
                                int            parent,
                                const char    *title,
                                guint          page,
                                double         y,
                                gboolean       bold);
/* A link over the rectangle (user space of the current page's cairo_t) to
 * @target_y (points from the top) on @target_page (1-based). */
void     tp_pdf_add_link       (TpPdf         *self,
                                double         x,
                                double         y,
                                double         width,
                                double         height,
                                guint          target_page,
                                double         target_y);
/* For a pass that only counts pages (its file is never finished): text is
 * left out, which is most of the work of writing a page. A font or a
 * character the writer cannot embed is then only found in the next pass. */
void     tp_pdf_set_counting   (TpPdf         *self,
                                gboolean       counting);
/* Whether tp_pdf_finish() will fail with TP_PDF_ERROR_UNSUPPORTED: the
 * caller can stop drawing early. */
gboolean tp_pdf_is_unsupported (TpPdf         *self);
/* Fonts and cross-references; the whole file. At least one page. */
GBytes  *tp_pdf_finish         (TpPdf         *self,
                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpPdf, tp_pdf_free)

/* Painting on a page, for the draw layer's PDF render backend
 * (tp-render-backend-pdf.c): the operators for what @cr, the page's
 * cairo_t, holds (path, source, line style, fill rule, matrix). They
 * leave @cr alone: the path stays, nothing is saved or clipped there. */
void     tp_pdf_push_state     (TpPdf         *self);
void     tp_pdf_pop_state      (TpPdf         *self);
void     tp_pdf_fill           (TpPdf         *self,
                                cairo_t       *cr);
void     tp_pdf_stroke         (TpPdf         *self,
                                cairo_t       *cr);
void     tp_pdf_clip           (TpPdf         *self,
                                cairo_t       *cr);
/* The clip's extents, filled with the source. */
void     tp_pdf_paint          (TpPdf         *self,
                                cairo_t       *cr);
/* At the current point, as pango_cairo_show_layout(). */
void     tp_pdf_show_layout    (TpPdf         *self,
                                cairo_t       *cr,
                                PangoLayout   *layout);
/* A line of a layout with its baseline's start at the current point, as
 * pango_cairo_show_layout_line(). */
void     tp_pdf_show_layout_line (TpPdf           *self,
                                  cairo_t         *cr,
                                  PangoLayoutLine *line);

G_END_DECLS
