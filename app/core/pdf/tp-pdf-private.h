/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <hb.h>
#include <math.h>
#include <string.h>
#include <zlib.h>

#include "tp-pdf.h"

G_BEGIN_DECLS

/* The writer's insides, shared by its files: tp-pdf.c (objects, pages,
 * bookmarks, links, the file), tp-pdf-paint.c (graphics state, paths and
 * painting operators), tp-pdf-font.c (text; fonts subset and embedded). */

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

#define CHUNK_SIZE (256 * 1024)

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
  gboolean    counting;      /* tp_pdf_set_counting(): no text is written */
};

/* tp-pdf.c */
void     tp_pdf_set_unsupported (TpPdf        *self,
                                 const char   *why);
void     tp_pdf_out_append      (TpPdf        *self,
                                 const char   *text);
void     tp_pdf_out_printf      (TpPdf        *self,
                                 const char   *format,
                                 ...) G_GNUC_PRINTF (2, 3);
guint    tp_pdf_reserve_object  (TpPdf        *self);
void     tp_pdf_begin_object    (TpPdf        *self,
                                 guint         number);
void     tp_pdf_end_object      (TpPdf        *self);
void     tp_pdf_write_stream    (TpPdf        *self,
                                 guint         number,
                                 const char   *extra,
                                 const guint8 *data,
                                 gsize         length,
                                 int           level);

/* tp-pdf-paint.c */
void     tp_pdf_state_reset     (State        *state);
/* Sets the fill (or stroke) colour and alpha to the source's; FALSE
 * (and the file unsupported) when the source is not a colour. */
gboolean tp_pdf_use_source      (TpPdf        *self,
                                 cairo_t      *cr,
                                 gboolean      stroke);
#define use_fill_source(self, cr) tp_pdf_use_source ((self), (cr), FALSE)
#define use_stroke_source(self, cr) tp_pdf_use_source ((self), (cr), TRUE)

/* tp-pdf-font.c */
void     tp_pdf_font_free       (gpointer      data);
/* The Type0 font @type0 with its descendant, descriptor, subset program
 * and ToUnicode map; FALSE when HarfBuzz cannot subset it. */
gboolean tp_pdf_write_font      (TpPdf        *self,
                                 Font         *font,
                                 guint         type0);

/* Writers used for every operator: inline, as they were in one file. */

/* Hands the content so far to the deflater once a chunk is full. Called
 * between operators only. */
static inline void
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
static inline void
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
static inline void
put_number (GString *s,
            double   value)
{
  put_fixed (s, value, 3);
}

/* A matrix coefficient: six decimals, since a small scale multiplies
 * every position it applies to (0.0169 must not become 0.017). */
static inline void
put_coefficient (GString *s,
                 double   value)
{
  put_fixed (s, value, 6);
}

#define put_op(s, op) append ((s), op "\n", sizeof op)
#define put_text(s, text) append ((s), text, sizeof text - 1)

static inline void
put_point (GString *s,
           double   x,
           double   y)
{
  put_number (s, x);
  put_number (s, y);
}

static const char hex_digits[] = "0123456789abcdef";

static inline void
put_glyph_id (GString *s,
              guint    gid)
{
  char hex[4] = {
    hex_digits[(gid >> 12) & 0xf], hex_digits[(gid >> 8) & 0xf],
    hex_digits[(gid >> 4) & 0xf], hex_digits[gid & 0xf],
  };

  append (s, hex, 4);
}

static inline void
put_utf16_hex (GString    *s,
               const char *utf8)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);

  if (utf16 == NULL)
    return;
  for (gunichar2 *p = utf16; *p != 0; p++)
    put_glyph_id (s, *p);
}

G_END_DECLS
