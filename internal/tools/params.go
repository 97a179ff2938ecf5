package tools

import (
	"sort"
	"strings"
)

// ParamType is the JSON type of a tool parameter.
type ParamType string

// The parameter types a tool can declare.
const (
	String  ParamType = "string"
	Integer ParamType = "integer"
	Number  ParamType = "number"
	Boolean ParamType = "boolean"
	// StringList is an array of strings.
	StringList ParamType = "array"
	// ID is an identifier. It is advertised as a string but a JSON integer is accepted
	// too, so that agents which pass numbers for numeric ids are not refused.
	ID ParamType = "id"
	// IDList is a list of identifiers, each accepted as a string or a whole number like
	// ID; it is advertised as an array of strings.
	IDList ParamType = "id_list"
	// JSONObject is a free-form JSON object, for pass-through fields.
	JSONObject ParamType = "object"
	// StringTuples is an array of short arrays of strings, such as port ranges written
	// ["dest", "tcp", "443"]; whole numbers are accepted where strings are expected.
	StringTuples ParamType = "tuples"
)

// Param declares one tool parameter. The same declaration produces the advertised
// JSON schema and drives argument validation, so the two can never disagree.
type Param struct {
	Name        string
	Type        ParamType
	Description string
	Required    bool
	Enum        []string
	// Min and Max bound Integer and Number parameters when non-nil.
	Min, Max *float64
	// Default is advertised in the schema and applied when the argument is absent.
	Default any
	// JSONText, on a StringList or IDList parameter, also accepts the list written as
	// JSON text (`"[\"MON\", \"FRI\"]"`), as the Python server does where it says so.
	JSONText bool
	// Numeric, on an ID or IDList parameter, marks ZIA ids, which are whole numbers of 1
	// or more: each is checked when the arguments are validated and kept in plain
	// decimal, the form sent to the API, so "0042" and 42 are the same call. Ids that
	// are names (URL categories, network applications, ZMS ids) leave it false.
	Numeric bool
	// BuiltInIDs are the ids below 1 that a Numeric parameter also accepts: the ids of
	// built-in objects, such as the Road Warrior location (-3).
	BuiltInIDs []string
	// NotBlank refuses a String argument that is empty or only spaces, where the API
	// would answer with a message that names no parameter (a rule's name).
	NotBlank bool
	// UpdateDescription replaces Description on update tools, where an omitted
	// argument keeps the stored value, for parameters whose text speaks of new objects.
	UpdateDescription string
}

// Bound returns a pointer to v, for Param.Min and Param.Max.
func Bound(v float64) *float64 { return &v }

// Schema returns the JSON schema properties and required list for params.
func Schema(params []Param) (properties map[string]any, required []string) {
	properties = make(map[string]any, len(params))
	for _, p := range params {
		properties[p.Name] = p.schema()
		if p.Required {
			required = append(required, p.Name)
		}
	}
	sort.Strings(required)
	return properties, required
}

// schema returns p's JSON schema. ID and IDList are advertised as strings even though
// whole numbers are accepted too: a schema that allowed both would need a combinator,
// which some model providers refuse.
func (p Param) schema() map[string]any {
	s := map[string]any{"description": p.Description}
	switch p.Type {
	case ID:
		s["type"] = "string"
	case StringList, IDList:
		s["type"] = "array"
		s["items"] = map[string]any{"type": "string"}
	case StringTuples:
		s["type"] = "array"
		s["items"] = map[string]any{"type": "array", "items": map[string]any{"type": "string"}}
	default:
		s["type"] = string(p.Type)
	}
	if len(p.Enum) > 0 {
		s["enum"] = append([]string(nil), p.Enum...)
	}
	if p.Min != nil {
		s["minimum"] = *p.Min
	}
	if p.Max != nil {
		s["maximum"] = *p.Max
	}
	if p.Default != nil {
		s["default"] = p.Default
	}
	return s
}

// names lists the parameter names, for error messages.
func names(params []Param) string {
	out := make([]string, 0, len(params))
	for _, p := range params {
		out = append(out, p.Name)
	}
	sort.Strings(out)
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, ", ")
}
