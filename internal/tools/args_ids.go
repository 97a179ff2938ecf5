package tools

import (
	"encoding/json"
	"errors"
	"fmt"
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
// rather than sent to match nothing. where says which list item id is; it is the zero
// listPlace for a single id.
func (p Param) numericID(id string, v any, where listPlace) (string, error) {
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

// listPlace is the position of an item in a list argument, 1-based, for error messages;
// the zero listPlace is no list item. It is written out only when an error needs it,
// not for every item checked.
type listPlace struct{ item, of int }

// String is " (item i of n)", or empty for no list item.
func (l listPlace) String() string {
	if l.of == 0 {
		return ""
	}
	return fmt.Sprintf(" (item %d of %d)", l.item, l.of)
}

// withPlace appends where, the position of a list item, to the message of a
// toolerr.Error, keeping its kind; any other error, and any error of no list item, is
// returned as it is.
func withPlace(err error, where listPlace) error {
	var te *toolerr.Error
	if !errors.As(err, &te) || where.of == 0 {
		return err
	}
	return toolerr.New(te.Kind, "%s%s", te.Message, where)
}
