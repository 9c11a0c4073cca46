/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The parts of TpCanvas: its instance struct and what the files it is
 * split over (tp-canvas.c, tp-canvas-selection.c, tp-canvas-dnd.c,
 * tp-canvas-actions.c, tp-canvas-editing.c) call in each other. Not for
 * use outside widgets/tp-canvas*.c. */

#include "tp-canvas.h"
#include "tp-renderer.h"

G_BEGIN_DECLS

/* Pointer slack for curve dots, in pixels on screen. */
#define DOT_TOLERANCE_PX 8.0

/* What the cached scene of a card drag was drawn for. */
typedef struct {
  double zoom, ox, oy;
  int width, height;
  int palette;
  gpointer element;
  guint layout_serial;
  guint selection_serial;
} SceneKey;

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet past the threshold */
  DRAG_CARD,
  DRAG_NOTE,      /* an employee note or opportunity, to re-attach */
  DRAG_HEADER,    /* a stage or lane header, to reorder */
  DRAG_DOT,
  DRAG_BAND,
} DragMode;

struct _TpCanvas
{
  GtkWidget parent_instance;

  TpDocument *document;
  TpJourney *journey;            /* borrowed from the document */
  TpLayout *layout;
  gboolean layout_dirty;
  guint relayout_id;

  double zoom;
  gboolean show_employee_overlay;
  GHashTable *finding_marks;      /* TpElement -> TpSeverity, or NULL */
  GHashTable *hidden_departments; /* department keys, or NULL */
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint hscroll_policy : 1;
  guint vscroll_policy : 1;

  /* Selection: a set for the renderer, an array for order of clicks. */
  GHashTable *selection;         /* TpElement (ref) -> same */
  TpElement *cursor;             /* keyboard focus card (ref), may be unselected */
  TpElement *hover;              /* borrowed; cleared on relayout */

  double pointer_x;
  double pointer_y;

  /* The primary-button gesture. */
  GtkGesture *drag_gesture;
  DragMode drag_mode;
  GdkModifierType drag_state;
  double drag_x0, drag_y0;       /* widget coordinates of the press */
  double drag_x, drag_y;         /* widget coordinates now */
  double gesture_x, gesture_y;   /* where the gesture started; drag_x0/y0 follow autoscrolling */
  TpElement *drag_element;       /* ref */
  gboolean drag_was_selected;
  GHashTable *band_base;         /* selection before a band with Shift/Ctrl */
  gboolean drag_on_dot;
  guint dot_lane;
  int dot_score;
  gboolean drop_valid;
  TpLayoutDrop drop;
  TpElement *note_target;        /* borrowed: touchpoint or stage a dragged note would go to */
  guint header_insert;           /* where a dragged header would go: before this stage/lane */
  GskRenderNode *scene_node;
  SceneKey scene_key;
  guint autoscroll_id;
  guint layout_serial;
  guint selection_serial;

  /* Palette drops. */
  gboolean dnd_active;
  gboolean dnd_drop_valid;
  TpLayoutDrop dnd_drop;
  TpElement *dnd_target;         /* borrowed: the card notes would attach to */

  double zoom_gesture_start;

  /* In-place editing. */
  GtkWidget *editor;
  TpElement *editing;            /* ref */
  char *editing_property;
  gboolean committing;
  guint edit_idle_id;
  guint editor_focus_id;
  TpElement *edit_pending;       /* ref */

  /* Context menu. */
  GtkWidget *menu;
  TpElement *menu_target;        /* ref: a card, stage or lane */
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

extern guint _tp_canvas_signals[N_SIGNALS];

/* tp-canvas.c: layout and coordinates. */
void _tp_canvas_ensure_layout (TpCanvas *self);
void _tp_canvas_get_origin (TpCanvas *self,
                            double   *x,
                            double   *y);
void _tp_canvas_widget_to_document_pinned (TpCanvas *self,
                                           double    x,
                                           double    y,
                                           double   *doc_x,
                                           double   *doc_y);
void _tp_canvas_document_rect_to_widget (TpCanvas     *self,
                                         const TpRect *rect,
                                         graphene_rect_t *out);
void _tp_canvas_configure_adjustments (TpCanvas *self);
/* Where a card, or a pinned stage or lane header, is in the widget. */
gboolean _tp_canvas_get_element_bounds (TpCanvas        *self,
                                        TpElement       *element,
                                        graphene_rect_t *out);

/* Stages and lanes are selected alone, never with cards. */
static inline gboolean
_tp_canvas_is_header (gpointer element)
{
  return TP_IS_STAGE (element) || TP_IS_LANE (element);
}

/* tp-canvas-selection.c: selection, hit testing, hover. */
void _tp_canvas_update_accessible_description (TpCanvas *self);
void _tp_canvas_selection_changed (TpCanvas *self);
void _tp_canvas_set_cursor (TpCanvas  *self,
                            TpElement *element);
void _tp_canvas_select_only (TpCanvas  *self,
                             TpElement *element);
void _tp_canvas_toggle_selected (TpCanvas  *self,
                                 TpElement *element);
TpElement *_tp_canvas_get_primary_selected (TpCanvas *self);
gboolean _tp_canvas_select_neighbour (TpCanvas *self,
                                      int       dx,
                                      int       dy);
/* Selects the stage (TP_TYPE_STAGE) or lane (TP_TYPE_LANE) of the
 * selected card; FALSE when no card is selected. */
gboolean _tp_canvas_select_header_of_card (TpCanvas *self,
                                           GType     type);
TpLayoutHit _tp_canvas_hit_test_widget (TpCanvas *self,
                                        double    x,
                                        double    y);
gboolean _tp_canvas_hit_is_card (const TpLayoutHit *hit);
void _tp_canvas_on_motion (GtkEventControllerMotion *controller,
                           double                    x,
                           double                    y,
                           TpCanvas                 *self);
gboolean _tp_canvas_on_query_tooltip (GtkWidget  *widget,
                                      int         x,
                                      int         y,
                                      gboolean    keyboard_mode,
                                      GtkTooltip *tooltip,
                                      gpointer    user_data);
void _tp_canvas_on_leave (GtkEventControllerMotion *controller,
                          TpCanvas                 *self);

/* tp-canvas-editing.c: in-place editing. */
gboolean _tp_canvas_get_edit_rect (TpCanvas  *self,
                                   TpElement *element,
                                   TpRect    *rect);
void _tp_canvas_stop_editing (TpCanvas *self,
                              gboolean  commit);
TpElement *_tp_canvas_double_click_target (TpCanvas *self,
                                           double    x,
                                           double    y);
void _tp_canvas_on_click_pressed (GtkGestureClick *gesture,
                                  int              n_press,
                                  double           x,
                                  double           y,
                                  TpCanvas        *self);

/* tp-canvas-dnd.c: the drag gesture and palette drops. */
void _tp_canvas_clear_drag (TpCanvas *self);
void _tp_canvas_update_drop (TpCanvas *self);
gboolean _tp_canvas_cancel_drag (TpCanvas *self);
void _tp_canvas_on_drag_begin (GtkGestureDrag *gesture,
                               double          x,
                               double          y,
                               TpCanvas       *self);
void _tp_canvas_on_drag_update (GtkGestureDrag *gesture,
                                double          dx,
                                double          dy,
                                TpCanvas       *self);
void _tp_canvas_on_drag_end (GtkGestureDrag *gesture,
                             double          dx,
                             double          dy,
                             TpCanvas       *self);
void _tp_canvas_on_drag_cancel (GtkGesture       *gesture,
                                GdkEventSequence *sequence,
                                TpCanvas         *self);
guint _tp_canvas_list_position_for_drop (TpCanvas           *self,
                                         const TpLayoutDrop *drop);
gboolean _tp_canvas_first_cell_drop (TpCanvas     *self,
                                     TpLayoutDrop *drop);
GdkDragAction _tp_canvas_on_dnd_enter (GtkDropTarget *target,
                                       double         x,
                                       double         y,
                                       TpCanvas      *self);
GdkDragAction _tp_canvas_on_dnd_motion (GtkDropTarget *target,
                                        double         x,
                                        double         y,
                                        TpCanvas      *self);
void _tp_canvas_on_dnd_leave (GtkDropTarget *target,
                              TpCanvas      *self);
gboolean _tp_canvas_on_dnd_drop (GtkDropTarget *target,
                                 const GValue  *value,
                                 double         x,
                                 double         y,
                                 TpCanvas      *self);

/* tp-canvas-actions.c: actions, key bindings and menus. */
void _tp_canvas_on_secondary_pressed (GtkGestureClick *gesture,
                                      int              n_press,
                                      double           x,
                                      double           y,
                                      TpCanvas        *self);
void _tp_canvas_update_actions (TpCanvas *self);
void _tp_canvas_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
