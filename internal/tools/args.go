package tools

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// maxExactInteger is the largest integer a JSON number (a float64) holds unambiguously:
// 2^53 itself is also what 2^53+1 rounds to, so from 2^53 on, the value received may
// not be the one the client wrote, and an id could name another object.
const maxExactInteger = 1<<53 - 1

// Args holds validated arguments of one call, with defaults applied.
type Args struct {
	values map[string]any
}

// Validate checks raw call arguments against params and returns them with defaults
// applied. Unknown names, wrong types, missing required values, values outside an enum,
// numbers outside their bounds and overlong texts are InvalidArgument errors that name
// the parameter.
func Validate(params []Param, raw map[string]any) (Args, error) {
	byName := make(map[string]Param, len(params))
	for _, p := range params {
		byName[p.Name] = p
	}

	unknown := make([]string, 0)
	for name := range raw {
		if _, ok := byName[name]; !ok {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		return Args{}, toolerr.New(toolerr.InvalidArgument,
			"unknown parameter %s; accepted parameters: %s", quoteAll(unknown), names(params))
	}

	// Every missing required parameter is named at once, so that one correction does.
	var missing []string
	for _, p := range params {
		if v, present := raw[p.Name]; p.Required && (!present || v == nil) {
			missing = append(missing, p.Name)
		}
	}
	switch {
	case len(missing) == 1:
		return Args{}, toolerr.New(toolerr.InvalidArgument, "parameter %q is required",
			missing[0])
	case len(missing) > 1:
		return Args{}, toolerr.New(toolerr.InvalidArgument, "parameters %s are required",
			quoteAll(missing))
	}

	values := make(map[string]any, len(params))
	for _, p := range params {
		v, present := raw[p.Name]
		if !present || v == nil {
			if p.Default != nil {
				values[p.Name] = p.Default
			}
			continue
		}
		if err := checkLength(p.Name, v); err != nil {
			return Args{}, err
		}
		norm, err := p.check(v)
		if err != nil {
			return Args{}, err
		}
		values[p.Name] = norm
	}
	return Args{values: values}, nil
}

// check validates one given argument against p's type and returns it in the form the
// Args accessors read: trimmed ids as strings, integers as int64, lists as []string.
func (p Param) check(v any) (any, error) {
	bad := func(want string) error {
		return toolerr.New(toolerr.InvalidArgument, "parameter %q must be %s, got %s",
			p.Name, want, describe(v))
	}

	switch p.Type {
	case String:
		s, ok := v.(string)
		if !ok {
			return nil, bad("a string")
		}
		if len(p.Enum) > 0 {
			return p.checkEnum(s)
		}
		if p.NotBlank && strings.TrimSpace(s) == "" {
			return nil, toolerr.New(toolerr.InvalidArgument, "parameter %q must not be blank",
				p.Name)
		}
		return s, nil
	case ID:
		return p.checkID(v, bad, listPlace{})
	case Boolean:
		b, ok := boolArg(v)
		if !ok {
			return nil, p.badText(v, bad, "true or false")
		}
		return b, nil
	case Integer:
		f, ok := numberArg(v)
		if !ok || f != math.Trunc(f) {
			return nil, p.badText(v, bad, "an integer")
		}
		if math.Abs(f) > maxExactInteger {
			return nil, p.outOfRange(v)
		}
		if err := p.checkBounds(f); err != nil {
			return nil, err
		}
		return int64(f), nil
	case Number:
		f, ok := numberArg(v)
		if !ok {
			return nil, p.badText(v, bad, "a number")
		}
		if err := p.checkBounds(f); err != nil {
			return nil, err
		}
		return f, nil
	case StringList:
		return p.checkStrings(v, bad)
	case IDList:
		return p.checkIDs(v, bad)
	case JSONObject:
		m, ok := v.(map[string]any)
		if !ok {
			return nil, bad("an object")
		}
		return m, nil
	case StringTuples:
		return p.checkTuples(v, bad)
	}
	return nil, toolerr.New(toolerr.Internal, "parameter %q has an unsupported type", p.Name)
}

// badText refuses a value of a parameter that also takes its value written as text. A
// string is quoted in the message, since "got a string" would mislead where "10" or
// "true" is accepted; a long one is cut, so the message stays one short line.
func (p Param) badText(v any, bad func(string) error, want string) error {
	s, isText := v.(string)
	if !isText {
		return bad(want)
	}
	const shown = 40
	quoted := strconv.Quote(s)
	if r := []rune(s); len(r) > shown {
		quoted = strconv.Quote(string(r[:shown]))
		quoted = quoted[:len(quoted)-1] + `…"`
	}
	return toolerr.New(toolerr.InvalidArgument, "parameter %q must be %s, got %s",
		p.Name, want, quoted)
}

// checkEnum matches s against the enum ignoring case and returns the declared
// spelling, so an agent that writes "asc" for "ASC" is understood.
func (p Param) checkEnum(s string) (any, error) {
	return enumValue("parameter", p.Name, p.Enum, s)
}

// enumValue returns the value of values that s spells, ignoring case, or an
// InvalidArgument error for the what (a parameter, an advanced field) called name.
func enumValue(what, name string, values []string, s string) (string, error) {
	for _, e := range values {
		if strings.EqualFold(e, strings.TrimSpace(s)) {
			return e, nil
		}
	}
	// The value given and a likely intended one come first: error texts are cut to a
	// bounded length, and a long list of choices must not push them out.
	if near := nearValue(values, s); near != "" {
		return "", toolerr.New(toolerr.InvalidArgument,
			"%s %q got %q; did you mean %q? It must be one of %s",
			what, name, s, near, strings.Join(values, ", "))
	}
	return "", toolerr.New(toolerr.InvalidArgument, "%s %q got %q; it must be one of %s",
		what, name, s, strings.Join(values, ", "))
}

// nearValue returns the one of values s most likely meant: the value spelled alike
// but for case and punctuation (WEB_MAIL for WEBMAIL), or else the only value that
// starts with s or that s starts with (STREAMING for STREAMING_MEDIA).
func nearValue(values []string, s string) string {
	key := func(v string) string {
		return strings.Map(func(r rune) rune {
			if r == '_' || r == '-' || r == ' ' || r == '.' {
				return -1
			}
			return unicode.ToUpper(r)
		}, v)
	}
	want := key(s)
	if want == "" {
		return ""
	}
	var prefixed []string
	for _, e := range values {
		k := key(e)
		if k == want {
			return e
		}
		if strings.HasPrefix(k, want) || strings.HasPrefix(want, k) {
			prefixed = append(prefixed, e)
		}
	}
	if len(prefixed) == 1 {
		return prefixed[0]
	}
	return ""
}

// checkID accepts an id given as a string or as a whole number, and returns it as a
// trimmed string, in plain decimal when p is Numeric (see numericID). A number beyond
// maxExactInteger is refused: the client may have sent another id than the one it was
// given, and the call would act on the wrong object. where is as for numericID.
func (p Param) checkID(v any, bad func(string) error, where listPlace) (string, error) {
	id, err := p.idText(v, bad)
	if err != nil || !p.Numeric {
		return id, err
	}
	return p.numericID(id, v, where)
}

// idText returns an id argument as text: a string trimmed, a number in its digits.
func (p Param) idText(v any, bad func(string) error) (string, error) {
	switch x := v.(type) {
	case string:
		if strings.TrimSpace(x) == "" {
			return "", toolerr.New(toolerr.InvalidArgument, "parameter %q must not be empty",
				p.Name)
		}
		return strings.TrimSpace(x), nil
	case json.Number:
		return x.String(), nil
	case float64:
		if x != math.Trunc(x) {
			return "", bad("an id (a string or a whole number)")
		}
		// Integers of 2^53 or more written in plain digits arrive as json.Number; a
		// float this large was written with a fraction or an exponent and may have
		// been rounded to a neighbouring id.
		if math.Abs(x) > maxExactInteger {
			return "", bad("an id in plain digits, as a string or a whole number " +
				"without fraction or exponent (a number of 2^53 or more written " +
				"otherwise may have been rounded)")
		}
		return strconv.FormatInt(int64(x), 10), nil
	}
	return "", bad("an id (a string or a whole number)")
}

// checkStrings accepts a list of strings. Each item is trimmed of surrounding space,
// and an item left empty is refused with its position: sent on, " 10.0.0.1 " or ""
// would draw an error from the API that names neither the parameter nor the item.
func (p Param) checkStrings(v any, bad func(string) error) (any, error) {
	if s, isText := v.(string); isText && p.JSONText {
		if v = listFromText(s); v == any(s) {
			return nil, bad(`a list of strings, or one written as JSON text such as ["a", "b"]`)
		}
	}
	list, ok := asList(v)
	if !ok {
		return nil, bad("a list of strings")
	}
	out := make([]string, 0, len(list))
	for i, item := range list {
		s, ok := item.(string)
		if !ok {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"parameter %q must be a list of strings, but item %d of %d is %s",
				p.Name, i+1, len(list), describe(item))
		}
		if s = strings.TrimSpace(s); s == "" {
			return nil, p.emptyItem(i, len(list))
		}
		out = append(out, s)
	}
	return out, nil
}

// asList returns v as a list of items: a decoded JSON array, or a []string that an
// in-process caller passed as it is.
func asList(v any) ([]any, bool) {
	if list, ok := v.([]any); ok {
		return list, true
	}
	ss, ok := v.([]string)
	if !ok {
		return nil, false
	}
	list := make([]any, len(ss))
	for i, s := range ss {
		list[i] = s
	}
	return list, true
}

// emptyItem refuses a blank list item, naming its position counted from 1.
func (p Param) emptyItem(i, n int) error {
	return toolerr.New(toolerr.InvalidArgument,
		"parameter %q must not have empty items, but item %d of %d is empty", p.Name, i+1, n)
}

// checkIDs accepts a list of ids, each a string or a whole number as for ID; strings
// are trimmed, and an empty one is refused with its position.
func (p Param) checkIDs(v any, bad func(string) error) (any, error) {
	if s, isText := v.(string); isText && p.JSONText {
		if v = listFromText(s); v == any(s) {
			return nil, bad(`a list of ids, or one written as JSON text such as [101, 102]`)
		}
	}
	list, ok := asList(v)
	if !ok {
		return nil, bad("a list of ids")
	}
	out := make([]string, 0, len(list))
	for i, item := range list {
		if s, ok := item.(string); ok && strings.TrimSpace(s) == "" {
			return nil, p.emptyItem(i, len(list))
		}
		// The item's own fault is named, with its position: the list itself is fine.
		badItem := func(want string) error {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q must be a list of ids, but item %d of %d is %s; it must be %s",
				p.Name, i+1, len(list), describe(item), want)
		}
		id, err := p.checkID(item, badItem, listPlace{item: i + 1, of: len(list)})
		if err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// checkTuples accepts a list of lists whose items are strings or whole numbers; the
// numbers are turned into their decimal strings.
func (p Param) checkTuples(v any, bad func(string) error) (any, error) {
	const want = "a list of lists of strings"
	list, ok := v.([]any)
	if !ok {
		return nil, bad(want)
	}
	out := make([][]string, 0, len(list))
	for i, item := range list {
		inner, ok := item.([]any)
		if !ok {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"parameter %q must be %s, but item %d is %s", p.Name, want, i+1,
				describe(item))
		}
		row := make([]string, 0, len(inner))
		for j, e := range inner {
			text, ok := tupleEntry(e)
			if !ok {
				return nil, toolerr.New(toolerr.InvalidArgument,
					"parameter %q must be %s (whole numbers may stand for strings), but "+
						"entry %d of item %d is %s", p.Name, want, j+1, i+1, describeValue(e))
			}
			row = append(row, text)
		}
		out = append(out, row)
	}
	return out, nil
}

// tupleEntry reads one entry of a list of lists of strings: a string, or a whole number
// (a port, 443), which is written in plain decimal.
func tupleEntry(e any) (string, bool) {
	switch x := e.(type) {
	case string:
		return x, true
	case float64, json.Number, int, int64:
		f, _ := number(x)
		if f != math.Trunc(f) || math.Abs(f) > maxExactInteger {
			return "", false
		}
		return strconv.FormatInt(int64(f), 10), true
	}
	return "", false
}

// describeValue names v's kind, and quotes a number, which is short and says what is
// wrong with it (443.5).
func describeValue(v any) string {
	if n, isText := v.(json.Number); isText {
		return "the number " + n.String()
	}
	if f, isNumber := number(v); isNumber {
		return "the number " + strconv.FormatFloat(f, 'g', -1, 64)
	}
	return describe(v)
}

// outOfRange refuses an integer too large to be used exactly, quoting it as given (a
// 64-bit number keeps its digits) with the range the parameter takes.
func (p Param) outOfRange(v any) error {
	lo, hi := strconv.Itoa(-maxExactInteger), strconv.Itoa(maxExactInteger)
	if p.Min != nil {
		lo = strconv.FormatFloat(*p.Min, 'f', -1, 64)
	}
	if p.Max != nil {
		hi = strconv.FormatFloat(*p.Max, 'f', -1, 64)
	}
	given := fmt.Sprint(v)
	switch x := v.(type) {
	case string:
		given = strconv.Quote(strings.TrimSpace(x))
	case float64:
		given = strconv.FormatFloat(x, 'g', -1, 64)
	}
	return toolerr.New(toolerr.InvalidArgument,
		"parameter %q must be an integer from %s to %s, got %s", p.Name, lo, hi, given)
}

// checkBounds refuses a number outside p's Min and Max.
func (p Param) checkBounds(f float64) error {
	if p.Min != nil && f < *p.Min {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q must be at least %v, got %v", p.Name, *p.Min, f)
	}
	if p.Max != nil && f > *p.Max {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q must be at most %v, got %v", p.Name, *p.Max, f)
	}
	return nil
}

// number reads a JSON number, decoded either as float64 or as json.Number, or an int
// an in-process caller passed; strings are not numbers here (see numberArg).
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int:
		return float64(x), true
	case int64:
		return float64(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	}
	return 0, false
}

// describe names the JSON kind of a decoded value, for messages.
func describe(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64, json.Number, int, int64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// quoteAll quotes each name and joins them with commas, for messages.
func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

// Has reports whether the argument was given or has a default.
func (a Args) Has(name string) bool {
	_, ok := a.values[name]
	return ok
}

// String returns a string or ID argument, or "" when absent.
func (a Args) String(name string) string {
	s, _ := a.values[name].(string)
	return s
}

// Int returns an integer argument, or 0 when absent.
func (a Args) Int(name string) int64 {
	switch x := a.values[name].(type) {
	case int64:
		return x
	case int:
		return int64(x)
	case float64:
		return int64(x)
	}
	return 0
}

// Float returns a number argument, or 0 when absent.
func (a Args) Float(name string) float64 {
	switch x := a.values[name].(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	case int:
		return float64(x)
	}
	return 0
}

// Bool returns a boolean argument, or false when absent.
func (a Args) Bool(name string) bool {
	b, _ := a.values[name].(bool)
	return b
}

// Object returns an object argument, or nil when absent.
func (a Args) Object(name string) map[string]any {
	m, _ := a.values[name].(map[string]any)
	return m
}

// Tuples returns a StringTuples argument, or nil when absent.
func (a Args) Tuples(name string) [][]string {
	t, _ := a.values[name].([][]string)
	return t
}

// Strings returns a string-list or id-list argument, or nil when absent.
func (a Args) Strings(name string) []string {
	ss, _ := a.values[name].([]string)
	return ss
}
