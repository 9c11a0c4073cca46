/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "tp-outline-view.h"

/* Until the journey canvas exists, the window body is this outline: the
 * journey's title and persona, then per stage its touchpoints in list order.
 * It is rebuilt (once per main-loop turn) whenever the journey changes, so
 * edits, undo and redo show at once. */

struct _TpOutlineView
{
  GtkWidget parent_instance;

  TpJourney *journey;
  guint rebuild_id;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  AdwClamp *clamp;
  GtkWidget *content;
  AdwStatusPage *empty_page;

  /* The selected touchpoint's row; rows by touchpoint id (borrowed). */
  char *selected_id;
  GHashTable *rows;
  gboolean compact;
  gboolean updating_selection;
};

G_DEFINE_FINAL_TYPE (TpOutlineView, tp_outline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOUCHPOINT_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_ID_KEY "tp-outline-touchpoint-id"

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A label announced as a heading of @level. The role can only be given at
 * construction. */
static GtkWidget *
make_heading (const char *text,
              const char *css_class,
              int         level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   NULL);

  gtk_widget_add_css_class (label, css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, level,
                                  -1);
  return label;
}

static char *
dup_owner_text (TpTouchpoint *touchpoint)
{
  const char *department = tp_touchpoint_get_department (touchpoint);
  const char *role = tp_touchpoint_get_role (touchpoint);
  gboolean has_department = department != NULL && *department != '\0';
  gboolean has_role = role != NULL && *role != '\0';

  if (has_department && has_role)
    /* Translators: a touchpoint's owner: "Department · Role" */
    return g_strdup_printf (_("%s · %s"), department, role);
  if (has_department)
    return g_strdup (department);
  if (has_role)
    return g_strdup (role);
  return NULL;
}

static GtkWidget *
make_score_badge (int score)
{
  GtkWidget *badge;

  if (score >= TP_SCORE_MIN && score <= TP_SCORE_MAX)
    {
      g_autofree char *text = g_strdup_printf ("%d", score);
      g_autofree char *css_class = g_strdup_printf ("score-%d", score);
      /* Translators: tooltip of a touchpoint's score badge */
      g_autofree char *tooltip = g_strdup_printf (_("Emotion score %d of 10"), score);

      badge = gtk_label_new (text);
      gtk_widget_add_css_class (badge, css_class);
      gtk_widget_set_tooltip_text (badge, tooltip);
    }
  else
    {
      /* An en dash: the touchpoint has no score yet. */
      badge = gtk_label_new ("–");
      gtk_widget_add_css_class (badge, "score-unset");
      gtk_widget_set_tooltip_text (badge, _("Not scored"));
    }

  gtk_widget_add_css_class (badge, "score-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  return badge;
}

static char *
dup_row_accessible_label (TpTouchpoint *touchpoint,
                          const char   *lane_name,
                          const char   *owner)
{
  GString *text = g_string_new (tp_touchpoint_get_title (touchpoint));
  int score = tp_touchpoint_get_score (touchpoint);

  /* Translators: parts of a spoken description of one touchpoint */
  g_string_append_printf (text, _(", channel %s"),
                          tp_channel_get_display_name (tp_touchpoint_get_channel (touchpoint)));
  if (lane_name != NULL && *lane_name != '\0')
    g_string_append_printf (text, _(", lane %s"), lane_name);
  if (score != TP_SCORE_UNSET)
    g_string_append_printf (text, _(", emotion score %d of 10"), score);
  else
    g_string_append (text, _(", not scored"));
  if (tp_touchpoint_get_moment_of_truth (touchpoint))
    g_string_append (text, _(", moment of truth"));
  if (owner != NULL)
    g_string_append_printf (text, _(", owned by %s"), owner);

  return g_string_free (text, FALSE);
}

static GtkWidget *
make_touchpoint_row (TpOutlineView *self,
                     TpTouchpoint  *touchpoint)
{
  TpChannel channel = tp_touchpoint_get_channel (touchpoint);
  TpLane *lane = tp_journey_lookup_lane (self->journey, tp_touchpoint_get_lane_id (touchpoint));
  const char *lane_name = lane != NULL ? tp_lane_get_name (lane) : NULL;
  g_autofree char *owner = dup_owner_text (touchpoint);
  g_autofree char *accessible = dup_row_accessible_label (touchpoint, lane_name, owner);
  GtkWidget *row;
  GtkWidget *icon;
  GtkWidget *star;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tp_touchpoint_get_title (touchpoint));
  if (owner != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), owner);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "touchpoint-row");
  g_object_set_data_full (G_OBJECT (row), ROW_ID_KEY,
                          g_strdup (tp_element_get_id (TP_ELEMENT (touchpoint))), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  icon = gtk_image_new_from_icon_name (tp_channel_get_icon_name (channel));
  gtk_widget_set_tooltip_text (icon, tp_channel_get_display_name (channel));
  gtk_widget_add_css_class (icon, "channel-icon");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* In a narrow sidebar the lane is only spoken, not shown. */
  if (lane_name != NULL && *lane_name != '\0' && !self->compact)
    {
      GtkWidget *lane_label = make_label (lane_name, "dim-label", FALSE);

      gtk_widget_add_css_class (lane_label, "caption");
      gtk_widget_add_css_class (lane_label, "lane-label");
      gtk_label_set_ellipsize (GTK_LABEL (lane_label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (lane_label), 24);
      gtk_widget_set_tooltip_text (lane_label, lane_name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lane_label);
    }

  /* The star slot keeps its width so the badges line up. */
  star = gtk_image_new ();
  gtk_widget_set_size_request (star, 16, -1);
  gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
  if (tp_touchpoint_get_moment_of_truth (touchpoint))
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (star), "tp-moment-of-truth-symbolic");
      gtk_widget_add_css_class (star, "moment-of-truth");
      gtk_widget_set_tooltip_text (star, _("Moment of truth"));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_score_badge (tp_touchpoint_get_score (touchpoint)));

  return row;
}

static GtkWidget *
make_header (TpOutlineView *self,
             guint          n_touchpoints,
             guint          n_moments)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *persona = tp_journey_get_persona_name (self->journey);
  const char *segment = tp_journey_get_persona_segment (self->journey);
  const char *scope = tp_scope_get_display_name (tp_journey_get_scope (self->journey));
  const char *state = tp_journey_state_get_display_name (tp_journey_get_state (self->journey));
  g_autofree char *meta = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *title;

  gtk_widget_add_css_class (box, "outline-header");

  title = make_heading (tp_journey_get_title (self->journey), self->compact ? "title-2" : "title-1", 1);
  gtk_box_append (GTK_BOX (box), title);

  if (persona != NULL && *persona != '\0')
    {
      g_autofree char *who = NULL;

      if (segment != NULL && *segment != '\0')
        /* Translators: persona name and segment */
        who = g_strdup_printf (_("%s (%s)"), persona, segment);
      else
        who = g_strdup (persona);
      /* Translators: persona, scope and state of a journey, e.g.
       * "Persona: Eline de Vries · Customer journey · As is" */
      meta = g_strdup_printf (_("Persona: %s · %s · %s"), who, scope, state);
    }
  else
    /* Translators: scope and state of a journey without a persona */
    meta = g_strdup_printf (_("%s · %s"), scope, state);
  gtk_box_append (GTK_BOX (box), make_label (meta, "dim-label", TRUE));

  /* Translators: a number of touchpoints, e.g. "25 touchpoints" */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n_touchpoints),
                            n_touchpoints);
  if (n_moments > 0)
    {
      g_autofree char *moments =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moment of truth", "%u moments of truth", n_moments),
                         n_moments);
      g_autofree char *both = NULL;

      /* Translators: "25 touchpoints, 3 moments of truth" */
      both = g_strdup_printf (_("%s, %s"), counts, moments);
      g_free (counts);
      counts = g_steal_pointer (&both);
    }
  {
    GtkWidget *summary = make_label (counts, "dim-label", FALSE);

    gtk_widget_add_css_class (summary, "caption");
    gtk_box_append (GTK_BOX (box), summary);
  }

  return box;
}

/* Selects @row (NULL: none) in its list and unselects every other list. */
static void
show_selection (TpOutlineView *self,
                GtkWidget     *row)
{
  GHashTableIter iter;
  gpointer value;

  self->updating_selection = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GtkWidget *list = gtk_widget_get_parent (value);

      if (value != row && GTK_IS_LIST_BOX (list)
          && gtk_list_box_get_selected_row (GTK_LIST_BOX (list)) == value)
        gtk_list_box_unselect_row (GTK_LIST_BOX (list), value);
    }
  if (row != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (row)), GTK_LIST_BOX_ROW (row));
  self->updating_selection = FALSE;
}

static void
on_row_selected (GtkListBox    *list,
                 GtkListBoxRow *row,
                 TpOutlineView *self)
{
  const char *id;
  TpTouchpoint *touchpoint = NULL;

  if (self->updating_selection)
    return;
  if (row == NULL)
    {
      /* Another list's row was picked, or the selection went away. */
      return;
    }

  id = g_object_get_data (G_OBJECT (row), ROW_ID_KEY);
  if (g_strcmp0 (id, self->selected_id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  show_selection (self, GTK_WIDGET (row));

  if (self->journey != NULL && id != NULL)
    touchpoint = tp_journey_lookup_touchpoint (self->journey, id);
  g_signal_emit (self, signals[TOUCHPOINT_SELECTED], 0, touchpoint);
}

static GtkWidget *
make_stage_section (TpOutlineView *self,
                    guint          number,
                    TpStage       *stage,
                    GPtrArray     *touchpoints,
                    const char    *focus_id,
                    GtkWidget    **focus_row)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *list;
  GtkWidget *heading;
  GtkWidget *count;
  g_autofree char *heading_text = NULL;
  g_autofree char *count_text = NULL;
  guint n = touchpoints != NULL ? touchpoints->len : 0;

  gtk_widget_add_css_class (section, "stage-section");

  /* Translators: a stage heading: its number in the journey and its name */
  heading_text = g_strdup_printf (_("%u. %s"), number, tp_stage_get_name (stage));
  heading = make_heading (heading_text, "title-4", 2);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (heading_box), heading);

  count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  count = make_label (count_text, "dim-label", FALSE);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_set_valign (count, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (heading_box), count);
  gtk_box_append (GTK_BOX (section), heading_box);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_SINGLE);
  g_signal_connect (list, "row-selected", G_CALLBACK (on_row_selected), self);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tp_stage_get_name (stage),
                                  -1);
  {
    GtkWidget *placeholder = make_label (_("No touchpoints in this stage"), "dim-label", FALSE);

    gtk_widget_add_css_class (placeholder, "outline-placeholder");
    gtk_label_set_xalign (GTK_LABEL (placeholder), 0.5f);
    gtk_list_box_set_placeholder (GTK_LIST_BOX (list), placeholder);
  }

  for (guint i = 0; i < n; i++)
    {
      TpTouchpoint *touchpoint = g_ptr_array_index (touchpoints, i);
      GtkWidget *row = make_touchpoint_row (self, touchpoint);

      if (focus_id != NULL && g_str_equal (focus_id, tp_element_get_id (TP_ELEMENT (touchpoint))))
        *focus_row = row;
      g_hash_table_insert (self->rows, g_strdup (tp_element_get_id (TP_ELEMENT (touchpoint))), row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_box_append (GTK_BOX (section), list);

  return section;
}

/* The id of the touchpoint whose row has the keyboard focus, if any. */
static const char *
get_focused_touchpoint_id (TpOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;

  if (root == NULL)
    return NULL;
  focus = gtk_root_get_focus (root);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return NULL;
  if (!GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  return focus != NULL ? g_object_get_data (G_OBJECT (focus), ROW_ID_KEY) : NULL;
}

static void
tp_outline_view_rebuild (TpOutlineView *self)
{
  g_autoptr(GHashTable) by_stage = NULL;
  g_autofree char *focus_id = NULL;
  GtkWidget *focus_row = NULL;
  GListModel *stages;
  GListModel *touchpoints;
  GtkWidget *content;
  guint n_stages;
  guint n_touchpoints;
  guint n_moments = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  focus_id = g_strdup (get_focused_touchpoint_id (self));
  g_hash_table_remove_all (self->rows);
  adw_clamp_set_child (self->clamp, NULL);
  self->content = NULL;

  if (self->journey == NULL)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return;
    }

  stages = tp_journey_get_stages (self->journey);
  touchpoints = tp_journey_get_touchpoints (self->journey);
  n_stages = g_list_model_get_n_items (stages);
  n_touchpoints = g_list_model_get_n_items (touchpoints);

  if (n_stages == 0 || n_touchpoints == 0)
    {
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->empty_page));
      return;
    }

  /* Group the touchpoints by stage, keeping list order. */
  by_stage = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                    (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autoptr(TpTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      const char *stage_id = tp_touchpoint_get_stage_id (touchpoint);
      GPtrArray *list = g_hash_table_lookup (by_stage, stage_id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_stage, (gpointer) stage_id, list);
        }
      if (tp_touchpoint_get_moment_of_truth (touchpoint))
        n_moments++;
      g_ptr_array_add (list, g_object_ref (touchpoint));
    }

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 30);
  gtk_widget_add_css_class (content, "outline-content");
  gtk_box_append (GTK_BOX (content), make_header (self, n_touchpoints, n_moments));

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (stages, i);
      GPtrArray *list = g_hash_table_lookup (by_stage, tp_element_get_id (TP_ELEMENT (stage)));

      gtk_box_append (GTK_BOX (content),
                      make_stage_section (self, i + 1, stage, list, focus_id, &focus_row));
    }

  self->content = content;
  adw_clamp_set_child (self->clamp, content);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->scroller));

  if (self->selected_id != NULL)
    show_selection (self, g_hash_table_lookup (self->rows, self->selected_id));

  if (focus_row != NULL)
    gtk_widget_grab_focus (focus_row);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  TpOutlineView *self = user_data;

  self->rebuild_id = 0;
  tp_outline_view_rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_journey_changed (TpOutlineView *self)
{
  /* Many signals arrive for one edit (a delete touches several lists);
   * rebuild once, before the next frame is drawn. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle_cb, self, NULL);
}

static void
tp_outline_view_dispose (GObject *object)
{
  TpOutlineView *self = TP_OUTLINE_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, on_journey_changed, self);
  g_clear_object (&self->journey);

  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->selected_id, g_free);
  self->scroller = NULL;
  self->clamp = NULL;
  self->content = NULL;
  self->empty_page = NULL;

  G_OBJECT_CLASS (tp_outline_view_parent_class)->dispose (object);
}

static void
tp_outline_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpOutlineView *self = TP_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_outline_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpOutlineView *self = TP_OUTLINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      tp_outline_view_set_journey (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      tp_outline_view_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_outline_view_class_init (TpOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_outline_view_dispose;
  object_class->get_property = tp_outline_view_get_property;
  object_class->set_property = tp_outline_view_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, TP_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* For a sidebar: smaller heading, no lane column. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user picked a touchpoint's row (the touchpoint, or NULL). */
  signals[TOUCHPOINT_SELECTED] =
    g_signal_new ("touchpoint-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, TP_TYPE_TOUCHPOINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tp_outline_view_init (TpOutlineView *self)
{
  GtkWidget *viewport_child;

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);

  self->clamp = ADW_CLAMP (adw_clamp_new ());
  adw_clamp_set_maximum_size (self->clamp, 840);
  adw_clamp_set_tightening_threshold (self->clamp, 600);
  viewport_child = GTK_WIDGET (self->clamp);
  gtk_widget_add_css_class (viewport_child, "outline-clamp");
  gtk_scrolled_window_set_child (self->scroller, viewport_child);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->scroller));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "io.github.touchpoint.Touchpoint-symbolic");
  adw_status_page_set_title (self->empty_page, _("No touchpoints yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Touchpoints added to the journey’s stages will be listed here."));
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->empty_page));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Journey outline"),
                                  -1);

  tp_outline_view_rebuild (self);
}

GtkWidget *
tp_outline_view_new (void)
{
  return g_object_new (TP_TYPE_OUTLINE_VIEW, NULL);
}

TpJourney *
tp_outline_view_get_journey (TpOutlineView *self)
{
  g_return_val_if_fail (TP_IS_OUTLINE_VIEW (self), NULL);
  return self->journey;
}

void
tp_outline_view_set_journey (TpOutlineView *self,
                             TpJourney     *journey)
{
  g_return_if_fail (TP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (journey == NULL || TP_IS_JOURNEY (journey));

  if (self->journey == journey)
    return;

  if (self->journey != NULL)
    g_signal_handlers_disconnect_by_func (self->journey, on_journey_changed, self);
  g_set_object (&self->journey, journey);
  if (self->journey != NULL)
    g_signal_connect_object (self->journey, "changed",
                             G_CALLBACK (on_journey_changed), self, G_CONNECT_SWAPPED);

  tp_outline_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOURNEY]);
}

void
tp_outline_view_select_touchpoint (TpOutlineView *self,
                                   TpTouchpoint  *touchpoint)
{
  const char *id;
  GtkWidget *row;

  g_return_if_fail (TP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (touchpoint == NULL || TP_IS_TOUCHPOINT (touchpoint));

  id = touchpoint != NULL ? tp_element_get_id (TP_ELEMENT (touchpoint)) : NULL;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);

  row = id != NULL ? g_hash_table_lookup (self->rows, id) : NULL;
  show_selection (self, row);
  if (row != NULL && self->scroller != NULL)
    {
      graphene_rect_t bounds;
      GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
      GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scroller);

      if (viewport != NULL && gtk_widget_compute_bounds (row, viewport, &bounds))
        {
          double value = gtk_adjustment_get_value (vadj);
          double page = gtk_adjustment_get_page_size (vadj);
          double top = bounds.origin.y + value;

          if (bounds.origin.y < 0)
            gtk_adjustment_set_value (vadj, top - 12);
          else if (bounds.origin.y + bounds.size.height > page)
            gtk_adjustment_set_value (vadj, top + bounds.size.height - page + 12);
        }
    }
}

TpTouchpoint *
tp_outline_view_get_selected_touchpoint (TpOutlineView *self)
{
  g_return_val_if_fail (TP_IS_OUTLINE_VIEW (self), NULL);

  if (self->journey == NULL || self->selected_id == NULL)
    return NULL;
  return tp_journey_lookup_touchpoint (self->journey, self->selected_id);
}

void
tp_outline_view_set_compact (TpOutlineView *self,
                             gboolean       compact)
{
  g_return_if_fail (TP_IS_OUTLINE_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  tp_outline_view_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
