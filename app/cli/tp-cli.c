/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-cli.h"
#include "tp-cli-compare.h"
#include "tp-cli-report.h"
#include "tp-cli-slides.h"
#include "tp-document.h"
#include "tp-export.h"
#include "tp-journey-format.h"
#include "tp-release.h"

/* --help too: the full help lists these options, which GApplication does not know. */
static const char *headless_options[] = { "--version", "--check", "--export", "--report", "--help-export",
                                          "--slides", "--dark", "--no-employee", "--compare",
                                          "--help", "--help-all", "-h", "-?", NULL };

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
  guint n_moments = 0;
  TpScoreStats stats;

  /* Touchpoints proper, as the analysis and the report count them. */
  tp_journey_get_score_stats (journey, &stats);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);

      if (tp_touchpoint_is_moment (tp))
        n_moments++;
    }

  /* Translators: %s are a file name and the journey's title */
  g_print (_("%s: valid journey “%s”\n"), path, tp_journey_get_title (journey));
  g_print (_("  Stages: %u\n"), g_list_model_get_n_items (tp_journey_get_stages (journey)));
  g_print (_("  Touchpoints: %u (%u scored)\n"), stats.n_touchpoints, stats.n_touchpoints_scored);
  g_print (_("  Customer actions and thoughts: %u\n"), stats.n_cards - stats.n_touchpoints);
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

/* Export options as typed; checked once the output format is known. */
typedef struct {
  char     *paper;
  char     *orientation;
  char     *poster;
  char     *tile;
  char     *scale;
  char     *dpi;
  char     *layers;
  char     *margin;
  char     *overlap;
  char     *sheets_across;
  gboolean  transparent;
  gboolean  title_block;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->paper);
  g_free (args->orientation);
  g_free (args->poster);
  g_free (args->tile);
  g_free (args->scale);
  g_free (args->dpi);
  g_free (args->layers);
  g_free (args->margin);
  g_free (args->overlap);
  g_free (args->sheets_across);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

static gboolean
export_args_any_set (const ExportArgs *args)
{
  return args->paper != NULL || args->orientation != NULL || args->poster != NULL
         || args->tile != NULL || args->scale != NULL || args->dpi != NULL
         || args->layers != NULL || args->margin != NULL || args->overlap != NULL
         || args->sheets_across != NULL || args->transparent || args->title_block;
}

/* A number in [@min, @max]; prints why not. */
static gboolean
parse_number (const char *option,
              const char *text,
              double      min,
              double      max,
              double     *value)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !(v >= min && v <= max))
    {
      /* Translators: an option, the value given, and the allowed range */
      g_printerr (_("touchpoint: %s: “%s” is not a number from %g to %g\n"), option, text, min, max);
      return FALSE;
    }
  *value = v;
  return TRUE;
}

/* "a0", "a1", "a2" or "WIDTHxHEIGHTmm". */
static gboolean
parse_poster (const char      *text,
              TpExportOptions *options)
{
  g_autoptr(GRegex) regex = g_regex_new ("^([0-9]+(?:\\.[0-9]+)?) *(?:x|×) *([0-9]+(?:\\.[0-9]+)?) *mm$",
                                         G_REGEX_CASELESS, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (g_ascii_strcasecmp (text, "a0") == 0 || g_ascii_strcasecmp (text, "a1") == 0
      || g_ascii_strcasecmp (text, "a2") == 0)
    return tp_paper_from_string (text, &options->paper);

  if (g_regex_match (regex, text, 0, &match))
    {
      g_autofree char *w = g_match_info_fetch (match, 1);
      g_autofree char *h = g_match_info_fetch (match, 2);

      options->paper = TP_PAPER_CUSTOM;
      options->custom_width_mm = g_ascii_strtod (w, NULL);
      options->custom_height_mm = g_ascii_strtod (h, NULL);
      /* From a postcard to the largest page PDF allows (200 inches). */
      if (options->custom_width_mm >= 50 && options->custom_width_mm <= 5080
          && options->custom_height_mm >= 50 && options->custom_height_mm <= 5080)
        return TRUE;
    }

  g_printerr (_("touchpoint: --poster: “%s” is not a2, a1, a0 or WIDTHxHEIGHTmm "
                "(50 to 5080 mm)\n"), text);
  return FALSE;
}

/* Checks the options against the format; FALSE after printing why. */
static gboolean
export_args_apply (const ExportArgs *args,
                   TpExportFormat    format,
                   TpExportOptions  *options)
{
  gboolean is_pdf = format == TP_EXPORT_FORMAT_PDF;
  gboolean is_png = format == TP_EXPORT_FORMAT_PNG;
  double value;

  if (args->tile != NULL && !is_pdf)
    {
      g_printerr (_("touchpoint: --tile needs a .pdf output\n"));
      return FALSE;
    }
  if (!is_pdf && (args->paper != NULL || args->poster != NULL || args->orientation != NULL
                  || args->margin != NULL))
    {
      g_printerr (_("touchpoint: --paper, --poster, --orientation and --margin are for .pdf output\n"));
      return FALSE;
    }
  if (!is_png && (args->scale != NULL || args->dpi != NULL || args->transparent))
    {
      g_printerr (_("touchpoint: --scale, --dpi and --transparent are for .png output\n"));
      return FALSE;
    }
  if (args->paper != NULL && args->poster != NULL)
    {
      g_printerr (_("touchpoint: use --paper or --poster, not both\n"));
      return FALSE;
    }
  if (args->scale != NULL && args->dpi != NULL)
    {
      g_printerr (_("touchpoint: use --scale or --dpi, not both\n"));
      return FALSE;
    }
  if ((args->overlap != NULL || args->sheets_across != NULL) && args->tile == NULL)
    {
      g_printerr (_("touchpoint: --overlap and --sheets-across go with --tile\n"));
      return FALSE;
    }

  options->format = format;

  if (args->paper != NULL
      && (!tp_paper_from_string (args->paper, &options->paper)
          || options->paper == TP_PAPER_A2 || options->paper == TP_PAPER_A1
          || options->paper == TP_PAPER_A0))
    {
      g_printerr (_("touchpoint: --paper: “%s” is not a4, a3, letter or natural "
                    "(larger sizes: --poster)\n"), args->paper);
      return FALSE;
    }
  if (args->poster != NULL && !parse_poster (args->poster, options))
    return FALSE;

  if (args->orientation != NULL)
    {
      if (g_ascii_strcasecmp (args->orientation, "portrait") == 0)
        options->orientation = TP_ORIENTATION_PORTRAIT;
      else if (g_ascii_strcasecmp (args->orientation, "landscape") == 0)
        options->orientation = TP_ORIENTATION_LANDSCAPE;
      else
        {
          g_printerr (_("touchpoint: --orientation: “%s” is not portrait or landscape\n"),
                      args->orientation);
          return FALSE;
        }
    }

  if (args->tile != NULL)
    {
      if (!tp_paper_from_string (args->tile, &options->tile_paper)
          || (options->tile_paper != TP_PAPER_A4 && options->tile_paper != TP_PAPER_A3
              && options->tile_paper != TP_PAPER_LETTER))
        {
          g_printerr (_("touchpoint: --tile: “%s” is not a4, a3 or letter\n"), args->tile);
          return FALSE;
        }
      options->tile = TRUE;
      if (args->sheets_across != NULL)
        {
          if (args->poster != NULL)
            {
              g_printerr (_("touchpoint: use --poster or --sheets-across, not both\n"));
              return FALSE;
            }
          if (!parse_number ("--sheets-across", args->sheets_across, 1, 50, &value))
            return FALSE;
          options->sheets_across = (guint) value;
        }
      else if (args->poster == NULL)
        {
          g_printerr (_("touchpoint: --tile needs --poster or --sheets-across\n"));
          return FALSE;
        }
    }
  if (args->overlap != NULL && !parse_number ("--overlap", args->overlap, 0, 50, &options->overlap_mm))
    return FALSE;
  if (args->margin != NULL && !parse_number ("--margin", args->margin, 0, 100, &options->margin_mm))
    return FALSE;

  if (args->scale != NULL && !parse_number ("--scale", args->scale, 1, 4, &options->scale))
    return FALSE;
  if (args->dpi != NULL && !parse_number ("--dpi", args->dpi, 72, 1152, &options->dpi))
    return FALSE;
  options->transparent = args->transparent;
  options->title_block = args->title_block;
  return TRUE;
}

static void
print_report (const char           *output,
              TpExportFormat        format,
              const TpExportReport *report)
{
  if (format == TP_EXPORT_FORMAT_PNG)
    /* Translators: a file name and the image size */
    g_print (_("%s: %d × %d pixels\n"), output, report->width_px, report->height_px);
  else if (format == TP_EXPORT_FORMAT_PDF && report->rows * report->columns > 1)
    /* Translators: a file name, the poster size, the sheet grid and the scale */
    g_print (_("%s: poster %.0f × %.0f mm on %u sheets (%u × %u, blank ones left out) plus "
               "an overview page, scale %.0f %%, smallest text %.1f pt (%.1f mm)\n"),
             output, report->poster_width_mm, report->poster_height_mm, report->n_sheets,
             report->columns, report->rows, report->scale * 100, report->smallest_text_pt,
             report->smallest_text_mm);
  else if (format == TP_EXPORT_FORMAT_PDF)
    g_print (_("%s: page %.0f × %.0f mm, scale %.0f %%, smallest text %.1f pt (%.1f mm)\n"),
             output, report->poster_width_mm, report->poster_height_mm, report->scale * 100,
             report->smallest_text_pt, report->smallest_text_mm);
  else
    g_print (_("%s: written\n"), output);

  if (report->warning != NULL)
    g_printerr (_("touchpoint: warning: %s\n"), report->warning);
}

static int
run_export (const char       *output,
            const char       *input,
            const ExportArgs *args)
{
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  TpExportOptions options;
  TpExportReport report = { 0 };
  TpExportFormat format;
  gboolean ok;

  if (g_str_has_suffix (output, ".journey"))
    {
      if (export_args_any_set (args))
        {
          g_printerr (_("touchpoint: export options are for .png, .svg and .pdf output\n"));
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

  if (!tp_export_format_from_filename (output, &format))
    {
      g_printerr (_("%s: unknown export format (supported: .png, .svg, .pdf, .journey, .csv; "
                    ".pdf and .html with --report)\n"), output);
      return TP_CLI_EXIT_USAGE;
    }

  tp_export_options_init (&options);
  if (!export_args_apply (args, format, &options))
    return TP_CLI_EXIT_USAGE;
  /* The core reads no environment: these are the user's say here. */
  options.use_cairo_pdf = g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0;
  options.creation_date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));

  document = tp_document_new_from_file (in_file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return TP_CLI_EXIT_FAILED;
    }

  if (args->layers != NULL
      && !tp_export_options_set_layers (&options, tp_document_get_journey (document), args->layers, &error))
    {
      g_printerr ("touchpoint: --layers: %s\n", error->message);
      tp_export_options_clear (&options);
      return TP_CLI_EXIT_USAGE;
    }

  ok = tp_export_to_file (tp_document_get_journey (document), out_file, &options, &report, NULL, &error);
  tp_release (g_steal_pointer (&document));
  tp_export_options_clear (&options);
  if (!ok)
    {
      g_printerr ("touchpoint: %s\n", error->message);
      tp_export_report_clear (&report);
      /* Options that cannot work together are the user's to fix. */
      return g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_INVALID_OPTIONS)
             ? TP_CLI_EXIT_USAGE : TP_CLI_EXIT_FAILED;
    }

  print_report (output, format, &report);
  tp_export_report_clear (&report);
  return TP_CLI_EXIT_OK;
}

static int
run_slides (const TpCliSlidesArgs *args,
            gboolean               other_command,
            char                 **files)
{
  if (args->output == NULL)
    {
      g_printerr (_("touchpoint: --dark and --no-employee go with --slides\n"));
      return TP_CLI_EXIT_USAGE;
    }
  if (other_command)
    {
      g_printerr (_("touchpoint: --slides cannot be combined with --check or --export\n"));
      return TP_CLI_EXIT_USAGE;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("touchpoint: --slides OUT needs exactly one input FILE\n"));
      return TP_CLI_EXIT_USAGE;
    }
  return tp_cli_slides_export (args, files[0]);
}

static int
run_command (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *compare = NULL;
  g_auto(GStrv) args = NULL;
  gboolean version = FALSE;
  g_auto(GStrv) files = NULL;
  g_auto(TpCliReportArgs) report_args = { 0 };
  g_auto(ExportArgs) export_args = { 0 };
  g_auto(TpCliSlidesArgs) slides_args = { 0 };
  const GOptionEntry export_entries[] = {
    { "paper", 0, 0, G_OPTION_ARG_STRING, &export_args.paper, N_("PDF page: a4, a3, letter or natural (default)"), N_("SIZE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &export_args.orientation, N_("Page or poster: landscape (default) or portrait"), N_("ORIENTATION") },
    { "poster", 0, 0, G_OPTION_ARG_STRING, &export_args.poster, N_("One large PDF page: a2, a1, a0 or WIDTHxHEIGHTmm"), N_("SIZE") },
    { "tile", 0, 0, G_OPTION_ARG_STRING, &export_args.tile, N_("Print the poster on a4, a3 or letter sheets, with an overview page"), N_("SHEET") },
    { "sheets-across", 0, 0, G_OPTION_ARG_STRING, &export_args.sheets_across, N_("With --tile and no --poster: a poster N sheets wide"), N_("N") },
    { "overlap", 0, 0, G_OPTION_ARG_STRING, &export_args.overlap, N_("Overlap of tiled sheets in mm (default 10)"), N_("MM") },
    { "margin", 0, 0, G_OPTION_ARG_STRING, &export_args.margin, N_("Page margin in mm (default 10)"), N_("MM") },
    { "title-block", 0, 0, G_OPTION_ARG_NONE, &export_args.title_block, N_("Add title, persona, scope, date and a legend"), NULL },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &export_args.scale, N_("PNG pixels per point, 1 to 4 (default 2)"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &export_args.dpi, N_("PNG resolution instead of --scale"), N_("DPI") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &export_args.transparent, N_("PNG without a white background"), NULL },
    { "layers", 0, 0, G_OPTION_ARG_STRING, &export_args.layers, N_("all, no-employee, or a comma list of lane kinds and ids (no-X leaves X out)"), N_("LIST") },
    { NULL }
  };
  GOptionGroup *export_group;
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
  tp_cli_slides_add_options (context, &slides_args);
  tp_cli_compare_add_options (context, &compare);
  g_option_context_set_help_enabled (context, TRUE);
  export_group = g_option_group_new ("export", _("Export options:"), _("Show export options"), NULL, NULL);
  g_option_group_add_entries (export_group, export_entries);
  g_option_group_set_translation_domain (export_group, GETTEXT_PACKAGE);
  g_option_context_add_group (context, export_group);

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

  if (export_path == NULL && export_args_any_set (&export_args))
    {
      g_printerr (_("touchpoint: export options need --export\n"));
      return TP_CLI_EXIT_USAGE;
    }

  if (compare != NULL && export_path == NULL)
    {
      g_printerr (_("touchpoint: --compare needs --export OUT\n"));
      return TP_CLI_EXIT_USAGE;
    }

  if (slides_args.output != NULL || tp_cli_slides_any_option (&slides_args))
    return run_slides (&slides_args, check != NULL || export_path != NULL, files);

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
        {
          if (export_args_any_set (&export_args))
            {
              g_printerr (_("touchpoint: the map export options do not apply to reports and spreadsheets\n"));
              return TP_CLI_EXIT_USAGE;
            }
          report_args.compare = compare;
          return tp_cli_report_export (&report_args, export_path, files[0]);
        }
      if (compare != NULL)
        {
          if (export_args_any_set (&export_args))
            {
              g_printerr (_("touchpoint: the map export options do not apply to a comparison\n"));
              return TP_CLI_EXIT_USAGE;
            }
          return tp_cli_compare_export (compare, export_path, files[0]);
        }
      return run_export (export_path, files[0], &export_args);
    }

  if (report_args.report || report_args.csv != NULL || report_args.sections != NULL)
    {
      g_printerr (_("touchpoint: --report, --sections and --csv need --export OUT\n"));
      return TP_CLI_EXIT_USAGE;
    }

  g_printerr (_("touchpoint: nothing to do\n"));
  return TP_CLI_EXIT_USAGE;
}

int
tp_cli_run (int    argc,
            char **argv)
{
  int status;

  /* The process ends when the command is done: the journey and its layout
   * stay in memory instead of being freed piece by piece (tp-release.h). */
  tp_release_set_deferred (TRUE);
  status = run_command (argc, argv);
  /* Leak checks must see everything freed (GCC and clang say so
   * differently). */
#if defined(__SANITIZE_ADDRESS__)
  tp_release_flush ();
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  tp_release_flush ();
#endif
#endif
  return status;
}
