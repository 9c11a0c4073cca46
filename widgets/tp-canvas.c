/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tp-canvas-private.h"

/* The journey canvas: the view. One type over several files, sharing
 * tp-canvas-private.h: this one has the layout, coordinates, zoom,
 * drawing and the GObject; the selection, dragging and drops, actions and
 * menus, and in-place editing have files of their own.
 *
 * Geometry comes from a TpLayout in document units; widget_to_document()
 * and document_to_widget() are the only places that know about scrolling
 * and zoom. The snapshot is one cairo node exactly the size of the
 * viewport, translated and scaled, drawing only what is visible. */

#define ZOOM_WHEEL_FACTOR 1.2

static void tp_canvas_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TpCanvas, tp_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, tp_canvas_scrollable_init))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_SHOW_EMPLOYEE_OVERLAY,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];
guint _tp_canvas_signals[N_SIGNALS];

static TpPalette current_palette (void);

/* ---------------------------------------------------------------- layout */

static void
prune_selection (TpCanvas *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      TpElement *element = key;

      if (self->journey == NULL || tp_journey_lookup (self->journey, tp_element_get_id (element)) != element)
        {
          g_hash_table_iter_remove (&iter);
          changed = TRUE;
        }
    }

  if (self->cursor != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->cursor)) != self->cursor))
    g_clear_object (&self->cursor);

  if (changed)
    {
      self->selection_serial++;
      _tp_canvas_update_accessible_description (self);
      _tp_canvas_update_actions (self);
      g_signal_emit (self, _tp_canvas_signals[SELECTION_CHANGED], 0);
    }
}

/* Brings the layout up to date; every geometry query goes through here. */
void
_tp_canvas_ensure_layout (TpCanvas *self)
{
  if (self->layout == NULL || !self->layout_dirty)
    return;

  self->layout_dirty = FALSE;
  self->hover = NULL;
  self->dnd_target = NULL;
  self->layout_serial++;
  tp_layout_update (self->layout);

  /* Drop positions point into the old geometry. */
  self->dnd_drop_valid = FALSE;
  self->drop_valid = FALSE;
  self->note_target = NULL;
  if (self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE)
    _tp_canvas_update_drop (self);
}

static void
get_content_size (TpCanvas *self,
                  double   *width,
                  double   *height)
{
  double w = 0, h = 0;

  _tp_canvas_ensure_layout (self);
  if (self->layout != NULL)
    tp_layout_get_size (self->layout, &w, &h);
  *width = w * self->zoom;
  *height = h * self->zoom;
}

/* Where document (0, 0) is in the widget: scrolled, or centred
 * horizontally when the whole width fits. */
void
_tp_canvas_get_origin (TpCanvas *self,
                       double   *x,
                       double   *y)
{
  double content_w, content_h;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  get_content_size (self, &content_w, &content_h);

  if (content_w < width)
    *x = floor ((width - content_w) / 2);
  else
    *x = self->hadjustment != NULL ? -round (gtk_adjustment_get_value (self->hadjustment)) : 0;
  *y = self->vadjustment != NULL ? -round (gtk_adjustment_get_value (self->vadjustment)) : 0;
}

/* Where the pinned headers' document origin is in the widget: the stage
 * header row stays at the top, the lane header column at the left. */
static void
get_header_origin (TpCanvas *self,
                   double   *x,
                   double   *y)
{
  double ox, oy;

  _tp_canvas_get_origin (self, &ox, &oy);
  *x = MAX (ox, 0);
  *y = MAX (oy, 0);
}

/* Like tp_canvas_widget_to_document(), but a point over a pinned header
 * maps to that header. For hit testing. */
void
_tp_canvas_widget_to_document_pinned (TpCanvas *self,
                                      double    x,
                                      double    y,
                                      double   *doc_x,
                                      double   *doc_y)
{
  double hx, hy;

  tp_canvas_widget_to_document (self, x, y, doc_x, doc_y);
  get_header_origin (self, &hx, &hy);
  if (x >= hx && x < hx + TP_LAYOUT_LANE_HEADER_WIDTH * self->zoom)
    *doc_x = (x - hx) / self->zoom;
  if (y >= hy && y < hy + TP_LAYOUT_STAGE_HEADER_HEIGHT * self->zoom)
    *doc_y = (y - hy) / self->zoom;
}

void
tp_canvas_widget_to_document (TpCanvas *self,
                              double    widget_x,
                              double    widget_y,
                              double   *doc_x,
                              double   *doc_y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_CANVAS (self));

  _tp_canvas_get_origin (self, &ox, &oy);
  if (doc_x != NULL)
    *doc_x = (widget_x - ox) / self->zoom;
  if (doc_y != NULL)
    *doc_y = (widget_y - oy) / self->zoom;
}

void
tp_canvas_document_to_widget (TpCanvas *self,
                              double    doc_x,
                              double    doc_y,
                              double   *widget_x,
                              double   *widget_y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_CANVAS (self));

  _tp_canvas_get_origin (self, &ox, &oy);
  if (widget_x != NULL)
    *widget_x = doc_x * self->zoom + ox;
  if (widget_y != NULL)
    *widget_y = doc_y * self->zoom + oy;
}

void
_tp_canvas_document_rect_to_widget (TpCanvas     *self,
                                    const TpRect *rect,
                                    graphene_rect_t *out)
{
  double x, y;

  tp_canvas_document_to_widget (self, rect->x, rect->y, &x, &y);
  graphene_rect_init (out, x, y, rect->width * self->zoom, rect->height * self->zoom);
}

gboolean
_tp_canvas_get_element_bounds (TpCanvas        *self,
                               TpElement       *element,
                               graphene_rect_t *out)
{
  double hx, hy;
  TpRect rect;

  if (!_tp_canvas_get_edit_rect (self, element, &rect))
    return FALSE;
  _tp_canvas_document_rect_to_widget (self, &rect, out);
  get_header_origin (self, &hx, &hy);
  if (TP_IS_STAGE (element))
    out->origin.y = hy + rect.y * self->zoom;
  else if (TP_IS_LANE (element))
    out->origin.x = hx + rect.x * self->zoom;
  return TRUE;
}

void
_tp_canvas_configure_adjustments (TpCanvas *self)
{
  double content_w, content_h;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  get_content_size (self, &content_w, &content_h);

  if (self->hadjustment != NULL)
    {
      double upper = MAX (content_w, width);
      double value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, MAX (0, upper - width));

      gtk_adjustment_configure (self->hadjustment, value, 0, upper,
                                width * 0.1, width * 0.9, width);
    }
  if (self->vadjustment != NULL)
    {
      double upper = MAX (content_h, height);
      double value = CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (0, upper - height));

      gtk_adjustment_configure (self->vadjustment, value, 0, upper,
                                height * 0.1, height * 0.9, height);
    }
}

static gboolean
relayout_idle_cb (gpointer user_data)
{
  TpCanvas *self = user_data;

  self->relayout_id = 0;
  _tp_canvas_ensure_layout (self);
  prune_selection (self);
  /* The card or dot being dragged went away (undone, deleted elsewhere). */
  if (self->drag_element != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->drag_element)) != self->drag_element))
    {
      if (!_tp_canvas_cancel_drag (self))
        _tp_canvas_clear_drag (self);
    }
  if (self->editing != NULL
      && (self->journey == NULL
          || tp_journey_lookup (self->journey, tp_element_get_id (self->editing)) != self->editing))
    _tp_canvas_stop_editing (self, FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
on_journey_changed (TpCanvas *self)
{
  /* One edit emits many signals (a delete touches several lists): lay out
   * once, before the next frame, or earlier when something asks. */
  self->layout_dirty = TRUE;
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_idle_cb, self, NULL);
}

TpLayout *
tp_canvas_get_layout (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  _tp_canvas_ensure_layout (self);
  return self->layout;
}

/* ---------------------------------------------------------------- options */

void
tp_canvas_set_finding_marks (TpCanvas   *self,
                             GHashTable *marks)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  if (marks == self->finding_marks)
    return;
  if (marks != NULL)
    g_hash_table_ref (marks);
  g_clear_pointer (&self->finding_marks, g_hash_table_unref);
  self->finding_marks = marks;
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GHashTable *
tp_canvas_get_finding_marks (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->finding_marks;
}

void
tp_canvas_set_hidden_departments (TpCanvas   *self,
                                  GHashTable *departments)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  if (departments == self->hidden_departments)
    return;
  if (departments != NULL)
    g_hash_table_ref (departments);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  self->hidden_departments = departments;
  g_clear_pointer (&self->scene_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GHashTable *
tp_canvas_get_hidden_departments (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->hidden_departments;
}

void
tp_canvas_render_options (TpCanvas        *self,
                          TpRenderOptions *options)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (options != NULL);

  tp_render_options_init (options);
  options->palette = current_palette ();
  options->selection = self->selection;
  options->show_employee_overlay = self->show_employee_overlay;
  options->finding_marks = self->finding_marks;
  options->hidden_departments = self->hidden_departments;
}

/* ---------------------------------------------------------------- zoom */

void
tp_canvas_zoom_at (TpCanvas *self,
                   double    zoom,
                   double    x,
                   double    y)
{
  double doc_x, doc_y;

  g_return_if_fail (TP_IS_CANVAS (self));

  zoom = CLAMP (zoom, TP_CANVAS_MIN_ZOOM, TP_CANVAS_MAX_ZOOM);
  if (fabs (zoom - self->zoom) < 1e-9)
    return;

  tp_canvas_widget_to_document (self, x, y, &doc_x, &doc_y);
  self->zoom = zoom;
  _tp_canvas_configure_adjustments (self);

  /* Scroll so that the same document point is under (x, y) again. */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, doc_x * zoom - x);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, doc_y * zoom - y);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_canvas_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
tp_canvas_set_zoom (TpCanvas *self,
                    double    zoom)
{
  g_return_if_fail (TP_IS_CANVAS (self));

  tp_canvas_zoom_at (self, zoom,
                     gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
tp_canvas_get_zoom (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
tp_canvas_zoom_to_fit (TpCanvas *self)
{
  double w = 0, h = 0;
  int width, height;
  double zoom;

  g_return_if_fail (TP_IS_CANVAS (self));

  _tp_canvas_ensure_layout (self);
  if (self->layout != NULL)
    tp_layout_get_size (self->layout, &w, &h);
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0 || width <= 0 || height <= 0)
    return;

  zoom = MIN (width / w, height / h);
  tp_canvas_zoom_at (self, zoom, 0, 0);
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TpCanvas                 *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x, y = self->pointer_y;
  double ex, ey;

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  /* Where the pointer is now, even before any motion reached us. */
  if (event != NULL && gdk_event_get_position (event, &ex, &ey))
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      double nx = 0, ny = 0;

      if (native != NULL)
        {
          gtk_native_get_surface_transform (native, &nx, &ny);
          gtk_widget_translate_coordinates (GTK_WIDGET (native), GTK_WIDGET (self),
                                            ex - nx, ey - ny, &x, &y);
        }
    }

  tp_canvas_zoom_at (self, self->zoom * pow (ZOOM_WHEEL_FACTOR, -dy), x, y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TpCanvas         *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       TpCanvas       *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  tp_canvas_zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

/* ---------------------------------------------------------------- drawing */

static TpPalette
current_palette (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ()) ? TP_PALETTE_DARK : TP_PALETTE_LIGHT;
}

static void
draw_score_bubble (TpCanvas *self,
                   cairo_t  *cr,
                   int       score,
                   double    x,
                   double    y)
{
  PangoLayout *text;
  g_autofree char *label = g_strdup_printf ("%d", score);
  double rgb[3];
  int tw, th;
  double r;

  tp_score_color (score, current_palette (), rgb);
  text = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
  pango_layout_get_pixel_size (text, &tw, &th);
  r = MAX (tw, th) / 2.0 + 6;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  if (score >= 5 && score <= 8)
    cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  cairo_move_to (cr, x - tw / 2.0, y - th / 2.0);
  pango_cairo_show_layout (cr, text);
  cairo_restore (cr);
  g_object_unref (text);
}

/* The map with its headers pinned: the body scrolls under the stage
 * header row and the lane header column, which stay in view. @cr is in
 * widget coordinates. */
static void
render_scene (TpCanvas              *self,
              cairo_t               *cr,
              const TpRenderOptions *options,
              double                 ox,
              double                 oy,
              int                    width,
              int                    height)
{
  TpRenderOptions parts = *options;
  double hx, hy, body_x, body_y;

  get_header_origin (self, &hx, &hy);

  /* The pinned headers are opaque and cover the body's top and left
   * edges: leave those out of the body's clip and culling. */
  body_x = hx + TP_LAYOUT_LANE_HEADER_WIDTH * self->zoom;
  body_y = hy + TP_LAYOUT_STAGE_HEADER_HEIGHT * self->zoom;
  cairo_save (cr);
  if (body_x < width && body_y < height)
    {
      cairo_rectangle (cr, body_x, body_y, width - body_x, height - body_y);
      cairo_clip (cr);
      parts.visible = TP_RECT_INIT ((body_x - ox) / self->zoom, (body_y - oy) / self->zoom,
                                    (width - body_x) / self->zoom, (height - body_y) / self->zoom);
    }
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_BODY;
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, hx, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_LANE_HEADERS;
  parts.visible = TP_RECT_INIT (0, -oy / self->zoom, TP_LAYOUT_LANE_HEADER_WIDTH, height / self->zoom);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, ox, hy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_STAGE_HEADERS;
  parts.visible = TP_RECT_INIT (-ox / self->zoom, 0, width / self->zoom, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_translate (cr, hx, hy);
  cairo_scale (cr, self->zoom, self->zoom);
  parts.parts = TP_RENDER_CORNER;
  parts.visible = TP_RECT_INIT (0, 0, TP_LAYOUT_LANE_HEADER_WIDTH, TP_LAYOUT_STAGE_HEADER_HEIGHT);
  tp_render_journey (cr, self->layout, &parts);
  cairo_restore (cr);
}

/* A cairo node for the document rectangle @rect (grown by @margin units
 * for shadows), clipped to the viewport, set up for document units.
 * NULL when nothing of it is visible. */
static cairo_t *
append_document_cairo (TpCanvas     *self,
                       GtkSnapshot  *snapshot,
                       const TpRect *rect,
                       double        margin,
                       double        ox,
                       double        oy,
                       int           width,
                       int           height)
{
  graphene_rect_t bounds, viewport = GRAPHENE_RECT_INIT (0, 0, width, height);
  TpRect grown = tp_rect_inset (rect, -margin, -margin);
  cairo_t *cr;

  _tp_canvas_document_rect_to_widget (self, &grown, &bounds);
  graphene_rect_round_extents (&bounds, &bounds);
  if (!graphene_rect_intersection (&bounds, &viewport, &bounds))
    return NULL;

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  return cr;
}

/* While a card is dragged only it and the drop line move: the rest is one
 * node drawn at the start of the drag and reused every frame, and the card
 * and the line get small nodes of their own. */
static void
snapshot_card_drag (TpCanvas              *self,
                    GtkSnapshot           *snapshot,
                    const TpRenderOptions *options,
                    double                 ox,
                    double                 oy,
                    int                    width,
                    int                    height)
{
  SceneKey key;
  double dx = (self->drag_x - self->drag_x0) / self->zoom;
  double dy = (self->drag_y - self->drag_y0) / self->zoom;
  TpRect card;
  cairo_t *cr;

  memset (&key, 0, sizeof key);
  key.zoom = self->zoom;
  key.ox = ox;
  key.oy = oy;
  key.width = width;
  key.height = height;
  key.palette = options->palette;
  key.element = self->drag_element;
  key.layout_serial = self->layout_serial;
  key.selection_serial = self->selection_serial;

  if (self->scene_node == NULL || memcmp (&key, &self->scene_key, sizeof key) != 0)
    {
      GtkSnapshot *scene = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (scene, &GRAPHENE_RECT_INIT (0, 0, width, height));
      render_scene (self, cr, options, ox, oy, width, height);
      cairo_destroy (cr);

      g_clear_pointer (&self->scene_node, gsk_render_node_unref);
      self->scene_node = gtk_snapshot_free_to_node (scene);
      self->scene_key = key;
    }
  if (self->scene_node != NULL)
    gtk_snapshot_append_node (snapshot, self->scene_node);

  if (self->drop_valid)
    {
      cr = append_document_cairo (self, snapshot, &self->drop.indicator, 6, ox, oy, width, height);
      if (cr != NULL)
        {
          tp_render_drop_indicator (cr, &self->drop, options);
          cairo_destroy (cr);
        }
    }

  if (self->note_target != NULL)
    {
      TpRect target;
      gboolean have = FALSE;
      guint position = 0;

      if (TP_IS_TOUCHPOINT (self->note_target))
        have = tp_layout_get_card_rect (self->layout, self->note_target, &target);
      else if (tp_journey_get_position (self->journey, self->note_target, &position))
        have = tp_layout_get_stage_rect (self->layout, position, &target);

      if (have)
        {
          cr = append_document_cairo (self, snapshot, &target, 4, ox, oy, width, height);
          if (cr != NULL)
            {
              /* The accent ring of where it goes. */
              cairo_rectangle (cr, target.x - 2, target.y - 2, target.width + 4, target.height + 4);
              cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
              cairo_set_line_width (cr, 2.5 / self->zoom);
              cairo_stroke (cr);
              cairo_destroy (cr);
            }
        }
    }

  if (tp_layout_get_card_rect (self->layout, self->drag_element, &card))
    {
      card.x += dx;
      card.y += dy;
      /* Room for the lifted card's shadow. */
      cr = append_document_cairo (self, snapshot, &card, 24, ox, oy, width, height);
      if (cr != NULL)
        {
          tp_render_card (cr, self->layout, self->drag_element, options, dx, dy);
          cairo_destroy (cr);
        }
    }
}

/* A dragged stage or lane: its column or row tinted, and an accent line
 * where it would go. In widget coordinates. */
static void
draw_header_drag (TpCanvas *self,
                  cairo_t  *cr,
                  int       width,
                  int       height)
{
  gboolean stage = TP_IS_STAGE (self->drag_element);
  guint n = stage ? tp_layout_get_n_stages (self->layout) : tp_layout_get_n_lanes (self->layout);
  guint from = 0;
  graphene_rect_t band;
  TpRect rect;
  double edge;

  if (n == 0 || !tp_journey_get_position (self->journey, self->drag_element, &from))
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  if (stage ? tp_layout_get_stage_rect (self->layout, from, &rect) : tp_layout_get_lane_rect (self->layout, from, &rect))
    {
      _tp_canvas_document_rect_to_widget (self, &rect, &band);
      cairo_rectangle (cr, band.origin.x, band.origin.y, band.size.width, band.size.height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.12);
      cairo_fill (cr);
    }

  /* The edge before the stage (lane) at header_insert, or after the last. */
  if (self->header_insert < n)
    {
      if (!(stage ? tp_layout_get_stage_rect (self->layout, self->header_insert, &rect)
                  : tp_layout_get_lane_rect (self->layout, self->header_insert, &rect)))
        goto out;
      edge = stage ? rect.x : rect.y;
    }
  else
    {
      if (!(stage ? tp_layout_get_stage_rect (self->layout, n - 1, &rect)
                  : tp_layout_get_lane_rect (self->layout, n - 1, &rect)))
        goto out;
      edge = stage ? rect.x + rect.width : rect.y + rect.height;
    }

  if (stage)
    {
      double x;

      tp_canvas_document_to_widget (self, edge, 0, &x, NULL);
      cairo_rectangle (cr, round (x) - 1.5, 0, 3, height);
    }
  else
    {
      double y;

      tp_canvas_document_to_widget (self, 0, edge, NULL, &y);
      cairo_rectangle (cr, 0, round (y) - 1.5, width, 3);
    }
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 1);
  cairo_fill (cr);

out:
  cairo_restore (cr);
}

static void
tp_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  TpCanvas *self = TP_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TpRenderOptions options;
  double ox, oy, doc_x0, doc_y0, doc_x1, doc_y1;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  _tp_canvas_ensure_layout (self);
  if (self->layout == NULL)
    return;

  _tp_canvas_get_origin (self, &ox, &oy);
  tp_canvas_widget_to_document (self, 0, 0, &doc_x0, &doc_y0);
  tp_canvas_widget_to_document (self, width, height, &doc_x1, &doc_y1);

  tp_render_options_init (&options);
  options.palette = current_palette ();
  options.visible = TP_RECT_INIT (doc_x0, doc_y0, doc_x1 - doc_x0, doc_y1 - doc_y0);
  options.zoom = self->zoom * gtk_widget_get_scale_factor (widget);
  options.selection = self->selection;
  options.show_employee_overlay = self->show_employee_overlay;
  options.finding_marks = self->finding_marks;
  options.hidden_departments = self->hidden_departments;
  options.hover = self->hover;
  if (self->dnd_active && self->dnd_target != NULL)
    options.hover = self->dnd_target;
  if ((self->drag_mode == DRAG_CARD || self->drag_mode == DRAG_NOTE) && self->drag_element != NULL)
    {
      options.hidden = self->drag_element;
      snapshot_card_drag (self, snapshot, &options, ox, oy, width, height);
      goto children;
    }
  if (self->dnd_active && self->dnd_drop_valid)
    {
      options.show_drop = TRUE;
      options.drop = self->dnd_drop;
    }

  /* One node, exactly the viewport. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  render_scene (self, cr, &options, ox, oy, width, height);

  if (self->drag_mode == DRAG_HEADER && self->drag_element != NULL)
    draw_header_drag (self, cr, width, height);

  if (self->drag_mode == DRAG_DOT && self->dot_score >= TP_SCORE_MIN)
    {
      guint n = 0;
      const TpCurvePoint *points = tp_layout_get_curve (self->layout, self->dot_lane, &n);

      for (guint i = 0; points != NULL && i < n; i++)
        if (points[i].element == self->drag_element)
          {
            double doc_y = tp_layout_score_to_y (self->layout, self->dot_lane, self->dot_score);
            double x, y;

            double from_y;
            static const double dash[] = { 3, 3 };

            tp_canvas_document_to_widget (self, points[i].x, doc_y, &x, &y);
            tp_canvas_document_to_widget (self, points[i].x, points[i].y, NULL, &from_y);
            /* From the score it had to the one it gets. */
            cairo_save (cr);
            cairo_new_path (cr);
            cairo_move_to (cr, round (x) + 0.5, from_y);
            cairo_line_to (cr, round (x) + 0.5, y);
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
            cairo_set_line_width (cr, 1);
            cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
            cairo_stroke (cr);
            cairo_restore (cr);
            draw_score_bubble (self, cr, self->dot_score, x, y);
            break;
          }
    }

  if (self->drag_mode == DRAG_BAND)
    {
      cairo_new_path (cr);
      GdkRGBA accent = { 0.21, 0.52, 0.89, 1 };
      double x = MIN (self->drag_x0, self->drag_x), y = MIN (self->drag_y0, self->drag_y);
      double w = fabs (self->drag_x - self->drag_x0), h = fabs (self->drag_y - self->drag_y0);

      cairo_rectangle (cr, round (x) + 0.5, round (y) + 0.5, round (w), round (h));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);

children:
  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
  if (self->menu != NULL)
    gtk_widget_snapshot_child (widget, self->menu, snapshot);
}

static void
tp_canvas_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  TpCanvas *self = TP_CANVAS (widget);
  double w, h;

  get_content_size (self, &w, &h);
  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? w : h);
}

static void
tp_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  TpCanvas *self = TP_CANVAS (widget);

  _tp_canvas_configure_adjustments (self);

  if (self->editor != NULL)
    {
      graphene_rect_t bounds;
      int min_h = 0;

      /* Hidden while what it edits has no place on the map (it was just
       * deleted; the editor closes when the journey is laid out again). */
      gboolean placed = _tp_canvas_get_element_bounds (self, self->editing, &bounds);

      gtk_widget_set_child_visible (self->editor, placed);
      if (placed)
        {
          GtkAllocation alloc;
          int min_w = 0;

          gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
          gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
          /* Over the card, centred on it, at least wide enough to type in. */
          alloc.width = MAX (MAX ((int) bounds.size.width, 160), min_w);
          alloc.x = (int) (bounds.origin.x + (bounds.size.width - alloc.width) / 2);
          alloc.height = min_h;
          alloc.y = (int) (bounds.origin.y + (bounds.size.height - min_h) / 2);
          gtk_widget_size_allocate (self->editor, &alloc, -1);
        }
    }

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* ---------------------------------------------------------------- GtkScrollable */

static void
on_adjustment_value_changed (TpCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TpCanvas       *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);
  _tp_canvas_configure_adjustments (self);
}

static gboolean
tp_canvas_get_border (GtkScrollable *scrollable,
                      GtkBorder     *border)
{
  return FALSE;
}

static void
tp_canvas_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = tp_canvas_get_border;
}

/* ---------------------------------------------------------------- GObject */

static void
tp_canvas_dispose (GObject *object)
{
  TpCanvas *self = TP_CANVAS (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->finding_marks, g_hash_table_unref);
  g_clear_pointer (&self->hidden_departments, g_hash_table_unref);
  g_clear_handle_id (&self->edit_idle_id, g_source_remove);
  g_clear_handle_id (&self->editor_focus_id, g_source_remove);
  g_clear_object (&self->edit_pending);
  if (self->editor != NULL)
    {
      self->committing = TRUE;
      g_clear_pointer (&self->editor, gtk_widget_unparent);
    }
  g_clear_object (&self->editing);
  g_clear_pointer (&self->editing_property, g_free);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_target);

  /* No "selection-changed" while going away. */
  g_hash_table_remove_all (self->selection);
  tp_canvas_set_document (self, NULL);
  _tp_canvas_clear_drag (self);
  g_clear_object (&self->cursor);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (tp_canvas_parent_class)->dispose (object);
}

static void
tp_canvas_finalize (GObject *object)
{
  TpCanvas *self = TP_CANVAS (object);

  g_hash_table_unref (self->selection);

  G_OBJECT_CLASS (tp_canvas_parent_class)->finalize (object);
}

static void
tp_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpCanvas *self = TP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_SHOW_EMPLOYEE_OVERLAY:
      g_value_set_boolean (value, self->show_employee_overlay);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpCanvas *self = TP_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      tp_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_SHOW_EMPLOYEE_OVERLAY:
      if (self->show_employee_overlay != g_value_get_boolean (value))
        {
          self->show_employee_overlay = g_value_get_boolean (value);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_canvas_class_init (TpCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_canvas_dispose;
  object_class->finalize = tp_canvas_finalize;
  object_class->get_property = tp_canvas_get_property;
  object_class->set_property = tp_canvas_set_property;

  widget_class->snapshot = tp_canvas_snapshot;
  widget_class->measure = tp_canvas_measure;
  widget_class->size_allocate = tp_canvas_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, TP_CANVAS_MIN_ZOOM, TP_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Employee notes' markers on touchpoint cards and the employee line. */
  properties[PROP_SHOW_EMPLOYEE_OVERLAY] =
    g_param_spec_boolean ("show-employee-overlay", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* The selection changed; see tp_canvas_get_selection(). */
  _tp_canvas_signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _tp_canvas_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "journeycanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tp_canvas_init (TpCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  GtkDropTarget *target;

  self->zoom = 1.0;
  self->show_employee_overlay = TRUE;
  self->selection = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_tp_canvas_on_query_tooltip), NULL);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey map"),
                                  -1);
  _tp_canvas_update_accessible_description (self);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (_tp_canvas_on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (_tp_canvas_on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (_tp_canvas_on_drag_end), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (_tp_canvas_on_drag_cancel), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag_gesture = gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (_tp_canvas_on_click_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (_tp_canvas_on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (_tp_canvas_on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (_tp_canvas_on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect (target, "enter", G_CALLBACK (_tp_canvas_on_dnd_enter), self);
  g_signal_connect (target, "motion", G_CALLBACK (_tp_canvas_on_dnd_motion), self);
  g_signal_connect (target, "leave", G_CALLBACK (_tp_canvas_on_dnd_leave), self);
  g_signal_connect (target, "drop", G_CALLBACK (_tp_canvas_on_dnd_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* The palette follows the light or dark style. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  _tp_canvas_update_actions (self);
}

GtkWidget *
tp_canvas_new (void)
{
  return g_object_new (TP_TYPE_CANVAS, NULL);
}

TpDocument *
tp_canvas_get_document (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);
  return self->document;
}

void
tp_canvas_set_document (TpCanvas   *self,
                        TpDocument *document)
{
  g_return_if_fail (TP_IS_CANVAS (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->editor != NULL)
    _tp_canvas_stop_editing (self, FALSE);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, on_journey_changed, self);
  g_clear_object (&self->layout);
  self->journey = NULL;
  self->hover = NULL;
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      self->journey = tp_document_get_journey (document);
      self->layout = tp_layout_new (self->journey, NULL);
      self->layout_dirty = FALSE;
      g_signal_connect_object (self->journey, "changed",
                               G_CALLBACK (on_journey_changed), self, G_CONNECT_SWAPPED);
    }

  if (g_hash_table_size (self->selection) > 0)
    {
      g_hash_table_remove_all (self->selection);
      g_signal_emit (self, _tp_canvas_signals[SELECTION_CHANGED], 0);
    }
  g_clear_object (&self->cursor);

  _tp_canvas_update_actions (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
