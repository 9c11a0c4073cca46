/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-pdf.h"

#include <cairo-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

/* Content streams are large and written once: speed over the last bytes
 * (level 1 is about four times faster than the default, 25 % larger). */
#define CONTENT_COMPRESSION 1
#define FONT_COMPRESSION Z_DEFAULT_COMPRESSION

/* Fixed objects; the rest are numbered as they are written. */
enum {
  OBJ_CATALOG = 1,
  OBJ_PAGES,
  OBJ_RESOURCES,
  OBJ_INFO,
  OBJ_FIRST_FREE,
};

G_DEFINE_QUARK (tp-pdf-error-quark, tp_pdf_error)

static const cairo_user_data_key_t page_key;

static void out_append (TpPdf      *self,
                        const char *text);

typedef struct {
  /* Colours and alphas in thousandths; -1: not set yet. */
  int    fill[3];
  int    fill_alpha;
  int    stroke[3];
  int    stroke_alpha;
  double line_width;
  int    cap;
  int    join;
  double miter_limit;
  double dash[8];
  int    n_dash;       /* -1: unknown */
  double dash_offset;
  int    font;         /* -1: none */
} State;

typedef struct {
  guint       index;
  hb_face_t  *face;
  hb_font_t  *unit_font;  /* scaled to font units */
  guint       upem;
  gboolean    cff;
  hb_set_t   *glyphs;
  /* Per glyph id, looked up once: the width in thousandths of an em, or
   * G_MININT32 while unused. */
  gint32     *widths;
  /* Per glyph id: the text the ToUnicode map gives it (the first text
   * it was seen for), or NULL. */
  char      **texts;
} Font;

typedef struct {
  guint  contents;
  double width;
  double height;
} Page;

/* A bookmark; ids are indices + 1, 0 meaning none (or the top level). */
typedef struct {
  char    *title;
  int      parent;
  int      first, last, prev, next;
  guint    n_children;
  guint    page;       /* 1-based */
  double   y;          /* from the page's top */
  gboolean bold;
} Outline;

typedef struct {
  guint  page;         /* 0-based: the page it is on */
  double rect[4];      /* PDF coordinates: x0 y0 x1 y1 */
  guint  target_page;  /* 1-based */
  double target_y;     /* from the target's top */
} Link;

/* Compresses a page's content on a second thread while it is drawn: the
 * drawing hands over chunks as they fill. */
typedef struct {
  GThread     *thread;
  GAsyncQueue *chunks;       /* GString, then the end marker */
  z_stream     stream;
  GByteArray  *packed;
} Deflater;

static GByteArray *deflater_finish (Deflater *deflater);

struct _TpPdf {
  GByteArray *out;
  GArray     *offsets;       /* gsize per object number */
  guint       next_object;
  char       *metadata[TP_PDF_N_METADATA];
  GDateTime  *date;

  GArray     *pages;         /* Page */
  cairo_surface_t *shadow;
  cairo_t    *cr;
  GString    *content;
  Deflater   *deflater;      /* compresses handed-off content meanwhile */
  double      page_width;
  double      page_height;

  State       state;
  GArray     *state_stack;   /* State */

  GHashTable *fonts;         /* hb_face_t -> Font */
  /* The same font file through another font map (layouts measured on a
   * second thread): "PostScript name|index|size" -> Font. */
  GHashTable *fonts_by_file;
  GPtrArray  *font_list;     /* Font, by index */
  GArray     *fill_alphas;   /* int thousandths, by index */
  GArray     *stroke_alphas;

  GArray     *outlines;      /* Outline */
  int         outline_first; /* the top level's */
  int         outline_last;
  guint       n_outline_top;
  GArray     *links;         /* Link */
  PangoRenderer *line_renderer;

  char       *unsupported;   /* why the file cannot be written, or NULL */
};

static void
font_free (gpointer data)
{
  Font *font = data;

  hb_face_destroy (font->face);
  hb_font_destroy (font->unit_font);
  hb_set_destroy (font->glyphs);
  g_free (font->widths);
  for (guint i = 0; i < 0x10000; i++)
    g_free (font->texts[i]);
  g_free (font->texts);
  g_free (font);
}

TpPdf *
tp_pdf_new (void)
{
  TpPdf *self = g_new0 (TpPdf, 1);

  self->out = g_byte_array_sized_new (64 * 1024);
  self->offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  self->next_object = OBJ_FIRST_FREE;
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->state_stack = g_array_new (FALSE, FALSE, sizeof (State));
  self->fonts = g_hash_table_new (NULL, NULL);
  self->fonts_by_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->font_list = g_ptr_array_new_with_free_func (font_free);
  self->fill_alphas = g_array_new (FALSE, FALSE, sizeof (int));
  self->stroke_alphas = g_array_new (FALSE, FALSE, sizeof (int));
  self->outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  /* Binary bytes in the comment tell transfer programs the file is binary. */
  out_append (self, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
  return self;
}

void
tp_pdf_free (TpPdf *self)
{
  if (self == NULL)
    return;
  if (self->cr != NULL)
    cairo_destroy (self->cr);
  if (self->shadow != NULL)
    cairo_surface_destroy (self->shadow);
  if (self->content != NULL)
    g_string_free (self->content, TRUE);
  if (self->deflater != NULL)
    g_byte_array_unref (deflater_finish (self->deflater));
  if (self->out != NULL)
    g_byte_array_unref (self->out);
  g_array_unref (self->offsets);
  for (int i = 0; i < TP_PDF_N_METADATA; i++)
    g_free (self->metadata[i]);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_array_unref (self->pages);
  g_array_unref (self->state_stack);
  g_hash_table_unref (self->fonts);
  g_hash_table_unref (self->fonts_by_file);
  g_ptr_array_unref (self->font_list);
  g_array_unref (self->fill_alphas);
  g_array_unref (self->stroke_alphas);
  for (guint i = 0; i < self->outlines->len; i++)
    g_free (g_array_index (self->outlines, Outline, i).title);
  g_array_unref (self->outlines);
  g_array_unref (self->links);
  g_clear_object (&self->line_renderer);
  g_free (self->unsupported);
  g_free (self);
}

void
tp_pdf_set_metadata (TpPdf         *self,
                     TpPdfMetadata  key,
                     const char    *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key < TP_PDF_N_METADATA);

  g_free (self->metadata[key]);
  self->metadata[key] = g_strdup (value);
}

void
tp_pdf_set_creation_date (TpPdf     *self,
                          GDateTime *date)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  if (date != NULL)
    self->date = g_date_time_ref (date);
}

int
tp_pdf_add_outline (TpPdf      *self,
                    int         parent,
                    const char *title,
                    guint       page,
                    double      y,
                    gboolean    bold)
{
  Outline outline = { 0 };
  int id;
  int *last;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (parent >= 0 && parent <= (int) self->outlines->len, 0);
  g_return_val_if_fail (title != NULL, 0);
  g_return_val_if_fail (page >= 1, 0);

  id = (int) self->outlines->len + 1;
  last = parent == 0 ? &self->outline_last : &g_array_index (self->outlines, Outline, parent - 1).last;
  outline.title = g_strdup (title);
  outline.parent = parent;
  outline.prev = *last;
  outline.page = page;
  outline.y = y;
  outline.bold = bold;
  if (*last != 0)
    g_array_index (self->outlines, Outline, *last - 1).next = id;
  if (parent == 0)
    {
      if (self->outline_first == 0)
        self->outline_first = id;
      self->n_outline_top++;
    }
  else
    {
      Outline *up = &g_array_index (self->outlines, Outline, parent - 1);

      if (up->first == 0)
        up->first = id;
      up->n_children++;
    }
  *last = id;
  g_array_append_val (self->outlines, outline);
  return id;
}

void
tp_pdf_add_link (TpPdf  *self,
                 double  x,
                 double  y,
                 double  width,
                 double  height,
                 guint   target_page,
                 double  target_y)
{
  Link link = { 0 };
  double xs[4] = { x, x + width, x, x + width };
  double ys[4] = { y, y, y + height, y + height };

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->cr != NULL);
  g_return_if_fail (target_page >= 1);

  /* The corners in device space (y down), then flipped as the page is. */
  link.rect[0] = link.rect[1] = G_MAXDOUBLE;
  link.rect[2] = link.rect[3] = -G_MAXDOUBLE;
  for (int i = 0; i < 4; i++)
    {
      cairo_user_to_device (self->cr, &xs[i], &ys[i]);
      link.rect[0] = MIN (link.rect[0], xs[i]);
      link.rect[2] = MAX (link.rect[2], xs[i]);
      link.rect[1] = MIN (link.rect[1], self->page_height - ys[i]);
      link.rect[3] = MAX (link.rect[3], self->page_height - ys[i]);
    }
  link.page = self->pages->len;
  link.target_page = target_page;
  link.target_y = target_y;
  g_array_append_val (self->links, link);
}

static void
set_unsupported (TpPdf      *self,
                 const char *why)
{
  if (self->unsupported == NULL)
    self->unsupported = g_strdup (why);
}

/* Output */

static void
out_append (TpPdf      *self,
            const char *text)
{
  g_byte_array_append (self->out, (const guint8 *) text, strlen (text));
}

G_GNUC_PRINTF (2, 3)
static void
out_printf (TpPdf      *self,
            const char *format,
            ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  out_append (self, text);
}

static guint
reserve_object (TpPdf *self)
{
  return self->next_object++;
}

static void
begin_object (TpPdf *self,
              guint  number)
{
  gsize offset = self->out->len;

  if (self->offsets->len <= number)
    g_array_set_size (self->offsets, number + 1);
  g_array_index (self->offsets, gsize, number) = offset;
  out_printf (self, "%u 0 obj\n", number);
}

static void
end_object (TpPdf *self)
{
  out_append (self, "endobj\n");
}

/* A stream object of deflated data; @extra goes into its dictionary. */
static void
write_packed_stream (TpPdf        *self,
                     guint         number,
                     const char   *extra,
                     const guint8 *packed,
                     gsize         length)
{
  begin_object (self, number);
  out_printf (self, "<< /Length %" G_GSIZE_FORMAT " /Filter /FlateDecode%s%s >>\nstream\n",
              length, extra != NULL ? " " : "", extra != NULL ? extra : "");
  g_byte_array_append (self->out, packed, length);
  out_append (self, "\nendstream\n");
  end_object (self);
}

static void
write_stream (TpPdf        *self,
              guint         number,
              const char   *extra,
              const guint8 *data,
              gsize         length,
              int           level)
{
  uLongf packed_length = compressBound (length);
  guint8 *packed = g_malloc (packed_length);

  /* Fails only out of memory (the bound is compressBound's), where GLib
   * aborts as well. */
  if (compress2 (packed, &packed_length, data, length, level) != Z_OK)
    g_error ("zlib cannot compress %" G_GSIZE_FORMAT " bytes", length);
  write_packed_stream (self, number, extra, packed, packed_length);
  g_free (packed);
}

/* The deflater */

#define CHUNK_SIZE (256 * 1024)

static GString end_of_chunks;

static void
deflate_chunk (Deflater     *deflater,
               const guint8 *data,
               gsize         length,
               int           flush)
{
  z_stream *z = &deflater->stream;
  guint8 buffer[64 * 1024];

  z->next_in = (Bytef *) data;
  z->avail_in = (uInt) length;
  do
    {
      int status;

      z->next_out = buffer;
      z->avail_out = sizeof buffer;
      status = deflate (z, flush);
      if (status == Z_STREAM_ERROR)
        g_error ("zlib cannot compress the page");
      g_byte_array_append (deflater->packed, buffer, sizeof buffer - z->avail_out);
    }
  while (z->avail_out == 0 || (flush == Z_FINISH && z->avail_in > 0));
}

static gpointer
deflater_run (gpointer data)
{
  Deflater *deflater = data;

  for (;;)
    {
      GString *chunk = g_async_queue_pop (deflater->chunks);

      if (chunk == &end_of_chunks)
        {
          deflate_chunk (deflater, NULL, 0, Z_FINISH);
          return NULL;
        }
      deflate_chunk (deflater, (const guint8 *) chunk->str, chunk->len, Z_NO_FLUSH);
      g_string_free (chunk, TRUE);
    }
}

static Deflater *
deflater_new (void)
{
  Deflater *deflater = g_new0 (Deflater, 1);

  if (deflateInit (&deflater->stream, CONTENT_COMPRESSION) != Z_OK)
    g_error ("zlib cannot start");
  deflater->packed = g_byte_array_sized_new (CHUNK_SIZE);
  deflater->chunks = g_async_queue_new ();
  deflater->thread = g_thread_new ("tp-pdf-deflate", deflater_run, deflater);
  return deflater;
}

/* Waits for the last chunk; returns the deflated bytes. */
static GByteArray *
deflater_finish (Deflater *deflater)
{
  GByteArray *packed;

  g_async_queue_push (deflater->chunks, &end_of_chunks);
  g_thread_join (deflater->thread);
  deflateEnd (&deflater->stream);
  g_async_queue_unref (deflater->chunks);
  packed = deflater->packed;
  g_free (deflater);
  return packed;
}

/* Hands the content so far to the deflater once a chunk is full. Called
 * between operators only. */
static void
hand_off_content (TpPdf *self)
{
  if (self->content->len < CHUNK_SIZE)
    return;
  g_async_queue_push (self->deflater->chunks, self->content);
  self->content = g_string_sized_new (CHUNK_SIZE + 4096);
}

/* g_string_append_len() without its generality: content is appended in
 * millions of small pieces. */
static inline void
append (GString    *s,
        const char *text,
        gsize       length)
{
  if (G_LIKELY (s->len + length < s->allocated_len))
    {
      memcpy (s->str + s->len, text, length);
      s->len += length;
      s->str[s->len] = '\0';
    }
  else
    g_string_append_len (s, text, length);
}

/* A whole number, as in a resource name. */
static void
put_uint (GString *s,
          guint    value)
{
  char buffer[16];
  char *end = buffer + sizeof buffer;
  char *p = end;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  append (s, p, end - p);
}

/* A number with at most @decimals decimals (trailing zeros dropped) and
 * a space, without printf: content streams hold about a million. Inlined
 * so that the divisions are by constants. */
G_ALWAYS_INLINE static inline void
put_fixed (GString *s,
           double   value,
           int      decimals)
{
  static const guint64 units[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
  char buffer[40];
  char *end = buffer + sizeof buffer;
  char *p = end;
  gboolean negative = value < 0;
  guint64 unit = units[decimals];
  guint64 n, fraction;

  if (!(value > -1e9 && value < 1e9))
    value = isfinite (value) ? CLAMP (value, -1e9, 1e9) : 0;
  n = (guint64) (fabs (value) * (double) unit + 0.5);
  fraction = n % unit;
  n /= unit;

  *--p = ' ';
  if (fraction != 0)
    {
      while (fraction % 10 == 0)
        {
          fraction /= 10;
          decimals--;
        }
      for (int i = 0; i < decimals; i++)
        {
          *--p = (char) ('0' + fraction % 10);
          fraction /= 10;
        }
      *--p = '.';
    }
  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  /* No "-0". */
  if (negative && (p[0] != '0' || p[1] != ' '))
    *--p = '-';
  append (s, p, end - p);
}

/* Coordinates, colours, widths: three decimals. */
static void
put_number (GString *s,
            double   value)
{
  put_fixed (s, value, 3);
}

/* A matrix coefficient: six decimals, since a small scale multiplies
 * every position it applies to (0.0169 must not become 0.017). */
static void
put_coefficient (GString *s,
                 double   value)
{
  put_fixed (s, value, 6);
}

#define put_op(s, op) append ((s), op "\n", sizeof op)
#define put_text(s, text) append ((s), text, sizeof text - 1)

static void
put_point (GString *s,
           double   x,
           double   y)
{
  put_number (s, x);
  put_number (s, y);
}

/* The graphics state */

static void
state_reset (State *state)
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
      set_unsupported (self, "a source that is not a colour");
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
static gboolean
use_source (TpPdf    *self,
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

#define use_fill_source(self, cr) use_source ((self), (cr), FALSE)
#define use_stroke_source(self, cr) use_source ((self), (cr), TRUE)

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
      set_unsupported (self, "a dash pattern of more than 8 lengths");
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

static void
pdf_fill (TpPdf   *self,
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

static void
push_state (TpPdf *self)
{
  g_array_append_val (self->state_stack, self->state);
  put_op (self->content, "q");
}

static void
pop_state (TpPdf *self)
{
  g_return_if_fail (self->state_stack->len > 0);

  self->state = g_array_index (self->state_stack, State, self->state_stack->len - 1);
  g_array_set_size (self->state_stack, self->state_stack->len - 1);
  put_op (self->content, "Q");
}

static void
pdf_stroke (TpPdf   *self,
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

  push_state (self);
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
  pop_state (self);
}

/* Text */

static Font *
lookup_font (TpPdf     *self,
             PangoFont *pango_font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (pango_font);
  g_autofree char *file_key = NULL;
  hb_face_t *face;
  Font *font;
  unsigned n_coords = 0;
  const int *coords;
  hb_blob_t *table;
  gboolean cff, glyf;

  if (hb_font == NULL)
    {
      set_unsupported (self, "a font without HarfBuzz data");
      return NULL;
    }
  /* An instance of a variable font would need instancing to embed; pango
   * shares one face between instances, so check every font. */
  coords = hb_font_get_var_coords_normalized (hb_font, &n_coords);
  for (unsigned i = 0; i < n_coords; i++)
    if (coords[i] != 0)
      {
        set_unsupported (self, "an instance of a variable font");
        return NULL;
      }

  face = hb_font_get_face (hb_font);
  font = g_hash_table_lookup (self->fonts, face);
  if (font != NULL)
    return font;

  {
    char ps_name[128] = "";
    unsigned length = sizeof ps_name;
    hb_blob_t *blob = hb_face_reference_blob (face);

    hb_ot_name_get_utf8 (face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, ps_name);
    file_key = g_strdup_printf ("%s|%u|%u", ps_name, hb_face_get_index (face), hb_blob_get_length (blob));
    hb_blob_destroy (blob);
  }
  font = g_hash_table_lookup (self->fonts_by_file, file_key);
  if (font != NULL)
    {
      g_hash_table_insert (self->fonts, face, font);
      return font;
    }

  table = hb_face_reference_table (face, HB_TAG ('C', 'F', 'F', ' '));
  cff = hb_blob_get_length (table) > 0;
  hb_blob_destroy (table);
  table = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));
  glyf = hb_blob_get_length (table) > 0;
  hb_blob_destroy (table);
  if (!cff && !glyf)
    {
      set_unsupported (self, "a font with neither CFF nor TrueType outlines");
      return NULL;
    }
  /* Colour glyphs would come out in the text colour. */
  table = hb_face_reference_table (face, HB_TAG ('C', 'O', 'L', 'R'));
  if (hb_blob_get_length (table) > 0)
    {
      hb_blob_destroy (table);
      set_unsupported (self, "a colour font");
      return NULL;
    }
  hb_blob_destroy (table);

  font = g_new0 (Font, 1);
  font->index = self->font_list->len;
  font->face = hb_face_reference (face);
  font->unit_font = hb_font_create (face);
  font->upem = MAX (hb_face_get_upem (face), 1);
  hb_font_set_scale (font->unit_font, (int) font->upem, (int) font->upem);
  font->cff = cff;
  font->glyphs = hb_set_create ();
  font->texts = g_new0 (char *, 0x10000);
  font->widths = g_new (gint32, 0x10000);
  for (guint i = 0; i < 0x10000; i++)
    font->widths[i] = G_MININT32;
  g_ptr_array_add (self->font_list, font);
  g_hash_table_insert (self->fonts, face, font);
  g_hash_table_insert (self->fonts_by_file, g_steal_pointer (&file_key), font);
  return font;
}

/* The cluster glyph @i belongs to: its glyphs [@first, @last] in the
 * string's (visual) order, and its text, bytes [@start, @end) of the item. */
static void
cluster_of (PangoGlyphItem *run,
            int             i,
            int            *first,
            int            *last,
            int            *start,
            int            *end)
{
  PangoGlyphString *glyphs = run->glyphs;
  int cluster = glyphs->log_clusters[i];
  gboolean rtl = run->item->analysis.level % 2 == 1;
  int a = i, b = i;

  while (a > 0 && glyphs->log_clusters[a - 1] == cluster)
    a--;
  while (b + 1 < glyphs->num_glyphs && glyphs->log_clusters[b + 1] == cluster)
    b++;
  *first = a;
  *last = b;
  *start = cluster;
  /* The next cluster in reading order starts where this one ends. */
  if (!rtl)
    *end = b + 1 < glyphs->num_glyphs ? glyphs->log_clusters[b + 1] : run->item->length;
  else
    *end = a > 0 ? glyphs->log_clusters[a - 1] : run->item->length;
  *end = MAX (*end, *start);
}

/* A glyph's advance as the file states it: whole thousandths of an em.
 * The first call marks the glyph used. */
static long
glyph_width (Font *font,
             guint gid)
{
  if (G_UNLIKELY (font->widths[gid] == G_MININT32))
    {
      font->widths[gid] = (gint32) lround (hb_font_get_glyph_h_advance (font->unit_font, gid) * 1000.0 / font->upem);
      hb_set_add (font->glyphs, gid);
    }
  return font->widths[gid];
}

static const char hex_digits[] = "0123456789abcdef";

static void
put_glyph_id (GString *s,
              guint    gid)
{
  char hex[4] = {
    hex_digits[(gid >> 12) & 0xf], hex_digits[(gid >> 8) & 0xf],
    hex_digits[(gid >> 4) & 0xf], hex_digits[gid & 0xf],
  };

  append (s, hex, 4);
}

static void
put_utf16_hex (GString    *s,
               const char *utf8)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);

  if (utf16 == NULL)
    return;
  for (gunichar2 *p = utf16; *p != 0; p++)
    put_glyph_id (s, *p);
}

/* Ends a text object, and the ActualText spans open in it. */
static void
end_text (GString  *s,
          gboolean  in_span,
          gboolean  ellipsis)
{
  put_text (s, ">] TJ\n");
  if (in_span)
    put_text (s, "EMC\n");
  if (ellipsis)
    put_text (s, "EMC\n");
  put_text (s, "ET\n");
}

/* Text that search and copy find instead of what the glyphs map to. */
static void
begin_actual_text (GString    *s,
                   const char *text,
                   gssize      length)
{
  g_autofree char *copy = g_strndup (text, length);

  put_text (s, "/Span << /ActualText <feff");
  put_utf16_hex (s, copy);
  put_text (s, "> >> BDC\n");
}

/* One run of glyphs with its baseline origin at (@x, @y) in user space. */
static void
put_run (TpPdf                *self,
         const cairo_matrix_t *ctm,
         const char           *text,
         PangoGlyphItem       *run,
         double                x,
         double                y)
{
  GString *s = self->content;
  PangoGlyphString *glyphs = run->glyphs;
  cairo_scaled_font_t *scaled;
  cairo_matrix_t font_matrix, m;
  Font *font;
  double em, pen = 0, pango_x = 0;
  gboolean open = FALSE, in_span = FALSE, span_pending = FALSE;
  gboolean ellipsis = (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;
  const char *cluster_text = NULL;
  int cluster_length = 0;
  double text_y = 0;

  font = lookup_font (self, run->item->analysis.font);
  if (font == NULL)
    return;
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  if (scaled == NULL)
    {
      set_unsupported (self, "a font cairo cannot scale");
      return;
    }
  /* fontconfig can embolden a face that has no bold: cairo thickens the
   * outlines, which the embedded font would not. */
  if (cairo_font_face_get_type (cairo_scaled_font_get_font_face (scaled)) == CAIRO_FONT_TYPE_FT
      && (cairo_ft_font_face_get_synthesize (cairo_scaled_font_get_font_face (scaled)) & CAIRO_FT_SYNTHESIZE_BOLD))
    {
      set_unsupported (self, "a synthesized bold font");
      return;
    }
  cairo_scaled_font_get_font_matrix (scaled, &font_matrix);
  em = hypot (font_matrix.xx, font_matrix.yx);
  if (em <= 0)
    return;

  /* Glyph space (y up, 1 unit = 1 em) to device space (y down, the
   * page's own flip undoes it): the font matrix, then the CTM. */
  cairo_matrix_multiply (&m, &font_matrix, ctm);

  for (int i = 0, first = 0, last = -1; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      guint gid = info->glyph;
      double origin_x = pango_x + (double) info->geometry.x_offset / PANGO_SCALE;
      double origin_y = (double) info->geometry.y_offset / PANGO_SCALE;

      pango_x += (double) info->geometry.width / PANGO_SCALE;

      /* A new cluster: its text goes to the ToUnicode map with its glyph,
       * or, when that glyph already stands for other text (an "é" from
       * "e" and a combining accent, say), into an ActualText span. */
      if (i > last && !ellipsis)
        {
          int start, end;
          guint owner;

          cluster_of (run, i, &first, &last, &start, &end);
          /* The text goes with the cluster's first drawn glyph in reading
           * order: a soft hyphen's cluster starts with an empty glyph. */
          owner = PANGO_GLYPH_EMPTY;
          for (int k = 0; k <= last - first && owner == PANGO_GLYPH_EMPTY; k++)
            owner = glyphs->glyphs[run->item->analysis.level % 2 == 1 ? last - k : first + k].glyph;
          cluster_text = text + run->item->offset + start;
          cluster_length = end - start;
          span_pending = FALSE;
          if (owner <= 0xffff && cluster_length > 0)
            {
              if (font->texts[owner] == NULL)
                font->texts[owner] = g_strndup (cluster_text, cluster_length);
              span_pending = strlen (font->texts[owner]) != (gsize) cluster_length
                             || memcmp (font->texts[owner], cluster_text, cluster_length) != 0;
              /* Several glyphs for one text (a hyphen pango added at a
               * break, say): the text once for all of them, as cairo. */
              for (int k = first, drawn = 0; k <= last && !span_pending; k++)
                if (glyphs->glyphs[k].glyph != PANGO_GLYPH_EMPTY && ++drawn > 1)
                  span_pending = TRUE;
            }
        }
      else if (ellipsis && gid <= 0xffff && font->texts[gid] == NULL)
        /* The ellipsis glyph itself is "…"; what it hides is the run's
         * ActualText. */
        font->texts[gid] = g_strdup ("\xe2\x80\xa6");

      if (gid == PANGO_GLYPH_EMPTY)
        goto next;
      /* A character no font has: the screen shows a box with its code,
       * which cairo's writer draws the same way. */
      if ((gid & PANGO_GLYPH_UNKNOWN_FLAG) || gid > 0xffff)
        {
          set_unsupported (self, "a character no installed font has");
          goto next;
        }

      if (open && origin_y != text_y)
        {
          /* The rest of a spanned cluster must not repeat its text. */
          if (in_span)
            {
              span_pending = TRUE;
              cluster_length = 0;
            }
          end_text (s, in_span, ellipsis);
          open = in_span = FALSE;
        }
      if (!open)
        {
          double dx = x + origin_x, dy = y + origin_y;

          cairo_matrix_transform_point (ctm, &dx, &dy);
          put_text (s, "BT\n");
          /* The font is graphics state: it outlives ET, until Q. */
          if (self->state.font != (int) font->index)
            {
              put_text (s, "/F");
              put_uint (s, font->index);
              put_text (s, " 1 Tf\n");
              self->state.font = (int) font->index;
            }
          put_coefficient (s, m.xx);
          put_coefficient (s, m.yx);
          put_coefficient (s, -m.xy);
          put_coefficient (s, -m.yy);
          put_point (s, dx, dy);
          put_text (s, "Tm\n");
          /* Search and copy find what an ellipsis hides, as with cairo. */
          if (ellipsis)
            begin_actual_text (s, text + run->item->offset, run->item->length);
          put_text (s, "[<");
          open = TRUE;
          text_y = origin_y;
          pen = origin_x / em;
        }
      else
        {
          /* Where PDF would put the glyph after the previous one's
           * advance, against where pango put it: TJ's correction is in
           * thousandths of an em, positive to the left. */
          double adjust = round ((pen - origin_x / em) * 1000);

          if (adjust != 0)
            {
              put_text (s, "> ");
              put_number (s, adjust);
              put_text (s, "<");
              pen -= adjust / 1000;
            }
        }
      if (span_pending)
        {
          put_text (s, ">] TJ\n");
          begin_actual_text (s, cluster_text, cluster_length);
          put_text (s, "[<");
          span_pending = FALSE;
          in_span = TRUE;
        }
      put_glyph_id (s, gid);
      /* The reader advances by the width in whole thousandths. */
      pen += glyph_width (font, gid) / 1000.0;

    next:
      if (i == last && in_span)
        {
          put_text (s, ">] TJ\nEMC\n[<");
          in_span = FALSE;
        }
    }
  if (open)
    end_text (s, in_span, ellipsis);
}

static void
pdf_show_layout (TpPdf       *self,
                 cairo_t     *cr,
                 PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  cairo_matrix_t ctm;
  double x0 = 0, y0 = 0;

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  if (!use_fill_source (self, cr))
    return;
  cairo_get_matrix (cr, &ctm);

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
      put_run (self, &ctm, text, run,
               x0 + (double) (logical.x + run->start_x_offset) / PANGO_SCALE,
               y0 + (double) (baseline - run->y_offset) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  hand_off_content (self);
}

/* Lines go through pango's own renderer, which places the runs (as it
 * does for cairo's); only the glyphs are ours. */
typedef struct {
  PangoRenderer  parent_instance;
  TpPdf         *pdf;
  cairo_matrix_t ctm;
  double         x0;
  double         y0;
} LineRenderer;

typedef struct {
  PangoRendererClass parent_class;
} LineRendererClass;

static GType line_renderer_get_type (void);

G_DEFINE_TYPE (LineRenderer, line_renderer, PANGO_TYPE_RENDERER)

static void
line_renderer_draw_glyph_item (PangoRenderer  *renderer,
                               const char     *text,
                               PangoGlyphItem *run,
                               int             x,
                               int             y)
{
  LineRenderer *self = (LineRenderer *) renderer;

  put_run (self->pdf, &self->ctm, text, run,
           self->x0 + (double) x / PANGO_SCALE, self->y0 + (double) y / PANGO_SCALE);
}

static void
line_renderer_draw_rectangle (PangoRenderer   *renderer,
                              PangoRenderPart  part,
                              int              x,
                              int              y,
                              int              width,
                              int              height)
{
  /* Underlines and the like: not drawn yet, so cairo's writer does. */
  set_unsupported (((LineRenderer *) renderer)->pdf, "decorated text");
}

static void
line_renderer_class_init (LineRendererClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyph_item = line_renderer_draw_glyph_item;
  renderer_class->draw_rectangle = line_renderer_draw_rectangle;
}

static void
line_renderer_init (LineRenderer *self)
{
}

static void
pdf_show_layout_line (TpPdf           *self,
                      cairo_t         *cr,
                      PangoLayoutLine *line)
{
  LineRenderer *renderer;

  if (!use_fill_source (self, cr))
    return;
  if (self->line_renderer == NULL)
    self->line_renderer = g_object_new (line_renderer_get_type (), NULL);
  renderer = (LineRenderer *) self->line_renderer;
  renderer->pdf = self;
  renderer->x0 = renderer->y0 = 0;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &renderer->x0, &renderer->y0);
  cairo_get_matrix (cr, &renderer->ctm);
  pango_renderer_draw_layout_line (self->line_renderer, line, 0, 0);
  hand_off_content (self);
}

gboolean
tp_pdf_is_unsupported (TpPdf *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->unsupported != NULL;
}

/* Painting through the writer, or cairo */

static inline TpPdf *
page_of (cairo_t *cr)
{
  return cairo_get_user_data (cr, &page_key);
}

gboolean
tp_gfx_is_pdf_page (cairo_t *cr)
{
  return page_of (cr) != NULL;
}

void
tp_gfx_save (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  cairo_save (cr);
  if (pdf != NULL)
    push_state (pdf);
}

void
tp_gfx_restore (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  cairo_restore (cr);
  if (pdf != NULL)
    pop_state (pdf);
}

void
tp_gfx_fill (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  if (pdf == NULL)
    {
      cairo_fill (cr);
      return;
    }
  pdf_fill (pdf, cr);
  cairo_new_path (cr);
}

void
tp_gfx_fill_preserve (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  if (pdf == NULL)
    cairo_fill_preserve (cr);
  else
    pdf_fill (pdf, cr);
}

void
tp_gfx_stroke (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  if (pdf == NULL)
    {
      cairo_stroke (cr);
      return;
    }
  pdf_stroke (pdf, cr);
  cairo_new_path (cr);
}

void
tp_gfx_clip (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);

  if (pdf != NULL)
    {
      /* An empty clip path clips everything away, as in cairo. */
      if (!put_path (pdf, cr, FALSE))
        g_string_append (pdf->content, "0 0 0 0 re ");
      if (cairo_get_fill_rule (cr) == CAIRO_FILL_RULE_EVEN_ODD)
        put_op (pdf->content, "W* n");
      else
        put_op (pdf->content, "W n");
    }
  /* The shadow context clips too: the drawing code asks for the extents. */
  cairo_clip (cr);
}

void
tp_gfx_paint (cairo_t *cr)
{
  TpPdf *pdf = page_of (cr);
  cairo_matrix_t matrix;
  double x0, y0, x1, y1;

  if (pdf == NULL)
    {
      cairo_paint (cr);
      return;
    }
  if (!use_fill_source (pdf, cr))
    return;
  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_set_matrix (cr, &matrix);
  put_point (pdf->content, x0, y0);
  put_point (pdf->content, x1 - x0, y1 - y0);
  put_op (pdf->content, "re f");
}

void
tp_gfx_show_layout (cairo_t     *cr,
                    PangoLayout *layout)
{
  TpPdf *pdf = page_of (cr);

  if (pdf == NULL)
    pango_cairo_show_layout (cr, layout);
  else
    pdf_show_layout (pdf, cr, layout);
}

void
tp_gfx_show_layout_line (cairo_t         *cr,
                         PangoLayoutLine *line)
{
  TpPdf *pdf = page_of (cr);

  if (pdf == NULL)
    pango_cairo_show_layout_line (cr, line);
  else
    pdf_show_layout_line (pdf, cr, line);
}

/* Pages */

cairo_t *
tp_pdf_begin_page (TpPdf  *self,
                   double  width,
                   double  height)
{
  cairo_rectangle_t extents = { 0, 0, width, height };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->cr == NULL, NULL);

  self->page_width = width;
  self->page_height = height;
  /* Never painted on: it only keeps cairo's state and clip. */
  self->shadow = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  self->cr = cairo_create (self->shadow);
  cairo_set_user_data (self->cr, &page_key, self, NULL);
  /* What cairo's PDF surface reports: layouts made from this context
   * (pango_cairo_create_layout) measure unhinted, as on paper. */
  {
    cairo_font_options_t *options = cairo_font_options_create ();

    cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
    cairo_set_font_options (self->cr, options);
    cairo_font_options_destroy (options);
  }

  self->content = g_string_sized_new (CHUNK_SIZE + 4096);
  self->deflater = deflater_new ();
  state_reset (&self->state);
  g_array_set_size (self->state_stack, 0);
  /* Device space as cairo's: the origin at the top left, y down. */
  g_string_append (self->content, "1 0 0 -1 0 ");
  put_number (self->content, height);
  put_op (self->content, "cm");
  return self->cr;
}

void
tp_pdf_end_page (TpPdf *self)
{
  Page page;
  GByteArray *packed;
  double x, y, w, h;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->cr != NULL);

  while (self->state_stack->len > 0)
    pop_state (self);

  /* A drawing error (a singular matrix, say): let cairo's writer report it. */
  if (cairo_status (self->cr) != CAIRO_STATUS_SUCCESS)
    set_unsupported (self, cairo_status_to_string (cairo_status (self->cr)));

  /* Anything that reached the shadow surface bypassed the writer. */
  cairo_recording_surface_ink_extents (self->shadow, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      g_critical ("Drawing on a PDF page bypassed tp_gfx");
      set_unsupported (self, "drawing that bypassed the writer");
    }

  page.contents = reserve_object (self);
  page.width = self->page_width;
  page.height = self->page_height;
  g_async_queue_push (self->deflater->chunks, g_steal_pointer (&self->content));
  packed = deflater_finish (g_steal_pointer (&self->deflater));
  write_packed_stream (self, page.contents, NULL, packed->data, packed->len);
  g_byte_array_unref (packed);
  g_array_append_val (self->pages, page);

  cairo_destroy (self->cr);
  self->cr = NULL;
  cairo_surface_destroy (self->shadow);
  self->shadow = NULL;
}

/* Fonts */

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static void
put_name_char_safe (GString    *s,
                    const char *name)
{
  for (const char *p = name; *p != '\0' && s->len < 63; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (s, *p);
}

/* "ABCDEF+Name": a subset's tag, from its glyphs, then the font's name. */
static char *
subset_font_name (Font *font)
{
  GString *name = g_string_new (NULL);
  char ps_name[128] = "";
  unsigned length = sizeof ps_name;
  guint32 hash = 5381 + font->index;
  hb_codepoint_t gid = HB_SET_VALUE_INVALID;

  while (hb_set_next (font->glyphs, &gid))
    hash = hash * 33 + gid;
  for (int i = 0; i < 6; i++)
    {
      g_string_append_c (name, (char) ('A' + hash % 26));
      hash /= 26;
    }
  g_string_append_c (name, '+');
  hb_ot_name_get_utf8 (font->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, ps_name);
  put_name_char_safe (name, ps_name);
  if (name->str[name->len - 1] == '+')
    g_string_append (name, "Font");
  return g_string_free (name, FALSE);
}


static void
write_to_unicode (TpPdf *self,
                  Font  *font,
                  guint  number)
{
  g_autoptr(GString) s = g_string_new (
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n");
  guint n = 0;

  /* By glyph id: sorted, so the file is the same for the same map. */
  for (guint gid = 0; gid < 0x10000; gid++)
    {
      if (font->texts[gid] == NULL)
        continue;
      if (n % 100 == 0)
        {
          guint block = 0;

          if (n > 0)
            g_string_append (s, "endbfchar\n");
          for (guint next = gid; next < 0x10000 && block < 100; next++)
            if (font->texts[next] != NULL)
              block++;
          g_string_append_printf (s, "%u beginbfchar\n", block);
        }
      g_string_append_c (s, '<');
      put_glyph_id (s, gid);
      g_string_append (s, "> <");
      put_utf16_hex (s, font->texts[gid]);
      g_string_append (s, ">\n");
      n++;
    }
  if (n > 0)
    g_string_append (s, "endbfchar\n");
  g_string_append (s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  write_stream (self, number, NULL, (const guint8 *) s->str, s->len, FONT_COMPRESSION);
}

static gboolean
write_font (TpPdf  *self,
            Font   *font,
            guint   type0)
{
  guint cid_font = reserve_object (self);
  guint descriptor = reserve_object (self);
  guint program = reserve_object (self);
  guint to_unicode = reserve_object (self);
  g_autofree char *name = subset_font_name (font);
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *subset;
  hb_blob_t *blob, *head;
  const guint8 *head_data;
  unsigned head_length;
  int bbox[4] = { 0, 0, 1000, 1000 };
  hb_position_t ascent = 0, descent = 0, cap_height = 0;
  g_autoptr(GString) widths = g_string_new (NULL);
  hb_codepoint_t gid = HB_SET_VALUE_INVALID;
  hb_codepoint_t previous = HB_SET_VALUE_INVALID;
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('n', 'a', 'm', 'e'),
  };

  if (input == NULL)
    return FALSE;
  hb_set_union (hb_subset_input_glyph_set (input), font->glyphs);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  /* Glyph ids stay: the content streams use them as CIDs. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  subset = hb_subset_or_fail (font->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    return FALSE;
  blob = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  if (hb_blob_get_length (blob) == 0)
    {
      hb_blob_destroy (blob);
      return FALSE;
    }

  head = hb_face_reference_table (font->face, HB_TAG ('h', 'e', 'a', 'd'));
  head_data = (const guint8 *) hb_blob_get_data (head, &head_length);
  if (head_length >= 44)
    for (int i = 0; i < 4; i++)
      bbox[i] = (int) lround ((gint16) read_u16 (head_data + 36 + 2 * i) * 1000.0 / font->upem);
  hb_blob_destroy (head);
  hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
  hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descent);
  if (!hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height))
    cap_height = ascent;

  /* Widths in thousandths of an em, runs of consecutive ids together. */
  while (hb_set_next (font->glyphs, &gid))
    {
      long width = glyph_width (font, gid);

      if (previous != HB_SET_VALUE_INVALID && gid == previous + 1)
        g_string_append_printf (widths, " %ld", width);
      else
        g_string_append_printf (widths, "%s%u [%ld", previous == HB_SET_VALUE_INVALID ? "" : "] ", gid, width);
      previous = gid;
    }
  if (previous != HB_SET_VALUE_INVALID)
    g_string_append_c (widths, ']');

  begin_object (self, type0);
  out_printf (self, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
              "/DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>\n", name, cid_font, to_unicode);
  end_object (self);

  begin_object (self, cid_font);
  out_printf (self, "<< /Type /Font /Subtype /%s /BaseFont /%s "
              "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
              "/FontDescriptor %u 0 R%s /W [%s] >>\n",
              font->cff ? "CIDFontType0" : "CIDFontType2", name, descriptor,
              font->cff ? "" : " /CIDToGIDMap /Identity", widths->str);
  end_object (self);

  begin_object (self, descriptor);
  out_printf (self, "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] "
              "/ItalicAngle 0 /Ascent %ld /Descent %ld /CapHeight %ld /StemV 80 /%s %u 0 R >>\n",
              name, bbox[0], bbox[1], bbox[2], bbox[3],
              lround (ascent * 1000.0 / font->upem), lround (descent * 1000.0 / font->upem),
              lround (cap_height * 1000.0 / font->upem),
              font->cff ? "FontFile3" : "FontFile2", program);
  end_object (self);

  {
    unsigned length;
    const guint8 *data = (const guint8 *) hb_blob_get_data (blob, &length);
    g_autofree char *extra = font->cff ? g_strdup ("/Subtype /OpenType")
                                       : g_strdup_printf ("/Length1 %u", length);

    write_stream (self, program, extra, data, length, FONT_COMPRESSION);
  }
  hb_blob_destroy (blob);

  write_to_unicode (self, font, to_unicode);
  return TRUE;
}

/* The file */

static void
put_text_string (TpPdf      *self,
                 const char *key,
                 const char *value)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    return;
  g_string_append_printf (s, " /%s <feff", key);
  put_utf16_hex (s, value);
  g_string_append_c (s, '>');
  out_append (self, s->str);
}

static void
write_info (TpPdf *self)
{
  static const char * const keys[TP_PDF_N_METADATA] = { "Title", "Author", "Subject", "Creator" };
  g_autoptr(GDateTime) now = self->date != NULL ? g_date_time_ref (self->date)
                             : g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "D:%Y%m%d%H%M%S");
  g_autofree char *zone = g_date_time_format (now, "%z");

  begin_object (self, OBJ_INFO);
  out_append (self, "<<");
  for (int i = 0; i < TP_PDF_N_METADATA; i++)
    put_text_string (self, keys[i], self->metadata[i]);
  out_append (self, " /Producer (Touchpoint)");
  /* D:YYYYMMDDHHmmSS+HH'mm' */
  out_printf (self, " /CreationDate (%s%c%.2s'%.2s')", date, zone[0], zone + 1, zone + 3);
  out_append (self, " >>\n");
  end_object (self);
}

/* " /Dest [page /XYZ left top null]": @y from the top of @page (1-based);
 * nothing for a page that was never drawn. */
static void
put_destination (TpPdf   *self,
                 GString *s,
                 GArray  *page_objects,
                 guint    page,
                 double   y)
{
  Page *target;

  if (page < 1 || page > self->pages->len)
    return;
  target = &g_array_index (self->pages, Page, page - 1);
  g_string_append_printf (s, " /Dest [%u 0 R /XYZ 0 ", g_array_index (page_objects, guint, page - 1));
  /* PDF's y goes up from the bottom. */
  put_number (s, CLAMP (target->height - y, 0, target->height));
  g_string_append (s, "null]");
}

/* The bookmarks' tree; returns its root's object number, or 0. Entries
 * start closed: a parent's /Count is minus its children. */
static guint
write_outlines (TpPdf  *self,
                GArray *page_objects)
{
  g_autoptr(GString) s = g_string_new (NULL);
  guint root;
  guint first;

  if (self->outlines->len == 0)
    return 0;
  root = reserve_object (self);
  first = self->next_object;
  self->next_object += self->outlines->len;
#define OUTLINE_OBJECT(id) (first + (guint) (id) - 1)

  begin_object (self, root);
  out_printf (self, "<< /Type /Outlines /First %u 0 R /Last %u 0 R /Count %u >>\n",
              OUTLINE_OBJECT (self->outline_first), OUTLINE_OBJECT (self->outline_last), self->n_outline_top);
  end_object (self);

  for (guint i = 0; i < self->outlines->len; i++)
    {
      Outline *outline = &g_array_index (self->outlines, Outline, i);

      begin_object (self, OUTLINE_OBJECT (i + 1));
      out_append (self, "<<");
      put_text_string (self, "Title", outline->title);
      g_string_truncate (s, 0);
      g_string_append_printf (s, " /Parent %u 0 R", outline->parent == 0 ? root : OUTLINE_OBJECT (outline->parent));
      if (outline->prev != 0)
        g_string_append_printf (s, " /Prev %u 0 R", OUTLINE_OBJECT (outline->prev));
      if (outline->next != 0)
        g_string_append_printf (s, " /Next %u 0 R", OUTLINE_OBJECT (outline->next));
      if (outline->first != 0)
        g_string_append_printf (s, " /First %u 0 R /Last %u 0 R /Count -%u",
                                OUTLINE_OBJECT (outline->first), OUTLINE_OBJECT (outline->last),
                                outline->n_children);
      put_destination (self, s, page_objects, outline->page, outline->y);
      if (outline->bold)
        g_string_append (s, " /F 2");
      g_string_append (s, " >>\n");
      out_append (self, s->str);
      end_object (self);
    }
#undef OUTLINE_OBJECT
  return root;
}

GBytes *
tp_pdf_finish (TpPdf   *self,
               GError **error)
{
  g_autoptr(GArray) page_objects = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) font_objects = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) annotations = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GString) s = g_string_new (NULL);
  guint outlines;
  gsize xref;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->cr == NULL, NULL);
  g_return_val_if_fail (self->out != NULL, NULL);
  g_return_val_if_fail (self->pages->len > 0, NULL);

  if (self->unsupported != NULL)
    {
      g_set_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED,
                   "The PDF writer cannot write %s", self->unsupported);
      return NULL;
    }

  for (guint i = 0; i < self->font_list->len; i++)
    {
      guint number = reserve_object (self);

      if (!write_font (self, g_ptr_array_index (self->font_list, i), number))
        {
          g_set_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED,
                       "The PDF writer cannot subset a font");
          return NULL;
        }
      g_array_append_val (font_objects, number);
    }

  /* Resources, shared by every page. */
  begin_object (self, OBJ_RESOURCES);
  out_append (self, "<< /Font <<");
  for (guint i = 0; i < font_objects->len; i++)
    out_printf (self, " /F%u %u 0 R", i, g_array_index (font_objects, guint, i));
  out_append (self, " >> /ExtGState <<");
  for (guint i = 0; i < self->fill_alphas->len; i++)
    {
      g_string_truncate (s, 0);
      g_string_append_printf (s, " /ca%u << /Type /ExtGState /ca ", i);
      put_number (s, g_array_index (self->fill_alphas, int, i) / 1000.0);
      g_string_append (s, ">>");
      out_append (self, s->str);
    }
  for (guint i = 0; i < self->stroke_alphas->len; i++)
    {
      g_string_truncate (s, 0);
      g_string_append_printf (s, " /CA%u << /Type /ExtGState /CA ", i);
      put_number (s, g_array_index (self->stroke_alphas, int, i) / 1000.0);
      g_string_append (s, ">>");
      out_append (self, s->str);
    }
  out_append (self, " >> >>\n");
  end_object (self);

  /* Page numbers first: links and bookmarks point at them. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      guint number = reserve_object (self);

      g_array_append_val (page_objects, number);
    }
  g_array_set_size (annotations, self->links->len);
  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      guint number = reserve_object (self);

      g_array_index (annotations, guint, i) = number;
      g_string_truncate (s, 0);
      g_string_append (s, "<< /Type /Annot /Subtype /Link /Rect [");
      for (int k = 0; k < 4; k++)
        put_number (s, link->rect[k]);
      g_string_append (s, "] /Border [0 0 0]");
      put_destination (self, s, page_objects, link->target_page, link->target_y);
      g_string_append (s, " >>\n");
      begin_object (self, number);
      out_append (self, s->str);
      end_object (self);
    }

  for (guint i = 0; i < self->pages->len; i++)
    {
      Page *page = &g_array_index (self->pages, Page, i);
      gboolean any = FALSE;

      g_string_truncate (s, 0);
      g_string_append_printf (s, "<< /Type /Page /Parent %u 0 R /MediaBox [0 0 ", OBJ_PAGES);
      put_point (s, page->width, page->height);
      g_string_append_printf (s, "] /Resources %u 0 R /Contents %u 0 R", OBJ_RESOURCES, page->contents);
      for (guint k = 0; k < self->links->len; k++)
        if (g_array_index (self->links, Link, k).page == i)
          {
            g_string_append_printf (s, "%s%u 0 R", any ? " " : " /Annots [", g_array_index (annotations, guint, k));
            any = TRUE;
          }
      g_string_append (s, any ? "] >>\n" : " >>\n");
      begin_object (self, g_array_index (page_objects, guint, i));
      out_append (self, s->str);
      end_object (self);
    }

  outlines = write_outlines (self, page_objects);

  begin_object (self, OBJ_PAGES);
  out_append (self, "<< /Type /Pages /Kids [");
  for (guint i = 0; i < page_objects->len; i++)
    out_printf (self, "%s%u 0 R", i > 0 ? " " : "", g_array_index (page_objects, guint, i));
  out_printf (self, "] /Count %u >>\n", page_objects->len);
  end_object (self);

  begin_object (self, OBJ_CATALOG);
  if (outlines != 0)
    out_printf (self, "<< /Type /Catalog /Pages %u 0 R /Outlines %u 0 R /PageMode /UseOutlines >>\n",
                OBJ_PAGES, outlines);
  else
    out_printf (self, "<< /Type /Catalog /Pages %u 0 R >>\n", OBJ_PAGES);
  end_object (self);

  write_info (self);

  xref = self->out->len;
  out_printf (self, "xref\n0 %u\n0000000000 65535 f \n", self->next_object);
  for (guint i = 1; i < self->next_object; i++)
    out_printf (self, "%010" G_GSIZE_FORMAT " 00000 n \n",
                i < self->offsets->len ? g_array_index (self->offsets, gsize, i) : 0);
  out_printf (self, "trailer\n<< /Size %u /Root %u 0 R /Info %u 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
              self->next_object, OBJ_CATALOG, OBJ_INFO, xref);

  return g_byte_array_free_to_bytes (g_steal_pointer (&self->out));
}
