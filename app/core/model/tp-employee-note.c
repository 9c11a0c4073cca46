/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tp-employee-note.h"

/* Text properties come first so they index the text[] array directly;
 * number properties follow and index number[]. */
enum {
  PROP_0,
  PROP_ROLE,
  PROP_DEPARTMENT,
  PROP_TEXT,
  PROP_TOUCHPOINT_ID,
  PROP_STAGE_ID,
  PROP_CAUSED_BY,
  LAST_TEXT_PROP = PROP_CAUSED_BY,
  PROP_KIND,
  FIRST_NUMBER_PROP = PROP_KIND,
  PROP_SEVERITY,
  PROP_STRENGTH,
  PROP_SCORE,
  PROP_EVIDENCE,
  PROP_RESPONDENTS,
  N_PROPS
};

#define NUMBER(self, prop) ((self)->number[(prop) - FIRST_NUMBER_PROP])
#define FIELDS(self) (&(TpFields) { (self)->text, LAST_TEXT_PROP, (self)->number, FIRST_NUMBER_PROP, N_PROPS })

struct _TpEmployeeNote
{
  TpElement parent_instance;
  char *text[LAST_TEXT_PROP + 1];
  int number[N_PROPS - FIRST_NUMBER_PROP];
};

G_DEFINE_FINAL_TYPE (TpEmployeeNote, tp_employee_note, TP_TYPE_ELEMENT)

static GParamSpec *properties[N_PROPS];

static void
tp_employee_note_finalize (GObject *object)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  tp_fields_finalize (FIELDS (self));

  G_OBJECT_CLASS (tp_employee_note_parent_class)->finalize (object);
}

static void
tp_employee_note_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  tp_fields_get_property (FIELDS (self), object, prop_id, value, pspec);
}

static void
tp_employee_note_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpEmployeeNote *self = TP_EMPLOYEE_NOTE (object);

  tp_fields_set_property (FIELDS (self), object, prop_id, value, pspec);
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
  properties[PROP_CAUSED_BY] = tp_param_spec_text ("caused-by");
  properties[PROP_KIND] = tp_param_spec_choice ("kind", TP_TYPE_NOTE_KIND, TP_NOTE_KIND_BLOCKER);
  properties[PROP_SEVERITY] =
    tp_param_spec_range ("severity", TP_SEVERITY_MIN, TP_SEVERITY_MAX, TP_SEVERITY_DEFAULT);
  properties[PROP_STRENGTH] = tp_param_spec_range ("strength", 0, TP_STRENGTH_MAX, 0);
  properties[PROP_SCORE] = tp_param_spec_range ("score", TP_SCORE_UNSET, TP_SCORE_MAX, TP_SCORE_UNSET);
  properties[PROP_EVIDENCE] = tp_param_spec_choice ("evidence", TP_TYPE_EVIDENCE, TP_EVIDENCE_NONE);
  properties[PROP_RESPONDENTS] = tp_param_spec_range ("respondents", 0, TP_RESPONDENTS_MAX, 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_employee_note_init (TpEmployeeNote *self)
{
  tp_fields_init (FIELDS (self));
  NUMBER (self, PROP_KIND) = TP_NOTE_KIND_BLOCKER;
  NUMBER (self, PROP_SEVERITY) = TP_SEVERITY_DEFAULT;
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
TEXT_GETTER (caused_by, PROP_CAUSED_BY)

#define NUMBER_GETTER(type, name, PROP, fallback) \
  type \
  tp_employee_note_get_##name (TpEmployeeNote *self) \
  { \
    g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), fallback); \
    return (type) NUMBER (self, PROP); \
  }

NUMBER_GETTER (TpNoteKind, kind, PROP_KIND, TP_NOTE_KIND_BLOCKER)
NUMBER_GETTER (int, severity, PROP_SEVERITY, TP_SEVERITY_DEFAULT)
NUMBER_GETTER (int, strength, PROP_STRENGTH, 0)
NUMBER_GETTER (int, score, PROP_SCORE, TP_SCORE_UNSET)
NUMBER_GETTER (TpEvidence, evidence, PROP_EVIDENCE, TP_EVIDENCE_NONE)
NUMBER_GETTER (int, respondents, PROP_RESPONDENTS, 0)

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

const char *
tp_employee_note_get_causing_department (TpEmployeeNote *self)
{
  g_return_val_if_fail (TP_IS_EMPLOYEE_NOTE (self), NULL);
  return is_blank (self->text[PROP_CAUSED_BY]) ? self->text[PROP_DEPARTMENT]
                                               : self->text[PROP_CAUSED_BY];
}
