/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib.h>
#include <locale.h>

#include "tp-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (tp_cli_is_headless (argc, argv))
    return tp_cli_run (argc, argv);
  return 2;
}
