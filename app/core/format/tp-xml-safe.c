/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>

#include "tp-xml-safe.h"

#define READ_CHUNK_SIZE (64 * 1024)
#define UTF8_BOM "\xEF\xBB\xBF"

/* Reading files */

/* Cancellation is the user's choice, not a failure: keep it recognisable. */
static void
propagate_io_error (GError **error,
                    GError  *io_error)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, io_error);
      return;
    }

  g_set_error_literal (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO, io_error->message);
  g_error_free (io_error);
}

static void
set_too_large_error (GError **error,
                     GFile   *file,
                     guint64  size,
                     gsize    max_bytes)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_IEC_UNITS);

  if (size > 0)
    {
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, the others are sizes like "50.0 MiB". */
                   _("“%s” is too large to open (%s; the limit is %s)"),
                   name, actual, limit);
    }
  else
    {
      g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE,
                   /* Translators: the first %s is a file name, the second a size like "32.0 MiB". */
                   _("“%s” is too large to open (more than %s)"),
                   name, limit);
    }
}

GBytes *
tp_file_read_capped (GFile        *file,
                     gsize         max_bytes,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  GError *local_error = NULL;
  guint64 size_hint = 0;
  gsize limit;
  gsize allocated;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      propagate_io_error (error, local_error);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_DIRECTORY:
      {
        g_autofree char *name = g_file_get_parse_name (file);

        g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO,
                     _("“%s” is a folder, not a file"), name);
        return NULL;
      }

    case G_FILE_TYPE_SPECIAL:
      {
        /* Devices and pipes may block or never end. */
        g_autofree char *name = g_file_get_parse_name (file);

        g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_IO,
                     _("“%s” is not a regular file"), name);
        return NULL;
      }

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_REGULAR:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      break;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    {
      goffset size = g_file_info_get_size (info);

      if (size > 0 && (guint64) size > max_bytes)
        {
          set_too_large_error (error, file, size, max_bytes);
          return NULL;
        }
      if (size > 0)
        size_hint = size;
    }

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      propagate_io_error (error, local_error);
      return NULL;
    }

  /* Try one byte more than allowed, to notice a file larger than it said. */
  limit = max_bytes < G_MAXSIZE - 1 ? max_bytes + 1 : G_MAXSIZE - 1;
  allocated = size_hint > 0 ? (gsize) size_hint + 1 : READ_CHUNK_SIZE;
  allocated = MIN (allocated, limit);
  buffer = g_malloc (allocated + 1);

  for (;;)
    {
      gssize n_read;

      if (length == allocated)
        {
          if (allocated == limit)
            break;
          allocated = allocated <= limit / 2 ? MAX (allocated * 2, READ_CHUNK_SIZE) : limit;
          allocated = MIN (allocated, limit);
          buffer = g_realloc (buffer, allocated + 1);
        }

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer + length,
                                    MIN (allocated - length, (gsize) G_MAXSSIZE),
                                    cancellable, &local_error);
      if (n_read < 0)
        {
          propagate_io_error (error, local_error);
          return NULL;
        }
      if (n_read == 0)
        break;
      length += n_read;
    }

  if (length > max_bytes)
    {
      set_too_large_error (error, file, 0, max_bytes);
      return NULL;
    }

  g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);

  if (allocated - length > READ_CHUNK_SIZE)
    buffer = g_realloc (buffer, length + 1);
  buffer[length] = '\0';

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* Positions in the original text */

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Enough for a boundary check: anything that cannot end a name. */
static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == ':' ||
         (guchar) c >= 0x80;
}

/* 1-based line and column of byte @offset. Columns count characters and
 * lines count '\n', as libxml2 does; it also skips a UTF-8 BOM uncounted. */
static void
offset_to_position (const char *data,
                    gsize       length,
                    gsize       offset,
                    int        *line,
                    int        *column)
{
  gsize line_start = 0;
  int l = 1;
  int c = 1;

  offset = MIN (offset, length);

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          if (l < G_MAXINT)
            l++;
          line_start = i + 1;
        }
    }

  if (line_start == 0 && offset >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    line_start = 3;

  for (gsize i = line_start; i < offset; i++)
    {
      if (((guchar) data[i] & 0xC0) != 0x80 && c < G_MAXINT)
        c++;
    }

  *line = l;
  *column = c;
}

/* The last occurrence of @needle that ends at or before @end. */
static gboolean
find_last (const char *data,
           gsize       end,
           const char *needle,
           gsize      *found)
{
  gsize n = strlen (needle);

  if (end < n)
    return FALSE;

  for (gsize i = end - n + 1; i-- > 0;)
    {
      if (memcmp (data + i, needle, n) == 0)
        {
          *found = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The first "<name" in [start, end) that is followed by a non-name character. */
static gboolean
find_start_tag (const char *data,
                gsize       length,
                gsize       start,
                gsize       end,
                const char *name,
                gsize      *found)
{
  gsize n = strlen (name);

  for (gsize i = start; i + 1 + n <= end; i++)
    {
      if (data[i] == '<' &&
          memcmp (data + i + 1, name, n) == 0 &&
          (i + 1 + n == length || !is_name_char (data[i + 1 + n])))
        {
          *found = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The name of @attribute in the start tag at @tag_start, skipping quoted
 * values so that text inside another attribute's value never matches. */
static gboolean
find_attribute (const char *data,
                gsize       length,
                gsize       tag_start,
                const char *attribute,
                gsize      *found)
{
  gsize n = strlen (attribute);
  char quote = 0;

  for (gsize i = tag_start + 1; i < length; i++)
    {
      char c = data[i];

      if (quote != 0)
        {
          if (c == quote)
            quote = 0;
          continue;
        }

      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>' || c == '<')
        return FALSE;
      else if (is_xml_space (c) && n > 0 && i + 1 + n <= length &&
               memcmp (data + i + 1, attribute, n) == 0)
        {
          gsize j = i + 1 + n;

          while (j < length && is_xml_space (data[j]))
            j++;
          if (j < length && data[j] == '=')
            {
              *found = i + 1;
              return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
find_line_start (const char *data,
                 gsize       length,
                 long        line,
                 gsize      *found)
{
  gsize offset = 0;

  for (long l = 1; l < line; l++)
    {
      const char *newline = memchr (data + offset, '\n', length - offset);

      if (newline == NULL)
        return FALSE;
      offset = newline - data + 1;
    }

  *found = offset;
  return TRUE;
}

static void
locate_node (const char *data,
             gsize       length,
             xmlNode    *node,
             const char *attribute,
             int        *line,
             int        *column)
{
  g_autofree char *qname = NULL;
  const char *line_end;
  gsize line_start;
  gsize tag_start;
  gsize offset;
  long line_no;

  if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
    {
      if (attribute == NULL)
        attribute = (const char *) node->name;
      node = node->parent;
    }

  line_no = node != NULL ? xmlGetLineNo (node) : -1;
  *line = line_no > 0 && line_no <= G_MAXINT ? (int) line_no : 1;
  *column = 1;

  if (data == NULL || node == NULL || node->type != XML_ELEMENT_NODE ||
      node->name == NULL || line_no <= 0 ||
      !find_line_start (data, length, line_no, &line_start))
    return;

  line_end = memchr (data + line_start, '\n', length - line_start);

  if (node->ns != NULL && node->ns->prefix != NULL)
    qname = g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  else
    qname = g_strdup ((const char *) node->name);

  if (!find_start_tag (data, length, line_start,
                       line_end != NULL ? (gsize) (line_end - data) : length,
                       qname, &tag_start))
    {
      gsize lt;

      /* libxml2 records the line where a start tag ends. One spanning lines
       * begins at the last '<' before this line, since '<' cannot occur
       * inside a start tag. */
      if (!find_last (data, line_start, "<", &lt) ||
          !find_start_tag (data, length, lt, MIN (length, lt + 1 + strlen (qname)),
                           qname, &tag_start))
        return;
    }

  offset = tag_start;
  if (attribute != NULL)
    {
      gsize attribute_start;

      if (find_attribute (data, length, tag_start, attribute, &attribute_start))
        offset = attribute_start;
    }

  offset_to_position (data, length, offset, line, column);
}

static void
set_positioned_error (GError     **error,
                      TpLoadError  code,
                      const char  *display_name,
                      int          line,
                      int          column,
                      const char  *message)
{
  g_autofree char *text = g_strdup_printf ("%s:%d:%d: %s", display_name, line, column, message);
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_set_error_literal (error, TP_LOAD_ERROR, code, valid);
}

void
tp_xml_set_error_at (GError     **error,
                     TpLoadError  code,
                     const char  *display_name,
                     const char  *data,
                     gsize        length,
                     xmlNode     *node,
                     const char  *attribute,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int line;
  int column;

  g_return_if_fail (display_name != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  locate_node (data, length, node, attribute, &line, &column);
  set_positioned_error (error, code, display_name, line, column, message);
}

/* Parsing */

typedef struct
{
  const char *data;
  gsize       length;
  guint       max_depth;
  guint       depth;

  /* The first problem found; later ones are mostly consequences. */
  gboolean    failed;
  TpLoadError code;
  int         line;
  int         column;
  char       *message;

  startElementNsSAX2Func start_element_ns;
  endElementNsSAX2Func   end_element_ns;
  charactersSAXFunc      characters;
} ParseState;

static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  /* Journey files are self-contained: nothing is ever loaded from elsewhere. */
  return NULL;
}

static gpointer
init_libxml (gpointer data)
{
  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);
#ifdef LIBXML_CATALOG_ENABLED
  xmlCatalogSetDefaults (XML_CATA_ALLOW_NONE);
#endif
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

static void
fail (ParseState  *state,
      TpLoadError  code,
      int          line,
      int          column,
      char        *message)
{
  if (state->failed)
    {
      g_free (message);
      return;
    }

  state->failed = TRUE;
  state->code = code;
  state->line = MAX (line, 1);
  state->column = MAX (column, 1);
  state->message = message;
}

static void
stop_parser (xmlParserCtxt *ctxt)
{
  /* xmlStopParser() alone leaves the document marked well-formed. */
  ctxt->wellFormed = 0;
  xmlStopParser (ctxt);
}

/* Where the construct that starts with @needle and ends at the parser's
 * current position begins; the parser's own position otherwise. */
static void
locate_backwards (ParseState    *state,
                  xmlParserCtxt *ctxt,
                  const char    *needle,
                  int           *line,
                  int           *column)
{
  xmlParserInput *input = ctxt->input;

  /* Without transcoding, libxml2's byte count is an offset into our data. */
  if (input != NULL && (input->buf == NULL || input->buf->encoder == NULL))
    {
      long consumed = xmlByteConsumed (ctxt);
      gsize found;

      if (consumed >= 0 && (gsize) consumed <= state->length &&
          find_last (state->data, consumed, needle, &found))
        {
          offset_to_position (state->data, state->length, found, line, column);
          return;
        }
    }

  *line = input != NULL ? input->line : 1;
  *column = input != NULL ? input->col : 1;
}

static void
refuse_doctype (xmlParserCtxt *ctxt)
{
  ParseState *state = ctxt->_private;
  int line;
  int column;

  locate_backwards (state, ctxt, "<!DOCTYPE", &line, &column);
  fail (state, TP_LOAD_ERROR_FORBIDDEN, line, column,
        g_strdup (_("Document type declarations are not allowed in journey files")));
}

/* SAX callbacks get the parser context as user data (libxml2's default). */

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  /* Called for every DOCTYPE, before its internal subset is parsed: stopping
   * here means no entity is ever declared and no DTD is ever loaded. */
  refuse_doctype (user_data);
  stop_parser (user_data);
}

static void
on_external_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  refuse_doctype (user_data);
  stop_parser (user_data);
}

static void
on_entity_decl (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  refuse_doctype (user_data);
  stop_parser (user_data);
}

static void
on_start_element_ns (void           *user_data,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             nb_namespaces,
                     const xmlChar **namespaces,
                     int             nb_attributes,
                     int             nb_defaulted,
                     const xmlChar **attributes)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  /* Stop before building a deep tree (libxml2's own limit is 256 levels). */
  if (++state->depth > state->max_depth)
    {
      int line;
      int column;

      locate_backwards (state, ctxt, "<", &line, &column);
      fail (state, TP_LOAD_ERROR_TOO_DEEP, line, column,
            g_strdup_printf (_("Elements are nested too deeply (more than %u levels)"),
                             state->max_depth));
      stop_parser (ctxt);
      return;
    }

  state->start_element_ns (user_data, localname, prefix, uri, nb_namespaces,
                           namespaces, nb_attributes, nb_defaulted, attributes);
}

static void
on_end_element_ns (void          *user_data,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (state->depth > 0)
    state->depth--;

  state->end_element_ns (user_data, localname, prefix, uri);
}

static gboolean
has_element_child (xmlNode *node)
{
  for (xmlNode *child = node->last; child != NULL; child = child->prev)
    if (child->type == XML_ELEMENT_NODE)
      return TRUE;
  return FALSE;
}

/* See TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS. */
static gboolean
is_space_between_elements (xmlParserCtxt *ctxt,
                           const xmlChar *text,
                           int            length)
{
  xmlParserInput *input = ctxt->input;
  xmlNode *parent = ctxt->node;
  const xmlChar *next;

  /* Past line 65535 libxml2 takes an element's line from the nodes around
   * it (XML_PARSE_BIG_LINES), so those must all stay. */
  if (parent == NULL || parent->type != XML_ELEMENT_NODE ||
      input == NULL || input->cur == NULL || input->end == NULL ||
      input->line >= 65535)
    return FALSE;

  /* Text before it would be joined with it. */
  if (parent->last != NULL &&
      (parent->last->type == XML_TEXT_NODE || parent->last->type == XML_CDATA_SECTION_NODE))
    return FALSE;

  for (int i = 0; i < length; i++)
    if (!is_xml_space ((char) text[i]))
      return FALSE;

  /* The parser hands over a whole run of whitespace with its position at
   * the markup after it; a run delivered in pieces leaves it elsewhere. A
   * CDATA section after it would be joined with it too. */
  next = input->cur;
  if (input->end - next < 2 || next[0] != '<')
    return FALSE;
  if (next[1] == '/')
    return has_element_child (parent);
  return next[1] != '!' && next[1] != '?';
}

static void
on_characters (void          *user_data,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (is_space_between_elements (ctxt, text, length))
    return;

  state->characters (user_data, text, length);
}

static gboolean
looks_like_xml (const char *data,
                gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    i = 3;
  else if (length >= 2 &&
           (memcmp (data, "\xFE\xFF", 2) == 0 || memcmp (data, "\xFF\xFE", 2) == 0))
    return TRUE; /* UTF-16: leave it to libxml2 */

  while (i < length && is_xml_space (data[i]))
    i++;

  return i < length && data[i] == '<';
}

/* libxml2 often stops a little before the end when data runs out (a
 * keyword that cannot match any more), so "at the very end" is too strict:
 * the document is cut short if nothing after the error closes markup and the
 * root element has not been closed yet. */
static gboolean
looks_truncated (xmlParserCtxt *ctxt)
{
  xmlParserInput *input = ctxt->input;

  if (input == NULL || input->cur == NULL || input->end == NULL ||
      input->cur > input->end ||
      ctxt->instate == XML_PARSER_EOF || ctxt->instate == XML_PARSER_EPILOG)
    return FALSE;

  return memchr (input->cur, '>', input->end - input->cur) == NULL;
}

/* Errors that more data could not have avoided, wherever they happen. */
static gboolean
is_definite_error (const xmlError *xerr)
{
  if (xerr->domain == XML_FROM_NAMESPACE)
    return TRUE;

  switch (xerr->code)
    {
    case XML_ERR_TAG_NAME_MISMATCH:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ATTRIBUTE_REDEFINED:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return TRUE;
    default:
      return FALSE;
    }
}

static char *
clean_libxml_message (const char *message)
{
  g_autofree char *text = g_utf8_make_valid (message != NULL ? message : "", -1);

  /* Some messages span lines ("…\nBytes: 0x…"). */
  g_strdelimit (text, "\r\n\t", ' ');
  g_strstrip (text);

  if (text[0] == '\0')
    return g_strdup (_("The file is not well-formed XML"));

  return g_steal_pointer (&text);
}

static void
handle_error (ParseState    *state,
              xmlParserCtxt *ctxt,
              xmlError      *xerr)
{
  char *message;

  if (xerr == NULL || xerr->level < XML_ERR_ERROR || state->failed)
    return;

  /* A broken DOCTYPE never reaches on_internal_subset(); refuse it all the
   * same. The parser has stopped passing declarations on by now. */
  if (ctxt != NULL && ctxt->inSubset != 0)
    {
      refuse_doctype (ctxt);
      return;
    }

  if (!looks_like_xml (state->data, state->length))
    message = g_strdup (_("This is not an XML file"));
  else if (ctxt != NULL && !is_definite_error (xerr) && looks_truncated (ctxt))
    message = g_strdup (_("The file ends too early (it may be truncated)"));
  else
    message = clean_libxml_message (xerr->message);

  fail (state, TP_LOAD_ERROR_SYNTAX, xerr->line, xerr->int2, message);
}

static void
on_context_error (void     *user_data,
                  xmlError *xerr)
{
  xmlParserCtxt *ctxt = user_data;

  handle_error (ctxt->_private, ctxt, xerr);
}

static void
on_global_error (void     *user_data,
                 xmlError *xerr)
{
  handle_error (user_data, NULL, xerr);
}

static void
ignore_generic_error (void       *user_data,
                      const char *format,
                      ...)
{
}

/* Iterative: a recursive walk could overflow the stack. */
static xmlNode *
find_too_deep (xmlNode *root,
               guint    max_depth)
{
  xmlNode *node = root;
  guint depth = 1;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && depth > max_depth)
        return node;

      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          depth++;
          continue;
        }

      while (node != root && node->next == NULL)
        {
          node = node->parent;
          depth--;
        }
      if (node == root)
        break;
      node = node->next;
    }

  return NULL;
}

static void
check_document (ParseState    *state,
                xmlParserCtxt *ctxt,
                xmlDoc        *doc)
{
  xmlNode *root;
  xmlNode *deep;

  if (doc == NULL || !ctxt->wellFormed || !ctxt->nsWellFormed)
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);

      fail (state, TP_LOAD_ERROR_SYNTAX,
            last != NULL ? last->line : 1, last != NULL ? last->int2 : 1,
            clean_libxml_message (last != NULL ? last->message : NULL));
      return;
    }

  /* Cannot happen with the callbacks above; checked for defence in depth. */
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      fail (state, TP_LOAD_ERROR_FORBIDDEN, 1, 1,
            g_strdup (_("Document type declarations are not allowed in journey files")));
      return;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      fail (state, TP_LOAD_ERROR_SYNTAX, 1, 1, g_strdup (_("This is not an XML file")));
      return;
    }

  deep = find_too_deep (root, state->max_depth);
  if (deep != NULL)
    {
      int line;
      int column;

      locate_node (state->data, state->length, deep, NULL, &line, &column);
      fail (state, TP_LOAD_ERROR_TOO_DEEP, line, column,
            g_strdup_printf (_("Elements are nested too deeply (more than %u levels)"),
                             state->max_depth));
    }
}

static gboolean
has_prefix_at (const char *data,
               gsize       length,
               gsize       at,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return length - at >= n && memcmp (data + at, prefix, n) == 0;
}

/* Skips past @end from @from, or to the end of the data. */
static gsize
skip_past (const char *data,
           gsize       length,
           gsize       from,
           const char *end)
{
  const char *found = g_strstr_len (data + from, length - from, end);

  return found != NULL ? (gsize) (found - data) + strlen (end) : length;
}

/* The first start tag with more than @max attributes, in one pass over the
 * raw text: '=' outside quoted values, between '<' and '>'. Comments, CDATA
 * sections, processing instructions and declarations are skipped; anything
 * malformed ends the scan, for libxml2 to report. */
static gboolean
find_crowded_tag (const char *data,
                  gsize       length,
                  guint       max,
                  gsize      *tag_offset)
{
  gsize i = 0;

  while (i < length)
    {
      const char *open = memchr (data + i, '<', length - i);
      gsize start;
      guint n = 0;

      if (open == NULL)
        return FALSE;
      start = i = (gsize) (open - data);
      if (has_prefix_at (data, length, i, "<!--"))
        i = skip_past (data, length, i + 4, "-->");
      else if (has_prefix_at (data, length, i, "<![CDATA["))
        i = skip_past (data, length, i + 9, "]]>");
      else if (has_prefix_at (data, length, i, "<?"))
        i = skip_past (data, length, i + 2, "?>");
      else if (i + 1 < length && (data[i + 1] == '!' || data[i + 1] == '/'))
        i = skip_past (data, length, i + 1, ">");
      else
        for (i++; i < length && data[i] != '>'; i++)
          {
            if (data[i] == '"' || data[i] == '\'')
              {
                const char *close = memchr (data + i + 1, data[i], length - i - 1);

                if (close == NULL)
                  return FALSE;
                i = (gsize) (close - data);
              }
            else if (data[i] == '<')
              return FALSE;
            else if (data[i] == '=' && ++n > max)
              {
                *tag_offset = start;
                return TRUE;
              }
          }
    }
  return FALSE;
}

xmlDoc *
tp_xml_read_untrusted (const char *data,
                       gsize       length,
                       const char *display_name,
                       guint       max_depth,
                       GError    **error)
{
  return tp_xml_read_untrusted_full (data, length, display_name, max_depth,
                                     TP_XML_READ_DEFAULT, error);
}

xmlDoc *
tp_xml_read_untrusted_full (const char      *data,
                            gsize            length,
                            const char      *display_name,
                            guint            max_depth,
                            TpXmlReadFlags   flags,
                            GError         **error)
{
  ParseState state = { 0, };
  xmlParserCtxt *ctxt;
  xmlDoc *doc;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
  xmlStructuredErrorFunc old_structured;
  void *old_structured_data;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_libxml ();

  if (length > G_MAXINT)
    {
      set_positioned_error (error, TP_LOAD_ERROR_TOO_LARGE, display_name, 1, 1,
                            _("The file is too large to be read"));
      return NULL;
    }

  state.data = data != NULL ? data : "";
  state.length = length;

  {
    gsize offset;

    if (find_crowded_tag (state.data, length, TP_XML_MAX_ATTRIBUTES, &offset))
      {
        int line, column;
        g_autofree char *message = g_strdup_printf (_("A tag has more than %u attributes"),
                                                    (guint) TP_XML_MAX_ATTRIBUTES);

        offset_to_position (state.data, length, offset, &line, &column);
        set_positioned_error (error, TP_LOAD_ERROR_TOO_LARGE, display_name, line, column, message);
        return NULL;
      }
  }
  state.max_depth = max_depth == 0 ? TP_XML_MAX_DEPTH_LIMIT
                                   : MIN (max_depth, TP_XML_MAX_DEPTH_LIMIT);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      set_positioned_error (error, TP_LOAD_ERROR_TOO_LARGE, display_name, 1, 1,
                            _("Not enough memory to read the file"));
      return NULL;
    }

  ctxt->_private = &state;
  /* A context-local handler reports errors to us instead of stderr. */
  ctxt->sax->serror = on_context_error;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->externalSubset = on_external_subset;
  ctxt->sax->entityDecl = on_entity_decl;
  state.start_element_ns = ctxt->sax->startElementNs;
  state.end_element_ns = ctxt->sax->endElementNs;
  ctxt->sax->startElementNs = on_start_element_ns;
  ctxt->sax->endElementNs = on_end_element_ns;
  if (flags & TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS)
    {
      /* Both, so that libxml2 never guesses which whitespace is ignorable:
       * it only does when the two differ. */
      state.characters = ctxt->sax->characters;
      ctxt->sax->characters = on_characters;
      ctxt->sax->ignorableWhitespace = on_characters;
    }

  /* Errors raised outside the context (encodings, memory) go to the
   * per-thread handlers, which print to stderr by default. */
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  old_structured = xmlStructuredError;
  old_structured_data = xmlStructuredErrorContext;
  xmlSetGenericErrorFunc (&state, ignore_generic_error);
  xmlSetStructuredErrorFunc (&state, on_global_error);

  /* Never NOENT, DTDLOAD, DTDATTR, DTDVALID, XINCLUDE, RECOVER or HUGE. */
  doc = xmlCtxtReadMemory (ctxt, state.data, (int) length, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT);

  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  xmlSetStructuredErrorFunc (old_structured_data, old_structured);

  if (!state.failed)
    check_document (&state, ctxt, doc);

  xmlFreeParserCtxt (ctxt);

  if (state.failed)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      set_positioned_error (error, state.code, display_name,
                            state.line, state.column, state.message);
      g_free (state.message);
      return NULL;
    }

  return doc;
}
