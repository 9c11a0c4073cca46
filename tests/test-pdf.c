/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <zlib.h>

#include "tp-export.h"
#include "tp-pdf.h"
#include "tp-render-backend.h"
#include "tp-report-pdf.h"
#include "tp-test-util.h"

/* The PDF writer: its operators read back from the content stream, its
 * files read with poppler's tools, and its pages against cairo's. */

typedef struct {
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("tp-test-pdf-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
save_bytes (Fixture    *f,
            const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return path;
}

/* Like strstr, past NUL bytes. */
static const char *
find_bytes (const char *data,
            gsize       size,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return data + i;
  return NULL;
}

/* The first stream of the file (the first page's content), inflated. */
static char *
first_content (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *start = find_bytes (data, size, "stream\n");
  const char *end;
  g_autoptr(GByteArray) text = g_byte_array_new ();
  z_stream z = { 0 };
  guint8 buffer[16384];
  int status;

  g_assert_nonnull (start);
  start += strlen ("stream\n");
  end = find_bytes (start, size - (start - data), "\nendstream");
  g_assert_nonnull (end);

  g_assert_cmpint (inflateInit (&z), ==, Z_OK);
  z.next_in = (Bytef *) start;
  z.avail_in = (uInt) (end - start);
  do
    {
      z.next_out = buffer;
      z.avail_out = sizeof buffer;
      status = inflate (&z, Z_NO_FLUSH);
      g_assert_true (status == Z_OK || status == Z_STREAM_END);
      g_byte_array_append (text, buffer, sizeof buffer - z.avail_out);
    }
  while (status != Z_STREAM_END);
  inflateEnd (&z);
  g_byte_array_append (text, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&text), FALSE);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("%s does not contain \"%s\"", #haystack, (needle)); \
  } G_STMT_END

static void
test_operators (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  static const double dash[] = { 3, 2 };
  cairo_t *cr;

  cr = tp_render_backend_pdf_begin_page (pdf, 200, 100);
  g_assert_true (tp_render_backend_get (cr) != tp_render_backend_cairo ());
  /* Numbers: three decimals at most, no "-0", no exponent. (cairo keeps
   * paths in 1/256 units: 1234.5625 is exact, and rounds up.) */
  cairo_rectangle (cr, 10, 20, 30.5, 40.25);
  cairo_rectangle (cr, -0.0004, 1234.5625, -2.5, 1);
  cairo_set_source_rgba (cr, 1, 0, 0, 0.5);
  tp_gfx_fill (cr);

  tp_gfx_save (cr);
  cairo_scale (cr, 2, 2);
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_set_source_rgb (cr, 0, 0, 1);
  cairo_move_to (cr, 1, 1);
  cairo_line_to (cr, 11, 1);
  tp_gfx_stroke (cr);
  tp_gfx_restore (cr);

  tp_gfx_save (cr);
  cairo_rectangle (cr, 0, 0, 50, 50);
  tp_gfx_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_arc (cr, 25, 25, 10, 0, 2 * G_PI);
  tp_gfx_fill (cr);
  tp_gfx_restore (cr);
  tp_pdf_end_page (pdf);

  /* A second page, another size. */
  cr = tp_render_backend_pdf_begin_page (pdf, 300, 150);
  cairo_rectangle (cr, 1, 2, 3, 4);
  tp_gfx_fill (cr);
  tp_pdf_end_page (pdf);

  bytes = tp_pdf_finish (pdf, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  content = first_content (bytes);
  /* cairo's device space: y down from the top of the page. */
  g_assert_true (g_str_has_prefix (content, "1 0 0 -1 0 100 cm\n"));
  assert_contains (content, "1 0 0 rg\n/ca0 gs\n10 20 30.5 40.25 re\n0 1234.563 -2.5 1 re\nf\n");
  /* Line width and dashes in device units: the scale of 2 applied. */
  assert_contains (content, "q\n0 0 1 RG\n2 w\n[6 4 ] 0 d\n2 2 m\n22 2 l\nS\nQ\n");
  assert_contains (content, "0 0 50 50 re\nW n\n");
  assert_contains (content, " c\nf*\nQ\n");

  path = save_bytes (f, "operators.pdf", bytes);
  info = tp_test_run_tool ("PDFINFO", "-f", "1", "-l", "2", path, NULL);
  assert_contains (info, "Pages:           2");
  assert_contains (info, "Page    1 size:  200 x 100 pts");
  assert_contains (info, "Page    2 size:  300 x 150 pts");
}

static PangoLayout *
make_layout (const char *text,
             const char *font)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  PangoLayout *layout = pango_layout_new (context);

  g_object_unref (context);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
test_text (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PangoLayout) regular = make_layout ("Café in Zeeland: één patiënt, naïef", "Cantarell 12");
  g_autoptr(PangoLayout) bold = make_layout ("Wachtkamer Ω", "Cantarell Bold 14");
  g_autoptr(PangoLayout) sans = make_layout ("DejaVu ĳsje", "DejaVu Sans 10");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  cairo_t *cr;

  cr = tp_render_backend_pdf_begin_page (pdf, 400, 200);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 10, 10);
  tp_gfx_show_layout (cr, regular);
  cairo_move_to (cr, 10, 60);
  tp_gfx_show_layout (cr, bold);
  /* Turned and scaled: still text, still where cairo would put it. */
  cairo_translate (cr, 200, 150);
  cairo_rotate (cr, -G_PI / 2);
  cairo_scale (cr, 1.5, 1.5);
  cairo_move_to (cr, 0, 0);
  tp_gfx_show_layout (cr, sans);
  tp_pdf_end_page (pdf);
  bytes = tp_pdf_finish (pdf, &error);
  g_assert_no_error (error);

  path = save_bytes (f, "text.pdf", bytes);
  text = tp_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", path, "-", NULL);
  assert_contains (text, "Café in Zeeland: één patiënt, naïef");
  assert_contains (text, "Wachtkamer Ω");
  assert_contains (text, "DejaVu ĳsje");

  /* Every font embedded, as a subset, with a Unicode map. */
  fonts = tp_test_run_tool ("PDFFONTS", path, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n;

      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit_set (lines[i], " ", -1);
      /* name type... encoding emb sub uni object ID: count from the end. */
      g_strstrip (lines[i]);
      {
        g_autoptr(GPtrArray) words = g_ptr_array_new ();

        for (guint c = 0; columns[c] != NULL; c++)
          if (columns[c][0] != '\0')
            g_ptr_array_add (words, columns[c]);
        n = words->len;
        g_assert_cmpuint (n, >=, 7);
        g_assert_cmpstr (g_ptr_array_index (words, n - 5), ==, "yes");  /* emb */
        g_assert_cmpstr (g_ptr_array_index (words, n - 4), ==, "yes");  /* sub */
        g_assert_cmpstr (g_ptr_array_index (words, n - 3), ==, "yes");  /* uni */
        g_assert_nonnull (strchr (g_ptr_array_index (words, 0), '+'));
      }
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, ==, 3);
}

static void
test_unsupported_source (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 100, 0);
  cairo_t *cr;

  cairo_pattern_add_color_stop_rgb (gradient, 0, 1, 0, 0);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0, 0, 1);
  cr = tp_render_backend_pdf_begin_page (pdf, 100, 100);
  cairo_rectangle (cr, 0, 0, 100, 100);
  cairo_set_source (cr, gradient);
  tp_gfx_fill (cr);
  tp_pdf_end_page (pdf);
  cairo_pattern_destroy (gradient);

  bytes = tp_pdf_finish (pdf, &error);
  g_assert_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED);
  g_assert_null (bytes);
}

static void
test_bypass_detected (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_t *cr;

  cr = tp_render_backend_pdf_begin_page (pdf, 100, 100);
  cairo_rectangle (cr, 10, 10, 20, 20);
  /* Painted with cairo: the writer never sees it. */
  cairo_fill (cr);
  g_test_expect_message ("Touchpoint-Core", G_LOG_LEVEL_CRITICAL, "*bypassed*");
  tp_pdf_end_page (pdf);
  g_test_assert_expected_messages ();

  bytes = tp_pdf_finish (pdf, &error);
  g_assert_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED);
  g_assert_null (bytes);
}

static void
test_missing_glyph (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  /* A private-use code point of plane 16: no font draws it, so pango
   * gives an "unknown glyph", which the screen shows as a box with its
   * code. */
  g_autoptr(PangoLayout) layout = make_layout ("Box: \xf4\x8f\xbf\xbd", "Cantarell 12");
  cairo_t *cr;

  cr = tp_render_backend_pdf_begin_page (pdf, 200, 100);
  cairo_move_to (cr, 10, 10);
  tp_gfx_show_layout (cr, layout);
  tp_pdf_end_page (pdf);
  bytes = tp_pdf_finish (pdf, &error);
  g_assert_error (error, TP_PDF_ERROR, TP_PDF_ERROR_UNSUPPORTED);
  g_assert_null (bytes);
}

/* pdftoppm's page as an image surface. */
static cairo_surface_t *
rasterize (Fixture    *f,
           const char *pdf_path,
           const char *name,
           guint       page)
{
  g_autofree char *prefix = g_build_filename (f->dir, name, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *out = tp_test_run_tool ("PDFTOPPM", "-r", "50", "-png", "-singlefile",
                                           "-f", number, "-l", number, pdf_path, prefix, NULL);
  cairo_surface_t *surface = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static GBytes *
export_pdf_tiled (TpJourney  *journey,
                  gboolean    with_cairo,
                  gboolean    tiled)
{
  g_autoptr(GError) error = NULL;
  TpExportOptions options;
  GBytes *bytes;

  tp_export_options_init (&options);
  options.use_cairo_pdf = with_cairo;
  options.format = TP_EXPORT_FORMAT_PDF;
  options.title_block = TRUE;
  options.show_employee_overlay = TRUE;
  if (tiled)
    {
      /* An A1 poster on A4 sheets: the overview page's heading and the
       * sheets' labels are laid out on the page itself. */
      options.paper = TP_PAPER_A1;
      options.tile = TRUE;
      options.tile_paper = TP_PAPER_A4;
    }
  bytes = tp_export_to_bytes (journey, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  tp_export_options_clear (&options);
  return bytes;
}

static GBytes *
export_pdf (TpJourney *journey,
            gboolean   with_cairo)
{
  return export_pdf_tiled (journey, with_cairo, FALSE);
}

/* The number of pixels of page @page that differ between the two files
 * by more than antialiasing does. */
static guint
count_differing_pixels (Fixture    *f,
                        const char *a_path,
                        const char *b_path,
                        guint       page,
                        guint      *n_pixels)
{
  cairo_surface_t *a = rasterize (f, a_path, "a", page);
  cairo_surface_t *b = rasterize (f, b_path, "b", page);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  guint differing = 0;

  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 3; c++)
        if (ABS (pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c]) > 64)
          {
            differing++;
            break;
          }
  *n_pixels = (guint) (width * height);
  g_test_message ("page %u: %u of %u pixels differ", page, differing, *n_pixels);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return differing;
}

/* Exports @journey with both writers; checks that each wrote its file,
 * that the text is the same and the pages look the same, but for
 * antialiasing at the edges. Returns our writer's text. */
static char *
compare_writers (Fixture   *f,
                 TpJourney *journey)
{
  g_autoptr(GBytes) ours = export_pdf (journey, FALSE);
  g_autoptr(GBytes) cairos = export_pdf (journey, TRUE);
  g_autofree char *ours_path = save_bytes (f, "ours.pdf", ours);
  g_autofree char *cairos_path = save_bytes (f, "cairo.pdf", cairos);
  g_autofree char *ours_info = tp_test_run_tool ("PDFINFO", ours_path, NULL);
  g_autofree char *cairos_info = tp_test_run_tool ("PDFINFO", cairos_path, NULL);
  char *ours_text = tp_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", ours_path, "-", NULL);
  g_autofree char *cairos_text = tp_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", cairos_path, "-", NULL);
  guint n_pixels;

  /* Which writer wrote each. */
  assert_contains (ours_info, "Producer:        Touchpoint");
  assert_contains (cairos_info, "Producer:        cairo");
  g_assert_cmpstr (ours_text, ==, cairos_text);
  g_assert_cmpuint (count_differing_pixels (f, ours_path, cairos_path, 1, &n_pixels), <, n_pixels / 500);
  return ours_text;
}

static void
test_same_as_cairo (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_nl_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autofree char *text = compare_writers (f, journey);

  assert_contains (text, "patiënt");
}

/* Right-to-left scripts and combining marks: glyphs in visual order,
 * clusters of several characters, positions from pango's shaping. */
static void
test_scripts (Fixture       *f,
              gconstpointer  data)
{
  static const char * const titles[] = {
    "שלום עולם, בית חולים",
    "مرحبا بالعالم في المستشفى",
    "e\xcc\x81" "cole et cafe\xcc\x81 na\xcc\x88ive",
    "Ωmega → fi ffl",
    /* Soft hyphens, where the card breaks the word. */
    "Super\xc2\xad" "cali\xc2\xad" "fragilistic\xc2\xad" "expiali\xc2\xad" "docious\xc2\xad" "balie",
  };
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(GObject) tp = g_list_model_get_item (touchpoints, i);

      g_object_set (tp, "title", titles[i], NULL);
    }
  text = compare_writers (f, journey);
  assert_contains (text, "Ωmega");
}

/* A poster on sheets: the overview page and a sheet look the same through
 * both writers (text laid out on the page itself, clips, marks). */
static void
test_tiled_same_as_cairo (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_nl_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GBytes) ours = export_pdf_tiled (journey, FALSE, TRUE);
  g_autoptr(GBytes) cairos = export_pdf_tiled (journey, TRUE, TRUE);
  g_autofree char *ours_path = save_bytes (f, "ours-tiled.pdf", ours);
  g_autofree char *cairos_path = save_bytes (f, "cairo-tiled.pdf", cairos);
  guint n_pixels;

  for (guint page = 1; page <= 3; page++)
    g_assert_cmpuint (count_differing_pixels (f, ours_path, cairos_path, page, &n_pixels), <, n_pixels / 500);
}

/* A character no font has: the export falls back to cairo's writer, which
 * draws the box the screen shows. */
static void
test_missing_glyph_export (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GObject) tp = g_list_model_get_item (tp_journey_get_touchpoints (journey), 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  g_object_set (tp, "title", "Box \xf4\x8f\xbf\xbd", NULL);
  bytes = export_pdf (journey, FALSE);
  path = save_bytes (f, "fallback.pdf", bytes);
  info = tp_test_run_tool ("PDFINFO", path, NULL);
  assert_contains (info, "Producer:        cairo");
}

/* Content larger than the chunks handed to the compressing thread. */
static void
test_large_content (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (6, 600, 7);
  g_autoptr(GBytes) bytes = export_pdf (journey, FALSE);
  g_autofree char *content = first_content (bytes);
  g_autofree char *path = save_bytes (f, "large.pdf", bytes);
  g_autofree char *text = tp_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", path, "-", NULL);

  g_assert_cmpuint (strlen (content), >, 3 * 256 * 1024);
  assert_contains (text, "Touchpoint 1 with a");
  assert_contains (text, "Touchpoint 300 with a");
  assert_contains (text, "Touchpoint 600 with a");

  /* Texts measured on two threads come from two font maps: each font
   * file is still embedded once. */
  {
    g_autofree char *fonts = tp_test_run_tool ("PDFFONTS", path, NULL);
    g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
    g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 2; lines[i] != NULL; i++)
      {
        char *plus = strchr (lines[i], '+');
        char *space = plus != NULL ? strchr (plus, ' ') : NULL;

        if (space == NULL)
          continue;
        *space = '\0';
        g_assert_false (g_hash_table_contains (names, plus + 1));
        g_hash_table_add (names, plus + 1);
      }
    g_assert_cmpuint (g_hash_table_size (names), >=, 2);
  }
}

/* ---- bookmarks, links and the report ---- */

/* The page objects' numbers, in page order, from the page tree. */
static GArray *
page_objects (GBytes *pdf)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  const char *kids = find_bytes (data, size, "/Kids [");
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (guint));
  char *end;

  g_assert_nonnull (kids);
  kids += strlen ("/Kids [");
  while (*kids != ']')
    {
      guint number = (guint) g_ascii_strtoull (kids, &end, 10);

      g_assert_true (end != kids && g_str_has_prefix (end, " 0 R"));
      g_array_append_val (pages, number);
      kids = end + strlen (" 0 R");
      if (*kids == ' ')
        kids++;
    }
  return pages;
}

typedef struct {
  char    *title;   /* NULL for a link */
  guint    page;    /* 1-based; 0: none */
  double   top;
  gboolean bold;
  gboolean child;
} Target;

static void
target_clear (gpointer data)
{
  g_free (((Target *) data)->title);
}

/* "<feff...>" to UTF-8. */
static char *
decode_text_string (const char *hex,
                    gsize       length)
{
  g_autoptr(GArray) units = g_array_new (TRUE, TRUE, sizeof (gunichar2));

  g_assert_true (g_str_has_prefix (hex, "<feff"));
  for (gsize i = 5; i + 4 <= length && hex[i] != '>'; i += 4)
    {
      char digits[5] = { hex[i], hex[i + 1], hex[i + 2], hex[i + 3], 0 };
      gunichar2 unit = (gunichar2) g_ascii_strtoull (digits, NULL, 16);

      g_array_append_val (units, unit);
    }
  return g_utf16_to_utf8 ((gunichar2 *) units->data, units->len, NULL, NULL, NULL);
}

/* The bookmarks (with @links FALSE) or the link annotations of the file,
 * in the order of their objects, with the pages they lead to. */
static GArray *
read_targets (GBytes   *pdf,
              gboolean  links)
{
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  /* Streams hold NUL bytes: a string of the rest. */
  g_autofree char *text = g_malloc (size + 1);
  g_autoptr(GArray) pages = page_objects (pdf);
  g_autoptr(GRegex) regex = g_regex_new (links ? "/Subtype /Link /Rect \\[[^]]*\\] /Border \\[0 0 0\\]( /Dest \\[(\\d+) 0 R /XYZ 0 ([0-9.]+) null\\])?"
                                               : "<< /Title (<feff[0-9a-f]*>) /Parent (\\d+) 0 R[^>]*?( /Dest \\[(\\d+) 0 R /XYZ 0 ([0-9.]+) null\\])?( /F 2)? >>",
                                         G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *targets = g_array_new (FALSE, TRUE, sizeof (Target));
  guint root = 0;
  const char *outlines;

  for (gsize i = 0; i < size; i++)
    text[i] = data[i] != '\0' ? data[i] : ' ';
  text[size] = '\0';
  outlines = strstr (text, "/Type /Outlines");
  g_array_set_clear_func (targets, target_clear);
  /* The root's number: the object that holds its dictionary. */
  if (outlines != NULL)
    {
      const char *p = outlines;

      while (p > text && !g_str_has_prefix (p, " 0 obj"))
        p--;
      while (p > text && g_ascii_isdigit (p[-1]))
        p--;
      root = (guint) g_ascii_strtoull (p, NULL, 10);
    }

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      Target target = { 0 };
      g_autofree char *title = g_match_info_fetch (match, 1);
      g_autofree char *object = g_match_info_fetch (match, links ? 2 : 4);
      g_autofree char *top = g_match_info_fetch (match, links ? 3 : 5);

      if (!links)
        {
          g_autofree char *parent = g_match_info_fetch (match, 2);
          g_autofree char *bold = g_match_info_fetch (match, 6);

          target.title = decode_text_string (title, strlen (title));
          target.child = (guint) g_ascii_strtoull (parent, NULL, 10) != root;
          target.bold = bold != NULL && *bold != '\0';
        }
      for (guint i = 0; object != NULL && *object != '\0' && i < pages->len; i++)
        if (g_array_index (pages, guint, i) == (guint) g_ascii_strtoull (object, NULL, 10))
          target.page = i + 1;
      target.top = top != NULL && *top != '\0' ? g_ascii_strtod (top, NULL) : -1;
      g_array_append_val (targets, target);
      g_match_info_next (match, NULL);
    }
  return targets;
}

/* Bookmarks and links to pages drawn later: a proper outline tree, and
 * destinations in PDF's coordinates (y up from the bottom). */
static void
test_outlines_and_links (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) outlines = NULL;
  g_autoptr(GArray) links = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  cairo_t *cr;
  int first, second;

  first = tp_pdf_add_outline (pdf, 0, "Eerste “één”", 3, 100, TRUE);
  second = tp_pdf_add_outline (pdf, 0, "Second", 2, 0, TRUE);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (second, >, first);
  tp_pdf_add_outline (pdf, first, "Child", 1, 50, FALSE);
  tp_pdf_add_outline (pdf, first, "Nowhere", 9, 0, FALSE);

  cr = tp_render_backend_pdf_begin_page (pdf, 200, 300);
  cairo_translate (cr, 10, 20);
  tp_pdf_add_link (pdf, 5, 5, 50, 10, 3, 40);
  tp_pdf_end_page (pdf);
  tp_render_backend_pdf_begin_page (pdf, 300, 200);
  tp_pdf_end_page (pdf);
  tp_render_backend_pdf_begin_page (pdf, 200, 300);
  tp_pdf_end_page (pdf);
  bytes = tp_pdf_finish (pdf, &error);
  g_assert_no_error (error);

  g_assert_nonnull (find_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                "/PageMode /UseOutlines"));
  outlines = read_targets (bytes, FALSE);
  g_assert_cmpuint (outlines->len, ==, 4);
  g_assert_cmpstr (g_array_index (outlines, Target, 0).title, ==, "Eerste “één”");
  g_assert_cmpuint (g_array_index (outlines, Target, 0).page, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (outlines, Target, 0).top, 200, 0.001);
  g_assert_true (g_array_index (outlines, Target, 0).bold);
  g_assert_false (g_array_index (outlines, Target, 0).child);
  g_assert_cmpstr (g_array_index (outlines, Target, 1).title, ==, "Second");
  g_assert_cmpuint (g_array_index (outlines, Target, 1).page, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (outlines, Target, 1).top, 200, 0.001);
  g_assert_cmpstr (g_array_index (outlines, Target, 2).title, ==, "Child");
  g_assert_true (g_array_index (outlines, Target, 2).child);
  g_assert_false (g_array_index (outlines, Target, 2).bold);
  g_assert_cmpuint (g_array_index (outlines, Target, 2).page, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (outlines, Target, 2).top, 250, 0.001);
  /* A page that was never drawn: the entry stays, without a destination. */
  g_assert_cmpuint (g_array_index (outlines, Target, 3).page, ==, 0);
  g_assert_nonnull (find_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "/Count -2"));
  g_assert_nonnull (find_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "/Count 2 >>"));

  links = read_targets (bytes, TRUE);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpuint (g_array_index (links, Target, 0).page, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (links, Target, 0).top, 260, 0.001);
  /* The rectangle through the page's transformation, flipped. */
  g_assert_nonnull (find_bytes (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                "/Rect [15 265 65 275 ]"));

  path = save_bytes (f, "outlines.pdf", bytes);
  info = tp_test_run_tool ("PDFINFO", path, NULL);
  assert_contains (info, "Pages:           3");
}

/* A line of a layout, at its baseline: the same as cairo's. */
static void
test_show_layout_line (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TpPdf) pdf = tp_pdf_new ();
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours_path = NULL;
  g_autofree char *cairos_path = g_build_filename (f->dir, "cairo-line.pdf", NULL);
  g_autofree char *text = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (cairos_path, 300, 200);
  guint n_pixels;

  for (int pass = 0; pass < 2; pass++)
    {
      cairo_t *cr = pass == 0 ? tp_render_backend_pdf_begin_page (pdf, 300, 200) : cairo_create (surface);
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string ("Sans 14");
      PangoLayoutIter *iter;

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_width (layout, 120 * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, "Patiënt\xc2\xad" "ervaring, wachttijd and a third line", -1);
      cairo_set_source_rgb (cr, 0.1, 0.3, 0.6);
      iter = pango_layout_get_iter (layout);
      do
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          /* Lines apart, each at its own baseline. */
          cairo_move_to (cr, 20 + (double) logical.x / PANGO_SCALE,
                         30 + 1.5 * pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
          tp_gfx_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      if (pass == 0)
        tp_pdf_end_page (pdf);
      else
        cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  ours = tp_pdf_finish (pdf, &error);
  g_assert_no_error (error);
  ours_path = save_bytes (f, "ours-line.pdf", ours);

  text = tp_test_run_tool ("PDFTOTEXT", "-enc", "UTF-8", ours_path, "-", NULL);
  assert_contains (text, "wachttijd");
  g_assert_cmpuint (count_differing_pixels (f, ours_path, cairos_path, 1, &n_pixels), <, n_pixels / 500);
}

static char *
write_report (Fixture    *f,
              TpJourney  *journey,
              gboolean    with_cairo,
              const char *name,
              GBytes    **bytes_out,
              guint      *n_pages)
{
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TpReportOptions options;

  tp_report_options_init (&options);
  options.use_cairo_pdf = with_cairo;
  report = tp_report_build (journey, &options);
  bytes = tp_report_pdf_write (report, n_pages, &error);
  g_assert_no_error (error);
  if (bytes_out != NULL)
    *bytes_out = g_bytes_ref (bytes);
  return save_bytes (f, name, bytes);
}

/* The page sizes pdfinfo lists, one line a page. */
static char *
page_sizes (const char *path,
            guint       n_pages)
{
  g_autofree char *last = g_strdup_printf ("%u", n_pages);
  g_autofree char *info = tp_test_run_tool ("PDFINFO", "-f", "1", "-l", last, path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  GString *sizes = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Page") && strstr (lines[i], " size:") != NULL)
      g_string_append_printf (sizes, "%s\n", lines[i]);
  return g_string_free (sizes, FALSE);
}

/* Without white space: a title may wrap. */
static char *
pack_space (const char *text)
{
  GString *packed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (packed, *p);
  return g_string_free (packed, FALSE);
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *text = tp_test_run_tool ("PDFTOTEXT", "-raw", "-enc", "UTF-8", "-f", number, "-l", number,
                                            path, "-", NULL);

  return pack_space (text);
}

/* The management report through our writer against cairo's: the same
 * text, pages and look, with bookmarks and contents links to the right
 * pages. */
static void
check_report (Fixture   *f,
              TpJourney *journey)
{
  g_autoptr(GBytes) ours = NULL;
  guint n_ours = 0, n_cairos = 0;
  g_autofree char *ours_path = write_report (f, journey, FALSE, "report-ours.pdf", &ours, &n_ours);
  g_autofree char *cairos_path = write_report (f, journey, TRUE, "report-cairo.pdf", NULL, &n_cairos);
  g_autofree char *ours_info = tp_test_run_tool ("PDFINFO", ours_path, NULL);
  g_autofree char *cairos_info = tp_test_run_tool ("PDFINFO", cairos_path, NULL);
  g_autofree char *ours_text = tp_test_run_tool ("PDFTOTEXT", "-raw", "-enc", "UTF-8", ours_path, "-", NULL);
  g_autofree char *cairos_text = tp_test_run_tool ("PDFTOTEXT", "-raw", "-enc", "UTF-8", cairos_path, "-", NULL);
  g_autofree char *ours_sizes = NULL;
  g_autofree char *cairos_sizes = NULL;
  g_autoptr(GArray) outlines = read_targets (ours, FALSE);
  g_autoptr(GArray) links = read_targets (ours, TRUE);
  guint n_sections = 0, n_pixels;

  assert_contains (ours_info, "Producer:        Touchpoint");
  assert_contains (cairos_info, "Producer:        cairo");
  g_assert_cmpuint (n_ours, ==, n_cairos);
  g_assert_cmpuint (n_ours, >, 5);
  ours_sizes = page_sizes (ours_path, n_ours);
  cairos_sizes = page_sizes (cairos_path, n_cairos);
  g_assert_cmpstr (ours_sizes, ==, cairos_sizes);
  /* The map's page is landscape. */
  assert_contains (ours_sizes, "841.89 x 595.276 pts");
  g_assert_cmpstr (ours_text, ==, cairos_text);

  /* Every page, the cover, contents and charts among them. */
  for (guint page = 1; page <= n_ours; page++)
    g_assert_cmpuint (count_differing_pixels (f, ours_path, cairos_path, page, &n_pixels), <, n_pixels / 500);

  /* Bookmarks: the sections in bold, each leading to the page that
   * starts with it; the contents page is the second. */
  g_assert_cmpuint (outlines->len, >, 5);
  g_assert_cmpstr (g_array_index (outlines, Target, 0).title, ==, "Contents");
  g_assert_cmpuint (g_array_index (outlines, Target, 0).page, ==, 2);
  for (guint i = 0; i < outlines->len; i++)
    {
      Target *outline = &g_array_index (outlines, Target, i);
      g_autofree char *text = NULL;
      g_autofree char *title = pack_space (outline->title);

      g_assert_cmpuint (outline->page, >=, 2);
      g_assert_cmpuint (outline->page, <=, n_ours);
      g_assert_true (outline->bold != outline->child);
      text = page_text (ours_path, outline->page);
      if (strstr (text, title) == NULL)
        g_error ("bookmark “%s” leads to page %u without it", outline->title, outline->page);
      if (!outline->child && i > 0)
        {
          /* A link from the contents to each section, in order. */
          g_assert_cmpuint (n_sections, <, links->len);
          g_assert_cmpuint (g_array_index (links, Target, n_sections).page, ==, outline->page);
          /* The top of the page, portrait or landscape. */
          g_assert_cmpfloat (g_array_index (links, Target, n_sections).top, >=, 595);
          n_sections++;
        }
    }
  g_assert_cmpuint (n_sections, ==, links->len);
  g_assert_cmpuint (n_sections, >, 5);
}

static void
test_report_same_as_cairo (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);

  check_report (f, journey);
}

static void
test_report_dutch_same_as_cairo (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_nl_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);

  check_report (f, journey);
}

/* What our writer cannot write: the report comes from cairo's. */
static void
test_report_fallback (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  guint n_pages = 0;

  g_object_set (journey, "title", "Box \xf4\x8f\xbf\xbd", NULL);
  path = write_report (f, journey, FALSE, "report-fallback.pdf", NULL, &n_pages);
  info = tp_test_run_tool ("PDFINFO", path, NULL);
  assert_contains (info, "Producer:        cairo");
  g_assert_cmpuint (n_pages, >, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pdf/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("operators", test_operators);
  ADD ("text", test_text);
  ADD ("unsupported-source", test_unsupported_source);
  ADD ("bypass-detected", test_bypass_detected);
  ADD ("same-as-cairo", test_same_as_cairo);
  ADD ("scripts", test_scripts);
  ADD ("tiled-same-as-cairo", test_tiled_same_as_cairo);
  ADD ("missing-glyph", test_missing_glyph);
  ADD ("missing-glyph-export", test_missing_glyph_export);
  ADD ("large-content", test_large_content);
  ADD ("outlines-and-links", test_outlines_and_links);
  ADD ("show-layout-line", test_show_layout_line);
  ADD ("report-same-as-cairo", test_report_same_as_cairo);
  ADD ("report-dutch-same-as-cairo", test_report_dutch_same_as_cairo);
  ADD ("report-fallback", test_report_fallback);
#undef ADD

  return g_test_run ();
}
