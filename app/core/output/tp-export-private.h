/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the files of the export: tp-export.c prepares and writes PDF,
 * tp-export-image.c writes PNG and SVG. Not part of the API. */

#include <pango/pango.h>

#include "tp-export.h"
#include "tp-layout.h"
#include "tp-renderer.h"

G_BEGIN_DECLS

typedef struct {
  TpJourney       *journey;       /* owned */
  TpLayout        *layout;
  TpRenderOptions  render;
  gboolean         full_detail;   /* vector pages: never the simplified drawing */
  gboolean         transparent;
  gboolean         use_cairo_pdf;
  GDateTime       *creation_date; /* borrowed from the options; NULL: now */
  GCancellable    *cancellable;   /* borrowed, for the long loops */
  double           map_width;
  double           map_height;
  /* The title block above the map; 0 high when there is none. */
  double           block_height;
  PangoLayout     *block_title;
  PangoLayout     *block_meta;
  /* The persona's description, goals and frustrations, side by side;
   * NULL when it has none of them. */
  PangoLayout     *block_persona[3];
  double           persona_height;
  /* The title block's legend needs this width at least. */
  double           legend_width;
  gboolean         title_block;
  /* The map in bands of stages, one under another (tp-export-bands.c):
   * band_first[b] is the first stage of band b, band_first[n_bands] the
   * number of stages; NULL for one band. */
  guint            n_bands;
  guint           *band_first;
  double           header_width;
  /* Content: the block and the map. */
  double           width;
  double           height;
  /* The smallest text, in document units. */
  double           smallest_text;
} Export;

/* Room around the title block's content, and between it and the map. */
#define TP_EXPORT_BLOCK_PADDING 16.0

/* tp-export-block.c: the title block. */
double         tp_export_font_units          (Export  *ex,
                                              double   points);
void           tp_export_prepare_title_block (Export  *ex);
/* Draws the legend from @x, centred on @cy; returns where it ends. */
double         tp_export_draw_legend         (cairo_t *cr,
                                              Export  *ex,
                                              double   x,
                                              double   cy);
void           tp_export_draw_title_block    (cairo_t *cr,
                                              Export  *ex);

/* tp-export-bands.c: sets the bands and with them the content's size and
 * title block; fitting tries one band and more and keeps the one that
 * prints largest on @width × @height, returning its scale. */
void           tp_export_set_bands           (Export  *ex,
                                              guint    n_bands);
guint          tp_export_get_n_bands         (Export  *ex);
double         tp_export_fit_bands           (Export  *ex,
                                              double   width,
                                              double   height);
void           tp_export_draw_map            (cairo_t               *cr,
                                              Export                *ex,
                                              const TpRenderOptions *render);

/* Draws the title block and the map, in document units from (0, 0). */
void           tp_export_draw_content     (cairo_t        *cr,
                                           double          zoom,
                                           gpointer        user_data);
/* A cairo write function appending to the GByteArray @closure. */
cairo_status_t tp_export_append_to_array  (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);
/* FALSE with @error set when @status is a failure. */
gboolean       tp_export_check_cairo      (cairo_status_t  status,
                                           GError        **error);
/* The scale and smallest text into @report, with a warning when small. */
void           tp_export_report_text_size (Export         *ex,
                                           TpExportReport *report,
                                           double          scale,
                                           double          pt_per_output_unit);

GBytes        *tp_export_write_png        (Export                *ex,
                                           const TpExportOptions *options,
                                           TpExportReport        *report,
                                           GError               **error);
GBytes        *tp_export_write_svg        (Export                *ex,
                                           const TpExportOptions *options,
                                           TpExportReport        *report,
                                           GError               **error);

G_END_DECLS
