/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-render-backend.h"

/* TpPdf writes the operators; the page's cairo_t (a recording surface
 * that is never painted) keeps cairo's side: the path is cleared, the
 * state saved and the clip narrowed as cairo's own calls would. */

typedef struct {
  TpRenderBackend  parent;
  TpPdf           *pdf;
} PdfBackend;

#define PDF_OF(self) (((PdfBackend *) (self))->pdf)

static gboolean
pdf_backend_is_raster (TpRenderBackend *self,
                       cairo_t         *cr)
{
  return FALSE;
}

static void
pdf_backend_save (TpRenderBackend *self,
                  cairo_t         *cr)
{
  cairo_save (cr);
  tp_pdf_push_state (PDF_OF (self));
}

static void
pdf_backend_restore (TpRenderBackend *self,
                     cairo_t         *cr)
{
  cairo_restore (cr);
  tp_pdf_pop_state (PDF_OF (self));
}

static void
pdf_backend_fill (TpRenderBackend *self,
                  cairo_t         *cr)
{
  tp_pdf_fill (PDF_OF (self), cr);
  cairo_new_path (cr);
}

static void
pdf_backend_fill_preserve (TpRenderBackend *self,
                           cairo_t         *cr)
{
  tp_pdf_fill (PDF_OF (self), cr);
}

static void
pdf_backend_stroke (TpRenderBackend *self,
                    cairo_t         *cr)
{
  tp_pdf_stroke (PDF_OF (self), cr);
  cairo_new_path (cr);
}

static void
pdf_backend_clip (TpRenderBackend *self,
                  cairo_t         *cr)
{
  tp_pdf_clip (PDF_OF (self), cr);
  /* The page's cairo_t clips too: the drawing code asks for the extents. */
  cairo_clip (cr);
}

static void
pdf_backend_paint (TpRenderBackend *self,
                   cairo_t         *cr)
{
  tp_pdf_paint (PDF_OF (self), cr);
}

static void
pdf_backend_show_layout (TpRenderBackend *self,
                         cairo_t         *cr,
                         PangoLayout     *layout)
{
  tp_pdf_show_layout (PDF_OF (self), cr, layout);
}

static void
pdf_backend_show_layout_line (TpRenderBackend *self,
                              cairo_t         *cr,
                              PangoLayoutLine *line)
{
  tp_pdf_show_layout_line (PDF_OF (self), cr, line);
}

static void
pdf_backend_free (TpRenderBackend *self)
{
  g_free (self);
}

static const TpRenderBackendVTable pdf_vtable = {
  .name = "pdf",
  .is_raster = pdf_backend_is_raster,
  .save = pdf_backend_save,
  .restore = pdf_backend_restore,
  .fill = pdf_backend_fill,
  .fill_preserve = pdf_backend_fill_preserve,
  .stroke = pdf_backend_stroke,
  .clip = pdf_backend_clip,
  .paint = pdf_backend_paint,
  .show_layout = pdf_backend_show_layout,
  .show_layout_line = pdf_backend_show_layout_line,
  .free = pdf_backend_free,
};

TpRenderBackend *
tp_render_backend_pdf_new (TpPdf *pdf)
{
  PdfBackend *self;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_new0 (PdfBackend, 1);
  self->parent.vtable = &pdf_vtable;
  self->pdf = pdf;
  return &self->parent;
}

cairo_t *
tp_render_backend_pdf_begin_page (TpPdf  *pdf,
                                  double  width,
                                  double  height)
{
  cairo_t *cr = tp_pdf_begin_page (pdf, width, height);

  if (cr != NULL)
    tp_render_backend_attach (cr, tp_render_backend_pdf_new (pdf));
  return cr;
}
