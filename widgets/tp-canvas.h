/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tp-document.h"
#include "tp-layout.h"
#include "tp-renderer.h"

G_BEGIN_DECLS

#define TP_TYPE_CANVAS (tp_canvas_get_type ())
G_DECLARE_FINAL_TYPE (TpCanvas, tp_canvas, TP, CANVAS, GtkWidget)

#define TP_CANVAS_MIN_ZOOM 0.1
#define TP_CANVAS_MAX_ZOOM 4.0

/* The journey map editor: draws the document's journey with
 * tp_render_journey() and edits it through the document, one undo step per
 * gesture. It implements GtkScrollable; put it directly in a
 * GtkScrolledWindow.
 *
 * Actions (on the widget class): canvas.zoom-in (Ctrl+plus, Ctrl+=),
 * canvas.zoom-out (Ctrl+minus), canvas.zoom-reset (Ctrl+0, 100 %),
 * canvas.zoom-fit (Ctrl+9), canvas.select-all (Ctrl+A), canvas.delete
 * (Delete, BackSpace), canvas.edit (F2, Enter), canvas.duplicate (Ctrl+D),
 * canvas.cut/copy/paste (Ctrl+X/C/V), canvas.set-score "i" (digits, 0 for
 * 10), canvas.select-neighbour "(ii)" (arrows), canvas.move-card "(ii)"
 * (Alt+arrows), canvas.toggle-moment, canvas.select-stage (Ctrl+Up) and
 * canvas.select-lane (Ctrl+Left) from a card to its header, and the
 * context menu's header actions (canvas.rename, add-stage, add-lane,
 * move-header "i", delete-header). Escape clears the selection or cancels
 * a drag; Shift+F10 and Menu open the context menu.
 *
 * The selection holds cards, or one stage or lane (a click on its
 * header); with a header selected the arrows go to the next stage (Left,
 * Right) or lane (Up, Down).
 *
 * Gestures: click, Shift/Ctrl+click and a band on empty space select;
 * dragging a touchpoint moves it (tp_document_move_touchpoint), a note or
 * opportunity re-attaches it, a curve dot sets the score, a stage or lane
 * header reorders; Ctrl+scroll and pinch zoom around the pointer; palette
 * items (see TpPaletteView) are dropped as text. Stage and lane headers
 * stay pinned while scrolling. */

GtkWidget  *tp_canvas_new                (void);

TpDocument *tp_canvas_get_document       (TpCanvas   *self);
void        tp_canvas_set_document       (TpCanvas   *self,
                                          TpDocument *document);
double      tp_canvas_get_zoom           (TpCanvas   *self);
/* Zooms around the middle of the view. */
void        tp_canvas_set_zoom           (TpCanvas   *self,
                                          double      zoom);
/* Zooms keeping the document point under widget point (@x, @y) fixed. */
void        tp_canvas_zoom_at            (TpCanvas   *self,
                                          double      zoom,
                                          double      x,
                                          double      y);
void        tp_canvas_zoom_to_fit        (TpCanvas   *self);

/* The one conversion between widget and document coordinates. */
void        tp_canvas_widget_to_document (TpCanvas   *self,
                                          double      widget_x,
                                          double      widget_y,
                                          double     *doc_x,
                                          double     *doc_y);
void        tp_canvas_document_to_widget (TpCanvas   *self,
                                          double      doc_x,
                                          double      doc_y,
                                          double     *widget_x,
                                          double     *widget_y);

/* The layout the canvas draws, up to date with the journey. */
TpLayout   *tp_canvas_get_layout         (TpCanvas   *self);

/* The selected cards (TpElement), or the one selected TpStage or TpLane,
 * in journey order; a new array. */
GPtrArray  *tp_canvas_get_selection      (TpCanvas   *self);
/* Selects exactly @element (NULL: nothing). */
void        tp_canvas_select             (TpCanvas   *self,
                                          TpElement  *element);
void        tp_canvas_select_all         (TpCanvas   *self);
void        tp_canvas_scroll_to_element  (TpCanvas   *self,
                                          TpElement  *element);
/* Selects the cards among @ids (touchpoints, employee notes,
 * opportunities) and scrolls the first into view; with no card but a
 * stage among them, scrolls to that stage's column. A finding's ids. */
void        tp_canvas_select_ids         (TpCanvas           *self,
                                          const char * const *ids);

/* Finding marks on cards: see TpRenderOptions.finding_marks. Takes a
 * reference; NULL for none. */
void        tp_canvas_set_finding_marks  (TpCanvas   *self,
                                          GHashTable *marks);
GHashTable *tp_canvas_get_finding_marks  (TpCanvas   *self);
/* Departments (tp_department_key()) whose employee notes are dimmed;
 * takes a reference; NULL for none. Per view, not saved. */
void        tp_canvas_set_hidden_departments (TpCanvas   *self,
                                              GHashTable *departments);
GHashTable *tp_canvas_get_hidden_departments (TpCanvas   *self);
/* The options the canvas draws with, apart from scrolling, zoom, hover
 * and drag feedback: for tests and for exports of what is shown. */
void        tp_canvas_render_options     (TpCanvas        *self,
                                          TpRenderOptions *options);

/* Edits the title (or text, or name) of @element in place. */
void        tp_canvas_start_editing      (TpCanvas   *self,
                                          TpElement  *element);
/* The in-place editor while editing, else NULL. */
GtkEditable *tp_canvas_get_editor        (TpCanvas   *self);

/* Palette items, as dragged and activated: "channel:<nick>", "blocker",
 * "enabler" or "opportunity". Adds the item to the cell at document
 * point (@doc_x, @doc_y); returns the new element (borrowed) or NULL. */
TpElement  *tp_canvas_add_item_at        (TpCanvas   *self,
                                          const char *item,
                                          double      doc_x,
                                          double      doc_y);
/* Adds the item to the cell of the selection, or the first cell. */
TpElement  *tp_canvas_add_item           (TpCanvas   *self,
                                          const char *item);

G_END_DECLS
