/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-render-backend.h"

/* SVG 1.1 as text, for editing in Inkscape or Illustrator: paths with
 * their colours and line styles, clips as <clipPath>, text as <text> with
 * the font named (not glyph outlines, as cairo's SVG surface writes), and
 * the renderer's groups as <g id> (lanes, stages, cards).
 *
 * Like the PDF backend, the cairo_t handed out draws on a recording
 * surface that is never painted: it keeps the path and the state, and any
 * ink on it was drawn past the backend (tp_render_backend_svg_finish()
 * then fails, and the caller uses cairo's SVG surface).
 *
 * Coordinates are the cairo_t's device space (the document's user units),
 * in hundredths. A stroke under a non-uniform scale keeps its path in user
 * space with a transform, so the pen is shaped as cairo's. What SVG cannot
 * say here (a gradient or image source) is drawn by cairo into an image,
 * embedded as a PNG at twice the document's resolution. The operator is
 * always taken as OVER. */

/* What an open <g> stands for: a group of the renderer's, or a clip, which
 * the restore of the save level it was made at closes. */
typedef struct {
  gboolean clip;
  int      depth;
} Open;

/* A font's attributes: ` font-family="…"` and ` font-weight="700"
 * font-style="italic"` (either may be empty). */
typedef struct {
  char *family;
  char *style;
} FontInfo;

static void
font_info_free (gpointer data)
{
  FontInfo *info = data;

  g_free (info->family);
  g_free (info->style);
  g_free (info);
}

typedef struct {
  TpRenderBackend  parent;
  GString         *out;
  cairo_surface_t *shadow;
  GArray          *open;      /* of Open */
  int              depth;     /* cairo_save() level */
  guint            n_clips;
  guint            n_images;
  GHashTable      *ids;       /* id → GUINT_TO_POINTER (times used) */
  /* PangoFont → FontInfo, and the last one looked up. */
  GHashTable      *fonts;
  PangoFont       *last_font;
  const FontInfo  *last_info;
  /* The family of the first text, which the root gives every text
   * (inserted at @root_mark when finishing); texts in others name theirs. */
  char            *root_family;
  gsize            root_mark;
} SvgBackend;

#define SVG_OF(self) ((SvgBackend *) (self))

/* Numbers */

/* @v in hundredths, shortest: "12", "-3.5", ".25". */
static void
put_hundredths (GString *s,
                gint64   v)
{
  char buffer[32];
  char *end = buffer + sizeof buffer;
  char *p = end;
  guint64 u = (guint64) (v < 0 ? -v : v);
  guint frac = (guint) (u % 100);
  guint64 whole = u / 100;

  if (frac != 0)
    {
      if (frac % 10 == 0)
        *--p = (char) ('0' + frac / 10);
      else
        {
          *--p = (char) ('0' + frac % 10);
          *--p = (char) ('0' + frac / 10);
        }
      *--p = '.';
    }
  if (whole != 0 || frac == 0)
    do
      {
        *--p = (char) ('0' + whole % 10);
        whole /= 10;
      }
    while (whole > 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (s, p, end - p);
}

static inline gint64
to_hundredths (double v)
{
  /* Beyond any page: clamped, so the integer cannot overflow. */
  return (gint64) llround (CLAMP (v, -1e12, 1e12) * 100);
}

static void
put_number (GString *s,
            double   v)
{
  put_hundredths (s, to_hundredths (v));
}

/* A matrix coefficient, to six decimals: a small scale multiplies every
 * position it applies to. */
static void
put_coefficient (GString *s,
                 double   v)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.6g", v));
}

static void
put_matrix (GString              *s,
            const cairo_matrix_t *m)
{
  g_string_append (s, " transform=\"matrix(");
  put_coefficient (s, m->xx);
  g_string_append_c (s, ' ');
  put_coefficient (s, m->yx);
  g_string_append_c (s, ' ');
  put_coefficient (s, m->xy);
  g_string_append_c (s, ' ');
  put_coefficient (s, m->yy);
  g_string_append_c (s, ' ');
  put_number (s, m->x0);
  g_string_append_c (s, ' ');
  put_number (s, m->y0);
  g_string_append (s, ")\"");
}

/* Text */

/* @text as XML character data or attribute value. Characters XML 1.0
 * forbids are left out; a tab becomes a space. */
static void
put_escaped (GString    *s,
             const char *text,
             gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  const char *run = text;

  for (const char *p = text; p < end; p++)
    {
      const char *with = NULL;
      guchar c = (guchar) *p;

      switch (c)
        {
        case '&': with = "&amp;"; break;
        case '<': with = "&lt;"; break;
        case '>': with = "&gt;"; break;
        case '"': with = "&quot;"; break;
        case '\t': with = " "; break;
        default:
          if (c >= 0x20)
            continue;
          with = "";
          break;
        }
      g_string_append_len (s, run, p - run);
      g_string_append (s, with);
      run = p + 1;
    }
  g_string_append_len (s, run, end - run);
}

/* Colours */

/* The source's colour; FALSE when it is not one. */
static gboolean
source_rgba (cairo_t *cr,
             double   rgba[4])
{
  return cairo_pattern_get_rgba (cairo_get_source (cr), &rgba[0], &rgba[1], &rgba[2], &rgba[3])
         == CAIRO_STATUS_SUCCESS;
}

/* ` fill="#rrggbb"` (or "#rgb") and its opacity when not opaque; @what
 * is "fill" or "stroke". */
static void
put_paint (GString      *s,
           const char   *what,
           const double  rgba[4])
{
  static const char hex[] = "0123456789abcdef";
  guint v[3];
  gboolean shorter = TRUE;

  for (int i = 0; i < 3; i++)
    {
      v[i] = (guint) lround (CLAMP (rgba[i], 0, 1) * 255);
      shorter &= (v[i] >> 4) == (v[i] & 15);
    }
  g_string_append_c (s, ' ');
  g_string_append (s, what);
  g_string_append (s, "=\"#");
  for (int i = 0; i < 3; i++)
    {
      if (!shorter)
        g_string_append_c (s, hex[v[i] >> 4]);
      g_string_append_c (s, hex[v[i] & 15]);
    }
  g_string_append_c (s, '"');
  if (rgba[3] < 0.9995)
    {
      g_string_append_c (s, ' ');
      g_string_append (s, what);
      g_string_append (s, "-opacity=\"");
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      const char *text = g_ascii_formatd (buffer, sizeof buffer, "%.3f", CLAMP (rgba[3], 0, 1));
      const char *end = text + strlen (text);

      /* "0.060" as ".06" */
      while (end > text && end[-1] == '0')
        end--;
      if (*text == '0')
        text++;
      g_string_append_len (s, text, end - text);
      g_string_append_c (s, '"');
    }
}

/* Paths */

static gboolean
is_axis_rectangle (const cairo_path_t *path)
{
  const cairo_path_data_t *d = path->data;
  int n = path->num_data;

  /* move, 3 lines, close, and cairo's move after a close. */
  if (n < 9 || n > 11
      || d[0].header.type != CAIRO_PATH_MOVE_TO || d[2].header.type != CAIRO_PATH_LINE_TO
      || d[4].header.type != CAIRO_PATH_LINE_TO || d[6].header.type != CAIRO_PATH_LINE_TO
      || d[8].header.type != CAIRO_PATH_CLOSE_PATH
      || (n == 11 && d[9].header.type != CAIRO_PATH_MOVE_TO))
    return FALSE;
  return (d[1].point.y == d[3].point.y && d[3].point.x == d[5].point.x
          && d[5].point.y == d[7].point.y && d[7].point.x == d[1].point.x)
         || (d[1].point.x == d[3].point.x && d[3].point.y == d[5].point.y
             && d[5].point.x == d[7].point.x && d[7].point.y == d[1].point.y);
}

static gboolean
near (double a,
      double b)
{
  return fabs (a - b) < 0.005;
}

/* A rectangle with quarter circles for corners, as tp_path_rounded_rect()
 * draws it (from the top edge's right end, clockwise): a <rect rx> is a
 * fifth of its path. */
static gboolean
is_rounded_rectangle (const cairo_path_t *path,
                      double              rect[5])
{
  static const cairo_path_data_type_t types[] = {
    CAIRO_PATH_MOVE_TO, CAIRO_PATH_CURVE_TO, CAIRO_PATH_LINE_TO, CAIRO_PATH_CURVE_TO,
    CAIRO_PATH_LINE_TO, CAIRO_PATH_CURVE_TO, CAIRO_PATH_LINE_TO, CAIRO_PATH_CURVE_TO,
    CAIRO_PATH_CLOSE_PATH,
  };
  /* Each corner's start, control points and end, as multiples of the
   * radius from the rectangle's corner it rounds (x0 or x1, y0 or y1). */
  const double k = 0.55228474983079340;
  const cairo_path_data_t *d = path->data;
  double x0, y0, x1, y1, r;
  int i = 0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      if (i >= path->num_data || d[i].header.type != types[t])
        return FALSE;
      i += d[i].header.length;
    }
  if (i < path->num_data && (d[i].header.type != CAIRO_PATH_MOVE_TO || i + d[i].header.length != path->num_data))
    return FALSE;


  x1 = d[5].point.x;
  y0 = d[1].point.y;
  r = x1 - d[1].point.x;
  y1 = d[11].point.y;
  x0 = d[17].point.x;
  if (r < 0 || !near (d[5].point.y, y0 + r))
    return FALSE;
  {
    /* Every point of the path, computed back from the rectangle. */
    const double expect[][2] = {
      { x1 - r, y0 },
      { x1 - r + k * r, y0 }, { x1, y0 + r - k * r }, { x1, y0 + r },
      { x1, y1 - r },
      { x1, y1 - r + k * r }, { x1 - r + k * r, y1 }, { x1 - r, y1 },
      { x0 + r, y1 },
      { x0 + r - k * r, y1 }, { x0, y1 - r + k * r }, { x0, y1 - r },
      { x0, y0 + r },
      { x0, y0 + r - k * r }, { x0 + r - k * r, y0 }, { x0 + r, y0 },
    };
    guint e = 0;

    for (i = 0; i < path->num_data && e < G_N_ELEMENTS (expect); i += d[i].header.length)
      for (int p = 1; p < d[i].header.length && d[i].header.type != CAIRO_PATH_CLOSE_PATH; p++, e++)
        if (!near (d[i + p].point.x, expect[e][0]) || !near (d[i + p].point.y, expect[e][1]))
          return FALSE;
    if (e != G_N_ELEMENTS (expect))
      return FALSE;
  }
  rect[0] = x0;
  rect[1] = y0;
  rect[2] = x1 - x0;
  rect[3] = y1 - y0;
  rect[4] = r;
  return rect[2] >= 0 && rect[3] >= 0;
}

/* A point as a move from @cur (both in hundredths), which it becomes:
 * relative numbers are short, and rounding the absolute points first
 * keeps them from drifting. */
static void
put_delta (GString *s,
           gint64   cur[2],
           double   x,
           double   y,
           gboolean first)
{
  gint64 ax = to_hundredths (x), ay = to_hundredths (y);
  gint64 dx = ax - cur[0], dy = ay - cur[1];

  if (!first && dx >= 0)
    g_string_append_c (s, ' ');
  put_hundredths (s, dx);
  if (dy >= 0)
    g_string_append_c (s, ' ');
  put_hundredths (s, dy);
  cur[0] = ax;
  cur[1] = ay;
}

/* The path of @cr, in device space unless @user_space, as ` d="…"` (or,
 * for a lone rectangle in @rect_ok cases, as a <rect>'s attributes).
 * Returns the element's name, or NULL when the path is empty. */
static const char *
put_path (GString  *s,
          cairo_t  *cr,
          gboolean  user_space,
          gboolean  rect_ok)
{
  cairo_matrix_t matrix;
  cairo_path_t *path;
  gint64 cur[2] = { 0, 0 }, start[2] = { 0, 0 };
  gboolean any = FALSE;
  char last = 0;
  gsize mark = s->len;

  if (!user_space)
    {
      cairo_get_matrix (cr, &matrix);
      cairo_identity_matrix (cr);
    }
  path = cairo_copy_path (cr);
  if (!user_space)
    cairo_set_matrix (cr, &matrix);

  if (rect_ok && path->status == CAIRO_STATUS_SUCCESS)
    {
      const cairo_path_data_t *d = path->data;
      double rect[5] = { 0 };
      gboolean is_rect = is_axis_rectangle (path);

      if (is_rect)
        {
          rect[0] = MIN (d[1].point.x, d[5].point.x);
          rect[1] = MIN (d[1].point.y, d[5].point.y);
          rect[2] = MAX (d[1].point.x, d[5].point.x) - rect[0];
          rect[3] = MAX (d[1].point.y, d[5].point.y) - rect[1];
        }
      if (is_rect || is_rounded_rectangle (path, rect))
        {
          /* The size from the rounded corners, so edges meet where the
           * path's would. */
          g_string_append (s, " x=\"");
          put_number (s, rect[0]);
          g_string_append (s, "\" y=\"");
          put_number (s, rect[1]);
          g_string_append (s, "\" width=\"");
          put_hundredths (s, to_hundredths (rect[0] + rect[2]) - to_hundredths (rect[0]));
          g_string_append (s, "\" height=\"");
          put_hundredths (s, to_hundredths (rect[1] + rect[3]) - to_hundredths (rect[1]));
          g_string_append_c (s, '"');
          if (to_hundredths (rect[4]) > 0)
            {
              g_string_append (s, " rx=\"");
              put_number (s, rect[4]);
              g_string_append_c (s, '"');
            }
          cairo_path_destroy (path);
          return "rect";
        }
    }

  g_string_append (s, " d=\"");
  for (int i = 0; path->status == CAIRO_STATUS_SUCCESS && i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          /* cairo ends closed paths with a move_to: nothing to draw. */
          if (i + d->header.length >= path->num_data
              || path->data[i + d->header.length].header.type == CAIRO_PATH_MOVE_TO)
            break;
          g_string_append_c (s, 'm');
          put_delta (s, cur, d[1].point.x, d[1].point.y, TRUE);
          start[0] = cur[0];
          start[1] = cur[1];
          last = 'm';
          break;
        case CAIRO_PATH_LINE_TO:
          {
            gint64 x = to_hundredths (d[1].point.x), y = to_hundredths (d[1].point.y);
            char command = y == cur[1] ? 'h' : x == cur[0] ? 'v' : 'l';

            /* Across or down alone: one number. After m, further pairs
             * are lines already. */
            if (command != last && !(command == 'l' && last == 'm'))
              g_string_append_c (s, command);
            if (command == 'l')
              put_delta (s, cur, d[1].point.x, d[1].point.y, last != 'm' && last != 'l');
            else
              {
                gint64 delta = command == 'h' ? x - cur[0] : y - cur[1];

                if (command == last && delta >= 0)
                  g_string_append_c (s, ' ');
                put_hundredths (s, delta);
                cur[0] = x;
                cur[1] = y;
              }
            last = command == 'l' ? 'l' : command;
            any = TRUE;
          }
          break;
        case CAIRO_PATH_CURVE_TO:
          {
            gint64 from[2] = { cur[0], cur[1] }, tmp[2];

            if (last != 'c')
              g_string_append_c (s, 'c');
            /* A curve's three points are all relative to its start. */
            tmp[0] = from[0], tmp[1] = from[1];
            put_delta (s, tmp, d[1].point.x, d[1].point.y, last != 'c');
            tmp[0] = from[0], tmp[1] = from[1];
            put_delta (s, tmp, d[2].point.x, d[2].point.y, FALSE);
            put_delta (s, cur, d[3].point.x, d[3].point.y, FALSE);
            last = 'c';
            any = TRUE;
          }
          break;
        case CAIRO_PATH_CLOSE_PATH:
          g_string_append_c (s, 'z');
          cur[0] = start[0];
          cur[1] = start[1];
          last = 'z';
          break;
        default:
          break;
        }
    }
  cairo_path_destroy (path);
  if (!any)
    {
      g_string_truncate (s, mark);
      return NULL;
    }
  g_string_append_c (s, '"');
  return "path";
}

/* Cairo for what SVG cannot say: the operation drawn into an image of
 * the device rectangle it covers, then embedded. */

typedef enum {
  RASTER_FILL,
  RASTER_STROKE,
  RASTER_PAINT,
  RASTER_LAYOUT,
  RASTER_LINE,
} RasterOp;

#define RASTER_SCALE 2.0

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
raster_fallback (SvgBackend *self,
                 cairo_t    *cr,
                 RasterOp    op,
                 gpointer    text)
{
  cairo_matrix_t ctm;
  double x0, y0, x1, y1, cx0, cy0, cx1, cy1, px = 0, py = 0;
  cairo_surface_t *image;
  cairo_t *ic;
  cairo_path_t *path;
  GByteArray *png;
  g_autofree char *base64 = NULL;
  int w, h;

  cairo_get_matrix (cr, &ctm);
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &px, &py);
  path = cairo_copy_path (cr);

  /* What it covers, in device space, within the clip. */
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &cx0, &cy0, &cx1, &cy1);
  if (op == RASTER_FILL)
    cairo_fill_extents (cr, &x0, &y0, &x1, &y1);
  else if (op == RASTER_STROKE)
    {
      /* The pen's shape needs the user space: extents there, then the
       * device box around their corners. */
      double ux0, uy0, ux1, uy1;

      cairo_set_matrix (cr, &ctm);
      cairo_stroke_extents (cr, &ux0, &uy0, &ux1, &uy1);
      x0 = y0 = G_MAXDOUBLE;
      x1 = y1 = -G_MAXDOUBLE;
      for (int corner = 0; corner < 4; corner++)
        {
          double x = corner & 1 ? ux1 : ux0, y = corner & 2 ? uy1 : uy0;

          cairo_user_to_device (cr, &x, &y);
          x0 = MIN (x0, x);
          y0 = MIN (y0, y);
          x1 = MAX (x1, x);
          y1 = MAX (y1, y);
        }
      cairo_identity_matrix (cr);
    }
  else
    x0 = cx0, y0 = cy0, x1 = cx1, y1 = cy1;
  cairo_set_matrix (cr, &ctm);
  {
    double bx0 = floor (MAX (MIN (x0, x1), cx0)), by0 = floor (MAX (MIN (y0, y1), cy0));
    double bx1 = ceil (MIN (MAX (x0, x1), cx1)), by1 = ceil (MIN (MAX (y0, y1), cy1));

    x0 = bx0, y0 = by0, x1 = bx1, y1 = by1;
  }
  w = (int) ((x1 - x0) * RASTER_SCALE);
  h = (int) ((y1 - y0) * RASTER_SCALE);
  if (w <= 0 || h <= 0 || w > 8192 || h > 8192)
    {
      cairo_path_destroy (path);
      return;
    }

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  ic = cairo_create (image);
  cairo_scale (ic, RASTER_SCALE, RASTER_SCALE);
  cairo_translate (ic, -x0, -y0);
  cairo_transform (ic, &ctm);
  cairo_append_path (ic, path);
  cairo_path_destroy (path);
  cairo_set_source (ic, cairo_get_source (cr));
  cairo_set_fill_rule (ic, cairo_get_fill_rule (cr));
  cairo_set_line_width (ic, cairo_get_line_width (cr));
  cairo_set_line_cap (ic, cairo_get_line_cap (cr));
  cairo_set_line_join (ic, cairo_get_line_join (cr));
  cairo_set_miter_limit (ic, cairo_get_miter_limit (cr));
  if (cairo_get_dash_count (cr) > 0)
    {
      int n = cairo_get_dash_count (cr);
      g_autofree double *dash = g_new (double, n);
      double offset;

      cairo_get_dash (cr, dash, &offset);
      cairo_set_dash (ic, dash, n, offset);
    }
  switch (op)
    {
    case RASTER_FILL:
      cairo_fill (ic);
      break;
    case RASTER_STROKE:
      cairo_stroke (ic);
      break;
    case RASTER_PAINT:
      cairo_paint (ic);
      break;
    case RASTER_LAYOUT:
      cairo_new_path (ic);
      cairo_move_to (ic, px, py);
      pango_cairo_show_layout (ic, text);
      break;
    case RASTER_LINE:
      cairo_new_path (ic);
      cairo_move_to (ic, px, py);
      pango_cairo_show_layout_line (ic, text);
      break;
    default:
      break;
    }
  cairo_destroy (ic);

  png = g_byte_array_new ();
  cairo_surface_write_to_png_stream (image, append_bytes, png);
  cairo_surface_destroy (image);
  base64 = g_base64_encode (png->data, png->len);
  g_byte_array_unref (png);

  g_string_append (self->out, "<image x=\"");
  put_number (self->out, x0);
  g_string_append (self->out, "\" y=\"");
  put_number (self->out, y0);
  g_string_append (self->out, "\" width=\"");
  put_number (self->out, x1 - x0);
  g_string_append (self->out, "\" height=\"");
  put_number (self->out, y1 - y0);
  g_string_append (self->out, "\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,");
  g_string_append (self->out, base64);
  g_string_append (self->out, "\"/>\n");
  self->n_images++;
}

/* The vtable */

static gboolean
svg_is_raster (TpRenderBackend *self,
               cairo_t         *cr)
{
  return FALSE;
}

static void
svg_save (TpRenderBackend *self,
          cairo_t         *cr)
{
  cairo_save (cr);
  SVG_OF (self)->depth++;
}

static void
close_open (SvgBackend *self)
{
  g_array_set_size (self->open, self->open->len - 1);
  g_string_append (self->out, "</g>\n");
}

static void
svg_restore (TpRenderBackend *self,
             cairo_t         *cr)
{
  SvgBackend *svg = SVG_OF (self);

  /* The clips made since the save end with it (and groups, were one left
   * open inside a save). */
  while (svg->open->len > 0
         && g_array_index (svg->open, Open, svg->open->len - 1).depth >= svg->depth)
    close_open (svg);
  svg->depth = MAX (svg->depth - 1, 0);
  cairo_restore (cr);
}

static void
put_fill (SvgBackend *self,
          cairo_t    *cr)
{
  GString *s = self->out;
  gsize mark = s->len;
  double rgba[4];
  const char *element;

  if (!source_rgba (cr, rgba))
    {
      raster_fallback (self, cr, RASTER_FILL, NULL);
      return;
    }
  if (rgba[3] <= 0)
    return;
  g_string_append (s, "<path");
  element = put_path (s, cr, FALSE, TRUE);
  if (element == NULL)
    {
      g_string_truncate (s, mark);
      return;
    }
  if (element[0] == 'r')
    g_string_overwrite (s, mark, "<rect");
  put_paint (s, "fill", rgba);
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD && element[0] == 'p')
    g_string_append (s, " fill-rule=\"evenodd\"");
  g_string_append (s, "/>\n");
}

static void
svg_fill (TpRenderBackend *self,
          cairo_t         *cr)
{
  put_fill (SVG_OF (self), cr);
  cairo_new_path (cr);
}

static void
svg_fill_preserve (TpRenderBackend *self,
                   cairo_t         *cr)
{
  put_fill (SVG_OF (self), cr);
}

static void
svg_stroke (TpRenderBackend *self,
            cairo_t         *cr)
{
  SvgBackend *svg = SVG_OF (self);
  GString *s = svg->out;
  gsize mark = s->len;
  cairo_matrix_t m;
  double rgba[4], scale = 1;
  gboolean uniform;
  int cap, join, n_dash;

  if (!source_rgba (cr, rgba))
    {
      raster_fallback (svg, cr, RASTER_STROKE, NULL);
      cairo_new_path (cr);
      return;
    }
  if (rgba[3] <= 0)
    {
      cairo_new_path (cr);
      return;
    }

  /* A uniform scale (with or without a turn) keeps the pen round: the
   * path goes in device space. Else in user space, transformed. */
  cairo_get_matrix (cr, &m);
  uniform = fabs (m.xx - m.yy) < 1e-9 && fabs (m.xy + m.yx) < 1e-9;
  if (uniform)
    scale = hypot (m.xx, m.yx);

  g_string_append (s, "<path");
  if (put_path (s, cr, !uniform, FALSE) == NULL)
    {
      g_string_truncate (s, mark);
      cairo_new_path (cr);
      return;
    }
  if (!uniform)
    put_matrix (s, &m);
  g_string_append (s, " fill=\"none\"");
  put_paint (s, "stroke", rgba);
  /* SVG's default width is 1. */
  if (to_hundredths (cairo_get_line_width (cr) * scale) != 100)
    {
      g_string_append (s, " stroke-width=\"");
      put_number (s, cairo_get_line_width (cr) * scale);
      g_string_append_c (s, '"');
    }
  cap = cairo_get_line_cap (cr);
  if (cap != CAIRO_LINE_CAP_BUTT)
    g_string_append (s, cap == CAIRO_LINE_CAP_ROUND ? " stroke-linecap=\"round\"" : " stroke-linecap=\"square\"");
  join = cairo_get_line_join (cr);
  if (join != CAIRO_LINE_JOIN_MITER)
    g_string_append (s, join == CAIRO_LINE_JOIN_ROUND ? " stroke-linejoin=\"round\"" : " stroke-linejoin=\"bevel\"");
  else if (cairo_get_miter_limit (cr) != 10)
    {
      /* The document's root says 10, cairo's default (SVG's is 4). */
      g_string_append (s, " stroke-miterlimit=\"");
      put_number (s, MAX (cairo_get_miter_limit (cr), 1));
      g_string_append_c (s, '"');
    }
  n_dash = cairo_get_dash_count (cr);
  if (n_dash > 0)
    {
      g_autofree double *dash = g_new (double, n_dash);
      double offset;

      cairo_get_dash (cr, dash, &offset);
      g_string_append (s, " stroke-dasharray=\"");
      for (int i = 0; i < n_dash; i++)
        {
          if (i > 0)
            g_string_append_c (s, ',');
          put_number (s, dash[i] * scale);
        }
      g_string_append (s, "\" stroke-dashoffset=\"");
      put_number (s, offset * scale);
      g_string_append_c (s, '"');
    }
  g_string_append (s, "/>\n");
  cairo_new_path (cr);
}

static void
svg_clip (TpRenderBackend *self,
          cairo_t         *cr)
{
  SvgBackend *svg = SVG_OF (self);
  GString *s = svg->out;
  Open open = { TRUE, svg->depth };
  guint id = ++svg->n_clips;
  gsize mark;

  g_string_append_printf (s, "<clipPath id=\"clip%u\"><path", id);
  mark = s->len;
  /* An empty clip path clips everything away, as in cairo. */
  if (put_path (s, cr, FALSE, FALSE) == NULL)
    {
      g_string_truncate (s, mark);
      g_string_append (s, " d=\"M0 0h0v0z\"");
    }
  if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
    g_string_append (s, " clip-rule=\"evenodd\"");
  g_string_append_printf (s, "/></clipPath>\n<g clip-path=\"url(#clip%u)\">\n", id);
  g_array_append_val (svg->open, open);
  /* The cairo_t clips too: the drawing code asks for the extents. */
  cairo_clip (cr);
}

static void
svg_paint (TpRenderBackend *self,
           cairo_t         *cr)
{
  SvgBackend *svg = SVG_OF (self);
  cairo_matrix_t matrix;
  double x0, y0, x1, y1, rgba[4];

  if (!source_rgba (cr, rgba))
    {
      raster_fallback (svg, cr, RASTER_PAINT, NULL);
      return;
    }
  if (rgba[3] <= 0)
    return;
  /* The clip's extents, filled: the page, or the clip's box inside a
   * clip group. */
  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_set_matrix (cr, &matrix);
  g_string_append (svg->out, "<rect x=\"");
  put_number (svg->out, x0);
  g_string_append (svg->out, "\" y=\"");
  put_number (svg->out, y0);
  g_string_append (svg->out, "\" width=\"");
  put_number (svg->out, x1 - x0);
  g_string_append (svg->out, "\" height=\"");
  put_number (svg->out, y1 - y0);
  g_string_append_c (svg->out, '"');
  put_paint (svg->out, "fill", rgba);
  g_string_append (svg->out, "/>\n");
}

/* Text: one <text> per layout (or line), a <tspan> per run placed at its
 * baseline, with the font pango chose named. */

/* The attributes of @font, and its size in user units (from cairo's font
 * matrix, as drawn). */
static const FontInfo *
font_info (SvgBackend *self,
           PangoFont  *font,
           double     *em)
{
  PangoFontDescription *desc;
  cairo_scaled_font_t *scaled;
  cairo_matrix_t fm;
  FontInfo *info;
  const char *family;
  GString *s;

  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  *em = 0;
  if (scaled != NULL)
    {
      cairo_scaled_font_get_font_matrix (scaled, &fm);
      *em = hypot (fm.xx, fm.yx);
    }
  if (font == self->last_font)
    return self->last_info;
  info = g_hash_table_lookup (self->fonts, font);
  if (info != NULL)
    goto done;

  info = g_new0 (FontInfo, 1);
  desc = pango_font_describe (font);
  family = pango_font_description_get_family (desc);
  s = g_string_new (" font-family=\"");
  /* Quoted, for names with spaces; then a generic family for viewers
   * without the font. */
  if (family != NULL && *family != '\0')
    {
      g_string_append_c (s, '\'');
      put_escaped (s, family, -1);
      g_string_append (s, "', ");
    }
  g_string_append (s, "sans-serif\"");
  info->family = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  if (pango_font_description_get_weight (desc) != PANGO_WEIGHT_NORMAL)
    g_string_append_printf (s, " font-weight=\"%d\"", (int) pango_font_description_get_weight (desc));
  if (pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    g_string_append (s, pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC
                        ? " font-style=\"italic\"" : " font-style=\"oblique\"");
  info->style = g_string_free (s, FALSE);
  pango_font_description_free (desc);
  g_hash_table_insert (self->fonts, g_object_ref (font), info);

  if (self->root_family == NULL)
    self->root_family = g_strdup (info->family);

done:
  self->last_font = font;
  self->last_info = info;
  return info;
}

typedef struct {
  SvgBackend     *svg;
  gboolean        device;     /* positions in device space; else user */
  cairo_matrix_t  ctm;
  double          scale;      /* of font sizes, with @device */
  double          rgba[4];
  const FontInfo *font;       /* of the <text>: NULL until the first run */
  double          text_size;
} TextWriter;

/* FALSE when the source is no colour: cairo draws the text then. */
static gboolean
text_begin (TextWriter *w,
            SvgBackend *svg,
            cairo_t    *cr)
{
  w->svg = svg;
  if (!source_rgba (cr, w->rgba))
    return FALSE;
  cairo_get_matrix (cr, &w->ctm);
  /* Translation and uniform scale: device coordinates; else the
   * transform on the element. */
  w->device = w->ctm.xy == 0 && w->ctm.yx == 0 && w->ctm.xx == w->ctm.yy && w->ctm.xx > 0;
  w->scale = w->device ? w->ctm.xx : 1;
  w->font = NULL;
  return TRUE;
}

static void
text_end (TextWriter *w)
{
  if (w->font != NULL)
    g_string_append (w->svg->out, "</text>\n");
}

static void
put_font_size (GString *s,
               double   size)
{
  g_string_append (s, " font-size=\"");
  put_number (s, size);
  g_string_append_c (s, '"');
}

/* One run with its baseline's start at (@x, @y) in user space; @hyphen:
 * pango added a hyphen where it broke the line after it. */
static void
text_run (TextWriter     *w,
          const char     *text,
          PangoGlyphItem *run,
          gboolean        hyphen,
          double          x,
          double          y)
{
  GString *s = w->svg->out;
  PangoItem *item = run->item;
  gboolean ellipsis = (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;
  const FontInfo *font;
  double em;

  if ((item->length <= 0 && !ellipsis) || w->rgba[3] <= 0)
    return;
  font = font_info (w->svg, item->analysis.font, &em);
  if (w->device)
    {
      x = w->ctm.xx * x + w->ctm.x0;
      y = w->ctm.yy * y + w->ctm.y0;
    }
  if (w->font == NULL)
    {
      /* The element, with the first run's font; its family only when it
       * is not the document's. */
      g_string_append (s, "<text");
      if (!w->device)
        put_matrix (s, &w->ctm);
      put_paint (s, "fill", w->rgba);
      if (strcmp (font->family, w->svg->root_family) != 0)
        g_string_append (s, font->family);
      g_string_append (s, font->style);
      put_font_size (s, em * w->scale);
      g_string_append_c (s, '>');
      w->font = font;
      w->text_size = em;
    }

  g_string_append (s, "<tspan x=\"");
  put_number (s, x);
  g_string_append (s, "\" y=\"");
  put_number (s, y);
  g_string_append_c (s, '"');
  /* Another font than the text's: what differs, and weight and style as
   * they must override. */
  if (font != w->font || em != w->text_size)
    {
      if (strcmp (font->family, w->font->family) != 0)
        g_string_append (s, font->family);
      if (strcmp (font->style, w->font->style) != 0)
        {
          if (strstr (font->style, "font-weight") == NULL)
            g_string_append (s, " font-weight=\"400\"");
          if (strstr (font->style, "font-style") == NULL)
            g_string_append (s, " font-style=\"normal\"");
          g_string_append (s, font->style);
        }
      if (em != w->text_size)
        put_font_size (s, em * w->scale);
    }
  g_string_append_c (s, '>');
  /* The ellipsis glyph stands for the text it hides. */
  if (ellipsis)
    g_string_append (s, "\xe2\x80\xa6");
  else
    put_escaped (s, text + item->offset, item->length);
  if (hyphen)
    g_string_append_c (s, '-');
  g_string_append (s, "</tspan>");
}

/* Whether pango drew a hyphen after @run, the last of @line: it breaks
 * long words (Dutch compounds) with one. */
static gboolean
run_ends_hyphenated (PangoLayoutLine *line,
                     PangoGlyphItem  *run)
{
  PangoLayout *layout = line->layout;
  const char *text = pango_layout_get_text (layout);
  int end = run->item->offset + run->item->length;
  const PangoLogAttr *attrs;
  int n_attrs;
  glong index;

  if (end != line->start_index + line->length || text[end] == '\0')
    return FALSE;
  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  index = g_utf8_pointer_to_offset (text, text + end);
  return index < n_attrs && attrs[index].break_inserts_hyphen;
}

static void
svg_show_layout (TpRenderBackend *self,
                 cairo_t         *cr,
                 PangoLayout     *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  TextWriter w;
  double x0 = 0, y0 = 0;

  if (!text_begin (&w, SVG_OF (self), cr))
    {
      raster_fallback (SVG_OF (self), cr, RASTER_LAYOUT, layout);
      return;
    }
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      int baseline;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      text_run (&w, text, run, run_ends_hyphenated (pango_layout_iter_get_line_readonly (iter), run),
                x0 + (double) (logical.x + run->start_x_offset) / PANGO_SCALE,
                y0 + (double) (baseline - run->y_offset) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  text_end (&w);
}

static void
svg_show_layout_line (TpRenderBackend *self,
                      cairo_t         *cr,
                      PangoLayoutLine *line)
{
  const char *text = pango_layout_get_text (line->layout);
  TextWriter w;
  double x0 = 0, y0 = 0;
  int x = 0;

  if (!text_begin (&w, SVG_OF (self), cr))
    {
      raster_fallback (SVG_OF (self), cr, RASTER_LINE, line);
      return;
    }
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);

  /* Runs side by side from the baseline's start, as pango's renderer
   * places them. */
  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;

      x += run->start_x_offset;
      text_run (&w, text, run, l->next == NULL && run_ends_hyphenated (line, run),
                x0 + (double) x / PANGO_SCALE, y0 - (double) run->y_offset / PANGO_SCALE);
      x += pango_glyph_string_get_width (run->glyphs) + run->end_x_offset;
    }
  text_end (&w);
}

/* Groups */

/* @id as an XML name: letters, digits, '-', '_' and '.', not starting
 * with a digit; and unique in the document, a suffix making it so. */
static void
put_id (SvgBackend *self,
        const char *id)
{
  GString *s = self->out;
  gsize start = s->len;
  guint used;

  if (!g_ascii_isalpha (*id) && *id != '_')
    g_string_append_c (s, '_');
  for (const char *p = id; *p != '\0'; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.' ? *p : '_');

  used = GPOINTER_TO_UINT (g_hash_table_lookup (self->ids, s->str + start));
  if (used > 0)
    {
      /* "card-t19-2": the first keeps the journey's id. */
      g_hash_table_insert (self->ids, g_strdup (s->str + start), GUINT_TO_POINTER (used + 1));
      g_string_append_printf (s, "-%u", used + 1);
    }
  g_hash_table_insert (self->ids, g_strdup (s->str + start), GUINT_TO_POINTER (1));
}

static void
svg_begin_group (TpRenderBackend *self,
                 cairo_t         *cr,
                 const char      *id,
                 const char      *class_name)
{
  SvgBackend *svg = SVG_OF (self);
  Open open = { FALSE, svg->depth };

  g_string_append (svg->out, "<g");
  if (id != NULL && *id != '\0')
    {
      g_string_append (svg->out, " id=\"");
      put_id (svg, id);
      g_string_append_c (svg->out, '"');
    }
  if (class_name != NULL && *class_name != '\0')
    {
      g_string_append (svg->out, " class=\"");
      put_escaped (svg->out, class_name, -1);
      g_string_append_c (svg->out, '"');
    }
  g_string_append (svg->out, ">\n");
  g_array_append_val (svg->open, open);
}

static void
svg_end_group (TpRenderBackend *self,
               cairo_t         *cr)
{
  SvgBackend *svg = SVG_OF (self);

  /* Down to the innermost group. A clip made inside it without a save
   * ends here too: groups are meant to enclose their save/restore. */
  while (svg->open->len > 0)
    {
      gboolean clip = g_array_index (svg->open, Open, svg->open->len - 1).clip;

      close_open (svg);
      if (!clip)
        break;
    }
}

static void
svg_free (TpRenderBackend *self)
{
  SvgBackend *svg = SVG_OF (self);

  if (svg->out != NULL)
    g_string_free (svg->out, TRUE);
  g_array_unref (svg->open);
  g_hash_table_unref (svg->ids);
  g_hash_table_unref (svg->fonts);
  g_free (svg->root_family);
  cairo_surface_destroy (svg->shadow);
  g_free (svg);
}

static const TpRenderBackendVTable svg_vtable = {
  .name = "svg",
  .is_raster = svg_is_raster,
  .save = svg_save,
  .restore = svg_restore,
  .fill = svg_fill,
  .fill_preserve = svg_fill_preserve,
  .stroke = svg_stroke,
  .clip = svg_clip,
  .paint = svg_paint,
  .show_layout = svg_show_layout,
  .show_layout_line = svg_show_layout_line,
  .begin_group = svg_begin_group,
  .end_group = svg_end_group,
  .free = svg_free,
};

cairo_t *
tp_render_backend_svg_begin (double      width,
                             double      height,
                             const char *title)
{
  SvgBackend *self;
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_t *cr;

  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_new0 (SvgBackend, 1);
  self->parent.vtable = &svg_vtable;
  self->shadow = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  self->open = g_array_new (FALSE, FALSE, sizeof (Open));
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->fonts = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, font_info_free);
  self->out = g_string_sized_new (256 * 1024);

  g_string_append (self->out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                   "version=\"1.1\" width=\"");
  /* A unit is a CSS pixel, as cairo's SVG surface writes it. */
  put_number (self->out, width);
  g_string_append (self->out, "px\" height=\"");
  put_number (self->out, height);
  g_string_append (self->out, "px\" viewBox=\"0 0 ");
  put_number (self->out, width);
  g_string_append_c (self->out, ' ');
  put_number (self->out, height);
  g_string_append (self->out, "\">\n");
  if (title != NULL && *title != '\0')
    {
      g_string_append (self->out, "<title>");
      put_escaped (self->out, title, -1);
      g_string_append (self->out, "</title>\n");
    }
  /* cairo's miter limit, not SVG's 4, for every stroke; spaces kept as
   * pango laid them out in every text; the texts' family goes here too
   * when finishing. */
  g_string_append (self->out, "<g xml:space=\"preserve\" stroke-miterlimit=\"10\"");
  self->root_mark = self->out->len;
  g_string_append (self->out, ">\n");

  cr = cairo_create (self->shadow);
  /* Layouts made from this cairo_t measure unhinted, as on paper. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options (cr, options);
    cairo_font_options_destroy (options);
  }
  tp_render_backend_attach (cr, &self->parent);
  return cr;
}

GBytes *
tp_render_backend_svg_finish (cairo_t  *cr,
                              GError  **error)
{
  SvgBackend *self = SVG_OF (tp_render_backend_get (cr));
  double x, y, w, h;
  GString *out;

  g_return_val_if_fail (self->parent.vtable == &svg_vtable, NULL);
  g_return_val_if_fail (self->out != NULL, NULL);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TP_RENDER_BACKEND_ERROR, TP_RENDER_BACKEND_ERROR_FAILED,
                   "%s", cairo_status_to_string (cairo_status (cr)));
      return NULL;
    }
  /* Anything that reached the recording surface bypassed the writer. */
  cairo_recording_surface_ink_extents (self->shadow, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      g_set_error (error, TP_RENDER_BACKEND_ERROR, TP_RENDER_BACKEND_ERROR_UNSUPPORTED,
                   "drawing that bypassed the SVG writer");
      return NULL;
    }

  while (self->open->len > 0)
    close_open (self);
  g_string_append (self->out, "</g>\n</svg>\n");
  if (self->root_family != NULL)
    g_string_insert (self->out, self->root_mark, self->root_family);
  out = g_steal_pointer (&self->out);
  return g_string_free_to_bytes (out);
}

guint
tp_render_backend_svg_get_n_images (cairo_t *cr)
{
  SvgBackend *self = SVG_OF (tp_render_backend_get (cr));

  g_return_val_if_fail (self->parent.vtable == &svg_vtable, 0);
  return self->n_images;
}
