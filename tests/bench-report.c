/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-report-html.h"
#include "tp-report-pdf.h"
#include "tp-test-util.h"

/* Time to write the report of the sample and of generated journeys, as
 * PDF and as HTML, with the pages and bytes it gives. The figures are for
 * reading, not pass/fail. */

static void
measure (const char *label,
         TpJourney  *journey)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GPtrArray) images = NULL;
  guint n_pages = 0;
  gint64 start, built, pdf_done, html_done, images_done;

  start = g_get_monotonic_time ();
  report = tp_report_build (journey, NULL);
  built = g_get_monotonic_time ();
  pdf = tp_report_pdf_write (report, &n_pages, &error);
  g_assert_no_error (error);
  pdf_done = g_get_monotonic_time ();
  html = tp_report_html_write (report);
  html_done = g_get_monotonic_time ();
  /* The dialog's preview: three pages at thumbnail size. */
  images = tp_report_render_pages (report, 3, 0.35, NULL, NULL, &error);
  g_assert_no_error (error);
  images_done = g_get_monotonic_time ();

  g_print ("%-28s build %7.1f ms   PDF %7.1f ms (%u pages, %zu kB)   HTML %7.1f ms (%zu kB)"
           "   preview %7.1f ms\n",
           label, (built - start) / 1000.0, (pdf_done - built) / 1000.0, n_pages,
           g_bytes_get_size (pdf) / 1024, (html_done - pdf_done) / 1000.0,
           g_bytes_get_size (html) / 1024, (images_done - html_done) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample = NULL;

  g_test_init (&argc, &argv, NULL);
  sample = tp_test_sample_path ();

  {
    g_autoptr(TpJourney) journey = tp_test_load_journey (sample);
    measure ("sample (25 touchpoints)", journey);
  }
  for (guint n = 300; n <= 3000; n *= 10)
    {
      g_autoptr(TpJourney) journey = tp_test_generate_journey (n / 40 + 2, n, 1);
      g_autofree char *label = g_strdup_printf ("generated (%u touchpoints)", n);
      measure (label, journey);
    }
  return 0;
}
