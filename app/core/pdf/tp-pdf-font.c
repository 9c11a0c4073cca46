/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-ft.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include "tp-pdf-private.h"

void
tp_pdf_font_free (gpointer data)
{
  Font *font = data;

  hb_face_destroy (font->face);
  hb_font_destroy (font->unit_font);
  hb_set_destroy (font->glyphs);
  g_free (font->widths);
  for (guint i = 0; i < 0x10000; i++)
    g_free (font->texts[i]);
  g_free (font->texts);
  g_free (font);
}

/* Text */

static Font *
lookup_font (TpPdf     *self,
             PangoFont *pango_font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (pango_font);
  g_autofree char *file_key = NULL;
  hb_face_t *face;
  Font *font;
  unsigned n_coords = 0;
  const int *coords;
  hb_blob_t *table;
  gboolean cff, glyf;

  if (hb_font == NULL)
    {
      tp_pdf_set_unsupported (self, "a font without HarfBuzz data");
      return NULL;
    }
  /* An instance of a variable font would need instancing to embed; pango
   * shares one face between instances, so check every font. */
  coords = hb_font_get_var_coords_normalized (hb_font, &n_coords);
  for (unsigned i = 0; i < n_coords; i++)
    if (coords[i] != 0)
      {
        tp_pdf_set_unsupported (self, "an instance of a variable font");
        return NULL;
      }

  face = hb_font_get_face (hb_font);
  font = g_hash_table_lookup (self->fonts, face);
  if (font != NULL)
    return font;

  {
    char ps_name[128] = "";
    unsigned length = sizeof ps_name;
    hb_blob_t *blob = hb_face_reference_blob (face);

    hb_ot_name_get_utf8 (face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, ps_name);
    file_key = g_strdup_printf ("%s|%u|%u", ps_name, hb_face_get_index (face), hb_blob_get_length (blob));
    hb_blob_destroy (blob);
  }
  font = g_hash_table_lookup (self->fonts_by_file, file_key);
  if (font != NULL)
    {
      g_hash_table_insert (self->fonts, face, font);
      return font;
    }

  table = hb_face_reference_table (face, HB_TAG ('C', 'F', 'F', ' '));
  cff = hb_blob_get_length (table) > 0;
  hb_blob_destroy (table);
  table = hb_face_reference_table (face, HB_TAG ('g', 'l', 'y', 'f'));
  glyf = hb_blob_get_length (table) > 0;
  hb_blob_destroy (table);
  if (!cff && !glyf)
    {
      tp_pdf_set_unsupported (self, "a font with neither CFF nor TrueType outlines");
      return NULL;
    }
  /* Colour glyphs would come out in the text colour. */
  table = hb_face_reference_table (face, HB_TAG ('C', 'O', 'L', 'R'));
  if (hb_blob_get_length (table) > 0)
    {
      hb_blob_destroy (table);
      tp_pdf_set_unsupported (self, "a colour font");
      return NULL;
    }
  hb_blob_destroy (table);

  font = g_new0 (Font, 1);
  font->index = self->font_list->len;
  font->face = hb_face_reference (face);
  font->unit_font = hb_font_create (face);
  font->upem = MAX (hb_face_get_upem (face), 1);
  hb_font_set_scale (font->unit_font, (int) font->upem, (int) font->upem);
  font->cff = cff;
  font->glyphs = hb_set_create ();
  font->texts = g_new0 (char *, 0x10000);
  font->widths = g_new (gint32, 0x10000);
  for (guint i = 0; i < 0x10000; i++)
    font->widths[i] = G_MININT32;
  g_ptr_array_add (self->font_list, font);
  g_hash_table_insert (self->fonts, face, font);
  g_hash_table_insert (self->fonts_by_file, g_steal_pointer (&file_key), font);
  return font;
}

/* The cluster glyph @i belongs to: its glyphs [@first, @last] in the
 * string's (visual) order, and its text, bytes [@start, @end) of the item. */
static void
cluster_of (PangoGlyphItem *run,
            int             i,
            int            *first,
            int            *last,
            int            *start,
            int            *end)
{
  PangoGlyphString *glyphs = run->glyphs;
  int cluster = glyphs->log_clusters[i];
  gboolean rtl = run->item->analysis.level % 2 == 1;
  int a = i, b = i;

  while (a > 0 && glyphs->log_clusters[a - 1] == cluster)
    a--;
  while (b + 1 < glyphs->num_glyphs && glyphs->log_clusters[b + 1] == cluster)
    b++;
  *first = a;
  *last = b;
  *start = cluster;
  /* The next cluster in reading order starts where this one ends. */
  if (!rtl)
    *end = b + 1 < glyphs->num_glyphs ? glyphs->log_clusters[b + 1] : run->item->length;
  else
    *end = a > 0 ? glyphs->log_clusters[a - 1] : run->item->length;
  *end = MAX (*end, *start);
}

/* A glyph's advance as the file states it: whole thousandths of an em.
 * The first call marks the glyph used. */
static long
glyph_width (Font *font,
             guint gid)
{
  if (G_UNLIKELY (font->widths[gid] == G_MININT32))
    {
      font->widths[gid] = (gint32) lround (hb_font_get_glyph_h_advance (font->unit_font, gid) * 1000.0 / font->upem);
      hb_set_add (font->glyphs, gid);
    }
  return font->widths[gid];
}

/* Ends a text object, and the ActualText spans open in it. */
static void
end_text (GString  *s,
          gboolean  in_span,
          gboolean  ellipsis)
{
  put_text (s, ">] TJ\n");
  if (in_span)
    put_text (s, "EMC\n");
  if (ellipsis)
    put_text (s, "EMC\n");
  put_text (s, "ET\n");
}

/* Text that search and copy find instead of what the glyphs map to. */
static void
begin_actual_text (GString    *s,
                   const char *text,
                   gssize      length)
{
  g_autofree char *copy = g_strndup (text, length);

  put_text (s, "/Span << /ActualText <feff");
  put_utf16_hex (s, copy);
  put_text (s, "> >> BDC\n");
}

/* One run of glyphs with its baseline origin at (@x, @y) in user space. */
static void
put_run (TpPdf                *self,
         const cairo_matrix_t *ctm,
         const char           *text,
         PangoGlyphItem       *run,
         double                x,
         double                y)
{
  GString *s = self->content;
  PangoGlyphString *glyphs = run->glyphs;
  cairo_scaled_font_t *scaled;
  cairo_matrix_t font_matrix, m;
  Font *font;
  double em, pen = 0, pango_x = 0;
  gboolean open = FALSE, in_span = FALSE, span_pending = FALSE;
  gboolean ellipsis = (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) != 0;
  const char *cluster_text = NULL;
  int cluster_length = 0;
  double text_y = 0;

  font = lookup_font (self, run->item->analysis.font);
  if (font == NULL)
    return;
  scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
  if (scaled == NULL)
    {
      tp_pdf_set_unsupported (self, "a font cairo cannot scale");
      return;
    }
  /* fontconfig can embolden a face that has no bold: cairo thickens the
   * outlines, which the embedded font would not. */
  if (cairo_font_face_get_type (cairo_scaled_font_get_font_face (scaled)) == CAIRO_FONT_TYPE_FT
      && (cairo_ft_font_face_get_synthesize (cairo_scaled_font_get_font_face (scaled)) & CAIRO_FT_SYNTHESIZE_BOLD))
    {
      tp_pdf_set_unsupported (self, "a synthesized bold font");
      return;
    }
  cairo_scaled_font_get_font_matrix (scaled, &font_matrix);
  em = hypot (font_matrix.xx, font_matrix.yx);
  if (em <= 0)
    return;

  /* Glyph space (y up, 1 unit = 1 em) to device space (y down, the
   * page's own flip undoes it): the font matrix, then the CTM. */
  cairo_matrix_multiply (&m, &font_matrix, ctm);

  for (int i = 0, first = 0, last = -1; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      guint gid = info->glyph;
      double origin_x = pango_x + (double) info->geometry.x_offset / PANGO_SCALE;
      double origin_y = (double) info->geometry.y_offset / PANGO_SCALE;

      pango_x += (double) info->geometry.width / PANGO_SCALE;

      /* A new cluster: its text goes to the ToUnicode map with its glyph,
       * or, when that glyph already stands for other text (an "é" from
       * "e" and a combining accent, say), into an ActualText span. */
      if (i > last && !ellipsis)
        {
          int start, end;
          guint owner;

          cluster_of (run, i, &first, &last, &start, &end);
          /* The text goes with the cluster's first drawn glyph in reading
           * order: a soft hyphen's cluster starts with an empty glyph. */
          owner = PANGO_GLYPH_EMPTY;
          for (int k = 0; k <= last - first && owner == PANGO_GLYPH_EMPTY; k++)
            owner = glyphs->glyphs[run->item->analysis.level % 2 == 1 ? last - k : first + k].glyph;
          cluster_text = text + run->item->offset + start;
          cluster_length = end - start;
          span_pending = FALSE;
          if (owner <= 0xffff && cluster_length > 0)
            {
              if (font->texts[owner] == NULL)
                font->texts[owner] = g_strndup (cluster_text, cluster_length);
              span_pending = strlen (font->texts[owner]) != (gsize) cluster_length
                             || memcmp (font->texts[owner], cluster_text, cluster_length) != 0;
              /* Several glyphs for one text (a hyphen pango added at a
               * break, say): the text once for all of them, as cairo. */
              for (int k = first, drawn = 0; k <= last && !span_pending; k++)
                if (glyphs->glyphs[k].glyph != PANGO_GLYPH_EMPTY && ++drawn > 1)
                  span_pending = TRUE;
            }
        }
      else if (ellipsis && gid <= 0xffff && font->texts[gid] == NULL)
        /* The ellipsis glyph itself is "…"; what it hides is the run's
         * ActualText. */
        font->texts[gid] = g_strdup ("\xe2\x80\xa6");

      if (gid == PANGO_GLYPH_EMPTY)
        goto next;
      /* A character no font has: the screen shows a box with its code,
       * which cairo's writer draws the same way. */
      if ((gid & PANGO_GLYPH_UNKNOWN_FLAG) || gid > 0xffff)
        {
          tp_pdf_set_unsupported (self, "a character no installed font has");
          goto next;
        }

      if (open && origin_y != text_y)
        {
          /* The rest of a spanned cluster must not repeat its text. */
          if (in_span)
            {
              span_pending = TRUE;
              cluster_length = 0;
            }
          end_text (s, in_span, ellipsis);
          open = in_span = FALSE;
        }
      if (!open)
        {
          double dx = x + origin_x, dy = y + origin_y;

          cairo_matrix_transform_point (ctm, &dx, &dy);
          put_text (s, "BT\n");
          /* The font is graphics state: it outlives ET, until Q. */
          if (self->state.font != (int) font->index)
            {
              put_text (s, "/F");
              put_uint (s, font->index);
              put_text (s, " 1 Tf\n");
              self->state.font = (int) font->index;
            }
          put_coefficient (s, m.xx);
          put_coefficient (s, m.yx);
          put_coefficient (s, -m.xy);
          put_coefficient (s, -m.yy);
          put_point (s, dx, dy);
          put_text (s, "Tm\n");
          /* Search and copy find what an ellipsis hides, as with cairo. */
          if (ellipsis)
            begin_actual_text (s, text + run->item->offset, run->item->length);
          put_text (s, "[<");
          open = TRUE;
          text_y = origin_y;
          pen = origin_x / em;
        }
      else
        {
          /* Where PDF would put the glyph after the previous one's
           * advance, against where pango put it: TJ's correction is in
           * thousandths of an em, positive to the left. */
          double adjust = round ((pen - origin_x / em) * 1000);

          if (adjust != 0)
            {
              put_text (s, "> ");
              put_number (s, adjust);
              put_text (s, "<");
              pen -= adjust / 1000;
            }
        }
      if (span_pending)
        {
          put_text (s, ">] TJ\n");
          begin_actual_text (s, cluster_text, cluster_length);
          put_text (s, "[<");
          span_pending = FALSE;
          in_span = TRUE;
        }
      put_glyph_id (s, gid);
      /* The reader advances by the width in whole thousandths. */
      pen += glyph_width (font, gid) / 1000.0;

    next:
      if (i == last && in_span)
        {
          put_text (s, ">] TJ\nEMC\n[<");
          in_span = FALSE;
        }
    }
  if (open)
    end_text (s, in_span, ellipsis);
}

void
tp_pdf_show_layout (TpPdf       *self,
                    cairo_t     *cr,
                    PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  cairo_matrix_t ctm;
  double x0 = 0, y0 = 0;

  if (self->counting)
    return;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  if (!use_fill_source (self, cr))
    return;
  cairo_get_matrix (cr, &ctm);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      int baseline;

      if (run == NULL)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      put_run (self, &ctm, text, run,
               x0 + (double) (logical.x + run->start_x_offset) / PANGO_SCALE,
               y0 + (double) (baseline - run->y_offset) / PANGO_SCALE);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  hand_off_content (self);
}

/* Lines go through pango's own renderer, which places the runs (as it
 * does for cairo's); only the glyphs are ours. */
typedef struct {
  PangoRenderer  parent_instance;
  TpPdf         *pdf;
  cairo_matrix_t ctm;
  double         x0;
  double         y0;
} LineRenderer;

typedef struct {
  PangoRendererClass parent_class;
} LineRendererClass;

static GType line_renderer_get_type (void);

G_DEFINE_TYPE (LineRenderer, line_renderer, PANGO_TYPE_RENDERER)

static void
line_renderer_draw_glyph_item (PangoRenderer  *renderer,
                               const char     *text,
                               PangoGlyphItem *run,
                               int             x,
                               int             y)
{
  LineRenderer *self = (LineRenderer *) renderer;

  put_run (self->pdf, &self->ctm, text, run,
           self->x0 + (double) x / PANGO_SCALE, self->y0 + (double) y / PANGO_SCALE);
}

static void
line_renderer_draw_rectangle (PangoRenderer   *renderer,
                              PangoRenderPart  part,
                              int              x,
                              int              y,
                              int              width,
                              int              height)
{
  /* Underlines and the like: not drawn yet, so cairo's writer does. */
  tp_pdf_set_unsupported (((LineRenderer *) renderer)->pdf, "decorated text");
}

static void
line_renderer_class_init (LineRendererClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyph_item = line_renderer_draw_glyph_item;
  renderer_class->draw_rectangle = line_renderer_draw_rectangle;
}

static void
line_renderer_init (LineRenderer *self)
{
}

void
tp_pdf_show_layout_line (TpPdf           *self,
                         cairo_t         *cr,
                         PangoLayoutLine *line)
{
  LineRenderer *renderer;

  if (self->counting || !use_fill_source (self, cr))
    return;
  if (self->line_renderer == NULL)
    self->line_renderer = g_object_new (line_renderer_get_type (), NULL);
  renderer = (LineRenderer *) self->line_renderer;
  renderer->pdf = self;
  renderer->x0 = renderer->y0 = 0;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &renderer->x0, &renderer->y0);
  cairo_get_matrix (cr, &renderer->ctm);
  pango_renderer_draw_layout_line (self->line_renderer, line, 0, 0);
  hand_off_content (self);
}

/* Fonts */

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static void
put_name_char_safe (GString    *s,
                    const char *name)
{
  for (const char *p = name; *p != '\0' && s->len < 63; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (s, *p);
}

/* "ABCDEF+Name": a subset's tag, from its glyphs, then the font's name. */
static char *
subset_font_name (Font *font)
{
  GString *name = g_string_new (NULL);
  char ps_name[128] = "";
  unsigned length = sizeof ps_name;
  guint32 hash = 5381 + font->index;
  hb_codepoint_t gid = HB_SET_VALUE_INVALID;

  while (hb_set_next (font->glyphs, &gid))
    hash = hash * 33 + gid;
  for (int i = 0; i < 6; i++)
    {
      g_string_append_c (name, (char) ('A' + hash % 26));
      hash /= 26;
    }
  g_string_append_c (name, '+');
  hb_ot_name_get_utf8 (font->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &length, ps_name);
  put_name_char_safe (name, ps_name);
  if (name->str[name->len - 1] == '+')
    g_string_append (name, "Font");
  return g_string_free (name, FALSE);
}


static void
write_to_unicode (TpPdf *self,
                  Font  *font,
                  guint  number)
{
  g_autoptr(GString) s = g_string_new (
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n");
  guint n = 0;

  /* By glyph id: sorted, so the file is the same for the same map. */
  for (guint gid = 0; gid < 0x10000; gid++)
    {
      if (font->texts[gid] == NULL)
        continue;
      if (n % 100 == 0)
        {
          guint block = 0;

          if (n > 0)
            g_string_append (s, "endbfchar\n");
          for (guint next = gid; next < 0x10000 && block < 100; next++)
            if (font->texts[next] != NULL)
              block++;
          g_string_append_printf (s, "%u beginbfchar\n", block);
        }
      g_string_append_c (s, '<');
      put_glyph_id (s, gid);
      g_string_append (s, "> <");
      put_utf16_hex (s, font->texts[gid]);
      g_string_append (s, ">\n");
      n++;
    }
  if (n > 0)
    g_string_append (s, "endbfchar\n");
  g_string_append (s, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  tp_pdf_write_stream (self, number, NULL, (const guint8 *) s->str, s->len, FONT_COMPRESSION);
}

gboolean
tp_pdf_write_font (TpPdf  *self,
                   Font   *font,
                   guint   type0)
{
  guint cid_font = tp_pdf_reserve_object (self);
  guint descriptor = tp_pdf_reserve_object (self);
  guint program = tp_pdf_reserve_object (self);
  guint to_unicode = tp_pdf_reserve_object (self);
  g_autofree char *name = subset_font_name (font);
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *subset;
  hb_blob_t *blob, *head;
  const guint8 *head_data;
  unsigned head_length;
  int bbox[4] = { 0, 0, 1000, 1000 };
  hb_position_t ascent = 0, descent = 0, cap_height = 0;
  g_autoptr(GString) widths = g_string_new (NULL);
  hb_codepoint_t gid = HB_SET_VALUE_INVALID;
  hb_codepoint_t previous = HB_SET_VALUE_INVALID;
  static const hb_tag_t dropped[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('n', 'a', 'm', 'e'),
  };

  if (input == NULL)
    return FALSE;
  hb_set_union (hb_subset_input_glyph_set (input), font->glyphs);
  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), dropped[i]);
  /* Glyph ids stay: the content streams use them as CIDs. */
  hb_subset_input_set_flags (input, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  subset = hb_subset_or_fail (font->face, input);
  hb_subset_input_destroy (input);
  if (subset == NULL)
    return FALSE;
  blob = hb_face_reference_blob (subset);
  hb_face_destroy (subset);
  if (hb_blob_get_length (blob) == 0)
    {
      hb_blob_destroy (blob);
      return FALSE;
    }

  head = hb_face_reference_table (font->face, HB_TAG ('h', 'e', 'a', 'd'));
  head_data = (const guint8 *) hb_blob_get_data (head, &head_length);
  if (head_length >= 44)
    for (int i = 0; i < 4; i++)
      bbox[i] = (int) lround ((gint16) read_u16 (head_data + 36 + 2 * i) * 1000.0 / font->upem);
  hb_blob_destroy (head);
  hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
  hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &descent);
  if (!hb_ot_metrics_get_position (font->unit_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height))
    cap_height = ascent;

  /* Widths in thousandths of an em, runs of consecutive ids together. */
  while (hb_set_next (font->glyphs, &gid))
    {
      long width = glyph_width (font, gid);

      if (previous != HB_SET_VALUE_INVALID && gid == previous + 1)
        g_string_append_printf (widths, " %ld", width);
      else
        g_string_append_printf (widths, "%s%u [%ld", previous == HB_SET_VALUE_INVALID ? "" : "] ", gid, width);
      previous = gid;
    }
  if (previous != HB_SET_VALUE_INVALID)
    g_string_append_c (widths, ']');

  tp_pdf_begin_object (self, type0);
  tp_pdf_out_printf (self, "<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
                     "/DescendantFonts [%u 0 R] /ToUnicode %u 0 R >>\n", name, cid_font, to_unicode);
  tp_pdf_end_object (self);

  tp_pdf_begin_object (self, cid_font);
  tp_pdf_out_printf (self, "<< /Type /Font /Subtype /%s /BaseFont /%s "
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                     "/FontDescriptor %u 0 R%s /W [%s] >>\n",
                     font->cff ? "CIDFontType0" : "CIDFontType2", name, descriptor,
                     font->cff ? "" : " /CIDToGIDMap /Identity", widths->str);
  tp_pdf_end_object (self);

  tp_pdf_begin_object (self, descriptor);
  tp_pdf_out_printf (self, "<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [%d %d %d %d] "
                     "/ItalicAngle 0 /Ascent %ld /Descent %ld /CapHeight %ld /StemV 80 /%s %u 0 R >>\n",
                     name, bbox[0], bbox[1], bbox[2], bbox[3],
                     lround (ascent * 1000.0 / font->upem), lround (descent * 1000.0 / font->upem),
                     lround (cap_height * 1000.0 / font->upem),
                     font->cff ? "FontFile3" : "FontFile2", program);
  tp_pdf_end_object (self);

  {
    unsigned length;
    const guint8 *data = (const guint8 *) hb_blob_get_data (blob, &length);
    g_autofree char *extra = font->cff ? g_strdup ("/Subtype /OpenType")
                                       : g_strdup_printf ("/Length1 %u", length);

    tp_pdf_write_stream (self, program, extra, data, length, FONT_COMPRESSION);
  }
  hb_blob_destroy (blob);

  write_to_unicode (self, font, to_unicode);
  return TRUE;
}
