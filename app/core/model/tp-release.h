/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Freeing a large journey and its layout (thousands of objects, pango
 * layouts and strings) takes tens of milliseconds. A process that is about
 * to exit anyway, the command line, can keep them instead and let the
 * system take the memory back at once.
 *
 * tp_release() drops a reference now, or, once deferring is on, when
 * tp_release_flush() runs. The command line flushes only in sanitizer
 * builds, so leak checks still see every object freed. */
void tp_release_set_deferred (gboolean deferred);
void tp_release              (gpointer object);
void tp_release_flush        (void);

G_END_DECLS
