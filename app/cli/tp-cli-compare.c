/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-cli.h"
#include "tp-cli-compare.h"
#include "tp-compare-page.h"
#include "tp-export.h"
#include "tp-journey-format.h"

void
tp_cli_compare_add_options (GOptionContext  *context,
                            char           **other)
{
  const GOptionEntry entries[] = {
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, other,
      N_("With --export to .pdf or .png (or --report): compare FILE with OTHER, as-is against to-be"),
      N_("OTHER") },
    { NULL }
  };

  /* The group copies the array; @other must outlive the context. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static TpJourney *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  TpJourney *journey = tp_journey_format_load_file (file, NULL, &error);

  if (journey == NULL)
    g_printerr ("%s\n", error->message);
  return journey;
}

int
tp_cli_compare_export (const char *other,
                       const char *output,
                       const char *input)
{
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(TpJourney) other_journey = NULL;
  g_autoptr(TpComparePage) page = NULL;
  g_autoptr(GDateTime) date = NULL;
  TpCompareFormat format;
  gboolean swap;
  double width, height;

  if (!tp_compare_format_from_filename (output, &format))
    {
      g_printerr (_("%s: a comparison is written as .pdf or .png (or with --report as .pdf or .html)\n"),
                  output);
      return TP_CLI_EXIT_USAGE;
    }

  journey = load (input);
  if (journey == NULL)
    return TP_CLI_EXIT_FAILED;
  other_journey = load (other);
  if (other_journey == NULL)
    return TP_CLI_EXIT_FAILED;

  swap = tp_compare_other_is_before (journey, other_journey);
  page = tp_compare_page_new (swap ? other_journey : journey, swap ? journey : other_journey);
  /* The core reads no environment: these are the user's say here. */
  date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));
  if (!tp_compare_page_export_to_file (page, out_file, format, 2, date,
                                       g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0,
                                       NULL, &error))
    {
      g_printerr (_("%s: cannot write: %s\n"), output, error->message);
      return TP_CLI_EXIT_FAILED;
    }

  tp_compare_page_get_size (page, &width, &height);
  if (format == TP_COMPARE_FORMAT_PNG)
    {
      /* As the page writes it: smaller when a side would pass 32,767 pixels. */
      double scale = MIN (2, 32767 / MAX (width, height));

      g_print (_("%s: %d × %d pixels\n"), output, (int) ceil (width * scale), (int) ceil (height * scale));
    }
  else
    /* Translators: a file name and the page size */
    g_print (_("%s: comparison, page %.0f × %.0f mm\n"), output, width * 25.4 / 72, height * 25.4 / 72);
  return TP_CLI_EXIT_OK;
}
