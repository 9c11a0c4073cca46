/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A rectangle in document units. The core has no graphene: this is all
 * the layout, the renderer and their callers need. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} TpRect;

#define TP_RECT_INIT(x, y, w, h) ((TpRect) { (x), (y), (w), (h) })

static inline gboolean
tp_rect_is_empty (const TpRect *rect)
{
  return !(rect->width > 0 && rect->height > 0);
}

/* Half-open on the far edges, so that two rectangles sharing an edge do
 * not both claim a point on it. */
static inline gboolean
tp_rect_contains_point (const TpRect *rect,
                        double        x,
                        double        y)
{
  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}

/* TRUE when the interiors overlap; touching edges do not count. */
static inline gboolean
tp_rect_intersects (const TpRect *a,
                    const TpRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
tp_rect_contains_rect (const TpRect *outer,
                       const TpRect *inner)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

static inline TpRect
tp_rect_inset (const TpRect *rect,
               double        dx,
               double        dy)
{
  return TP_RECT_INIT (rect->x + dx, rect->y + dy, rect->width - 2 * dx, rect->height - 2 * dy);
}

G_END_DECLS
