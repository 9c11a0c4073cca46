/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-pdf-private.h"

/* The graphics state */

void
tp_pdf_state_reset (State *state)
{
  /* PDF's defaults. */
  *state = (State) {
    .fill = { 0, 0, 0 },
    .fill_alpha = 1000,
    .stroke = { 0, 0, 0 },
    .stroke_alpha = 1000,
    .line_width = 1,
    .cap = 0,
    .join = 0,
    .miter_limit = 10,
    .n_dash = 0,
    .font = -1,
  };
}

static guint
alpha_index (GArray *alphas,
             int     alpha)
{
  for (guint i = 0; i < alphas->len; i++)
    if (g_array_index (alphas, int, i) == alpha)
      return i;
  g_array_append_val (alphas, alpha);
  return alphas->len - 1;
}

/* The source's colour in thousandths; FALSE when it is not a colour. */
static gboolean
source_color (TpPdf   *self,
              cairo_t *cr,
              int      rgba[4])
{
  double r, g, b, a;

  if (cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    {
      tp_pdf_set_unsupported (self, "a source that is not a colour");
      return FALSE;
    }
  rgba[0] = (int) lround (CLAMP (r, 0, 1) * 1000);
  rgba[1] = (int) lround (CLAMP (g, 0, 1) * 1000);
  rgba[2] = (int) lround (CLAMP (b, 0, 1) * 1000);
  rgba[3] = (int) lround (CLAMP (a, 0, 1) * 1000);
  return TRUE;
}

static void
put_color (GString   *s,
           const int  rgb[3],
           const char *op)
{
  for (int i = 0; i < 3; i++)
    put_number (s, rgb[i] / 1000.0);
  append (s, op, strlen (op));
  append (s, "\n", 1);
}

/* Sets the fill (or stroke) colour and alpha to the source's, when they
 * differ from what the page has. */
gboolean
tp_pdf_use_source (TpPdf    *self,
                   cairo_t  *cr,
                   gboolean  stroke)
{
  State *st = &self->state;
  GString *s = self->content;
  int *rgb = stroke ? st->stroke : st->fill;
  int *alpha = stroke ? &st->stroke_alpha : &st->fill_alpha;
  int rgba[4];

  if (!source_color (self, cr, rgba))
    return FALSE;
  if (memcmp (rgba, rgb, 3 * sizeof (int)) != 0)
    {
      put_color (s, rgba, stroke ? "RG" : "rg");
      memcpy (rgb, rgba, 3 * sizeof (int));
    }
  if (rgba[3] != *alpha)
    {
      /* Fill and stroke alphas are separate ExtGStates: /ca and /CA. */
      append (s, stroke ? "/CA" : "/ca", 3);
      put_uint (s, alpha_index (stroke ? self->stroke_alphas : self->fill_alphas, rgba[3]));
      put_text (s, " gs\n");
      *alpha = rgba[3];
    }
  return TRUE;
}

/* The line style, its lengths multiplied by @scale. */
static void
use_line_style (TpPdf   *self,
                cairo_t *cr,
                double   scale)
{
  State *st = &self->state;
  GString *s = self->content;
  double width = cairo_get_line_width (cr) * scale;
  int cap = cairo_get_line_cap (cr);
  int join = cairo_get_line_join (cr);
  double miter = cairo_get_miter_limit (cr);
  int n_dash = cairo_get_dash_count (cr);
  double dash[8] = { 0 };
  double offset = 0;

  if (fabs (width - st->line_width) > 1e-4)
    {
      put_number (s, width);
      put_op (s, "w");
      st->line_width = width;
    }
  /* cairo's and PDF's cap and join numbers agree. */
  if (cap != st->cap)
    {
      g_string_append_printf (s, "%d J\n", cap);
      st->cap = cap;
    }
  if (join != st->join)
    {
      g_string_append_printf (s, "%d j\n", join);
      st->join = join;
    }
  if (join == CAIRO_LINE_JOIN_MITER && miter != st->miter_limit)
    {
      put_number (s, miter);
      put_op (s, "M");
      st->miter_limit = miter;
    }

  if (n_dash > (int) G_N_ELEMENTS (dash))
    {
      tp_pdf_set_unsupported (self, "a dash pattern of more than 8 lengths");
      n_dash = 0;
    }
  if (n_dash > 0)
    {
      cairo_get_dash (cr, dash, &offset);
      for (int i = 0; i < n_dash; i++)
        dash[i] *= scale;
      offset *= scale;
    }
  if (n_dash != st->n_dash || offset != st->dash_offset
      || memcmp (dash, st->dash, n_dash * sizeof (double)) != 0)
    {
      g_string_append_c (s, '[');
      for (int i = 0; i < n_dash; i++)
        put_number (s, dash[i]);
      g_string_append (s, "] ");
      put_number (s, offset);
      put_op (s, "d");
      memcpy (st->dash, dash, sizeof dash);
      st->n_dash = n_dash;
      st->dash_offset = offset;
    }
}

/* Paths */

static gboolean
is_axis_rectangle (const cairo_path_data_t *d,
                   int                      i,
                   int                      n)
{
  const cairo_path_data_t *p0, *p1, *p2, *p3;

  if (i + 8 >= n
      || d[i + 2].header.type != CAIRO_PATH_LINE_TO
      || d[i + 4].header.type != CAIRO_PATH_LINE_TO
      || d[i + 6].header.type != CAIRO_PATH_LINE_TO
      || d[i + 8].header.type != CAIRO_PATH_CLOSE_PATH)
    return FALSE;
  p0 = &d[i + 1];
  p1 = &d[i + 3];
  p2 = &d[i + 5];
  p3 = &d[i + 7];
  /* Along x first, as PDF's re goes: the same winding. */
  return p0->point.y == p1->point.y && p1->point.x == p2->point.x
         && p2->point.y == p3->point.y && p3->point.x == p0->point.x;
}

/* The current path, in device space unless @user_space; FALSE when it is
 * empty. */
static gboolean
put_path (TpPdf   *self,
          cairo_t *cr,
          gboolean user_space)
{
  GString *s = self->content;
  cairo_matrix_t matrix;
  cairo_path_t *path;
  gboolean any = FALSE;

  if (!user_space)
    {
      cairo_get_matrix (cr, &matrix);
      cairo_identity_matrix (cr);
    }
  path = cairo_copy_path (cr);
  if (!user_space)
    cairo_set_matrix (cr, &matrix);

  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          if (is_axis_rectangle (path->data, i, path->num_data))
            {
              put_point (s, d[1].point.x, d[1].point.y);
              put_point (s, d[5].point.x - d[1].point.x, d[5].point.y - d[1].point.y);
              put_op (s, "re");
              i += 8;
              any = TRUE;
              break;
            }
          /* cairo ends closed paths with a move_to: nothing to draw. */
          if (i + d->header.length >= path->num_data
              || path->data[i + d->header.length].header.type == CAIRO_PATH_MOVE_TO)
            break;
          put_point (s, d[1].point.x, d[1].point.y);
          put_op (s, "m");
          break;
        case CAIRO_PATH_LINE_TO:
          put_point (s, d[1].point.x, d[1].point.y);
          put_op (s, "l");
          any = TRUE;
          break;
        case CAIRO_PATH_CURVE_TO:
          put_point (s, d[1].point.x, d[1].point.y);
          put_point (s, d[2].point.x, d[2].point.y);
          put_point (s, d[3].point.x, d[3].point.y);
          put_op (s, "c");
          any = TRUE;
          break;
        case CAIRO_PATH_CLOSE_PATH:
          put_op (s, "h");
          break;
        default:
          break;
        }
    }
  cairo_path_destroy (path);
  return any;
}

void
tp_pdf_fill (TpPdf   *self,
             cairo_t *cr)
{
  if (!use_fill_source (self, cr))
    return;
  /* Nothing to paint: no operator either (a lone "n" is not a path). */
  if (!put_path (self, cr, FALSE))
    return;
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    put_op (self->content, "f*");
  else
    put_op (self->content, "f");
  hand_off_content (self);
}

void
tp_pdf_push_state (TpPdf *self)
{
  g_array_append_val (self->state_stack, self->state);
  put_op (self->content, "q");
}

void
tp_pdf_pop_state (TpPdf *self)
{
  g_return_if_fail (self->state_stack->len > 0);

  self->state = g_array_index (self->state_stack, State, self->state_stack->len - 1);
  g_array_set_size (self->state_stack, self->state_stack->len - 1);
  put_op (self->content, "Q");
}

void
tp_pdf_stroke (TpPdf   *self,
               cairo_t *cr)
{
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m);
  if (!use_stroke_source (self, cr))
    return;

  /* A uniform scale (with or without a turn): the pen stays round, and
   * the path can be written in device space. */
  if (fabs (m.xx - m.yy) < 1e-9 && fabs (m.xy + m.yx) < 1e-9)
    {
      use_line_style (self, cr, hypot (m.xx, m.yx));
      if (put_path (self, cr, FALSE))
        put_op (self->content, "S");
      hand_off_content (self);
      return;
    }

  tp_pdf_push_state (self);
  put_coefficient (self->content, m.xx);
  put_coefficient (self->content, m.yx);
  put_coefficient (self->content, m.xy);
  put_coefficient (self->content, m.yy);
  put_number (self->content, m.x0);
  put_number (self->content, m.y0);
  put_op (self->content, "cm");
  use_line_style (self, cr, 1.0);
  if (put_path (self, cr, TRUE))
    put_op (self->content, "S");
  tp_pdf_pop_state (self);
}

void
tp_pdf_clip (TpPdf   *self,
             cairo_t *cr)
{
  /* An empty clip path clips everything away, as in cairo. */
  if (!put_path (self, cr, FALSE))
    g_string_append (self->content, "0 0 0 0 re ");
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    put_op (self->content, "W* n");
  else
    put_op (self->content, "W n");
}

void
tp_pdf_paint (TpPdf   *self,
              cairo_t *cr)
{
  cairo_matrix_t matrix;
  double x0, y0, x1, y1;

  if (!use_fill_source (self, cr))
    return;
  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_set_matrix (cr, &matrix);
  put_point (self->content, x0, y0);
  put_point (self->content, x1 - x0, y1 - y0);
  put_op (self->content, "re f");
}
