/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-canvas-private.h"
#include "tp-canvas-test.h"

/* The journey canvas: its actions and key bindings, the clipboard, and
 * the context menus. */

/* The steps of canvas.zoom-in and canvas.zoom-out. */
static const double zoom_steps[] = {
  0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

/* Cut and copied touchpoints, detached copies shared by all canvases (so
 * they can be pasted into another window's journey). */
static GPtrArray *clipboard;

/* ---------------------------------------------------------------- context menu */

/* One entry per kind of lane, named by the kind; @after_id, when set, is
 * the lane the new one goes below. */
static GMenu *
lane_kinds_menu (const char *after_id)
{
  GMenu *kinds = g_menu_new ();
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (TP_TYPE_LANE_KIND);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *action = NULL;

      if (after_id != NULL)
        action = g_strdup_printf ("canvas.add-lane-after(('%s',%d))", after_id, enum_class->values[i].value);
      else
        action = g_strdup_printf ("canvas.add-lane-of-kind(%d)", enum_class->values[i].value);
      g_menu_append (kinds, tp_lane_kind_get_display_name (enum_class->values[i].value), action);
    }
  return kinds;
}

/* A card's menu also reaches its stage and lane, so that headers can be
 * renamed, added and deleted without a pointer. */
static void
append_header_submenus (TpCanvas  *self,
                        GMenu     *menu,
                        TpElement *card)
{
  g_autoptr(GMenu) section = g_menu_new ();
  TpStage *stage = NULL;
  TpLane *lane = NULL;

  if (TP_IS_TOUCHPOINT (card))
    {
      stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (TP_TOUCHPOINT (card)));
      lane = tp_journey_lookup_lane (self->journey, tp_touchpoint_get_lane_id (TP_TOUCHPOINT (card)));
    }
  else if (TP_IS_EMPLOYEE_NOTE (card))
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (card);
      TpTouchpoint *tp = tp_journey_lookup_touchpoint (self->journey, tp_employee_note_get_touchpoint_id (note));

      stage = tp_journey_lookup_stage (self->journey,
                                       tp ? tp_touchpoint_get_stage_id (tp) : tp_employee_note_get_stage_id (note));
    }

  if (stage != NULL)
    {
      g_autoptr(GMenu) items = g_menu_new ();
      const char *id = tp_element_get_id (TP_ELEMENT (stage));
      g_autofree char *rename = g_strdup_printf ("canvas.header(('rename','%s'))", id);
      g_autofree char *add = g_strdup_printf ("canvas.header(('add-after','%s'))", id);
      g_autofree char *remove = g_strdup_printf ("canvas.header(('delete','%s'))", id);
      /* Translators: a submenu; %s is the stage's name */
      g_autofree char *label = g_strdup_printf (_("Stage “%s”"), tp_stage_get_name (stage));

      g_menu_append (items, _("_Rename Stage"), rename);
      g_menu_append (items, _("_Add Stage After"), add);
      g_menu_append (items, _("_Delete Stage"), remove);
      g_menu_append_submenu (section, label, G_MENU_MODEL (items));
    }

  if (lane != NULL)
    {
      g_autoptr(GMenu) items = g_menu_new ();
      const char *id = tp_element_get_id (TP_ELEMENT (lane));
      g_autofree char *rename = g_strdup_printf ("canvas.header(('rename','%s'))", id);
      g_autofree char *remove = g_strdup_printf ("canvas.header(('delete','%s'))", id);
      g_autoptr(GMenu) kinds = lane_kinds_menu (id);
      /* Translators: a submenu; %s is the lane's name */
      g_autofree char *label = g_strdup_printf (_("Lane “%s”"), tp_lane_get_name (lane));

      g_menu_append (items, _("_Rename Lane"), rename);
      g_menu_append_submenu (items, _("_Add Lane Below"), G_MENU_MODEL (kinds));
      g_menu_append (items, _("_Delete Lane"), remove);
      g_menu_append_submenu (section, label, G_MENU_MODEL (items));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
show_menu (TpCanvas  *self,
           TpElement *target,
           double     x,
           double     y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  /* Inside the widget: a popover pointing outside its parent cannot be
   * placed on a monitor. */
  GdkRectangle rect = {
    CLAMP ((int) x, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1)),
    CLAMP ((int) y, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1)),
    1, 1
  };

  if (TP_IS_STAGE (target))
    {
      g_menu_append (section, _("_Rename Stage"), "canvas.rename");
      g_menu_append (section, _("_Add Stage After"), "canvas.add-stage");
      g_menu_append (section, _("Move _Left"), "canvas.move-header(-1)");
      g_menu_append (section, _("Move Ri_ght"), "canvas.move-header(1)");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete Stage"), "canvas.delete-header");
    }
  else if (TP_IS_LANE (target))
    {
      g_menu_append (section, _("_Rename Lane"), "canvas.rename");
      {
        g_autoptr(GMenu) kinds = lane_kinds_menu (NULL);
        g_menu_append_submenu (section, _("_Add Lane"), G_MENU_MODEL (kinds));
      }
      g_menu_append (section, _("Move _Up"), "canvas.move-header(-1)");
      g_menu_append (section, _("Move _Down"), "canvas.move-header(1)");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete Lane"), "canvas.delete-header");
    }
  else if (target == NULL)
    {
      /* The map itself: what a keyboard user needs to start from nothing. */
      g_menu_append (section, _("Add _Stage"), "canvas.add-stage");
      g_menu_append_submenu (section, _("Add _Lane"), G_MENU_MODEL (lane_kinds_menu (NULL)));
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_clear_object (&section);
      section = g_menu_new ();
      g_menu_append (section, _("_Paste"), "canvas.paste");
      g_menu_append (section, _("Select _All"), "canvas.select-all");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
    }
  else
    {
      g_menu_append (section, _("_Edit Title"), "canvas.edit");
      if (TP_IS_TOUCHPOINT (target))
        {
          g_menu_append (section, _("_Moment of Truth"), "canvas.toggle-moment");
          g_menu_append (section, _("D_uplicate"), "canvas.duplicate");
          g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
          g_clear_object (&section);
          section = g_menu_new ();
          g_menu_append (section, _("Cu_t"), "canvas.cut");
          g_menu_append (section, _("_Copy"), "canvas.copy");
          g_menu_append (section, _("_Paste"), "canvas.paste");
        }
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_menu_append (menu, _("_Delete"), "canvas.delete");
      if (target != NULL)
        append_header_submenus (self, menu, target);
    }

  g_set_object (&self->menu_target, target);
  _tp_canvas_update_actions (self);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static gboolean
context_menu_at (TpCanvas *self,
                 double    x,
                 double    y)
{
  TpLayoutHit hit = _tp_canvas_hit_test_widget (self, x, y);

  _tp_canvas_stop_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (_tp_canvas_hit_is_card (&hit))
    {
      if (!g_hash_table_contains (self->selection, hit.element))
        _tp_canvas_select_only (self, hit.element);
      else
        _tp_canvas_set_cursor (self, hit.element);
      show_menu (self, hit.element, x, y);
      return TRUE;
    }
  if (hit.kind == TP_LAYOUT_HIT_STAGE_HEADER || hit.kind == TP_LAYOUT_HIT_LANE_HEADER)
    {
      _tp_canvas_select_only (self, hit.element);
      show_menu (self, hit.element, x, y);
      return TRUE;
    }
  return FALSE;
}

void
_tp_canvas_on_secondary_pressed (GtkGestureClick *gesture,
                                 int              n_press,
                                 double           x,
                                 double           y,
                                 TpCanvas        *self)
{
  if (context_menu_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
context_menu_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = _tp_canvas_get_primary_selected (self);
  graphene_rect_t bounds;

  if (self->editor != NULL)
    return FALSE;

  if (element == NULL)
    {
      show_menu (self, NULL, 24, 24);
      return TRUE;
    }

  tp_canvas_scroll_to_element (self, element);
  if (self->layout == NULL || !_tp_canvas_get_element_bounds (self, element, &bounds))
    return FALSE;
  show_menu (self, element, bounds.origin.x + bounds.size.width / 2, bounds.origin.y + bounds.size.height / 2);
  return TRUE;
}

/* ---------------------------------------------------------------- actions */

void
_tp_canvas_update_actions (TpCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_doc = self->document != NULL;
  gboolean has_selection = g_hash_table_size (self->selection) > 0;
  TpElement *primary = has_selection ? _tp_canvas_get_primary_selected (self) : NULL;
  /* Headers are selected alone: the primary one says which kind it is. */
  gboolean has_cards = primary != NULL && !_tp_canvas_is_header (primary);

  gtk_widget_action_set_enabled (widget, "canvas.zoom-in", self->zoom < TP_CANVAS_MAX_ZOOM - 1e-6);
  gtk_widget_action_set_enabled (widget, "canvas.zoom-out", self->zoom > TP_CANVAS_MIN_ZOOM + 1e-6);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_doc);
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_doc && has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.edit", has_doc && primary != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.set-score", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.copy", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.cut", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.select-stage", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.select-lane", has_doc && has_cards);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_doc && clipboard != NULL && clipboard->len > 0);
  gtk_widget_action_set_enabled (widget, "canvas.toggle-moment",
                                 has_doc && primary != NULL && TP_IS_TOUCHPOINT (primary));
}

static double
next_zoom_step (double zoom,
                int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom + 1e-6)
          return zoom_steps[i];
      return TP_CANVAS_MAX_ZOOM;
    }
  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom - 1e-6)
      return zoom_steps[i - 1];
  return TP_CANVAS_MIN_ZOOM;
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  tp_canvas_set_zoom (self, next_zoom_step (self->zoom, 1));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  tp_canvas_set_zoom (self, next_zoom_step (self->zoom, -1));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tp_canvas_set_zoom (TP_CANVAS (widget), 1.0);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  tp_canvas_zoom_to_fit (TP_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tp_canvas_select_all (TP_CANVAS (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);

  if (self->document == NULL || selection->len == 0)
    return;
  tp_document_delete_many (self->document, selection);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = _tp_canvas_get_primary_selected (self);

  if (element != NULL)
    tp_canvas_start_editing (self, element);
}

static void
toggle_moment_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  TpElement *element = _tp_canvas_get_primary_selected (self);

  if (self->document == NULL || element == NULL || !TP_IS_TOUCHPOINT (element))
    return;
  tp_document_set_boolean (self->document, element, "moment-of-truth",
                           !tp_touchpoint_get_moment_of_truth (TP_TOUCHPOINT (element)), NULL);
}

/* Digits score the selected touchpoints (0 is 10), one undo step. */
static void
set_score_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  int score = g_variant_get_int32 (parameter);

  if (self->document == NULL || score < TP_SCORE_UNSET || score > TP_SCORE_MAX)
    return;

  tp_document_begin_group (self->document, _("Change Score"));
  for (guint i = 0; i < selection->len; i++)
    {
      TpElement *element = g_ptr_array_index (selection, i);
      int old = 0;

      if (!TP_IS_TOUCHPOINT (element))
        continue;
      g_object_get (element, "score", &old, NULL);
      if (old != score)
        tp_document_set_int (self->document, element, "score", score, NULL);
    }
  tp_document_end_group (self->document);
}

static TpTouchpoint *
copy_touchpoint (TpJourney    *journey,
                 TpTouchpoint *touchpoint)
{
  static const char *copied[] = {
    "title", "description", "stage-id", "lane-id", "channel", "score",
    "moment-of-truth", "department", "role", "quote", "notes",
    "kind", "evidence", "respondents",
  };
  g_autofree char *id = tp_journey_make_id (journey, TP_TYPE_TOUCHPOINT);
  TpTouchpoint *copy = g_object_new (TP_TYPE_TOUCHPOINT, "id", id, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (touchpoint), copied[i], &value);
      g_object_set_property (G_OBJECT (copy), copied[i], &value);
    }
  return copy;
}

static void
copy_selection (TpCanvas *self)
{
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < selection->len; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, i)))
      g_ptr_array_add (copies, copy_touchpoint (self->journey, g_ptr_array_index (selection, i)));

  if (copies->len == 0)
    {
      g_ptr_array_unref (copies);
      return;
    }
  g_clear_pointer (&clipboard, g_ptr_array_unref);
  clipboard = copies;
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->document == NULL)
    return;
  copy_selection (self);
  _tp_canvas_update_actions (self);
}

static void
cut_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new ();

  if (self->document == NULL)
    return;
  copy_selection (self);
  selection = tp_canvas_get_selection (self);
  for (guint i = 0; i < selection->len; i++)
    if (TP_IS_TOUCHPOINT (g_ptr_array_index (selection, i)))
      g_ptr_array_add (touchpoints, g_ptr_array_index (selection, i));
  if (touchpoints->len > 0)
    tp_document_delete_many (self->document, touchpoints);
  _tp_canvas_update_actions (self);
}

/* Pastes after the selected card, or at the end of the first cell; one
 * undo step. */
static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) pasted = g_ptr_array_new_with_free_func (g_object_unref);
  TpElement *selected;
  const char *stage_id = NULL, *lane_id = NULL;
  guint position = G_MAXUINT;
  TpLane *lane;

  if (self->document == NULL || clipboard == NULL || clipboard->len == 0)
    return;

  _tp_canvas_ensure_layout (self);
  selected = _tp_canvas_get_primary_selected (self);
  if (selected != NULL && TP_IS_TOUCHPOINT (selected))
    {
      stage_id = tp_touchpoint_get_stage_id (TP_TOUCHPOINT (selected));
      lane_id = tp_touchpoint_get_lane_id (TP_TOUCHPOINT (selected));
      if (tp_journey_get_position (self->journey, selected, &position))
        position++;
    }
  else
    {
      TpLayoutDrop drop;

      if (!_tp_canvas_first_cell_drop (self, &drop))
        return;
      stage_id = tp_element_get_id (TP_ELEMENT (drop.stage));
      lane_id = tp_element_get_id (TP_ELEMENT (drop.lane));
      position = _tp_canvas_list_position_for_drop (self, &drop);
    }

  lane = tp_journey_lookup_lane (self->journey, lane_id);
  tp_document_begin_group (self->document, _("Paste"));
  for (guint i = 0; i < clipboard->len; i++)
    {
      g_autoptr(TpTouchpoint) copy = copy_touchpoint (self->journey, g_ptr_array_index (clipboard, i));
      TpLaneKind lane_kind = lane != NULL ? tp_lane_get_kind (lane) : TP_LANE_KIND_NOTES;

      g_object_set (copy, "stage-id", stage_id, "lane-id", lane_id, NULL);
      /* As a move would: the customer lanes decide what a card is. */
      if (lane_kind == TP_LANE_KIND_TOUCHPOINTS || lane_kind == TP_LANE_KIND_CUSTOMER_ACTIONS
          || lane_kind == TP_LANE_KIND_THOUGHTS_FEELINGS)
        g_object_set (copy, "kind", tp_lane_kind_get_card_kind (lane_kind), NULL);
      if (tp_document_add (self->document, TP_ELEMENT (copy), position, NULL))
        {
          g_ptr_array_add (pasted, g_object_ref (copy));
          if (position != G_MAXUINT)
            position++;
        }
    }
  tp_document_end_group (self->document);

  if (pasted->len > 0)
    {
      g_hash_table_remove_all (self->selection);
      for (guint i = 0; i < pasted->len; i++)
        g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (pasted, i)));
      _tp_canvas_set_cursor (self, g_ptr_array_index (pasted, 0));
      _tp_canvas_selection_changed (self);
      tp_canvas_scroll_to_element (self, g_ptr_array_index (pasted, 0));
    }
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(GPtrArray) selection = tp_canvas_get_selection (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->document == NULL)
    return;

  tp_document_begin_group (self->document, _("Duplicate"));
  for (guint i = 0; i < selection->len; i++)
    {
      TpElement *element = g_ptr_array_index (selection, i);
      g_autoptr(TpTouchpoint) copy = NULL;
      guint position = 0;

      if (!TP_IS_TOUCHPOINT (element))
        continue;
      copy = copy_touchpoint (self->journey, TP_TOUCHPOINT (element));
      tp_journey_get_position (self->journey, element, &position);
      if (tp_document_add (self->document, TP_ELEMENT (copy), position + 1, NULL))
        g_ptr_array_add (copies, g_object_ref (copy));
    }
  tp_document_end_group (self->document);

  if (copies->len > 0)
    {
      g_hash_table_remove_all (self->selection);
      for (guint i = 0; i < copies->len; i++)
        g_hash_table_add (self->selection, g_object_ref (g_ptr_array_index (copies, i)));
      _tp_canvas_set_cursor (self, g_ptr_array_index (copies, 0));
      _tp_canvas_selection_changed (self);
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->menu_target != NULL)
    tp_canvas_start_editing (self, self->menu_target);
}

static void
add_header_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  g_autoptr(TpElement) element = NULL;
  g_autofree char *id = NULL;
  guint position = G_MAXUINT;

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "canvas.add-stage"))
    {
      id = tp_journey_make_id (self->journey, TP_TYPE_STAGE);
      element = TP_ELEMENT (tp_stage_new (id, _("New stage")));
      if (self->menu_target != NULL && TP_IS_STAGE (self->menu_target)
          && tp_journey_get_position (self->journey, self->menu_target, &position))
        position++;
    }
  else
    {
      /* canvas.add-lane-of-kind has the kind; canvas.add-lane a touchpoints lane. */
      TpLaneKind kind = parameter != NULL ? (TpLaneKind) g_variant_get_int32 (parameter) : TP_LANE_KIND_TOUCHPOINTS;

      if (tp_enum_to_nick (TP_TYPE_LANE_KIND, kind) == NULL)
        return;
      id = tp_journey_make_id (self->journey, TP_TYPE_LANE);
      element = TP_ELEMENT (tp_lane_new (id, tp_lane_kind_get_display_name (kind), kind));
      if (self->menu_target != NULL && TP_IS_LANE (self->menu_target)
          && tp_journey_get_position (self->journey, self->menu_target, &position))
        position++;
    }

  if (tp_document_add (self->document, element, position, NULL))
    tp_canvas_start_editing (self, element);
}

/* Moves the menu's stage or lane one place (-1 or 1). */
static void
move_header_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  int delta = g_variant_get_int32 (parameter);
  GListModel *list;
  guint from = 0;

  if (self->document == NULL || self->menu_target == NULL
      || !(TP_IS_STAGE (self->menu_target) || TP_IS_LANE (self->menu_target))
      || !tp_journey_get_position (self->journey, self->menu_target, &from))
    return;

  list = tp_journey_get_list_for_type (self->journey, G_OBJECT_TYPE (self->menu_target));
  if ((delta < 0 && from == 0) || (delta > 0 && from + 1 >= g_list_model_get_n_items (list)))
    return;
  tp_document_reorder (self->document, self->menu_target, from + delta);
}

static void delete_header_action (GtkWidget *widget, const char *action_name, GVariant *parameter);

/* A stage or lane named by id, from the menus a card or the keyboard opens:
 * (verb, id) with verb rename, add-after or delete. */
static void
header_by_id_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  const char *verb, *id;
  TpElement *header;

  g_variant_get (parameter, "(&s&s)", &verb, &id);
  header = self->journey ? tp_journey_lookup (self->journey, id) : NULL;
  if (!TP_IS_STAGE (header) && !TP_IS_LANE (header))
    return;

  g_set_object (&self->menu_target, header);
  if (g_str_equal (verb, "rename"))
    rename_action (widget, "canvas.rename", NULL);
  else if (g_str_equal (verb, "add-after"))
    add_header_action (widget, TP_IS_STAGE (header) ? "canvas.add-stage" : "canvas.add-lane", NULL);
  else if (g_str_equal (verb, "delete"))
    delete_header_action (widget, "canvas.delete-header", NULL);
}

static void
add_lane_after_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);
  const char *id;
  int kind;
  TpElement *lane;

  g_variant_get (parameter, "(&si)", &id, &kind);
  lane = self->journey ? tp_journey_lookup (self->journey, id) : NULL;
  if (!TP_IS_LANE (lane))
    return;

  g_set_object (&self->menu_target, lane);
  {
    g_autoptr(GVariant) kind_variant = g_variant_ref_sink (g_variant_new_int32 (kind));
    add_header_action (widget, "canvas.add-lane-of-kind", kind_variant);
  }
}

static void
delete_header_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->document != NULL && self->menu_target != NULL)
    tp_document_delete (self->document, self->menu_target);
  g_clear_object (&self->menu_target);
}

/* ---------------------------------------------------------------- keyboard */

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  TpCanvas *self = TP_CANVAS (widget);

  if (self->editor != NULL)
    return FALSE;
  if (_tp_canvas_cancel_drag (self))
    return TRUE;
  if (g_hash_table_size (self->selection) == 0)
    return FALSE;
  _tp_canvas_select_only (self, NULL);
  return TRUE;
}

/* Alt+arrows: moves the selected touchpoint one place in its cell, or to
 * the same lane of the neighbouring stage; one undo step each. */
static gboolean
move_selected_card (TpCanvas *self,
                    int       dx,
                    int       dy)
{
  TpElement *element = _tp_canvas_get_primary_selected (self);
  TpTouchpoint *touchpoint;
  g_autoptr(GPtrArray) cell = NULL;
  guint index = 0;

  if (self->editor != NULL || self->document == NULL || element == NULL || !TP_IS_TOUCHPOINT (element))
    return FALSE;
  touchpoint = TP_TOUCHPOINT (element);

  cell = tp_journey_get_cell_touchpoints (self->journey, tp_touchpoint_get_stage_id (touchpoint),
                                          tp_touchpoint_get_lane_id (touchpoint));
  g_ptr_array_find (cell, touchpoint, &index);

  if (dy != 0)
    {
      if ((dy < 0 && index == 0) || (dy > 0 && index + 1 >= cell->len))
        return TRUE;
      tp_document_move_touchpoint (self->document, touchpoint,
                                   tp_touchpoint_get_stage_id (touchpoint),
                                   tp_touchpoint_get_lane_id (touchpoint),
                                   index + dy, NULL);
    }
  else
    {
      GListModel *stages = tp_journey_get_stages (self->journey);
      TpStage *stage = tp_journey_lookup_stage (self->journey, tp_touchpoint_get_stage_id (touchpoint));
      guint position = 0;
      g_autoptr(TpStage) target = NULL;

      if (stage == NULL || !tp_journey_get_position (self->journey, TP_ELEMENT (stage), &position))
        return TRUE;
      if ((dx < 0 && position == 0) || (dx > 0 && position + 1 >= g_list_model_get_n_items (stages)))
        return TRUE;
      target = g_list_model_get_item (stages, position + dx);
      tp_document_move_touchpoint (self->document, touchpoint,
                                   tp_element_get_id (TP_ELEMENT (target)),
                                   tp_touchpoint_get_lane_id (touchpoint),
                                   index, NULL);
    }

  tp_canvas_scroll_to_element (self, element);
  return TRUE;
}

static gboolean
navigate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  int dx = 0, dy = 0;

  g_variant_get (args, "(ii)", &dx, &dy);
  return _tp_canvas_select_neighbour (TP_CANVAS (widget), dx, dy);
}

static gboolean
move_card_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  int dx = 0, dy = 0;

  g_variant_get (args, "(ii)", &dx, &dy);
  return move_selected_card (TP_CANVAS (widget), dx, dy);
}

/* Ctrl+Up, Ctrl+Left: from a card to its stage's or lane's header. */
static void
select_header_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _tp_canvas_select_header_of_card (TP_CANVAS (widget), g_str_equal (action_name, "canvas.select-stage")
                                                        ? TP_TYPE_STAGE : TP_TYPE_LANE);
}

/* The same as actions with a "(ii)" direction, for menus and tests. */
static void
select_neighbour_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  _tp_canvas_select_neighbour (TP_CANVAS (widget), dx, dy);
}

static void
move_card_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int dx = 0, dy = 0;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  move_selected_card (TP_CANVAS (widget), dx, dy);
}

static void
add_direction_bindings (GtkWidgetClass  *widget_class,
                        GdkModifierType  mods,
                        GtkShortcutFunc  callback)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, mods, callback, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, mods, callback, "(ii)", 1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, mods, callback, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, mods, callback, "(ii)", 0, 1);
}

/* The actions and key bindings, for tp_canvas_class_init(). */
void
_tp_canvas_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, cut_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-moment", NULL, toggle_moment_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-stage", NULL, add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane", NULL, add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-of-kind", "i", add_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete-header", NULL, delete_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.header", "(ss)", header_by_id_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-lane-after", "(si)", add_lane_after_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-header", "i", move_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-neighbour", "(ii)", select_neighbour_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-card", "(ii)", move_card_action);
  gtk_widget_class_install_action (widget_class, "canvas.set-score", "i", set_score_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-stage", NULL, select_header_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-lane", NULL, select_header_action);

  /* Menus show the accelerator bound last. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "canvas.select-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, "canvas.select-lane", NULL);

  for (int digit = 0; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + digit, 0, "canvas.set-score", "i",
                                           digit == 0 ? TP_SCORE_MAX : digit);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + digit, 0, "canvas.set-score", "i",
                                           digit == 0 ? TP_SCORE_MAX : digit);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, context_menu_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, context_menu_cb, NULL);
  add_direction_bindings (widget_class, 0, navigate_cb);
  add_direction_bindings (widget_class, GDK_ALT_MASK, move_card_cb);
}

/* ---------------------------------------------------------------- tests */

gboolean
tp_canvas_test_context_menu (TpCanvas *self,
                             double    x,
                             double    y)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  return context_menu_at (self, x, y);
}

gboolean
tp_canvas_test_keyboard_menu (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), FALSE);

  return context_menu_cb (GTK_WIDGET (self), NULL, NULL);
}

GtkPopover *
tp_canvas_test_get_menu (TpCanvas *self)
{
  g_return_val_if_fail (TP_IS_CANVAS (self), NULL);

  return self->menu != NULL ? GTK_POPOVER (self->menu) : NULL;
}
