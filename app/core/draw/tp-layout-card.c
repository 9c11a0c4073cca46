/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-layout-private.h"

/* Where the parts of a card go. The layout sizes cards with these and the
 * renderer draws at these places, so what the layout measured is what is
 * drawn: the evidence mark takes its room from the header label or the
 * title, never from under them. */

int
tp_layout_item_get_meter (const TpLayoutItem *item)
{
  TpEmployeeNote *note;

  if (item->style != TP_CARD_NOTE)
    return 0;
  note = TP_EMPLOYEE_NOTE (item->element);
  /* Severity is a blocker's; an enabler shows its strength, or nothing. */
  if (tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER)
    return CLAMP (tp_employee_note_get_severity (note), TP_SEVERITY_MIN, TP_SEVERITY_MAX);
  return CLAMP (tp_employee_note_get_strength (note), 0, TP_STRENGTH_MAX);
}

double
tp_layout_item_get_evidence_width (const TpLayoutItem *item)
{
  if (item->evidence_kind == TP_EVIDENCE_NONE)
    return 0;
  return TP_CARD_EVIDENCE_GLYPH + (item->evidence != NULL ? 2 + ceil (item->evidence->text_width) : 0);
}

/* The right end of the free part of the header row (or the title row of
 * actions and thoughts): left of the star and the badge. */
static double
header_limit (TpLayoutItem *item,
              double       *centre)
{
  const TpRect *r = &item->rect;
  TpRect badge;
  gboolean has_badge = tp_layout_item_get_badge_rect (item, &badge);

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      *centre = r->y + TP_CARD_PADDING + TP_CARD_HEADER_HEIGHT / 2;
      return badge.x - 4
             - (tp_touchpoint_is_moment (TP_TOUCHPOINT (item->element)) ? TP_CARD_STAR_RESERVE : 0);
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      *centre = r->y + TP_CARD_PADDING + TP_BADGE_HEIGHT / 2;
      return r->x + r->width - TP_CARD_PADDING
             - (has_badge ? TP_CARD_BADGE_RESERVE : 0)
             - (tp_touchpoint_is_moment (TP_TOUCHPOINT (item->element)) ? TP_CARD_STAR_RESERVE : 0);
    case TP_CARD_NOTE:
    case TP_CARD_OPPORTUNITY:
    default:
      *centre = r->y + TP_CARD_PADDING + TP_CARD_NOTE_HEADER / 2;
      return has_badge ? badge.x - 4 : r->x + r->width - TP_CARD_PADDING;
    }
}

gboolean
tp_layout_item_get_evidence_rect (TpLayoutItem *item,
                                  TpRect       *rect)
{
  double width = tp_layout_item_get_evidence_width (item);
  double centre, limit, height;

  if (width <= 0)
    return FALSE;
  limit = header_limit (item, &centre);
  height = MAX (TP_CARD_EVIDENCE_GLYPH, item->evidence != NULL ? ceil (item->evidence->height) : 0);
  if (rect != NULL)
    *rect = TP_RECT_INIT (limit - width, centre - height / 2, width, height);
  return TRUE;
}

gboolean
tp_layout_item_get_due_rect (TpLayoutItem *item,
                             TpRect       *rect)
{
  const TpRect *r = &item->rect;
  double width;

  if (item->due == NULL)
    return FALSE;
  width = ceil (item->due->text_width);
  if (rect != NULL)
    *rect = TP_RECT_INIT (r->x + r->width - TP_CARD_PADDING - width,
                          r->y + TP_CARD_PADDING + (TP_CARD_NOTE_HEADER - item->due->height) / 2 - 1,
                          width, item->due->height);
  return TRUE;
}

gboolean
tp_layout_item_get_header_label_rect (TpLayoutItem *item,
                                      TpRect       *rect)
{
  const TpRect *r = &item->rect;
  double centre, limit = header_limit (item, &centre);
  double x, height;
  TpRect evidence;

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      /* The whole row, channel chip included: the sprite draws both. */
      x = r->x + TP_CARD_PADDING;
      height = TP_CARD_HEADER_HEIGHT;
      break;
    case TP_CARD_NOTE:
      x = r->x + TP_CARD_PADDING
          + (tp_layout_item_get_meter (item) > 0 ? TP_CARD_METER_WIDTH + TP_CARD_METER_GAP : 0);
      height = TP_CARD_NOTE_HEADER;
      break;
    case TP_CARD_OPPORTUNITY:
      x = r->x + TP_CARD_PADDING + 18;
      height = TP_CARD_NOTE_HEADER;
      break;
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
    default:
      return FALSE;
    }

  if (tp_layout_item_get_evidence_rect (item, &evidence))
    limit = evidence.x - TP_CARD_EVIDENCE_GAP;
  else if (tp_layout_item_get_due_rect (item, &evidence))
    limit = evidence.x - TP_CARD_EVIDENCE_GAP;
  if (rect != NULL)
    *rect = TP_RECT_INIT (x, r->y + TP_CARD_PADDING, MAX (limit - x, 0), height);
  return TRUE;
}

void
tp_layout_item_get_text_rect (TpLayoutItem *item,
                              TpRect       *rect)
{
  const TpRect *r = &item->rect;
  double x = r->x + TP_CARD_PADDING;
  double y;

  switch (item->style)
    {
    case TP_CARD_TOUCHPOINT:
      y = r->y + TP_CARD_PADDING + TP_CARD_HEADER_HEIGHT + TP_CARD_HEADER_GAP;
      break;
    case TP_CARD_ACTION:
    case TP_CARD_THOUGHT:
      if (item->style == TP_CARD_ACTION)
        x += TP_CARD_ACTION_BAR;
      y = r->y + TP_CARD_PADDING + MAX (0, (TP_BADGE_HEIGHT - item->text->height) / 2);
      break;
    case TP_CARD_NOTE:
    case TP_CARD_OPPORTUNITY:
    default:
      y = r->y + TP_CARD_PADDING + TP_CARD_NOTE_HEADER + TP_CARD_NOTE_GAP;
      break;
    }
  *rect = TP_RECT_INIT (x, y, item->text->text_width, item->text->height);
}

double
tp_layout_caption_height (const TpLayoutText *caption)
{
  /* One line keeps the card's fixed rhythm; more (paper) take their room. */
  return MAX (TP_CARD_CAPTION, caption->height);
}

gboolean
tp_layout_item_get_caption_rect (TpLayoutItem *item,
                                 guint         line,
                                 TpRect       *rect)
{
  TpLayoutText *text = line == 0 ? item->caption : item->caption2;
  double bottom = item->rect.y + item->rect.height - TP_CARD_PADDING;
  double y;

  if (text == NULL || line > 1)
    return FALSE;
  /* The second caption is the last; the first sits above it when both are there. */
  if (line == 0 && item->caption2 != NULL)
    y = bottom - tp_layout_caption_height (item->caption2) - TP_CARD_NOTE_GAP
        - tp_layout_caption_height (text);
  else
    y = bottom - tp_layout_caption_height (text);
  if (rect != NULL)
    *rect = TP_RECT_INIT (item->rect.x + TP_CARD_PADDING, y, text->text_width,
                          tp_layout_caption_height (text));
  return TRUE;
}

gboolean
tp_layout_get_evidence_rect (TpLayout  *self,
                             TpElement *element,
                             TpRect    *rect)
{
  gpointer index;

  g_return_val_if_fail (TP_IS_LAYOUT (self), FALSE);
  g_return_val_if_fail (TP_IS_ELEMENT (element), FALSE);

  index = g_hash_table_lookup (self->item_index, element);
  if (index == NULL)
    return FALSE;
  return tp_layout_item_get_evidence_rect (tp_layout_item (self, GPOINTER_TO_UINT (index) - 1), rect);
}
