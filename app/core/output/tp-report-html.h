/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tp-report.h"

G_BEGIN_DECLS

/* The report as one self-contained HTML file: inline CSS (screen and
 * print, with page breaks), charts and the journey map as inline SVG,
 * nothing fetched from anywhere. Every text from the journey is escaped,
 * so a journey cannot inject markup or script. */
GBytes *tp_report_html_write (TpReport *report);

G_END_DECLS
