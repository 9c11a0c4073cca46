/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-cli.h"
#include "tp-cli-slides.h"
#include "tp-document.h"
#include "tp-export.h"
#include "tp-release.h"
#include "tp-slides.h"

void
tp_cli_slides_args_clear (TpCliSlidesArgs *args)
{
  g_clear_pointer (&args->output, g_free);
}

void
tp_cli_slides_add_options (GOptionContext  *context,
                           TpCliSlidesArgs *args)
{
  const GOptionEntry entries[] = {
    { "slides", 0, 0, G_OPTION_ARG_FILENAME, &args->output,
      N_("Write FILE as a 16:9 PDF slide deck for presenting"), N_("OUT") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &args->dark,
      N_("With --slides: light text on a dark background"), NULL },
    { "no-employee", 0, 0, G_OPTION_ARG_NONE, &args->no_employee,
      N_("With --slides: leave out the blockers and enablers"), NULL },
    { NULL }
  };

  /* The group copies the array; @args must outlive the context. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

gboolean
tp_cli_slides_any_option (const TpCliSlidesArgs *args)
{
  return args->dark || args->no_employee;
}

int
tp_cli_slides_export (const TpCliSlidesArgs *args,
                      const char            *input)
{
  g_autoptr(GFile) in_file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (args->output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpSlides) slides = NULL;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *lower = g_ascii_strdown (args->output, -1);
  TpSlidesOptions options;
  gboolean use_cairo_pdf;
  guint n_pages = 0;

  if (!g_str_has_suffix (lower, ".pdf"))
    {
      g_printerr (_("touchpoint: --slides writes a .pdf file\n"));
      return TP_CLI_EXIT_USAGE;
    }

  document = tp_document_new_from_file (in_file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return TP_CLI_EXIT_FAILED;
    }

  tp_slides_options_init (&options);
  options.dark = args->dark;
  options.show_employee_layer = !args->no_employee;
  slides = tp_slides_new (tp_document_get_journey (document), &options);
  /* The core reads no environment: these are the user's say here. */
  use_cairo_pdf = g_strcmp0 (g_getenv ("TOUCHPOINT_PDF_BACKEND"), "cairo") == 0;
  date = tp_export_date_from_epoch (g_getenv ("SOURCE_DATE_EPOCH"));
  if (!tp_slides_export_to_file (slides, out_file, date, use_cairo_pdf, &n_pages, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return TP_CLI_EXIT_FAILED;
    }
  tp_release (g_steal_pointer (&document));

  /* Translators: a file name and its number of slides */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u slide, 16:9\n", "%s: %u slides, 16:9\n", n_pages),
           args->output, n_pages);
  return TP_CLI_EXIT_OK;
}
