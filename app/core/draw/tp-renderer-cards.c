/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-renderer-private.h"

/* Badges, stars, markers */

static void
set_badge_source (Ctx  *ctx,
                  guint score)
{
  if (score > 0)
    set_score_source (ctx, score);
  else
    set_source (ctx->cr, &ctx->pal->badge_none);
}

/* The score its badge shows; -1 for a card without one. */
static int
item_badge_score (const TpLayoutItem *item,
                  TpRect             *badge)
{
  if (!tp_layout_item_get_badge_rect ((TpLayoutItem *) item, badge))
    return -1;
  if (item->style == TP_CARD_NOTE)
    return CLAMP (tp_employee_note_get_score (TP_EMPLOYEE_NOTE (item->element)), 0, TP_SCORE_MAX);
  if (TP_IS_TOUCHPOINT (item->element))
    return CLAMP (tp_touchpoint_get_score (TP_TOUCHPOINT (item->element)), 0, TP_SCORE_MAX);
  return -1;
}

/* Sprite parameters: the score, and whether it is below good enough. */
#define BADGE_LOW 32

static void
badge_sprite (Ctx          *ctx,
              const TpRect *badge,
              guint         params)
{
  cairo_t *cr = ctx->cr;
  guint score = params & (BADGE_LOW - 1);
  TpLayoutText *label = tp_layout_get_label (ctx->layout, TP_TEXT_BADGE, -1, score_label (score));

  if (!ctx->backs_drawn)
    {
      /* Below good enough: square, so it differs in grey print too. */
      tp_path_rounded_rect (cr, badge->x, badge->y, badge->width, badge->height,
                            params & BADGE_LOW ? 0 : badge->height / 2);
      set_badge_source (ctx, score);
      tp_render_backend_fill (ctx->backend, cr);
    }

  show_text (ctx, label,
             badge->x + (badge->width - label->text_width) / 2,
             badge->y + (badge->height - label->height) / 2,
             score > 0 ? on_score (ctx, score) : &ctx->pal->text_dim);
}

static void
draw_badge (Ctx          *ctx,
            const TpRect *badge,
            int           score)
{
  score = CLAMP (score, 0, TP_SCORE_MAX);
  tp_renderer_draw_sprite (ctx, SPRITE_BADGE, score | (tp_renderer_score_is_low (ctx, score) ? BADGE_LOW : 0),
                           badge, badge_sprite);
}

static void
star_sprite (Ctx          *ctx,
             const TpRect *bounds,
             guint         params)
{
  cairo_t *cr = ctx->cr;

  tp_path_star (cr, bounds->x + bounds->width / 2, bounds->y + bounds->height / 2, bounds->width / 2 - 1);
  set_source (cr, &ctx->pal->gold);
  tp_render_backend_fill_preserve (ctx->backend, cr);
  set_source (cr, &ctx->pal->gold_dark);
  cairo_set_line_width (cr, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_render_backend_stroke (ctx->backend, cr);
}

static void
draw_star (Ctx    *ctx,
           double  cx,
           double  cy,
           double  radius)
{
  TpRect bounds = TP_RECT_INIT (cx - radius - 1, cy - radius - 1, 2 * radius + 2, 2 * radius + 2);

  tp_renderer_draw_sprite (ctx, SPRITE_STAR, 0, &bounds, star_sprite);
}

void
tp_renderer_marker_sprite (Ctx          *ctx,
                           const TpRect *bounds,
                           guint         params)
{
  cairo_t *cr = ctx->cr;
  double cx = bounds->x + bounds->width / 2;
  double cy = bounds->y + bounds->height / 2;
  double radius = bounds->width / 2 - 1.5;
  /* Bit 0: a blocker (else an enabler); above it the department's index
   * + 1 for the ring, 0 for a plain one. */
  guint department = params >> 1;
  gboolean blocker = params & 1;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  if (department > 0)
    {
      /* A thicker ring in the department's colour. */
      set_department_source (ctx, department - 1);
      radius -= 1;
    }
  else
    set_source (cr, &ctx->pal->card);
  tp_render_backend_fill (ctx->backend, cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  set_source (cr, blocker ? &ctx->pal->blocker_accent : &ctx->pal->enabler_accent);
  tp_render_backend_fill (ctx->backend, cr);

  set_source (cr, &ctx->pal->on_dark);
  cairo_rectangle (cr, cx - 4, cy - 1.1, 8, 2.2);
  if (!blocker)
    cairo_rectangle (cr, cx - 1.1, cy - 4, 2.2, 8);
  tp_render_backend_fill (ctx->backend, cr);
}

/* Marks a card with its employee notes when the overlay is on: a red
 * no-entry sign for blockers and a green plus for enablers, sitting on
 * the card's bottom edge. */
static void
draw_overlay_markers (Ctx                *ctx,
                      const TpLayoutItem *item,
                      const TpRect       *r)
{
  const double radius = 7;
  double cx = r->x + r->width - 16;
  NoteMarks marks;

  marks.packed = ctx->note_marks != NULL
                 ? GPOINTER_TO_UINT (g_hash_table_lookup (ctx->note_marks, item->element)) : 0;

  for (int i = 0; i < 2; i++)
    {
      guint blocker = i == 0;
      guint department = blocker ? marks.m.blocker_department : marks.m.enabler_department;
      TpRect bounds = TP_RECT_INIT (cx - radius - 1.5, r->y + r->height - radius - 1.5,
                                    2 * radius + 3, 2 * radius + 3);

      if ((blocker ? marks.m.n_blockers : marks.m.n_enablers) == 0)
        continue;

      /* The sprite's parameter: the kind, and the department's ring. */
      tp_renderer_draw_sprite (ctx, SPRITE_MARKER, blocker | department << 1, &bounds, tp_renderer_marker_sprite);
      cx -= 2 * radius + 4;
    }
}

/* A dot on the card's top right corner for the most urgent finding about
 * it: red with "!" for critical, amber for a warning. */
static void
draw_finding_mark (Ctx                *ctx,
                   const TpLayoutItem *item,
                   const TpRect       *r)
{
  cairo_t *cr = ctx->cr;
  int severity = GPOINTER_TO_INT (g_hash_table_lookup (ctx->options->finding_marks, item->element));
  double cx = r->x + r->width - 3;
  double cy = r->y + 3;
  const double radius = 7.5;

  if (severity != TP_SEVERITY_CRITICAL && severity != TP_SEVERITY_WARNING)
    return;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, radius + 1.5, 0, 2 * G_PI);
  set_source (cr, &ctx->pal->card);
  tp_render_backend_fill (ctx->backend, cr);
  cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
  if (severity == TP_SEVERITY_CRITICAL)
    cairo_set_source_rgb (cr, 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 0xe5 / 255.0, 0xa5 / 255.0, 0x0a / 255.0);
  tp_render_backend_fill (ctx->backend, cr);

  /* "!" as two shapes, so it needs no font. */
  cairo_rectangle (cr, cx - 1.1, cy - 4.5, 2.2, 5.5);
  cairo_arc (cr, cx, cy + 3.4, 1.2, 0, 2 * G_PI);
  set_source (cr, severity == TP_SEVERITY_CRITICAL ? &ctx->pal->on_dark : &ctx->pal->on_light);
  tp_render_backend_fill (ctx->backend, cr);
}

/* Cards */

static void
card_colors (Ctx                *ctx,
             const TpLayoutItem *item,
             const Rgba        **fill,
             const Rgba        **border)
{
  const Palette *pal = ctx->pal;

  switch (item->style)
    {
    case TP_CARD_THOUGHT:
      *fill = &pal->thought;
      *border = &pal->thought_border;
      break;
    case TP_CARD_NOTE:
      if (tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER)
        {
          *fill = &pal->blocker;
          *border = &pal->blocker_border;
        }
      else
        {
          *fill = &pal->enabler;
          *border = &pal->enabler_border;
        }
      break;
    case TP_CARD_OPPORTUNITY:
      *fill = &pal->opportunity;
      *border = &pal->opportunity_border;
      break;
    case TP_CARD_TOUCHPOINT:
    case TP_CARD_ACTION:
    default:
      *fill = &pal->card;
      *border = &pal->card_border;
      break;
    }
}

/* Blockers have a cut corner, so they differ from enablers by shape as
 * well as colour (grey print). Drawn as paths, as thought bubbles are. */
static gboolean
has_own_shape (const TpLayoutItem *item)
{
  return item->style == TP_CARD_THOUGHT
         || (item->style == TP_CARD_NOTE
             && tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER);
}

static void
card_path (cairo_t            *cr,
           const TpLayoutItem *item,
           const TpRect       *r,
           double              grow)
{
  if (item->style == TP_CARD_THOUGHT)
    tp_path_bubble (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow,
                    TP_CARD_RADIUS + grow, TP_CARD_THOUGHT_TAIL);
  else if (has_own_shape (item))
    tp_path_notched_rect (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow,
                          TP_CARD_RADIUS + grow, TP_CARD_NOTCH + grow);
  else
    tp_path_rounded_rect (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow,
                          TP_CARD_RADIUS + grow);
}

/* A card's outline: one unit out, one and a half more at the bottom for
 * a soft shadow. */
static void
card_outline_path (cairo_t            *cr,
                   const TpLayoutItem *item,
                   const TpRect       *r)
{
  if (item->style == TP_CARD_THOUGHT)
    tp_path_bubble (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 3.5, TP_CARD_RADIUS + 1, TP_CARD_THOUGHT_TAIL);
  else if (has_own_shape (item))
    tp_path_notched_rect (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 2.5, TP_CARD_RADIUS + 1,
                          TP_CARD_NOTCH + 1);
  else
    tp_path_rounded_rect (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 2.5, TP_CARD_RADIUS + 1);
}

/* Evidence: where a card's content comes from, in the dim text colour so
 * that it stays discreet. Paths only, no font but the count's. */
static void
draw_evidence (Ctx                *ctx,
               const TpLayoutItem *item,
               double              dx,
               double              dy)
{
  cairo_t *cr = ctx->cr;
  const double s = TP_CARD_EVIDENCE_GLYPH;
  TpRect r;
  double x, cy;

  if (!tp_layout_item_get_evidence_rect ((TpLayoutItem *) item, &r))
    return;
  x = r.x + dx;
  cy = r.y + dy + r.height / 2;
  set_source (cr, &ctx->pal->text_dim);
  cairo_new_path (cr);

  switch (item->evidence_kind)
    {
    case TP_EVIDENCE_OBSERVED:
      /* An eye: an almond outline and its pupil. */
      cairo_move_to (cr, x, cy);
      cairo_curve_to (cr, x + s * 0.3, cy - s * 0.45, x + s * 0.7, cy - s * 0.45, x + s, cy);
      cairo_curve_to (cr, x + s * 0.7, cy + s * 0.45, x + s * 0.3, cy + s * 0.45, x, cy);
      cairo_close_path (cr);
      cairo_set_line_width (cr, 1.1);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      tp_render_backend_stroke (ctx->backend, cr);
      cairo_arc (cr, x + s / 2, cy, s * 0.17, 0, 2 * G_PI);
      tp_render_backend_fill (ctx->backend, cr);
      break;

    case TP_EVIDENCE_REPORTED:
      /* A speech bubble, and how many customers said so. */
      tp_path_rounded_rect (cr, x + 0.5, cy - s * 0.42, s - 1, s * 0.68, 2);
      cairo_set_line_width (cr, 1.1);
      tp_render_backend_stroke (ctx->backend, cr);
      cairo_move_to (cr, x + s * 0.22, cy + s * 0.24);
      cairo_line_to (cr, x + s * 0.2, cy + s * 0.5);
      cairo_line_to (cr, x + s * 0.5, cy + s * 0.24);
      cairo_close_path (cr);
      tp_render_backend_fill (ctx->backend, cr);
      if (item->evidence != NULL)
        show_text (ctx, item->evidence, x + s + 2, cy - item->evidence->height / 2, &ctx->pal->text_dim);
      break;

    case TP_EVIDENCE_ASSUMED:
      {
        TpLayoutText *mark = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, -1, "?");

        /* A question mark in a dashed ring: not checked. */
        cairo_arc (cr, x + s / 2, cy, s / 2 - 0.6, 0, 2 * G_PI);
        cairo_set_line_width (cr, 1);
        cairo_set_dash (cr, (const double[]) { 1.6, 1.2 }, 2, 0);
        tp_render_backend_stroke (ctx->backend, cr);
        cairo_set_dash (cr, NULL, 0, 0);
        show_text (ctx, mark, x + (s - mark->text_width) / 2, cy - mark->height / 2, &ctx->pal->text_dim);
      }
      break;

    case TP_EVIDENCE_NONE:
    default:
      break;
    }
}

#define CHIP_RADIUS 5

/* The header row of a touchpoint card: channel chip and channel name. */
static void
header_sprite (Ctx          *ctx,
               const TpRect *bounds,
               guint         params)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpChannel channel = params & 0xff;
  gboolean online = (params & 0x100) != 0;
  double size = TP_CARD_HEADER_HEIGHT;
  TpLayoutText *label;

  /* Online channels get a blue chip, offline ones a grey one. */
  if (!ctx->backs_drawn)
    {
      tp_path_rounded_rect (cr, bounds->x, bounds->y, size, size, CHIP_RADIUS);
      set_source (cr, online ? &pal->chip_online : &pal->chip_offline);
      tp_render_backend_fill (ctx->backend, cr);
    }
  if (!ctx->backs_drawn)
    {
      set_source (cr, online ? &pal->chip_online_fg : &pal->chip_offline_fg);
      tp_glyph_channel (cr, channel, bounds->x + 3, bounds->y + 3, size - 6);
    }

  label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION, bounds->width - size - 6,
                               tp_channel_get_display_name (channel));
  show_text (ctx, label, bounds->x + size + 6, bounds->y + (size - label->height) / 2, &pal->text_dim);
}

static void
draw_touchpoint_content (Ctx                *ctx,
                         const TpLayoutItem *item,
                         const TpRect       *r,
                         const TpRect       *badge)
{
  const Palette *pal = ctx->pal;
  TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
  TpChannel channel = tp_touchpoint_get_channel (tp);
  gboolean online = tp_touchpoint_is_online (tp);
  gboolean moment = tp_touchpoint_is_moment (tp);
  TpRect header, text;

  /* Left of the evidence mark, the star and the badge. */
  tp_layout_item_get_header_label_rect ((TpLayoutItem *) item, &header);
  header.x += r->x - item->rect.x;
  header.y += r->y - item->rect.y;
  tp_renderer_draw_sprite (ctx, SPRITE_HEADER, (guint) channel | (online ? 0x100 : 0), &header, header_sprite);

  if (moment)
    draw_star (ctx, badge->x - 11, badge->y + badge->height / 2, 7.5);
  draw_badge (ctx, badge, tp_touchpoint_get_score (tp));
  draw_evidence (ctx, item, r->x - item->rect.x, r->y - item->rect.y);

  tp_layout_item_get_text_rect ((TpLayoutItem *) item, &text);
  show_text (ctx, item->text, text.x + r->x - item->rect.x, text.y + r->y - item->rect.y,
             *tp_touchpoint_get_title (tp) != '\0' ? &pal->text : &pal->text_dim);
}

static void
draw_side_badge_content (Ctx                *ctx,
                         const TpLayoutItem *item,
                         const TpRect       *r,
                         gboolean            has_badge,
                         const TpRect       *badge)
{
  const Palette *pal = ctx->pal;
  TpTouchpoint *tp = TP_TOUCHPOINT (item->element);
  TpRect text;

  if (item->style == TP_CARD_ACTION)
    {
      /* Customer actions carry an accent bar: what the customer does. */
      tp_path_rounded_rect (ctx->cr, r->x + 6, r->y + 8, 3.5, r->height - 16, 1.75);
      set_source (ctx->cr, &pal->action_bar);
      tp_render_backend_fill (ctx->backend, ctx->cr);
    }

  if (tp_touchpoint_is_moment (tp))
    draw_star (ctx,
               has_badge ? badge->x - 11 : r->x + r->width - TP_CARD_PADDING - 8,
               r->y + TP_CARD_PADDING + TP_BADGE_HEIGHT / 2, 7.5);
  if (has_badge)
    draw_badge (ctx, badge, tp_touchpoint_get_score (tp));
  draw_evidence (ctx, item, r->x - item->rect.x, r->y - item->rect.y);

  tp_layout_item_get_text_rect ((TpLayoutItem *) item, &text);
  show_text (ctx, item->text, text.x + r->x - item->rect.x, text.y + r->y - item->rect.y,
             *tp_touchpoint_get_title (tp) != '\0' ? &pal->text : &pal->text_dim);
}

static void
draw_note_content (Ctx                *ctx,
                   const TpLayoutItem *item,
                   const TpRect       *r,
                   gboolean            has_badge,
                   const TpRect       *badge)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  const Rgba *accent;
  TpLayoutText *label;
  double dx = r->x - item->rect.x;
  double dy = r->y - item->rect.y;
  double x = r->x + TP_CARD_PADDING;
  double y = r->y + TP_CARD_PADDING;
  TpRect label_rect, rect;

  tp_layout_item_get_header_label_rect ((TpLayoutItem *) item, &label_rect);
  label_rect.x += dx;
  label_rect.y += dy;

  if (item->style == TP_CARD_NOTE)
    {
      TpEmployeeNote *note = TP_EMPLOYEE_NOTE (item->element);
      TpNoteKind kind = tp_employee_note_get_kind (note);
      int meter = tp_layout_item_get_meter (item);

      accent = kind == TP_NOTE_KIND_BLOCKER ? &pal->blocker_accent : &pal->enabler_accent;

      if (kind == TP_NOTE_KIND_BLOCKER)
        {
          /* Severity as three rising bars, like a signal meter. */
          for (int i = 0; i < meter; i++)
            cairo_rectangle (cr, x + i * 5, y + 9 - 4 * i, 3.5, 6 + 4 * i);
          set_source (cr, accent);
          tp_render_backend_fill (ctx->backend, cr);
          for (int i = meter; i < TP_SEVERITY_MAX; i++)
            cairo_rectangle (cr, x + i * 5, y + 9 - 4 * i, 3.5, 6 + 4 * i);
          cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.25);
          tp_render_backend_fill (ctx->backend, cr);
        }
      else if (meter > 0)
        {
          /* Strength as three dots; an enabler without one shows none. */
          for (int i = 0; i < meter; i++)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x + 2 + i * 5, y + TP_CARD_NOTE_HEADER / 2 - 1, 1.9, 0, 2 * G_PI);
            }
          set_source (cr, accent);
          tp_render_backend_fill (ctx->backend, cr);
          for (int i = meter; i < TP_STRENGTH_MAX; i++)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, x + 2 + i * 5, y + TP_CARD_NOTE_HEADER / 2 - 1, 1.9, 0, 2 * G_PI);
            }
          cairo_set_source_rgba (cr, accent->r, accent->g, accent->b, 0.25);
          tp_render_backend_fill (ctx->backend, cr);
        }

      label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, label_rect.width,
                                   tp_note_kind_get_display_name (kind));
      if (has_badge)
        draw_badge (ctx, badge, tp_employee_note_get_score (note));
      draw_evidence (ctx, item, dx, dy);
    }
  else
    {
      accent = &pal->opportunity_accent;
      set_source (cr, accent);
      tp_glyph_bulb (cr, x - 1, y, 16);
      label = tp_layout_get_label (ctx->layout, TP_TEXT_CAPTION_BOLD, label_rect.width, _("Opportunity"));
      if (tp_layout_item_get_due_rect ((TpLayoutItem *) item, &rect))
        show_text (ctx, item->due, rect.x + dx, rect.y + dy, &pal->text_dim);
    }

  show_text (ctx, label, label_rect.x, y + (TP_CARD_NOTE_HEADER - label->height) / 2 - 1, accent);
  tp_layout_item_get_text_rect ((TpLayoutItem *) item, &rect);
  show_text (ctx, item->text, rect.x + dx, rect.y + dy, &pal->text);
  for (guint line = 0; line < 2; line++)
    if (tp_layout_item_get_caption_rect ((TpLayoutItem *) item, line, &rect))
      show_text (ctx, line == 0 ? item->caption : item->caption2, rect.x + dx, rect.y + dy, &pal->text_dim);
}

/* The class of a card's group: what kind of card it is. */
static const char *
card_class (const TpLayoutItem *item)
{
  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      return tp_touchpoint_is_moment (TP_TOUCHPOINT (item->element)) ? "card touchpoint moment-of-truth"
                                                                      : "card touchpoint";
    case TP_CARD_ACTION:
      return "card action";
    case TP_CARD_THOUGHT:
      return "card thought";
    case TP_CARD_NOTE:
      return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER
             ? "card blocker" : "card enabler";
    case TP_CARD_OPPORTUNITY:
    default:
      return "card opportunity";
    }
}

static void draw_card (Ctx                *ctx,
                       const TpLayoutItem *item,
                       double              dx,
                       double              dy,
                       gboolean            lifted);

void
tp_renderer_draw_card (Ctx                *ctx,
                       const TpLayoutItem *item,
                       double              dx,
                       double              dy,
                       gboolean            lifted)
{
  tp_renderer_begin_group (ctx, "card-", item->element, card_class (item));
  draw_card (ctx, item, dx, dy, lifted);
  tp_renderer_end_group (ctx);
}

static void
draw_card (Ctx                *ctx,
           const TpLayoutItem *item,
           double              dx,
           double              dy,
           gboolean            lifted)
{
  cairo_t *cr = ctx->cr;
  const Palette *pal = ctx->pal;
  TpRect r = item->rect;
  TpRect badge;
  gboolean has_badge;
  const Rgba *fill, *border;
  gboolean raised = lifted || (ctx->interactive && ctx->options->hover == item->element);

  r.x += dx;
  r.y += dy;
  has_badge = tp_layout_item_get_badge_rect ((TpLayoutItem *) item, &badge);
  badge.x += dx;
  badge.y += dy;
  card_colors (ctx, item, &fill, &border);

  /* A deeper shadow for the card under the pointer or in hand. */
  if (raised)
    {
      set_source (cr, &pal->shadow);
      tp_render_backend_save (ctx->backend, cr);
      cairo_translate (cr, 0, 4);
      card_path (cr, item, &r, 2);
      tp_render_backend_fill (ctx->backend, cr);
      cairo_translate (cr, 0, -2);
      card_path (cr, item, &r, 0.5);
      tp_render_backend_fill (ctx->backend, cr);
      tp_render_backend_restore (ctx->backend, cr);
    }

  if (ctx->groups && fill->a >= 1)
    {
      /* Editable shapes: the outline, then the opaque back over its
       * inside, which looks the same as the ring below (two rounded
       * rectangles instead of three). */
      card_outline_path (cr, item, &r);
      set_source (cr, border);
      tp_render_backend_fill (ctx->backend, cr);
      card_path (cr, item, &r, 0);
      set_source (cr, fill);
      tp_render_backend_fill (ctx->backend, cr);
    }
  else if (!ctx->backs_drawn || lifted)
    {
      card_path (cr, item, &r, 0);
      set_source (cr, fill);
      tp_render_backend_fill (ctx->backend, cr);

      /* Border and a soft bottom shadow in one fill: the ring between the
       * card and its outline. An even-odd ring only touches its own
       * pixels, unlike a stroke or a second full-size fill, which matters
       * with a hundred cards on screen. */
      tp_render_backend_save (ctx->backend, cr);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      card_path (cr, item, &r, 0);
      card_outline_path (cr, item, &r);
      set_source (cr, border);
      tp_render_backend_fill (ctx->backend, cr);
      tp_render_backend_restore (ctx->backend, cr);
    }

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      draw_touchpoint_content (ctx, item, &r, &badge);
      break;
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      draw_side_badge_content (ctx, item, &r, has_badge, &badge);
      break;
    case TP_CARD_NOTE:
    case TP_CARD_OPPORTUNITY:
      draw_note_content (ctx, item, &r, has_badge, &badge);
      break;
    default:
      g_assert_not_reached ();
    }

  /* The department's colour down the left edge of an employee note. */
  if (item->style == TP_CARD_NOTE)
    {
      guint department = note_department (ctx, TP_EMPLOYEE_NOTE (item->element));

      if (department > 0)
        {
          /* A bar inside the rounded corners: no clip, which SVG and
           * HTML reports would carry as a clipPath per note. */
          tp_path_rounded_rect (cr, r.x + 2, r.y + 3, 3.5, r.height - 6, 1.75);
          set_department_source (ctx, department - 1);
          tp_render_backend_fill (ctx->backend, cr);
        }
    }

  if (ctx->options->show_employee_overlay && (item->n_blockers > 0 || item->n_enablers > 0))
    draw_overlay_markers (ctx, item, &r);

  if (ctx->interactive && ctx->options->finding_marks != NULL)
    draw_finding_mark (ctx, item, &r);

  /* Notes of departments filtered out fade into the background. */
  if (item->style == TP_CARD_NOTE && note_hidden (ctx, TP_EMPLOYEE_NOTE (item->element)))
    {
      card_outline_path (cr, item, &r);
      cairo_set_source_rgba (cr, pal->background.r, pal->background.g, pal->background.b, 0.75);
      tp_render_backend_fill (ctx->backend, cr);
    }

  if (is_selected (ctx, item->element))
    {
      tp_path_rounded_rect (cr, r.x - 3.5, r.y - 3.5, r.width + 7, r.height + 7, TP_CARD_RADIUS + 3.5);
      set_source (cr, &pal->accent);
      cairo_set_line_width (cr, clamp_line (ctx, 2.5));
      tp_render_backend_stroke (ctx->backend, cr);
    }
}

/* Zoomed out: every card a flat block, one fill per colour. */

enum {
  BLOCK_UNSCORED = 0,  /* 1..10: by score */
  BLOCK_ACTION = TP_SCORE_MAX + 1,
  BLOCK_THOUGHT,
  BLOCK_BLOCKER,
  BLOCK_ENABLER,
  BLOCK_OPPORTUNITY,
  BLOCK_SELECTED,
  N_BLOCKS
};

static guint
block_for_item (Ctx                *ctx,
                const TpLayoutItem *item)
{
  if (is_selected (ctx, item->element))
    return BLOCK_SELECTED;

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      return tp_touchpoint_get_score (TP_TOUCHPOINT (item->element));
    case TP_CARD_ACTION:
      return BLOCK_ACTION;
    case TP_CARD_THOUGHT:
      return BLOCK_THOUGHT;
    case TP_CARD_NOTE:
      return tp_employee_note_get_kind (TP_EMPLOYEE_NOTE (item->element)) == TP_NOTE_KIND_BLOCKER
             ? BLOCK_BLOCKER : BLOCK_ENABLER;
    case TP_CARD_OPPORTUNITY:
    default:
      return BLOCK_OPPORTUNITY;
    }
}

static void
set_block_source (Ctx   *ctx,
                  guint  block)
{
  const Palette *pal = ctx->pal;

  switch (block)
    {
    case BLOCK_UNSCORED:
      set_source (ctx->cr, &pal->card_border);
      break;
    case BLOCK_ACTION:
      set_source (ctx->cr, &pal->chip_online);
      break;
    case BLOCK_THOUGHT:
      set_source (ctx->cr, &pal->thought_border);
      break;
    case BLOCK_BLOCKER:
      set_source (ctx->cr, &pal->blocker_accent);
      break;
    case BLOCK_ENABLER:
      set_source (ctx->cr, &pal->enabler_accent);
      break;
    case BLOCK_OPPORTUNITY:
      set_source (ctx->cr, &pal->opportunity_border);
      break;
    case BLOCK_SELECTED:
      set_source (ctx->cr, &pal->accent);
      break;
    default:
      set_score_source (ctx, (int) block);
      break;
    }
}

/* The visible cards of lanes @lane_from to @lane_to (exclusive), as a
 * list of item indices. */
static GArray *
visible_lane_items (Ctx   *ctx,
                    guint  lane_from,
                    guint  lane_to)
{
  TpLayout *layout = ctx->layout;
  /* Shadows, rings and markers reach a little outside a card. */
  const double margin = 12;
  TpRect area = tp_rect_inset (&ctx->visible, -margin, -margin);
  guint s0, s1, l0, l1;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  tp_layout_get_column_range (layout, area.x, area.x + area.width, &s0, &s1);
  tp_layout_get_row_range (layout, area.y, area.y + area.height, &l0, &l1);
  l0 = MAX (l0, lane_from);
  l1 = MIN (l1, lane_to);

  for (guint l = l0; l < l1; l++)
    for (guint s = s0; s < s1; s++)
      {
        guint first, last;

        tp_layout_get_cell_range (layout, tp_layout_cell (layout, s, l), area.y, area.y + area.height,
                                  &first, &last);
        for (guint i = first; i < last; i++)
          {
            TpLayoutItem *item = tp_layout_item (layout, i);

            if (item->element != ctx->options->hidden && tp_rect_intersects (&item->rect, &area))
              g_array_append_val (out, i);
          }
      }

  return out;
}

static GArray *
visible_items (Ctx *ctx)
{
  return visible_lane_items (ctx, 0, G_MAXUINT);
}

/* A rounded rectangle of radius @radius is the rectangle @radius inside
 * it, stroked @radius wide on each side with round joins, plus that inner
 * rectangle's inside. As a path that is four corners instead of four
 * curves: for thousands of cards a PDF's content shrinks by half. */
static void
inner_rect_path (cairo_t *cr,
                 double   x,
                 double   y,
                 double   width,
                 double   height,
                 double   radius)
{
  cairo_rectangle (cr, x + radius, y + radius, width - 2 * radius, height - 2 * radius);
}

/* Vector targets: every card's outline, then every card's back, one path
 * per colour. Cards never overlap, so this looks the same as the rings
 * drawn card by card, and a PDF writer handles a few long paths much
 * faster than thousands of short ones. Thought bubbles keep their path
 * (their tail); rounded cards are drawn as strokes of inner rectangles,
 * whose holes the backs cover. */
static void
draw_card_backs (Ctx    *ctx,
                 GArray *items)
{
  cairo_t *cr = ctx->cr;
  TpLayout *layout = ctx->layout;

  tp_render_backend_save (ctx->backend, cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (int pass = 0; pass < 2; pass++)
    {
      /* The card styles' colours: a handful, found as they come. */
      const Rgba *done[8];
      guint n_done = 0;

      for (guint first = 0; first < items->len; first++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, first));
          const Rgba *fill, *border, *color;
          gboolean seen = FALSE, any_bubble = FALSE, any_rect = FALSE;

          card_colors (ctx, item, &fill, &border);
          color = pass == 0 ? border : fill;
          for (guint d = 0; d < n_done; d++)
            seen |= done[d] == color;
          if (seen)
            continue;
          g_assert (n_done < G_N_ELEMENTS (done));
          done[n_done++] = color;
          set_source (cr, color);

          /* Bubbles as paths, filled... */
          for (guint i = first; i < items->len; i++)
            {
              const TpLayoutItem *other = tp_layout_item (layout, g_array_index (items, guint, i));
              const Rgba *other_fill, *other_border;

              card_colors (ctx, other, &other_fill, &other_border);
              if ((pass == 0 ? other_border : other_fill) != color)
                continue;
              if (!has_own_shape (other))
                {
                  any_rect = TRUE;
                  continue;
                }
              if (pass == 0)
                card_outline_path (cr, other, &other->rect);
              else
                card_path (cr, other, &other->rect, 0);
              any_bubble = TRUE;
            }
          if (any_bubble)
            tp_render_backend_fill (ctx->backend, cr);
          if (!any_rect)
            continue;

          /* ...rounded rectangles as inner rectangles, stroked. */
          for (guint i = first; i < items->len; i++)
            {
              const TpLayoutItem *other = tp_layout_item (layout, g_array_index (items, guint, i));
              const TpRect *r = &other->rect;
              const Rgba *other_fill, *other_border;

              card_colors (ctx, other, &other_fill, &other_border);
              if ((pass == 0 ? other_border : other_fill) != color || has_own_shape (other))
                continue;
              if (pass == 0)
                inner_rect_path (cr, r->x - 1, r->y - 1, r->width + 2, r->height + 2.5, TP_CARD_RADIUS + 1);
              else
                inner_rect_path (cr, r->x, r->y, r->width, r->height, TP_CARD_RADIUS);
            }
          cairo_set_line_width (cr, 2 * (pass == 0 ? TP_CARD_RADIUS + 1 : TP_CARD_RADIUS));
          /* The outline's hole is under the card; the back is opaque, so
           * its inside can be filled over the stroke. */
          if (pass == 1)
            tp_render_backend_fill_preserve (ctx->backend, cr);
          tp_render_backend_stroke (ctx->backend, cr);
        }
    }

  /* Channel chips, online and offline... */
  for (int online = 0; online < 2; online++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
          const TpRect *r = &item->rect;

          if (item->style != TP_CARD_TOUCHPOINT
              || tp_touchpoint_is_online (TP_TOUCHPOINT (item->element)) != online)
            continue;
          inner_rect_path (cr, r->x + TP_CARD_PADDING, r->y + TP_CARD_PADDING,
                           TP_CARD_HEADER_HEIGHT, TP_CARD_HEADER_HEIGHT, CHIP_RADIUS);
          any = TRUE;
        }
      if (!any)
        continue;
      set_source (cr, online ? &ctx->pal->chip_online : &ctx->pal->chip_offline);
      cairo_set_line_width (cr, 2 * CHIP_RADIUS);
      tp_render_backend_fill_preserve (ctx->backend, cr);
      tp_render_backend_stroke (ctx->backend, cr);

      /* Their glyphs, in one colour: all strokes, then all fills. */
      set_source (cr, online ? &ctx->pal->chip_online_fg : &ctx->pal->chip_offline_fg);
      for (TpGlyphPart part = TP_GLYPH_STROKES; part <= TP_GLYPH_FILLS; part++)
        {
          for (guint i = 0; i < items->len; i++)
            {
              const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
              TpTouchpoint *tp;

              if (item->style != TP_CARD_TOUCHPOINT)
                continue;
              tp = TP_TOUCHPOINT (item->element);
              if (tp_touchpoint_is_online (tp) != online)
                continue;
              tp_glyph_channel_path (cr, tp_touchpoint_get_channel (tp), part,
                                     item->rect.x + TP_CARD_PADDING + 3, item->rect.y + TP_CARD_PADDING + 3,
                                     TP_CARD_HEADER_HEIGHT - 6);
            }
          if (!cairo_has_current_point (cr))
            continue;
          if (part == TP_GLYPH_FILLS)
            {
              tp_render_backend_fill (ctx->backend, cr);
              continue;
            }
          tp_render_backend_save (ctx->backend, cr);
          cairo_set_line_width (cr, tp_glyph_stroke_width (TP_CARD_HEADER_HEIGHT - 6));
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
          tp_render_backend_stroke (ctx->backend, cr);
          tp_render_backend_restore (ctx->backend, cr);
        }
    }

  /* ...and score badges, by score: pills are lines with round caps, the
   * square badges of low scores lines with square ones. */
  for (int score = 0; score <= TP_SCORE_MAX; score++)
    {
      double height = 0;

      cairo_set_line_cap (cr, tp_renderer_score_is_low (ctx, score) ? CAIRO_LINE_CAP_SQUARE
                                                                   : CAIRO_LINE_CAP_ROUND);
      set_badge_source (ctx, score);
      for (guint i = 0; i < items->len; i++)
        {
          const TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));
          TpRect b;

          if (item_badge_score (item, &b) != score)
            continue;
          /* Badges share one height; should one differ, it gets a stroke
           * of its own. */
          if (height > 0 && b.height != height)
            {
              cairo_set_line_width (cr, height);
              tp_render_backend_stroke (ctx->backend, cr);
            }
          height = b.height;
          cairo_move_to (cr, b.x + b.height / 2, b.y + b.height / 2);
          cairo_line_to (cr, b.x + b.width - b.height / 2, b.y + b.height / 2);
        }
      if (height > 0)
        {
          cairo_set_line_width (cr, height);
          tp_render_backend_stroke (ctx->backend, cr);
        }
    }

  tp_render_backend_restore (ctx->backend, cr);
  ctx->backs_drawn = TRUE;
}

void
tp_renderer_draw_cards (Ctx *ctx)
{
  g_autoptr(GArray) items = visible_items (ctx);
  TpLayout *layout = ctx->layout;

  if (!ctx->simplified)
    {
      /* Raster targets: no overdraw. Hover and selection: one card raised.
       * Groups: each card whole in its own. */
      if (!ctx->raster && !ctx->interactive && !ctx->groups)
        draw_card_backs (ctx, items);
      for (guint i = 0; i < items->len; i++)
        tp_renderer_draw_card (ctx, tp_layout_item (layout, g_array_index (items, guint, i)), 0, 0, FALSE);
      ctx->backs_drawn = FALSE;
      return;
    }

  /* One path per colour: a few fills instead of thousands. */
  for (guint block = 0; block < N_BLOCKS; block++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < items->len; i++)
        {
          TpLayoutItem *item = tp_layout_item (layout, g_array_index (items, guint, i));

          if (block_for_item (ctx, item) != block)
            continue;
          cairo_rectangle (ctx->cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
          any = TRUE;
        }

      if (any)
        {
          set_block_source (ctx, block);
          tp_render_backend_fill (ctx->backend, ctx->cr);
        }
    }
}

void
tp_renderer_draw_lane_cards (Ctx   *ctx,
                             guint  lane)
{
  g_autoptr(GArray) items = visible_lane_items (ctx, lane, lane + 1);

  for (guint i = 0; i < items->len; i++)
    tp_renderer_draw_card (ctx, tp_layout_item (ctx->layout, g_array_index (items, guint, i)), 0, 0, FALSE);
}
