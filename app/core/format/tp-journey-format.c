/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "tp-journey-format.h"
#include "tp-journey-private.h"
#include "tp-load-error.h"
#include "tp-xml-safe.h"

/* ---------------------------------------------------------------- writing */

#define X(s) ((const xmlChar *) (s))

/* Escapes as libxml2's writer does (&, <, >, " and carriage returns), in
 * one pass: its own escaping grows the buffer in steps, which made a text
 * of a million quotes take seconds, and minutes under AddressSanitizer. */
static void
write_text_element (xmlTextWriterPtr  writer,
                    const char       *name,
                    const char       *text,
                    gboolean          required)
{
  g_autoptr(GString) escaped = NULL;

  if (!required && (text == NULL || *text == '\0'))
    return;
  if (text == NULL || strpbrk (text, "&<>\"\r") == NULL)
    {
      xmlTextWriterWriteElement (writer, X (name), X (text ? text : ""));
      return;
    }

  escaped = g_string_sized_new (strlen (text) + strlen (text) / 4);
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (escaped, "&amp;"); break;
      case '<': g_string_append (escaped, "&lt;"); break;
      case '>': g_string_append (escaped, "&gt;"); break;
      case '"': g_string_append (escaped, "&quot;"); break;
      case '\r': g_string_append (escaped, "&#13;"); break;
      default: g_string_append_c (escaped, *p); break;
      }
  xmlTextWriterStartElement (writer, X (name));
  xmlTextWriterWriteRawLen (writer, X (escaped->str), (int) escaped->len);
  xmlTextWriterEndElement (writer);
}

static void
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  xmlTextWriterWriteAttribute (writer, X (name), X (value));
}

static void
write_int_attribute (xmlTextWriterPtr  writer,
                     const char       *name,
                     int               value)
{
  char buffer[16];

  g_snprintf (buffer, sizeof buffer, "%d", value);
  write_attribute (writer, name, buffer);
}

static void
write_enum_attribute (xmlTextWriterPtr  writer,
                      const char       *name,
                      GType             enum_type,
                      int               value)
{
  write_attribute (writer, name, tp_enum_to_nick (enum_type, value));
}

static void
write_evidence (xmlTextWriterPtr writer,
                TpEvidence       evidence,
                int              respondents)
{
  if (evidence != TP_EVIDENCE_NONE)
    write_enum_attribute (writer, "evidence", TP_TYPE_EVIDENCE, evidence);
  if (respondents > 0)
    write_int_attribute (writer, "respondents", respondents);
}

static void
write_stages (xmlTextWriterPtr  writer,
              TpJourney        *journey)
{
  GListModel *list = tp_journey_get_stages (journey);

  xmlTextWriterStartElement (writer, X ("stages"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpStage) stage = g_list_model_get_item (list, i);

      xmlTextWriterStartElement (writer, X ("stage"));
      write_attribute (writer, "id", tp_element_get_id (TP_ELEMENT (stage)));
      write_text_element (writer, "name", tp_stage_get_name (stage), TRUE);
      write_text_element (writer, "description", tp_stage_get_description (stage), FALSE);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterFullEndElement (writer);
}

static void
write_lanes (xmlTextWriterPtr  writer,
             TpJourney        *journey)
{
  GListModel *list = tp_journey_get_lanes (journey);

  xmlTextWriterStartElement (writer, X ("lanes"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpLane) lane = g_list_model_get_item (list, i);

      xmlTextWriterStartElement (writer, X ("lane"));
      write_attribute (writer, "id", tp_element_get_id (TP_ELEMENT (lane)));
      write_enum_attribute (writer, "kind", TP_TYPE_LANE_KIND, tp_lane_get_kind (lane));
      write_text_element (writer, "name", tp_lane_get_name (lane), TRUE);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterFullEndElement (writer);
}

static void
write_touchpoints (xmlTextWriterPtr  writer,
                   TpJourney        *journey)
{
  GListModel *list = tp_journey_get_touchpoints (journey);

  xmlTextWriterStartElement (writer, X ("touchpoints"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpTouchpoint) tp = g_list_model_get_item (list, i);

      TpCardKind kind = tp_touchpoint_get_kind (tp);

      xmlTextWriterStartElement (writer, X ("touchpoint"));
      write_attribute (writer, "id", tp_element_get_id (TP_ELEMENT (tp)));
      if (kind != TP_CARD_KIND_TOUCHPOINT)
        write_enum_attribute (writer, "kind", TP_TYPE_CARD_KIND, kind);
      write_attribute (writer, "stage", tp_touchpoint_get_stage_id (tp));
      write_attribute (writer, "lane", tp_touchpoint_get_lane_id (tp));
      /* An action or thought keeps a channel only when it has one. */
      if (kind == TP_CARD_KIND_TOUCHPOINT || tp_touchpoint_get_channel (tp) != TP_CHANNEL_OTHER)
        write_enum_attribute (writer, "channel", TP_TYPE_CHANNEL, tp_touchpoint_get_channel (tp));
      if (tp_touchpoint_get_score (tp) != TP_SCORE_UNSET)
        write_int_attribute (writer, "score", tp_touchpoint_get_score (tp));
      if (tp_touchpoint_get_moment_of_truth (tp))
        write_attribute (writer, "moment-of-truth", "true");
      write_evidence (writer, tp_touchpoint_get_evidence (tp), tp_touchpoint_get_respondents (tp));
      write_text_element (writer, "title", tp_touchpoint_get_title (tp), TRUE);
      write_text_element (writer, "description", tp_touchpoint_get_description (tp), FALSE);
      write_text_element (writer, "department", tp_touchpoint_get_department (tp), FALSE);
      write_text_element (writer, "role", tp_touchpoint_get_role (tp), FALSE);
      write_text_element (writer, "quote", tp_touchpoint_get_quote (tp), FALSE);
      write_text_element (writer, "notes", tp_touchpoint_get_notes (tp), FALSE);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterFullEndElement (writer);
}

static void
write_employee_notes (xmlTextWriterPtr  writer,
                      TpJourney        *journey)
{
  GListModel *list = tp_journey_get_employee_notes (journey);

  xmlTextWriterStartElement (writer, X ("employee-notes"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpEmployeeNote) note = g_list_model_get_item (list, i);
      const char *touchpoint_id = tp_employee_note_get_touchpoint_id (note);

      xmlTextWriterStartElement (writer, X ("employee-note"));
      write_attribute (writer, "id", tp_element_get_id (TP_ELEMENT (note)));
      write_enum_attribute (writer, "kind", TP_TYPE_NOTE_KIND, tp_employee_note_get_kind (note));
      if (*touchpoint_id != '\0')
        write_attribute (writer, "touchpoint", touchpoint_id);
      else
        write_attribute (writer, "stage", tp_employee_note_get_stage_id (note));
      if (tp_employee_note_get_kind (note) == TP_NOTE_KIND_BLOCKER)
        write_int_attribute (writer, "severity", tp_employee_note_get_severity (note));
      else if (tp_employee_note_get_strength (note) > 0)
        write_int_attribute (writer, "strength", tp_employee_note_get_strength (note));
      if (tp_employee_note_get_score (note) != TP_SCORE_UNSET)
        write_int_attribute (writer, "score", tp_employee_note_get_score (note));
      write_evidence (writer, tp_employee_note_get_evidence (note), tp_employee_note_get_respondents (note));
      write_text_element (writer, "role", tp_employee_note_get_role (note), FALSE);
      write_text_element (writer, "department", tp_employee_note_get_department (note), FALSE);
      write_text_element (writer, "caused-by", tp_employee_note_get_caused_by (note), FALSE);
      write_text_element (writer, "text", tp_employee_note_get_text (note), TRUE);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterFullEndElement (writer);
}

static void
write_opportunities (xmlTextWriterPtr  writer,
                     TpJourney        *journey)
{
  GListModel *list = tp_journey_get_opportunities (journey);

  xmlTextWriterStartElement (writer, X ("opportunities"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TpOpportunity) opportunity = g_list_model_get_item (list, i);
      const char *touchpoint_id = tp_opportunity_get_touchpoint_id (opportunity);
      const char *stage_id = tp_opportunity_get_stage_id (opportunity);

      xmlTextWriterStartElement (writer, X ("opportunity"));
      write_attribute (writer, "id", tp_element_get_id (TP_ELEMENT (opportunity)));
      if (*touchpoint_id != '\0')
        write_attribute (writer, "touchpoint", touchpoint_id);
      else if (*stage_id != '\0')
        write_attribute (writer, "stage", stage_id);
      if (tp_opportunity_get_status (opportunity) != TP_OPPORTUNITY_STATUS_IDEA)
        write_enum_attribute (writer, "status", TP_TYPE_OPPORTUNITY_STATUS,
                              tp_opportunity_get_status (opportunity));
      if (tp_opportunity_get_impact (opportunity) > 0)
        write_int_attribute (writer, "impact", tp_opportunity_get_impact (opportunity));
      if (tp_opportunity_get_effort (opportunity) > 0)
        write_int_attribute (writer, "effort", tp_opportunity_get_effort (opportunity));
      if (*tp_opportunity_get_due (opportunity) != '\0')
        write_attribute (writer, "due", tp_opportunity_get_due (opportunity));
      write_text_element (writer, "text", tp_opportunity_get_text (opportunity), TRUE);
      write_text_element (writer, "owner", tp_opportunity_get_owner (opportunity), FALSE);
      write_text_element (writer, "department", tp_opportunity_get_department (opportunity), FALSE);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterFullEndElement (writer);
}

static gboolean
has_persona (TpJourney *journey)
{
  return *tp_journey_get_persona_name (journey) != '\0'
         || *tp_journey_get_persona_segment (journey) != '\0'
         || *tp_journey_get_persona_description (journey) != '\0'
         || *tp_journey_get_persona_goals (journey) != '\0'
         || *tp_journey_get_persona_frustrations (journey) != '\0';
}

GBytes *
tp_journey_format_write (TpJourney *journey)
{
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  GBytes *bytes;

  g_return_val_if_fail (TP_IS_JOURNEY (journey), NULL);

  buffer = xmlBufferCreate ();
  /* libxml2 2.9 grows buffers to the exact size by default: quadratic
   * copying for large journeys. */
  xmlBufferSetAllocationScheme (buffer, XML_BUFFER_ALLOC_DOUBLEIT);
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, X ("  "));

  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, X ("journey"));
  write_attribute (writer, "xmlns", TP_JOURNEY_NAMESPACE);
  write_int_attribute (writer, "version", TP_JOURNEY_FORMAT_VERSION);
  write_enum_attribute (writer, "scope", TP_TYPE_SCOPE, tp_journey_get_scope (journey));
  write_enum_attribute (writer, "state", TP_TYPE_JOURNEY_STATE, tp_journey_get_state (journey));
  write_int_attribute (writer, "good-enough", tp_journey_get_good_enough (journey));
  write_int_attribute (writer, "moment-target", tp_journey_get_moment_target (journey));
  if (*tp_journey_get_language (journey) != '\0')
    write_attribute (writer, "language", tp_journey_get_language (journey));

  write_text_element (writer, "title", tp_journey_get_title (journey), TRUE);
  write_text_element (writer, "author", tp_journey_get_author (journey), FALSE);
  write_text_element (writer, "description", tp_journey_get_description (journey), FALSE);

  if (has_persona (journey))
    {
      xmlTextWriterStartElement (writer, X ("persona"));
      if (*tp_journey_get_persona_name (journey) != '\0')
        write_attribute (writer, "name", tp_journey_get_persona_name (journey));
      if (*tp_journey_get_persona_segment (journey) != '\0')
        write_attribute (writer, "segment", tp_journey_get_persona_segment (journey));
      write_text_element (writer, "description", tp_journey_get_persona_description (journey), FALSE);
      write_text_element (writer, "goals", tp_journey_get_persona_goals (journey), FALSE);
      write_text_element (writer, "frustrations", tp_journey_get_persona_frustrations (journey), FALSE);
      xmlTextWriterEndElement (writer);
    }

  write_stages (writer, journey);
  write_lanes (writer, journey);
  write_touchpoints (writer, journey);
  write_employee_notes (writer, journey);
  write_opportunities (writer, journey);

  xmlTextWriterEndElement (writer);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* ---------------------------------------------------------------- reading */

typedef struct
{
  const char *data;
  gsize length;
  const char *display_name;
  TpJourney *journey;
  guint version;
} Reader;

#define FAIL_AT(reader, error, node, attribute, ...) \
  (tp_xml_set_error_at ((error), TP_LOAD_ERROR_INVALID, (reader)->display_name, \
                        (reader)->data, (reader)->length, (node), (attribute), __VA_ARGS__), FALSE)

static gboolean
is_blank (const xmlChar *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The next element sibling from @node on (inclusive), skipping blanks and
 * comments; FALSE on stray text. */
static gboolean
next_element (Reader   *reader,
              xmlNode  *node,
              xmlNode **out,
              GError  **error)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE)
        break;
      if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
          && !is_blank (node->content))
        return FAIL_AT (reader, error, node, NULL,
                        _("Unexpected text inside <%s>"), (const char *) node->parent->name);
      if (node->type == XML_ENTITY_REF_NODE)
        return FAIL_AT (reader, error, node->parent, NULL, _("Entities are not allowed"));
    }

  *out = node;
  return TRUE;
}

static gboolean
in_namespace (xmlNode *node)
{
  return node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, TP_JOURNEY_NAMESPACE) == 0;
}

static gboolean
node_is (xmlNode    *node,
         const char *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && in_namespace (node)
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

/* Only attributes from @allowed (NULL-terminated), without namespace. */
static gboolean
check_attributes (Reader      *reader,
                  xmlNode     *node,
                  const char **allowed,
                  GError     **error)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (attr->ns == NULL && g_strv_contains (allowed, (const char *) attr->name))
        continue;
      return FAIL_AT (reader, error, node, (const char *) attr->name,
                      _("Unknown attribute “%s” on <%s>"),
                      (const char *) attr->name, (const char *) node->name);
    }
  return TRUE;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlAttr *attr = xmlHasNsProp (node, X (name), NULL);
  xmlChar *value;
  char *copy;

  /* The usual single text node: copy its text once rather than twice. */
  if (attr != NULL && attr->type == XML_ATTRIBUTE_NODE && attr->children != NULL
      && attr->children->next == NULL && attr->children->type == XML_TEXT_NODE
      && attr->children->content != NULL)
    return g_strdup ((const char *) attr->children->content);

  value = xmlGetNoNsProp (node, X (name));
  copy = value ? g_strdup ((const char *) value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
require_attribute (Reader      *reader,
                   xmlNode     *node,
                   const char  *name,
                   char       **value,
                   GError     **error)
{
  *value = get_attribute (node, name);
  if (*value != NULL)
    return TRUE;
  return FAIL_AT (reader, error, node, NULL,
                  _("<%s> lacks the attribute “%s”"), (const char *) node->name, name);
}

/* Reads an optional integer attribute within [min, max]; keeps *value when absent. */
static gboolean
read_int_attribute (Reader     *reader,
                    xmlNode    *node,
                    const char *name,
                    int         min,
                    int         max,
                    int        *value,
                    GError    **error)
{
  g_autofree char *text = get_attribute (node, name);
  guint64 number;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    return FAIL_AT (reader, error, node, name,
                    _("The %s “%s” is not a whole number from %d to %d"), name, text, min, max);

  *value = (int) number;
  return TRUE;
}

static gboolean
read_enum_attribute (Reader     *reader,
                     xmlNode    *node,
                     const char *name,
                     GType       enum_type,
                     int        *value,
                     GError    **error)
{
  g_autofree char *text = NULL;

  if (!require_attribute (reader, node, name, &text, error))
    return FALSE;
  if (!tp_enum_from_nick (enum_type, text, value))
    return FAIL_AT (reader, error, node, name, _("Unknown %s “%s”"), name, text);
  return TRUE;
}

/* Reads an optional enum attribute; keeps *value when absent. */
static gboolean
read_optional_enum_attribute (Reader     *reader,
                              xmlNode    *node,
                              const char *name,
                              GType       enum_type,
                              int        *value,
                              GError    **error)
{
  g_autofree char *text = get_attribute (node, name);

  if (text == NULL)
    return TRUE;
  if (!tp_enum_from_nick (enum_type, text, value))
    return FAIL_AT (reader, error, node, name, _("Unknown %s “%s”"), name, text);
  return TRUE;
}

/* Properties gathered for one g_object_new_with_properties() or
 * g_object_setv() call: one call costs far less than one per property. */
#define MAX_PROPS 20

typedef struct
{
  guint n;
  const char *names[MAX_PROPS];
  GValue values[MAX_PROPS];
} Props;

static GValue *
props_add (Props      *props,
           const char *name,
           GType       type)
{
  g_assert (props->n < MAX_PROPS);
  props->names[props->n] = name;
  return g_value_init (&props->values[props->n++], type);
}

/* @text must outlive the props: it is not copied. */
static void
props_add_static_string (Props      *props,
                         const char *name,
                         const char *text)
{
  g_value_set_static_string (props_add (props, name, G_TYPE_STRING), text);
}

static void
props_add_string (Props      *props,
                  const char *name,
                  const char *text)
{
  g_value_set_string (props_add (props, name, G_TYPE_STRING), text);
}

static void
props_add_int (Props      *props,
               const char *name,
               int         value)
{
  g_value_set_int (props_add (props, name, G_TYPE_INT), value);
}

static void
props_add_enum (Props      *props,
                const char *name,
                GType       type,
                int         value)
{
  g_value_set_enum (props_add (props, name, type), value);
}

static void
props_clear (Props *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Props, props_clear)

static gpointer
props_new_object (Props *props,
                  GType  type)
{
  return g_object_new_with_properties (type, props->n, props->names, props->values);
}

/* Whether the text nodes under one element stay within
 * TP_JOURNEY_MAX_TEXT_LENGTH bytes together. */
static gboolean
text_within_limit (xmlNode *child)
{
  gsize total = 0;

  for (; child != NULL; child = child->next)
    if (child->content != NULL && (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE))
      {
        total += strlen ((const char *) child->content);
        if (total > TP_JOURNEY_MAX_TEXT_LENGTH)
          return FALSE;
      }
  return TRUE;
}

/* A text-only child element, added to @props as @property. */
static gboolean
read_text (Reader     *reader,
           xmlNode    *node,
           Props      *props,
           const char *property,
           GError    **error)
{
  xmlNode *child = node->children;

  /* Comments and processing instructions are no part of the text (the
   * schema ignores them too). */
  for (; child != NULL; child = child->next)
    if (child->type != XML_TEXT_NODE && child->type != XML_CDATA_SECTION_NODE
        && child->type != XML_COMMENT_NODE && child->type != XML_PI_NODE)
      return FAIL_AT (reader, error, node, NULL,
                      _("<%s> may only contain text"), (const char *) node->name);

  if (node->properties != NULL)
    return FAIL_AT (reader, error, node, (const char *) node->properties->name,
                    _("Unknown attribute “%s” on <%s>"),
                    (const char *) node->properties->name, (const char *) node->name);

  child = node->children;
  if (child != NULL && !text_within_limit (child))
    {
      g_autofree char *limit = g_format_size_full (TP_JOURNEY_MAX_TEXT_LENGTH, G_FORMAT_SIZE_IEC_UNITS);

      return FAIL_AT (reader, error, node, NULL,
                      _("The text of <%s> is longer than Touchpoint accepts (%s)"),
                      (const char *) node->name, limit);
    }
  if (child == NULL)
    props_add_static_string (props, property, "");
  else if (child->next == NULL && child->type == XML_TEXT_NODE && child->content != NULL)
    /* The usual case: borrow the text from the document, which outlives @props. */
    props_add_static_string (props, property, (const char *) child->content);
  else
    {
      xmlChar *content = xmlNodeGetContent (node);

      props_add_string (props, property, content ? (const char *) content : "");
      xmlFree (content);
    }

  return TRUE;
}

/* Reads the text children of @node into @props. @fields maps
 * element names to property names, in the order they must appear; entries
 * marked required must be present. */
typedef struct
{
  const char *element;
  const char *property;
  gboolean required;
} TextField;

static gboolean
read_text_fields (Reader          *reader,
                  xmlNode         *node,
                  Props           *props,
                  const TextField *fields,
                  guint            n_fields,
                  GError         **error)
{
  xmlNode *child;
  guint next_field = 0;

  if (!next_element (reader, node->children, &child, error))
    return FALSE;

  while (child != NULL)
    {
      guint f;

      for (f = next_field; f < n_fields; f++)
        if (node_is (child, fields[f].element))
          break;

      if (f == n_fields)
        {
          for (guint earlier = 0; earlier < next_field; earlier++)
            if (node_is (child, fields[earlier].element))
              return FAIL_AT (reader, error, child, NULL,
                              _("<%s> is repeated or out of order in <%s>"),
                              (const char *) child->name, (const char *) node->name);
          return FAIL_AT (reader, error, child, NULL, _("Unexpected element <%s> in <%s>"),
                          (const char *) child->name, (const char *) node->name);
        }

      for (guint missing = next_field; missing < f; missing++)
        if (fields[missing].required)
          return FAIL_AT (reader, error, node, NULL, _("<%s> lacks <%s>"),
                          (const char *) node->name, fields[missing].element);

      if (!read_text (reader, child, props, fields[f].property, error))
        return FALSE;

      next_field = f + 1;
      if (!next_element (reader, child->next, &child, error))
        return FALSE;
    }

  for (guint missing = next_field; missing < n_fields; missing++)
    if (fields[missing].required)
      return FAIL_AT (reader, error, node, NULL, _("<%s> lacks <%s>"),
                      (const char *) node->name, fields[missing].element);

  return TRUE;
}

static gboolean
add_element (Reader    *reader,
             xmlNode   *node,
             TpElement *element,
             GError   **error)
{
  g_autoptr(GError) local_error = NULL;

  if (tp_journey_insert (reader->journey, element, G_MAXUINT, &local_error))
    return TRUE;

  return FAIL_AT (reader, error, node, NULL, "%s", local_error->message);
}

static gboolean
read_id (Reader   *reader,
         xmlNode  *node,
         char    **id,
         GError  **error)
{
  if (!require_attribute (reader, node, "id", id, error))
    return FALSE;

  if (**id == '\0' || !(g_ascii_isalpha (**id) || **id == '_'))
    return FAIL_AT (reader, error, node, "id", _("The id “%s” is not valid"), *id);

  for (const char *p = *id; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.'))
      return FAIL_AT (reader, error, node, "id", _("The id “%s” is not valid"), *id);

  return TRUE;
}

/* Reads the items of a list element such as <stages>, each an <item_name>. */
typedef gboolean (*ReadItemFunc) (Reader  *reader,
                                  xmlNode *node,
                                  GError **error);

static gboolean
read_list (Reader       *reader,
           xmlNode      *list,
           const char   *item_name,
           ReadItemFunc  read_item,
           GError      **error)
{
  xmlNode *child, *done;

  if (list->properties != NULL)
    return FAIL_AT (reader, error, list, (const char *) list->properties->name,
                    _("Unknown attribute “%s” on <%s>"),
                    (const char *) list->properties->name, (const char *) list->name);

  if (!next_element (reader, list->children, &child, error))
    return FALSE;

  while (child != NULL)
    {
      if (!node_is (child, item_name))
        return FAIL_AT (reader, error, child, NULL, _("Unexpected element <%s> in <%s>"),
                        (const char *) child->name, (const char *) list->name);
      if (!read_item (reader, child, error))
        return FALSE;
      done = child;
      if (!next_element (reader, child->next, &child, error))
        return FALSE;
      /* Done with it: freed now, while still in cache, it costs much less
       * than with the whole document at the end, and its memory is reused. */
      xmlUnlinkNode (done);
      xmlFreeNode (done);
    }

  return TRUE;
}

static gboolean
read_stage (Reader  *reader,
            xmlNode *node,
            GError **error)
{
  static const char *attributes[] = { "id", NULL };
  static const TextField fields[] = {
    { "name", "name", TRUE },
    { "description", "description", FALSE },
  };
  g_autofree char *id = NULL;
  g_auto(Props) props = { 0, };
  g_autoptr(TpStage) stage = NULL;

  if (!check_attributes (reader, node, attributes, error) || !read_id (reader, node, &id, error))
    return FALSE;

  props_add_static_string (&props, "id", id);
  if (!read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  stage = props_new_object (&props, TP_TYPE_STAGE);
  return add_element (reader, node, TP_ELEMENT (stage), error);
}

static gboolean
read_lane (Reader  *reader,
           xmlNode *node,
           GError **error)
{
  static const char *attributes[] = { "id", "kind", NULL };
  static const TextField fields[] = {
    { "name", "name", TRUE },
  };
  g_autofree char *id = NULL;
  g_auto(Props) props = { 0, };
  g_autoptr(TpLane) lane = NULL;
  int kind;

  if (!check_attributes (reader, node, attributes, error)
      || !read_id (reader, node, &id, error)
      || !read_enum_attribute (reader, node, "kind", TP_TYPE_LANE_KIND, &kind, error))
    return FALSE;

  props_add_static_string (&props, "id", id);
  props_add_enum (&props, "kind", TP_TYPE_LANE_KIND, kind);
  if (!read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  lane = props_new_object (&props, TP_TYPE_LANE);
  return add_element (reader, node, TP_ELEMENT (lane), error);
}

static gboolean
read_reference (Reader     *reader,
                xmlNode    *node,
                const char *attribute,
                GType       target_type,
                gboolean    required,
                char      **id,
                GError    **error)
{
  TpElement *target;

  *id = get_attribute (node, attribute);
  if (*id == NULL)
    {
      if (!required)
        return TRUE;
      return FAIL_AT (reader, error, node, NULL,
                      _("<%s> lacks the attribute “%s”"), (const char *) node->name, attribute);
    }

  target = tp_journey_lookup (reader->journey, *id);
  if (target == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (target, target_type))
    return FAIL_AT (reader, error, node, attribute,
                    _("The %s “%s” does not exist"), attribute, *id);
  return TRUE;
}

/* Evidence and respondents, on touchpoints and employee notes. */
static gboolean
read_evidence (Reader  *reader,
               xmlNode *node,
               Props   *props,
               GError **error)
{
  int evidence = TP_EVIDENCE_NONE;
  int respondents = 0;

  if (!read_optional_enum_attribute (reader, node, "evidence", TP_TYPE_EVIDENCE, &evidence, error)
      || !read_int_attribute (reader, node, "respondents", 1, TP_RESPONDENTS_MAX, &respondents, error))
    return FALSE;
  props_add_enum (props, "evidence", TP_TYPE_EVIDENCE, evidence);
  props_add_int (props, "respondents", respondents);
  return TRUE;
}

/* A card without a kind: in version 1 the kind its lane holds (customer
 * actions and thoughts were cards in their lanes), from version 2 on a
 * touchpoint. */
static int
default_card_kind (Reader     *reader,
                   const char *lane_id)
{
  TpLane *lane;

  if (reader->version >= 2)
    return TP_CARD_KIND_TOUCHPOINT;
  lane = tp_journey_lookup_lane (reader->journey, lane_id);
  return lane != NULL ? (int) tp_lane_kind_get_card_kind (tp_lane_get_kind (lane))
                      : TP_CARD_KIND_TOUCHPOINT;
}

static gboolean
read_touchpoint (Reader  *reader,
                 xmlNode *node,
                 GError **error)
{
  static const char *attributes[] = { "id", "kind", "stage", "lane", "channel", "score",
                                      "moment-of-truth", "evidence", "respondents", NULL };
  static const TextField fields[] = {
    { "title", "title", TRUE },
    { "description", "description", FALSE },
    { "department", "department", FALSE },
    { "role", "role", FALSE },
    { "quote", "quote", FALSE },
    { "notes", "notes", FALSE },
  };
  g_autofree char *id = NULL;
  g_autofree char *stage_id = NULL;
  g_autofree char *lane_id = NULL;
  g_autofree char *moment = NULL;
  g_auto(Props) props = { 0, };
  g_autoptr(TpTouchpoint) tp = NULL;
  int kind;
  int channel = TP_CHANNEL_OTHER;
  int score = TP_SCORE_UNSET;

  if (!check_attributes (reader, node, attributes, error)
      || !read_id (reader, node, &id, error)
      || !read_reference (reader, node, "stage", TP_TYPE_STAGE, TRUE, &stage_id, error)
      || !read_reference (reader, node, "lane", TP_TYPE_LANE, TRUE, &lane_id, error))
    return FALSE;

  kind = default_card_kind (reader, lane_id);
  if (!read_optional_enum_attribute (reader, node, "kind", TP_TYPE_CARD_KIND, &kind, error)
      || !read_optional_enum_attribute (reader, node, "channel", TP_TYPE_CHANNEL, &channel, error)
      || !read_int_attribute (reader, node, "score", TP_SCORE_MIN, TP_SCORE_MAX, &score, error))
    return FALSE;

  moment = get_attribute (node, "moment-of-truth");
  if (moment != NULL && !g_str_equal (moment, "true") && !g_str_equal (moment, "false"))
    return FAIL_AT (reader, error, node, "moment-of-truth",
                    _("moment-of-truth must be “true” or “false”, not “%s”"), moment);

  props_add_static_string (&props, "id", id);
  props_add_enum (&props, "kind", TP_TYPE_CARD_KIND, kind);
  props_add_static_string (&props, "stage-id", stage_id);
  props_add_static_string (&props, "lane-id", lane_id);
  props_add_enum (&props, "channel", TP_TYPE_CHANNEL, channel);
  props_add_int (&props, "score", score);
  g_value_set_boolean (props_add (&props, "moment-of-truth", G_TYPE_BOOLEAN),
                       moment != NULL && g_str_equal (moment, "true"));
  if (!read_evidence (reader, node, &props, error)
      || !read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  tp = props_new_object (&props, TP_TYPE_TOUCHPOINT);
  return add_element (reader, node, TP_ELEMENT (tp), error);
}

static gboolean
read_employee_note (Reader  *reader,
                    xmlNode *node,
                    GError **error)
{
  static const char *attributes[] = { "id", "kind", "touchpoint", "stage", "severity", "strength",
                                      "score", "evidence", "respondents", NULL };
  static const TextField fields[] = {
    { "role", "role", FALSE },
    { "department", "department", FALSE },
    { "caused-by", "caused-by", FALSE },
    { "text", "text", TRUE },
  };
  g_autofree char *id = NULL;
  g_autofree char *touchpoint_id = NULL;
  g_autofree char *stage_id = NULL;
  g_auto(Props) props = { 0, };
  g_autoptr(TpEmployeeNote) note = NULL;
  int kind;
  int severity = TP_SEVERITY_DEFAULT;
  int strength = 0;
  int score = TP_SCORE_UNSET;

  if (!check_attributes (reader, node, attributes, error)
      || !read_id (reader, node, &id, error)
      || !read_enum_attribute (reader, node, "kind", TP_TYPE_NOTE_KIND, &kind, error)
      || !read_reference (reader, node, "touchpoint", TP_TYPE_TOUCHPOINT, FALSE, &touchpoint_id, error)
      || !read_reference (reader, node, "stage", TP_TYPE_STAGE, FALSE, &stage_id, error)
      || !read_int_attribute (reader, node, "severity", TP_SEVERITY_MIN, TP_SEVERITY_MAX, &severity, error)
      || !read_int_attribute (reader, node, "strength", 1, TP_STRENGTH_MAX, &strength, error)
      || !read_int_attribute (reader, node, "score", TP_SCORE_MIN, TP_SCORE_MAX, &score, error))
    return FALSE;

  if ((touchpoint_id == NULL) == (stage_id == NULL))
    return FAIL_AT (reader, error, node, NULL,
                    _("An employee note needs exactly one of the attributes “touchpoint” or “stage”"));

  /* Version 1 gave enablers a severity that meant nothing: drop it. */
  if (kind == TP_NOTE_KIND_ENABLER)
    severity = TP_SEVERITY_DEFAULT;

  props_add_static_string (&props, "id", id);
  props_add_enum (&props, "kind", TP_TYPE_NOTE_KIND, kind);
  props_add_static_string (&props, "touchpoint-id", touchpoint_id);
  props_add_static_string (&props, "stage-id", stage_id);
  props_add_int (&props, "severity", severity);
  props_add_int (&props, "strength", strength);
  props_add_int (&props, "score", score);
  if (!read_evidence (reader, node, &props, error)
      || !read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  note = props_new_object (&props, TP_TYPE_EMPLOYEE_NOTE);
  return add_element (reader, node, TP_ELEMENT (note), error);
}

static gboolean
read_opportunity (Reader  *reader,
                  xmlNode *node,
                  GError **error)
{
  static const char *attributes[] = { "id", "touchpoint", "stage", "status", "impact", "effort",
                                      "due", NULL };
  static const TextField fields[] = {
    { "text", "text", TRUE },
    { "owner", "owner", FALSE },
    { "department", "department", FALSE },
  };
  g_autofree char *id = NULL;
  g_autofree char *touchpoint_id = NULL;
  g_autofree char *stage_id = NULL;
  g_autofree char *due = NULL;
  g_auto(Props) props = { 0, };
  g_autoptr(TpOpportunity) opportunity = NULL;
  int status = TP_OPPORTUNITY_STATUS_IDEA;
  int impact = 0, effort = 0;

  if (!check_attributes (reader, node, attributes, error)
      || !read_id (reader, node, &id, error)
      || !read_reference (reader, node, "touchpoint", TP_TYPE_TOUCHPOINT, FALSE, &touchpoint_id, error)
      || !read_reference (reader, node, "stage", TP_TYPE_STAGE, FALSE, &stage_id, error)
      || !read_optional_enum_attribute (reader, node, "status", TP_TYPE_OPPORTUNITY_STATUS, &status, error)
      || !read_int_attribute (reader, node, "impact", 1, TP_RATING_MAX, &impact, error)
      || !read_int_attribute (reader, node, "effort", 1, TP_RATING_MAX, &effort, error))
    return FALSE;

  if (touchpoint_id != NULL && stage_id != NULL)
    return FAIL_AT (reader, error, node, NULL,
                    _("An opportunity belongs to a touchpoint or a stage, not to both"));

  due = get_attribute (node, "due");
  if (due != NULL && (*due == '\0' || !tp_date_is_valid (due)))
    return FAIL_AT (reader, error, node, "due",
                    _("The due date “%s” is not a date written as year-month-day (2027-03-31)"), due);

  props_add_static_string (&props, "id", id);
  props_add_static_string (&props, "touchpoint-id", touchpoint_id);
  props_add_static_string (&props, "stage-id", stage_id);
  props_add_enum (&props, "status", TP_TYPE_OPPORTUNITY_STATUS, status);
  props_add_int (&props, "impact", impact);
  props_add_int (&props, "effort", effort);
  props_add_static_string (&props, "due", due);
  if (!read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  opportunity = props_new_object (&props, TP_TYPE_OPPORTUNITY);
  return add_element (reader, node, TP_ELEMENT (opportunity), error);
}

static gboolean
read_persona (Reader  *reader,
              xmlNode *node,
              GError **error)
{
  static const char *attributes[] = { "name", "segment", NULL };
  static const TextField fields[] = {
    { "description", "persona-description", FALSE },
    { "goals", "persona-goals", FALSE },
    { "frustrations", "persona-frustrations", FALSE },
  };
  g_autofree char *name = NULL;
  g_autofree char *segment = NULL;
  g_auto(Props) props = { 0, };

  if (!check_attributes (reader, node, attributes, error))
    return FALSE;

  name = get_attribute (node, "name");
  segment = get_attribute (node, "segment");
  props_add_static_string (&props, "persona-name", name);
  props_add_static_string (&props, "persona-segment", segment);
  if (!read_text_fields (reader, node, &props, fields, G_N_ELEMENTS (fields), error))
    return FALSE;

  g_object_setv (G_OBJECT (reader->journey), props.n, props.names, props.values);
  return TRUE;
}

/* The root's children, in their fixed order. */
typedef enum {
  PART_TITLE,
  PART_AUTHOR,
  PART_DESCRIPTION,
  PART_PERSONA,
  PART_STAGES,
  PART_LANES,
  PART_TOUCHPOINTS,
  PART_EMPLOYEE_NOTES,
  PART_OPPORTUNITIES,
  N_PARTS
} Part;

static const struct {
  const char *name;
  gboolean required;
} parts[N_PARTS] = {
  [PART_TITLE] = { "title", TRUE },
  [PART_AUTHOR] = { "author", FALSE },
  [PART_DESCRIPTION] = { "description", FALSE },
  [PART_PERSONA] = { "persona", FALSE },
  [PART_STAGES] = { "stages", TRUE },
  [PART_LANES] = { "lanes", TRUE },
  [PART_TOUCHPOINTS] = { "touchpoints", TRUE },
  [PART_EMPLOYEE_NOTES] = { "employee-notes", TRUE },
  [PART_OPPORTUNITIES] = { "opportunities", TRUE },
};

static gboolean
read_part (Reader  *reader,
           Part     part,
           xmlNode *node,
           GError **error)
{
  g_auto(Props) props = { 0, };

  switch (part)
    {
    case PART_TITLE:
    case PART_AUTHOR:
    case PART_DESCRIPTION:
      if (!read_text (reader, node, &props, parts[part].name, error))
        return FALSE;
      g_object_setv (G_OBJECT (reader->journey), props.n, props.names, props.values);
      return TRUE;
    case PART_PERSONA:
      return read_persona (reader, node, error);
    case PART_STAGES:
      return read_list (reader, node, "stage", read_stage, error);
    case PART_LANES:
      return read_list (reader, node, "lane", read_lane, error);
    case PART_TOUCHPOINTS:
      return read_list (reader, node, "touchpoint", read_touchpoint, error);
    case PART_EMPLOYEE_NOTES:
      return read_list (reader, node, "employee-note", read_employee_note, error);
    case PART_OPPORTUNITIES:
      return read_list (reader, node, "opportunity", read_opportunity, error);
    case N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_root (Reader  *reader,
           xmlNode *root,
           GError **error)
{
  static const char *attributes[] = { "version", "scope", "state", "good-enough", "moment-target",
                                      "language", NULL };
  g_autofree char *language = NULL;
  g_autofree char *version_text = NULL;
  guint64 version;
  int scope, state;
  int good_enough = TP_DEFAULT_GOOD_ENOUGH;
  int moment_target = TP_DEFAULT_MOMENT_TARGET;
  guint next_part = 0;
  xmlNode *child;

  if (root == NULL || g_strcmp0 ((const char *) root->name, "journey") != 0)
    return FAIL_AT (reader, error, root, NULL,
                    _("This is not a Touchpoint journey: the document is a <%s>"),
                    root ? (const char *) root->name : "");

  /* Check the version before anything else: a newer file may hold anything. */
  version_text = get_attribute (root, "version");
  if (version_text == NULL || !g_ascii_string_to_unsigned (version_text, 10, 1, G_MAXINT, &version, NULL))
    return FAIL_AT (reader, error, root, version_text ? "version" : NULL,
                    _("The journey has no valid format version"));
  reader->version = (guint) version;
  if (version > TP_JOURNEY_FORMAT_VERSION)
    {
      tp_xml_set_error_at (error, TP_LOAD_ERROR_NEWER_VERSION, reader->display_name,
                           reader->data, reader->length, root, "version",
                           _("This journey was saved by a newer version of Touchpoint "
                             "(format version %u; this version reads up to %d). "
                             "Update Touchpoint to open it."),
                           (guint) version, TP_JOURNEY_FORMAT_VERSION);
      return FALSE;
    }

  if (!in_namespace (root))
    return FAIL_AT (reader, error, root, NULL,
                    _("This is not a Touchpoint journey: the namespace is not %s"),
                    TP_JOURNEY_NAMESPACE);

  if (!check_attributes (reader, root, attributes, error)
      || !read_enum_attribute (reader, root, "scope", TP_TYPE_SCOPE, &scope, error)
      || !read_enum_attribute (reader, root, "state", TP_TYPE_JOURNEY_STATE, &state, error)
      || !read_int_attribute (reader, root, "good-enough", TP_SCORE_MIN, TP_SCORE_MAX, &good_enough, error)
      || !read_int_attribute (reader, root, "moment-target", TP_SCORE_MIN, TP_SCORE_MAX, &moment_target, error))
    return FALSE;

  language = get_attribute (root, "language");
  if (language != NULL && (*language == '\0' || !tp_language_tag_is_valid (language)))
    return FAIL_AT (reader, error, root, "language",
                    _("The language “%s” is not a language code such as en or nl"), language);

  g_object_set (reader->journey,
                "language", language,
                "scope", scope,
                "state", state,
                "good-enough", good_enough,
                "moment-target", moment_target,
                NULL);

  if (!next_element (reader, root->children, &child, error))
    return FALSE;

  while (child != NULL)
    {
      guint p;

      for (p = next_part; p < N_PARTS; p++)
        if (node_is (child, parts[p].name))
          break;
      if (p == N_PARTS)
        return FAIL_AT (reader, error, child, NULL,
                        _("Unexpected element <%s> in <journey> (unknown, repeated or out of order)"),
                        (const char *) child->name);

      for (guint missing = next_part; missing < p; missing++)
        if (parts[missing].required)
          return FAIL_AT (reader, error, child, NULL, _("<journey> lacks <%s> before <%s>"),
                          parts[missing].name, (const char *) child->name);

      if (!read_part (reader, p, child, error))
        return FALSE;

      next_part = p + 1;
      if (!next_element (reader, child->next, &child, error))
        return FALSE;
    }

  for (guint missing = next_part; missing < N_PARTS; missing++)
    if (parts[missing].required)
      return FAIL_AT (reader, error, root, NULL, _("<journey> lacks <%s>"), parts[missing].name);

  return TRUE;
}

TpJourney *
tp_journey_format_read (const char  *data,
                        gsize        length,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(TpJourney) journey = tp_journey_new ();
  g_autoptr(GError) local_error = NULL;
  Reader reader = { data, length, display_name, journey, 0 };
  xmlDoc *doc;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* Blank text between elements is skipped below anyway. */
  doc = tp_xml_read_untrusted_full (data, length, display_name, TP_JOURNEY_MAX_DEPTH,
                                    TP_XML_READ_SKIP_SPACE_BETWEEN_ELEMENTS, error);
  if (doc == NULL)
    return NULL;

  tp_journey_begin_bulk_append (journey);
  ok = read_root (&reader, xmlDocGetRootElement (doc), error);
  xmlFreeDoc (doc);
  if (!ok)
    return NULL;
  tp_journey_end_bulk_append (journey);

  /* The reader checked references as it went; this catches anything it missed. */
  if (!tp_journey_validate (journey, &local_error))
    {
      g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID, "%s:1:1: %s",
                   display_name, local_error->message);
      return NULL;
    }

  return g_steal_pointer (&journey);
}

char *
tp_file_dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename ? basename : "");
}

gboolean
tp_journey_format_check_size (GBytes      *bytes,
                              GFile       *file,
                              GError     **error)
{
  gsize size = g_bytes_get_size (bytes);
  g_autofree char *display_name = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *limit = NULL;

  if (size <= TP_JOURNEY_MAX_FILE_SIZE)
    return TRUE;
  display_name = tp_file_dup_display_basename (file);
  actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  limit = g_format_size_full (TP_JOURNEY_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("“%s” was not saved: it would be %s, and Touchpoint opens journeys of at most %s. "
                 "Shorten the longest texts and save again."),
               display_name, actual, limit);
  return FALSE;
}

TpJourney *
tp_journey_format_load_file_bytes (GFile         *file,
                                   GBytes       **bytes_out,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  TpJourney *journey;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = tp_file_read_capped (file, TP_JOURNEY_MAX_FILE_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  display_name = tp_file_dup_display_basename (file);
  data = g_bytes_get_data (bytes, &length);
  journey = tp_journey_format_read (data ? data : "", length, display_name, error);
  if (journey != NULL && bytes_out != NULL)
    *bytes_out = g_steal_pointer (&bytes);
  return journey;
}

TpJourney *
tp_journey_format_load_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return tp_journey_format_load_file_bytes (file, NULL, cancellable, error);
}
