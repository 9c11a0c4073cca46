/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-pdf-private.h"

G_DEFINE_QUARK (tp-pdf-error-quark, tp_pdf_error)

static GByteArray *deflater_finish (Deflater *deflater);

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
  self->font_list = g_ptr_array_new_with_free_func (tp_pdf_font_free);
  self->fill_alphas = g_array_new (FALSE, FALSE, sizeof (int));
  self->stroke_alphas = g_array_new (FALSE, FALSE, sizeof (int));
  self->outlines = g_array_new (FALSE, FALSE, sizeof (Outline));
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  /* Binary bytes in the comment tell transfer programs the file is binary. */
  tp_pdf_out_append (self, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
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

void
tp_pdf_set_unsupported (TpPdf      *self,
                        const char *why)
{
  if (self->unsupported == NULL)
    self->unsupported = g_strdup (why);
}

/* Output */

void
tp_pdf_out_append (TpPdf      *self,
                   const char *text)
{
  g_byte_array_append (self->out, (const guint8 *) text, strlen (text));
}

void
tp_pdf_out_printf (TpPdf      *self,
                   const char *format,
                   ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  tp_pdf_out_append (self, text);
}

guint
tp_pdf_reserve_object (TpPdf *self)
{
  return self->next_object++;
}

void
tp_pdf_begin_object (TpPdf *self,
                     guint  number)
{
  gsize offset = self->out->len;

  if (self->offsets->len <= number)
    g_array_set_size (self->offsets, number + 1);
  g_array_index (self->offsets, gsize, number) = offset;
  tp_pdf_out_printf (self, "%u 0 obj\n", number);
}

void
tp_pdf_end_object (TpPdf *self)
{
  tp_pdf_out_append (self, "endobj\n");
}

/* A stream object of deflated data; @extra goes into its dictionary. */
static void
write_packed_stream (TpPdf        *self,
                     guint         number,
                     const char   *extra,
                     const guint8 *packed,
                     gsize         length)
{
  tp_pdf_begin_object (self, number);
  tp_pdf_out_printf (self, "<< /Length %" G_GSIZE_FORMAT " /Filter /FlateDecode%s%s >>\nstream\n",
                     length, extra != NULL ? " " : "", extra != NULL ? extra : "");
  g_byte_array_append (self->out, packed, length);
  tp_pdf_out_append (self, "\nendstream\n");
  tp_pdf_end_object (self);
}

void
tp_pdf_write_stream (TpPdf        *self,
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

void
tp_pdf_set_counting (TpPdf    *self,
                     gboolean  counting)
{
  g_return_if_fail (self != NULL);

  self->counting = counting;
}

gboolean
tp_pdf_is_unsupported (TpPdf *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->unsupported != NULL;
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
  tp_pdf_state_reset (&self->state);
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
    tp_pdf_pop_state (self);

  /* A drawing error (a singular matrix, say): let cairo's writer report it. */
  if (cairo_status (self->cr) != CAIRO_STATUS_SUCCESS)
    tp_pdf_set_unsupported (self, cairo_status_to_string (cairo_status (self->cr)));

  /* Anything that reached the shadow surface bypassed the writer. */
  cairo_recording_surface_ink_extents (self->shadow, &x, &y, &w, &h);
  if (w > 0 && h > 0)
    {
      g_critical ("Drawing on a PDF page bypassed the writer");
      tp_pdf_set_unsupported (self, "drawing that bypassed the writer");
    }

  page.contents = tp_pdf_reserve_object (self);
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
  tp_pdf_out_append (self, s->str);
}

static void
write_info (TpPdf *self)
{
  static const char * const keys[TP_PDF_N_METADATA] = { "Title", "Author", "Subject", "Creator" };
  g_autoptr(GDateTime) now = self->date != NULL ? g_date_time_ref (self->date)
                             : g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "D:%Y%m%d%H%M%S");
  g_autofree char *zone = g_date_time_format (now, "%z");

  tp_pdf_begin_object (self, OBJ_INFO);
  tp_pdf_out_append (self, "<<");
  for (int i = 0; i < TP_PDF_N_METADATA; i++)
    put_text_string (self, keys[i], self->metadata[i]);
  tp_pdf_out_append (self, " /Producer (Touchpoint)");
  /* D:YYYYMMDDHHmmSS+HH'mm' */
  tp_pdf_out_printf (self, " /CreationDate (%s%c%.2s'%.2s')", date, zone[0], zone + 1, zone + 3);
  tp_pdf_out_append (self, " >>\n");
  tp_pdf_end_object (self);
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
  root = tp_pdf_reserve_object (self);
  first = self->next_object;
  self->next_object += self->outlines->len;
#define OUTLINE_OBJECT(id) (first + (guint) (id) - 1)

  tp_pdf_begin_object (self, root);
  tp_pdf_out_printf (self, "<< /Type /Outlines /First %u 0 R /Last %u 0 R /Count %u >>\n",
                     OUTLINE_OBJECT (self->outline_first), OUTLINE_OBJECT (self->outline_last), self->n_outline_top);
  tp_pdf_end_object (self);

  for (guint i = 0; i < self->outlines->len; i++)
    {
      Outline *outline = &g_array_index (self->outlines, Outline, i);

      tp_pdf_begin_object (self, OUTLINE_OBJECT (i + 1));
      tp_pdf_out_append (self, "<<");
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
      tp_pdf_out_append (self, s->str);
      tp_pdf_end_object (self);
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
      guint number = tp_pdf_reserve_object (self);

      if (!tp_pdf_write_font (self, g_ptr_array_index (self->font_list, i), number))
        {
          g_set_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED,
                       "The PDF writer cannot subset a font");
          return NULL;
        }
      g_array_append_val (font_objects, number);
    }

  /* Resources, shared by every page. */
  tp_pdf_begin_object (self, OBJ_RESOURCES);
  tp_pdf_out_append (self, "<< /Font <<");
  for (guint i = 0; i < font_objects->len; i++)
    tp_pdf_out_printf (self, " /F%u %u 0 R", i, g_array_index (font_objects, guint, i));
  tp_pdf_out_append (self, " >> /ExtGState <<");
  for (guint i = 0; i < self->fill_alphas->len; i++)
    {
      g_string_truncate (s, 0);
      g_string_append_printf (s, " /ca%u << /Type /ExtGState /ca ", i);
      put_number (s, g_array_index (self->fill_alphas, int, i) / 1000.0);
      g_string_append (s, ">>");
      tp_pdf_out_append (self, s->str);
    }
  for (guint i = 0; i < self->stroke_alphas->len; i++)
    {
      g_string_truncate (s, 0);
      g_string_append_printf (s, " /CA%u << /Type /ExtGState /CA ", i);
      put_number (s, g_array_index (self->stroke_alphas, int, i) / 1000.0);
      g_string_append (s, ">>");
      tp_pdf_out_append (self, s->str);
    }
  tp_pdf_out_append (self, " >> >>\n");
  tp_pdf_end_object (self);

  /* Page numbers first: links and bookmarks point at them. */
  for (guint i = 0; i < self->pages->len; i++)
    {
      guint number = tp_pdf_reserve_object (self);

      g_array_append_val (page_objects, number);
    }
  g_array_set_size (annotations, self->links->len);
  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);
      guint number = tp_pdf_reserve_object (self);

      g_array_index (annotations, guint, i) = number;
      g_string_truncate (s, 0);
      g_string_append (s, "<< /Type /Annot /Subtype /Link /Rect [");
      for (int k = 0; k < 4; k++)
        put_number (s, link->rect[k]);
      g_string_append (s, "] /Border [0 0 0]");
      put_destination (self, s, page_objects, link->target_page, link->target_y);
      g_string_append (s, " >>\n");
      tp_pdf_begin_object (self, number);
      tp_pdf_out_append (self, s->str);
      tp_pdf_end_object (self);
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
      tp_pdf_begin_object (self, g_array_index (page_objects, guint, i));
      tp_pdf_out_append (self, s->str);
      tp_pdf_end_object (self);
    }

  outlines = write_outlines (self, page_objects);

  tp_pdf_begin_object (self, OBJ_PAGES);
  tp_pdf_out_append (self, "<< /Type /Pages /Kids [");
  for (guint i = 0; i < page_objects->len; i++)
    tp_pdf_out_printf (self, "%s%u 0 R", i > 0 ? " " : "", g_array_index (page_objects, guint, i));
  tp_pdf_out_printf (self, "] /Count %u >>\n", page_objects->len);
  tp_pdf_end_object (self);

  tp_pdf_begin_object (self, OBJ_CATALOG);
  if (outlines != 0)
    tp_pdf_out_printf (self, "<< /Type /Catalog /Pages %u 0 R /Outlines %u 0 R /PageMode /UseOutlines >>\n",
                       OBJ_PAGES, outlines);
  else
    tp_pdf_out_printf (self, "<< /Type /Catalog /Pages %u 0 R >>\n", OBJ_PAGES);
  tp_pdf_end_object (self);

  write_info (self);

  xref = self->out->len;
  tp_pdf_out_printf (self, "xref\n0 %u\n0000000000 65535 f \n", self->next_object);
  for (guint i = 1; i < self->next_object; i++)
    tp_pdf_out_printf (self, "%010" G_GSIZE_FORMAT " 00000 n \n",
                       i < self->offsets->len ? g_array_index (self->offsets, gsize, i) : 0);
  tp_pdf_out_printf (self, "trailer\n<< /Size %u /Root %u 0 R /Info %u 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                     self->next_object, OBJ_CATALOG, OBJ_INFO, xref);

  return g_byte_array_free_to_bytes (g_steal_pointer (&self->out));
}
