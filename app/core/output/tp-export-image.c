/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <png.h>

#include "tp-export-private.h"
#include "tp-render-backend.h"

/* Export to images: PNG and SVG. */

/* PNG, written strip by strip: the whole image never sits in memory, so
 * a 32,767-pixel-high map needs a few MB instead of a few hundred. */

#define STRIP_PIXELS (4 * 1024 * 1024)

typedef struct {
  GByteArray *buffer;
  char        message[256];
} PngSink;

static void
on_png_write (png_structp png,
              png_bytep   data,
              png_size_t  length)
{
  PngSink *sink = png_get_io_ptr (png);

  g_byte_array_append (sink->buffer, data, length);
}

static void
on_png_flush (png_structp png)
{
}

G_GNUC_NORETURN static void
on_png_error (png_structp     png,
              png_const_charp message)
{
  PngSink *sink = png_get_error_ptr (png);

  g_strlcpy (sink->message, message, sizeof sink->message);
  png_longjmp (png, 1);
}

static void
on_png_warning (png_structp     png,
                png_const_charp message)
{
}

/* One strip's rows, from cairo's premultiplied native-endian ARGB to
 * PNG's RGB, or straight RGBA when transparent. */
static void
write_strip_rows (png_structp    png,
                  const guchar  *data,
                  int            stride,
                  int            width,
                  int            rows,
                  gboolean       alpha,
                  guchar        *row)
{
  for (int y = 0; y < rows; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);
      guchar *dst = row;

      for (int x = 0; x < width; x++)
        {
          guint32 p = src[x];
          guint a = p >> 24;
          guint r = (p >> 16) & 0xff;
          guint g = (p >> 8) & 0xff;
          guint b = p & 0xff;

          if (alpha)
            {
              if (a != 0 && a != 255)
                {
                  r = (r * 255 + a / 2) / a;
                  g = (g * 255 + a / 2) / a;
                  b = (b * 255 + a / 2) / a;
                }
              *dst++ = r;
              *dst++ = g;
              *dst++ = b;
              *dst++ = a;
            }
          else
            {
              *dst++ = r;
              *dst++ = g;
              *dst++ = b;
            }
        }
      png_write_row (png, row);
    }
}

static gboolean
encode_png (Export     *ex,
            double      scale,
            int         width,
            int         height,
            gboolean    transparent,
            GByteArray *buffer,
            GError    **error)
{
  PngSink sink = { buffer, "" };
  png_structp png;
  png_infop info;
  /* Set after setjmp() and needed after a longjmp(). */
  cairo_surface_t *volatile strip = NULL;
  guchar *volatile row = NULL;
  int strip_rows = CLAMP (STRIP_PIXELS / width, 1, height);
  /* Pixels per metre, so viewers and printers know the size. */
  png_uint_32 ppm = (png_uint_32) round (scale * 72.0 / 0.0254);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &sink, on_png_error, on_png_warning);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_RENDER, _("Out of memory"));
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_clear_pointer ((cairo_surface_t **) &strip, cairo_surface_destroy);
      g_free (row);
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_RENDER,
                   /* Translators: %s is libpng's reason */
                   _("Could not write the PNG image: %s"), sink.message);
      return FALSE;
    }

  png_set_write_fn (png, &sink, on_png_write, on_png_flush);
  png_set_IHDR (png, info, width, height, 8,
                transparent ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_pHYs (png, info, ppm, ppm, PNG_RESOLUTION_METER);
  /* Maps are flat colours and text: the "up" filter and a light zlib level
   * compress them nearly as well as libpng's defaults, which try every
   * filter on every row, in a third of the time. */
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_compression_level (png, 3);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * 4);
  strip = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, strip_rows);
  for (int y0 = 0; y0 < height; y0 += strip_rows)
    {
      cairo_t *cr;
      cairo_status_t status;

      if (g_cancellable_is_cancelled (ex->cancellable))
        {
          g_strlcpy (sink.message, "cancelled", sizeof sink.message);
          png_longjmp (png, 1);
        }
      cr = cairo_create (strip);

      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_rgba (cr, 1, 1, 1, transparent ? 0 : 1);
      tp_gfx_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      /* Whole device pixels: strips join without a seam. */
      cairo_translate (cr, 0, -y0);
      cairo_scale (cr, scale, scale);
      tp_export_draw_content (cr, scale, ex);
      status = cairo_status (cr);
      cairo_destroy (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_strlcpy (sink.message, cairo_status_to_string (status), sizeof sink.message);
          png_longjmp (png, 1);
        }

      cairo_surface_flush (strip);
      write_strip_rows (png, cairo_image_surface_get_data (strip),
                        cairo_image_surface_get_stride (strip), width,
                        MIN (strip_rows, height - y0), transparent, row);
      cairo_surface_mark_dirty (strip);
    }
  png_write_end (png, info);

  png_destroy_write_struct (&png, &info);
  cairo_surface_destroy (strip);
  g_free (row);
  return TRUE;
}

GBytes *
tp_export_write_png (Export                *ex,
            const TpExportOptions *options,
            TpExportReport        *report,
            GError               **error)
{
  double scale = options->dpi > 0 ? options->dpi / 72.0 : options->scale;
  double wanted = scale;
  double limit;
  g_autoptr(GByteArray) buffer = NULL;
  int width, height;

  if (!(scale >= 0.1 && scale <= 16) || (options->dpi <= 0 && !(scale >= 1 && scale <= 4)))
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS,
                   _("The image scale must be between 1 and 4 (or 7 to 1152 dpi)"));
      return NULL;
    }

  /* Too large for image viewers (and cairo's PNG loader): scale down, and
   * say so. */
  limit = MIN (TP_EXPORT_MAX_PNG_SIDE / ex->width, TP_EXPORT_MAX_PNG_SIDE / ex->height);
  limit = MIN (limit, sqrt (TP_EXPORT_MAX_PNG_PIXELS / (ex->width * ex->height)));
  if (scale > limit)
    scale = floor (limit * 1000) / 1000;

  width = MAX (1, (int) ceil (ex->width * scale - 0.001));
  height = MAX (1, (int) ceil (ex->height * scale - 0.001));
  if (scale < wanted)
    report->warning = g_strdup_printf (_("The image would be %d × %d pixels, more than fits in a PNG "
                                         "export; it was scaled down to %d × %d (scale %.3g)"),
                                       (int) ceil (ex->width * wanted), (int) ceil (ex->height * wanted),
                                       width, height, scale);

  buffer = g_byte_array_new ();
  if (!encode_png (ex, scale, width, height, options->transparent, buffer, error))
    {
      if (g_cancellable_is_cancelled (ex->cancellable))
        {
          g_clear_error (error);
          g_cancellable_set_error_if_cancelled (ex->cancellable, error);
        }
      return NULL;
    }

  report->width_px = width;
  report->height_px = height;
  /* A pixel is a 1/96 inch on screen. */
  tp_export_report_text_size (ex, report, scale, 72.0 / 96.0);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* cairo's SVG surface: text as glyph outlines, no groups. Only when
 * something bypassed our writer. */
static GBytes *
write_svg_cairo (Export                *ex,
                 const TpExportOptions *options,
                 GError               **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_svg_surface_create_for_stream (tp_export_append_to_array, buffer, ex->width, ex->height);
  /* A document unit is a pixel at 100 % zoom: the SVG has the map's size. */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      tp_gfx_paint (cr);
    }
  tp_export_draw_content (cr, 1.0, ex);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!tp_export_check_cairo (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Our SVG writer (the draw layer's SVG backend): text stays text, and
 * lanes, stages and cards are groups named by their ids, for editing in
 * Inkscape or Illustrator. */
GBytes *
tp_export_write_svg (Export                *ex,
            const TpExportOptions *options,
            TpExportReport        *report,
            GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;
  cairo_t *cr;

  cr = tp_render_backend_svg_begin (ex->width, ex->height, tp_journey_get_title (ex->journey));
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      tp_gfx_paint (cr);
    }
  tp_export_draw_content (cr, 1.0, ex);
  bytes = tp_render_backend_svg_finish (cr, &local_error);
  cairo_destroy (cr);

  if (bytes == NULL && g_error_matches (local_error, TP_RENDER_BACKEND_ERROR, TP_RENDER_BACKEND_ERROR_UNSUPPORTED))
    {
      g_debug ("SVG export with cairo's surface: %s", local_error->message);
      bytes = write_svg_cairo (ex, options, error);
    }
  else if (bytes == NULL)
    g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_RENDER, "%s", local_error->message);
  if (bytes == NULL)
    return NULL;

  tp_export_report_text_size (ex, report, 1.0, 72.0 / 96.0);
  return bytes;
}
