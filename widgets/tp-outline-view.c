/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "tp-outline-view.h"

/* Until the journey canvas exists, the window body is this outline: the
 * journey's title and persona, then per stage its touchpoints in list order.
 * It is rebuilt (once per main-loop turn) whenever the journey changes, so
 * edits, undo and redo show at once.
 *
 * One GtkListView over a flat list of small items (the header, a heading
 * per stage, a row per touchpoint) keeps widgets only for the rows on
 * screen: a journey of thousands of touchpoints opens and resizes as fast
 * as a small one. */

/* ---------------------------------------------------------------- items */

typedef enum
{
  ITEM_HEADER,
  ITEM_STAGE,
  ITEM_PLACEHOLDER,      /* a stage without touchpoints */
  ITEM_TOUCHPOINT,
} ItemKind;

#define TP_TYPE_OUTLINE_ITEM (tp_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (TpOutlineItem, tp_outline_item, TP, OUTLINE_ITEM, GObject)

struct _TpOutlineItem
{
  GObject parent_instance;

  ItemKind kind;
  /* Header: title, persona line, counts. Stage: heading, count. */
  char *title;
  char *subtitle;
  char *caption;
  TpTouchpoint *touchpoint;
  /* Where the row sits in its stage's card, for its corners. */
  gboolean first;
  gboolean last;
  /* The last row of the outline: the bottom margin. */
  gboolean end;
  /* The row widget showing the item, while one is bound (weak). */
  GtkWidget *row;
};

G_DEFINE_FINAL_TYPE (TpOutlineItem, tp_outline_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_TOUCHPOINT,
  ITEM_N_PROPS
};

static void
tp_outline_item_finalize (GObject *object)
{
  TpOutlineItem *item = TP_OUTLINE_ITEM (object);

  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->caption);
  g_clear_object (&item->touchpoint);

  G_OBJECT_CLASS (tp_outline_item_parent_class)->finalize (object);
}

static void
tp_outline_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpOutlineItem *item = TP_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_TOUCHPOINT:
      g_value_set_object (value, item->touchpoint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_outline_item_class_init (TpOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_outline_item_finalize;
  object_class->get_property = tp_outline_item_get_property;

  /* Read by the tests, which see the model but not this type. */
  g_object_class_install_property (object_class, ITEM_PROP_TOUCHPOINT,
                                   g_param_spec_object ("touchpoint", NULL, NULL, TP_TYPE_TOUCHPOINT,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
tp_outline_item_init (TpOutlineItem *item)
{
}

static TpOutlineItem *
tp_outline_item_new (ItemKind kind)
{
  TpOutlineItem *item = g_object_new (TP_TYPE_OUTLINE_ITEM, NULL);

  item->kind = kind;
  return item;
}

/* ---------------------------------------------------------------- view */

struct _TpOutlineView
{
  GtkWidget parent_instance;

  TpJourney *journey;
  guint rebuild_id;

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkListView *list;
  AdwStatusPage *empty_page;

  GListStore *store;
  GtkSingleSelection *selection;
  /* Touchpoint items by touchpoint id, and their positions (+1). Items are
   * kept across rebuilds so their rows, and the focus, survive. */
  GHashTable *items;
  GHashTable *positions;
  /* The header and the stage headings by stage id, kept the same way. */
  TpOutlineItem *header_item;
  GHashTable *stage_items;

  char *selected_id;
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
#define ROW_KEY "tp-outline-row"
#define TOOLTIP_KEY "tp-outline-tooltip"

/* Row tooltips are looked up when shown: gtk_widget_set_tooltip_text()
 * asks the display where the pointer is (a round trip to the X server)
 * on every call, four times for each of the up to 200 rows a list view
 * creates. */
static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
enable_tooltip (GtkWidget *widget)
{
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
}

/* What gtk_widget_set_tooltip_text() does, but the pointer query. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text), g_free);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The narrowest a wrapping label gets, in characters. Without it GTK
 * measures the minimum width by breaking the text after every character,
 * which costs more than all the rest of the row's layout together; the
 * sidebar is wider than this anyway. */
#define WRAP_MIN_CHARS 8

/* Above and below a touchpoint's title and owner, in pixels. */
#define LABELS_PADDING 8

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
      gtk_label_set_width_chars (GTK_LABEL (label), WRAP_MIN_CHARS);
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
                                   "width-chars", WRAP_MIN_CHARS,
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

static char *
dup_row_accessible_label (TpTouchpoint *touchpoint,
                          const char   *lane_name,
                          const char   *owner)
{
  GString *text = g_string_new (tp_touchpoint_get_title (touchpoint));
  int score = tp_touchpoint_get_score (touchpoint);

  /* Translators: parts of a spoken description of one touchpoint */
  if (tp_touchpoint_is_contact (touchpoint))
    g_string_append_printf (text, _(", channel %s"),
                            tp_channel_get_display_name (tp_touchpoint_get_channel (touchpoint)));
  else
    /* Translators: part of a spoken description of a card; %s is "Customer action" or "Thought or feeling" */
    g_string_append_printf (text, _(", %s"), tp_card_kind_get_display_name (tp_touchpoint_get_kind (touchpoint)));
  if (lane_name != NULL && *lane_name != '\0')
    g_string_append_printf (text, _(", lane %s"), lane_name);
  if (score != TP_SCORE_UNSET)
    g_string_append_printf (text, _(", emotion score %d of 10"), score);
  else
    g_string_append (text, _(", not scored"));
  if (tp_touchpoint_is_moment (touchpoint))
    g_string_append (text, _(", moment of truth"));
  if (owner != NULL)
    g_string_append_printf (text, _(", owned by %s"), owner);

  return g_string_free (text, FALSE);
}


/* The widgets of one list row, built once and refilled for each item it
 * shows: one box per kind, only the item's own visible. */
typedef struct
{
  GtkWidget *box;

  GtkWidget *header;
  GtkWidget *header_title;
  GtkWidget *header_meta;
  GtkWidget *header_counts;

  GtkWidget *stage;
  GtkWidget *stage_heading;
  GtkWidget *stage_count;

  GtkWidget *placeholder;

  GtkWidget *touchpoint;
  GtkWidget *icon;
  GtkWidget *title;
  GtkWidget *owner;
  GtkWidget *lane;
  GtkWidget *star;
  GtkWidget *badge;
  char *badge_class;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->badge_class);
  g_free (row);
}

/* A row's widgets for each kind of item are made the first time it shows
 * one: most of the rows a list view creates show touchpoints only. */
static void
add_header (Row *row)
{
  row->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (row->header, "outline-header");
  row->header_title = make_heading ("", "title-1", 1);
  gtk_box_append (GTK_BOX (row->header), row->header_title);
  row->header_meta = make_label (NULL, "dim-label", TRUE);
  gtk_box_append (GTK_BOX (row->header), row->header_meta);
  row->header_counts = make_label (NULL, "dim-label", FALSE);
  gtk_widget_add_css_class (row->header_counts, "caption");
  gtk_box_append (GTK_BOX (row->header), row->header_counts);
  gtk_box_append (GTK_BOX (row->box), row->header);
}

static void
add_stage (Row *row)
{
  row->stage = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row->stage, "stage-heading");
  row->stage_heading = make_heading ("", "title-4", 2);
  gtk_widget_set_hexpand (row->stage_heading, TRUE);
  gtk_box_append (GTK_BOX (row->stage), row->stage_heading);
  row->stage_count = make_label (NULL, "dim-label", FALSE);
  gtk_widget_add_css_class (row->stage_count, "caption");
  gtk_widget_set_valign (row->stage_count, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (row->stage), row->stage_count);
  gtk_box_append (GTK_BOX (row->box), row->stage);
}

static void
add_placeholder (Row *row)
{
  row->placeholder = make_label (_("No touchpoints in this stage"), "dim-label", FALSE);
  gtk_widget_add_css_class (row->placeholder, "outline-placeholder");
  gtk_widget_add_css_class (row->placeholder, "outline-card");
  gtk_label_set_xalign (GTK_LABEL (row->placeholder), 0.5f);
  gtk_box_append (GTK_BOX (row->box), row->placeholder);
}

static void
add_touchpoint (Row *row)
{
  GtkWidget *suffixes;

  /* Laid out like the AdwActionRow it replaces: icon, title over owner,
   * then lane, star and score badge. A grid rather than boxes: a GtkBox
   * asks a wrapping label for its width at a given height, which GTK 4.8
   * answers with a binary search over text layouts, in each of the up to
   * 200 rows a list view creates. The title and owner sit in two rows
   * that share the spare height, so they stay centred as a pair. */
  row->touchpoint = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (row->touchpoint), 6);
  gtk_widget_add_css_class (row->touchpoint, "touchpoint-row");
  gtk_widget_add_css_class (row->touchpoint, "outline-card");

  row->icon = gtk_image_new ();
  gtk_widget_add_css_class (row->icon, "channel-icon");
  gtk_widget_set_valign (row->icon, GTK_ALIGN_CENTER);
  enable_tooltip (row->icon);
  gtk_grid_attach (GTK_GRID (row->touchpoint), row->icon, 0, 0, 1, 2);

  row->title = make_label (NULL, "title", TRUE);
  gtk_widget_set_hexpand (row->title, TRUE);
  gtk_widget_set_vexpand (row->title, TRUE);
  gtk_widget_set_margin_top (row->title, LABELS_PADDING);
  gtk_grid_attach (GTK_GRID (row->touchpoint), row->title, 1, 0, 1, 1);
  row->owner = make_label (NULL, "subtitle", TRUE);
  gtk_widget_set_vexpand (row->owner, TRUE);
  gtk_widget_set_valign (row->owner, GTK_ALIGN_START);
  /* A margin, not row spacing: without an owner its row takes no space. */
  gtk_widget_set_margin_top (row->owner, 3);
  gtk_widget_set_margin_bottom (row->owner, LABELS_PADDING);
  gtk_grid_attach (GTK_GRID (row->touchpoint), row->owner, 1, 1, 1, 1);

  suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->lane = make_label (NULL, "dim-label", FALSE);
  gtk_widget_add_css_class (row->lane, "caption");
  gtk_widget_add_css_class (row->lane, "lane-label");
  gtk_label_set_ellipsize (GTK_LABEL (row->lane), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (row->lane), 24);
  gtk_widget_set_valign (row->lane, GTK_ALIGN_CENTER);
  enable_tooltip (row->lane);
  gtk_box_append (GTK_BOX (suffixes), row->lane);

  /* The star slot keeps its width so the badges line up. */
  row->star = gtk_image_new ();
  gtk_widget_set_size_request (row->star, 16, -1);
  gtk_widget_set_valign (row->star, GTK_ALIGN_CENTER);
  enable_tooltip (row->star);
  gtk_box_append (GTK_BOX (suffixes), row->star);

  row->badge = gtk_label_new (NULL);
  gtk_widget_add_css_class (row->badge, "score-badge");
  gtk_widget_set_valign (row->badge, GTK_ALIGN_CENTER);
  enable_tooltip (row->badge);
  gtk_box_append (GTK_BOX (suffixes), row->badge);
  gtk_grid_attach (GTK_GRID (row->touchpoint), suffixes, 2, 0, 1, 2);
  gtk_box_append (GTK_BOX (row->box), row->touchpoint);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           TpOutlineView            *self)
{
  Row *row = g_new0 (Row, 1);

  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (row->box, "outline-item");
  g_object_set_data_full (G_OBJECT (row->box), ROW_KEY, row, row_free);
  gtk_list_item_set_child (list_item, row->box);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

static void
fill_score_badge (Row *row,
                  int  score)
{
  if (row->badge_class != NULL)
    gtk_widget_remove_css_class (row->badge, row->badge_class);
  g_clear_pointer (&row->badge_class, g_free);

  if (score >= TP_SCORE_MIN && score <= TP_SCORE_MAX)
    {
      g_autofree char *text = g_strdup_printf ("%d", score);
      /* Translators: tooltip of a touchpoint's score badge */
      g_autofree char *tooltip = g_strdup_printf (_("Emotion score %d of 10"), score);

      row->badge_class = g_strdup_printf ("score-%d", score);
      gtk_label_set_text (GTK_LABEL (row->badge), text);
      set_tooltip (row->badge, tooltip);
    }
  else
    {
      /* An en dash: the touchpoint has no score yet. */
      row->badge_class = g_strdup ("score-unset");
      gtk_label_set_text (GTK_LABEL (row->badge), "–");
      set_tooltip (row->badge, _("Not scored"));
    }
  gtk_widget_add_css_class (row->badge, row->badge_class);
}

static void
fill_touchpoint (TpOutlineView *self,
                 Row           *row,
                 TpTouchpoint  *touchpoint)
{
  TpChannel channel = tp_touchpoint_get_channel (touchpoint);
  TpCardKind kind = tp_touchpoint_get_kind (touchpoint);
  TpLane *lane = self->journey != NULL
                 ? tp_journey_lookup_lane (self->journey, tp_touchpoint_get_lane_id (touchpoint))
                 : NULL;
  const char *lane_name = lane != NULL ? tp_lane_get_name (lane) : NULL;
  /* Actions and thoughts have no owner: their kind stands under the title. */
  g_autofree char *owner = kind == TP_CARD_KIND_TOUCHPOINT ? dup_owner_text (touchpoint)
                                                           : g_strdup (tp_card_kind_get_display_name (kind));
  g_autofree char *accessible = dup_row_accessible_label (touchpoint, lane_name,
                                                          kind == TP_CARD_KIND_TOUCHPOINT ? owner : NULL);
  GtkWidget *list_row = gtk_widget_get_parent (row->box);
  gboolean moment = tp_touchpoint_is_moment (touchpoint);

  g_object_set_data_full (G_OBJECT (row->touchpoint), ROW_ID_KEY,
                          g_strdup (tp_element_get_id (TP_ELEMENT (touchpoint))), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->touchpoint),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The list's row takes the focus: it is what a screen reader announces. */
  if (list_row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                    -1);

  if (kind == TP_CARD_KIND_ACTION)
    gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "tp-customer-action-symbolic");
  else if (kind == TP_CARD_KIND_THOUGHT)
    gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "tp-thought-symbolic");
  else
    gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), tp_channel_get_icon_name (channel));
  set_tooltip (row->icon, kind == TP_CARD_KIND_TOUCHPOINT ? tp_channel_get_display_name (channel)
                                                          : tp_card_kind_get_display_name (kind));

  gtk_label_set_text (GTK_LABEL (row->title), tp_touchpoint_get_title (touchpoint));
  gtk_label_set_text (GTK_LABEL (row->owner), owner != NULL ? owner : "");
  gtk_widget_set_visible (row->owner, owner != NULL);
  /* Alone, the title is centred and padded below as well. */
  gtk_widget_set_valign (row->title, owner != NULL ? GTK_ALIGN_END : GTK_ALIGN_CENTER);
  gtk_widget_set_margin_bottom (row->title, owner != NULL ? 0 : LABELS_PADDING);

  /* In a narrow sidebar the lane is only spoken, not shown. */
  gtk_label_set_text (GTK_LABEL (row->lane), lane_name != NULL ? lane_name : "");
  set_tooltip (row->lane, lane_name);
  gtk_widget_set_visible (row->lane, lane_name != NULL && *lane_name != '\0' && !self->compact);

  if (moment)
    gtk_image_set_from_icon_name (GTK_IMAGE (row->star), "tp-moment-of-truth-symbolic");
  else
    gtk_image_clear (GTK_IMAGE (row->star));
  set_css_class (row->star, "moment-of-truth", moment);
  set_tooltip (row->star, moment ? _("Moment of truth") : NULL);

  fill_score_badge (row, tp_touchpoint_get_score (touchpoint));
}

/* Shows @item in @row; also called on a bound row when a rebuild keeps
 * its item, so the row shows the touchpoint's current properties. */
static void
fill_row (TpOutlineView *self,
          Row           *row,
          TpOutlineItem *item)
{
  static const struct {
    gsize offset;
    void (*add) (Row *row);
  } parts[] = {
    [ITEM_HEADER] = { G_STRUCT_OFFSET (Row, header), add_header },
    [ITEM_STAGE] = { G_STRUCT_OFFSET (Row, stage), add_stage },
    [ITEM_PLACEHOLDER] = { G_STRUCT_OFFSET (Row, placeholder), add_placeholder },
    [ITEM_TOUCHPOINT] = { G_STRUCT_OFFSET (Row, touchpoint), add_touchpoint },
  };

  for (guint kind = 0; kind < G_N_ELEMENTS (parts); kind++)
    {
      GtkWidget *part = G_STRUCT_MEMBER (GtkWidget *, row, parts[kind].offset);

      if (part == NULL && kind == item->kind)
        parts[kind].add (row);
      else if (part != NULL)
        gtk_widget_set_visible (part, kind == item->kind);
    }
  set_css_class (row->box, "first", item->first);
  set_css_class (row->box, "last", item->last);
  set_css_class (row->box, "outline-end", item->end);

  switch (item->kind)
    {
    case ITEM_HEADER:
      set_css_class (row->header_title, "title-1", !self->compact);
      set_css_class (row->header_title, "title-2", self->compact);
      gtk_label_set_text (GTK_LABEL (row->header_title), item->title);
      gtk_label_set_text (GTK_LABEL (row->header_meta), item->subtitle);
      gtk_label_set_text (GTK_LABEL (row->header_counts), item->caption);
      break;
    case ITEM_STAGE:
      gtk_label_set_text (GTK_LABEL (row->stage_heading), item->title);
      gtk_label_set_text (GTK_LABEL (row->stage_count), item->subtitle);
      break;
    case ITEM_PLACEHOLDER:
      break;
    case ITEM_TOUCHPOINT:
      fill_touchpoint (self, row, item->touchpoint);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          TpOutlineView            *self)
{
  TpOutlineItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);

  /* Only touchpoints are picked; headings are read, not selected. */
  gtk_list_item_set_selectable (list_item, item->kind == ITEM_TOUCHPOINT);
  gtk_list_item_set_activatable (list_item, item->kind == ITEM_TOUCHPOINT);
  item->row = box;
  fill_row (self, g_object_get_data (G_OBJECT (box), ROW_KEY), item);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            TpOutlineView            *self)
{
  TpOutlineItem *item = gtk_list_item_get_item (list_item);
  Row *row = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), ROW_KEY);

  if (item != NULL && item->row == row->box)
    item->row = NULL;
  if (row->touchpoint != NULL)
    g_object_set_data (G_OBJECT (row->touchpoint), ROW_ID_KEY, NULL);
}

/* ---------------------------------------------------------------- model */

static TpOutlineItem *
make_header_item (TpOutlineView *self,
                  guint          n_touchpoints,
                  guint          n_moments)
{
  TpOutlineItem *item;
  const char *persona = tp_journey_get_persona_name (self->journey);
  const char *segment = tp_journey_get_persona_segment (self->journey);
  const char *scope = tp_scope_get_display_name (tp_journey_get_scope (self->journey));
  const char *state = tp_journey_state_get_display_name (tp_journey_get_state (self->journey));
  char *counts;

  if (self->header_item == NULL)
    self->header_item = tp_outline_item_new (ITEM_HEADER);
  item = self->header_item;
  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->caption);
  item->title = g_strdup (tp_journey_get_title (self->journey));

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
      item->subtitle = g_strdup_printf (_("Persona: %s · %s · %s"), who, scope, state);
    }
  else
    /* Translators: scope and state of a journey without a persona */
    item->subtitle = g_strdup_printf (_("%s · %s"), scope, state);

  /* Translators: a number of touchpoints, e.g. "25 touchpoints" */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n_touchpoints),
                            n_touchpoints);
  if (n_moments > 0)
    {
      g_autofree char *moments =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moment of truth", "%u moments of truth", n_moments),
                         n_moments);
      char *both;

      /* Translators: "25 touchpoints, 3 moments of truth" */
      both = g_strdup_printf (_("%s, %s"), counts, moments);
      g_free (counts);
      counts = both;
    }
  item->caption = counts;

  return g_object_ref (item);
}

static TpOutlineItem *
make_stage_item (TpOutlineView *self,
                 GHashTable    *old_items,
                 guint          number,
                 TpStage       *stage,
                 guint          n)
{
  const char *id = tp_element_get_id (TP_ELEMENT (stage));
  TpOutlineItem *item = g_hash_table_lookup (old_items, id);

  if (item != NULL)
    g_object_ref (item);
  else
    item = tp_outline_item_new (ITEM_STAGE);
  g_hash_table_insert (self->stage_items, g_strdup (id), g_object_ref (item));
  g_free (item->title);
  g_free (item->subtitle);

  /* Translators: a stage heading: its number in the journey and its name */
  item->title = g_strdup_printf (_("%u. %s"), number, tp_stage_get_name (stage));
  item->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint", "%u touchpoints", n), n);
  return item;
}

/* The item of @touchpoint from the last rebuild if there is one, so its
 * row widget (and the keyboard focus on it) is kept. */
static TpOutlineItem *
take_touchpoint_item (TpOutlineView *self,
                      GHashTable    *old_items,
                      TpTouchpoint  *touchpoint)
{
  const char *id = tp_element_get_id (TP_ELEMENT (touchpoint));
  TpOutlineItem *item = g_hash_table_lookup (old_items, id);

  if (item != NULL && item->touchpoint == touchpoint)
    g_object_ref (item);
  else
    {
      item = tp_outline_item_new (ITEM_TOUCHPOINT);
      item->touchpoint = g_object_ref (touchpoint);
    }
  g_hash_table_insert (self->items, g_strdup (id), g_object_ref (item));
  return item;
}

static guint
get_position (TpOutlineView *self,
              const char    *id)
{
  gpointer value = id != NULL ? g_hash_table_lookup (self->positions, id) : NULL;

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : GTK_INVALID_LIST_POSITION;
}

/* Selects the row of @id (NULL: none) without telling the window. */
static guint
show_selection (TpOutlineView *self,
                const char    *id)
{
  guint position = get_position (self, id);

  self->updating_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating_selection = FALSE;
  return position;
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      TpOutlineView     *self)
{
  TpOutlineItem *item;
  const char *id;
  TpTouchpoint *touchpoint = NULL;

  if (self->updating_selection)
    return;
  item = gtk_single_selection_get_selected_item (self->selection);
  /* The selection went away: the window keeps its own. */
  if (item == NULL || item->kind != ITEM_TOUCHPOINT)
    return;

  id = tp_element_get_id (TP_ELEMENT (item->touchpoint));
  if (g_strcmp0 (id, self->selected_id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);

  if (self->journey != NULL)
    touchpoint = tp_journey_lookup_touchpoint (self->journey, id);
  g_signal_emit (self, signals[TOUCHPOINT_SELECTED], 0, touchpoint);
}

/* Enter on a row, or a double click: pick it as a click would. */
static void
on_list_activate (GtkListView   *list,
                  guint          position,
                  TpOutlineView *self)
{
  g_autoptr(TpOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (item != NULL && item->kind == ITEM_TOUCHPOINT)
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

static void
tp_outline_view_rebuild (TpOutlineView *self)
{
  g_autoptr(GHashTable) by_stage = NULL;
  g_autoptr(GHashTable) old_items = NULL;
  g_autoptr(GHashTable) old_stage_items = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GListModel *stages;
  GListModel *touchpoints;
  guint n_stages;
  guint n_touchpoints;
  guint n_moments = 0;
  guint n_contacts = 0;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  old_items = g_steal_pointer (&self->items);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  old_stage_items = g_steal_pointer (&self->stage_items);
  self->stage_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_remove_all (self->positions);
  items = g_ptr_array_new_with_free_func (g_object_unref);

  stages = self->journey != NULL ? tp_journey_get_stages (self->journey) : NULL;
  touchpoints = self->journey != NULL ? tp_journey_get_touchpoints (self->journey) : NULL;
  n_stages = stages != NULL ? g_list_model_get_n_items (stages) : 0;
  n_touchpoints = touchpoints != NULL ? g_list_model_get_n_items (touchpoints) : 0;

  if (n_stages > 0 && n_touchpoints > 0)
    {
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
          if (tp_touchpoint_is_moment (touchpoint))
            n_moments++;
          if (tp_touchpoint_is_contact (touchpoint))
            n_contacts++;
          g_ptr_array_add (list, g_object_ref (touchpoint));
        }

      g_ptr_array_add (items, make_header_item (self, n_contacts, n_moments));
      for (guint i = 0; i < n_stages; i++)
        {
          g_autoptr(TpStage) stage = g_list_model_get_item (stages, i);
          GPtrArray *list = g_hash_table_lookup (by_stage, tp_element_get_id (TP_ELEMENT (stage)));
          guint n = list != NULL ? list->len : 0;
          guint n_stage_contacts = 0;

          for (guint j = 0; j < n; j++)
            if (tp_touchpoint_is_contact (g_ptr_array_index (list, j)))
              n_stage_contacts++;
          /* Actions and thoughts are listed too, with their kind, but
           * only touchpoints are counted. */
          g_ptr_array_add (items, make_stage_item (self, old_stage_items, i + 1, stage, n_stage_contacts));
          if (n == 0)
            {
              TpOutlineItem *placeholder = tp_outline_item_new (ITEM_PLACEHOLDER);

              placeholder->first = placeholder->last = TRUE;
              g_ptr_array_add (items, placeholder);
            }
          for (guint j = 0; j < n; j++)
            {
              TpTouchpoint *touchpoint = g_ptr_array_index (list, j);
              TpOutlineItem *item = take_touchpoint_item (self, old_items, touchpoint);

              item->first = j == 0;
              item->last = j == n - 1;
              item->end = FALSE;
              g_hash_table_insert (self->positions,
                                   g_strdup (tp_element_get_id (TP_ELEMENT (touchpoint))),
                                   GUINT_TO_POINTER (items->len + 1));
              g_ptr_array_add (items, item);
            }
        }
      ((TpOutlineItem *) g_ptr_array_index (items, items->len - 1))->end = TRUE;
    }

  /* One splice: the list view sees a single change. Kept items keep their
   * row widgets, which are not bound again, so refill them. */
  self->updating_selection = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  self->updating_selection = FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      TpOutlineItem *item = g_ptr_array_index (items, i);

      if (item->row != NULL)
        fill_row (self, g_object_get_data (G_OBJECT (item->row), ROW_KEY), item);
    }

  gtk_stack_set_visible_child (self->stack,
                               items->len > 0 ? GTK_WIDGET (self->scroller) : GTK_WIDGET (self->empty_page));
  show_selection (self, self->selected_id);
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
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->stage_items, g_hash_table_unref);
  g_clear_object (&self->header_item);
  g_clear_pointer (&self->selected_id, g_free);
  self->scroller = NULL;
  self->list = NULL;
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
  GtkListItemFactory *factory;
  GtkWidget *clamp;

  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->stage_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);

  self->store = g_list_store_new (TP_TYPE_OUTLINE_ITEM);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "outline-list");
  g_signal_connect (self->list, "activate", G_CALLBACK (on_list_activate), self);

  /* A clamp that scrolls its child, so the list stays virtual. */
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), 840);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), 600);
  gtk_widget_add_css_class (clamp, "outline-clamp");
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (self->scroller, clamp);
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
  guint position;

  g_return_if_fail (TP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (touchpoint == NULL || TP_IS_TOUCHPOINT (touchpoint));

  g_free (self->selected_id);
  self->selected_id = touchpoint != NULL ? g_strdup (tp_element_get_id (TP_ELEMENT (touchpoint))) : NULL;

  position = show_selection (self, self->selected_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
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
