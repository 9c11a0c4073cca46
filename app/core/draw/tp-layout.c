/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-department.h"
#include "tp-layout-private.h"

/* Cantarell is GNOME's UI font; "Sans" is whatever fontconfig has. */
#define TP_FONT_FAMILY "Cantarell, Sans"
/* Document units are CSS pixels: 96 per inch, so 10 pt is 13.3 units. */
#define TP_LAYOUT_DPI 96.0

enum {
  PROP_0,
  PROP_JOURNEY,
  PROP_FONT_MAP,
  PROP_HIDDEN_LANES,
  PROP_FULL_TEXT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (TpLayout, tp_layout, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *font;
  int max_lines;
} text_styles[TP_N_TEXT_STYLES] = {
  [TP_TEXT_TITLE] = { TP_FONT_FAMILY " 10", TP_LAYOUT_MAX_TITLE_LINES },
  [TP_TEXT_TITLE_ITALIC] = { TP_FONT_FAMILY " Italic 10", TP_LAYOUT_MAX_TITLE_LINES },
  [TP_TEXT_BODY] = { TP_FONT_FAMILY " 9", 3 },
  [TP_TEXT_CAPTION] = { TP_FONT_FAMILY " 8", 1 },
  [TP_TEXT_CAPTION_BOLD] = { TP_FONT_FAMILY " Bold 8", 1 },
  [TP_TEXT_BADGE] = { TP_FONT_FAMILY " Bold 8", 1 },
  [TP_TEXT_STAGE] = { TP_FONT_FAMILY " Bold 11", 1 },
  [TP_TEXT_LANE] = { TP_FONT_FAMILY " Bold 10", 3 },
  [TP_TEXT_HEADING] = { TP_FONT_FAMILY " Bold 10", 2 },
};

/* Text cache */

static guint
text_hash (gconstpointer key)
{
  const TpLayoutText *t = key;

  return g_str_hash (t->text) ^ ((guint) t->style * 2654435761u) ^ (guint) t->width ^ (guint) t->whole
         ^ g_direct_hash (t->language);
}

static gboolean
text_equal (gconstpointer a,
            gconstpointer b)
{
  const TpLayoutText *ta = a;
  const TpLayoutText *tb = b;

  return ta->style == tb->style && ta->width == tb->width && ta->whole == tb->whole
         && ta->language == tb->language && strcmp (ta->text, tb->text) == 0;
}

static void
text_free (gpointer data)
{
  TpLayoutText *t = data;

  g_clear_object (&t->layout);
  g_free (t->text);
  g_free (t);
}

static char *
cut_with_ellipsis (const char *text,
                   const char *end)
{
  GString *cut = g_string_new_len (text, end - text);

  g_string_append (cut, "…");
  return g_string_free (cut, FALSE);
}

/* Lays out @t's text with @context, in @font. */
static void
measure_layout (TpLayoutText               *t,
                PangoContext               *context,
                const PangoFontDescription *font)
{
  int w, h;

  t->layout = pango_layout_new (context);
  pango_layout_set_font_description (t->layout, font);
  /* Marked with the journey's language, so Pango breaks lines by its rules. */
  if (t->language != NULL)
    {
      PangoAttrList *attributes = pango_attr_list_new ();

      pango_attr_list_insert (attributes, pango_attr_language_new (t->language));
      pango_layout_set_attributes (t->layout, attributes);
      pango_attr_list_unref (attributes);
    }
  if (t->width > 0)
    {
      pango_layout_set_width (t->layout, t->width);
      pango_layout_set_wrap (t->layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (t->layout, PANGO_ELLIPSIZE_END);
      /* Negative: a number of lines, not a height. Whole texts stop only
       * at what no card on any page could hold (hostile files). */
      pango_layout_set_height (t->layout, t->whole ? -TP_LAYOUT_MAX_WHOLE_LINES
                                                   : -text_styles[t->style].max_lines);
    }

  /* Cards are not the place for paragraphs: a line break in a title
   * would otherwise start a new paragraph with its own line budget. No
   * card shows more than TP_LAYOUT_MAX_TEXT_CHARS characters, so a hostile
   * text is cut there before Pango shapes it (bounded work), marked "…". */
  if (strpbrk (t->text, "\n\r\t") != NULL || strlen (t->text) > TP_LAYOUT_MAX_TEXT_CHARS)
    {
      g_autofree char *flat = NULL;

      if (g_utf8_strlen (t->text, -1) > TP_LAYOUT_MAX_TEXT_CHARS)
        {
          const char *end = g_utf8_offset_to_pointer (t->text, TP_LAYOUT_MAX_TEXT_CHARS);

          flat = cut_with_ellipsis (t->text, end);
        }
      else
        flat = g_strdup (t->text);
      for (char *p = flat; *p != '\0'; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
          *p = ' ';
      pango_layout_set_text (t->layout, flat, -1);
    }
  else
    {
      pango_layout_set_text (t->layout, t->text, -1);
    }

  pango_layout_get_size (t->layout, &w, &h);
  t->text_width = (double) w / PANGO_SCALE;
  t->height = (double) h / PANGO_SCALE;
  t->n_lines = pango_layout_get_line_count (t->layout);
}

static TpLayoutText *
measure_text_full (TpLayout    *self,
                   TpTextStyle  style,
                   double       width,
                   const char  *text,
                   gboolean     keep,
                   gboolean     whole)
{
  TpLayoutText key = { style, width > 0 ? pango_units_from_double (width) : -1, (char *) text, whole,
                       self->language };
  TpLayoutText *t = g_hash_table_lookup (self->texts, &key);

  if (t == NULL)
    {
      t = g_new0 (TpLayoutText, 1);
      t->style = style;
      t->width = key.width;
      t->text = g_strdup (text);
      t->whole = whole;
      t->language = self->language;

      /* Collecting texts to measure on two threads: later. */
      if (self->deferred != NULL)
        g_ptr_array_add (self->deferred, t);
      else
        measure_layout (t, self->context, self->fonts[style]);

      g_hash_table_add (self->texts, t);
    }

  if (keep)
    t->generation = G_MAXUINT;
  else if (t->generation != G_MAXUINT)
    t->generation = self->generation;

  return t;
}

static TpLayoutText *
measure_text (TpLayout    *self,
              TpTextStyle  style,
              double       width,
              const char  *text,
              gboolean     keep)
{
  return measure_text_full (self, style, width, text, keep, FALSE);
}

/* A card's text: whole on paper, a few lines on screen. */
static TpLayoutText *
measure_card_text (TpLayout    *self,
                   TpTextStyle  style,
                   double       width,
                   const char  *text)
{
  return measure_text_full (self, style, width, text, FALSE, self->full_text);
}

TpLayoutText *
tp_layout_get_legend_label (TpLayout   *self,
                            const char *text)
{
  return measure_text_full (self, TP_TEXT_CAPTION, TP_LAYOUT_LEGEND_LABEL_WIDTH, text, TRUE,
                            self->full_text);
}

double
tp_layout_legend_step (const TpLayoutText *label)
{
  return MAX (TP_LAYOUT_LEGEND_LINE, label->height + 4);
}

/* Under the employee lane's name: the blocker and enabler markers, then a
 * swatch per department (tp-renderer-headers.c draws it). */
static double
legend_height (TpLayout    *self,
               TpLayoutRow *row)
{
  g_autoptr(GPtrArray) departments = tp_layout_list_departments (self);
  double height = TP_LAYOUT_LEGEND_TOP + row->name->height + TP_LAYOUT_LEGEND_GAP
                  + tp_layout_legend_step (tp_layout_get_legend_label (self, _("Blocker")))
                  + tp_layout_legend_step (tp_layout_get_legend_label (self, _("Enabler")));

  if (departments->len == 0)
    return 0;
  for (guint i = 0; i < departments->len; i++)
    height += tp_layout_legend_step (tp_layout_get_legend_label (self, g_ptr_array_index (departments, i)));
  return height + TP_LAYOUT_LEGEND_BOTTOM;
}

double
tp_layout_get_row_header_height (TpLayout *self,
                                 guint     lane)
{
  TpLayoutRow *row = tp_layout_row (self, lane);
  double height = 12 + row->name->height;

  if (row->kind == TP_LANE_KIND_EMPLOYEE)
    height = MAX (height, legend_height (self, row));
  return height;
}

TpLayoutText *
tp_layout_get_label (TpLayout    *self,
                     TpTextStyle  style,
                     double       width,
                     const char  *text)
{
  return measure_text (self, style, width, text, TRUE);
}

static gboolean
text_is_stale (gpointer key,
               gpointer value,
               gpointer user_data)
{
  TpLayoutText *t = key;
  TpLayout *self = user_data;

  return t->generation != G_MAXUINT && t->generation != self->generation;
}

static guint
sprite_key_hash (gconstpointer key)
{
  const TpLayoutSpriteKey *k = key;

  return ((k->kind * 31 + k->params) * 31 + k->palette) * 31 + k->scale * 17 + k->width;
}

static gboolean
sprite_key_equal (gconstpointer a,
                  gconstpointer b)
{
  return memcmp (a, b, sizeof (TpLayoutSpriteKey)) == 0;
}

/* GObject */

static void
clear_item (gpointer data)
{
  TpLayoutItem *item = data;

  g_clear_object (&item->element);
}

static void
clear_column (gpointer data)
{
  TpLayoutColumn *column = data;

  g_clear_object (&column->stage);
}

static void
clear_row (gpointer data)
{
  TpLayoutRow *row = data;

  g_clear_object (&row->lane);
  g_clear_pointer (&row->curve, g_array_unref);
  g_clear_pointer (&row->employee_curve, g_array_unref);
}

static void
tp_layout_dispose (GObject *object)
{
  TpLayout *self = TP_LAYOUT (object);

  /* Items, columns and rows hold references on the model's elements. */
  if (self->items != NULL)
    g_array_set_size (self->items, 0);
  if (self->columns != NULL)
    g_array_set_size (self->columns, 0);
  if (self->rows != NULL)
    g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->item_index, g_hash_table_unref);
  g_clear_object (&self->journey);

  G_OBJECT_CLASS (tp_layout_parent_class)->dispose (object);
}

static void
tp_layout_finalize (GObject *object)
{
  TpLayout *self = TP_LAYOUT (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->cell_start, g_free);
  g_clear_pointer (&self->hidden_lanes, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_hash_table_unref);
  g_clear_pointer (&self->sprites, g_hash_table_unref);
  for (guint i = 0; i < TP_N_TEXT_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_object (&self->context);
  g_clear_object (&self->worker_context);
  g_clear_object (&self->font_map);

  G_OBJECT_CLASS (tp_layout_parent_class)->finalize (object);
}

static void
tp_layout_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpLayout *self = TP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      g_value_set_object (value, self->journey);
      break;
    case PROP_FONT_MAP:
      g_value_set_object (value, self->font_map);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_layout_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpLayout *self = TP_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_JOURNEY:
      self->journey = g_value_dup_object (value);
      break;
    case PROP_FONT_MAP:
      self->font_map = g_value_dup_object (value);
      break;
    case PROP_HIDDEN_LANES:
      {
        const char * const *ids = g_value_get_boxed (value);

        /* NULL rather than an empty set: the usual case costs nothing. */
        if (ids != NULL && ids[0] != NULL)
          {
            self->hidden_lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
            for (guint i = 0; ids[i] != NULL; i++)
              g_hash_table_add (self->hidden_lanes, g_strdup (ids[i]));
          }
      }
      break;
    case PROP_FULL_TEXT:
      self->full_text = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

PangoContext *
tp_pango_context_new_unhinted (PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map != NULL ? font_map
                                                                            : pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}

/* Unhinted, unrounded metrics: text wraps the same at every zoom and in
 * every output, and scales linearly, so the geometry never changes with
 * the device. */
static PangoContext *
create_context (PangoFontMap *font_map)
{
  PangoContext *context = tp_pango_context_new_unhinted (font_map);
  cairo_font_options_t *options = cairo_font_options_copy (pango_cairo_context_get_font_options (context));

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, TP_LAYOUT_DPI);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_language (context, pango_language_get_default ());
  return context;
}

static void
tp_layout_constructed (GObject *object)
{
  TpLayout *self = TP_LAYOUT (object);

  G_OBJECT_CLASS (tp_layout_parent_class)->constructed (object);

  g_assert (TP_IS_JOURNEY (self->journey));

  if (self->font_map == NULL)
    self->font_map = g_object_ref (pango_cairo_font_map_get_default ());

  self->context = create_context (self->font_map);

  for (guint i = 0; i < TP_N_TEXT_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (text_styles[i].font);

  tp_layout_update (self);
}

static void
tp_layout_class_init (TpLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tp_layout_constructed;
  object_class->dispose = tp_layout_dispose;
  object_class->finalize = tp_layout_finalize;
  object_class->get_property = tp_layout_get_property;
  object_class->set_property = tp_layout_set_property;

  properties[PROP_JOURNEY] =
    g_param_spec_object ("journey", NULL, NULL, TP_TYPE_JOURNEY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FONT_MAP] =
    g_param_spec_object ("font-map", NULL, NULL, PANGO_TYPE_FONT_MAP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDDEN_LANES] =
    g_param_spec_boxed ("hidden-lanes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FULL_TEXT] =
    g_param_spec_boolean ("full-text", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_layout_init (TpLayout *self)
{
  self->texts = g_hash_table_new_full (text_hash, text_equal, text_free, NULL);
  self->columns = g_array_new (FALSE, TRUE, sizeof (TpLayoutColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->rows = g_array_new (FALSE, TRUE, sizeof (TpLayoutRow));
  g_array_set_clear_func (self->rows, clear_row);
  self->items = g_array_new (FALSE, TRUE, sizeof (TpLayoutItem));
  g_array_set_clear_func (self->items, clear_item);
  self->item_index = g_hash_table_new (NULL, NULL);
  self->sprites = g_hash_table_new_full (sprite_key_hash, sprite_key_equal, g_free,
                                         (GDestroyNotify) cairo_surface_destroy);
}

TpLayout *
tp_layout_new (TpJourney    *journey,
               PangoFontMap *font_map)
{
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (font_map == NULL || PANGO_IS_FONT_MAP (font_map), NULL);

  return g_object_new (TP_TYPE_LAYOUT, "journey", journey, "font-map", font_map, NULL);
}

TpLayout *
tp_layout_new_full (TpJourney          *journey,
                    PangoFontMap       *font_map,
                    const char * const *hidden_lanes)
{
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (font_map == NULL || PANGO_IS_FONT_MAP (font_map), NULL);

  return g_object_new (TP_TYPE_LAYOUT, "journey", journey, "font-map", font_map,
                       "hidden-lanes", hidden_lanes, NULL);
}

TpLayout *
tp_layout_new_for_paper (TpJourney          *journey,
                         PangoFontMap       *font_map,
                         const char * const *hidden_lanes)
{
  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);
  g_return_val_if_fail (font_map == NULL || PANGO_IS_FONT_MAP (font_map), NULL);

  return g_object_new (TP_TYPE_LAYOUT, "journey", journey, "font-map", font_map,
                       "hidden-lanes", hidden_lanes, "full-text", TRUE, NULL);
}

GPtrArray *
tp_layout_list_departments (TpLayout *self)
{
  /* Every note is on the map whatever lanes are hidden: all departments. */
  return tp_journey_list_departments (self->journey);
}

/* Computing the layout */

typedef struct {
  TpElement *element;
  TpCardStyle style;
  guint stage;
  guint lane;
} Placement;

guint
tp_layout_lookup_index (GHashTable *ids,
                        const char *id)
{
  gpointer value;

  if (id == NULL || !g_hash_table_lookup_extended (ids, id, NULL, &value))
    return G_MAXUINT;
  return GPOINTER_TO_UINT (value);
}

static char *
join_caption (const char *a,
              const char *b)
{
  gboolean has_a = a != NULL && *a != '\0';
  gboolean has_b = b != NULL && *b != '\0';

  if (has_a && has_b)
    return g_strdup_printf ("%s · %s", a, b);
  if (has_a || has_b)
    return g_strdup (has_a ? a : b);
  return NULL;
}

/* A card's kind decides how it looks, wherever it is placed. */
static TpCardStyle
card_style_for_kind (TpCardKind kind)
{
  switch (kind)
    {
    case TP_CARD_KIND_ACTION:
      return TP_CARD_ACTION;
    case TP_CARD_KIND_THOUGHT:
      return TP_CARD_THOUGHT;
    case TP_CARD_KIND_TOUCHPOINT:
    default:
      return TP_CARD_TOUCHPOINT;
    }
}

/* The evidence a card states, with the number of respondents measured
 * at once: the title's width depends on it, also while other texts wait
 * to be measured together. */
static void
measure_evidence (TpLayout     *self,
                  TpLayoutItem *item)
{
  TpEvidence evidence = TP_EVIDENCE_NONE;
  int respondents = 0;
  GPtrArray *deferred = self->deferred;

  if (TP_IS_TOUCHPOINT (item->element))
    {
      evidence = tp_touchpoint_get_evidence (TP_TOUCHPOINT (item->element));
      respondents = tp_touchpoint_get_respondents (TP_TOUCHPOINT (item->element));
    }
  else if (TP_IS_EMPLOYEE_NOTE (item->element))
    {
      evidence = tp_employee_note_get_evidence (TP_EMPLOYEE_NOTE (item->element));
      respondents = tp_employee_note_get_respondents (TP_EMPLOYEE_NOTE (item->element));
    }

  item->evidence_kind = evidence;
  item->evidence = NULL;
  if (evidence == TP_EVIDENCE_REPORTED && respondents > 0)
    {
      char count[16];

      g_snprintf (count, sizeof count, "%d", respondents);
      self->deferred = NULL;
      item->evidence = tp_layout_get_label (self, TP_TEXT_CAPTION, -1, count);
      self->deferred = deferred;
    }
}

/* The second caption line of an opportunity: "Planned · Priority: High";
 * NULL when it is a bare idea. */
static char *
opportunity_status_line (TpOpportunity *opportunity)
{
  TpOpportunityStatus status = tp_opportunity_get_status (opportunity);
  int priority = tp_opportunity_get_priority (opportunity);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (status != TP_OPPORTUNITY_STATUS_IDEA)
    g_ptr_array_add (parts, g_strdup (tp_opportunity_status_get_display_name (status)));
  if (priority > 0)
    /* Translators: on an opportunity card; %s is High, Medium or Low */
    g_ptr_array_add (parts, g_strdup_printf (_("Priority: %s"), tp_priority_get_display_name (priority)));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Measures the card's text and returns its height. */
static double
measure_card (TpLayout     *self,
              TpLayoutItem *item)
{
  double inner = TP_LAYOUT_CARD_WIDTH - 2 * TP_CARD_PADDING;
  g_autofree char *caption = NULL;
  g_autofree char *caption2 = NULL;

  item->caption = NULL;
  item->caption2 = NULL;
  item->due = NULL;
  measure_evidence (self, item);

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      {
        TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
        const char *title = tp_touchpoint_get_title (tp);

        item->text = measure_card_text (self, TP_TEXT_TITLE, inner,
                                        *title != '\0' ? title : _("Untitled touchpoint"));
        return TP_CARD_PADDING + TP_CARD_HEADER_HEIGHT + TP_CARD_HEADER_GAP
               + item->text->height + TP_CARD_PADDING;
      }

    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      {
        TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
        const char *title = tp_touchpoint_get_title (tp);
        double width = inner;
        double height;

        /* The badge, star and evidence mark sit beside the title, not above it. */
        if (tp_touchpoint_get_score (tp) > 0)
          width -= TP_CARD_BADGE_RESERVE;
        if (tp_touchpoint_is_moment (tp))
          width -= TP_CARD_STAR_RESERVE;
        if (item->style == TP_CARD_ACTION)
          width -= TP_CARD_ACTION_BAR;
        if (item->evidence_kind != TP_EVIDENCE_NONE)
          width -= tp_layout_item_get_evidence_width (item) + TP_CARD_EVIDENCE_GAP;

        item->text = measure_card_text (self,
                                        item->style == TP_CARD_THOUGHT ? TP_TEXT_TITLE_ITALIC : TP_TEXT_TITLE,
                                        width,
                                        *title != '\0' ? title : _("Untitled touchpoint"));
        height = TP_CARD_PADDING + MAX (item->text->height, TP_BADGE_HEIGHT) + TP_CARD_PADDING;
        if (item->style == TP_CARD_THOUGHT)
          height += TP_CARD_THOUGHT_TAIL;
        return height;
      }

    case TP_CARD_NOTE:
      {
        TpEmployeeNote *note = TP_EMPLOYEE_NOTE (item->element);

        const char *caused_by = tp_employee_note_get_caused_by (note);

        item->text = measure_card_text (self, TP_TEXT_BODY, inner, tp_employee_note_get_text (note));
        caption = join_caption (tp_employee_note_get_role (note), tp_employee_note_get_department (note));
        /* A line of its own, so that a long department never hides it. */
        if (*caused_by != '\0')
          /* Translators: on a blocker or enabler card; %s is the department its cause comes from */
          caption2 = g_strdup_printf (_("Caused by %s"), caused_by);
      }
      break;

    case TP_CARD_OPPORTUNITY:
      {
        TpOpportunity *opportunity = TP_OPPORTUNITY (item->element);
        const char *owner = tp_opportunity_get_owner (opportunity);

        item->text = measure_card_text (self, TP_TEXT_BODY, inner, tp_opportunity_get_text (opportunity));
        if (*owner != '\0')
          /* Translators: who is responsible for an opportunity */
          caption = g_strdup_printf (_("Owner: %s"), owner);
        const char *due = tp_opportunity_get_due (opportunity);

        caption2 = opportunity_status_line (opportunity);
        if (*due != '\0')
          {
            /* Translators: on an opportunity card; %s is a date written YYYY-MM-DD */
            g_autofree char *text = g_strdup_printf (_("Due %s"), due);
            GPtrArray *deferred = self->deferred;

            /* Measured now: the header label's width depends on it. */
            self->deferred = NULL;
            item->due = measure_text (self, TP_TEXT_CAPTION, -1, text, FALSE);
            self->deferred = deferred;
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (caption != NULL)
    item->caption = measure_card_text (self, TP_TEXT_CAPTION, inner, caption);
  if (caption2 != NULL)
    item->caption2 = measure_card_text (self, TP_TEXT_CAPTION, inner, caption2);

  return TP_CARD_PADDING + TP_CARD_NOTE_HEADER + TP_CARD_NOTE_GAP + item->text->height
         + (item->caption != NULL ? TP_CARD_NOTE_GAP + tp_layout_caption_height (item->caption) : 0)
         + (item->caption2 != NULL ? TP_CARD_NOTE_GAP + tp_layout_caption_height (item->caption2) : 0)
         + TP_CARD_PADDING;
}

/* Gathers every card with its cell, in the order cells stack them:
 * touchpoints, then employee notes, then opportunities, each in list order. */
static GArray *
place_cards (TpLayout   *self,
             GHashTable *stage_ids,
             GHashTable *lane_ids)
{
  GListModel *touchpoints = tp_journey_get_touchpoints (self->journey);
  GListModel *notes = tp_journey_get_employee_notes (self->journey);
  GListModel *opportunities = tp_journey_get_opportunities (self->journey);
  guint n_touchpoints = g_list_model_get_n_items (touchpoints);
  guint n_notes = g_list_model_get_n_items (notes);
  guint n_opportunities = g_list_model_get_n_items (opportunities);
  guint employee_lane = G_MAXUINT;
  guint opportunity_lane = G_MAXUINT;
  GArray *placements = g_array_sized_new (FALSE, FALSE, sizeof (Placement),
                                          n_touchpoints + n_notes + n_opportunities);

  for (guint l = 0; l < self->rows->len; l++)
    {
      TpLaneKind kind = tp_layout_row (self, l)->kind;

      if (kind == TP_LANE_KIND_EMPLOYEE && employee_lane == G_MAXUINT)
        employee_lane = l;
      else if (kind == TP_LANE_KIND_OPPORTUNITIES && opportunity_lane == G_MAXUINT)
        opportunity_lane = l;
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (touchpoints, i);
      Placement p = { TP_ELEMENT (tp), TP_CARD_TOUCHPOINT,
                      tp_layout_lookup_index (stage_ids, tp_touchpoint_get_stage_id (tp)),
                      tp_layout_lookup_index (lane_ids, tp_touchpoint_get_lane_id (tp)) };

      /* The model keeps references valid; skip rather than crash if not. */
      if (p.stage == G_MAXUINT || p.lane == G_MAXUINT)
        continue;
      p.style = card_style_for_kind (tp_touchpoint_get_kind (tp));
      g_array_append_val (placements, p);
    }

  if (employee_lane != G_MAXUINT)
    for (guint i = 0; i < n_notes; i++)
      {
        g_autoptr(TpEmployeeNote) note = g_list_model_get_item (notes, i);
        const char *tp_id = tp_employee_note_get_touchpoint_id (note);
        Placement p = { TP_ELEMENT (note), TP_CARD_NOTE, G_MAXUINT, employee_lane };

        /* In the column of the touchpoint the note is about (shown or in a
         * hidden lane: layers hide cards, not what was noted), or of its stage. */
        if (*tp_id != '\0')
          {
            TpTouchpoint *tp = tp_journey_lookup_touchpoint (self->journey, tp_id);
            if (tp != NULL)
              p.stage = tp_layout_lookup_index (stage_ids, tp_touchpoint_get_stage_id (tp));
          }
        else
          {
            p.stage = tp_layout_lookup_index (stage_ids, tp_employee_note_get_stage_id (note));
          }

        if (p.stage != G_MAXUINT)
          g_array_append_val (placements, p);
      }

  if (opportunity_lane != G_MAXUINT && self->columns->len > 0)
    for (guint i = 0; i < n_opportunities; i++)
      {
        g_autoptr(TpOpportunity) opportunity = g_list_model_get_item (opportunities, i);
        const char *tp_id = tp_opportunity_get_touchpoint_id (opportunity);
        /* Ideas about the journey as a whole start it off, in the first stage. */
        Placement p = { TP_ELEMENT (opportunity), TP_CARD_OPPORTUNITY, 0, opportunity_lane };

        /* In its touchpoint's column, whether that card is shown or not. */
        if (*tp_id != '\0')
          {
            TpTouchpoint *tp = tp_journey_lookup_touchpoint (self->journey, tp_id);
            if (tp != NULL)
              p.stage = tp_layout_lookup_index (stage_ids, tp_touchpoint_get_stage_id (tp));
            if (p.stage == G_MAXUINT)
              p.stage = 0;
          }
        else if (*tp_opportunity_get_stage_id (opportunity) != '\0')
          {
            p.stage = tp_layout_lookup_index (stage_ids, tp_opportunity_get_stage_id (opportunity));
            if (p.stage == G_MAXUINT)
              p.stage = 0;
          }

        g_array_append_val (placements, p);
      }

  return placements;
}

/**
 * tp_layout_update:
 *
 * Rebuilds the geometry from the journey. Measured text is cached by
 * content, style and width, so only new or edited text costs a Pango
 * layout; everything else is arithmetic over the lists.
 */
/* Measuring many new texts at once (opening or exporting a large journey)
 * uses the second core: pango is thread-safe with a font map per thread,
 * and the same context settings give the same measurements. */
static guint parallel_min_texts = 256;

void
tp_layout_set_parallel_min_texts (guint n)
{
  parallel_min_texts = n;
}

/* Both threads take the next few texts until none are left: the second
 * thread also loads its fonts, so halves would not finish together. */
#define MEASURE_BATCH 16

typedef struct {
  TpLayout  *self;
  GPtrArray *texts;
  gint       next;   /* atomic: the first text nobody has taken */
} MeasureJob;

static void
measure_batches (MeasureJob   *job,
                 PangoContext *context)
{
  for (;;)
    {
      guint start = (guint) g_atomic_int_add (&job->next, MEASURE_BATCH);
      guint end = MIN (start + MEASURE_BATCH, job->texts->len);

      if (start >= job->texts->len)
        return;
      for (guint i = start; i < end; i++)
        {
          TpLayoutText *t = g_ptr_array_index (job->texts, i);

          measure_layout (t, context, job->self->fonts[t->style]);
        }
    }
}

static gpointer
measure_job_run (gpointer data)
{
  MeasureJob *job = data;

  measure_batches (job, job->self->worker_context);
  return NULL;
}

static void
measure_deferred (TpLayout  *self,
                  GPtrArray *texts)
{
  MeasureJob job = { self, texts, 0 };
  GThread *thread = NULL;

  if (texts->len >= parallel_min_texts)
    {
      /* One more font map for the layout's life: a new one per update
       * would keep its own fonts and caches for every text it measured.
       * The two threads never use the same one at once. */
      if (self->worker_context == NULL)
        {
          g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();

          self->worker_context = create_context (font_map);
        }
      thread = g_thread_new ("tp-layout-measure", measure_job_run, &job);
    }
  measure_batches (&job, self->context);
  if (thread != NULL)
    g_thread_join (thread);
}

void
tp_layout_update (TpLayout *self)
{
  GListModel *stages;
  GListModel *lanes;
  guint n_stages, n_lanes, n_cells;
  g_autoptr(GHashTable) stage_ids = NULL;
  g_autoptr(GHashTable) lane_ids = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autofree double *cell_height = NULL;
  g_autofree guint *fill = NULL;
  double x, y;

  g_return_if_fail (TP_IS_LAYOUT (self));

  self->generation++;
  if (self->generation == G_MAXUINT)
    self->generation = 1;

  g_array_set_size (self->items, 0);
  g_array_set_size (self->columns, 0);
  g_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->item_index);

  self->good_enough = tp_journey_get_good_enough (self->journey);
  self->moment_target = tp_journey_get_moment_target (self->journey);
  /* NULL: the context's, the user's language. */
  self->language = *tp_journey_get_language (self->journey) != '\0'
                   ? pango_language_from_string (tp_journey_get_language (self->journey)) : NULL;

  stages = tp_journey_get_stages (self->journey);
  lanes = tp_journey_get_lanes (self->journey);
  n_stages = g_list_model_get_n_items (stages);
  n_lanes = g_list_model_get_n_items (lanes);
  stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  lane_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Columns: as wide as a card, or wider for a long stage name (up to a
   * limit, then it ellipsizes), so names stay readable; the cards sit in
   * the middle of their column. */
  x = TP_LAYOUT_LANE_HEADER_WIDTH;
  for (guint s = 0; s < n_stages; s++)
    {
      TpLayoutColumn column = { 0, };
      double name_width;

      column.stage = g_list_model_get_item (stages, s);
      column.x = x;
      name_width = measure_text (self, TP_TEXT_STAGE, -1, tp_stage_get_name (column.stage), FALSE)->text_width;
      column.width = CLAMP (ceil (name_width) + 40 + TP_LAYOUT_COLUMN_PADDING,
                            TP_LAYOUT_CARD_WIDTH + 2 * TP_LAYOUT_COLUMN_PADDING,
                            TP_LAYOUT_MAX_COLUMN_WIDTH);
      /* The chevron's point takes some of the width. */
      column.name = measure_text_full (self, TP_TEXT_STAGE, column.width - 40,
                                       tp_stage_get_name (column.stage), FALSE, self->full_text);
      g_hash_table_insert (stage_ids, (gpointer) tp_element_get_id (TP_ELEMENT (column.stage)),
                           GUINT_TO_POINTER (s));
      g_array_append_val (self->columns, column);
      x += column.width;
    }
  self->width = x;

  self->heading = measure_text_full (self, TP_TEXT_HEADING, TP_LAYOUT_LANE_HEADER_WIDTH - 24,
                                     tp_journey_get_title (self->journey), FALSE, self->full_text);
  {
    const char *persona = tp_journey_get_persona_name (self->journey);
    g_autofree char *line = *persona != '\0'
      /* Translators: the persona a journey is mapped for */
      ? g_strdup_printf (_("Persona: %s"), persona) : NULL;

    self->subheading = line != NULL
      ? measure_text (self, TP_TEXT_CAPTION, TP_LAYOUT_LANE_HEADER_WIDTH - 24, line, FALSE)
      : NULL;
  }

  /* On paper the headers grow with what they hold; the screen keeps its
   * fixed band (the canvas pins it while scrolling). */
  self->header_height = TP_LAYOUT_STAGE_HEADER_HEIGHT;
  if (self->full_text)
    {
      self->header_height = MAX (self->header_height, self->heading->height + 16);
      for (guint s = 0; s < self->columns->len; s++)
        self->header_height = MAX (self->header_height,
                                   TP_LAYOUT_STAGE_HEADER_HEIGHT
                                   + tp_layout_text_extra_lines_height (tp_layout_column (self, s)->name));
      self->header_height = ceil (self->header_height);
    }

  /* Rows for the lanes shown; touchpoints in the others find no row. */
  for (guint l = 0; l < n_lanes; l++)
    {
      TpLayoutRow row = { 0, };
      const char *id;

      row.lane = g_list_model_get_item (lanes, l);
      id = tp_element_get_id (TP_ELEMENT (row.lane));
      if (self->hidden_lanes != NULL && g_hash_table_contains (self->hidden_lanes, id))
        {
          g_object_unref (row.lane);
          continue;
        }
      row.kind = tp_lane_get_kind (row.lane);
      row.name = measure_text (self, TP_TEXT_LANE, TP_LAYOUT_LANE_HEADER_WIDTH - 28,
                               tp_lane_get_name (row.lane), FALSE);
      g_hash_table_insert (lane_ids, (gpointer) id, GUINT_TO_POINTER (self->rows->len));
      g_array_append_val (self->rows, row);
    }
  n_lanes = self->rows->len;
  n_cells = n_stages * n_lanes;

  /* Cards, grouped by cell (counting sort keeps list order). */
  placements = place_cards (self, stage_ids, lane_ids);
  g_clear_pointer (&self->cell_start, g_free);
  self->cell_start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);
      self->cell_start[tp_layout_cell (self, p->stage, p->lane) + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];

  /* New card texts first, all together, so that they can be measured on
   * two threads; the loop below then finds them measured. Only with the
   * default font map (the second thread makes its own of the same kind),
   * and only while most texts are new (opening, not editing). */
  if (placements->len >= parallel_min_texts
      && g_hash_table_size (self->texts) < placements->len / 2
      && self->font_map == pango_cairo_font_map_get_default ())
    {
      self->deferred = g_ptr_array_new ();
      for (guint i = 0; i < placements->len; i++)
        {
          Placement *p = &g_array_index (placements, Placement, i);
          TpLayoutItem scratch = { .element = p->element, .style = p->style };

          measure_card (self, &scratch);
        }
      measure_deferred (self, self->deferred);
      g_clear_pointer (&self->deferred, g_ptr_array_unref);
    }

  g_array_set_size (self->items, placements->len);
  fill = g_memdup2 (self->cell_start, sizeof (guint) * (n_cells + 1));
  cell_height = g_new0 (double, n_cells);
  for (guint i = 0; i < placements->len; i++)
    {
      Placement *p = &g_array_index (placements, Placement, i);
      guint cell = tp_layout_cell (self, p->stage, p->lane);
      guint index = fill[cell]++;
      TpLayoutItem *item = tp_layout_item (self, index);

      item->element = g_object_ref (p->element);
      item->style = p->style;
      item->stage = p->stage;
      item->lane = p->lane;
      item->rect.x = tp_layout_card_x (tp_layout_column (self, p->stage));
      item->rect.width = TP_LAYOUT_CARD_WIDTH;
      /* Whole units: at 100 % cards sit on pixel edges and stay crisp. */
      item->rect.height = ceil (measure_card (self, item));
      /* Stacked offset within the cell for now; rows are placed below. */
      item->rect.y = cell_height[cell];
      cell_height[cell] += item->rect.height + TP_LAYOUT_CARD_GAP;
      g_hash_table_insert (self->item_index, item->element, GUINT_TO_POINTER (index + 1));
    }

  /* Rows: as tall as their fullest cell. */
  y = self->header_height;
  for (guint l = 0; l < n_lanes; l++)
    {
      TpLayoutRow *row = tp_layout_row (self, l);
      double stack = 0;

      for (guint s = 0; s < n_stages; s++)
        stack = MAX (stack, cell_height[tp_layout_cell (self, s, l)]);
      /* cell_height counts a gap after the last card; padding replaces it. */
      if (stack > 0)
        stack = stack - TP_LAYOUT_CARD_GAP + 2 * TP_LAYOUT_CELL_PADDING;

      row->y = y;
      if (row->kind == TP_LANE_KIND_EMOTION_CURVE)
        {
          /* Cards placed in a curve lane sit above its plot. */
          row->height = stack + TP_LAYOUT_CURVE_HEIGHT;
          row->plot = TP_RECT_INIT (TP_LAYOUT_LANE_HEADER_WIDTH, y + stack + TP_CURVE_PAD_TOP,
                                    self->width - TP_LAYOUT_LANE_HEADER_WIDTH,
                                    TP_LAYOUT_CURVE_HEIGHT - TP_CURVE_PAD_TOP - TP_CURVE_PAD_BOTTOM);
        }
      else
        {
          row->height = MAX (stack, TP_LAYOUT_MIN_LANE_HEIGHT);
          /* The employee lane's header holds the whole legend. */
          if (row->kind == TP_LANE_KIND_EMPLOYEE)
            row->height = MAX (row->height, legend_height (self, row));
        }
      y += row->height;
    }
  self->height = y;

  for (guint i = 0; i < self->items->len; i++)
    {
      TpLayoutItem *item = tp_layout_item (self, i);
      item->rect.y += tp_layout_row (self, item->lane)->y + TP_LAYOUT_CELL_PADDING;
    }

  /* The employee overlay: how many blockers and enablers each card has. */
  for (guint i = 0; i < g_list_model_get_n_items (tp_journey_get_employee_notes (self->journey)); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (tp_journey_get_employee_notes (self->journey), i);
      const char *tp_id = tp_employee_note_get_touchpoint_id (note);
      TpTouchpoint *tp = tp_layout_lookup_touchpoint (self, tp_id);
      gpointer index = tp != NULL ? g_hash_table_lookup (self->item_index, tp) : NULL;

      if (index == NULL)
        continue;
      if (tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER)
        tp_layout_item (self, GPOINTER_TO_UINT (index) - 1)->n_blockers++;
      else
        tp_layout_item (self, GPOINTER_TO_UINT (index) - 1)->n_enablers++;
    }

  tp_layout_place_curves (self, stage_ids);

  for (guint s = 0; s < n_stages; s++)
    {
      TpLayoutColumn *column = tp_layout_column (self, s);
      g_autofree char *meta = NULL;

      if (column->average <= 0)
        continue;
      /* Translators: the average emotion score of a stage, like "7.6" */
      meta = g_strdup_printf (_("Average %.1f"), column->average);
      column->meta = measure_text (self, TP_TEXT_CAPTION, column->width - 40, meta, FALSE);
    }


  g_hash_table_foreach_remove (self->texts, text_is_stale, self);
}

/* Queries */

TpJourney *
tp_layout_get_journey (TpLayout *self)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), NULL);

  return self->journey;
}

PangoContext *
tp_layout_get_context (TpLayout *self)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), NULL);

  return self->context;
}

void
tp_layout_get_size (TpLayout *self,
                    double   *width,
                    double   *height)
{
  g_return_if_fail (TP_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

guint
tp_layout_get_n_stages (TpLayout *self)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), 0);

  return self->columns->len;
}

guint
tp_layout_get_n_lanes (TpLayout *self)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), 0);

  return self->rows->len;
}

gboolean
tp_layout_get_stage_rect (TpLayout *self,
                          guint     stage_index,
                          TpRect   *rect)
{
  TpLayoutColumn *column;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);

  if (stage_index >= self->columns->len)
    return FALSE;
  column = tp_layout_column (self, stage_index);
  *rect = TP_RECT_INIT (column->x, 0, column->width, self->height);
  return TRUE;
}

gboolean
tp_layout_get_stage_header_rect (TpLayout *self,
                                 guint     stage_index,
                                 TpRect   *rect)
{
  if (!tp_layout_get_stage_rect (self, stage_index, rect))
    return FALSE;
  rect->height = self->header_height;
  return TRUE;
}

double
tp_layout_get_header_height (TpLayout *self)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), TP_LAYOUT_STAGE_HEADER_HEIGHT);
  return self->header_height;
}

gboolean
tp_layout_get_lane_rect (TpLayout *self,
                         guint     lane_index,
                         TpRect   *rect)
{
  TpLayoutRow *row;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);

  if (lane_index >= self->rows->len)
    return FALSE;
  row = tp_layout_row (self, lane_index);
  *rect = TP_RECT_INIT (0, row->y, self->width, row->height);
  return TRUE;
}

gboolean
tp_layout_get_lane_header_rect (TpLayout *self,
                                guint     lane_index,
                                TpRect   *rect)
{
  if (!tp_layout_get_lane_rect (self, lane_index, rect))
    return FALSE;
  rect->width = TP_LAYOUT_LANE_HEADER_WIDTH;
  return TRUE;
}

gboolean
tp_layout_get_cell_rect (TpLayout *self,
                         guint     stage_index,
                         guint     lane_index,
                         TpRect   *rect)
{
  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);

  if (stage_index >= self->columns->len || lane_index >= self->rows->len)
    return FALSE;
  *rect = TP_RECT_INIT (tp_layout_column (self, stage_index)->x, tp_layout_row (self, lane_index)->y,
                        tp_layout_column (self, stage_index)->width, tp_layout_row (self, lane_index)->height);
  return TRUE;
}

gboolean
tp_layout_get_card_rect (TpLayout  *self,
                         TpElement *element,
                         TpRect    *rect)
{
  gpointer index;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  index = g_hash_table_lookup (self->item_index, element);
  if (index == NULL)
    return FALSE;
  if (rect != NULL)
    *rect = tp_layout_item (self, GPOINTER_TO_UINT (index) - 1)->rect;
  return TRUE;
}

gboolean
tp_layout_item_get_badge_rect (TpLayoutItem *item,
                               TpRect       *rect)
{
  double top;

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      top = item->rect.y + TP_CARD_PADDING + (TP_CARD_HEADER_HEIGHT - TP_BADGE_HEIGHT) / 2;
      break;
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      if (tp_touchpoint_get_score (TP_TOUCHPOINT (item->element)) <= 0)
        return FALSE;
      top = item->rect.y + TP_CARD_PADDING;
      break;
    case TP_CARD_NOTE:
      if (tp_employee_note_get_score (TP_EMPLOYEE_NOTE (item->element)) <= 0)
        return FALSE;
      top = item->rect.y + TP_CARD_PADDING;
      break;
    case TP_CARD_OPPORTUNITY:
    default:
      return FALSE;
    }

  if (rect != NULL)
    *rect = TP_RECT_INIT (item->rect.x + item->rect.width - TP_CARD_PADDING - TP_BADGE_WIDTH, top,
                          TP_BADGE_WIDTH, TP_BADGE_HEIGHT);
  return TRUE;
}

gboolean
tp_layout_get_badge_rect (TpLayout  *self,
                          TpElement *element,
                          TpRect    *rect)
{
  gpointer index;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  index = g_hash_table_lookup (self->item_index, element);
  if (index == NULL)
    return FALSE;
  return tp_layout_item_get_badge_rect (tp_layout_item (self, GPOINTER_TO_UINT (index) - 1), rect);
}

guint
tp_layout_get_cell_n_cards (TpLayout *self,
                            guint     stage_index,
                            guint     lane_index)
{
  guint cell;

  g_return_val_if_fail (TP_IS_LAYOUT (self), 0);

  if (stage_index >= self->columns->len || lane_index >= self->rows->len)
    return 0;
  cell = tp_layout_cell (self, stage_index, lane_index);
  return self->cell_start[cell + 1] - self->cell_start[cell];
}

TpElement *
tp_layout_get_cell_card (TpLayout *self,
                         guint     stage_index,
                         guint     lane_index,
                         guint     card_index,
                         TpRect   *rect)
{
  TpLayoutItem *item;

  if (card_index >= tp_layout_get_cell_n_cards (self, stage_index, lane_index))
    return NULL;
  item = tp_layout_item (self, self->cell_start[tp_layout_cell (self, stage_index, lane_index)] + card_index);
  if (rect != NULL)
    *rect = item->rect;
  return item->element;
}

/* Ranges: columns, rows, the cards of a cell and curve points are all
 * sorted along their axis, so binary searches find what a rectangle
 * touches without looking at the rest. */

/* Spans (a start and a length, both doubles at those offsets) in an array
 * of @stride-byte elements, sorted by start and not overlapping: the ones
 * from @lo to @hi that overlap [@from, @to) are [*first, *last). */
static void
find_span_range (const void *elements,
                 gsize       stride,
                 gsize       start_offset,
                 gsize       length_offset,
                 guint       lo,
                 guint       hi,
                 double      from,
                 double      to,
                 guint      *first,
                 guint      *last)
{
  const guint8 *base = elements;
  guint end = hi;

#define SPAN_START(i) (*(const double *) (base + (gsize) (i) * stride + start_offset))
#define SPAN_LENGTH(i) (*(const double *) (base + (gsize) (i) * stride + length_offset))
  /* First span ending after @from. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (SPAN_START (mid) + SPAN_LENGTH (mid) <= from)
        lo = mid + 1;
      else
        hi = mid;
    }
  *first = lo;
  hi = end;
  /* First span starting at or after @to. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (SPAN_START (mid) < to)
        lo = mid + 1;
      else
        hi = mid;
    }
  *last = lo;
#undef SPAN_START
#undef SPAN_LENGTH
}

void
tp_layout_get_column_range (TpLayout *self,
                            double    from,
                            double    to,
                            guint    *first,
                            guint    *last)
{
  find_span_range (self->columns->data, sizeof (TpLayoutColumn),
                   G_STRUCT_OFFSET (TpLayoutColumn, x), G_STRUCT_OFFSET (TpLayoutColumn, width),
                   0, self->columns->len, from, to, first, last);
}

void
tp_layout_get_row_range (TpLayout *self,
                         double    from,
                         double    to,
                         guint    *first,
                         guint    *last)
{
  find_span_range (self->rows->data, sizeof (TpLayoutRow),
                   G_STRUCT_OFFSET (TpLayoutRow, y), G_STRUCT_OFFSET (TpLayoutRow, height),
                   0, self->rows->len, from, to, first, last);
}

void
tp_layout_get_cell_range (TpLayout *self,
                          guint     cell,
                          double    from,
                          double    to,
                          guint    *first,
                          guint    *last)
{
  find_span_range (self->items->data, sizeof (TpLayoutItem),
                   G_STRUCT_OFFSET (TpLayoutItem, rect) + G_STRUCT_OFFSET (TpRect, y),
                   G_STRUCT_OFFSET (TpLayoutItem, rect) + G_STRUCT_OFFSET (TpRect, height),
                   self->cell_start[cell], self->cell_start[cell + 1], from, to, first, last);
}
