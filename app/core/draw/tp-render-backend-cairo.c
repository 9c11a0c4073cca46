/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pango/pangocairo.h>

#include "tp-render-backend.h"

/* Cairo paints on the cairo_t's own surface: nothing to keep but the
 * vtable. */

static gboolean
cairo_backend_is_raster (TpRenderBackend *self,
                         cairo_t         *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_group_target (cr));

  /* A recording surface is replayed onto pixels (the canvas's cache). */
  return type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING;
}

static void
cairo_backend_save (TpRenderBackend *self,
                    cairo_t         *cr)
{
  cairo_save (cr);
}

static void
cairo_backend_restore (TpRenderBackend *self,
                       cairo_t         *cr)
{
  cairo_restore (cr);
}

static void
cairo_backend_fill (TpRenderBackend *self,
                    cairo_t         *cr)
{
  cairo_fill (cr);
}

static void
cairo_backend_fill_preserve (TpRenderBackend *self,
                             cairo_t         *cr)
{
  cairo_fill_preserve (cr);
}

static void
cairo_backend_stroke (TpRenderBackend *self,
                      cairo_t         *cr)
{
  cairo_stroke (cr);
}

static void
cairo_backend_clip (TpRenderBackend *self,
                    cairo_t         *cr)
{
  cairo_clip (cr);
}

static void
cairo_backend_paint (TpRenderBackend *self,
                     cairo_t         *cr)
{
  cairo_paint (cr);
}

static void
cairo_backend_show_layout (TpRenderBackend *self,
                           cairo_t         *cr,
                           PangoLayout     *layout)
{
  pango_cairo_show_layout (cr, layout);
}

static void
cairo_backend_show_layout_line (TpRenderBackend *self,
                                cairo_t         *cr,
                                PangoLayoutLine *line)
{
  pango_cairo_show_layout_line (cr, line);
}

static const TpRenderBackendVTable cairo_vtable = {
  .name = "cairo",
  .is_raster = cairo_backend_is_raster,
  .save = cairo_backend_save,
  .restore = cairo_backend_restore,
  .fill = cairo_backend_fill,
  .fill_preserve = cairo_backend_fill_preserve,
  .stroke = cairo_backend_stroke,
  .clip = cairo_backend_clip,
  .paint = cairo_backend_paint,
  .show_layout = cairo_backend_show_layout,
  .show_layout_line = cairo_backend_show_layout_line,
  .free = NULL,
};

static TpRenderBackend cairo_backend = { &cairo_vtable };

TpRenderBackend *
tp_render_backend_cairo (void)
{
  return &cairo_backend;
}
