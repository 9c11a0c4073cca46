/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tp-pdf.h"

G_BEGIN_DECLS

/* How the draw layer paints. Drawing code stays cairo code: the cairo_t
 * holds the path, the transformation and the graphics state (source, line
 * style, fill rule, clip), and a backend turns the painting calls into
 * output. The cairo backend paints on the cairo_t's own surface (screen,
 * PNG, print, cairo's PDF and SVG surfaces); the PDF backend writes
 * operators with TpPdf; the SVG backend writes SVG text with real text and
 * groups. A new target implements the vtable and attaches its backend
 * to the cairo_t it hands out; the renderer does not change. See
 * README.md. */

typedef struct _TpRenderBackend       TpRenderBackend;
typedef struct _TpRenderBackendVTable TpRenderBackendVTable;

/* Every painting call leaves @cr as the cairo call of the same name would:
 * fill and stroke clear the path, clip narrows @cr's clip too (drawing
 * code asks cairo for the clip extents), save and restore save and restore
 * @cr's state. */
struct _TpRenderBackendVTable {
  const char *name;
  /* Whether pixels can be copied to the target: the renderer then paints
   * pre-drawn image sprites (as a fill with a surface source) instead of
   * their paths. */
  gboolean (*is_raster)        (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*save)             (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*restore)          (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*fill)             (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*fill_preserve)    (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*stroke)           (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*clip)             (TpRenderBackend *self,
                                cairo_t         *cr);
  void     (*paint)            (TpRenderBackend *self,
                                cairo_t         *cr);
  /* At the current point, as pango_cairo_show_layout(). */
  void     (*show_layout)      (TpRenderBackend *self,
                                cairo_t         *cr,
                                PangoLayout     *layout);
  /* The baseline's start at the current point, as
   * pango_cairo_show_layout_line(). */
  void     (*show_layout_line) (TpRenderBackend *self,
                                cairo_t         *cr,
                                PangoLayoutLine *line);
  /* Optional (NULL: ignored). Structure for targets that keep it: what
   * is painted until the matching end_group belongs to a group named @id
   * (unique in the output; the backend makes it so) of kind @class_name,
   * either may be NULL. Groups nest, and enclose the save/restore pairs
   * made inside them. A backend with groups also gets every card drawn
   * on its own (no backs batched across cards). */
  void     (*begin_group)      (TpRenderBackend *self,
                                cairo_t         *cr,
                                const char      *id,
                                const char      *class_name);
  void     (*end_group)        (TpRenderBackend *self,
                                cairo_t         *cr);
  /* Called when the cairo_t it is attached to is destroyed; NULL for a
   * backend that is never freed. */
  void     (*free)             (TpRenderBackend *self);
};

/* Backends embed this first and add their own fields after it. */
struct _TpRenderBackend {
  const TpRenderBackendVTable *vtable;
};

/* The backend that paints on @cr: the one attached to it, else cairo's. */
TpRenderBackend *tp_render_backend_get    (cairo_t         *cr);
/* Makes @backend (transfer full) the one that paints on @cr, until @cr
 * is destroyed. */
void             tp_render_backend_attach (cairo_t         *cr,
                                           TpRenderBackend *backend);

#define TP_RENDER_BACKEND_ERROR (tp_render_backend_error_quark ())

typedef enum {
  TP_RENDER_BACKEND_ERROR_FAILED,
  /* Something was drawn past the backend: use cairo's surface instead. */
  TP_RENDER_BACKEND_ERROR_UNSUPPORTED,
} TpRenderBackendError;

GQuark           tp_render_backend_error_quark (void);

/* The backends */

/* Cairo's own painting; static, shared. */
TpRenderBackend *tp_render_backend_cairo  (void);
/* Operators on a page of @pdf. */
TpRenderBackend *tp_render_backend_pdf_new (TpPdf          *pdf);
/* tp_pdf_begin_page() with the PDF backend attached to the page. */
cairo_t         *tp_render_backend_pdf_begin_page (TpPdf   *pdf,
                                                   double   width,
                                                   double   height);
/* An SVG document of @width × @height units (CSS pixels, the cairo_t's
 * device space) titled @title (may be NULL): draw on the returned cairo_t,
 * then finish it (before destroying it). */
cairo_t         *tp_render_backend_svg_begin  (double      width,
                                               double      height,
                                               const char *title);
/* The document; NULL with @error set when drawing failed or bypassed the
 * backend (TP_RENDER_BACKEND_ERROR_UNSUPPORTED: draw with cairo's SVG
 * surface instead). */
GBytes          *tp_render_backend_svg_finish (cairo_t    *cr,
                                               GError    **error);
/* How many operations SVG could not express, embedded as images. */
guint            tp_render_backend_svg_get_n_images (cairo_t *cr);

/* The calls, through the vtable: inline, as the renderer makes about a
 * hundred thousand for a large export. */

static inline gboolean
tp_render_backend_is_raster (TpRenderBackend *self,
                             cairo_t         *cr)
{
  return self->vtable->is_raster (self, cr);
}

static inline void
tp_render_backend_save (TpRenderBackend *self,
                        cairo_t         *cr)
{
  self->vtable->save (self, cr);
}

static inline void
tp_render_backend_restore (TpRenderBackend *self,
                           cairo_t         *cr)
{
  self->vtable->restore (self, cr);
}

static inline void
tp_render_backend_fill (TpRenderBackend *self,
                        cairo_t         *cr)
{
  self->vtable->fill (self, cr);
}

static inline void
tp_render_backend_fill_preserve (TpRenderBackend *self,
                                 cairo_t         *cr)
{
  self->vtable->fill_preserve (self, cr);
}

static inline void
tp_render_backend_stroke (TpRenderBackend *self,
                          cairo_t         *cr)
{
  self->vtable->stroke (self, cr);
}

static inline void
tp_render_backend_clip (TpRenderBackend *self,
                        cairo_t         *cr)
{
  self->vtable->clip (self, cr);
}

static inline void
tp_render_backend_paint (TpRenderBackend *self,
                         cairo_t         *cr)
{
  self->vtable->paint (self, cr);
}

static inline void
tp_render_backend_show_layout (TpRenderBackend *self,
                               cairo_t         *cr,
                               PangoLayout     *layout)
{
  self->vtable->show_layout (self, cr, layout);
}

static inline void
tp_render_backend_show_layout_line (TpRenderBackend *self,
                                    cairo_t         *cr,
                                    PangoLayoutLine *line)
{
  self->vtable->show_layout_line (self, cr, line);
}

/* Whether the target keeps groups: then the renderer draws card by card,
 * each in its group. */
static inline gboolean
tp_render_backend_wants_groups (TpRenderBackend *self)
{
  return self->vtable->begin_group != NULL;
}

static inline void
tp_render_backend_begin_group (TpRenderBackend *self,
                               cairo_t         *cr,
                               const char      *id,
                               const char      *class_name)
{
  if (self->vtable->begin_group != NULL)
    self->vtable->begin_group (self, cr, id, class_name);
}

static inline void
tp_render_backend_end_group (TpRenderBackend *self,
                             cairo_t         *cr)
{
  if (self->vtable->end_group != NULL)
    self->vtable->end_group (self, cr);
}

/* Shorthands for drawing code that has only a cairo_t (the output layer's
 * legends, charts and reports): the backend of @cr, then the call. */
void tp_gfx_save             (cairo_t         *cr);
void tp_gfx_restore          (cairo_t         *cr);
void tp_gfx_fill             (cairo_t         *cr);
void tp_gfx_fill_preserve    (cairo_t         *cr);
void tp_gfx_stroke           (cairo_t         *cr);
void tp_gfx_clip             (cairo_t         *cr);
void tp_gfx_paint            (cairo_t         *cr);
void tp_gfx_show_layout      (cairo_t         *cr,
                              PangoLayout     *layout);
void tp_gfx_show_layout_line (cairo_t         *cr,
                              PangoLayoutLine *line);
void tp_gfx_begin_group      (cairo_t         *cr,
                              const char      *id,
                              const char      *class_name);
void tp_gfx_end_group        (cairo_t         *cr);

G_END_DECLS
