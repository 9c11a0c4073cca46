/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-render-backend.h"

static const cairo_user_data_key_t backend_key;

G_DEFINE_QUARK (tp-render-backend-error-quark, tp_render_backend_error)

static void
backend_free (void *data)
{
  TpRenderBackend *backend = data;

  if (backend->vtable->free != NULL)
    backend->vtable->free (backend);
}

TpRenderBackend *
tp_render_backend_get (cairo_t *cr)
{
  TpRenderBackend *backend = cairo_get_user_data (cr, &backend_key);

  return backend != NULL ? backend : tp_render_backend_cairo ();
}

void
tp_render_backend_attach (cairo_t         *cr,
                          TpRenderBackend *backend)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (backend != NULL && backend->vtable != NULL);

  if (cairo_set_user_data (cr, &backend_key, backend, backend_free) != CAIRO_STATUS_SUCCESS)
    backend_free (backend);
}

void
tp_gfx_save (cairo_t *cr)
{
  tp_render_backend_save (tp_render_backend_get (cr), cr);
}

void
tp_gfx_restore (cairo_t *cr)
{
  tp_render_backend_restore (tp_render_backend_get (cr), cr);
}

void
tp_gfx_fill (cairo_t *cr)
{
  tp_render_backend_fill (tp_render_backend_get (cr), cr);
}

void
tp_gfx_fill_preserve (cairo_t *cr)
{
  tp_render_backend_fill_preserve (tp_render_backend_get (cr), cr);
}

void
tp_gfx_stroke (cairo_t *cr)
{
  tp_render_backend_stroke (tp_render_backend_get (cr), cr);
}

void
tp_gfx_clip (cairo_t *cr)
{
  tp_render_backend_clip (tp_render_backend_get (cr), cr);
}

void
tp_gfx_paint (cairo_t *cr)
{
  tp_render_backend_paint (tp_render_backend_get (cr), cr);
}

void
tp_gfx_show_layout (cairo_t     *cr,
                    PangoLayout *layout)
{
  tp_render_backend_show_layout (tp_render_backend_get (cr), cr, layout);
}

void
tp_gfx_show_layout_line (cairo_t         *cr,
                         PangoLayoutLine *line)
{
  tp_render_backend_show_layout_line (tp_render_backend_get (cr), cr, line);
}

void
tp_gfx_begin_group (cairo_t    *cr,
                    const char *id,
                    const char *class_name)
{
  tp_render_backend_begin_group (tp_render_backend_get (cr), cr, id, class_name);
}

void
tp_gfx_end_group (cairo_t *cr)
{
  tp_render_backend_end_group (tp_render_backend_get (cr), cr);
}
