/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tp-layout.h"
#include "tp-renderer.h"
#include "tp-report-html.h"

/* Only the writer's own CSS: no web fonts, no images, no URLs. HTML 4
 * elements only (div, not main or nav), so HTML 4 parsers such as
 * libxml2's read it without complaint apart from the inline SVG. */
static const char stylesheet_root[] =
  ":root{--accent:#1c71d8;--text:#241f31;--muted:#5e5c64;--rule:#deddda;--zebra:#f6f5f4;";
static const char stylesheet[] =
  "*{box-sizing:border-box}\n"
  "body{margin:0;background:#fafafa;color:var(--text);font:15px/1.5 Cantarell,'Noto Sans',"
  "'Segoe UI',Helvetica,Arial,sans-serif}\n"
  ".page{max-width:60rem;margin:0 auto;background:#fff;padding:0 3.5rem 3rem;"
  "box-shadow:0 0 0 1px var(--rule)}\n"
  ".cover{margin:0 -3.5rem;padding:4rem 3.5rem 3rem;background:var(--accent);color:#fff}\n"
  ".cover .kicker{font-size:.75rem;font-weight:bold;letter-spacing:.08em;text-transform:uppercase;"
  "opacity:.85;margin:0 0 .5rem}\n"
  ".cover h1{font-size:2.4rem;line-height:1.15;margin:0 0 .6rem;overflow-wrap:anywhere}\n"
  ".cover .subtitle{font-size:1.15rem;margin:0}\n"
  ".facts{color:var(--muted);font-size:.8rem;font-weight:bold;letter-spacing:.05em;"
  "text-transform:uppercase;margin:2rem 0 .5rem}\n"
  ".description{font-size:1.1rem;max-width:44rem}\n"
  ".byline{color:var(--muted);border-top:2px solid var(--accent);display:inline-block;"
  "padding-top:.5rem;margin-top:1rem}\n"
  ".toc ol{padding-left:1.2rem}.toc a{color:var(--accent);text-decoration:none}\n"
  ".section{margin-top:3rem}\n"
  "h2{color:var(--accent);font-size:1.75rem;margin:0 0 1.2rem;padding-bottom:.5rem;"
  "border-bottom:3px solid var(--accent);display:inline-block}\n"
  "h3{font-size:1.2rem;margin:2rem 0 .4rem}h4{font-size:1rem;margin:1.4rem 0 .2rem}\n"
  "h2,h3,h4,p,td,th{overflow-wrap:anywhere}\n"
  "p{margin:.3rem 0 .8rem;white-space:pre-line}\n"
  ".lead{font-size:1.1rem}.muted{color:var(--muted);font-size:.85rem}\n"
  ".label{color:var(--muted);font-size:.7rem;font-weight:bold;letter-spacing:.06em;"
  "text-transform:uppercase;margin:1rem 0 .2rem}\n"
  "blockquote{margin:.4rem 0 .8rem;padding-left:.8rem;border-left:3px solid var(--accent);"
  "font-style:italic;white-space:pre-line}\n"
  ".figures{display:grid;grid-template-columns:repeat(4,1fr);gap:.7rem;margin:1.2rem 0}\n"
  ".figures.n3{grid-template-columns:repeat(3,1fr)}\n"
  "@media (max-width:40rem){.figures,.figures.n3{grid-template-columns:repeat(2,1fr)}}\n"
  ".figure{background:var(--zebra);border-left:4px solid var(--accent);padding:.7rem 1rem}\n"
  ".figure .value{font-size:1.8rem;font-weight:bold;line-height:1.2}\n"
  ".figure .what{color:var(--muted);font-size:.8rem}\n"
  "table{width:100%;border-collapse:collapse;margin:.6rem 0 1.4rem;font-size:.85rem}\n"
  "th{background:#e8f0fb;color:#1a5fb4;font-size:.7rem;letter-spacing:.05em;"
  "text-transform:uppercase;text-align:left;padding:.45rem .5rem}\n"
  "td{padding:.4rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top;"
  "white-space:pre-line}\n"
  "tbody tr:nth-child(even){background:var(--zebra)}\n"
  ".num{text-align:right}\n"
  ".badge{display:inline-block;min-width:2rem;text-align:center;border-radius:1rem;color:#fff;"
  "font-weight:bold;padding:0 .4rem}\n"
  ".chart{margin:1rem 0 1.4rem}.chart svg{display:block;max-width:100%;height:auto}\n"
  ".diagram{overflow:auto;border:1px solid var(--rule)}.diagram svg{display:block;max-width:100%;"
  "height:auto}\n"
  ".footer{color:var(--muted);font-size:.8rem;margin-top:3rem;border-top:1px solid var(--rule);"
  "padding-top:.6rem}\n"
  "@media print{\n"
  "  @page{size:A4;margin:18mm 16mm}\n"
  "  body{background:#fff;font-size:10pt}\n"
  "  .page{max-width:none;padding:0;box-shadow:none}\n"
  "  .cover{margin:0;padding:2.5rem 2rem;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
  "  .toc{break-after:page}\n"
  "  .section{break-before:page;margin-top:0}\n"
  "  h2,h3,h4,.label{break-after:avoid}\n"
  "  tr,.figure,.chart,blockquote{break-inside:avoid}\n"
  "  thead{display:table-header-group}\n"
  "  th,.figure,.badge{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
  "  .diagram{overflow:visible;border:0}\n"
  "}\n";

static void
append_escaped (GString    *html,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (html, escaped);
}

/* Appends <tag class="cls">escaped text</tag>. */
static void
append_element (GString    *html,
                const char *tag,
                const char *cls,
                const char *text)
{
  g_string_append_printf (html, "<%s", tag);
  if (cls != NULL)
    g_string_append_printf (html, " class=\"%s\"", cls);
  g_string_append_c (html, '>');
  append_escaped (html, text);
  g_string_append_printf (html, "</%s>\n", tag);
}

/* "s-1" to "s-10" after the whole score reached (as tp_score_hex()), or
 * "s-none". */
static const char *
score_class (double score)
{
  static const char *classes[] = { "s-none", "s-1", "s-2", "s-3", "s-4", "s-5", "s-6", "s-7", "s-8", "s-9", "s-10" };

  return classes[tp_score_whole (score)];
}

/* The rules for the score classes, from the one scale the map uses. */
static void
append_score_rules (GString *html)
{
  for (int score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
    g_string_append_printf (html,
                            ".badge.s-%d{background:#%06x;color:#%06x}"
                            ".figure.s-%d{border-color:#%06x}.figure.s-%d .value{color:#%06x}\n",
                            score, tp_score_hex (score),
                            tp_score_hex_wants_dark_text (score) ? 0x1e1e1eu : 0xffffffu,
                            score, tp_score_hex (score), score, tp_score_text_hex (score));
  g_string_append_printf (html, ".badge.s-none{background:#%06x}\n", tp_score_hex (NAN));
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo's SVG is a standalone document; this inlines it in HTML, in one
 * pass (a map of thousands of cards makes megabytes of SVG):
 *  - the namespace declarations go: HTML puts <svg> in the SVG namespace
 *    itself, and the file is to hold no URL at all;
 *  - ids and the references to them get a prefix per picture, so the
 *    glyphs of one picture do not replace those of another;
 *  - <path …/> becomes <path …></path>: the same element in HTML's
 *    foreign content, and libxml2 2.9's HTML parser (xmllint --html)
 *    misreads a "/>" that falls on its buffer boundary. */
static void
append_svg (GString    *html,
            GString    *svg,
            const char *label,
            guint       number)
{
  static const char *dropped[] = {
    " xmlns=\"http://www.w3.org/2000/svg\"",
    " xmlns:xlink=\"http://www.w3.org/1999/xlink\"",
  };
  static const char *references[] = { "id=\"", "href=\"#", "url(#" };
  const char *p = strstr (svg->str, "<svg");
  const char *tag = NULL;   /* the element being written, after its '<' */
  g_autofree char *prefix = g_strdup_printf ("r%u-", number);

  if (p == NULL)
    return;

  g_string_append (html, "<svg role=\"img\" aria-label=\"");
  append_escaped (html, label);
  g_string_append_c (html, '"');
  p += strlen ("<svg");

  while (*p != '\0')
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (dropped) && !done; i++)
        if (g_str_has_prefix (p, dropped[i]))
          {
            p += strlen (dropped[i]);
            done = TRUE;
          }
      for (guint i = 0; i < G_N_ELEMENTS (references) && !done; i++)
        if (g_str_has_prefix (p, references[i]))
          {
            g_string_append (html, references[i]);
            g_string_append (html, prefix);
            p += strlen (references[i]);
            done = TRUE;
          }
      if (done)
        continue;

      if (*p == '<' && p[1] != '/')
        tag = p + 1;
      if (p[0] == '/' && p[1] == '>' && tag != NULL)
        {
          const char *name_end = tag;

          while (*name_end != '\0' && !g_ascii_isspace (*name_end) && *name_end != '/' && *name_end != '>')
            name_end++;
          g_string_append (html, "></");
          g_string_append_len (html, tag, name_end - tag);
          g_string_append_c (html, '>');
          tag = NULL;
          p += 2;
          continue;
        }
      g_string_append_c (html, *p++);
    }
}

static void
append_chart (GString             *html,
              const TpReportBlock *block,
              guint                number)
{
  const double width = 680;
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *measure = cairo_create (scratch);
  PangoContext *context = pango_cairo_create_context (measure);
  double height = tp_report_chart_get_height (context, block, width);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cairo_t *cr = cairo_create (surface);
  char *end;

  /* Real text in the SVG, not glyph outlines: it can be found, copied
   * and read out, and it scales with the page. */
  tp_report_draw_chart_svg (cr, context, block, width, height, text);
  g_object_unref (context);
  cairo_destroy (measure);
  cairo_surface_destroy (scratch);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  end = g_strrstr (svg->str, "</svg>");
  if (end != NULL)
    g_string_insert (svg, end - svg->str, text->str);

  g_string_append (html, "<div class=\"chart\">\n");
  if (block->text != NULL)
    append_element (html, "p", "label", block->text);
  append_svg (html, svg, block->text != NULL ? block->text : "", number);
  g_string_append (html, "</div>\n");
}

static void
append_diagram (GString  *html,
                TpReport *report,
                guint     number)
{
  g_autoptr(TpLayout) layout = tp_layout_new_for_paper (report->journey, NULL, NULL);
  g_autoptr(GString) svg = g_string_new (NULL);
  TpRenderOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  tp_layout_get_size (layout, &width, &height);
  if (width <= 0 || height <= 0)
    return;

  surface = cairo_svg_surface_create_for_stream (append_to_string, svg, width, height);
  cr = cairo_create (surface);
  tp_render_options_init (&options);
  options.palette = TP_PALETTE_PRINT;
  options.visible = TP_RECT_INIT (0, 0, width, height);
  /* Full detail: the browser scales the picture, not the renderer. */
  options.zoom = 1.0;
  tp_render_journey (cr, layout, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_string_append (html, "<div class=\"diagram\">\n");
  append_svg (html, svg, report->title, number);
  g_string_append (html, "</div>\n");
}

static void
append_table (GString             *html,
              TpReport            *report,
              const TpReportBlock *block)
{
  guint n_rows = tp_report_table_get_n_rows (block);

  g_string_append (html, "<table>\n<thead><tr>");
  for (guint c = 0; c < block->n_columns; c++)
    {
      gboolean right = (block->number_columns | block->score_columns) & (1u << c);

      g_string_append_printf (html, "<th%s>", right ? " class=\"num\"" : "");
      append_escaped (html, block->headers[c]);
      g_string_append (html, "</th>");
    }
  g_string_append (html, "</tr></thead>\n<tbody>\n");

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append (html, "<tr>");
      for (guint c = 0; c < block->n_columns; c++)
        {
          TpReportItem *item = tp_report_table_get_cell (block, r, c);
          gboolean badge = (block->score_columns & (1u << c)) && item->score >= TP_SCORE_MIN;
          gboolean right = (block->number_columns | block->score_columns) & (1u << c);

          g_string_append_printf (html, "<td%s>", right ? " class=\"num\"" : "");
          if (badge)
            g_string_append_printf (html, "<span class=\"badge %s\">",
                                    score_class (item->score));
          else if (item->highlight)
            g_string_append (html, "<strong>");
          append_escaped (html, item->text);
          if (badge)
            g_string_append (html, "</span>");
          else if (item->highlight)
            g_string_append (html, "</strong>");
          g_string_append (html, "</td>");
        }
      g_string_append (html, "</tr>\n");
    }
  g_string_append (html, "</tbody>\n</table>\n");
}

static void
append_figures (GString             *html,
                TpReport            *report,
                const TpReportBlock *block)
{
  /* Rows of four, or of three for five or more, like the PDF. */
  g_string_append_printf (html, "<div class=\"figures%s\">\n", block->items->len > 4 ? " n3" : "");
  for (guint i = 0; i < block->items->len; i++)
    {
      TpReportItem *item = g_ptr_array_index (block->items, i);

      g_string_append_printf (html, "<div class=\"figure %s\">",
                              item->score >= TP_SCORE_MIN ? score_class (item->score) : "");
      g_string_append (html, "<div class=\"value\">");
      append_escaped (html, item->text);
      g_string_append (html, "</div><div class=\"what\">");
      append_escaped (html, item->detail);
      g_string_append (html, "</div></div>\n");
    }
  g_string_append (html, "</div>\n");
}

static void
append_cover (GString  *html,
              TpReport *report)
{
  g_string_append (html, "<div class=\"cover\">\n");
  append_element (html, "p", "kicker", _("Customer journey report"));
  append_element (html, "h1", NULL, report->title);
  if (*report->subtitle != '\0')
    append_element (html, "p", "subtitle", report->subtitle);
  g_string_append (html, "</div>\n");
  append_element (html, "p", "facts", report->meta);
  if (*report->description != '\0')
    append_element (html, "p", "description", report->description);
  g_string_append (html, "<p class=\"byline\">");
  append_escaped (html, report->date);
  if (*report->author != '\0')
    {
      g_string_append (html, "<br>");
      append_escaped (html, report->author);
    }
  g_string_append (html, "</p>\n");
}

static void
append_contents (GString  *html,
                 TpReport *report)
{
  g_string_append (html, "<div class=\"toc\">\n");
  append_element (html, "h3", NULL, _("Contents"));
  g_string_append (html, "<ol>\n");
  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      if (block->kind != TP_REPORT_BLOCK_HEADING || block->level != 1)
        continue;
      /* Anchors are our own section nicks, never journey text. */
      g_string_append_printf (html, "<li><a href=\"#%s\">", block->anchor);
      append_escaped (html, block->text);
      g_string_append (html, "</a></li>\n");
    }
  g_string_append (html, "</ol>\n</div>\n");
}

GBytes *
tp_report_html_write (TpReport *report)
{
  GString *html = g_string_new (NULL);
  gboolean in_section = FALSE;
  guint n_pictures = 0;

  g_return_val_if_fail (report != NULL, NULL);

  /* Translators: the language code of your translation, for the HTML report */
  g_string_append_printf (html, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
                          C_("html lang", "en"));
  g_string_append (html, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append_printf (html, "<meta name=\"generator\" content=\"%s\">\n", report->generator);
  append_element (html, "title", NULL, report->title);
  g_string_append_printf (html, "<style>\n%s}\n%s", stylesheet_root, stylesheet);
  append_score_rules (html);
  g_string_append (html, "</style>\n</head>\n<body>\n<div class=\"page\">\n");

  if (report->options.sections & TP_REPORT_SECTION_COVER)
    {
      append_cover (html, report);
      append_contents (html, report);
    }

  for (guint i = 0; i < report->blocks->len; i++)
    {
      TpReportBlock *block = g_ptr_array_index (report->blocks, i);

      switch (block->kind)
        {
        case TP_REPORT_BLOCK_HEADING:
          if (block->level == 1)
            {
              if (in_section)
                g_string_append (html, "</div>\n");
              g_string_append_printf (html, "<div class=\"section\" id=\"%s\">\n", block->anchor);
              in_section = TRUE;
            }
          g_string_append_printf (html, "<h%d", block->level + 1);
          if (block->level > 1 && block->anchor != NULL)
            g_string_append_printf (html, " id=\"%s\"", block->anchor);
          g_string_append_c (html, '>');
          append_escaped (html, block->text);
          g_string_append_printf (html, "</h%d>\n", block->level + 1);
          break;

        case TP_REPORT_BLOCK_PARAGRAPH:
          switch (block->style)
            {
            case TP_REPORT_TEXT_LEAD: append_element (html, "p", "lead", block->text); break;
            case TP_REPORT_TEXT_MUTED: append_element (html, "p", "muted", block->text); break;
            case TP_REPORT_TEXT_QUOTE: append_element (html, "blockquote", NULL, block->text); break;
            case TP_REPORT_TEXT_LABEL: append_element (html, "p", "label", block->text); break;
            case TP_REPORT_TEXT_BODY:
            default: append_element (html, "p", NULL, block->text); break;
            }
          break;

        case TP_REPORT_BLOCK_FIGURES:
          append_figures (html, report, block);
          break;

        case TP_REPORT_BLOCK_TABLE:
          append_table (html, report, block);
          break;

        case TP_REPORT_BLOCK_CHART:
          append_chart (html, block, ++n_pictures);
          break;

        case TP_REPORT_BLOCK_DIAGRAM:
          append_diagram (html, report, ++n_pictures);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  if (in_section)
    g_string_append (html, "</div>\n");

  g_string_append (html, "<div class=\"footer\">");
  append_escaped (html, report->generator);
  g_string_append (html, " · ");
  append_escaped (html, report->date);
  g_string_append (html, "</div>\n</div>\n</body>\n</html>\n");

  return g_string_free_to_bytes (html);
}
