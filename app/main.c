/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tp-application.h"
#include "tp-cli.h"
#include "tp-resources.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TpApplication) app = NULL;
  const char *localedir;

  /* Translations first (no GTK involved), so the command line speaks the
   * user's language too. Development runs and tests use the build tree's
   * translations. */
  setlocale (LC_ALL, "");
  localedir = g_getenv ("TOUCHPOINT_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --version, --check and --export work without a display: decide before
   * anything touches GTK. */
  if (tp_cli_is_headless (argc, argv))
    return tp_cli_run (argc, argv);

  /* The journey map is flat 2D drawn with cairo: GTK's cairo renderer
   * draws it 3-5 times faster than its GL renderer on llvmpipe
   * (tests/bench-canvas). Setting GSK_RENDERER (gl, say) overrides this.
   * Before GTK starts. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);

  g_set_application_name (_("Touchpoint"));
  tp_register_resource ();

  app = tp_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
