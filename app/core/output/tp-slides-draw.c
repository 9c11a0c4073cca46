/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-analysis.h"
#include "tp-colors.h"
#include "tp-department.h"
#include "tp-render-backend.h"
#include "tp-slides-private.h"

/* Placing and painting slides, in units of a 1920 × 1080 slide. Every
 * function both measures and draws: with no cairo_t it only returns the
 * height it would take, so what the deck decides fits is what is drawn. */

#define SLIDE_FONT "Cantarell, Sans"
#define TEXT_SIZE TP_SLIDES_MIN_TEXT
#define HEADING_SIZE 34.0
#define CARD_PAD 20.0
#define BADGE 72.0
#define CHART_HEIGHT 144.0
#define GUIDE_LABEL_WIDTH 52.0
#define DOT_RADIUS 11.0

typedef struct {
  TpPalette palette;
  double bg[3], fg[3], dim[3], card[3], border[3];
  double current[3], later[3], later_text[3];
  double gold[3], critical[3], warning[3], blocker[3], enabler[3];
} Colors;

static void
get_colors (TpSlides *deck,
            Colors   *c)
{
  /* Dark for dark rooms: light text and the map's dark score colours. */
  static const guint32 light[] = { 0xffffff, 0x1c1c1f, 0x4f4e55, 0xf4f3f1, 0xd4d3d0,
                                   0xe3edfa, 0xe9e9e9, 0x77767b,
                                   0xa86d00, 0xc01c28, 0x986a00, 0xc01c28, 0x1e8a4c };
  static const guint32 dark[] = { 0x121214, 0xf6f5f4, 0xc0bfc4, 0x26262a, 0x45454b,
                                  0x1f2d44, 0x1b1b1e, 0x8e8d92,
                                  0xf5c211, 0xff7b63, 0xf8e45c, 0xf66151, 0x57e389 };
  const guint32 *hex = deck->dark ? dark : light;
  double *fields[] = { c->bg, c->fg, c->dim, c->card, c->border, c->current, c->later,
                       c->later_text, c->gold, c->critical, c->warning, c->blocker, c->enabler };

  c->palette = deck->dark ? TP_PALETTE_DARK : TP_PALETTE_LIGHT;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    tp_color_hex_to_rgb (hex[i], fields[i]);
}

/* ------------------------------------------------------------------ text */

static PangoLayout *
make_layout (TpSlides    *deck,
             const char  *text,
             double       size,
             PangoWeight  weight,
             PangoStyle   style,
             double       width)
{
  PangoLayout *layout = pango_layout_new (deck->context);
  PangoFontDescription *font = pango_font_description_from_string (SLIDE_FONT);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
  /* Long words (URLs, German compounds) break rather than overflow. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Makes the first @prefix_len bytes bold: "Critical: …". */
static void
set_bold_prefix (PangoLayout *layout,
                 gsize        prefix_len)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

  bold->start_index = 0;
  bold->end_index = prefix_len;
  pango_attr_list_insert (attrs, bold);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
record (TpSlideCanvas   *canvas,
        TpSlideItemKind  kind,
        const TpRect    *rect,
        const TpRect    *box,
        double           size,
        gboolean         elided)
{
  TpSlideItem item = { kind, *rect, *box, size, elided };

  if (canvas->items != NULL && canvas->cr != NULL)
    g_array_append_val (canvas->items, item);
}

/* Paints @layout at (@x, @y) in its box of @width × @max_height and
 * returns its height. Text taller than the box (only one too long for a
 * whole slide: the deck gives everything else room) is cut at the box with
 * an ellipsis. */
static double
show_layout (TpSlideCanvas *canvas,
             PangoLayout   *layout,
             double         size,
             const double   rgb[3],
             double         x,
             double         y,
             double         width,
             double         max_height)
{
  PangoRectangle logical;
  gboolean elided = FALSE;
  double height = layout_height (layout);
  TpRect rect, box = TP_RECT_INIT (x, y, width, max_height);

  if (height > max_height + 0.5)
    {
      pango_layout_set_height (layout, (int) (max_height * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      height = layout_height (layout);
      elided = TRUE;
    }
  if (canvas->cr == NULL)
    return height;

  pango_layout_get_extents (layout, NULL, &logical);
  rect = TP_RECT_INIT (x + (double) logical.x / PANGO_SCALE, y + (double) logical.y / PANGO_SCALE,
                       (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE);
  record (canvas, TP_SLIDE_ITEM_TEXT, &rect, &box, size, elided);

  cairo_set_source_rgb (canvas->cr, rgb[0], rgb[1], rgb[2]);
  cairo_move_to (canvas->cr, x, y);
  tp_gfx_show_layout (canvas->cr, layout);
  /* Else the next arc would start with a line from here. */
  cairo_new_path (canvas->cr);
  return height;
}

/* Text wrapped in @width; its height (drawn only with a cairo_t). */
static double
put_text (TpSlideCanvas *canvas,
          const char    *text,
          double         size,
          PangoWeight    weight,
          PangoStyle     style,
          PangoAlignment alignment,
          const double   rgb[3],
          double         x,
          double         y,
          double         width,
          double         max_height)
{
  g_autoptr(PangoLayout) layout = make_layout (canvas->deck, text, size, weight, style, width);

  pango_layout_set_alignment (layout, alignment);
  return show_layout (canvas, layout, size, rgb, x, y, width, max_height);
}

static double
text_height (TpSlides    *deck,
             const char  *text,
             double       size,
             PangoWeight  weight,
             double       width)
{
  g_autoptr(PangoLayout) layout = make_layout (deck, text, size, weight, PANGO_STYLE_NORMAL, width);

  return layout_height (layout);
}

/* ---------------------------------------------------------------- shapes */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_rgb (cairo_t      *cr,
          const double  rgb[3])
{
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  tp_gfx_fill (cr);
}

/* A blocker's no-entry sign or an enabler's tick in a circle. */
static void
draw_note_icon (cairo_t      *cr,
                TpNoteKind    kind,
                const Colors *colors,
                double        cx,
                double        cy,
                double        radius)
{
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  fill_rgb (cr, kind == TP_NOTE_KIND_BLOCKER ? colors->blocker : colors->enabler);
  cairo_set_source_rgb (cr, colors->bg[0], colors->bg[1], colors->bg[2]);
  cairo_set_line_width (cr, radius * 0.28);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (kind == TP_NOTE_KIND_BLOCKER)
    {
      cairo_move_to (cr, cx - radius * 0.5, cy);
      cairo_line_to (cr, cx + radius * 0.5, cy);
    }
  else
    {
      cairo_move_to (cr, cx - radius * 0.45, cy + radius * 0.02);
      cairo_line_to (cr, cx - radius * 0.1, cy + radius * 0.38);
      cairo_line_to (cr, cx + radius * 0.48, cy - radius * 0.35);
    }
  tp_gfx_stroke (cr);
}

/* ----------------------------------------------------------------- cards */

static char *
card_meta (TpTouchpoint *card)
{
  const char *channel = tp_channel_get_display_name (tp_touchpoint_get_channel (card));
  g_autofree char *department = tp_department_display_name (tp_touchpoint_get_department (card));

  if (department == NULL)
    return g_strdup (channel);
  /* Translators: a touchpoint's channel and the department that owns it,
   * under its title on a slide */
  return g_strdup_printf (_("%s · %s"), channel, department);
}

/* One touchpoint as a large card: score badge, "moment of truth", title,
 * channel and department. Returns its height. */
static double
draw_card (TpSlideCanvas *canvas,
           const Colors  *colors,
           TpTouchpoint  *card,
           double         title_size,
           double         x,
           double         y,
           double         width,
           double         max_height)
{
  cairo_t *cr = canvas->cr;
  gboolean moment = tp_touchpoint_is_moment (card);
  int score = tp_touchpoint_get_score (card);
  double text_x = x + CARD_PAD + BADGE + CARD_PAD;
  double text_w = width - (text_x - x) - CARD_PAD;
  double room = max_height - 2 * CARD_PAD;
  double ty = y + CARD_PAD, height;
  g_autofree char *meta = card_meta (card);
  double moment_h = 0, meta_h;

  /* Measure first: the panel goes under the text. */
  if (moment)
    moment_h = text_height (canvas->deck, _("★ Moment of truth"), TEXT_SIZE, PANGO_WEIGHT_BOLD, text_w) + 2;
  meta_h = text_height (canvas->deck, meta, TEXT_SIZE, PANGO_WEIGHT_NORMAL, text_w);
  {
    TpSlideCanvas measure = { canvas->deck, NULL, NULL, FALSE };
    double title_h = put_text (&measure, tp_touchpoint_get_title (card), title_size, PANGO_WEIGHT_BOLD,
                               PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, colors->fg, text_x, ty, text_w,
                               MAX (room - moment_h - meta_h - 6, title_size * 1.3));

    height = 2 * CARD_PAD + MAX (BADGE, moment_h + title_h + 6 + meta_h);
  }
  if (cr == NULL)
    return height;
  /* Drawing, the cards of a row share its height. */
  height = MAX (height, max_height);

  {
    TpRect rect = TP_RECT_INIT (x, y, width, height);

    record (canvas, TP_SLIDE_ITEM_PANEL, &rect, &rect, 0, FALSE);
  }
  rounded_rect (cr, x, y, width, height, 14);
  fill_rgb (cr, colors->card);
  /* A moment of truth stands out by its gold frame. */
  rounded_rect (cr, x + 2, y + 2, width - 4, height - 4, 12);
  cairo_set_line_width (cr, moment ? 6 : 2);
  cairo_set_source_rgb (cr, moment ? colors->gold[0] : colors->border[0],
                        moment ? colors->gold[1] : colors->border[1],
                        moment ? colors->gold[2] : colors->border[2]);
  tp_gfx_stroke (cr);

  {
    double rgb[3];
    char number[8];
    const double *text_rgb;

    tp_score_color (score, colors->palette, rgb);
    rounded_rect (cr, x + CARD_PAD, y + CARD_PAD, BADGE, BADGE, 12);
    fill_rgb (cr, rgb);
    text_rgb = tp_color_wants_dark_text (rgb) ? (const double[3]) { 0.1, 0.1, 0.1 }
                                              : (const double[3]) { 1, 1, 1 };
    if (score == TP_SCORE_UNSET)
      g_strlcpy (number, "–", sizeof number);
    else
      g_snprintf (number, sizeof number, "%d", score);
    {
      g_autoptr(PangoLayout) layout = make_layout (canvas->deck, number, 40, PANGO_WEIGHT_BOLD,
                                                   PANGO_STYLE_NORMAL, BADGE);
      double h;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      h = layout_height (layout);
      show_layout (canvas, layout, 40, text_rgb, x + CARD_PAD, y + CARD_PAD + (BADGE - h) / 2, BADGE, h);
    }
  }

  if (moment)
    ty += put_text (canvas, _("★ Moment of truth"), TEXT_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                    PANGO_ALIGN_LEFT, colors->gold, text_x, ty, text_w, moment_h) + 2;
  ty += put_text (canvas, tp_touchpoint_get_title (card), title_size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                  PANGO_ALIGN_LEFT, colors->fg, text_x, ty, text_w,
                  MAX (room - moment_h - meta_h - 6, title_size * 1.3));
  ty += 6;
  put_text (canvas, meta, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
            colors->dim, text_x, ty, text_w, meta_h);
  return height;
}

static guint
card_columns (guint n_cards)
{
  /* A few cards read best one under the other, at full width. */
  return n_cards <= 3 ? 1 : 2;
}

/* The cards in rows; their total height. */
static double
draw_cards (TpSlideCanvas *canvas,
            const Colors  *colors,
            GPtrArray     *cards,
            double         title_size,
            const TpRect  *area)
{
  guint columns = card_columns (cards->len);
  double width = (area->width - SLIDE_GAP * (columns - 1)) / columns;
  double y = area->y;

  for (guint i = 0; i < cards->len; i += columns)
    {
      double row = 0;

      /* Measure the row, then draw it at the row's height. */
      for (guint c = 0; c < columns && i + c < cards->len; c++)
        {
          TpSlideCanvas measure = { canvas->deck, NULL, NULL, FALSE };

          row = MAX (row, draw_card (&measure, colors, g_ptr_array_index (cards, i + c), title_size,
                                     0, 0, width, area->height));
        }
      if (canvas->cr != NULL)
        for (guint c = 0; c < columns && i + c < cards->len; c++)
          draw_card (canvas, colors, g_ptr_array_index (cards, i + c), title_size,
                     area->x + c * (width + SLIDE_GAP), y, width, MIN (row, area->y + area->height - y));
      y += row + SLIDE_GAP;
    }
  return cards->len > 0 ? y - SLIDE_GAP - area->y : 0;
}

double
tp_slides_measure_cards (TpSlides  *deck,
                         GPtrArray *cards,
                         double     title_size,
                         double     width)
{
  TpSlideCanvas measure = { deck, NULL, NULL, FALSE };
  Colors colors;
  TpRect area = TP_RECT_INIT (0, 0, width, TP_SLIDES_HEIGHT);

  get_colors (deck, &colors);
  return draw_cards (&measure, &colors, cards, title_size, &area);
}

/* ----------------------------------------------------------- side column */

static char *
note_meta (TpEmployeeNote *note)
{
  g_autofree char *department = tp_department_display_name (tp_employee_note_get_department (note));
  g_autofree char *cause = tp_department_display_name (tp_employee_note_get_caused_by (note));
  const char *kind = tp_note_kind_get_display_name (tp_employee_note_get_kind (note));

  if (department != NULL && cause != NULL && g_ascii_strcasecmp (department, cause) != 0)
    /* Translators: on a slide, under an employee note: its kind, the
     * department that feels it and the one it comes from */
    return g_strdup_printf (_("%s · %s, caused by %s"), kind, department, cause);
  if (department != NULL)
    /* Translators: on a slide, under an employee note: its kind and department */
    return g_strdup_printf (_("%s · %s"), kind, department);
  return g_strdup (kind);
}

/* The stage's customer actions and thoughts, then its employee notes,
 * with a heading before each group. */
static double
draw_side (TpSlideCanvas *canvas,
           const Colors  *colors,
           GPtrArray     *side,
           const TpRect  *area)
{
  double y = area->y;
  int group = -1;

  for (guint i = 0; i < side->len; i++)
    {
      gpointer item = g_ptr_array_index (side, i);
      int item_group = TP_IS_EMPLOYEE_NOTE (item) ? 1 : 0;
      double room = area->y + area->height - y;

      if (item_group != group)
        {
          const char *heading = item_group == 0 ? _("The customer") : _("Employees");

          if (group != -1)
            y += SLIDE_GAP;
          y += put_text (canvas, heading, HEADING_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                         PANGO_ALIGN_LEFT, colors->fg, area->x, y, area->width, room) + 8;
          group = item_group;
          room = area->y + area->height - y;
        }

      if (TP_IS_TOUCHPOINT (item))
        {
          TpTouchpoint *card = item;
          gboolean thought = tp_touchpoint_get_kind (card) == TP_CARD_KIND_THOUGHT;
          /* Translators: a customer's thought on a slide, in quotes */
          g_autofree char *text = thought ? g_strdup_printf (_("“%s”"), tp_touchpoint_get_title (card))
                                          : g_strdup (tp_touchpoint_get_title (card));

          y += put_text (canvas, text, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                         thought ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                         colors->fg, area->x, y, area->width, MAX (room, TEXT_SIZE * 1.3));
        }
      else
        {
          TpEmployeeNote *note = item;
          g_autofree char *meta = note_meta (note);
          double indent = 48, top = y;

          y += put_text (canvas, tp_employee_note_get_text (note), TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                         PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT, colors->fg, area->x + indent, y,
                         area->width - indent, MAX (room - TEXT_SIZE * 1.4, TEXT_SIZE * 1.3));
          y += put_text (canvas, meta, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                         PANGO_ALIGN_LEFT, colors->dim, area->x + indent, y, area->width - indent,
                         MAX (area->y + area->height - y, TEXT_SIZE * 1.3));
          if (canvas->cr != NULL)
            draw_note_icon (canvas->cr, tp_employee_note_get_kind (note), colors,
                            area->x + 16, top + 20, 16);
        }
      y += 12;
    }
  return side->len > 0 ? y - 12 - area->y : 0;
}

double
tp_slides_measure_side (TpSlides  *deck,
                        GPtrArray *side,
                        double     width)
{
  TpSlideCanvas measure = { deck, NULL, NULL, FALSE };
  Colors colors;
  TpRect area = TP_RECT_INIT (0, 0, width, 100 * TP_SLIDES_HEIGHT);

  get_colors (deck, &colors);
  return draw_side (&measure, &colors, side, &area);
}

/* ------------------------------------------------------------ stage slide */

static char *
stage_kicker (TpSlides *deck,
              TpSlide  *slide)
{
  if (slide->n_parts > 1)
    /* Translators: above a stage's name on a slide: “Stage 2 of 5 (1/2)”,
     * when the stage takes two slides */
    return g_strdup_printf (_("Stage %u of %u (%u/%u)"), slide->stage + 1, deck->stages->len,
                            slide->part + 1, slide->n_parts);
  /* Translators: above a stage's name on a slide */
  return g_strdup_printf (_("Stage %u of %u"), slide->stage + 1, deck->stages->len);
}

/* The header of a stage slide; returns where it ends. */
static double
draw_stage_header (TpSlideCanvas *canvas,
                   const Colors  *colors,
                   TpSlide       *slide)
{
  TpStage *stage = g_ptr_array_index (canvas->deck->stages, slide->stage);
  g_autofree char *kicker = stage_kicker (canvas->deck, slide);
  const char *description = tp_stage_get_description (stage);
  double width = TP_SLIDES_WIDTH - 2 * SLIDE_MARGIN;
  double y = 40;

  y += put_text (canvas, kicker, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                 colors->dim, SLIDE_MARGIN, y, width, 120);
  y += put_text (canvas, tp_stage_get_name (stage), 56, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                 PANGO_ALIGN_LEFT, colors->fg, SLIDE_MARGIN, y, width, 150);
  /* The description as one or two lines of context, not a paragraph. */
  if (*description != '\0'
      && text_height (canvas->deck, description, TEXT_SIZE, PANGO_WEIGHT_NORMAL, width) < 2.6 * TEXT_SIZE * 1.25)
    y += put_text (canvas, description, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                   PANGO_ALIGN_LEFT, colors->dim, SLIDE_MARGIN, y, width, 100);
  return y + 28;
}

static void
band_rect (TpRect *band)
{
  *band = TP_RECT_INIT (SLIDE_MARGIN, TP_SLIDES_HEIGHT - 32 - SLIDE_BAND_HEIGHT,
                        TP_SLIDES_WIDTH - 2 * SLIDE_MARGIN, SLIDE_BAND_HEIGHT);
}

void
tp_slides_stage_areas (TpSlides *deck,
                       TpSlide  *slide,
                       TpRect   *cards,
                       TpRect   *side)
{
  TpSlideCanvas measure = { deck, NULL, NULL, FALSE };
  Colors colors;
  TpRect band;
  double top, bottom;

  get_colors (deck, &colors);
  top = draw_stage_header (&measure, &colors, slide);
  band_rect (&band);
  bottom = band.y - 32;
  *side = TP_RECT_INIT (TP_SLIDES_WIDTH - SLIDE_MARGIN - slide->side_width, top,
                        slide->side_width, bottom - top);
  *cards = TP_RECT_INIT (SLIDE_MARGIN, top, side->x - 48 - SLIDE_MARGIN, bottom - top);
}

static double
score_y (double score,
         double top,
         double height)
{
  double pad = DOT_RADIUS + 8;

  return top + pad + (TP_SCORE_MAX - score) / (TP_SCORE_MAX - TP_SCORE_MIN) * (height - 2 * pad);
}

static void
draw_guide (TpSlideCanvas *canvas,
            const Colors  *colors,
            int            score,
            double         x0,
            double         x1,
            double         top,
            gboolean       label_right)
{
  cairo_t *cr = canvas->cr;
  double y = score_y (score, top, CHART_HEIGHT);
  char label[8];
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  cairo_save (cr);
  cairo_set_source_rgb (cr, colors->dim[0], colors->dim[1], colors->dim[2]);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (const double[]) { 10, 8 }, 2, 0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  tp_gfx_stroke (cr);
  cairo_restore (cr);

  g_snprintf (label, sizeof label, "%d", score);
  layout = make_layout (canvas->deck, label, TEXT_SIZE, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                        GUIDE_LABEL_WIDTH - 12);
  pango_layout_set_alignment (layout, label_right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
  h = layout_height (layout);
  show_layout (canvas, layout, TEXT_SIZE, colors->dim, label_right ? x1 + 12 : x0 - GUIDE_LABEL_WIDTH,
               y - h / 2, GUIDE_LABEL_WIDTH - 12, h);
}

/* The emotion curve of the journey up to and including @current, across
 * the whole width: later stages are greyed and empty, the current one
 * lit, its moments of truth ringed in gold. */
static void
draw_curve_band (TpSlideCanvas *canvas,
                 const Colors  *colors,
                 guint          current)
{
  TpSlides *deck = canvas->deck;
  cairo_t *cr = canvas->cr;
  TpRect band;
  guint n_stages = deck->stages->len;
  double x0, x1, top, column;
  gboolean started = FALSE;
  int good_enough = tp_journey_get_good_enough (deck->journey);
  int target = tp_journey_get_moment_target (deck->journey);

  band_rect (&band);
  x0 = band.x + GUIDE_LABEL_WIDTH;
  x1 = band.x + band.width - GUIDE_LABEL_WIDTH;
  top = band.y;
  column = (x1 - x0) / MAX (n_stages, 1);

  {
    TpRect rect = TP_RECT_INIT (x0, top, x1 - x0, CHART_HEIGHT);

    record (canvas, TP_SLIDE_ITEM_PANEL, &rect, &rect, 0, FALSE);
  }
  for (guint s = 0; s < n_stages; s++)
    {
      const double *rgb = s == current ? colors->current : s > current ? colors->later : NULL;

      if (rgb == NULL)
        continue;
      cairo_rectangle (cr, x0 + s * column, top, column, CHART_HEIGHT);
      fill_rgb (cr, rgb);
    }
  cairo_rectangle (cr, x0 + 1, top + 1, x1 - x0 - 2, CHART_HEIGHT - 2);
  cairo_set_source_rgb (cr, colors->border[0], colors->border[1], colors->border[2]);
  cairo_set_line_width (cr, 2);
  tp_gfx_stroke (cr);

  draw_guide (canvas, colors, good_enough, x0, x1, top, FALSE);
  if (target != good_enough)
    draw_guide (canvas, colors, target, x0, x1, top, TRUE);

  /* The line, then the dots on it. */
  for (guint i = 0; i < deck->points->len; i++)
    {
      TpSlidePoint *point = &g_array_index (deck->points, TpSlidePoint, i);
      double x = x0 + (point->stage + (point->slot + 0.5) / deck->stage_points[point->stage]) * column;
      double y = score_y (tp_touchpoint_get_score (point->card), top, CHART_HEIGHT);

      if (point->stage > current)
        break;
      if (!started)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      started = TRUE;
    }
  if (started)
    {
      cairo_set_source_rgb (cr, colors->fg[0], colors->fg[1], colors->fg[2]);
      cairo_set_line_width (cr, 4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      tp_gfx_stroke (cr);
    }
  for (guint i = 0; i < deck->points->len; i++)
    {
      TpSlidePoint *point = &g_array_index (deck->points, TpSlidePoint, i);
      double x = x0 + (point->stage + (point->slot + 0.5) / deck->stage_points[point->stage]) * column;
      double y = score_y (tp_touchpoint_get_score (point->card), top, CHART_HEIGHT);
      double rgb[3];

      if (point->stage > current)
        break;
      if (tp_touchpoint_is_moment (point->card))
        {
          cairo_arc (cr, x, y, DOT_RADIUS + 8, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, point->stage == current ? colors->gold[0] : colors->dim[0],
                                point->stage == current ? colors->gold[1] : colors->dim[1],
                                point->stage == current ? colors->gold[2] : colors->dim[2]);
          cairo_set_line_width (cr, point->stage == current ? 5 : 3);
          tp_gfx_stroke (cr);
        }
      tp_score_color (tp_touchpoint_get_score (point->card), colors->palette, rgb);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      fill_rgb (cr, rgb);
      cairo_arc (cr, x, y, DOT_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, colors->bg[0], colors->bg[1], colors->bg[2]);
      cairo_set_line_width (cr, 3);
      tp_gfx_stroke (cr);
    }

  /* Stage names under their columns (numbers when they would not fit). */
  for (guint s = 0; s < n_stages; s++)
    {
      TpStage *stage = g_ptr_array_index (deck->stages, s);
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      const char *label = deck->stage_labels_numbers ? number : tp_stage_get_name (stage);
      const double *rgb = s == current ? colors->fg : s > current ? colors->later_text : colors->dim;

      if (deck->stage_labels_numbers && column < 44 && s != current)
        continue;
      put_text (canvas, label, TEXT_SIZE, s == current ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                PANGO_STYLE_NORMAL, PANGO_ALIGN_CENTER, rgb,
                x0 + s * column + 4 - (column < 44 ? 20 : 0), top + CHART_HEIGHT + 8,
                MAX (column - 8, 32), SLIDE_BAND_HEIGHT - CHART_HEIGHT - 8);
    }
}

/* Whether every stage's name fits under its column in two lines. */
gboolean
tp_slides_stage_names_fit (TpSlides *deck)
{
  TpRect band;
  double column;

  band_rect (&band);
  column = (band.width - 2 * GUIDE_LABEL_WIDTH) / MAX (deck->stages->len, 1);
  for (guint s = 0; s < deck->stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (deck->stages, s);

      /* Bold: the current stage's is. */
      if (column < 120
          || text_height (deck, tp_stage_get_name (stage), TEXT_SIZE, PANGO_WEIGHT_BOLD, column - 8)
             > SLIDE_BAND_HEIGHT - CHART_HEIGHT - 8 + 0.5)
        return FALSE;
    }
  return TRUE;
}

static void
draw_stage_slide (TpSlideCanvas *canvas,
                  const Colors  *colors,
                  TpSlide       *slide)
{
  TpRect cards, side;

  draw_stage_header (canvas, colors, slide);
  tp_slides_stage_areas (canvas->deck, slide, &cards, &side);
  if (slide->cards->len > 0)
    draw_cards (canvas, colors, slide->cards, slide->title_size, &cards);
  else if (slide->part == 0)
    put_text (canvas, _("No touchpoints in this stage"), HEADING_SIZE, PANGO_WEIGHT_NORMAL,
              PANGO_STYLE_ITALIC, PANGO_ALIGN_LEFT, colors->dim, cards.x, cards.y, cards.width, cards.height);
  draw_side (canvas, colors, slide->side, &side);
  draw_curve_band (canvas, colors, slide->stage);
}

/* ------------------------------------------------------------ title slide */

static void
draw_title_slide (TpSlideCanvas *canvas,
                  const Colors  *colors)
{
  TpJourney *journey = canvas->deck->journey;
  double x = 160, width = TP_SLIDES_WIDTH - 2 * x;
  const char *title = tp_journey_get_title (journey);
  const char *persona = tp_journey_get_persona_name (journey);
  const char *segment = tp_journey_get_persona_segment (journey);
  const char *description = tp_journey_get_description (journey);
  const char *author = tp_journey_get_author (journey);
  g_autofree char *kicker = NULL;
  g_autofree char *persona_line = NULL;
  double title_size = 88, y, total;
  double title_h, kicker_h, persona_h = 0, segment_h = 0, description_h = 0, author_h = 0;

  if (*title == '\0')
    title = _("Untitled journey");
  /* Translators: on the title slide: the journey's scope and state,
   * “Customer journey · As-is” */
  kicker = g_strdup_printf (_("%s · %s"), tp_scope_get_display_name (tp_journey_get_scope (journey)),
                            tp_journey_state_get_display_name (tp_journey_get_state (journey)));
  if (*persona != '\0')
    /* Translators: on the title slide, the persona the journey is mapped for */
    persona_line = g_strdup_printf (_("Persona: %s"), persona);

  /* The title shrinks (to 56) rather than take more than three lines. */
  while (title_size > 56 && text_height (canvas->deck, title, title_size, PANGO_WEIGHT_BOLD, width)
                            > 3.6 * title_size)
    title_size -= 8;
  kicker_h = text_height (canvas->deck, kicker, 36, PANGO_WEIGHT_NORMAL, width);
  title_h = MIN (text_height (canvas->deck, title, title_size, PANGO_WEIGHT_BOLD, width), 520);
  if (persona_line != NULL)
    persona_h = text_height (canvas->deck, persona_line, 44, PANGO_WEIGHT_NORMAL, width) + 24;
  if (persona_line != NULL && *segment != '\0')
    segment_h = text_height (canvas->deck, segment, 34, PANGO_WEIGHT_NORMAL, width) + 4;
  if (*author != '\0')
    author_h = text_height (canvas->deck, author, TEXT_SIZE, PANGO_WEIGHT_NORMAL, width);
  total = kicker_h + 16 + title_h + persona_h + segment_h;
  /* The description only when it fits whole: context, not required. */
  if (*description != '\0')
    {
      double h = text_height (canvas->deck, description, 32, PANGO_WEIGHT_NORMAL, width);

      if (total + 40 + h < TP_SLIDES_HEIGHT - 2 * 100 - author_h - 40)
        description_h = h + 40;
    }
  total += description_h;

  y = MAX (100, (TP_SLIDES_HEIGHT - author_h - 40 - total) / 2);
  y += put_text (canvas, kicker, 36, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                 colors->dim, x, y, width, kicker_h) + 16;
  if (canvas->cr != NULL)
    {
      cairo_rectangle (canvas->cr, x - 40, y + 8, 12, title_h - 16);
      fill_rgb (canvas->cr, colors->gold);
    }
  y += put_text (canvas, title, title_size, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                 colors->fg, x, y, width, title_h);
  if (persona_line != NULL)
    y += put_text (canvas, persona_line, 44, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                   colors->fg, x, y + 24, width, persona_h - 24) + 24;
  if (segment_h > 0)
    y += put_text (canvas, segment, 34, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                   colors->dim, x, y + 4, width, segment_h - 4) + 4;
  if (description_h > 0)
    put_text (canvas, description, 32, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
              colors->dim, x, y + 40, width, description_h - 40);
  if (author_h > 0)
    put_text (canvas, author, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
              colors->dim, x, TP_SLIDES_HEIGHT - 60 - author_h, width, author_h);
}

/* ---------------------------------------------------------- summary slide */

/* A list of items under a heading; stops at what does not fit and says
 * how many were left out. */
typedef char *(*ItemText) (TpSlides *deck, gpointer item, gsize *prefix_len, char **meta,
                           const Colors *colors, const double **chip);

static char *
finding_text (TpSlides      *deck,
              gpointer       item,
              gsize         *prefix_len,
              char         **meta,
              const Colors  *colors,
              const double **chip)
{
  TpFinding *finding = item;
  gboolean critical = tp_finding_get_severity (finding) == TP_SEVERITY_CRITICAL;
  const char *severity = critical ? _("Critical:") : _("Warning:");

  *chip = critical ? colors->critical : colors->warning;
  *meta = NULL;
  *prefix_len = strlen (severity);
  return g_strdup_printf ("%s %s", severity, tp_finding_get_message (finding));
}

static char *
opportunity_text (TpSlides      *deck,
                  gpointer       item,
                  gsize         *prefix_len,
                  char         **meta,
                  const Colors  *colors,
                  const double **chip)
{
  TpOpportunity *opportunity = item;
  int priority = tp_opportunity_get_priority (opportunity);
  const char *owner = tp_opportunity_get_owner (opportunity);
  const char *department = tp_journey_get_opportunity_department (deck->journey, opportunity);
  g_autofree char *place = tp_journey_describe_opportunity_place (deck->journey, opportunity);
  GString *line = g_string_new (place);

  if (*owner != '\0')
    g_string_append_printf (line, " · %s", owner);
  if (department != NULL && *department != '\0')
    g_string_append_printf (line, " · %s", department);
  *meta = g_string_free (line, FALSE);
  *chip = priority >= TP_PRIORITY_HIGH ? colors->enabler : colors->dim;
  if (priority == 0)
    {
      *prefix_len = 0;
      return g_strdup (tp_opportunity_get_text (opportunity));
    }
  /* Translators: an opportunity on the last slide: its priority (“High”),
   * then its text */
  {
    g_autofree char *prefix = g_strdup_printf (_("%s:"), tp_priority_get_display_name (priority));

    *prefix_len = strlen (prefix);
    return g_strdup_printf ("%s %s", prefix, tp_opportunity_get_text (opportunity));
  }
}

static double
item_height (TpSlides   *deck,
             const char *text,
             gsize       prefix_len,
             const char *meta,
             double      width,
             double     *text_h)
{
  g_autoptr(PangoLayout) layout = make_layout (deck, text, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                                               PANGO_STYLE_NORMAL, width);
  double h;

  set_bold_prefix (layout, prefix_len);
  h = *text_h = layout_height (layout);
  if (meta != NULL)
    h += text_height (deck, meta, TEXT_SIZE, PANGO_WEIGHT_NORMAL, width);
  return h;
}

#define SUMMARY_MAX_ITEMS 5

static void
draw_list (TpSlideCanvas *canvas,
           const Colors  *colors,
           const char    *heading,
           const char    *empty,
           GPtrArray     *items,
           ItemText       describe,
           const TpRect  *area)
{
  double y = area->y, indent = 36, width = area->width - indent;
  double more_h = text_height (canvas->deck, "…", TEXT_SIZE, PANGO_WEIGHT_NORMAL, width) + 16;
  guint shown = 0;

  y += put_text (canvas, heading, 40, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                 colors->fg, area->x, y, area->width, 120) + 20;
  if (items->len == 0)
    put_text (canvas, empty, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, PANGO_ALIGN_LEFT,
              colors->dim, area->x, y, area->width, area->y + area->height - y);

  for (guint i = 0; i < items->len && shown < SUMMARY_MAX_ITEMS; i++)
    {
      gsize prefix_len = 0;
      g_autofree char *meta = NULL;
      const double *chip = NULL;
      g_autofree char *text = describe (canvas->deck, g_ptr_array_index (items, i), &prefix_len, &meta,
                                        colors, &chip);
      double text_h, h = item_height (canvas->deck, text, prefix_len, meta, width, &text_h);
      /* Room for "and N more" unless this is the last one. */
      double reserve = i + 1 < items->len ? more_h : 0;

      if (y + h + reserve > area->y + area->height && shown > 0)
        break;
      if (canvas->cr != NULL)
        {
          g_autoptr(PangoLayout) layout = make_layout (canvas->deck, text, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                                                       PANGO_STYLE_NORMAL, width);

          rounded_rect (canvas->cr, area->x, y + 8, 20, 20, 4);
          fill_rgb (canvas->cr, chip);
          set_bold_prefix (layout, prefix_len);
          show_layout (canvas, layout, TEXT_SIZE, colors->fg, area->x + indent, y, width,
                       area->y + area->height - y - reserve);
          if (meta != NULL)
            put_text (canvas, meta, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, PANGO_ALIGN_LEFT,
                      colors->dim, area->x + indent, y + text_h, width,
                      MAX (area->y + area->height - y - text_h - reserve, TEXT_SIZE * 1.3));
        }
      y += h + 16;
      shown++;
    }
  if (shown < items->len)
    {
      /* Translators: under the findings or opportunities of the last
       * slide, for those there was no room for */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more", items->len - shown),
                                               items->len - shown);

      put_text (canvas, more, TEXT_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, PANGO_ALIGN_LEFT,
                colors->dim, area->x + indent, y, width, more_h);
    }
}

static void
draw_summary_slide (TpSlideCanvas *canvas,
                    const Colors  *colors)
{
  double width = TP_SLIDES_WIDTH - 2 * SLIDE_MARGIN, column = (width - 96) / 2;
  double y = 56;
  TpRect left, right;

  y += put_text (canvas, _("Findings and opportunities"), 56, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL,
                 PANGO_ALIGN_LEFT, colors->fg, SLIDE_MARGIN, y, width, 150) + 40;
  left = TP_RECT_INIT (SLIDE_MARGIN, y, column, TP_SLIDES_HEIGHT - 56 - y);
  right = TP_RECT_INIT (SLIDE_MARGIN + column + 96, y, column, TP_SLIDES_HEIGHT - 56 - y);
  draw_list (canvas, colors, _("What hurts most"), _("No critical findings or warnings."),
             canvas->deck->findings, finding_text, &left);
  draw_list (canvas, colors, _("Top open opportunities"), _("No open opportunities."),
             canvas->deck->opportunities, opportunity_text, &right);
}

/* ----------------------------------------------------------------- paint */

void
tp_slides_paint (TpSlideCanvas *canvas,
                 guint          index)
{
  TpSlide *slide = g_ptr_array_index (canvas->deck->slides, index);
  Colors colors;

  get_colors (canvas->deck, &colors);
  switch (slide->kind)
    {
    case TP_SLIDE_TITLE: draw_title_slide (canvas, &colors); break;
    case TP_SLIDE_STAGE: draw_stage_slide (canvas, &colors, slide); break;
    case TP_SLIDE_SUMMARY: draw_summary_slide (canvas, &colors); break;
    default: g_assert_not_reached ();
    }
}

void
tp_slides_paint_background (TpSlides *deck,
                            cairo_t  *cr)
{
  Colors colors;

  get_colors (deck, &colors);
  cairo_set_source_rgb (cr, colors.bg[0], colors.bg[1], colors.bg[2]);
  tp_gfx_paint (cr);
}
