/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "tp-journey.h"

G_BEGIN_DECLS

#define TP_TYPE_TEMPLATE_GALLERY (tp_template_gallery_get_type ())
G_DECLARE_FINAL_TYPE (TpTemplateGallery, tp_template_gallery, TP, TEMPLATE_GALLERY, AdwWindow)

/* The dialog New shows: a blank journey per scope and the worked examples,
 * in Dutch when the interface language prefers it. Choosing one emits
 * "template-chosen" (TpJourney *journey: a fresh copy read from the
 * resources, for a new untitled document; GtkWindow *parent: the window
 * the dialog was shown for, or NULL) and closes the dialog; Escape or
 * Cancel closes it without. Each item is a GtkFlowBoxChild whose widget
 * name is the template's name ("newspaper-holiday-stop"). */
TpTemplateGallery *tp_template_gallery_new         (GtkWindow *parent);

/* The flow box of the blank journeys (@blank) or of the worked examples;
 * for tests. */
GtkFlowBox        *tp_template_gallery_get_flow_box (TpTemplateGallery *self,
                                                     gboolean           blank);

/* TRUE when @window is a document window a new journey may take the place
 * of: untitled, unmodified, with nothing to undo or redo and no journey
 * being opened in it (the sample at start, a template just opened). */
gboolean           tp_template_gallery_can_replace (GtkWindow *window);

G_END_DECLS
