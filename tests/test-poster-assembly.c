/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tiled poster, assembled as its overview page tells a person to, from
 * the sheets' own pixels: each sheet but the first cut at its cut marks and
 * laid with its cut edge on the start of its neighbours' grey glue strips.
 * The result must be the single-page poster, within half a millimetre. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "tp-export.h"
#include "tp-test-util.h"

#define DPI 150
#define MM_TO_PX(mm) ((mm) / 25.4 * DPI)

typedef struct {
  int width, height, stride;
  guchar *gray; /* one byte per pixel */
} Image;

static void
image_clear (Image *image)
{
  g_free (image->gray);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

static guchar
pixel (const Image *image,
       int          x,
       int          y)
{
  if (x < 0 || y < 0 || x >= image->width || y >= image->height)
    return 255;
  return image->gray[(gsize) y * image->width + x];
}

/* Page @page of @pdf as grey levels, without anti-aliasing, so lines are
 * black and the glue bars their own grey. */
static void
rasterize (const char *pdf,
           int         page,
           const char *dir,
           Image      *out)
{
  g_autofree char *prefix = g_strdup_printf ("%s/page-%d", dir, page);
  g_autofree char *png = g_strdup_printf ("%s.png", prefix);
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *dpi = g_strdup_printf ("%d", DPI);
  const char *pdftoppm = g_getenv ("PDFTOPPM");
  const char *argv[] = { pdftoppm ? pdftoppm : "pdftoppm", "-r", dpi, "-f", first, "-l", first,
                         "-aa", "no", "-aaVector", "no", "-png", "-singlefile", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;
  cairo_surface_t *surface;
  const guchar *data;
  int stride;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  out->width = cairo_image_surface_get_width (surface);
  out->height = cairo_image_surface_get_height (surface);
  out->gray = g_malloc ((gsize) out->width * out->height);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < out->height; y++)
    for (int x = 0; x < out->width; x++)
      {
        guint32 argb = *(const guint32 *) (data + (gsize) y * stride + 4 * x);
        out->gray[(gsize) y * out->width + x] =
          (guchar) ((((argb >> 16) & 0xff) + ((argb >> 8) & 0xff) + (argb & 0xff)) / 3);
      }
  cairo_surface_destroy (surface);
  g_unlink (png);
}

static gboolean
is_black (guchar g)
{
  return g < 64;
}

static gboolean
is_glue_grey (guchar g)
{
  return g > 150 && g < 230;
}

/* What a person finds on a sheet: its printed edges (crop marks and cut
 * lines) and where its right and bottom glue strips begin (-1: none). */
typedef struct {
  int left, top, right, bottom;
  int glue_x, glue_y;
} Marks;

static void
find_marks (const Image *sheet,
            double       margin_px,
            Marks       *marks)
{
  /* Bands through the middle of the top and left margins, between the
   * ends of the crop marks. */
  int band0 = (int) (margin_px * 0.35), band1 = (int) (margin_px * 0.45);

  *marks = (Marks) { -1, -1, -1, -1, -1, -1 };
  for (int x = 0; x < sheet->width; x++)
    for (int y = band0; y <= band1; y++)
      {
        if (is_black (pixel (sheet, x, y)))
          {
            if (marks->left < 0)
              marks->left = x;
            marks->right = x;
          }
        if (is_glue_grey (pixel (sheet, x, y)) && marks->glue_x < 0)
          marks->glue_x = x;
      }
  for (int y = 0; y < sheet->height; y++)
    for (int x = band0; x <= band1; x++)
      {
        if (is_black (pixel (sheet, x, y)))
          {
            if (marks->top < 0)
              marks->top = y;
            marks->bottom = y;
          }
        if (is_glue_grey (pixel (sheet, x, y)) && marks->glue_y < 0)
          marks->glue_y = y;
      }
  /* A dashed cut line runs through the whole margin, out to its outer
   * edge where the crop marks do not reach: when there is one, it is
   * where the sheet is cut. */
  {
    int outer0 = (int) (margin_px * 0.1), outer1 = (int) (margin_px * 0.2);
    int cut_x = -1, cut_y = -1;

    for (int x = 0; x < sheet->width && cut_x < 0; x++)
      for (int y = outer0; y <= outer1 && cut_x < 0; y++)
        if (is_black (pixel (sheet, x, y)))
          cut_x = x;
    for (int y = 0; y < sheet->height && cut_y < 0; y++)
      for (int x = outer0; x <= outer1 && cut_y < 0; x++)
        if (is_black (pixel (sheet, x, y)))
          cut_y = y;
    if (cut_x >= 0)
      marks->left = cut_x;
    if (cut_y >= 0)
      marks->top = cut_y;
  }
  g_assert_cmpint (marks->left, >, 0);
  g_assert_cmpint (marks->top, >, 0);
  g_assert_cmpint (marks->right, >, marks->left);
  g_assert_cmpint (marks->bottom, >, marks->top);
}

/* Pixels that differ clearly, counted where either image has ink, on a
 * grid of every @step-th pixel, with @assembled shifted by (dx, dy). */
static double
mismatch (const Image *assembled,
          const Image *poster,
          int          dx,
          int          dy,
          int          step,
          int          tolerance)
{
  guint64 ink = 0, differ = 0;

  for (int y = 0; y < poster->height; y += step)
    for (int x = 0; x < poster->width; x += step)
      {
        guchar a = pixel (assembled, x + dx, y + dy);
        guchar b = pixel (poster, x, y);

        gboolean near = FALSE;

        if (a > 240 && b > 240)
          continue;
        ink++;
        /* Sheets sit on whole pixels of their own grid: allow a pixel of
         * rounding, far below the half millimetre (3 px) asked for. */
        for (int ny = -tolerance; ny <= tolerance && !near; ny++)
          for (int nx = -tolerance; nx <= tolerance && !near; nx++)
            near = ABS ((int) a - (int) pixel (poster, x + nx, y + ny)) <= 64;
        if (!near)
          differ++;
      }
  return ink > 0 ? (double) differ / ink : 1.0;
}

static void
check_assembly (const char *poster_paper,
                const char *sheet_paper,
                double      overlap_mm)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-poster-XXXXXX", &error);
  g_autofree char *tiled_path = g_build_filename (dir, "tiled.pdf", NULL);
  g_autofree char *single_path = g_build_filename (dir, "single.pdf", NULL);
  g_autofree char *sample = tp_test_sample_path ();
  g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
  g_autoptr(GFile) tiled_file = g_file_new_for_path (tiled_path);
  g_autoptr(GFile) single_file = g_file_new_for_path (single_path);
  TpExportReport report = { 0 };
  g_auto(Image) poster = { 0 };
  g_auto(Image) assembled = { 0 };
  TpExportOptions options;
  double margin_px, best = 2.0;
  int best_dx = 0, best_dy = 0, reach;

  g_assert_no_error (error);
  g_test_message ("%s poster on %s sheets, overlap %.0f mm", poster_paper, sheet_paper, overlap_mm);

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  g_assert_true (tp_paper_from_string (poster_paper, &options.paper));
  g_assert_true (tp_export_to_file (journey, single_file, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  options.tile = TRUE;
  g_assert_true (tp_paper_from_string (sheet_paper, &options.tile_paper));
  options.overlap_mm = overlap_mm;
  g_assert_true (tp_export_to_file (journey, tiled_file, &options, &report, NULL, &error));
  g_assert_no_error (error);
  margin_px = MM_TO_PX (options.margin_mm);
  tp_export_options_clear (&options);
  g_assert_cmpuint (report.rows * report.columns, >, 1);

  rasterize (single_path, 1, dir, &poster);
  assembled.width = poster.width;
  assembled.height = poster.height;
  assembled.gray = g_malloc ((gsize) poster.width * poster.height);
  memset (assembled.gray, 255, (gsize) poster.width * poster.height);

  /* Lay the sheets row by row, each over the glue strips of the ones
   * before: its cut edges on the starts of its neighbours' glue strips,
   * or, beside a blank sheet that was left out, in line with the sheet
   * above or before it. Page 1 is the overview; each sheet says its name. */
  {
    guint n = report.rows * report.columns;
    g_autofree Marks *marks = g_new0 (Marks, n);
    g_autofree gboolean *printed = g_new0 (gboolean, n);
    g_autofree int *offset_x = g_new0 (int, n);
    g_autofree int *offset_y = g_new0 (int, n);
    g_autofree Image *sheets = g_new0 (Image, n);
    gboolean anchored = FALSE;

    g_assert_cmpuint (report.n_pages, ==, 1 + report.n_sheets);
    for (guint page = 2; page <= report.n_pages; page++)
      {
        g_autofree char *first = g_strdup_printf ("%u", page);
        /* -raw: in drawing order, so the label is not mixed with map text. */
        g_autofree char *text = tp_test_run_tool ("PDFTOTEXT", "-raw", "-enc", "UTF-8", "-f", first, "-l", first,
                                                  tiled_path, "-", NULL);
        g_autoptr(GMatchInfo) match = NULL;
        g_autoptr(GRegex) name = g_regex_new ("sheet ([A-Z]+)([0-9]+) of", 0, 0, NULL);
        g_autofree char *letters = NULL;
        g_autofree char *number = NULL;
        guint row = 0, column;

        g_assert_nonnull (text);
        g_assert_true (g_regex_match (name, text, 0, &match));
        letters = g_match_info_fetch (match, 1);
        number = g_match_info_fetch (match, 2);
        for (const char *l = letters; *l != '\0'; l++)
          row = row * 26 + (guint) (*l - 'A' + 1);
        row--;
        column = (guint) g_ascii_strtoull (number, NULL, 10) - 1;
        g_assert_cmpuint (row, <, report.rows);
        g_assert_cmpuint (column, <, report.columns);
        printed[row * report.columns + column] = TRUE;
        rasterize (tiled_path, (int) page, dir, &sheets[row * report.columns + column]);
        find_marks (&sheets[row * report.columns + column], margin_px, &marks[row * report.columns + column]);
      }

    for (guint i = 0; i < n; i++)
      {
        guint r = i / report.columns, c = i % report.columns;
        Marks *m = &marks[i];

        if (!printed[i])
          continue;
        /* Blank sheets are whole outer rows or columns. */
        g_assert_false (r > 0 && r + 1 < report.rows && c > 0 && c + 1 < report.columns
                        && (!printed[i - 1] || !printed[i - report.columns]));

        if (c > 0 && printed[i - 1])
          {
            g_assert_cmpint (marks[i - 1].glue_x, >, 0);
            offset_x[i] = offset_x[i - 1] + marks[i - 1].glue_x - m->left;
          }
        else if (r > 0 && printed[i - report.columns])
          offset_x[i] = offset_x[i - report.columns] + marks[i - report.columns].left - m->left;
        if (r > 0 && printed[i - report.columns])
          {
            g_assert_cmpint (marks[i - report.columns].glue_y, >, 0);
            offset_y[i] = offset_y[i - report.columns] + marks[i - report.columns].glue_y - m->top;
          }
        else if (c > 0 && printed[i - 1])
          offset_y[i] = offset_y[i - 1] + marks[i - 1].top - m->top;

        if (!anchored)
          {
            /* The first printed sheet: where its window starts on the
             * poster, from the steps its own marks show. */
            double printable_x = m->right - m->left, printable_y = m->bottom - m->top;
            double overlap = MM_TO_PX (overlap_mm);

            offset_x[i] = (int) round (c * (printable_x - overlap)) - m->left;
            offset_y[i] = (int) round (r * (printable_y - overlap)) - m->top;
            anchored = TRUE;
          }

        for (int y = m->top; y <= m->bottom; y++)
          for (int x = m->left; x <= m->right; x++)
            {
              int ax = x + offset_x[i], ay = y + offset_y[i];

              if (ax >= 0 && ay >= 0 && ax < assembled.width && ay < assembled.height)
                assembled.gray[(gsize) ay * assembled.width + ax] = pixel (&sheets[i], x, y);
            }
      }
    for (guint i = 0; i < n; i++)
      image_clear (&sheets[i]);
  }

  /* The best fit within a few millimetres must be within half a
   * millimetre of where it belongs, and then match. */
  reach = (int) ceil (MM_TO_PX (3));
  for (int dy = -reach; dy <= reach; dy++)
    for (int dx = -reach; dx <= reach; dx++)
      {
        double m = mismatch (&assembled, &poster, dx, dy, 7, 0);

        if (m < best)
          {
            best = m;
            best_dx = dx;
            best_dy = dy;
          }
      }
  if (g_getenv ("TP_TEST_KEEP_ASSEMBLY") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s/assembly-%s-%s-%.0f.png", g_getenv ("TP_TEST_KEEP_ASSEMBLY"),
                                               poster_paper, sheet_paper, overlap_mm);
      cairo_surface_t *out = cairo_image_surface_create (CAIRO_FORMAT_RGB24, poster.width, poster.height);
      guchar *data = cairo_image_surface_get_data (out);
      int stride = cairo_image_surface_get_stride (out);

      /* Red where only the assembly has ink, blue where only the poster has. */
      for (int y = 0; y < poster.height; y++)
        for (int x = 0; x < poster.width; x++)
          {
            guchar a = pixel (&assembled, x, y), b = pixel (&poster, x, y);
            *(guint32 *) (data + (gsize) y * stride + 4 * x) = ((guint32) b << 16) | ((guint32) MIN (a, b) << 8) | a;
          }
      cairo_surface_mark_dirty (out);
      cairo_surface_write_to_png (out, name);
      cairo_surface_destroy (out);
    }
  g_test_message ("best fit at (%d, %d) px, %.2f %% of inked pixels differ", best_dx, best_dy, best * 100);
  g_assert_cmpfloat (ABS (best_dx), <=, MM_TO_PX (0.5));
  g_assert_cmpfloat (ABS (best_dy), <=, MM_TO_PX (0.5));
  g_assert_cmpfloat (mismatch (&assembled, &poster, best_dx, best_dy, 2, 1), <, 0.005);

  tp_export_report_clear (&report);
  g_unlink (tiled_path);
  g_unlink (single_path);
  g_rmdir (dir);
}

static void
test_a2_on_a4 (void)
{
  check_assembly ("a2", "a4", 10);
}

static void
test_a2_on_a4_overlap_20 (void)
{
  check_assembly ("a2", "a4", 20);
}

static void
test_a1_on_a3 (void)
{
  check_assembly ("a1", "a3", 10);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/poster-assembly/a2-on-a4", test_a2_on_a4);
  g_test_add_func ("/poster-assembly/a2-on-a4-overlap-20", test_a2_on_a4_overlap_20);
  g_test_add_func ("/poster-assembly/a1-on-a3", test_a1_on_a3);

  return g_test_run ();
}
