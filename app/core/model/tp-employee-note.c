/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-employee-note.h"

/* Text properties come first so they index the text[] array directly. */
enum {
  PROP_0,
  PROP_ROLE,
  PROP_DEPARTMENT,
  PROP_TEXT,
  PROP_TOUCHPOINT_ID,
  PROP_STAGE_ID,
  LAST_TEXT_PROP = PROP_STAGE_ID,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_SCORE,
  N_PROPS
};

struct _TpEmployeeNote
{
  TpElement parent_instance;
  char *text[LAST_TEXT_PROP + 1];
  TpNoteKind kind;
  int severity;
  int score;
};

G_DEFINE_FINAL_TYPE (TpEmployeeNote, tp_employee_note, TP_TYPE_ELEMENT)

static GParamSpec *properties[N_PROPS];

static void
tp_employee_note_finalize (GObject *object)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->text); i++)
    g_free (self->text[i]);

  G_OBJECT_CLASS (tp_employee_note_parent_class)->finalize (object);
}

static void
tp_employee_note_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  if (prop_id > PROP_0 && prop_id <= LAST_TEXT_PROP)
    {
      g_value_set_string (value, self->text[prop_id]);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_int (value, self->severity);
      break;
    case PROP_SCORE:
      g_value_set_int (value, self->score);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int_field (GObject    *object,
               int        *field,
               int         value,
               GParamSpec *pspec)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static void
tp_employee_note_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  if (prop_id > PROP_0 && prop_id <= LAST_TEXT_PROP)
    {
      if (tp_set_text_field (&self->text[prop_id], g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      return;
    }

  switch (prop_id)
    {
    case PROP_KIND:
      set_int_field (object, (int *) &self->kind, g_value_get_enum (value), pspec);
      break;
    case PROP_SEVERITY:
      set_int_field (object, &self->severity, g_value_get_int (value), pspec);
      break;
    case PROP_SCORE:
      set_int_field (object, &self->score, g_value_get_int (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_employee_note_class_init (TpEmployeeNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TpElementClass *element_class = TP_ELEMENT_CLASS (klass);

  object_class->finalize = tp_employee_note_finalize;
  object_class->get_property = tp_employee_note_get_property;
  object_class->set_property = tp_employee_note_set_property;
  element_class->id_prefix = "e";

  properties[PROP_ROLE] = tp_param_spec_text ("role");
  properties[PROP_DEPARTMENT] = tp_param_spec_text ("department");
  properties[PROP_TEXT] = tp_param_spec_text ("text");
  properties[PROP_TOUCHPOINT_ID] = tp_param_spec_text ("touchpoint-id");
  properties[PROP_STAGE_ID] = tp_param_spec_text ("stage-id");
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TP_TYPE_NOTE_KIND, TP_NOTE_KIND_BLOCKER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEVERITY] =
    g_param_spec_int ("severity", NULL, NULL, TP_SEVERITY_MIN, TP_SEVERITY_MAX, TP_SEVERITY_DEFAULT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_int ("score", NULL, NULL, TP_SCORE_UNSET, TP_SCORE_MAX, TP_SCORE_UNSET,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_employee_note_init (TpEmployeeNote *self)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->text); i++)
    self->text[i] = g_strdup ("");
  self->kind = TP_NOTE_KIND_BLOCKER;
  self->severity = TP_SEVERITY_DEFAULT;
}

TpEmployeeNote *
tp_employee_note_new (const char *id,
                      TpNoteKind  kind,
                      const char *text)
{
  return g_object_new (TP_TYPE_EMPLOYEE_NOTE, "id", id, "kind", kind, "text", text, NULL);
}

#define TEXT_GETTER(name, PROP) \
  const char * \
  tp_employee_note_get_##name (TpEmployeeNote *self) \
  { \
    g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), NULL); \
    return self->text[PROP]; \
  }

TEXT_GETTER (role, PROP_ROLE)
TEXT_GETTER (department, PROP_DEPARTMENT)
TEXT_GETTER (text, PROP_TEXT)
TEXT_GETTER (touchpoint_id, PROP_TOUCHPOINT_ID)
TEXT_GETTER (stage_id, PROP_STAGE_ID)

TpNoteKind
tp_employee_note_get_kind (TpEmployeeNote *self)
{
  g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), TP_NOTE_KIND_BLOCKER);
  return self->kind;
}

int
tp_employee_note_get_severity (TpEmployeeNote *self)
{
  g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), TP_SEVERITY_DEFAULT);
  return self->severity;
}

int
tp_employee_note_get_score (TpEmployeeNote *self)
{
  g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), TP_SCORE_UNSET);
  return self->score;
}
