/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-cli.h"
#include "tp-cli-report.h"
#include "tp-csv.h"
#include "tp-export.h"
#include "tp-file-save.h"
#include "tp-journey-format.h"
#include "tp-report-html.h"
#include "tp-report-pdf.h"

void
tp_cli_report_args_clear (TpCliReportArgs *args)
{
  g_clear_pointer (&args->sections, g_free);
  g_clear_pointer (&args->csv, g_free);
}

void
tp_cli_report_add_options (GOptionContext  *context,
                           TpCliReportArgs *args)
{
  const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_NONE, &args->report,
      N_("With --export to .pdf or .html: a report for management"), NULL },
    { "sections", 0, 0, G_OPTION_ARG_STRING, &args->sections,
      N_("Report sections, comma separated: cover, diagram, summary, stages, moments, employees, "
         "channels, opportunities, findings, appendix (default: all)"), N_("LIST") },
    { "csv", 0, 0, G_OPTION_ARG_STRING, &args->csv,
      N_("With --export to .csv: touchpoints (default), employee-notes or opportunities"), N_("TABLE") },
    { NULL }
  };

  /* The group copies the array; @args must outlive the context. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, suffix);
}

gboolean
tp_cli_report_wants (const TpCliReportArgs *args,
                     const char            *output)
{
  return args->report || args->sections != NULL || args->csv != NULL
         || has_suffix (output, ".csv");
}

int
tp_cli_report_export (const TpCliReportArgs *args,
                      const char            *output,
                      const char            *input)
{
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = NULL;
  g_autoptr(TpJourney) other = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean csv = has_suffix (output, ".csv");
  gboolean pdf = has_suffix (output, ".pdf");
  gboolean html = has_suffix (output, ".html") || has_suffix (output, ".htm");
  TpReportOptions options;
  TpCsvTable table = TP_CSV_TOUCHPOINTS;
  g_autoptr(GDateTime) creation_date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));

  tp_report_options_init (&options);
  /* The core reads no environment: these are the user's say here. */
  options.use_cairo_pdf = g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0;
  options.creation_date = creation_date;

  if (csv)
    {
      if (args->report || args->sections != NULL || args->compare != NULL)
        {
          g_printerr (_("touchpoint: --report, --sections and --compare are for .pdf and .html output\n"));
          return TP_CLI_EXIT_USAGE;
        }
      if (args->csv != NULL && !tp_csv_table_from_string (args->csv, &table))
        {
          /* Translators: %s is what was given; the table names stay in English */
          g_printerr (_("touchpoint: --csv: “%s” is not touchpoints, employee-notes or opportunities\n"),
                      args->csv);
          return TP_CLI_EXIT_USAGE;
        }
    }
  else
    {
      if (args->csv != NULL)
        {
          g_printerr (_("touchpoint: --csv is for .csv output\n"));
          return TP_CLI_EXIT_USAGE;
        }
      if (!pdf && !html)
        {
          /* Translators: %s is the output file given with --export */
          g_printerr (_("%s: a report is written as .pdf or .html\n"), output);
          return TP_CLI_EXIT_USAGE;
        }
      if (!args->report)
        {
          g_printerr (_("touchpoint: --sections needs --report\n"));
          return TP_CLI_EXIT_USAGE;
        }
      if (args->sections != NULL && !tp_report_sections_from_string (args->sections, &options.sections))
        {
          /* Translators: %s is what was given; the section names stay in English */
          g_printerr (_("touchpoint: --sections: “%s” is not a list of cover, diagram, summary, "
                        "stages, moments, employees, channels, opportunities, findings, appendix\n"),
                      args->sections);
          return TP_CLI_EXIT_USAGE;
        }
    }

  journey = tp_journey_format_load_file (in_file, NULL, &error);
  if (journey == NULL)
    {
      g_printerr ("%s\n", error->message);
      return TP_CLI_EXIT_FAILED;
    }

  if (args->compare != NULL)
    {
      g_autoptr(GFile) other_file = g_file_new_for_commandline_arg (args->compare);

      other = tp_journey_format_load_file (other_file, NULL, &error);
      if (other == NULL)
        {
          g_printerr ("%s\n", error->message);
          return TP_CLI_EXIT_FAILED;
        }
      options.compare_with = other;
    }

  if (csv)
    bytes = tp_csv_write (journey, table);
  else
    {
      g_autoptr(TpReport) report = tp_report_build (journey, &options);

      bytes = pdf ? tp_report_pdf_write (report, NULL, &error) : tp_report_html_write (report);
      if (bytes == NULL)
        {
          /* Translators: %s are the output file and the reason */
          g_printerr (_("%s: cannot write the report: %s\n"), output, error->message);
          return TP_CLI_EXIT_FAILED;
        }
    }

  if (!tp_file_replace_atomically (out_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   FALSE, NULL, NULL, NULL, &error))
    {
      /* Translators: %s are the output file and the reason */
      g_printerr (_("%s: cannot write: %s\n"), output, error->message);
      return TP_CLI_EXIT_FAILED;
    }
  return TP_CLI_EXIT_OK;
}
