/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TP_SAMPLE_RESOURCE_EN "/io/github/touchpoint/Touchpoint/templates/hospital.journey"
#define TP_SAMPLE_RESOURCE_NL "/io/github/touchpoint/Touchpoint/templates/hospital.nl.journey"

const char *tp_sample_resource_for_languages (const char * const *languages);

G_END_DECLS
