/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "tp-render-backend.h"
#include "tp-render-glyphs.h"

/* Glyphs are designed on a 16 × 16 grid with 1.5-unit strokes, like the
 * app's symbolic icons, so they read as the same family. */
#define GRID 16.0
#define STROKE 1.5

/* A quarter circle around (@cx, @cy) from angle @quadrant × 90° on, as
 * one Bézier curve, as cairo_arc() draws it at these sizes without its
 * trigonometry per call. Adds a line to the start, as cairo_arc() does. */
static void
quarter_circle (cairo_t *cr,
                double   cx,
                double   cy,
                double   radius,
                int      quadrant)
{
  /* 4/3 tan(π/8): the control points' distance for a quarter circle. */
  const double k = 0.55228474983079340 * radius;
  static const int cos_of[] = { 1, 0, -1, 0 };
  static const int sin_of[] = { 0, 1, 0, -1 };
  double c0 = cos_of[quadrant % 4], s0 = sin_of[quadrant % 4];
  double c1 = cos_of[(quadrant + 1) % 4], s1 = sin_of[(quadrant + 1) % 4];
  double x0 = cx + radius * c0, y0 = cy + radius * s0;
  double x1 = cx + radius * c1, y1 = cy + radius * s1;

  if (cairo_has_current_point (cr))
    cairo_line_to (cr, x0, y0);
  else
    cairo_move_to (cr, x0, y0);
  cairo_curve_to (cr, x0 - k * s0, y0 + k * c0, x1 + k * s1, y1 - k * c1, x1, y1);
}

void
tp_path_rounded_rect (cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      double   radius)
{
  radius = MAX (0, MIN (radius, MIN (width, height) / 2));
  cairo_new_sub_path (cr);
  quarter_circle (cr, x + width - radius, y + radius, radius, 3);
  quarter_circle (cr, x + width - radius, y + height - radius, radius, 0);
  quarter_circle (cr, x + radius, y + height - radius, radius, 1);
  quarter_circle (cr, x + radius, y + radius, radius, 2);
  cairo_close_path (cr);
}

void
tp_path_notched_rect (cairo_t *cr,
                      double   x,
                      double   y,
                      double   width,
                      double   height,
                      double   radius,
                      double   notch)
{
  radius = MAX (0, MIN (radius, MIN (width, height) / 2));
  notch = MAX (radius, MIN (notch, MIN (width, height) / 2));
  cairo_new_sub_path (cr);
  /* The top right corner is cut off straight. */
  cairo_move_to (cr, x + width - notch, y);
  cairo_line_to (cr, x + width, y + notch);
  quarter_circle (cr, x + width - radius, y + height - radius, radius, 0);
  quarter_circle (cr, x + radius, y + height - radius, radius, 1);
  quarter_circle (cr, x + radius, y + radius, radius, 2);
  cairo_close_path (cr);
}

void
tp_path_bubble (cairo_t *cr,
                double   x,
                double   y,
                double   width,
                double   height,
                double   radius,
                double   tail)
{
  double bottom = y + height - tail;

  radius = MAX (0, MIN (radius, MIN (width, height - tail) / 2));
  cairo_new_sub_path (cr);
  quarter_circle (cr, x + width - radius, y + radius, radius, 3);
  quarter_circle (cr, x + width - radius, bottom - radius, radius, 0);
  /* The tail, one path with the body so the outline has no seam. */
  cairo_line_to (cr, x + radius + 22, bottom);
  cairo_line_to (cr, x + radius + 4, bottom + tail);
  cairo_line_to (cr, x + radius + 8, bottom);
  quarter_circle (cr, x + radius, bottom - radius, radius, 1);
  quarter_circle (cr, x + radius, y + radius, radius, 2);
  cairo_close_path (cr);
}

void
tp_path_star (cairo_t *cr,
              double   cx,
              double   cy,
              double   radius)
{
  double inner = radius * 0.45;

  cairo_new_sub_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? radius : inner;

      cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
}

static void
dot (cairo_t *cr,
     double   x,
     double   y,
     double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

static void
phone_path (cairo_t *cr)
{
  /* A handset: ear and mouth pieces joined by a curved grip. */
  cairo_move_to (cr, 3.2, 1.8);
  cairo_line_to (cr, 5.6, 1.8);
  cairo_line_to (cr, 6.6, 5.2);
  cairo_line_to (cr, 5.0, 6.6);
  cairo_curve_to (cr, 5.8, 8.6, 7.4, 10.2, 9.4, 11.0);
  cairo_line_to (cr, 10.8, 9.4);
  cairo_line_to (cr, 14.2, 10.4);
  cairo_line_to (cr, 14.2, 12.8);
  cairo_curve_to (cr, 14.2, 13.8, 13.4, 14.4, 12.4, 14.3);
  cairo_curve_to (cr, 6.8, 13.6, 2.4, 9.2, 1.7, 3.6);
  cairo_curve_to (cr, 1.6, 2.6, 2.2, 1.8, 3.2, 1.8);
  cairo_close_path (cr);
}

/* The strokes, then the fills, on the 16-unit grid. */
static void
channel_path (TpRenderBackend *backend,
              cairo_t         *cr,
              TpChannel        channel,
              TpGlyphPart      part)
{
  gboolean strokes = part == TP_GLYPH_STROKES;

  switch (channel)
    {
    case TP_CHANNEL_WEBSITE:
      /* A globe */
      if (!strokes)
        break;
      dot (cr, 8, 8, 6.5);
      tp_render_backend_save (backend, cr);
      cairo_translate (cr, 8, 8);
      cairo_scale (cr, 0.45, 1);
      dot (cr, 0, 0, 6.5);
      tp_render_backend_restore (backend, cr);
      cairo_move_to (cr, 1.5, 8);
      cairo_line_to (cr, 14.5, 8);
      break;

    case TP_CHANNEL_APP:
      /* A smartphone */
      if (!strokes)
        break;
      tp_path_rounded_rect (cr, 4.25, 1.25, 7.5, 13.5, 1.75);
      cairo_move_to (cr, 7, 12);
      cairo_line_to (cr, 9, 12);
      break;

    case TP_CHANNEL_EMAIL:
      /* An envelope */
      if (!strokes)
        break;
      tp_path_rounded_rect (cr, 1.25, 3.25, 13.5, 9.5, 1.25);
      cairo_move_to (cr, 1.75, 4);
      cairo_line_to (cr, 8, 9);
      cairo_line_to (cr, 14.25, 4);
      break;

    case TP_CHANNEL_PHONE:
      if (!strokes)
        phone_path (cr);
      break;

    case TP_CHANNEL_CHAT:
      /* A speech bubble with three dots */
      if (strokes)
        {
          tp_path_rounded_rect (cr, 1.25, 2.25, 13.5, 9.5, 2.5);
          cairo_move_to (cr, 4, 11.75);
          cairo_line_to (cr, 3.5, 14.75);
          cairo_line_to (cr, 7.5, 11.75);
        }
      else
        {
          dot (cr, 5, 7, 1);
          dot (cr, 8, 7, 1);
          dot (cr, 11, 7, 1);
        }
      break;

    case TP_CHANNEL_SOCIAL_MEDIA:
      /* The "share" graph */
      if (strokes)
        {
          cairo_move_to (cr, 4, 8);
          cairo_line_to (cr, 12, 3.5);
          cairo_move_to (cr, 4, 8);
          cairo_line_to (cr, 12, 12.5);
        }
      else
        {
          dot (cr, 4, 8, 2.3);
          dot (cr, 12, 3.5, 2.3);
          dot (cr, 12, 12.5, 2.3);
        }
      break;

    case TP_CHANNEL_LETTER:
      /* A page with a folded corner and lines of text */
      if (!strokes)
        break;
      cairo_move_to (cr, 3.25, 1.25);
      cairo_line_to (cr, 9.5, 1.25);
      cairo_line_to (cr, 12.75, 4.5);
      cairo_line_to (cr, 12.75, 14.75);
      cairo_line_to (cr, 3.25, 14.75);
      cairo_close_path (cr);
      cairo_move_to (cr, 9.5, 1.5);
      cairo_line_to (cr, 9.5, 4.5);
      cairo_line_to (cr, 12.5, 4.5);
      cairo_move_to (cr, 5.5, 7.5);
      cairo_line_to (cr, 10.5, 7.5);
      cairo_move_to (cr, 5.5, 10);
      cairo_line_to (cr, 10.5, 10);
      cairo_move_to (cr, 5.5, 12.5);
      cairo_line_to (cr, 8.5, 12.5);
      break;

    case TP_CHANNEL_ADVERTISEMENT:
      /* A megaphone */
      if (!strokes)
        break;
      cairo_move_to (cr, 1.75, 6);
      cairo_line_to (cr, 5, 6);
      cairo_line_to (cr, 12.5, 2);
      cairo_line_to (cr, 12.5, 13);
      cairo_line_to (cr, 5, 9.5);
      cairo_line_to (cr, 1.75, 9.5);
      cairo_close_path (cr);
      cairo_move_to (cr, 5, 9.5);
      cairo_line_to (cr, 6.25, 14);
      cairo_line_to (cr, 8, 14);
      cairo_line_to (cr, 7.25, 10.5);
      cairo_move_to (cr, 14.75, 6);
      cairo_line_to (cr, 14.75, 9);
      break;

    case TP_CHANNEL_WORD_OF_MOUTH:
      /* A person talking */
      if (strokes)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 9.5, 5, 2.75, -0.75, 0.75);
          cairo_new_sub_path (cr);
          cairo_arc (cr, 9.5, 5, 5.25, -0.7, 0.7);
        }
      else
        {
          dot (cr, 5.5, 5, 2.75);
          cairo_new_sub_path (cr);
          cairo_arc (cr, 5.5, 15, 4.75, G_PI, 2 * G_PI);
          cairo_close_path (cr);
        }
      break;

    case TP_CHANNEL_SHOP:
      /* A shop front with an awning and a door */
      if (!strokes)
        break;
      cairo_move_to (cr, 1.25, 6);
      cairo_line_to (cr, 2.5, 1.75);
      cairo_line_to (cr, 13.5, 1.75);
      cairo_line_to (cr, 14.75, 6);
      cairo_close_path (cr);
      cairo_move_to (cr, 2.5, 6);
      cairo_line_to (cr, 2.5, 14.25);
      cairo_line_to (cr, 13.5, 14.25);
      cairo_line_to (cr, 13.5, 6);
      cairo_move_to (cr, 6.5, 14.25);
      cairo_line_to (cr, 6.5, 9.5);
      cairo_line_to (cr, 9.5, 9.5);
      cairo_line_to (cr, 9.5, 14.25);
      break;

    case TP_CHANNEL_PHYSICAL_ENVIRONMENT:
      /* A map pin */
      if (strokes)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, 8, 6.25, 5, 5 * G_PI / 6, 13 * G_PI / 6);
          cairo_line_to (cr, 8, 15);
          cairo_close_path (cr);
        }
      else
        {
          dot (cr, 8, 6.25, 1.75);
        }
      break;

    case TP_CHANNEL_PRODUCT:
      /* A box */
      if (!strokes)
        break;
      cairo_move_to (cr, 8, 1.25);
      cairo_line_to (cr, 14.25, 4.5);
      cairo_line_to (cr, 14.25, 11.5);
      cairo_line_to (cr, 8, 14.75);
      cairo_line_to (cr, 1.75, 11.5);
      cairo_line_to (cr, 1.75, 4.5);
      cairo_close_path (cr);
      cairo_move_to (cr, 1.75, 4.5);
      cairo_line_to (cr, 8, 7.75);
      cairo_line_to (cr, 14.25, 4.5);
      cairo_move_to (cr, 8, 7.75);
      cairo_line_to (cr, 8, 14.75);
      break;

    case TP_CHANNEL_OTHER:
    default:
      /* "More": three dots */
      if (strokes)
        break;
      dot (cr, 3.5, 8, 1.6);
      dot (cr, 8, 8, 1.6);
      dot (cr, 12.5, 8, 1.6);
      break;
    }
}

void
tp_glyph_channel_path (cairo_t     *cr,
                       TpChannel    channel,
                       TpGlyphPart  part,
                       double       x,
                       double       y,
                       double       size)
{
  TpRenderBackend *backend = tp_render_backend_get (cr);

  /* The path keeps its device coordinates after the restore. */
  tp_render_backend_save (backend, cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / GRID, size / GRID);
  channel_path (backend, cr, channel, part);
  tp_render_backend_restore (backend, cr);
}

double
tp_glyph_stroke_width (double size)
{
  return STROKE * size / GRID;
}

void
tp_glyph_channel (cairo_t   *cr,
                  TpChannel  channel,
                  double     x,
                  double     y,
                  double     size)
{
  TpRenderBackend *backend = tp_render_backend_get (cr);

  /* One colour: strokes and fills may go in any order. */
  tp_render_backend_save (backend, cr);
  cairo_set_line_width (cr, tp_glyph_stroke_width (size));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  tp_glyph_channel_path (cr, channel, TP_GLYPH_STROKES, x, y, size);
  if (cairo_has_current_point (cr))
    tp_render_backend_stroke (backend, cr);
  tp_glyph_channel_path (cr, channel, TP_GLYPH_FILLS, x, y, size);
  if (cairo_has_current_point (cr))
    tp_render_backend_fill (backend, cr);
  tp_render_backend_restore (backend, cr);
}

void
tp_glyph_bulb (cairo_t *cr,
               double   x,
               double   y,
               double   size)
{
  TpRenderBackend *backend = tp_render_backend_get (cr);

  tp_render_backend_save (backend, cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, size / GRID, size / GRID);
  cairo_set_line_width (cr, STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);

  /* Glass, neck and two lines of the screw base. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, 8, 6, 4.75, 0.8 * G_PI, 2.2 * G_PI);
  cairo_curve_to (cr, 10.9, 9.4, 10.25, 10.2, 10.25, 11.25);
  cairo_line_to (cr, 5.75, 11.25);
  cairo_curve_to (cr, 5.75, 10.2, 5.1, 9.4, 4.2, 8.8);
  cairo_close_path (cr);
  cairo_move_to (cr, 6, 13.25);
  cairo_line_to (cr, 10, 13.25);
  cairo_move_to (cr, 7, 15);
  cairo_line_to (cr, 9, 15);
  tp_render_backend_stroke (backend, cr);

  tp_render_backend_restore (backend, cr);
}
