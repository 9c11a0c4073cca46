/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "tp-document.h"
#include "tp-journey-format.h"
#include "tp-test-util.h"

/* Load and save times of the sample and of generated journeys, through the
 * same paths the app uses (read from disk, parse, build the model; write
 * atomically with a backup). Prints median and maximum over several runs. */

#define RUNS 9

static void
measure (const char *label,
         GFile      *file)
{
  double load_ms[RUNS], save_ms[RUNS];
  g_autoptr(GFile) out = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *backup = NULL;
  goffset size = 0;

  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
    size = info ? g_file_info_get_size (info) : 0;
  }

  out_path = g_build_filename (g_get_tmp_dir (), "tp-bench-out.journey", NULL);
  backup = g_strconcat (out_path, "~", NULL);
  out = g_file_new_for_path (out_path);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDocument) document = NULL;
      gint64 start = g_get_monotonic_time ();

      document = tp_document_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
      load_ms[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      g_assert_true (tp_document_save (document, out, TRUE, NULL, &error));
      save_ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  tp_test_sort_times (load_ms, RUNS);
  tp_test_sort_times (save_ms, RUNS);
  g_print ("%-28s %8.1f KB   load median %7.2f ms (max %7.2f)   save median %7.2f ms (max %7.2f)\n",
           label, size / 1024.0, load_ms[RUNS / 2], load_ms[RUNS - 1], save_ms[RUNS / 2], save_ms[RUNS - 1]);

  g_remove (out_path);
  g_remove (backup);
}

static GFile *
write_generated (guint n_touchpoints)
{
  g_autoptr(TpJourney) journey = tp_test_generate_journey (12, n_touchpoints, 1);
  g_autoptr(GBytes) bytes = tp_journey_format_write (journey);
  g_autofree char *path = g_strdup_printf ("%s/tp-bench-%u.journey", g_get_tmp_dir (), n_touchpoints);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample_path = NULL;
  g_autoptr(GFile) sample = NULL;
  guint sizes[] = { 1000, 5000 };

  g_test_init (&argc, &argv, NULL);

  sample_path = tp_test_sample_path ();
  sample = g_file_new_for_path (sample_path);
  measure ("sample (hospital)", sample);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GFile) file = write_generated (sizes[i]);
      g_autofree char *label = g_strdup_printf ("generated, %u touchpoints", sizes[i]);

      measure (label, file);
      g_file_delete (file, NULL, NULL);
    }

  return 0;
}
