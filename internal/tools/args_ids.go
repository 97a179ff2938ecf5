package tools

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// numericID checks the text form id of a Numeric id argument, given as v, and returns it
// in plain decimal, the form every tool sends to the API. Normalising here, where every
// id parameter is validated, makes " 01004 " and 1004 one and the same call for
// everything that reads validated arguments: the request, the signature of a
// confirmation token, the prompt that shows the call. No ZIA object has an id below 1
// but the built-in ones of p.BuiltInIDs (0 means "none" only inside object fields, which
// are no id parameters), so any other negative id or 0 is refused before any request
// rather than sent to match nothing. where says
// which list item id is, or is empty for a single id.
func (p Param) numericID(id string, v any, where string) (string, error) {
	n, err := ziaParseIntID(p.Name, id)
	if err != nil {
		return "", withPlace(err, where)
	}
	if (strings.HasPrefix(n.String(), "-") || n == "0") &&
		!slices.Contains(p.BuiltInIDs, n.String()) {
		also := ""
		if len(p.BuiltInIDs) > 0 {
			also = " or the built-in " + strings.Join(p.BuiltInIDs, ", ")
		}
		return "", toolerr.New(toolerr.InvalidArgument,
			"parameter %q must be a numeric id above 0%s, got %s%s",
			p.Name, also, givenID(id, v), where)
	}
	return n.String(), nil
}

// givenID shows an id as the client wrote it: quoted when it was text, bare when it was a
// JSON number ("-5" and -5 are told apart, and -0 stays -0).
func givenID(id string, v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(id)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case json.Number:
		return x.String()
	}
	return id
}

// withPlace appends where, the position of a list item, to an InvalidArgument message.
func withPlace(err error, where string) error {
	var te *toolerr.Error
	if !errors.As(err, &te) || where == "" {
		return err
	}
	return toolerr.New(te.Kind, "%s%s", te.Message, where)
}
