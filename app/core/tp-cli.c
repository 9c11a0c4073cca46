/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-cli.h"
#include "tp-cli-report.h"
#include "tp-document.h"
#include "tp-journey-format.h"

static const char *headless_options[] = { "--version", "--check", "--export", "--report", NULL };

gboolean
tp_cli_is_headless (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint o = 0; headless_options[o] != NULL; o++)
        if (g_str_equal (argv[i], headless_options[o])
            || (g_str_has_prefix (argv[i], headless_options[o])
                && argv[i][strlen (headless_options[o])] == '='))
          return TRUE;
    }
  return FALSE;
}

static void
print_summary (const char *path,
               TpJourney  *journey)
{
  GListModel *touchpoints = tp_journey_get_touchpoints (journey);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);
  guint n_scored = 0;
  guint n_moments = 0;

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      if (tp_touchpoint_get_score (tp) != TP_SCORE_UNSET)
        n_scored++;
      if (tp_touchpoint_get_moment_of_truth (tp))
        n_moments++;
    }

  /* Translators: %s are a file name and the journey's title */
  g_print (_("%s: valid journey “%s”\n"), path, tp_journey_get_title (journey));
  g_print (_("  Stages: %u\n"), g_list_model_get_n_items (tp_journey_get_stages (journey)));
  g_print (_("  Touchpoints: %u (%u scored)\n"), n_touchpoints, n_scored);
  g_print (_("  Moments of truth: %u\n"), n_moments);
  g_print (_("  Employee notes: %u\n"), g_list_model_get_n_items (tp_journey_get_employee_notes (journey)));
  g_print (_("  Opportunities: %u\n"), g_list_model_get_n_items (tp_journey_get_opportunities (journey)));
}

static void
print_findings (TpJourney *journey)
{
  g_autoptr(GPtrArray) findings = tp_analyze_journey (journey);

  g_print (_("Findings: %u\n"), findings->len);
  for (guint i = 0; i < findings->len; i++)
    {
      TpFinding *finding = g_ptr_array_index (findings, i);

      g_print ("  ");
      /* Translators: one finding in the output of “touchpoint --check”:
       * its severity (“critical”, “warning”, “info”), then what was found */
      g_print (_("%s: %s\n"),
               tp_severity_get_display_name (tp_finding_get_severity (finding)),
               tp_finding_get_message (finding));
    }
}

static int
run_check (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpJourney) journey = tp_journey_format_load_file (file, NULL, &error);

  if (journey == NULL)
    {
      /* Format errors already read "NAME:LINE:COLUMN: message"; show the
       * path as given instead of the bare name. */
      g_autofree char *basename = tp_file_dup_display_basename (file);

      if (g_str_has_prefix (error->message, basename)
          && error->message[strlen (basename)] == ':')
        g_printerr ("%s%s\n", path, error->message + strlen (basename));
      else
        g_printerr ("%s: %s\n", path, error->message);
      return TP_CLI_EXIT_FAILED;
    }

  print_summary (path, journey);
  print_findings (journey);
  /* Findings describe the journey, not the file: a valid file still passes. */
  return TP_CLI_EXIT_OK;
}

static int
run_export (const char *output,
            const char *input)
{
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;

  if (!g_str_has_suffix (output, ".journey"))
    {
      g_printerr (_("%s: unknown export format (supported: .journey)\n"), output);
      return TP_CLI_EXIT_USAGE;
    }

  document = tp_document_new_from_file (in_file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return TP_CLI_EXIT_FAILED;
    }

  if (!tp_document_save (document, out_file, TRUE, NULL, &error))
    {
      g_printerr (_("%s: cannot write: %s\n"), output, error->message);
      return TP_CLI_EXIT_FAILED;
    }

  return TP_CLI_EXIT_OK;
}

int
tp_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  g_autofree char *export_path = NULL;
  g_auto(GStrv) args = NULL;
  gboolean version = FALSE;
  g_auto(GStrv) files = NULL;
  g_auto(TpCliReportArgs) report_args = { 0 };
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { "check", 0, 0, G_OPTION_ARG_FILENAME, &check, N_("Check a journey file and print a summary"), N_("FILE") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Export FILE to OUT (format from OUT’s extension)"), N_("OUT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Touchpoint — design customer journeys"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  tp_cli_report_add_options (context, &report_args);
  g_option_context_set_help_enabled (context, TRUE);

  args = g_strdupv (argv);
  /* parse_strv frees the arguments it consumes; plain parse would leak them. */
  {
    if (!g_option_context_parse_strv (context, &args, &error))
      {
        g_printerr ("touchpoint: %s\n", error->message);
        g_printerr (_("Run “touchpoint --help” for usage.\n"));
        return TP_CLI_EXIT_USAGE;
      }
  }

  if (version)
    {
      g_print ("touchpoint %s\n", PACKAGE_VERSION);
      return TP_CLI_EXIT_OK;
    }

  if (check != NULL && export_path != NULL)
    {
      g_printerr (_("touchpoint: --check and --export cannot be combined\n"));
      return TP_CLI_EXIT_USAGE;
    }

  if (check != NULL)
    {
      if (files != NULL && files[0] != NULL)
        {
          g_printerr (_("touchpoint: --check takes one file\n"));
          return TP_CLI_EXIT_USAGE;
        }
      return run_check (check);
    }

  if (export_path != NULL)
    {
      if (files == NULL || files[0] == NULL || files[1] != NULL)
        {
          g_printerr (_("touchpoint: --export OUT needs exactly one input FILE\n"));
          return TP_CLI_EXIT_USAGE;
        }
      if (tp_cli_report_wants (&report_args, export_path))
        return tp_cli_report_export (&report_args, export_path, files[0]);
      return run_export (export_path, files[0]);
    }

  if (report_args.report || report_args.csv != NULL || report_args.sections != NULL)
    {
      g_printerr (_("touchpoint: --report, --sections and --csv need --export OUT\n"));
      return TP_CLI_EXIT_USAGE;
    }

  g_printerr (_("touchpoint: nothing to do\n"));
  return TP_CLI_EXIT_USAGE;
}
